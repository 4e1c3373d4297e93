//! `GET /export/backup.json` (E7): the shop's data as a download named after the shop and day;
//! and a file to restore made ready for the store, its photos checked against the media folder.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Response, StatusCode, header};

use serde_json::Value;

use super::AppState;
use super::exports::refusal;
use crate::domain::{AppError, Role, backup};

pub async fn download(State(state): State<AppState>, headers: HeaderMap) -> Response<Body> {
    let Some(caller) = state.keys.caller(&headers) else {
        return refusal(StatusCode::UNAUTHORIZED);
    };
    if caller.role != Role::Shopkeeper {
        return refusal(StatusCode::FORBIDDEN);
    }
    let backup = match super::store::backup::export(&state.db, &caller.user_id).await {
        Ok(backup) => backup,
        Err(error) => {
            tracing::error!(%error, "backup export");
            return refusal(StatusCode::INTERNAL_SERVER_ERROR);
        }
    };
    let today = chrono::Utc::now().format("%Y-%m-%d");
    Response::builder()
        .header(header::CONTENT_TYPE, "application/json")
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"boutiq-sauvegarde-{today}.json\""),
        )
        .header(header::CACHE_CONTROL, "private, no-store")
        .body(Body::from(backup.to_string()))
        .unwrap_or_default()
}

/// A backup file read and checked (`domain::backup::plan`) for restoring into `shop_id`, where
/// each photo is a stored name in the shop's own folder (server/media.rs), or refused.
pub fn restorable(bytes: &[u8], shop_id: &str) -> Result<Value, AppError> {
    let plan = backup::plan(backup::read(bytes)?, shop_id)?;
    let foreign =
        backup::photos(&plan).find(|(_, stored)| super::media::folder_of(stored) != Some(shop_id));
    match foreign {
        Some((field, _)) => Err(AppError::invalid(&field, "error.backup.photo")),
        None => Ok(plan),
    }
}
