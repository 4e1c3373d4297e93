//! Commandes (C4–C8): spending this month and quarter, filters, the list, the order form, and
//! the detail with its progress bar, delivery, "Recommander", recurrence and WhatsApp.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::connected_orders::RateOrder;
use crate::api::orders::{
    CreateOrder, DeliverOrder, Order, OrderQuery, OrderSummary, Reorder, SetOrderStatus,
    SetRecurrence, get_order, list_orders,
};
use crate::api::products::Product;
use crate::api::suppliers::{SupplierSort, list_suppliers};
use crate::domain::AppError;
use crate::domain::connected_order::RatingInput;
use crate::domain::order::{OrderInput, OrderLineInput, OrderStatus, ReceivedLine, Recurrence};
use crate::domain::period::Period;
use crate::domain::photo::PhotoTarget;
use crate::domain::supplier::whatsapp_link;
use crate::offline::send;
use crate::ui::components::{
    ConfirmDialog, DateRangeFields, FieldError, FormAlert, FormErrors, Modal, OrderBadge,
    PageHeader, Pager, PhotoField, Stars, refresh_periodically,
};
use crate::ui::format;
use crate::ui::i18n::{t, t_with, translate};
use crate::ui::prefs::Prefs;
use crate::ui::shop::product_search::ProductSearch;

#[derive(Clone)]
enum Dialog {
    /// A new order; "Commander" on an alert (D4) also names a product and a quantity.
    Create {
        supplier_id: String,
        product: Option<(String, i64)>,
    },
    Detail(String),
}

const PERIODS: [(Period, &str); 4] = [
    (Period::All, "orders.period.all"),
    (Period::ThisWeek, "orders.period.week"),
    (Period::ThisMonth, "orders.period.month"),
    (Period::Dates, "orders.period.dates"),
];

