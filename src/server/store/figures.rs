//! The figures kept for the dashboard and the statistics (schema 015), counted again from the
//! records: the repair of `repair_figures` at start-up.

use serde_json::json;

use crate::server::db::{Db, DbError};

/// Counts every shop's figures again, one shop per transaction; returns how many shops.
pub async fn repair(db: &Db) -> Result<usize, DbError> {
    let shops: Vec<String> = db
        .query("SELECT VALUE record::id(id) FROM shop", json!({}))
        .await?
        .all(0)?;
    for shop in &shops {
        db.query(
            "BEGIN; fn::recount_figures(type::record('shop', $shop)); COMMIT;",
            json!({ "shop": shop }),
        )
        .await?;
    }
    Ok(shops.len())
}
