//! Dashboard figures. Counts by status go through the (shop, status) index.

use serde_json::json;

use super::shops::CURRENT_SHOP;
use crate::api::dashboard::StockFigures;
use crate::server::db::{Db, DbError};

pub async fn stock_summary(db: &Db, user_id: &str) -> Result<StockFigures, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         RETURN {{
             product_count: count(SELECT VALUE id FROM product WHERE shop = $shop),
             stock_value: math::sum(SELECT VALUE purchase_price * quantity FROM product WHERE shop = $shop),
             rupture_count: count(SELECT VALUE id FROM product WHERE shop = $shop AND status = 'rupture'),
             low_count: count(SELECT VALUE id FROM product WHERE shop = $shop AND status = 'low'),
         }};"
    );
    Ok(db
        .query(&sql, json!({ "user_id": user_id }))
        .await?
        .first(2)?
        .unwrap_or_default())
}