#[component]
pub fn OrdersPage() -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let query = RwSignal::new(OrderQuery::default());
    let version = RwSignal::new(0u32);
    let dialog = RwSignal::new(None::<Dialog>);
    let orders = Resource::new(
        move || (query.get(), version.get()),
        |(q, _)| list_orders(q),
    );
    let suppliers = Resource::new(|| (), |_| list_suppliers(SupplierSort::Name));
    // A registered supplier moves connected orders on its side: show it without a reload.
    refresh_periodically(version);
    let close = Callback::new(move |_| dialog.set(None));
    let reload = Callback::new(move |_| version.update(|v| *v += 1));
    let open_order = Callback::new(move |id: String| {
        version.update(|v| *v += 1);
        dialog.set(Some(Dialog::Detail(id)));
    });
    let set = move |change: &dyn Fn(&mut OrderQuery)| {
        query.update(|q| {
            change(q);
            q.page = 0;
        })
    };

    // "+ Commande" on the dashboard and "Commander" on a supplier link here.
    let url = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        // "Commander" on an alert adds `product` and `quantity` (D4).
        let (new, supplier_id, product) = url.with_untracked(|u| {
            let quantity = u.get("quantity").and_then(|q| q.parse().ok()).unwrap_or(1);
            (
                u.get("new").is_some(),
                u.get("supplier").unwrap_or_default(),
                u.get("product").map(|p| (p, quantity)),
            )
        });
        if new {
            dialog.set(Some(Dialog::Create {
                supplier_id,
                product,
            }));
            navigate(
                "/shop/orders",
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });

    view! {
        <PageHeader title="nav.orders">
            <button type="button" class="button primary add-button"
                on:click=move |_| dialog.set(Some(Dialog::Create { supplier_id: String::new(), product: None }))>{t("orders.add")}</button>
        </PageHeader>
        <div class="chips" role="group" aria-label=t("orders.status")>
            <button type="button" aria-pressed=move || query.with(|q| q.status.is_none()).to_string()
                on:click=move |_| set(&|q| q.status = None)>{t("orders.all")}</button>
            {OrderStatus::ALL.into_iter().map(|s| view! {
                <button type="button" aria-pressed=move || query.with(|q| q.status == Some(s)).to_string()
                    on:click=move |_| set(&|q| q.status = Some(s))>{t(s.label_key())}</button>
            }).collect_view()}
        </div>
        <div class="toolbar">
            <select aria-label=t("orders.supplier") on:change=move |ev| { let id = event_target_value(&ev); set(&|q| q.supplier_id = id.clone()) }>
                <option value="">{t("orders.all_suppliers")}</option>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        suppliers.await.unwrap_or_default().into_iter()
                            .map(|s| view! { <option value=s.id>{s.name}</option> }).collect_view()
                    })}
                </Transition>
            </select>
            <select aria-label=t("orders.period") on:change=move |ev| {
                let value = event_target_value(&ev);
                let period = PERIODS.iter().find(|(_, key)| *key == value).map(|(p, _)| *p).unwrap_or_default();
                set(&|q| q.period = period);
            }>
                {PERIODS.into_iter().map(|(_, key)| view! { <option value=key>{move || translate(lang.get(), key).to_owned()}</option> }).collect_view()}
            </select>
            <Show when=move || query.with(|q| q.period == Period::Dates)>
                <DateRangeFields on_from=Callback::new(move |v: String| set(&|q| q.from = v.clone()))
                    on_to=Callback::new(move |v: String| set(&|q| q.to = v.clone()))/>
            </Show>
        </div>
        <Transition fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match orders.await {
                    Err(error) => view! { <p class="form-alert" role="alert">{move || translate(lang.get(), error.message_key()).to_owned()}</p> }.into_any(),
                    Ok(page) => {
                        let pages = page.total.div_ceil(u64::from(OrderQuery::PAGE_SIZE)).max(1);
                        let current = query.with_untracked(|q| q.page);
                        view! {
                            <dl class="kpis spending">
                                <div class="kpi"><dt>{t("orders.spent_month")}</dt><dd data-figure="spent-month">{format::amount(page.spent_month)}</dd></div>
                                <div class="kpi"><dt>{t("orders.spent_quarter")}</dt><dd data-figure="spent-quarter">{format::amount(page.spent_quarter)}</dd></div>
                            </dl>
                            {if page.items.is_empty() {
                                view! { <p class="empty-state">{t("orders.empty")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="orders">
                                        {page.items.into_iter().map(|o| view! { <OrderCard order=o open=open_order/> }).collect_view()}
                                    </ul>
                                    <Pager page=current pages on_change=Callback::new(move |p| query.update(|q| q.page = p))/>
                                }.into_any()
                            }}
                        }.into_any()
                    }
                }
            })}
        </Transition>
        {move || dialog.get().map(|open| match open {
            Dialog::Create { supplier_id, product } => view! { <OrderForm supplier_id product on_created=open_order on_close=close/> }.into_any(),
            Dialog::Detail(id) => view! { <OrderDetail id on_change=reload on_open=open_order on_close=close/> }.into_any(),
        })}
    }
}

#[component]
fn OrderCard(order: OrderSummary, open: Callback<String>) -> impl IntoView {
    let id = StoredValue::new(order.id.clone());
    let number = order.number;
    let expected = order.expected_on.clone().map(|d| format::day(&d));
    view! {
        <li class="order-card" data-status=order.status.as_str()>
            <div class="product-head">
                <h3>{t_with("orders.number", move || vec![("number", number.to_string())])}</h3>
                <OrderBadge status=order.status/>
            </div>
            <p class="product-meta">
                <span class="supplier-name">{order.supplier_name.clone()}</span>
                <span>{format::day(&order.created_at)}</span>
                {expected.filter(|_| order.status.is_active()).map(|day| view! {
                    <span>{t_with("orders.expected_on", move || vec![("date", day.clone())])}</span>
                })}
                {order.recurrence.map(|_| view! { <span>{t("orders.recurring")}</span> })}
            </p>
            <p class="product-prices"><strong>{format::amount(order.received_total.unwrap_or(order.total))}</strong></p>
            <div class="card-actions">
                <button type="button" class="button" on:click=move |_| open.run(id.get_value())>{t("suppliers.details")}</button>
                {(order.status == OrderStatus::Delivered && order.rating.is_none()).then(|| view! {
                    <button type="button" class="button primary" on:click=move |_| open.run(id.get_value())>{t("rating.prompt")}</button>
                })}
                {order.rating.map(|score| view! { <Stars rating=score as f64/> })}
            </div>
        </li>
    }
}

/// A line of the order being written: quantity and price as typed.
#[derive(Clone)]
struct LineDraft {
    product_id: String,
    name: String,
    unit: String,
    quantity: RwSignal<String>,
    unit_price: RwSignal<String>,
}

