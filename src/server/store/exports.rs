//! Rows of the CSV exports (E6), read a page at a time so that a shop of any size streams.

use serde::Deserialize;
use serde_json::json;

use super::shops::CURRENT_SHOP;
use super::stock::DAY_RANGE;
use crate::domain::period::DayRange;
use crate::domain::stock::MovementKind;
use crate::server::db::{Db, DbError};

#[derive(Debug, Deserialize)]
pub struct ProductRow {
    pub sku: Option<String>,
    pub name: String,
    pub category: Option<String>,
    pub unit: String,
    pub quantity: i64,
    pub min_stock: i64,
    pub max_stock: Option<i64>,
    pub purchase_price: i64,
    pub sale_price: i64,
    pub status: String,
    pub supplier: Option<String>,
    pub notes: String,
}

/// Products by name, `limit` from row `start`.
pub async fn products(
    db: &Db,
    user_id: &str,
    start: usize,
    limit: usize,
) -> Result<Vec<ProductRow>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT sku, name, category.name AS category, unit, quantity, min_stock, max_stock,
             purchase_price, sale_price, status, supplier.name AS supplier, notes, name_key, id
         FROM product WHERE shop = $shop ORDER BY name_key COLLATE, id LIMIT $limit START $start;"
    );
    db.query(
        &sql,
        json!({ "user_id": user_id, "start": start, "limit": limit }),
    )
    .await?
    .all(2)
}

#[derive(Debug, Deserialize)]
pub struct MovementRow {
    pub id: String,
    /// RFC 3339; also the cursor of the next page.
    pub at: String,
    pub product: Option<String>,
    pub sku: Option<String>,
    pub kind: MovementKind,
    pub quantity: i64,
    pub reason: String,
    pub note: String,
    pub balance_after: i64,
    pub by_name: Option<String>,
}

/// Where the previous page of movements stopped: its last instant, and the movements of that
/// instant already written (several can share it).
#[derive(Debug, Default, Clone)]
pub struct Cursor {
    pub at: Option<String>,
    pub seen: Vec<String>,
}

/// The shop's movements, newest first, filtered like the history (E5), after `cursor`.
/// Walks the (shop, minus_at) index forward (schema 021): each page costs the same however deep
/// the export is.
pub async fn movements(
    db: &Db,
    user_id: &str,
    kind: Option<MovementKind>,
    range: &DayRange,
    cursor: &Cursor,
    limit: usize,
) -> Result<Vec<MovementRow>, DbError> {
    let mut conditions = super::stock::movement_filter(kind.is_some(), range);
    if cursor.at.is_some() {
        conditions.push("minus_at >= $cursor");
    }
    let filter = conditions.join(" AND ");
    let sql = format!(
        "{CURRENT_SHOP}{DAY_RANGE}
         LET $cursor = IF $cursor {{ -time::nano(<datetime> $cursor) }} ELSE {{ NONE }};
         SELECT record::id(id) AS id, at, product.name AS product,
             product.sku AS sku, kind, quantity, reason, note, balance_after, by.name AS by_name
         FROM movement WHERE {filter} ORDER BY minus_at LIMIT $limit;"
    );
    let vars = json!({
        "user_id": user_id,
        "kind": kind.map(MovementKind::as_str),
        "start": range.start,
        "end": range.end,
        "cursor": cursor.at,
        "limit": limit + cursor.seen.len(),
    });
    let rows: Vec<MovementRow> = db.query(&sql, vars).await?.all(5)?;
    Ok(rows
        .into_iter()
        .filter(|row| !cursor.seen.contains(&row.id))
        .take(limit)
        .collect())
}
