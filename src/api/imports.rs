//! "Importer CSV" of products (B10): upload and preview, change the column mapping, then apply
//! the valid rows batch by batch (the client shows the progress between batches).

use leptos::prelude::*;
use server_fn::codec::{Json, MultipartData, MultipartFormData};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::import::Column;
use crate::domain::import::{ImportPreview, ImportProgress};
use crate::domain::{AppError, OpId};

/// `POST /api/imports/preview` — shopkeepers. Multipart form with `file` (CSV, UTF-8, 2 MB at
/// most). Keeps the file and returns its preview with the detected mapping; writes no product.
#[server(prefix = "/api", endpoint = "imports/preview", input = MultipartFormData)]
pub async fn preview_import(data: MultipartData) -> Result<ImportPreview, AppError> {
    guard::shopkeeper(|state, caller| async move {
        use crate::domain::import;
        let mut form =
            crate::server::upload::read(data, import::MAX_BYTES, "file", "error.import.too_large")
                .await?;
        let bytes = form.take_file("file", "error.import.missing")?;
        let table = import::read(&bytes)?;
        let content = String::from_utf8_lossy(&bytes).into_owned();
        let import_id =
            crate::server::store::imports::save(&state.db, &caller, &form.file_name, &content)
                .await?;
        let mapping = import::detect_mapping(&table.headers);
        let currency = super::shops::currency_of(&state, &caller).await?;
        Ok(crate::server::import::preview(
            import_id,
            form.file_name,
            &table,
            mapping,
            &currency,
        ))
    })
    .await
}

/// `POST /api/imports/check` — shopkeepers. The preview of a kept file read with another
/// mapping (one field per column, `ignored` for none); writes nothing.
#[server(prefix = "/api", endpoint = "imports/check", input = Json)]
pub async fn check_import(
    import_id: String,
    mapping: Vec<Column>,
) -> Result<ImportPreview, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let import_id = RecordKey::parse("import_id", &import_id)?;
        let (file_name, table, currency) = kept_file(&state, &caller, &import_id).await?;
        Ok(crate::server::import::preview(
            import_id.into(),
            file_name,
            &table,
            mapping,
            &currency,
        ))
    })
    .await
}

/// `POST /api/imports/run` — shopkeepers. Applies the valid rows from number `start` (0 first),
/// 100 at most: each creates the product, or updates the one with its SKU (else its name), a
/// quantity change being a "correction" movement; a row equal to its product changes nothing.
/// The file is dropped after its last batch. A replayed `op` returns the same outcome.
#[server(prefix = "/api", endpoint = "imports/run", input = Json)]
pub async fn run_import(
    op: OpId,
    import_id: String,
    mapping: Vec<Column>,
    start: usize,
) -> Result<ImportProgress, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let import_id = RecordKey::parse("import_id", &import_id)?;
        use crate::domain::import;
        import::check_mapping(&mapping)?;
        // Asked first: after the last batch the file is gone, and a replay still has its answer.
        let ops = crate::server::store::ops::stored(&state.db, &caller, &op).await?;
        if let Some(progress) = ops {
            return Ok(progress);
        }
        let (_, table, currency) = kept_file(&state, &caller, &import_id).await?;
        let (valid, _) = import::check_rows(&table, &mapping, &currency);
        let end = valid.len().min(start.saturating_add(import::BATCH_ROWS));
        let batch = valid.get(start..end).unwrap_or_default();
        let mut progress = crate::server::import::apply(&state.db, &op, &caller, batch).await?;
        progress.start = start;
        progress.done = end.max(start.min(valid.len()));
        progress.total = valid.len();
        crate::server::store::ops::remember(&state.db, &caller, &op, &progress).await?;
        if progress.finished() {
            crate::server::store::imports::finish(&state.db, &caller, &import_id).await?;
        }
        Ok(progress)
    })
    .await
}

/// The kept file of the caller's shop, read again, with the shop's currency.
#[cfg(feature = "ssr")]
async fn kept_file(
    state: &crate::server::AppState,
    caller: &str,
    import_id: &RecordKey,
) -> Result<(String, crate::domain::import::Table, String), AppError> {
    let file = crate::server::store::imports::load(&state.db, caller, import_id)
        .await?
        .ok_or_else(|| AppError::invalid("file", "error.import.expired"))?;
    let table = crate::domain::import::read(file.content.as_bytes())?;
    let currency = super::shops::currency_of(state, caller).await?;
    Ok((file.file_name, table, currency))
}