impl LineDraft {
    fn amount(&self) -> i64 {
        let number = |s: RwSignal<String>| s.with(|v| v.trim().parse::<i64>().unwrap_or(0));
        number(self.quantity).saturating_mul(number(self.unit_price))
    }
}

const FORM_FIELDS: &[&str] = &["supplier_id", "lines", "expected_on", "note"];

#[component]
fn OrderForm(
    supplier_id: String,
    /// A product to start with, and how many.
    product: Option<(String, i64)>,
    on_created: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let suppliers = Resource::new(|| (), |_| list_suppliers(SupplierSort::Name));
    let supplier = RwSignal::new(supplier_id);
    let lines = RwSignal::new(Vec::<LineDraft>::new());
    let expected_on = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let pending = RwSignal::new(false);
    let total = move || lines.with(|l| l.iter().map(LineDraft::amount).sum::<i64>());
    // The typed values live as long as the form, not as the search results they came from.
    let owner = Owner::current().expect("the order form has an owner");
    let add_line = Callback::new(move |picked: Product| {
        if lines.with_untracked(|l| l.iter().any(|x| x.product_id == picked.id)) {
            return;
        }
        let line = owner.with(|| LineDraft {
            quantity: RwSignal::new("1".into()),
            unit_price: RwSignal::new(picked.purchase_price.to_string()),
            product_id: picked.id,
            name: picked.name,
            unit: picked.unit,
        });
        lines.update(|l| l.push(line));
    });
    if let Some((product_id, quantity)) = product {
        spawn_local(async move {
            if let Ok(p) = crate::api::products::get_product(product_id).await {
                add_line.run(p);
                if let Some(line) = lines.with_untracked(|l| l.first().cloned()) {
                    line.quantity.set(quantity.to_string());
                }
            }
        });
    }

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let parsed: Result<Vec<OrderLineInput>, AppError> = lines.with_untracked(|l| {
            l.iter()
                .map(|line| {
                    let number = |s: RwSignal<String>| {
                        s.get_untracked()
                            .trim()
                            .parse::<i64>()
                            .map_err(|_| AppError::invalid("lines", "error.order.line_quantity"))
                    };
                    Ok(OrderLineInput {
                        product_id: line.product_id.clone(),
                        quantity: number(line.quantity)?,
                        unit_price: number(line.unit_price)
                            .map_err(|_| AppError::invalid("lines", "error.order.line_price"))?,
                    })
                })
                .collect()
        });
        let lines = match parsed {
            Ok(lines) => lines,
            Err(error) => return errors.set(Some(error)),
        };
        let input = OrderInput {
            supplier_id: supplier.get_untracked(),
            lines,
            expected_on: expected_on.get_untracked(),
            note: note.get_untracked(),
        };
        pending.set(true);
        errors.set(None);
        spawn_local(async move {
            let result = send(|op| CreateOrder { op, input }).await;
            pending.set(false);
            match result {
                Ok(order) => on_created.run(order.summary.id),
                Err(error) => errors.set(Some(error)),
            }
        });
    };

    view! {
        <Modal title="orders.form.new" on_close>
            <form class="order-form" on:submit=submit novalidate>
                <div class="field">
                    <label for="order-supplier">{t("orders.supplier")}</label>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            let list = suppliers.await.unwrap_or_default();
                            let none = list.is_empty();
                            view! {
                                <select id="order-supplier" prop:value=move || supplier.get() on:change=move |ev| supplier.set(event_target_value(&ev))>
                                    <option value="">{t("orders.choose_supplier")}</option>
                                    {list.into_iter().map(|s| view! { <option value=s.id.clone() selected=supplier.get_untracked() == s.id>{s.name}</option> }).collect_view()}
                                </select>
                                {none.then(|| view! { <p class="muted hint"><a href="/shop/suppliers">{t("orders.no_supplier_yet")}</a></p> })}
                            }
                        })}
                    </Suspense>
                    <FieldError id="order-supplier" error=errors.for_field("supplier_id")/>
                </div>
                <ProductSearch label="orders.add_product" on_pick=add_line/>
                <ul class="order-lines">
                    <For each=move || lines.get() key=|line| line.product_id.clone() let:line>
                        <OrderLineRow line lines/>
                    </For>
                </ul>
                <FieldError id="order-lines" error=errors.for_field("lines")/>
                <p class="order-total">{t("orders.total")} " " <strong data-figure="order-total">{move || format::amount(total())}</strong></p>
                <div class="field">
                    <label for="order-expected">{t("orders.expected")}</label>
                    <input id="order-expected" type="date" prop:value=move || expected_on.get() on:change=move |ev| expected_on.set(event_target_value(&ev))/>
                    <FieldError id="order-expected" error=errors.for_field("expected_on")/>
                </div>
                <div class="field">
                    <label for="order-note">{t("stock.note")}</label>
                    <textarea id="order-note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    <FieldError id="order-note" error=errors.for_field("note")/>
                </div>
                <FormAlert message=errors.general(FORM_FIELDS)/>
                <button type="submit" class="button primary" disabled=pending>{t("orders.create")}</button>
            </form>
        </Modal>
    }
}

