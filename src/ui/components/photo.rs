//! A photo with "Prendre une photo" (the phone's camera) and "Choisir un fichier" (B8, C9, F2),
//! and the small thumbnail of a list row.

use leptos::prelude::*;

use crate::api::photos::RemovePhoto;
use crate::domain::photo::{MAX_BYTES, PhotoTarget, PhotoUrls};
use crate::offline::{Submission, send};
use crate::ui::components::{FormAlert, FormErrors};
use crate::ui::i18n::t;

/// `current` is the stored photo of the record `id`; `on_change` runs after an upload or removal.
#[component]
pub fn PhotoField(
    target: PhotoTarget,
    id: String,
    current: Option<String>,
    /// i18n key of the image's alternative text.
    alt: &'static str,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let urls = RwSignal::new(current.as_deref().map(PhotoUrls::of));
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let id = StoredValue::new(id);
    let picked = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use crate::ui::components::upload::{file_form, picked_file};
            let Some(file) = picked_file(&ev) else {
                return;
            };
            // Refused here first, so nothing is sent over a slow link for nothing.
            if file.size() > MAX_BYTES as f64 {
                let too_large = crate::domain::AppError::invalid("photo", "error.photo.too_large");
                return submission.refuse(too_large);
            }
            let op = match crate::offline::write::new_op_id() {
                Ok(op) => op,
                Err(error) => return submission.refuse(error),
            };
            let fields = [
                ("op", op.as_str().to_owned()),
                ("target", target.as_str().to_owned()),
                ("id", id.get_value()),
            ];
            let Some(form) = file_form(&fields, &file) else {
                return;
            };
            // A record made on the phone reaches the server first (the photo names it).
            let upload = async move {
                crate::offline::Replica::settled().await;
                crate::api::photos::upload_photo(form.into()).await
            };
            submission.run(upload, move |stored| {
                urls.set(Some(stored));
                on_change.run(());
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, target, MAX_BYTES);
    };
    let remove = move |_| {
        let id = id.get_value();
        submission.run(send(move |op| RemovePhoto { op, target, id }), move |()| {
            urls.set(None);
            on_change.run(());
        });
    };
    view! {
        <div class="photo-field">
            {move || urls.get().map(|u| view! {
                <a href=u.full.clone() target="_blank" rel="noopener">
                    <img class="photo-thumb" src=u.thumb alt=t(alt) width="160" height="160" loading="lazy"/>
                </a>
            })}
            <div class="photo-actions">
                <label class="button">
                    {t("photo.take")}
                    <input type="file" class="visually-hidden" accept="image/jpeg,image/png,image/webp" capture="environment"
                        disabled=submission.pending on:change=picked/>
                </label>
                <label class="button">
                    {t("photo.choose")}
                    <input type="file" class="visually-hidden photo-file" accept="image/jpeg,image/png,image/webp"
                        disabled=submission.pending on:change=picked/>
                </label>
                <Show when=move || urls.with(Option::is_some)>
                    <button type="button" class="button danger-text" on:click=remove>{t("photo.remove")}</button>
                </Show>
            </div>
            <Show when=move || submission.pending.get()>
                <p class="muted" role="status">{t("photo.sending")}</p>
            </Show>
            <FormAlert message=errors.general(&[])/>
        </div>
    }
}

/// The small, fixed-size thumbnail of a list row (a catalogue item, F2): loaded lazily, so a
/// long list over a slow link only fetches what is on screen; nothing when there is no photo.
#[component]
pub fn ListThumb(
    /// The stored photo, if any.
    photo: Option<String>,
    /// i18n key of the image's alternative text.
    alt: &'static str,
) -> impl IntoView {
    photo.map(|stored| {
        view! {
            <img class="list-thumb" src=PhotoUrls::of(&stored).thumb alt=t(alt) width="56" height="56"
                loading="lazy" decoding="async"/>
        }
    })
}
