//! Stock movements (B4, B5): the movement and the new quantity in one transaction, and the
//! product's ledger.

use serde_json::json;

use super::alerts::QUEUE_PRODUCT;
use super::ops;
use super::shops::CURRENT_SHOP;
use crate::api::stock::{HistoryPage, HistoryQuery, LedgerLine};
use crate::domain::OpId;
use crate::domain::period::DayRange;
use crate::domain::stock::Movement;
use crate::server::db::{Db, DbError};

/// Applies the movement; returns the new quantity. Refuses (and writes nothing) when an "out"
/// is larger than the stock. Movements of one product are applied one at a time (and retried if
/// another server instance wrote in between), so none is lost.
pub async fn apply(
    db: &Db,
    op: &OpId,
    user_id: &str,
    product_id: &str,
    movement: &Movement,
) -> Result<i64, DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         LET $product = (SELECT id, quantity FROM product WHERE id = type::record('product', $product_id) AND shop = $shop)[0];
         IF !$product {{ THROW 'not_found' }};
         LET $balance = $product.quantity + $delta;
         IF $balance < 0 {{ THROW 'quantity:error.stock.insufficient' }};
         UPDATE $product.id SET quantity = $balance;
         CREATE movement CONTENT {{
             shop: $shop, product: $product.id, kind: $kind, quantity: $quantity, reason: $reason,
             note: $note, balance_after: $balance, by: type::record('user', $user_id)
         }};
         LET $product = $product.id;
         {QUEUE_PRODUCT}
         LET $result = $balance;"
    );
    let _one_writer = db.lock(product_id).await;
    let vars = json!({
        "user_id": user_id,
        "product_id": product_id,
        "delta": movement.kind.delta(movement.quantity),
        "kind": movement.kind.as_str(),
        "quantity": movement.quantity,
        "reason": movement.reason,
        "note": movement.note,
    });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// The product's movements, newest first, with the balance after each and who made it.
pub async fn ledger(
    db: &Db,
    user_id: &str,
    product_id: &str,
    page: u32,
    page_size: u32,
) -> Result<Vec<LedgerLine>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT <string> at AS at, kind, quantity, reason, note, balance_after, by.name AS by_name, at AS time
         FROM movement WHERE product = type::record('product', $product_id) AND shop = $shop
         ORDER BY time DESC LIMIT $limit START $start;"
    );
    let vars = json!({ "user_id": user_id, "product_id": product_id, "limit": page_size, "start": page * page_size });
    db.query(&sql, vars).await?.all(2)
}

/// The shop's movements, newest first, with their product, filtered by kind and days.
pub async fn history(
    db: &Db,
    user_id: &str,
    query: &HistoryQuery,
    range: &DayRange,
) -> Result<HistoryPage, DbError> {
    let mut conditions = vec!["shop = $shop"];
    if query.kind.is_some() {
        conditions.push("kind = $kind");
    }
    if range.start.is_some() {
        conditions.push("at >= <datetime> $start");
    }
    if range.end.is_some() {
        conditions.push("at < <datetime> $end");
    }
    let filter = conditions.join(" AND ");
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT product.name AS product_name, <string> at AS at, kind, quantity, reason, note, balance_after,
             by.name AS by_name, at AS time
         FROM movement WHERE {filter} ORDER BY time DESC LIMIT $limit START $start_row;
         RETURN count(SELECT VALUE id FROM movement WHERE {filter});"
    );
    let vars = json!({
        "user_id": user_id,
        "kind": query.kind.map(|k| k.as_str()),
        "start": range.start,
        "end": range.end,
        "limit": HistoryQuery::PAGE_SIZE,
        "start_row": query.page * HistoryQuery::PAGE_SIZE,
    });
    let mut rows = db.query(&sql, vars).await?;
    Ok(HistoryPage {
        items: rows.all(2)?,
        total: rows.first(3)?.unwrap_or(0),
    })
}
