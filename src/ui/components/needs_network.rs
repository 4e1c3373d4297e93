//! Screens that need the server (marketplace, statistics, history, import, backup): offline,
//! they say so instead of failing (I2). They open again as soon as the network returns.

use leptos::prelude::*;

use crate::offline::Replica;
use crate::ui::i18n::t;

#[component]
pub fn NeedsNetwork(children: ChildrenFn) -> impl IntoView {
    let online = use_context::<Replica>().map(|replica| replica.online);
    view! {
        <Show
            when=move || online.is_none_or(|online| online.get())
            fallback=|| view! { <p class="needs-network card" role="status">{t("sync.needs_network")}</p> }
        >
            {children()}
        </Show>
    }
}