#[component]
fn OrderLineRow(line: LineDraft, lines: RwSignal<Vec<LineDraft>>) -> impl IntoView {
    let id = line.product_id.clone();
    let name = line.name.clone();
    let remove = move |_| lines.update(|l| l.retain(|x| x.product_id != id));
    let (quantity, price) = (line.quantity, line.unit_price);
    let quantity_label = t_with("orders.line.quantity", {
        let name = name.clone();
        move || vec![("name", name.clone())]
    });
    let price_label = t_with("orders.line.price", {
        let name = name.clone();
        move || vec![("name", name.clone())]
    });
    view! {
        <li class="order-line">
            <span class="line-name">{line.name.clone()} " " <span class="muted">{line.unit.clone()}</span></span>
            <input type="number" inputmode="numeric" min="1" aria-label=quantity_label class="line-quantity"
                prop:value=move || quantity.get() on:input=move |ev| quantity.set(event_target_value(&ev))/>
            <input type="number" inputmode="numeric" min="0" aria-label=price_label class="line-price"
                prop:value=move || price.get() on:input=move |ev| price.set(event_target_value(&ev))/>
            <button type="button" class="icon-button" aria-label=t("orders.line.remove") on:click=remove>"×"</button>
        </li>
    }
}

/// What is open inside the detail.
#[derive(Clone, Copy, PartialEq)]
enum Panel {
    None,
    Deliver,
    Cancel,
}

#[component]
fn OrderDetail(
    id: String,
    on_change: Callback<()>,
    on_open: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let id = StoredValue::new(id);
    let order = Resource::new(move || version.get(), move |_| get_order(id.get_value()));
    let changed = Callback::new(move |_| {
        version.update(|v| *v += 1);
        on_change.run(());
    });
    view! {
        <Modal title="orders.detail" on_close>
            <Transition fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
                {move || Suspend::new(async move {
                    order.await.ok().map(|o| view! { <OrderDetailBody order=o on_change=changed on_open/> })
                })}
            </Transition>
        </Modal>
    }
}

