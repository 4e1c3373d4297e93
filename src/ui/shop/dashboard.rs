//! Tableau de bord of the shop (E1, E2): stock, order and supplier figures, a red banner when
//! products are out of stock, quick actions.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::offline::Replica;
use crate::ui::components::{Greeting, Loaded, PageHeader};
use crate::ui::i18n::{t, t_with};

#[component]
pub fn ShopDashboard() -> impl IntoView {
    let summary = Resource::new(Replica::track, |_| Replica::stock_figures());
    view! {
        <PageHeader title="nav.dashboard"/>
        <Greeting key="page.shop.dashboard.intro"/>
        <div class="quick-actions">
            <A href="/shop/products?new=1" attr:class="button primary">{t("products.add")}</A>
            <A href="/shop/orders?new=1" attr:class="button primary">{t("orders.add")}</A>
            <A href="/shop/products?scan=1" attr:class="button">{t("scanner.open")}</A>
            <A href="/shop/history" attr:class="button">{t("history.title")}</A>
            <A href="/shop/stats" attr:class="button">{t("dashboard.stats")}</A>
        </div>
        <Loaded resource=summary show=|s| {
            let ruptures = s.rupture_count;
            view! {
                <Show when=move || { ruptures > 0 }>
                    <A href="/shop/products?status=rupture" attr:class="alert-banner">
                        {t_with("dashboard.rupture_banner", move || vec![("count", ruptures.to_string())])}
                    </A>
                </Show>
                <dl class="kpis">
                    <div class="kpi"><dt>{t("dashboard.products")}</dt><dd>{s.product_count}</dd></div>
                    <div class="kpi"><dt>{t("dashboard.stock_value")}</dt><dd>{crate::ui::format::amount(s.stock_value)}</dd></div>
                    <div class="kpi" data-status="rupture"><dt>{t("stock.status.rupture")}</dt><dd>{s.rupture_count}</dd></div>
                    <div class="kpi" data-status="low"><dt>{t("stock.status.low")}</dt><dd>{s.low_count}</dd></div>
                    <div class="kpi"><dt>{t("dashboard.pending_orders")}</dt><dd data-figure="pending-orders">{s.pending_orders}</dd></div>
                    <div class="kpi"><dt>{t("dashboard.active_orders")}</dt><dd data-figure="active-orders">{s.active_orders}</dd></div>
                    <div class="kpi"><dt>{t("dashboard.next_delivery")}</dt><dd data-figure="next-delivery">{match s.next_delivery {
                        Some(day) => crate::ui::format::day(&day).into_any(),
                        None => t("dashboard.none").into_any(),
                    }}</dd></div>
                    <div class="kpi"><dt>{t("dashboard.suppliers")}</dt><dd data-figure="suppliers">{s.supplier_count}</dd></div>
                </dl>
            }
        }/>
    }
}
