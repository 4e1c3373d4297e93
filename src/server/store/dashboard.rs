//! Dashboard figures: the shop's kept counts (`shop_figures`, schema 015), its orders through the
//! (shop, status) index.

use serde_json::json;

use super::shops::CURRENT_SHOP;
use crate::domain::dashboard::StockFigures;
use crate::server::db::{Db, DbError};

pub async fn stock_summary(db: &Db, user_id: &str) -> Result<StockFigures, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         LET $figures = type::record('shop_figures', [$shop]);
         LET $open = SELECT status, expected_on FROM purchase_order
             WHERE shop = $shop AND status IN ['pending', 'confirmed', 'shipped'];
         RETURN {{
             product_count: $figures.products ?? 0,
             stock_value: $figures.stock_value ?? 0,
             rupture_count: $figures.rupture ?? 0,
             low_count: $figures.low ?? 0,
             pending_orders: count($open[WHERE status = 'pending']),
             active_orders: count($open),
             next_delivery: array::min($open[WHERE expected_on != NONE].expected_on),
             supplier_count: count(SELECT VALUE id FROM supplier WHERE shop = $shop),
         }};"
    );
    Ok(db
        .query(&sql, json!({ "user_id": user_id }))
        .await?
        .first(4)?
        .unwrap_or_default())
}
