//! An order's detail (C5–C8): its progress, lines and totals, and what can be done with it.

use leptos::prelude::*;

use super::delivery::DeliveryForm;
use super::message::order_message;
use super::rating::RatingSection;
use super::recurrence::RecurrenceForm;
use crate::api::orders::Reorder;
use crate::domain::order::{Order, OrderStatus};
use crate::domain::outbox::OfflineWrite;
use crate::domain::photo::PhotoTarget;
use crate::domain::supplier::whatsapp_link;
use crate::offline::Replica;
use crate::offline::{Submission, send};
use crate::ui::components::{ConfirmDialog, Drafts, FormAlert, FormErrors, Modal, PhotoField};
use crate::ui::format;
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

/// What is open inside the detail.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Panel {
    None,
    Deliver,
    Cancel,
}

#[component]
pub fn OrderDetail(
    id: String,
    on_change: Callback<()>,
    on_open: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let id = StoredValue::new(id);
    // The phone's replica answers (offline too) and follows the order's changes.
    let order = Resource::new(
        move || (version.get(), Replica::track()),
        move |_| Replica::order(id.get_value()),
    );
    // Drawn again only when the order itself changed: a sync that did not touch it leaves what
    // is being typed (a delivery's quantities) and what is under way as it is.
    // While it is read again the resource has no value: the order on screen stays. The server's
    // copy of a step made on the phone differs only in its time, and the detail shows days: it
    // is not drawn again for that (an open delivery form stays as it is typed).
    let current = Memo::new_with_compare(
        move |shown: Option<&Option<Order>>| {
            order
                .get()
                .and_then(Result::ok)
                .or_else(|| shown.cloned().flatten())
        },
        |before, after| {
            before.map(|o| o.as_ref().map(as_shown)) != after.map(|o| o.as_ref().map(as_shown))
        },
    );
    let changed = Callback::new(move |_| {
        version.update(|v| *v += 1);
        on_change.run(());
    });
    // What is open and typed lives here, above the body: a redraw of the body (a sync that
    // changed the order) keeps an open delivery form and its quantities.
    let panel = RwSignal::new(Panel::None);
    let typed = Drafts::default();
    view! {
        <Modal title="orders.detail" on_close>
            {move || match current.get() {
                Some(order) => view! { <OrderDetailBody order panel typed on_change=changed on_open/> }.into_any(),
                None => view! { <p class="loading">{t("common.loading")}</p> }.into_any(),
            }}
        </Modal>
    }
}

