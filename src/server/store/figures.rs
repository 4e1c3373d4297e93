//! The figures kept for the dashboard and the statistics (schemas 015 and 018), the searches'
//! words (016) and the catalogue counts (017), made again from the records: the repair of
//! `repair_figures` at start-up.

use serde_json::json;

use crate::server::db::{Db, DbError};

/// Counts every shop's figures and every supplier's catalogue counts (schema 017) again, one
/// shop or supplier per transaction; returns how many shops.
pub async fn repair(db: &Db) -> Result<usize, DbError> {
    let shops: Vec<String> = db
        .query("SELECT VALUE record::id(id) FROM shop", json!({}))
        .await?
        .all(0)?;
    for shop in &shops {
        db.query(
            "BEGIN;
             LET $shop = type::record('shop', $shop_id);
             LET $sales_day = type::record('shop_figures', [$shop]).sales_day;
             fn::recount_figures($shop);
             IF $sales_day { fn::recount_sales($shop, $sales_day) };
             fn::reindex_words($shop);
             COMMIT;",
            json!({ "shop_id": shop }),
        )
        .await?;
    }
    let suppliers: Vec<String> = db
        .query(
            "SELECT VALUE record::id(id) FROM supplier_profile",
            json!({}),
        )
        .await?
        .all(0)?;
    for supplier in &suppliers {
        db.query(
            "BEGIN;
             fn::recount_catalog(type::record('supplier_profile', $supplier));
             fn::reindex_words(type::record('supplier_profile', $supplier));
             COMMIT;",
            json!({ "supplier": supplier }),
        )
        .await?;
    }
    Ok(shops.len())
}
