//! Sauvegarde (E7): the shop's data as one versioned JSON file (`GET /export/backup.json`,
//! server/backup.rs) and its restoration.

use leptos::prelude::*;
use server_fn::codec::{MultipartData, MultipartFormData};

#[cfg(feature = "ssr")]
use super::guard;
use crate::domain::AppError;

/// `POST /api/backup/restore` — shopkeepers. Multipart form with `op`, `confirm` (`true` to
/// replace a shop that holds data) and `file` (a backup, 64 MB at most). Replaces all of the
/// shop's data by the file's in one transaction; returns how many records were restored. A shop
/// with data and no confirmation is refused (`confirm`: error.backup.not_empty), as is a file
/// that is damaged or points outside the shop (`file`, or the record as
/// `<list>.<position>.<field>`, see domain/backup.rs), leaving everything as it was.
#[server(prefix = "/api", endpoint = "backup/restore", input = MultipartFormData)]
pub async fn restore_backup(data: MultipartData) -> Result<u64, AppError> {
    guard::shopkeeper(|state, caller| async move {
        use crate::domain::{OpId, backup};
        let mut form =
            crate::server::upload::read(data, backup::MAX_BYTES, "file", "error.backup.too_large")
                .await?;
        let op = OpId::parse(form.field("op")?)?;
        let confirmed = form.fields.get("confirm").is_some_and(|c| c == "true");
        let shop_id = guard::shop_of(&state, &caller).await?;
        let bytes = form.take_file("file", "error.backup.missing")?;
        let file = crate::server::backup::restorable(&bytes, &shop_id)?;
        let store = crate::server::store::backup::record_count(&state.db, &caller);
        if !confirmed && store.await? > 0 {
            return Err(AppError::invalid("confirm", "error.backup.not_empty"));
        }
        let _no_alert_meanwhile = state.db.lock_alerts(&shop_id).await;
        crate::server::store::backup::restore(&state.db, &op, &caller, &file)
            .await
            .map_err(|error| match error {
                crate::server::db::DbError::Other(_)
                | crate::server::db::DbError::AlreadyExists(_)
                | crate::server::db::DbError::Unique(_) => {
                    tracing::warn!(%error, "backup refused");
                    AppError::invalid("file", "error.backup.damaged")
                }
                other => other.into(),
            })
    })
    .await
}
