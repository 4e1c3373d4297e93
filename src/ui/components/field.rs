//! Labelled inputs whose error message sits right under them, and the form-level alert.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::i18n::translate;
use crate::offline::Submission;
use crate::ui::prefs::Prefs;

/// The last error of a form, shown next to its field or, without a field, above the button.
#[derive(Clone, Copy)]
pub struct FormErrors(RwSignal<Option<AppError>>);

impl FormErrors {
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    /// The errors of a form that writes through `submission`.
    pub fn of(submission: Submission) -> Self {
        Self(submission.error)
    }

    pub fn set(self, error: Option<AppError>) {
        self.0.set(error);
    }

    /// The i18n key of the message for `field`, if the last error is about it.
    pub fn for_field(self, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.0.with(|e| {
                e.as_ref()
                    .filter(|e| e.field() == Some(field))
                    .map(|e| e.message_key().to_owned())
            })
        })
    }

    /// The i18n key of an error that belongs to no field of the form.
    pub fn general(self, fields: &'static [&'static str]) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.0.with(|e| {
                e.as_ref()
                    .filter(|e| e.field().is_none_or(|f| !fields.contains(&f)))
                    .map(|e| e.message_key().to_owned())
            })
        })
    }
}

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn TextField(
    /// Element id and form field name.
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] input_mode: Option<&'static str>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{move || translate(lang.get(), label).to_owned()}</label>
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=input_mode
                list=list
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described_by
            />
            <p id=error_id class="field-error" role="alert">
                {move || error.get().map(|key| translate(lang.get(), &key).to_owned())}
            </p>
        </div>
    }
}

/// A whole-number field (quantities, thresholds, prices in F CFA) with the phone's digit keypad.
#[component]
pub fn NumberField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! { <TextField id label value error input_type="number" input_mode="numeric"/> }
}

/// The message under a field that is not a [`TextField`] (a select, a text area).
#[component]
pub fn FieldError(id: &'static str, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    view! {
        <p id=format!("{id}-error") class="field-error" role="alert">
            {move || error.get().map(|key| translate(lang.get(), &key).to_owned())}
        </p>
    }
}

/// A message about the whole form (wrong credentials, too many attempts, no network).
#[component]
pub fn FormAlert(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    view! {
        <Show when=move || message.with(Option::is_some)>
            <p class="form-alert" role="alert">
                {move || message.get().map(|key| translate(lang.get(), &key).to_owned())}
            </p>
        </Show>
    }
}

/// A whole number typed in a field (spaces between thousands allowed); empty counts as zero.
pub fn whole_number(field: &str, raw: &str) -> Result<i64, AppError> {
    let raw = raw.trim().replace([' ', '\u{a0}'], "");
    if raw.is_empty() {
        return Ok(0);
    }
    raw.parse()
        .map_err(|_| AppError::invalid(field, "error.number.invalid"))
}
