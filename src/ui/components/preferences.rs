//! Language and theme switches; the choice is kept in a cookie (J2, J3).

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::i18n::translate;
use crate::ui::i18n::t;
use crate::ui::prefs::{Prefs, Theme};

/// FR / EN buttons, usable on every page including sign-in.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    view! {
        <div class="segmented" role="group" aria-label=t("settings.language")>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            aria-pressed=move || (prefs.lang.get() == lang).to_string()
                            title=lang.native_name()
                            on:click=move |_| prefs.set_lang(lang)
                        >
                            {lang.code().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    view! {
        <div class="segmented" role="group" aria-label=t("settings.theme")>
            {Theme::ALL
                .into_iter()
                .map(|theme| {
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || (prefs.theme.get() == theme).to_string()
                            on:click=move |_| prefs.set_theme(theme)
                        >
                            {move || translate(prefs.lang.get(), theme.label_key()).to_owned()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
