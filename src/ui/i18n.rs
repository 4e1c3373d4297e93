//! Translations for views: the text of a key in the language the user picked, as reactive
//! closures (the table itself is `crate::i18n`).

use leptos::prelude::*;

use super::prefs::Prefs;
use crate::i18n::{fill, translate};

/// The text of `key` in the current language, as a reactive closure for views.
pub fn t(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = expect_context::<Prefs>().lang;
    move || translate(lang.get(), key)
}

/// The text of `key`, with its `{name}` placeholders replaced and its words agreeing with the
/// numbers (`crate::i18n::fill`), as a reactive closure.
pub fn t_with(
    key: &'static str,
    args: impl Fn() -> Vec<(&'static str, String)> + Send + Sync + 'static,
) -> impl Fn() -> String {
    let lang = expect_context::<Prefs>().lang;
    move || {
        let lang = lang.get();
        fill(lang, translate(lang, key), &args())
    }
}
