//! Which photo a product (B8), an order (C9) or a catalogue item (F2) has, and the folder its
//! files go to.

use serde_json::json;

use super::catalog::CURRENT_SUPPLIER;
use super::ops;
use super::shops::CURRENT_SHOP;
use crate::domain::OpId;
use crate::domain::RecordKey;
use crate::domain::photo::PhotoTarget;
use crate::server::db::{Db, DbError};

/// Sets (or with `None` removes) the photo of a record of the caller's (its shop's, or for a
/// catalogue item its supplier profile's); returns the one it replaces, whose files the caller
/// deletes. A record of someone else is `not_found`.
pub async fn attach(
    db: &Db,
    op: &OpId,
    user_id: &str,
    target: PhotoTarget,
    id: &RecordKey,
    stored: Option<&str>,
) -> Result<Option<String>, DbError> {
    let (scope, owner, table, field) = match target {
        PhotoTarget::Product => (CURRENT_SHOP, "shop = $shop", "product", "photo"),
        PhotoTarget::Order => (CURRENT_SHOP, "shop = $shop", "purchase_order", "attachment"),
        PhotoTarget::CatalogItem => (
            CURRENT_SUPPLIER,
            "supplier = $supplier",
            "catalog_item",
            "photo",
        ),
    };
    let body = format!(
        "{scope}
         LET $record = (SELECT id, {field} AS previous FROM {table} WHERE id = type::record('{table}', $id) AND {owner})[0];
         IF !$record {{ THROW 'not_found' }};
         UPDATE $record.id SET {field} = $stored ?? NONE;
         LET $result = $record.previous;"
    );
    let vars = json!({ "user_id": user_id, "id": id, "stored": stored });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// The id of the supplier `user_id`'s profile: the folder of its catalogue photos.
pub async fn supplier_folder(db: &Db, user_id: &str) -> Result<Option<String>, DbError> {
    db.query(
        "SELECT VALUE record::id(id) FROM supplier_profile WHERE user = type::record('user', $user_id) LIMIT 1",
        json!({ "user_id": user_id }),
    )
    .await?
    .first(0)
}

/// Whether `folder` is a supplier profile's (catalogue photos, which every shopkeeper may see)
/// and whether it is `user_id`'s own.
pub async fn supplier_folder_of(
    db: &Db,
    folder: &str,
    user_id: &str,
) -> Result<Option<bool>, DbError> {
    db.query(
        "SELECT VALUE user = type::record('user', $user_id) FROM type::record('supplier_profile', $folder)",
        json!({ "user_id": user_id, "folder": folder }),
    )
    .await?
    .first(0)
}
