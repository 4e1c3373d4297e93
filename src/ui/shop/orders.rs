//! Commandes (C4–C8): spending this month and quarter, filters and the list; the order form and
//! the detail (with its delivery, recurrence, rating and WhatsApp message) live beside it.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::order::OrderStatus;
use crate::domain::order::{OrderQuery, OrderSummary};
use crate::domain::period::Period;
use crate::domain::supplier::SupplierSort;
use crate::i18n::translate;
use crate::offline::Replica;
use crate::ui::components::{
    DateRangeFields, ListPage, Loaded, OrderBadge, PageHeader, Stars, refresh_periodically,
};
use crate::ui::format;
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

mod delivery;
mod detail;
mod form;
mod message;
mod rating;
mod recurrence;

use detail::OrderDetail;
use form::OrderForm;

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
        move || (query.get(), version.get(), Replica::track()),
        |(q, _, _)| Replica::orders(q),
    );
    let suppliers = Resource::new(Replica::track, |_| Replica::suppliers(SupplierSort::Name));
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
                            .map(|s| view! { <option value=s.id>{s.details.name}</option> }).collect_view()
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
        <Loaded resource=orders show=move |page| view! {
            <dl class="kpis spending">
                <div class="kpi"><dt>{t("orders.spent_month")}</dt><dd data-figure="spent-month">{format::amount(page.spent_month)}</dd></div>
                <div class="kpi"><dt>{t("orders.spent_quarter")}</dt><dd data-figure="spent-quarter">{format::amount(page.spent_quarter)}</dd></div>
            </dl>
            <ListPage total=page.total page=query.with_untracked(|q| q.page) page_size=OrderQuery::PAGE_SIZE
                empty="orders.empty" on_page=move |p| query.update(|q| q.page = p)>
                <ul class="orders">
                    {page.items.into_iter().map(|o| view! { <OrderCard order=o open=open_order/> }).collect_view()}
                </ul>
            </ListPage>
        }/>
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
