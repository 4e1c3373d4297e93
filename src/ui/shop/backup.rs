//! Sauvegarde (E7) in Paramètres: download all of the shop's data, restore it from such a file
//! (after confirmation when the shop holds data).

use leptos::prelude::*;

use crate::offline::Submission;
use crate::ui::components::{FieldError, FormAlert, FormErrors, Modal};
use crate::ui::i18n::{t, t_with};

#[component]
pub fn BackupCard() -> impl IntoView {
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let restored = RwSignal::new(None::<u64>);
    // The picked file waits here while the user confirms (a browser object: this tab only).
    #[cfg(feature = "hydrate")]
    let waiting = StoredValue::new_local(None::<Picked>);
    #[cfg(not(feature = "hydrate"))]
    let waiting = StoredValue::new(None::<Picked>);
    let asking = RwSignal::new(false);
    let send = move |confirm: bool| {
        #[cfg(feature = "hydrate")]
        {
            let Some(file) = waiting.with_value(|w| w.as_ref().map(|p| p.0.clone())) else {
                return;
            };
            let op = match crate::offline::write::new_op_id() {
                Ok(op) => op,
                Err(error) => return submission.refuse(error),
            };
            let fields = [
                ("op", op.as_str().to_owned()),
                ("confirm", confirm.to_string()),
            ];
            let Some(form) = crate::ui::components::upload::file_form(&fields, &file) else {
                return;
            };
            restored.set(None);
            asking.set(false);
            // A file that would replace records is first answered with a question.
            let restore = async move {
                match crate::api::backup::restore_backup(form.into()).await {
                    Err(error) if error.field() == Some("confirm") => Ok(None),
                    answer => answer.map(Some),
                }
            };
            submission.run(restore, move |count| match count {
                Some(count) => restored.set(Some(count)),
                None => asking.set(true),
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (confirm, waiting, submission, restored);
    };
    let picked = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            let file = crate::ui::components::upload::picked_file(&ev);
            waiting.set_value(file.map(Picked));
            send(false);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">{t("backup.title")}</h2>
            <p class="muted">{t("backup.intro")}</p>
            <div class="quick-actions">
                <a href="/export/backup.json" class="button" download>{t("backup.download")}</a>
                <label class="button">
                    {t("backup.restore")}
                    <input type="file" class="visually-hidden" accept=".json,application/json" disabled=submission.pending
                        aria-describedby="file-error" on:change=picked/>
                </label>
            </div>
            <Show when=move || submission.pending.get()>
                <p class="muted" role="status">{t("backup.restoring")}</p>
            </Show>
            <FieldError id="file" error=errors.for_field("file")/>
            <FormAlert message=errors.general(&["file"])/>
            {move || restored.get().map(|count| view! {
                <p class="success" role="status">{t_with("backup.restored", move || vec![("count", count.to_string())])}</p>
            })}
        </section>
        <Show when=move || asking.get()>
            <Modal title="backup.confirm_title" on_close=Callback::new(move |()| asking.set(false))>
                <p>{t("backup.confirm")}</p>
                <button type="button" class="button danger" disabled=submission.pending on:click=move |_| send(true)>
                    {t("backup.replace")}
                </button>
            </Modal>
        </Show>
    }
}

/// A file picked in the browser.
#[cfg(feature = "hydrate")]
struct Picked(web_sys::File);

#[cfg(not(feature = "hydrate"))]
struct Picked;
