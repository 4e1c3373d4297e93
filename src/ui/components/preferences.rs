//! Language, theme and text size switches; the choice is kept in a cookie (J2, J3).

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::i18n::translate;
use crate::ui::i18n::t;
use crate::ui::prefs::{Choice, Prefs};

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
    view! { <ChoiceSwitch label="settings.theme" current=prefs.theme pick=move |theme| prefs.set_theme(theme)/> }
}

/// J2: small, normal or large text.
#[component]
pub fn TextSizeSwitch() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    view! { <ChoiceSwitch label="settings.text_size" current=prefs.text_size pick=move |size| prefs.set_text_size(size)/> }
}

/// One button a choice, the current one pressed.
#[component]
fn ChoiceSwitch<T: Choice>(
    label: &'static str,
    current: RwSignal<T>,
    pick: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    view! {
        <div class="segmented" role="group" aria-label=t(label)>
            {T::ALL
                .iter()
                .copied()
                .map(|choice| {
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || (current.get() == choice).to_string()
                            on:click=move |_| pick(choice)
                        >
                            {move || translate(lang.get(), choice.label_key()).to_owned()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
