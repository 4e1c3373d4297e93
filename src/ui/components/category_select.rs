//! The category filter of a catalogue list (the supplier's own, and a supplier's page in the
//! marketplace): every category of the catalogue, or all of them.

use leptos::prelude::*;

use crate::ui::i18n::t;

#[component]
pub fn CategorySelect(
    categories: Vec<String>,
    /// The category shown now; empty for all.
    chosen: String,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="toolbar">
            <select aria-label=t("catalog.category_filter") on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" selected=chosen.is_empty()>{t("catalog.all_categories")}</option>
                {categories.into_iter().map(|c| view! {
                    <option value=c.clone() selected=c == chosen>{c.clone()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
