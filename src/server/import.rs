//! Applying an imported product file (B10): each valid row becomes a new product, an update of
//! the product with its SKU (else its name), or nothing when the product already says the same.

use crate::domain::import::{self, Column, PREVIEW_ROWS, RowError, RowValues, Table};
use crate::domain::import::{ImportPreview, ImportProgress};
use crate::domain::product::ProductDraft;
use crate::domain::stock::{Movement, MovementKind};
use crate::domain::{AppError, OpId};
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

enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// Applies the rows one by one (a refused row does not undo the others); `op` names the batch,
/// each row's writes derive their operation ids from it, so a replayed batch changes nothing.
pub async fn apply(
    db: &Db,
    op: &OpId,
    user_id: &str,
    rows: &[RowValues],
) -> Result<ImportProgress, DbError> {
    let mut progress = ImportProgress::default();
    for row in rows {
        match apply_row(db, op, user_id, row).await? {
            Ok(Outcome::Created) => progress.created += 1,
            Ok(Outcome::Updated) => progress.updated += 1,
            Ok(Outcome::Unchanged) => progress.unchanged += 1,
            Err(error) => progress.errors.push(error),
        }
    }
    Ok(progress)
}

async fn apply_row(
    db: &Db,
    op: &OpId,
    user_id: &str,
    row: &RowValues,
) -> Result<Result<Outcome, RowError>, DbError> {
    let existing = store::imports::find_product(db, user_id, row.sku.as_deref(), &row.name).await?;
    let mut merged = import::merge(existing.as_ref().map(|e| &e.input), row);
    let mut draft = match ProductDraft::parse(&merged) {
        Ok(draft) => draft,
        Err(error) => return Ok(Err(row_error(row.line, &error))),
    };
    if let Some(category) = &row.category {
        match store::imports::category_named(db, user_id, category).await {
            Ok(id) => {
                merged.category_id = id.to_string();
                draft.category_id = Some(id);
            }
            Err(DbError::Other(_)) => return Ok(Err(refused(row.line, Column::Category))),
            Err(error) => return Err(error),
        }
    }
    let row_op = |step: &str| store::ops::derived(op, &format!("{step}{}", row.line));
    let Some(existing) = existing else {
        store::products::create(db, &row_op("c"), user_id, None, &draft).await?;
        return Ok(Ok(Outcome::Created));
    };
    if existing.input == merged {
        return Ok(Ok(Outcome::Unchanged));
    }
    let quantity_before = existing.input.quantity;
    if (crate::domain::product::ProductInput {
        quantity: merged.quantity,
        ..existing.input
    }) != merged
    {
        store::products::update(db, &row_op("u"), user_id, &existing.id, &draft).await?;
    }
    if let Some(correction) = correction(quantity_before, merged.quantity) {
        store::stock::apply(db, &row_op("q"), user_id, &existing.id, &correction).await?;
    }
    Ok(Ok(Outcome::Updated))
}

/// The "correction" movement that brings the stock from `before` to `after`.
fn correction(before: i64, after: i64) -> Option<Movement> {
    let kind = if after > before {
        MovementKind::In
    } else {
        MovementKind::Out
    };
    Movement::parse(kind, (after - before).abs(), "correction", "Import CSV").ok()
}

/// A product rule broken by a row, on the column of the field it names.
fn row_error(line: usize, error: &AppError) -> RowError {
    let column = match error {
        AppError::Invalid { field, .. } => Column::of_field(field),
        _ => None,
    };
    RowError {
        line,
        column,
        code: error.message_key().to_owned(),
    }
}

fn refused(line: usize, column: Column) -> RowError {
    RowError {
        line,
        column: Some(column),
        code: "error.import.refused".into(),
    }
}
