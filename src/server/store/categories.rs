//! Categories of a shop (B2). Deleting one moves its products to "Sans catégorie".

use serde_json::json;

use super::attach::{Attach, attach};
use super::ops;
use super::shops::CURRENT_SHOP;
use crate::domain::OpId;
use crate::domain::RecordKey;
use crate::domain::category::Category;
use crate::server::db::{Db, DbError};

/// A category as its list shows it, but for its product count ([`with_product_counts`]);
/// `record` is its record id.
pub(super) const PROJECTION: &str = "record::id(id) AS id, id AS record, name, name_key";

/// The categories `select` reads, each with its number of products, counted for all of them
/// through the `product_shop_category` index ([`attach`]). Four statements; the last answers.
pub(super) fn with_product_counts(select: &str) -> String {
    attach(
        select,
        &[Attach::Figures {
            by: "record",
            select: "SELECT category AS of, count() AS product_count FROM product
                WHERE shop = $shop AND category IN $keys GROUP BY of",
            none: "{ product_count: 0 }",
        }],
    )
}

pub async fn list(db: &Db, user_id: &str) -> Result<Vec<Category>, DbError> {
    let categories = with_product_counts(&format!(
        "SELECT {PROJECTION} FROM category WHERE shop = $shop ORDER BY name_key"
    ));
    db.query(
        &format!("{CURRENT_SHOP} {categories}"),
        json!({ "user_id": user_id }),
    )
    .await?
    .last_all()
}

/// Creates the category under `key` (the phone's, else a new one); returns its id.
pub async fn create(
    db: &Db,
    op: &OpId,
    user_id: &str,
    key: Option<&RecordKey>,
    name: &str,
) -> Result<String, DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         LET $result = record::id((CREATE ONLY type::record('category', $key) CONTENT {{ shop: $shop, name: $name }}).id);"
    );
    let key = key.cloned().unwrap_or_else(super::new_key);
    let vars = json!({ "user_id": user_id, "name": name, "key": key });
    ops::run_once(db, user_id, op, &body, vars).await
}

pub async fn rename(
    db: &Db,
    op: &OpId,
    user_id: &str,
    category_id: &RecordKey,
    name: &str,
) -> Result<String, DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         LET $renamed = (UPDATE type::record('category', $category_id) SET name = $name WHERE shop = $shop);
         IF !$renamed[0] {{ THROW 'not_found' }};
         LET $result = $category_id;"
    );
    let vars = json!({ "user_id": user_id, "category_id": category_id, "name": name });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Deletes the category; its products become uncategorised in the same transaction.
pub async fn delete(
    db: &Db,
    op: &OpId,
    user_id: &str,
    category_id: &RecordKey,
) -> Result<String, DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         LET $category = (SELECT VALUE id FROM category WHERE id = type::record('category', $category_id) AND shop = $shop)[0];
         IF !$category {{ THROW 'not_found' }};
         UPDATE product SET category = NONE WHERE shop = $shop AND category = $category;
         DELETE $category;
         LET $result = $category_id;"
    );
    ops::run_once(
        db,
        user_id,
        op,
        &body,
        json!({ "user_id": user_id, "category_id": category_id }),
    )
    .await
}
