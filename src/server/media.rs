//! Stored photos (B8, C9, F2): the file as uploaded and a JPEG thumbnail beside it, under
//! `<data_dir>/media/<shop id>/` (served only to the shop's owner) or, for catalogue items,
//! `<data_dir>/media/<supplier profile id>/` (served to the supplier and to signed-in
//! shopkeepers, who see the items in the marketplace), with long cache headers (a file never
//! changes: a new photo gets a new name).

use std::io::Cursor;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, Response, StatusCode, header};

use super::AppState;
use crate::domain::photo::{PhotoType, THUMB_SIDE, check_size};
use crate::domain::{AppError, OpId};

/// The name an upload is stored under: `<owner>/<name>.<ext>` (`owner`: the shop's id or the
/// supplier profile's; `name`: the client's operation id), after checking size and type.
pub fn stored_name(owner: &str, name: &str, bytes: &[u8]) -> Result<String, AppError> {
    check_size(bytes.len())?;
    let kind = PhotoType::sniff(bytes)?;
    Ok(format!("{owner}/{name}.{}", kind.extension()))
}

/// Checks, shrinks and writes an upload as [`stored_name`]; returns that name.
pub async fn store(
    data_dir: &Path,
    owner: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Result<String, AppError> {
    let stored = stored_name(owner, name, &bytes)?;
    let media = data_dir.join("media");
    let folder = media.join(owner);
    let thumb = tokio::task::spawn_blocking(move || thumbnail(&bytes).map(|t| (bytes, t)))
        .await
        .map_err(|e| crate::server::respond::internal("thumbnail", e))?;
    let (bytes, thumb) = thumb?;
    let write = async {
        tokio::fs::create_dir_all(&folder).await?;
        tokio::fs::write(media.join(&stored), bytes).await?;
        tokio::fs::write(folder.join(format!("{name}.thumb.jpg")), thumb).await
    };
    write
        .await
        .map_err(|e| crate::server::respond::internal("photo file", e))?;
    Ok(stored)
}

/// Decodes the picture (refusing images too large to decode safely) and encodes a JPEG of at
/// most [`THUMB_SIDE`] pixels.
fn thumbnail(bytes: &[u8]) -> Result<Vec<u8>, AppError> {
    let unreadable = |_| AppError::invalid("photo", "error.photo.unreadable");
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| AppError::invalid("photo", "error.photo.unreadable"))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let picture = reader.decode().map_err(unreadable)?;
    let small = picture.thumbnail(THUMB_SIDE, THUMB_SIDE).to_rgb8();
    let mut out = Cursor::new(Vec::new());
    small
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .map_err(unreadable)?;
    Ok(out.into_inner())
}

/// Deletes a stored photo and its thumbnail; a missing file is not an error. Only a name of the
/// shape [`stored_name`] makes is resolved, inside the media folder: anything else (`..`, an
/// absolute path, more folders, another extension) is left alone and logged.
pub async fn remove(data_dir: &Path, stored: &str) {
    let Some(files) = files_of(data_dir, stored) else {
        tracing::warn!(stored, "photo removal refused: not a stored name");
        return;
    };
    for path in files {
        let _ = tokio::fs::remove_file(path).await;
    }
}

/// The owner folder of a name of the exact shape [`stored_name`] makes (`<owner>/<op id>.<ext>`,
/// the owner a record key); `None` for anything else.
pub fn folder_of(stored: &str) -> Option<&str> {
    parts(stored).map(|(folder, ..)| folder)
}

/// Folder, name and extension of a stored name.
fn parts(stored: &str) -> Option<(&str, &str, &str)> {
    let (folder, file) = stored.split_once('/')?;
    let (name, extension) = file.split_once('.')?;
    let folder_ok = crate::domain::RecordKey::is_valid(folder);
    let extension_ok = [PhotoType::Jpeg, PhotoType::Png, PhotoType::Webp]
        .map(PhotoType::extension)
        .contains(&extension);
    (folder_ok && extension_ok && OpId::parse(name).is_ok()).then_some((folder, name, extension))
}

fn files_of(data_dir: &Path, stored: &str) -> Option<[PathBuf; 2]> {
    let (folder, name, extension) = parts(stored)?;
    let folder = data_dir.join("media").join(folder);
    Some([
        folder.join(format!("{name}.{extension}")),
        folder.join(format!("{name}.thumb.jpg")),
    ])
}

/// `GET /media/{folder}/{file}`: a shop's folder to the shop's owner only (others get 404, as
/// for any record of another shop); a supplier profile's folder (catalogue photos, F2) to that
/// supplier and to any shopkeeper, not to other suppliers (404). Anonymous: 401.
pub async fn serve(
    State(state): State<AppState>,
    headers: HeaderMap,
    UrlPath((shop, file)): UrlPath<(String, String)>,
) -> Response<Body> {
    let status = |code: StatusCode| {
        Response::builder()
            .status(code)
            .body(Body::empty())
            .unwrap_or_default()
    };
    let Some(caller) = state.keys.caller(&headers) else {
        return status(StatusCode::UNAUTHORIZED);
    };
    let safe = |part: &str| {
        !part.is_empty()
            && !part.starts_with('.')
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    };
    if !safe(&shop) || !safe(&file) || file.contains("..") {
        return status(StatusCode::NOT_FOUND);
    }
    let owns = super::store::shops::owned_by(&state.db, &caller.user_id)
        .await
        .is_ok_and(|shops| shops.iter().any(|s| s.id == shop));
    let may_read = owns
        || match super::store::photos::supplier_folder_of(&state.db, &shop, &caller.user_id).await {
            Ok(Some(own)) => own || caller.role == crate::domain::Role::Shopkeeper,
            _ => false,
        };
    if !may_read {
        return status(StatusCode::NOT_FOUND);
    }
    let content_type = match file.rsplit('.').next() {
        Some("jpg") => "image/jpeg",
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        _ => return status(StatusCode::NOT_FOUND),
    };
    match tokio::fs::read(state.config.data_dir.join("media").join(&shop).join(&file)).await {
        Ok(bytes) => Response::builder()
            .header(header::CONTENT_TYPE, content_type)
            .header(
                header::CACHE_CONTROL,
                "private, max-age=31536000, immutable",
            )
            .body(Body::from(bytes))
            .unwrap_or_default(),
        Err(_) => status(StatusCode::NOT_FOUND),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_stored_names_resolve_and_inside_the_media_folder() {
        assert_eq!(folder_of("shop1/0123456789abcdef.jpg"), Some("shop1"));
        assert_eq!(
            files_of(Path::new("/d"), "shop1/0123456789abcdef.webp"),
            Some([
                PathBuf::from("/d/media/shop1/0123456789abcdef.webp"),
                PathBuf::from("/d/media/shop1/0123456789abcdef.thumb.jpg")
            ])
        );
        for bad in [
            "../0123456789abcdef.jpg",
            "shop1/../../0123456789abcdef.jpg",
            "/etc/0123456789abcdef.jpg",
            "shop1/sub/0123456789abcdef.jpg",
            "shop1/0123456789abcdef.txt",
            "shop1/0123456789abcdef.thumb.jpg",
            "shop1/short.jpg",
            "shop1\\..\\0123456789abcdef.jpg",
            "",
        ] {
            assert_eq!(files_of(Path::new("/d"), bad), None, "{bad}");
        }
    }
}
