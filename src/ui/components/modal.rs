//! A dialog over the page: a title, a close button, Escape closes it.

use leptos::prelude::*;

use crate::ui::i18n::t;

#[component]
pub fn Modal(
    /// i18n key of the title.
    title: &'static str,
    #[prop(into)] on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let title_id = format!("modal-{}", title.replace('.', "-"));
    let labelled_by = title_id.clone();
    view! {
        <div class="modal-backdrop" on:click=move |_| on_close.run(())>
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                on:click=|ev| ev.stop_propagation()
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_close.run(());
                    }
                }
            >
                <header class="modal-header">
                    <h2 id=title_id>{t(title)}</h2>
                    <button type="button" class="icon-button" aria-label=t("common.close") on:click=move |_| on_close.run(())>
                        "×"
                    </button>
                </header>
                {children()}
            </div>
        </div>
    }
}
