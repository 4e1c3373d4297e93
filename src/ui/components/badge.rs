//! The stock status badge (B3): rupture red, stock bas orange, surstock blue.

use leptos::prelude::*;

use crate::domain::stock::StockStatus;
use crate::ui::i18n::t;

#[component]
pub fn StatusBadge(status: StockStatus) -> impl IntoView {
    view! { <span class="status-badge" data-status=status.as_str()>{t(status.label_key())}</span> }
}
