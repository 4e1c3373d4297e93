//! Photos of products (B8) and of delivery notes or invoices (C9): upload (JPEG, PNG or WebP,
//! 5 MB at most; a thumbnail is made) and removal. Files are served by `/media/...` to the
//! shop's owner only (server/media.rs).

use leptos::prelude::*;
use server_fn::codec::{Json, MultipartData, MultipartFormData};

use crate::domain::photo::{PhotoTarget, PhotoUrls};
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

/// `POST /api/photos/upload` — shopkeepers. Multipart form with the fields `op` (operation id),
/// `target` (`product` or `order`), `id` (the record) and `file`, in that order. Replaces the
/// record's photo; returns where the photo and its thumbnail are served.
#[server(prefix = "/api", endpoint = "photos/upload", input = MultipartFormData)]
pub async fn upload_photo(data: MultipartData) -> Result<PhotoUrls, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        let form = read_upload(data).await?;
        let shop_id = super::shops::shop_id_of(&state, &caller).await?;
        let data_dir = &state.config.data_dir;
        let stored =
            crate::server::media::store(data_dir, &shop_id, form.op.as_str(), form.bytes).await?;
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
    }
    .await
    .map_err(reject)
}

/// `POST /api/photos/remove` — shopkeepers. Removes the record's photo and its files.
#[server(prefix = "/api", endpoint = "photos/remove", input = Json)]
pub async fn remove_photo(op: OpId, target: PhotoTarget, id: String) -> Result<(), AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        let previous =
            crate::server::store::photos::attach(&state.db, &op, &caller, target, &id, None)
                .await?;
        if let Some(previous) = previous {
            crate::server::media::remove(&state.config.data_dir, &previous).await;
        }
        Ok(())
    }
    .await
    .map_err(reject)
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
        id: form.field("id")?.to_owned(),
        bytes: form.take_file("photo", "error.photo.missing")?,
    })
}

#[cfg(feature = "ssr")]
struct PhotoUpload {
    op: OpId,
    target: PhotoTarget,
    id: String,
    bytes: Vec<u8>,
}
