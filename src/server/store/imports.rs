//! Product files being imported (B10): the uploaded file between its preview and its last batch,
//! and the lookups an imported row needs (its product by SKU or name, a category by name).

use serde::Deserialize;
use serde_json::json;

use super::shops::CURRENT_SHOP;
use crate::domain::RecordKey;
use crate::domain::product::ProductInput;
use crate::server::db::{Db, DbError};

/// Keeps the file for the batches to come; the shop's earlier files are dropped. Returns its id.
pub async fn save(
    db: &Db,
    user_id: &str,
    file_name: &str,
    content: &str,
) -> Result<String, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         BEGIN TRANSACTION;
         DELETE product_import WHERE shop = $shop;
         LET $import = CREATE ONLY product_import CONTENT {{ shop: $shop, file_name: $file_name, content: $content }};
         COMMIT TRANSACTION;
         RETURN record::id($import.id);"
    );
    let vars = json!({ "user_id": user_id, "file_name": file_name, "content": content });
    db.query(&sql, vars)
        .await?
        .last()?
        .ok_or_else(|| DbError::Other("import not saved".into()))
}

#[derive(Deserialize)]
pub struct StoredFile {
    pub file_name: String,
    pub content: String,
}

/// The shop's file `import_id`, if it is still there.
pub async fn load(
    db: &Db,
    user_id: &str,
    import_id: &RecordKey,
) -> Result<Option<StoredFile>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT file_name, content FROM product_import
         WHERE id = type::record('product_import', $import_id) AND shop = $shop;"
    );
    db.query(&sql, json!({ "user_id": user_id, "import_id": import_id }))
        .await?
        .first(2)
}

/// Drops the file once its last batch is applied.
pub async fn finish(db: &Db, user_id: &str, import_id: &RecordKey) -> Result<(), DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         DELETE product_import WHERE id = type::record('product_import', $import_id) AND shop = $shop;"
    );
    db.query(&sql, json!({ "user_id": user_id, "import_id": import_id }))
        .await?;
    Ok(())
}

/// A product a row may update, as its form would show it.
#[derive(Deserialize)]
pub struct Existing {
    pub id: RecordKey,
    #[serde(flatten)]
    pub input: ProductInput,
}

/// The shop's product with this SKU; without a SKU, the first one of that name without a SKU.
pub async fn find_product(
    db: &Db,
    user_id: &str,
    sku: Option<&str>,
    name: &str,
) -> Result<Option<Existing>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT record::id(id) AS id, name, sku ?? '' AS sku, unit, quantity, min_stock, max_stock,
             purchase_price, sale_price, notes,
             IF category {{ record::id(category) }} ELSE {{ '' }} AS category_id,
             IF supplier {{ record::id(supplier) }} ELSE {{ '' }} AS supplier_id
         FROM product
         WHERE shop = $shop AND (IF $sku {{ sku_key = string::lowercase($sku) }}
             ELSE {{ name_key = string::lowercase($name) AND sku = NONE }})
         LIMIT 1;"
    );
    db.query(
        &sql,
        json!({ "user_id": user_id, "sku": sku, "name": name }),
    )
    .await?
    .first(2)
}

/// The id of the shop's category of that name (case and spaces aside), created if missing.
pub async fn category_named(db: &Db, user_id: &str, name: &str) -> Result<RecordKey, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         LET $found = (SELECT VALUE id FROM category
             WHERE shop = $shop AND name_key = string::lowercase(string::trim($name)))[0];
         RETURN record::id($found ?? (CREATE ONLY category CONTENT {{ shop: $shop, name: string::trim($name) }}).id);"
    );
    db.query(&sql, json!({ "user_id": user_id, "name": name }))
        .await?
        .last()?
        .ok_or_else(|| DbError::Other("category not created".into()))
}
