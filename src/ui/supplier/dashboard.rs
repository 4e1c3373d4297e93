//! Tableau de bord of a supplier (F4): catalog size, orders by stage, revenue, average rating,
//! the newest orders; and what the profile still lacks before the supplier can appear in the
//! marketplace (F1).

use leptos::prelude::*;
use leptos_router::components::A;

use super::orders::{CardDrafts, InboxCard};
use crate::api::inbox::get_supplier_stats;
use crate::api::supplier_profile::my_profile;
use crate::domain::inbox::SupplierStats;
use crate::domain::money;
use crate::i18n::translate;
use crate::ui::components::{Greeting, Loaded, PageHeader, Stars, refresh_periodically};
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

#[component]
pub fn SupplierDashboard() -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let profile = Resource::new(|| (), |_| my_profile());
    let version = RwSignal::new(0u32);
    let stats = Resource::new(move || version.get(), |_| get_supplier_stats());
    refresh_periodically(version);
    let changed = Callback::new(move |_| version.update(|v| *v += 1));
    let drafts = CardDrafts::default();
    view! {
        <PageHeader title="nav.dashboard"/>
        <Greeting key="page.supplier.dashboard.intro"/>
        <Suspense fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let missing = profile.await.map(|p| p.details.missing()).unwrap_or_default();
                if missing.is_empty() {
                    view! { <p class="success" data-figure="profile-state">{t("profile.complete")}</p> }.into_any()
                } else {
                    view! {
                        <section class="card profile-missing" data-figure="profile-state">
                            <p>{t("profile.incomplete")}</p>
                            <ul>
                                {missing.into_iter().map(|key| view! { <li>{move || translate(lang.get(), key).to_owned()}</li> }).collect_view()}
                            </ul>
                            <A href="/supplier/settings" attr:class="button primary">{t("profile.complete_it")}</A>
                        </section>
                    }.into_any()
                }
            })}
        </Suspense>
        <Loaded resource=stats show=move |stats| view! { <Figures stats drafts on_change=changed/> }/>
    }
}

#[component]
fn Figures(stats: SupplierStats, drafts: CardDrafts, on_change: Callback<()>) -> impl IntoView {
    let rating = stats.rating();
    let count = stats.rating_count;
    let revenue = if stats.revenue.is_empty() {
        money::format(0, money::DEFAULT_CURRENCY)
    } else {
        stats
            .revenue
            .iter()
            .map(|r| money::format(r.amount, &r.currency))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    view! {
        <dl class="kpis supplier-kpis">
            <div class="kpi"><dt>{t("supplier.kpi.items")}</dt><dd data-figure="item-count">{stats.item_count}</dd></div>
            <div class="kpi"><dt>{t("supplier.kpi.pending")}</dt><dd data-figure="pending">{stats.pending}</dd></div>
            <div class="kpi"><dt>{t("supplier.kpi.active")}</dt><dd data-figure="active">{stats.active}</dd></div>
            <div class="kpi"><dt>{t("supplier.kpi.delivered")}</dt><dd data-figure="delivered">{stats.delivered}</dd></div>
            <div class="kpi"><dt>{t("supplier.kpi.revenue")}</dt><dd data-figure="revenue">{revenue}</dd></div>
            <div class="kpi"><dt>{t("supplier.kpi.rating")}</dt><dd data-figure="rating">{match rating {
                Some(r) => view! {
                    <Stars rating=r/> " "
                    <small class="muted">{t_with("supplier.kpi.rating_count", move || vec![("count", count.to_string())])}</small>
                }.into_any(),
                None => view! { <span class="muted">{t("suppliers.rating.none")}</span> }.into_any(),
            }}</dd></div>
        </dl>
        <section class="recent-orders">
            <div class="section-head">
                <h2>{t("supplier.recent_orders")}</h2>
                <A href="/supplier/orders">{t("supplier.all_orders")}</A>
            </div>
            {if stats.recent.is_empty() {
                view! { <p class="empty-state">{t("inbox.empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="orders inbox">
                        {stats.recent.into_iter().map(|o| view! { <InboxCard order=o drafts on_change/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
