//! Status badges: stock (B3: rupture red, stock bas orange, surstock blue) and orders (C5).

use leptos::prelude::*;

use crate::domain::order::OrderStatus;
use crate::domain::stock::StockStatus;
use crate::ui::i18n::t;

#[component]
pub fn StatusBadge(status: StockStatus) -> impl IntoView {
    view! { <span class="status-badge" data-status=status.as_str()>{t(status.label_key())}</span> }
}

#[component]
pub fn OrderBadge(status: OrderStatus) -> impl IntoView {
    view! { <span class="status-badge" data-order=status.as_str()>{t(status.label_key())}</span> }
}
