//! The title block of a tab page; also sets the document title.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::ui::i18n::t;

#[component]
pub fn PageHeader(
    title: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let app = t("app.name");
    let heading = t(title);
    view! {
        <Title text=move || format!("{} · {}", heading(), app())/>
        <header class="page-header">
            <h1>{heading}</h1>
            {children.map(|c| c())}
        </header>
    }
}

/// The greeting of a dashboard: the user's name and workspace.
#[component]
pub fn Greeting(key: &'static str) -> impl IntoView {
    let session = expect_context::<crate::domain::Session>();
    let text = crate::ui::i18n::t_with(key, move || {
        vec![
            ("name", session.name.clone()),
            ("workspace", session.workspace_name.clone()),
        ]
    });
    view! { <p class="intro">{text}</p> }
}

/// "Du" / "Au" day fields of a filter; each reports its `YYYY-MM-DD` value (empty when cleared).
#[component]
pub fn DateRangeFields(
    #[prop(into)] on_from: Callback<String>,
    #[prop(into)] on_to: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="date-field">{t("history.from")}
            <input type="date" on:change=move |ev| on_from.run(event_target_value(&ev))/>
        </label>
        <label class="date-field">{t("history.to")}
            <input type="date" on:change=move |ev| on_to.run(event_target_value(&ev))/>
        </label>
    }
}

/// Previous / next over server-side pages; `page` counts from 0.
#[component]
pub fn Pager(page: u32, pages: u64, #[prop(into)] on_change: Callback<u32>) -> impl IntoView {
    let on_last_page = u64::from(page) + 1 >= pages;
    view! {
        <nav class="pager" aria-label=t("products.pages")>
            <button type="button" class="button" disabled=page == 0
                on:click=move |_| on_change.run(page.saturating_sub(1))>{t("products.previous")}</button>
            <span>{crate::ui::i18n::t_with("products.page", move || vec![("page", (page + 1).to_string()), ("pages", pages.to_string())])}</span>
            <button type="button" class="button" disabled=on_last_page
                on:click=move |_| on_change.run(page + 1)>{t("products.next")}</button>
        </nav>
    }
}
