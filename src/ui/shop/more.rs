//! "Plus" (a phone's fifth tab): the screens its bottom bar has no room for — Fournisseurs and
//! Paramètres, with Historique and Statistiques — as large links for a thumb.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::{Icon, PageHeader};
use crate::ui::i18n::t;
use crate::ui::layout::more_links;

#[component]
pub fn MorePage() -> impl IntoView {
    view! {
        <PageHeader title="nav.more"/>
        <nav aria-label=t("nav.more")>
            <ul class="more-links">
                {more_links().map(|screen| view! {
                    <li><A href=screen.path><Icon name=screen.icon/><span>{t(screen.label)}</span></A></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
