//! Stock movements (B4, B5): the movement and the new quantity in one transaction, and the
//! product's ledger.

use serde_json::json;

use super::alerts::QUEUE_PRODUCT;
use super::ops;
use super::shops::CURRENT_SHOP;
use crate::domain::RecordKey;
use crate::domain::period::DayRange;
use crate::domain::stock::Movement;
use crate::domain::stock::{HistoryPage, HistoryQuery, LedgerLine};
use crate::domain::{AppError, OpId};
use crate::server::db::{Db, DbError};

/// Applies the movement; returns the new quantity. The balance is decided by
/// [`Movement::apply`], the rule the browser runs too; the transaction only checks that the
/// stock it was decided from is still the stock, and writes the movement and the balance
/// together. Movements of one shop are applied one at a time in this process (and decided again if another
/// server instance wrote in between), so none is lost; a refused one writes nothing.
pub async fn apply(
    db: &Db,
    op: &OpId,
    user_id: &str,
    product_id: &RecordKey,
    movement: &Movement,
) -> Result<i64, DbError> {
    // One movement of a shop at a time in this process (its phones share the user): every
    // movement writes the shop's kept figures and sequence (schema 015, 009), and many at once
    // only made each other retry until some gave up (a 500 under 32 clients). One lock only: the
    // locks are striped, and a second one taken inside could be the same stripe (a deadlock).
    let _one_writer = db.lock(&writer_key(user_id)).await;
    // A replay is answered with its first result, before today's stock could refuse it.
    if let Some(balance) = ops::stored(db, user_id, op).await? {
        return Ok(balance);
    }
    loop {
        let stock = quantity(db, user_id, product_id)
            .await?
            .ok_or_else(|| DbError::Rule("not_found".into()))?;
        let balance = movement.apply(stock).map_err(refused)?;
        match write(db, op, user_id, product_id, movement, stock, balance).await {
            Err(DbError::Rule(rule)) if rule == STALE => continue,
            written => return written,
        }
    }
}

/// The lock a shop's stock movements take turns on (with the roll of its sales windows).
pub(super) fn writer_key(user_id: &str) -> String {
    format!("stock:{user_id}")
}

/// Thrown when the stock changed since the balance was decided.
const STALE: &str = "stale";

/// The quantity in stock of the caller's product, if the shop has it.
async fn quantity(db: &Db, user_id: &str, product_id: &RecordKey) -> Result<Option<i64>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT VALUE quantity FROM product WHERE id = type::record('product', $product_id) AND shop = $shop;"
    );
    let vars = json!({ "user_id": user_id, "product_id": product_id });
    db.query(&sql, vars).await?.first(2)
}

/// Writes the movement and `balance` if the product still holds `stock`.
async fn write(
    db: &Db,
    op: &OpId,
    user_id: &str,
    product_id: &RecordKey,
    movement: &Movement,
    stock: i64,
    balance: i64,
) -> Result<i64, DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         LET $product = (SELECT id, quantity FROM product WHERE id = type::record('product', $product_id) AND shop = $shop)[0];
         IF !$product {{ THROW 'not_found' }};
         IF $product.quantity != $stock {{ THROW '{STALE}' }};
         LET $product = $product.id;
         {}
         LET $result = $balance;",
        move_statements()
    );
    let vars = json!({
        "user_id": user_id,
        "product_id": product_id,
        "stock": stock,
        "balance": balance,
        "m": movement_fields(movement, balance),
    });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// A movement and the balance it leaves, as [`move_statements`] reads them from `$m`.
pub(super) fn movement_fields(movement: &Movement, balance: i64) -> serde_json::Value {
    json!({
        "kind": movement.kind.as_str(),
        "quantity": movement.quantity,
        "reason": movement.reason,
        "note": movement.note,
        "balance": balance,
    })
}

/// SurrealQL that records the movement `$m` of the shop's product `$product` (a record id) and
/// sets its quantity to the balance it leaves, in one transaction (B4: the quantity is always
/// the sum of the movements), queued for the alerts.
pub(super) fn move_statements() -> String {
    format!(
        "UPDATE $product SET quantity = $m.balance;
         CREATE movement CONTENT {{
             shop: $shop, product: $product, kind: $m.kind, quantity: $m.quantity, reason: $m.reason,
             note: $m.note, balance_after: $m.balance, by: type::record('user', $user_id)
         }};
         {QUEUE_PRODUCT}"
    )
}

