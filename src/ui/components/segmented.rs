//! Two or three links that read as one segmented control: the page you are on is marked with
//! `aria-current="page"` (e.g. Fournisseurs › Mes fournisseurs | Marketplace).

use leptos::prelude::*;

use crate::ui::i18n::t;

/// `links`: (href, label key); `active`: the href of the current page; `label`: the group's
/// accessible name (an i18n key).
#[component]
pub fn SegmentedLinks(
    label: &'static str,
    links: &'static [(&'static str, &'static str)],
    active: &'static str,
) -> impl IntoView {
    view! {
        <nav class="segmented segmented-links" aria-label=t(label)>
            {links.iter().map(|&(href, key)| view! {
                <a href=href aria-current=(href == active).then_some("page")>{t(key)}</a>
            }).collect_view()}
        </nav>
    }
}
