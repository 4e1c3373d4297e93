//! The figures kept for the dashboard and the statistics (schema 015) and the search's words
//! (schema 016), made again from the records: the repair of `repair_figures` at start-up.

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
             fn::recount_figures(type::record('shop', $shop));
             fn::reindex_words(type::record('shop', $shop));
             COMMIT;",
            json!({ "shop": shop }),
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