#[component]
fn OrderDetailBody(
    order: Order,
    on_change: Callback<()>,
    on_open: Callback<String>,
) -> impl IntoView {
    let summary = order.summary.clone();
    let status = summary.status;
    let number = summary.number;
    let id = StoredValue::new(summary.id.clone());
    let panel = RwSignal::new(Panel::None);
    let errors = FormErrors::new();
    let move_to = move |to: OrderStatus| {
        let id = id.get_value();
        spawn_local(async move {
            match send(|op| SetOrderStatus { op, id, status: to }).await {
                Ok(_) => on_change.run(()),
                Err(error) => errors.set(Some(error)),
            }
        });
    };
    let reorder = move |_| {
        let id = id.get_value();
        spawn_local(async move {
            match send(|op| Reorder { op, id }).await {
                Ok(copy) => on_open.run(copy.summary.id),
                Err(error) => errors.set(Some(error)),
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
            Panel::Deliver => view! { <DeliveryForm order=order.clone() on_done=on_change/> }.into_any(),
            Panel::Cancel => {
                let message = t_with("orders.cancel.confirm", move || vec![("number", number.to_string())]);
                view! {
                    <ConfirmDialog title="orders.cancel" message=Signal::derive(message) button="orders.cancel.button"
                        action=move || { let id = id.get_value(); async move { send(|op| SetOrderStatus { op, id, status: OrderStatus::Cancelled }).await.map(|_| ()) } }
                        on_done=on_change on_close=Callback::new(move |_| panel.set(Panel::None))/>
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
        {(status == OrderStatus::Cancelled).then(|| {
            let at = order.cancelled_at.clone().map(|d| format::day(&d)).unwrap_or_default();
            view! { <p class="cancelled-note" role="status">{t("order.status.cancelled")} " " {at}</p> }
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

/// "Marquer livrée": the received quantity of each line, pre-filled with what was ordered.
#[component]
fn DeliveryForm(order: Order, on_done: Callback<()>) -> impl IntoView {
    let received: Vec<(String, String, RwSignal<String>)> = order
        .lines
        .iter()
        .filter_map(|line| {
            let product_id = line.product_id.clone()?;
            Some((
                product_id,
                line.name.clone(),
                RwSignal::new(line.quantity.to_string()),
            ))
        })
        .collect();
    let rows = received.clone();
    let errors = FormErrors::new();
    let pending = RwSignal::new(false);
    let id = StoredValue::new(order.summary.id.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lines: Result<Vec<ReceivedLine>, AppError> = received
            .iter()
            .map(|(product_id, _, quantity)| {
                let quantity = quantity.get_untracked().trim().parse::<i64>();
                Ok(ReceivedLine {
                    product_id: product_id.clone(),
                    quantity: quantity.map_err(|_| {
                        AppError::invalid("received", "error.order.received_quantity")
                    })?,
                })
            })
            .collect();
        let received = match lines {
            Ok(lines) => lines,
            Err(error) => return errors.set(Some(error)),
        };
        pending.set(true);
        let id = id.get_value();
        spawn_local(async move {
            let result = send(|op| DeliverOrder { op, id, received }).await;
            pending.set(false);
            match result {
                Ok(_) => on_done.run(()),
                Err(error) => errors.set(Some(error)),
            }
        });
    };
    view! {
        <form class="card delivery-form" on:submit=submit novalidate>
            <h4>{t("orders.deliver.title")}</h4>
            <p class="muted">{t("orders.deliver.hint")}</p>
            {rows.into_iter().map(|(_, name, quantity)| {
                let label = name.clone();
                view! {
                    <label class="field inline">
                        <span>{label}</span>
                        <input type="number" inputmode="numeric" min="0" class="received-quantity"
                            prop:value=move || quantity.get() on:input=move |ev| quantity.set(event_target_value(&ev))/>
                    </label>
                }
            }).collect_view()}
            <FieldError id="received" error=errors.for_field("received")/>
            <FormAlert message=errors.general(&["received"])/>
            <button type="submit" class="button primary" disabled=pending>{t("orders.deliver.confirm")}</button>
        </form>
    }
}

/// Every week on a weekday, or every N days; or not recurring.
#[component]
fn RecurrenceForm(order: OrderSummary, on_done: Callback<()>) -> impl IntoView {
    let (kind, weekday, days) = match order.recurrence {
        Some(Recurrence::Week { weekday }) => ("week", weekday, 7),
        Some(Recurrence::Days { days }) => ("days", 1, days),
        None => ("none", 1, 7),
    };
    let kind = RwSignal::new(kind.to_owned());
    let weekday = RwSignal::new(weekday.to_string());
    let days = RwSignal::new(days.to_string());
    let errors = FormErrors::new();
    let id = StoredValue::new(order.id.clone());
    let next_run = order.next_run.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let recurrence = match kind.get_untracked().as_str() {
            "week" => Some(Recurrence::Week {
                weekday: weekday.get_untracked().parse().unwrap_or(0),
            }),
            "days" => Some(Recurrence::Days {
                days: days.get_untracked().trim().parse().unwrap_or(0),
            }),
            _ => None,
        };
        let id = id.get_value();
        spawn_local(async move {
            match send(|op| SetRecurrence { op, id, recurrence }).await {
                Ok(_) => on_done.run(()),
                Err(error) => errors.set(Some(error)),
            }
        });
    };
    view! {
        <form class="card recurrence-form" on:submit=submit novalidate>
            <h4>{t("orders.recurrence")}</h4>
            {next_run.map(|day| view! { <p class="muted" data-figure="next-run">{t_with("orders.recurrence.next", move || vec![("date", format::day(&day))])}</p> })}
            <div class="field">
                <label for="recurrence-kind">{t("orders.recurrence.every")}</label>
                <select id="recurrence-kind" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="none">{t("orders.recurrence.none")}</option>
                    <option value="week">{t("orders.recurrence.week")}</option>
                    <option value="days">{t("orders.recurrence.days")}</option>
                </select>
            </div>
            <Show when=move || kind.get() == "week">
                <div class="field">
                    <label for="recurrence-weekday">{t("orders.recurrence.weekday")}</label>
                    <select id="recurrence-weekday" prop:value=move || weekday.get() on:change=move |ev| weekday.set(event_target_value(&ev))>
                        {WEEKDAYS.into_iter().enumerate().map(|(i, key)| view! { <option value=(i + 1).to_string()>{t(key)}</option> }).collect_view()}
                    </select>
                </div>
            </Show>
            <Show when=move || kind.get() == "days">
                <div class="field">
                    <label for="recurrence-days">{t("orders.recurrence.day_count")}</label>
                    <input id="recurrence-days" type="number" inputmode="numeric" min="1" max="365"
                        prop:value=move || days.get() on:input=move |ev| days.set(event_target_value(&ev))/>
                </div>
            </Show>
            <FieldError id="recurrence" error=errors.for_field("recurrence")/>
            <FormAlert message=errors.general(&["recurrence"])/>
            <button type="submit" class="button">{t("common.save")}</button>
        </form>
    }
}

/// After delivery (G6): the stars given, or 1–5 stars and a comment to give them, once.
#[component]
fn RatingSection(order: Order, on_done: Callback<()>) -> impl IntoView {
    if let Some(score) = order.summary.rating {
        return view! {
            <section class="card rating-given" data-figure="rating">
                <h4>{t("rating.title")}</h4>
                <Stars rating=score as f64/>
                {order.rating_comment.clone().filter(|c| !c.is_empty()).map(|c| view! { <p>{c}</p> })}
            </section>
        }
        .into_any();
    }
    let score = RwSignal::new(0i64);
    let comment = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let pending = RwSignal::new(false);
    let id = StoredValue::new(order.summary.id.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        pending.set(true);
        let rating = RatingInput {
            score: score.get_untracked(),
            comment: comment.get_untracked(),
        };
        let id = id.get_value();
        spawn_local(async move {
            let result = send(|op| RateOrder { op, id, rating }).await;
            pending.set(false);
            match result {
                Ok(_) => on_done.run(()),
                Err(error) => errors.set(Some(error)),
            }
        });
    };
    view! {
        <form class="card rating-form" on:submit=submit novalidate>
            <h4>{t("rating.prompt")}</h4>
            <fieldset class="star-picker">
                <legend>{t("rating.score")}</legend>
                {(1..=5).map(|n| {
                    let label = t_with("rating.stars", move || vec![("count", n.to_string())]);
                    view! {
                        <label class=move || { if score.get() >= n { "star lit" } else { "star" } }>
                            <input type="radio" name="rating-score" value=n.to_string() aria-label=label
                                on:change=move |_| score.set(n)/>
                            <span aria-hidden="true">"★"</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <FieldError id="rating-score" error=errors.for_field("score")/>
            <div class="field">
                <label for="rating-comment">{t("rating.comment")}</label>
                <textarea id="rating-comment" rows="2" prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                <FieldError id="rating-comment" error=errors.for_field("comment")/>
            </div>
            <FormAlert message=errors.general(&["score", "comment"])/>
            <button type="submit" class="button primary" disabled=pending>{t("rating.submit")}</button>
        </form>
    }
    .into_any()
}

const WEEKDAYS: [&str; 7] = [
    "weekday.monday",
    "weekday.tuesday",
    "weekday.wednesday",
    "weekday.thursday",
    "weekday.friday",
    "weekday.saturday",
    "weekday.sunday",
];

/// The order as a WhatsApp message to the supplier, in the user's language.
fn order_message(lang: crate::ui::prefs::Lang, order: &Order, shop: &str) -> String {
    let header = translate(lang, "orders.message.header")
        .replace("{number}", &order.summary.number.to_string())
        .replace("{shop}", shop);
    let lines: Vec<String> = order
        .lines
        .iter()
        .map(|l| format!("- {} × {} {}", l.name, l.quantity, l.unit))
        .collect();
    let mut text = format!("{header}\n{}", lines.join("\n"));
    if let Some(day) = &order.summary.expected_on {
        text.push_str(&format!(
            "\n{}",
            translate(lang, "orders.message.expected").replace("{date}", &format::day(day))
        ));
    }
    text
}
