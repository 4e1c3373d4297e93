//! Status badges: stock (B3: rupture red, stock bas orange, surstock blue) and orders (C5);
//! the stars of a rating (C3, G6).

use leptos::prelude::*;

use crate::domain::order::OrderStatus;
use crate::domain::stock::StockStatus;
use crate::ui::format;
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

#[component]
pub fn StatusBadge(status: StockStatus) -> impl IntoView {
    view! { <span class="status-badge" data-status=status.as_str()>{t(status.label_key())}</span> }
}

#[component]
pub fn OrderBadge(status: OrderStatus) -> impl IntoView {
    view! { <span class="status-badge" data-order=status.as_str()>{t(status.label_key())}</span> }
}

/// Average stars, drawn and spelled out for screen readers.
#[component]
pub fn Stars(rating: f64) -> impl IntoView {
    let full = rating.round().clamp(0.0, 5.0) as usize;
    let lang = expect_context::<Prefs>().lang;
    let label = t_with("suppliers.rating", move || {
        vec![("rating", format::rating(lang.get(), rating))]
    });
    view! {
        <span class="stars" role="img" aria-label=label>
            {"★".repeat(full)}{"☆".repeat(5 - full)} " " {move || format::rating(lang.get(), rating)}
        </span>
    }
}
