//! Which photo a product (B8) or an order (C9) has.

use serde_json::json;

use super::ops;
use super::shops::CURRENT_SHOP;
use crate::domain::OpId;
use crate::domain::photo::PhotoTarget;
use crate::server::db::{Db, DbError};

/// Sets (or with `None` removes) the photo of a record of the caller's shop; returns the one it
/// replaces, whose files the caller deletes.
pub async fn attach(
    db: &Db,
    op: &OpId,
    user_id: &str,
    target: PhotoTarget,
    id: &str,
    stored: Option<&str>,
) -> Result<Option<String>, DbError> {
    let (table, field) = match target {
        PhotoTarget::Product => ("product", "photo"),
        PhotoTarget::Order => ("purchase_order", "attachment"),
    };
    let body = format!(
        "{CURRENT_SHOP}
         LET $record = (SELECT id, {field} AS previous FROM {table} WHERE id = type::record('{table}', $id) AND shop = $shop)[0];
         IF !$record {{ THROW 'not_found' }};
         UPDATE $record.id SET {field} = $stored ?? NONE;
         LET $result = $record.previous;"
    );
    let vars = json!({ "user_id": user_id, "id": id, "stored": stored });
    ops::run_once(db, user_id, op, &body, vars).await
}
