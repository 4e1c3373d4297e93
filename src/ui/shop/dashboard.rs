//! Tableau de bord of the shop (E1, E2 come with the shopkeeper workspace).

use leptos::prelude::*;

use crate::ui::components::{Greeting, PageHeader};
use crate::ui::i18n::t;

#[component]
pub fn ShopDashboard() -> impl IntoView {
    view! {
        <PageHeader title="nav.dashboard"/>
        <Greeting key="page.shop.dashboard.intro"/>
        <p class="empty-state">{t("page.shop.dashboard.next")}</p>
    }
}
