//! Commandes reçues (F3): the connected orders addressed to the supplier, filtered by status,
//! each card with the shop, date, items and total, and the next step: Accepter / Refuser (with
//! a reason) on pending, Expédier on confirmed, Livrer on shipped.

use leptos::prelude::*;

use crate::api::inbox::{MoveInboxOrder, list_inbox};
use crate::domain::inbox::{InboxOrder, InboxQuery};
use crate::domain::money;
use crate::domain::order::OrderStatus;
use crate::offline::{Submission, send};
use crate::ui::components::{
    ConfirmDialog, Drafts, FieldError, FormAlert, FormErrors, ListPage, Loaded, OrderBadge,
    PageHeader, refresh_periodically,
};
use crate::ui::format;
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

#[component]
pub fn InboxPage() -> impl IntoView {
    let _lang = expect_context::<Prefs>().lang;
    let query = RwSignal::new(InboxQuery::default());
    let version = RwSignal::new(0u32);
    let orders = Resource::new(move || (query.get(), version.get()), |(q, _)| list_inbox(q));
    refresh_periodically(version);
    let changed = Callback::new(move |_| version.update(|v| *v += 1));
    let drafts = CardDrafts::default();
    let filter = move |status: Option<OrderStatus>| {
        query.set(InboxQuery { status, page: 0 });
    };
    view! {
        <PageHeader title="nav.orders"/>
        <p class="muted">{t("page.supplier.orders.intro")}</p>
        <div class="chips" role="group" aria-label=t("orders.status")>
            <button type="button" aria-pressed=move || query.with(|q| q.status.is_none()).to_string()
                on:click=move |_| filter(None)>{t("orders.all")}</button>
            {OrderStatus::ALL.into_iter().map(|s| view! {
                <button type="button" aria-pressed=move || query.with(|q| q.status == Some(s)).to_string()
                    on:click=move |_| filter(Some(s))>{t(s.label_key())}</button>
            }).collect_view()}
        </div>
        <Loaded resource=orders show=move |page| view! {
            <ListPage total=page.total page=query.with_untracked(|q| q.page) page_size=InboxQuery::PAGE_SIZE
                empty="inbox.empty" on_page=move |p| query.update(|q| q.page = p)>
                <ul class="orders inbox">
                    {page.items.into_iter().map(|order| view! { <InboxCard order drafts on_change=changed/> }).collect_view()}
                </ul>
            </ListPage>
        }/>
    }
}

/// What is open and typed on each card, by order, kept by the page: its refresh draws the
/// cards again.
#[derive(Clone, Copy, Default)]
pub struct CardDrafts {
    open: Drafts<Panel>,
    typed: Drafts<String>,
}

/// What is open on a card.
#[derive(Clone, Copy, PartialEq)]
enum Panel {
    None,
    Refuse,
    Deliver,
}

