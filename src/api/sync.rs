//! The pull of the phone's replica (I2): the changes of the caller's shop after a cursor.

use leptos::prelude::*;
use server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use super::guard;
use crate::domain::AppError;
use crate::domain::sync::PullPage;

/// `GET /api/sync/pull` — shopkeepers. The changes of the caller's shop after `cursor` (0 for the
/// whole shop), oldest first, at most 200; `more` says another page waits. A cursor that is not
/// a whole number, or ahead of the shop's last change, is 400.
#[server(prefix = "/api", endpoint = "sync/pull", input = GetUrl)]
pub async fn pull_changes(cursor: u64) -> Result<PullPage, AppError> {
    use crate::server::store::sync;
    guard::shopkeeper(|state, caller| async move {
        let head = sync::head(&state.db, &caller).await?;
        crate::domain::sync::check_cursor(cursor, head)?;
        Ok(sync::pull(&state.db, &caller, cursor, crate::domain::sync::PAGE_SIZE).await?)
    })
    .await
}
