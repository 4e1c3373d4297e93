//! The shape every screen gives what it reads: "Chargement…" until the first answer (the
//! previous content stays while it reloads), the server's refusal as one line, then the content;
//! for a list, its count, its items or its empty state, and the pager.

use leptos::prelude::*;

use super::Pager;
use crate::domain::AppError;
use crate::i18n::translate;
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

/// What `resource` holds, drawn by `show` once it has answered.
#[component]
pub fn Loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    show: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(value) => show(value).into_any(),
                    Err(error) => view! { <ErrorLine error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The server's refusal of a read, in the user's language.
#[component]
pub fn ErrorLine(error: AppError) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    view! { <p class="form-alert" role="alert">{move || translate(lang.get(), error.message_key()).to_owned()}</p> }
}

/// One page of a list: `count` (an i18n text with `{count}`) when given, the items (`children`)
/// or the `empty` text, and the pager.
#[component]
pub fn ListPage(
    /// Items of every page.
    total: u64,
    /// The page shown, from 0.
    page: u32,
    page_size: u32,
    empty: &'static str,
    #[prop(optional)] count: Option<&'static str>,
    #[prop(into)] on_page: Callback<u32>,
    children: Children,
) -> impl IntoView {
    let pages = total.div_ceil(u64::from(page_size)).max(1);
    let count = count.map(|key| {
        view! { <p class="muted result-count">{t_with(key, move || vec![("count", total.to_string())])}</p> }
    });
    if total == 0 {
        return view! { <p class="empty-state">{t(empty)}</p> }.into_any();
    }
    view! {
        {count}
        {children()}
        <Pager page pages on_change=on_page/>
    }
    .into_any()
}