#[component]
fn OrderDetailBody(
    order: Order,
    panel: RwSignal<Panel>,
    typed: Drafts<String>,
    on_change: Callback<()>,
    on_open: Callback<String>,
) -> impl IntoView {
    let summary = order.summary.clone();
    let status = summary.status;
    let number = summary.number;
    let id = StoredValue::new(summary.id.clone());
    let submission = Submission::new();
    // A step taken closes what was open.
    let done = Callback::new(move |_| {
        panel.set(Panel::None);
        on_change.run(());
    });
    let errors = FormErrors::of(submission);
    let move_to = move |status: OrderStatus| {
        let id = id.get_value();
        submission.run(
            Replica::write(OfflineWrite::OrderStatus { id, status }),
            move |_| on_change.run(()),
        );
    };
    // The copy opens even if a sync redraws this order meanwhile (its answer is the parent's).
    let reorder = move |_| {
        let id = id.get_value();
        leptos::task::spawn_local(async move {
            // An order made on the phone reaches the server first.
            Replica::settled().await;
            match send(move |op| Reorder { op, id }).await {
                Ok(copy) => on_open.run(copy.summary.id),
                Err(error) => _ = submission.error.try_set(Some(error)),
            }
        });
    };
    let whatsapp = order.summary.supplier_id.as_ref().and(
        order
            .supplier_whatsapp
            .clone()
            .filter(|n| !n.is_empty())
            .or(order.supplier_phone.clone().filter(|n| !n.is_empty())),
    );
    let message_order = order.clone();
    let rated = order.clone();
    let attachment = order.attachment.clone();
    let lang = expect_context::<Prefs>().lang;
    let shop = expect_context::<crate::domain::Session>().workspace_name;
    view! {
        <h3>{t_with("orders.number", move || vec![("number", number.to_string())])} " · " {summary.supplier_name.clone()}</h3>
        {order.vendor_profile_id.clone().map(|profile| view! {
            <p class="muted connected-note">{t("orders.connected")} " "
                <a href=format!("/shop/marketplace/{profile}")>{t("orders.connected.see_supplier")}</a></p>
        })}
        <Timeline order=order.clone()/>
        {order.refusal_reason.clone().map(|reason| view! {
            <p class="cancelled-note" data-figure="refusal-reason">{t("inbox.refused_because")} " " {reason}</p>
        })}
        <table class="ledger order-table">
            <thead><tr>
                <th>{t("product.name")}</th><th>{t("orders.quantity")}</th><th>{t("orders.unit_price")}</th>
                <th>{t("orders.subtotal")}</th>
                {(status == OrderStatus::Delivered).then(|| view! { <th>{t("orders.received")}</th> })}
            </tr></thead>
            <tbody>
                {order.lines.iter().map(|line| view! {
                    <tr>
                        <td>{line.name.clone()}</td>
                        <td>{line.quantity} " " {line.unit.clone()}</td>
                        <td>{format::amount(line.unit_price)}</td>
                        <td>{format::amount(line.quantity * line.unit_price)}</td>
                        {(status == OrderStatus::Delivered).then(|| view! { <td class="received">{line.received.unwrap_or(0)}</td> })}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="order-total">{t("orders.total")} " " <strong>{format::amount(summary.total)}</strong>
            {summary.received_total.map(|r| view! { " · " {t("orders.received_total")} " " <strong data-figure="received-total">{format::amount(r)}</strong> })}
        </p>
        {(!order.note.is_empty()).then(|| view! { <p class="muted">{order.note.clone()}</p> })}
        {order.source_number.map(|n| view! { <p class="muted">{t_with("orders.repeats", move || vec![("number", n.to_string())])}</p> })}
        <FormAlert message=errors.general(&[])/>
        <div class="card-actions order-actions">
            {(status == OrderStatus::Pending && !summary.is_connected).then(|| view! {
                <button type="button" class="button" on:click=move |_| move_to(OrderStatus::Confirmed)>{t("orders.confirm")}</button>
            })}
            {matches!(status, OrderStatus::Pending | OrderStatus::Confirmed).then(|| (!summary.is_connected).then(|| view! {
                <button type="button" class="button" on:click=move |_| move_to(OrderStatus::Shipped)>{t("orders.ship")}</button>
            }))}
            {(status.is_active() && !summary.is_connected).then(|| view! {
                <button type="button" class="button primary" on:click=move |_| panel.set(Panel::Deliver)>{t("orders.deliver")}</button>
            })}
            {whatsapp.map(|number| {
                let text = move || order_message(lang.get(), &message_order, &shop);
                view! { <a class="button whatsapp" target="_blank" rel="noopener" href=move || whatsapp_link(&number, &text())>{t("orders.whatsapp")}</a> }
            })}
            {(summary.supplier_id.is_some() && !summary.is_connected).then(|| view! {
                <button type="button" class="button" on:click=reorder>{t("orders.reorder")}</button>
            })}
            {(status.is_active() && (status == OrderStatus::Pending || !summary.is_connected)).then(|| view! {
                <button type="button" class="button danger-text" on:click=move |_| panel.set(Panel::Cancel)>{t("orders.cancel")}</button>
            })}
        </div>
        {move || match panel.get() {
            Panel::Deliver => view! { <DeliveryForm order=order.clone() typed on_done=done/> }.into_any(),
            Panel::Cancel => {
                let message = t_with("orders.cancel.confirm", move || vec![("number", number.to_string())]);
                view! {
                    <ConfirmDialog title="orders.cancel" message=Signal::derive(message) button="orders.cancel.button"
                        action=move || Replica::write(OfflineWrite::OrderStatus { id: id.get_value(), status: OrderStatus::Cancelled })
                        on_done=done on_close=Callback::new(move |_| panel.set(Panel::None))/>
                }.into_any()
            }
            Panel::None => ().into_any(),
        }}
        {(status == OrderStatus::Delivered).then(|| view! { <RatingSection order=rated on_done=on_change/> })}
        {(summary.supplier_id.is_some() && !summary.is_connected).then(|| view! { <RecurrenceForm order=summary.clone() on_done=on_change/> })}
        <section class="photo-section">
            <h4>{t("orders.attachment")}</h4>
            <PhotoField target=PhotoTarget::Order id=summary.id.clone() current=attachment
                alt="orders.attachment" on_change=Callback::new(|_| ())/>
        </section>
    }
}

/// The order as the detail shows it: its times to the day.
fn as_shown(order: &Order) -> Order {
    let day = |at: &Option<String>| {
        at.as_ref()
            .map(|at| at.chars().take(10).collect::<String>())
    };
    let mut shown = order.clone();
    shown.summary.created_at = shown.summary.created_at.chars().take(10).collect();
    shown.summary.delivered_at = day(&order.summary.delivered_at);
    shown.confirmed_at = day(&order.confirmed_at);
    shown.shipped_at = day(&order.shipped_at);
    shown.cancelled_at = day(&order.cancelled_at);
    shown
}

/// The progress bar: en attente → confirmée → expédiée → livrée, each step with its date;
/// a cancelled order says so apart.
#[component]
fn Timeline(order: Order) -> impl IntoView {
    let status = order.summary.status;
    let reached = status.step();
    let dates = [
        Some(order.summary.created_at.clone()),
        order.confirmed_at.clone(),
        order.shipped_at.clone(),
        order.summary.delivered_at.clone(),
    ];
    let expected = order.summary.expected_on.clone();
    view! {
        {(!status.is_active() && status != OrderStatus::Delivered).then(|| {
            let at = order.cancelled_at.clone().map(|d| format::day(&d)).unwrap_or_default();
            view! { <p class="cancelled-note" role="status">{t(status.label_key())} " " {at}</p> }
        })}
        <ol class="timeline" aria-label=t("orders.progress")>
            {OrderStatus::STEPS.into_iter().zip(dates).enumerate().map(|(i, (step, date))| {
                let done = reached.is_some_and(|r| i <= r);
                view! {
                    <li class:done=done aria-current=(reached == Some(i)).then_some("step")>
                        <span class="dot" aria-hidden="true"></span>
                        <span>{t(step.label_key())}</span>
                        <small class="muted">{date.map(|d| format::day(&d))}</small>
                    </li>
                }
            }).collect_view()}
        </ol>
        {expected.filter(|_| status.is_active()).map(|day| view! {
            <p class="muted">{t_with("orders.expected_on", move || vec![("date", format::day(&day))])}</p>
        })}
    }
}
