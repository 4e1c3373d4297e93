//! Photos of products (B8), of delivery notes or invoices (C9) and of catalogue items (F2):
//! upload (JPEG, PNG or WebP, 5 MB at most; a thumbnail is made) and removal. Files are served
//! by `/media/...` (server/media.rs): a shop's to its owner only, a supplier's catalogue photos
//! to the supplier and to signed-in shopkeepers.

use leptos::prelude::*;
use server_fn::codec::{Json, MultipartData, MultipartFormData};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::photo::{PhotoTarget, PhotoUrls};
use crate::domain::{AppError, OpId};

/// `POST /api/photos/upload` — shopkeepers for `product` and `order`, suppliers for
/// `catalog_item`. Multipart form with the fields `op` (operation id), `target`, `id` (the
/// record) and `file`, in that order. Replaces the record's photo; returns where the photo and
/// its thumbnail are served.
#[server(prefix = "/api", endpoint = "photos/upload", input = MultipartFormData)]
pub async fn upload_photo(data: MultipartData) -> Result<PhotoUrls, AppError> {
    // Signed in before anything is read; the role once the target is known.
    guard::signed_in(|state, caller| async move {
        let form = read_upload(data).await?;
        let caller = caller.require(form.target.owner_role())?.user_id;
        let folder = folder_of(&state, &caller, form.target).await?;
        // A replay is answered before any file is written.
        let replayed: Option<Option<String>> =
            crate::server::store::ops::stored(&state.db, &caller, &form.op).await?;
        if replayed.is_some() {
            let stored = crate::server::media::stored_name(&folder, form.op.as_str(), &form.bytes)?;
            return Ok(PhotoUrls::of(&stored));
        }
        let data_dir = &state.config.data_dir;
        let stored =
            crate::server::media::store(data_dir, &folder, form.op.as_str(), form.bytes).await?;
        let attached = crate::server::store::photos::attach(
            &state.db,
            &form.op,
            &caller,
            form.target,
            &form.id,
            Some(&stored),
        )
        .await;
        match attached {
            Ok(previous) => {
                if let Some(previous) = previous.filter(|p| *p != stored) {
                    crate::server::media::remove(data_dir, &previous).await;
                }
                Ok(PhotoUrls::of(&stored))
            }
            Err(error) => {
                crate::server::media::remove(data_dir, &stored).await;
                Err(error.into())
            }
        }
    })
    .await
}

/// `POST /api/photos/remove` — the same callers. Removes the record's photo and its files.
#[server(prefix = "/api", endpoint = "photos/remove", input = Json)]
pub async fn remove_photo(op: OpId, target: PhotoTarget, id: String) -> Result<(), AppError> {
    guard::signed_in(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let caller = caller.require(target.owner_role())?.user_id;
        let previous =
            crate::server::store::photos::attach(&state.db, &op, &caller, target, &id, None)
                .await?;
        if let Some(previous) = previous {
            crate::server::media::remove(&state.config.data_dir, &previous).await;
        }
        Ok(())
    })
    .await
}

/// The folder the caller's photos of `target` go to: its shop's, or its supplier profile's.
#[cfg(feature = "ssr")]
async fn folder_of(
    state: &crate::server::AppState,
    caller: &str,
    target: PhotoTarget,
) -> Result<String, AppError> {
    match target {
        PhotoTarget::Product | PhotoTarget::Order => guard::shop_of(state, caller).await,
        PhotoTarget::CatalogItem => {
            crate::server::store::photos::supplier_folder(&state.db, caller)
                .await?
                .ok_or(AppError::NotFound)
        }
    }
}

/// Reads the form, stopping as soon as the file passes 5 MB.
#[cfg(feature = "ssr")]
async fn read_upload(data: MultipartData) -> Result<PhotoUpload, AppError> {
    let mut form = crate::server::upload::read(
        data,
        crate::domain::photo::MAX_BYTES,
        "photo",
        "error.photo.too_large",
    )
    .await?;
    Ok(PhotoUpload {
        op: OpId::parse(form.field("op")?)?,
        target: PhotoTarget::parse(form.field("target")?)?,
        id: RecordKey::parse("id", form.field("id")?)?,
        bytes: form.take_file("photo", "error.photo.missing")?,
    })
}

#[cfg(feature = "ssr")]
struct PhotoUpload {
    op: OpId,
    target: PhotoTarget,
    id: RecordKey,
    bytes: Vec<u8>,
}