/// One received order: shop, date, lines, total, status and the supplier's next step.
#[component]
pub fn InboxCard(order: InboxOrder, drafts: CardDrafts, on_change: Callback<()>) -> impl IntoView {
    let id = StoredValue::new(order.id.clone());
    let number = order.number;
    let status = order.status;
    let currency = order.currency.clone();
    let panel = drafts.open.keep(order.id.clone(), || Panel::None);
    let submission = Submission::new();
    // A step taken closes what was open.
    let done = Callback::new(move |_| {
        panel.set(Panel::None);
        on_change.run(());
    });
    let errors = FormErrors::of(submission);
    let move_to = move |to: OrderStatus| {
        let id = id.get_value();
        submission.run(
            send(move |op| MoveInboxOrder {
                op,
                id,
                status: to,
                reason: String::new(),
            }),
            move |_| on_change.run(()),
        );
    };
    let shop = order.shop_name.clone();
    view! {
        <li class="order-card inbox-card" data-status=status.as_str()>
            <div class="product-head">
                <h3>{order.shop_name.clone()}</h3>
                <OrderBadge status/>
            </div>
            <p class="product-meta">
                <span>{t_with("orders.number", move || vec![("number", number.to_string())])}</span>
                <span>{format::date_time(&order.created_at)}</span>
            </p>
            <ul class="inbox-lines">
                {order.lines.iter().map(|line| {
                    let amount = money::format(line.quantity * line.unit_price, &currency);
                    view! {
                        <li>{line.name.clone()} " × " {line.quantity} " " {line.unit.clone()}
                            " " <span class="muted">{amount}</span></li>
                    }
                }).collect_view()}
            </ul>
            <p class="product-prices"><strong data-figure="inbox-total">{money::format(order.total, &order.currency)}</strong></p>
            {(!order.note.is_empty()).then(|| view! { <p class="muted">{order.note.clone()}</p> })}
            {order.refusal_reason.clone().map(|reason| view! {
                <p class="cancelled-note">{t("inbox.refused_because")} " " {reason}</p>
            })}
            <FormAlert message=errors.general(&[])/>
            <div class="card-actions">
                {(status == OrderStatus::Pending).then(|| view! {
                    <button type="button" class="button primary" disabled=submission.pending
                        on:click=move |_| move_to(OrderStatus::Confirmed)>{t("inbox.accept")}</button>
                    <button type="button" class="button danger-text"
                        on:click=move |_| panel.set(Panel::Refuse)>{t("inbox.refuse")}</button>
                })}
                {(status == OrderStatus::Confirmed).then(|| view! {
                    <button type="button" class="button primary" disabled=submission.pending
                        on:click=move |_| move_to(OrderStatus::Shipped)>{t("inbox.ship")}</button>
                })}
                {(status == OrderStatus::Shipped).then(|| view! {
                    <button type="button" class="button primary"
                        on:click=move |_| panel.set(Panel::Deliver)>{t("inbox.deliver")}</button>
                })}
            </div>
            {move || match panel.get() {
                Panel::Refuse => view! { <RefusalForm id=id.get_value() typed=drafts.typed on_done=done/> }.into_any(),
                Panel::Deliver => {
                    let shop = shop.clone();
                    let message = t_with("inbox.deliver.confirm", move || vec![
                        ("number", number.to_string()), ("shop", shop.clone()),
                    ]);
                    view! {
                        <ConfirmDialog title="inbox.deliver" message=Signal::derive(message) button="inbox.deliver"
                            action=move || { let id = id.get_value(); async move {
                                send(|op| MoveInboxOrder { op, id, status: OrderStatus::Delivered, reason: String::new() }).await.map(|_| ())
                            } }
                            on_done=done on_close=Callback::new(move |_| panel.set(Panel::None))/>
                    }.into_any()
                }
                Panel::None => ().into_any(),
            }}
        </li>
    }
}

/// "Refuser": the reason the shopkeeper will read.
#[component]
fn RefusalForm(id: String, typed: Drafts<String>, on_done: Callback<()>) -> impl IntoView {
    let reason = typed.keep(id.clone(), String::new);
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let id = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (id, reason) = (id.get_value(), reason.get_untracked());
        submission.run(
            send(move |op| MoveInboxOrder {
                op,
                id,
                status: OrderStatus::Refused,
                reason,
            }),
            move |_| on_done.run(()),
        );
    };
    view! {
        <form class="card refusal-form" on:submit=submit novalidate>
            <div class="field">
                <label for="refusal-reason">{t("inbox.refusal_reason")}</label>
                <textarea id="refusal-reason" rows="2" aria-describedby="refusal-reason-error"
                    prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                <FieldError id="refusal-reason" error=errors.for_field("reason")/>
            </div>
            <FormAlert message=errors.general(&["reason"])/>
            <button type="submit" class="button danger" disabled=submission.pending>{t("inbox.refuse")}</button>
        </form>
    }
}