/// A rule of the domain refused the movement: carried like a transaction's `THROW`.
fn refused(error: AppError) -> DbError {
    match error {
        AppError::Invalid { field, code } => DbError::Rule(format!("{field}:{code}")),
        other => DbError::Other(other.to_string()),
    }
}

/// The fields of a ledger line (a macro: [`RECENT_LEDGER`] is built from it at compile time).
macro_rules! ledger_line {
    () => {
        "at, kind, quantity, reason, note, balance_after, by.name AS by_name"
    };
}
const LEDGER_LINE: &str = ledger_line!();

/// The product `$record`'s latest movements, `$recent_lines` of them, as the phone keeps them.
/// The product is a variable, not `$parent.id`: only then does SurrealDB read the subquery
/// through `movement_product_newest` (newest first, forward: schema 021) instead of the whole
/// movement table.
pub(super) const RECENT_LEDGER: &str = concat!(
    "SELECT record::id(id) AS id, (SELECT ",
    ledger_line!(),
    " FROM movement WHERE product = $record ORDER BY minus_at LIMIT $recent_lines) AS lines",
    " FROM $record WHERE shop = $shop"
);

/// The product's movements, newest first, with the balance after each and who made it.
pub async fn ledger(
    db: &Db,
    user_id: &str,
    product_id: &RecordKey,
    page: u32,
    page_size: u32,
) -> Result<Vec<LedgerLine>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT {LEDGER_LINE}
         FROM movement WHERE product = type::record('product', $product_id) AND shop = $shop
         ORDER BY minus_at LIMIT $limit START $start;"
    );
    let vars = json!({ "user_id": user_id, "product_id": product_id, "limit": page_size, "start": crate::domain::page::start(page, page_size) });
    db.query(&sql, vars).await?.all(2)
}

/// The shop's movements, newest first, with their product, filtered by kind and days.
pub async fn history(
    db: &Db,
    user_id: &str,
    query: &HistoryQuery,
    range: &DayRange,
) -> Result<HistoryPage, DbError> {
    let filter = movement_filter(query.kind.is_some(), range).join(" AND ");
    let sql = format!(
        "{CURRENT_SHOP}{DAY_RANGE}
         SELECT product.name AS product_name, at, kind, quantity, reason, note, balance_after,
             by.name AS by_name
         FROM movement WHERE {filter} ORDER BY minus_at LIMIT $limit START $start_row;
         RETURN count(SELECT VALUE id FROM movement WHERE {filter});"
    );
    let vars = json!({
        "user_id": user_id,
        "kind": query.kind.map(|k| k.as_str()),
        "start": range.start,
        "end": range.end,
        "limit": HistoryQuery::PAGE_SIZE,
        "start_row": crate::domain::page::start(query.page, HistoryQuery::PAGE_SIZE),
    });
    let mut rows = db.query(&sql, vars).await?;
    Ok(HistoryPage {
        items: rows.all(4)?,
        total: rows.first(5)?.unwrap_or(0),
    })
}

/// Turns the optional `$start` / `$end` instants into bounds of `minus_at` (schema 021) once,
/// before the query: a cast inside WHERE keeps SurrealDB from scanning the (shop, minus_at)
/// index by range, and it reads every movement of the shop instead. Two statements.
pub(super) const DAY_RANGE: &str = "
    LET $start = IF $start { -time::nano(<datetime> $start) } ELSE { NONE };
    LET $end = IF $end { -time::nano(<datetime> $end) } ELSE { NONE };";

/// The conditions on the shop's movements of a kind (`$kind`, when `by_kind`) and days
/// (`$start`, `$end`, made bounds of `minus_at` by [`DAY_RANGE`]: the later the instant, the
/// lower), shared by the history and its CSV export.
pub(super) fn movement_filter(by_kind: bool, range: &DayRange) -> Vec<&'static str> {
    let mut conditions = vec!["shop = $shop"];
    if by_kind {
        conditions.push("kind = $kind");
    }
    if range.start.is_some() {
        conditions.push("minus_at <= $start");
    }
    if range.end.is_some() {
        conditions.push("minus_at > $end");
    }
    conditions
}
