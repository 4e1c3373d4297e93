//! The live password strength meter (A3), driven by the same rule the server applies.

use leptos::prelude::*;

use crate::domain::PasswordStrength;
use crate::i18n::translate;
use crate::ui::i18n::t;
use crate::ui::prefs::Prefs;

#[component]
pub fn PasswordMeter(
    password: RwSignal<String>,
    /// The field's refusal (an i18n key): the caption does not say it a second time.
    refused: Signal<Option<String>>,
) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let strength = Memo::new(move |_| PasswordStrength::of(&password.get()));
    let caption = move || {
        let key = strength.get().label_key();
        let said = refused.with(|r| r.as_deref() == Some(key));
        (!said).then(|| translate(lang.get(), key).to_owned())
    };
    let level = move || match strength.get() {
        s if s.is_accepted() && s.score() == 4 => "strong",
        s if s.is_accepted() => "fair",
        PasswordStrength::Empty => "empty",
        _ => "weak",
    };
    view! {
        <div class="password-meter" data-level=level>
            <meter min="0" max="4" low="2" high="3" optimum="4" value=move || strength.get().score() aria-label=t("password.meter.label")></meter>
            <p class="password-meter-caption" aria-live="polite">
                {caption}
            </p>
        </div>
    }
}
