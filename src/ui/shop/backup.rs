//! Sauvegarde (E7) in Paramètres: download all of the shop's data, restore it from such a file
//! (after confirmation when the shop holds data).

use leptos::prelude::*;

use crate::ui::components::{FieldError, FormAlert, FormErrors, Modal};
use crate::ui::i18n::{t, t_with};

#[component]
pub fn BackupCard() -> impl IntoView {
    let errors = FormErrors::new();
    let pending = RwSignal::new(false);
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
                Err(error) => return errors.set(Some(error)),
            };
            let fields = [
                ("op", op.as_str().to_owned()),
                ("confirm", confirm.to_string()),
            ];
            let Some(form) = crate::ui::components::upload::file_form(&fields, &file) else {
                return;
            };
            pending.set(true);
            errors.set(None);
            restored.set(None);
            leptos::task::spawn_local(async move {
                let result = crate::api::backup::restore_backup(form.into()).await;
                pending.set(false);
                match result {
                    Ok(count) => {
                        asking.set(false);
                        restored.set(Some(count));
                    }
                    Err(error) if error.field() == Some("confirm") => asking.set(true),
                    Err(error) => {
                        asking.set(false);
                        errors.set(Some(error));
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (confirm, waiting, pending, restored);
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
                    <input type="file" class="visually-hidden" accept=".json,application/json" disabled=pending
                        aria-describedby="file-error" on:change=picked/>
                </label>
            </div>
            <Show when=move || pending.get()>
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
                <button type="button" class="button danger" disabled=pending on:click=move |_| send(true)>
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
