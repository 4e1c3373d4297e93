//! Dashboard figures. Counts by status go through the (shop, status) indexes.

use serde_json::json;

use super::shops::CURRENT_SHOP;
use crate::domain::dashboard::StockFigures;
use crate::server::db::{Db, DbError};

pub async fn stock_summary(db: &Db, user_id: &str) -> Result<StockFigures, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         RETURN {{
             product_count: count(SELECT VALUE id FROM product WHERE shop = $shop),
             stock_value: math::sum(SELECT VALUE <decimal> purchase_price * quantity FROM product WHERE shop = $shop),
             rupture_count: count(SELECT VALUE id FROM product WHERE shop = $shop AND status = 'rupture'),
             low_count: count(SELECT VALUE id FROM product WHERE shop = $shop AND status = 'low'),
             pending_orders: count(SELECT VALUE id FROM purchase_order WHERE shop = $shop AND status = 'pending'),
             active_orders: count(SELECT VALUE id FROM purchase_order WHERE shop = $shop AND status IN ['pending', 'confirmed', 'shipped']),
             next_delivery: array::min(SELECT VALUE expected_on FROM purchase_order
                 WHERE shop = $shop AND status IN ['pending', 'confirmed', 'shipped'] AND expected_on != NONE),
             supplier_count: count(SELECT VALUE id FROM supplier WHERE shop = $shop),
         }};"
    );
    Ok(db
        .query(&sql, json!({ "user_id": user_id }))
        .await?
        .first(2)?
        .unwrap_or_default())
}
