//! Shops, reached only through the `user->owns->shop` edge of their owner.

use serde_json::json;

use super::ops;
use crate::domain::OpId;
use crate::domain::csv::{DateFormat, Separator};
use crate::domain::shop::{ShopSettings, ShopSummary};
use crate::server::db::{Db, DbError};

pub async fn owned_by(db: &Db, user_id: &str) -> Result<Vec<ShopSummary>, DbError> {
    let mut rows = db
        .query(
            "SELECT record::id(out) AS id, out.name AS name, out.currency AS currency,
                    <string> out.created_at AS created_at
             FROM owns WHERE in = type::record('user', $user_id) ORDER BY created_at",
            json!({ "user_id": user_id }),
        )
        .await?;
    rows.all(0)
}

/// SurrealQL that sets `$shop` to the shop the caller (`$user_id`) works in: every query on a
/// shop's records starts with it and filters on `shop = $shop`, so ids from the client can never
/// reach another shop.
pub const CURRENT_SHOP: &str = "LET $shop = (SELECT out, created_at FROM owns
    WHERE in = type::record('user', $user_id) ORDER BY created_at LIMIT 1)[0].out;
    IF !$shop { THROW 'not_found' };";

/// SurrealQL that sets `$supplier` from `$supplier_id`, or answers "not found" when it is not a
/// supplier of the caller's shop.
pub const SUPPLIER_OF_SHOP: &str = "
    LET $supplier = (SELECT VALUE id FROM supplier WHERE id = type::record('supplier', $supplier_id) AND shop = $shop)[0];
    IF !$supplier { THROW 'not_found' };";

pub async fn settings(db: &Db, user_id: &str) -> Result<Option<ShopSettings>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT currency, csv_separator ?? ';' AS csv_separator, date_format ?? 'dd/mm/yyyy' AS date_format
         FROM ONLY $shop;"
    );
    db.query(&sql, json!({ "user_id": user_id }))
        .await?
        .first(2)
}

pub async fn save_settings(
    db: &Db,
    op: &OpId,
    user_id: &str,
    separator: Separator,
    date_format: DateFormat,
) -> Result<(), DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         UPDATE $shop SET csv_separator = $separator, date_format = $date_format;
         LET $result = NONE;"
    );
    let vars = json!({
        "user_id": user_id,
        "separator": separator.as_str(),
        "date_format": date_format.as_str(),
    });
    ops::run_once(db, user_id, op, &body, vars).await
}
