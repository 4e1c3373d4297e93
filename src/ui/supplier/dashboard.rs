//! Tableau de bord of a supplier (F4 comes with the marketplace issue).

use leptos::prelude::*;

use crate::ui::components::{Greeting, PageHeader};

#[component]
pub fn SupplierDashboard() -> impl IntoView {
    view! {
        <PageHeader title="nav.dashboard"/>
        <Greeting key="page.supplier.dashboard.intro"/>
    }
}
