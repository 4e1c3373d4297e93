//! Shops, reached only through the `user->owns->shop` edge of their owner.

use serde_json::json;

use crate::api::shops::ShopSummary;
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
