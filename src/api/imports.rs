//! "Importer CSV" of products (B10): upload and preview, change the column mapping, then apply
//! the valid rows batch by batch (the client shows the progress between batches).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{Json, MultipartData, MultipartFormData};

#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::import::{Column, RowError};
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

/// What the file holds, read with a mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub import_id: String,
    pub file_name: String,
    pub headers: Vec<String>,
    /// The field each column fills, detected from its header or chosen by the user.
    pub mapping: Vec<Column>,
    /// The first rows, as in the file.
    pub sample: Vec<Vec<String>>,
    /// Data rows of the file, and how many of them can be imported.
    pub rows: usize,
    pub valid: usize,
    /// The rows that will be skipped (the first 200), with their line numbers.
    pub errors: Vec<RowError>,
    pub error_count: usize,
    /// Why the mapping cannot be imported (no name column, a field twice), as an i18n key.
    pub mapping_error: Option<String>,
}

/// The outcome of the valid rows from number `start` (0 first) to `done`, out of `total`: one
/// batch as the server answers it, or the sum of the batches so far as the page shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    /// The first valid row counted here (0 for a sum).
    #[serde(default)]
    pub start: usize,
    /// Valid rows handled up to here, out of `total`.
    pub done: usize,
    pub total: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rows the shop's data refused (e.g. a maximum below the product's minimum).
    pub errors: Vec<RowError>,
}

impl ImportProgress {
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }

    /// Adds the next batch to this sum. A batch that does not continue it (it starts elsewhere,
    /// handles no row before the end, or counts another total) is refused and changes nothing:
    /// the line can neither go back nor count a row twice, and the outcome (shown once the sum
    /// is finished) always comes with every row counted.
    pub fn add(&mut self, batch: ImportProgress) -> Result<(), AppError> {
        let continues = batch.start == self.done
            && (batch.done > self.done || batch.finished())
            && (self.done == 0 || batch.total == self.total);
        if !continues {
            return Err(AppError::invalid("file", "error.import.interrupted"));
        }
        self.done = batch.done;
        self.total = batch.total;
        self.created += batch.created;
        self.updated += batch.updated;
        self.unchanged += batch.unchanged;
        self.errors.extend(batch.errors);
        Ok(())
    }
}

/// `POST /api/imports/preview` — shopkeepers. Multipart form with `file` (CSV, UTF-8, 2 MB at
/// most). Keeps the file and returns its preview with the detected mapping; writes no product.
#[server(prefix = "/api", endpoint = "imports/preview", input = MultipartFormData)]
pub async fn preview_import(data: MultipartData) -> Result<ImportPreview, AppError> {
    async move {
        use crate::domain::import;
        let (state, caller) = super::products::shopkeeper()?;
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
    }
    .await
    .map_err(reject)
}

/// `POST /api/imports/check` — shopkeepers. The preview of a kept file read with another
/// mapping (one field per column, `ignored` for none); writes nothing.
#[server(prefix = "/api", endpoint = "imports/check", input = Json)]
pub async fn check_import(
    import_id: String,
    mapping: Vec<Column>,
) -> Result<ImportPreview, AppError> {
    async move {
        let import_id = RecordKey::parse("import_id", &import_id)?;
        let (state, caller) = super::products::shopkeeper()?;
        let (file_name, table, currency) = kept_file(&state, &caller, &import_id).await?;
        Ok(crate::server::import::preview(
            import_id.into(),
            file_name,
            &table,
            mapping,
            &currency,
        ))
    }
    .await
    .map_err(reject)
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
    async move {
        let import_id = RecordKey::parse("import_id", &import_id)?;
        use crate::domain::import;
        import::check_mapping(&mapping)?;
        let (state, caller) = super::products::shopkeeper()?;
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
    }
    .await
    .map_err(reject)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(start: usize, done: usize, created: usize) -> ImportProgress {
        ImportProgress {
            start,
            done,
            total: 120,
            created,
            ..ImportProgress::default()
        }
    }

    fn line_and_outcome(sum: &ImportProgress) -> (String, Option<usize>) {
        let line = format!("{} / {}", sum.done, sum.total);
        (line, sum.finished().then_some(sum.created))
    }

    #[test]
    fn the_outcome_comes_with_every_row_counted() {
        let mut sum = ImportProgress {
            total: 120,
            ..ImportProgress::default()
        };
        assert_eq!(line_and_outcome(&sum), ("0 / 120".into(), None));
        sum.add(batch(0, 100, 100)).unwrap();
        assert_eq!(line_and_outcome(&sum), ("100 / 120".into(), None));
        sum.add(batch(100, 120, 20)).unwrap();
        assert_eq!(line_and_outcome(&sum), ("120 / 120".into(), Some(120)));
    }

    #[test]
    fn an_answer_that_does_not_continue_the_sum_changes_nothing() {
        let mut sum = ImportProgress::default();
        sum.add(batch(0, 100, 100)).unwrap();
        sum.add(batch(100, 120, 20)).unwrap();
        let finished = sum.clone();
        // The first batch answered again (late, or for an import started over): it used to set
        // the line back to "100 / 120" while the outcome kept "120 créés".
        let interrupted = Err(AppError::invalid("file", "error.import.interrupted"));
        assert_eq!(sum.add(batch(0, 100, 0)), interrupted);
        assert_eq!(sum, finished);

        let mut sum = ImportProgress::default();
        sum.add(batch(0, 100, 100)).unwrap();
        let halfway = sum.clone();
        assert_eq!(sum.add(batch(0, 100, 100)), interrupted, "counted twice");
        assert_eq!(sum.add(batch(110, 120, 10)), interrupted, "a gap");
        assert_eq!(sum.add(batch(100, 100, 0)), interrupted, "no progress");
        let other_file = ImportProgress {
            total: 300,
            ..batch(100, 200, 100)
        };
        assert_eq!(sum.add(other_file), interrupted);
        assert_eq!(sum, halfway);
    }
}
