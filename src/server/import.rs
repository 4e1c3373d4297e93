//! Applying an imported product file (B10): each valid row becomes a new product, an update of
//! the product with its SKU (else its name), or nothing when the product already says the same.

use crate::domain::OpId;
use crate::domain::import::{self, Column, PREVIEW_ROWS, Table};
use crate::domain::import::{ImportPreview, ImportProgress, RowValues};
use crate::server::db::{Db, DbError};
use crate::server::store;

/// Errors listed in a preview; the count covers the rest.
const LISTED_ERRORS: usize = 200;

pub fn preview(
    import_id: String,
    file_name: String,
    table: &Table,
    mapping: Vec<Column>,
    currency: &str,
) -> ImportPreview {
    let mapping_error = import::check_mapping(&mapping).err();
    let (valid, errors) = match mapping_error {
        None => import::check_rows(table, &mapping, currency),
        Some(_) => (Vec::new(), Vec::new()),
    };
    ImportPreview {
        import_id,
        file_name,
        headers: table.headers.clone(),
        sample: table
            .rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|r| r.cells.clone())
            .collect(),
        rows: table.rows.len(),
        valid: valid.len(),
        error_count: errors.len(),
        errors: errors.into_iter().take(LISTED_ERRORS).collect(),
        mapping,
        mapping_error: mapping_error.map(|e| e.message_key().to_owned()),
    }
}

/// Applies a batch of rows in one transaction, decided as if they were applied one by one (a
/// refused row does not stop the others); `op` names the batch, so a replayed batch changes
/// nothing and answers its first outcome. Decided again if the shop changed in between.
pub async fn apply(
    db: &Db,
    op: &OpId,
    user_id: &str,
    rows: &[RowValues],
) -> Result<ImportProgress, DbError> {
    let op = store::ops::derived(op, "rows");
    let mut decided = 0;
    loop {
        let (found, categories) = store::imports::lookup(db, user_id, rows).await?;
        let plan = import::plan_batch(rows, &found, &categories, store::new_key);
        decided += 1;
        match store::imports::write(db, &op, user_id, &plan).await {
            Err(error) if decided < DECISIONS && stale(&error) => continue,
            written => return written,
        }
    }
}

/// How many times a batch is decided before the shop's changes are given up on.
const DECISIONS: usize = 5;

/// Whether the shop changed between the batch's decision and its write: a stock or a record it
/// read, or a SKU or category name another writer took meanwhile (a unique index).
fn stale(error: &DbError) -> bool {
    match error {
        DbError::Rule(rule) => rule == store::imports::STALE,
        DbError::Unique(_) => true,
        _ => false,
    }
}
