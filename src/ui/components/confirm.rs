//! "Are you sure?" before an action that cannot be undone (delete, cancel).

use std::future::Future;

use leptos::prelude::*;

use super::{FormAlert, FormErrors, Modal};
use crate::domain::AppError;
use crate::offline::Submission;
use crate::ui::i18n::t;

/// Shows `message` and one button; `action` runs on confirmation, its error shows in the dialog.
#[component]
pub fn ConfirmDialog<A, F>(
    title: &'static str,
    /// The question, already in the user's language.
    #[prop(into)]
    message: Signal<String>,
    /// i18n key of the confirming button.
    button: &'static str,
    action: A,
    #[prop(into)] on_done: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView
where
    A: Fn() -> F + Copy + Send + Sync + 'static,
    F: Future<Output = Result<(), AppError>> + 'static,
{
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let confirm = move |_| submission.run(action(), move |()| on_done.run(()));
    view! {
        <Modal title on_close>
            <p>{move || message.get()}</p>
            <FormAlert message=errors.general(&[])/>
            <button type="button" class="button danger" disabled=submission.pending on:click=confirm>{t(button)}</button>
        </Modal>
    }
}
