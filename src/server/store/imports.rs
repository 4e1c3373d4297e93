//! Product files being imported (B10): the uploaded file between its preview and its last batch,
//! what a batch's rows may update (their products by SKU or name, categories by name), and the
//! batch's one write.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::json;

use super::alerts::QUEUE_PRODUCT;
use super::shops::CURRENT_SHOP;
use super::{ops, products, stock};
use crate::domain::import::{self, BatchPlan, Found, ImportProgress, RowValues};
use crate::domain::product::ProductDraft;
use crate::domain::{OpId, RecordKey};
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

/// The shop's products the rows may update, by [`import::product_key`], and its categories
/// by name key: one read through the (shop, SKU), (shop, name) and category indexes.
pub async fn lookup(
    db: &Db,
    user_id: &str,
    rows: &[RowValues],
) -> Result<(HashMap<String, Found>, HashMap<String, RecordKey>), DbError> {
    let skus: Vec<String> = rows
        .iter()
        .filter_map(|row| row.sku.as_ref().map(|sku| sku.to_lowercase()))
        .collect();
    let names: Vec<String> = rows
        .iter()
        .filter(|row| row.sku.is_none())
        .map(|row| row.name.to_lowercase())
        .collect();
    let sql = format!(
        "{CURRENT_SHOP}
         RETURN {{
             by_sku: array::flatten($skus.map(|$sku| SELECT {FOUND} FROM product
                 WHERE shop = $shop AND sku_key = $sku)),
             by_name: array::flatten($names.map(|$name| SELECT {FOUND} FROM product
                 WHERE shop = $shop AND name_key = $name AND sku = NONE LIMIT 1)),
             categories: SELECT record::id(id) AS id, name_key FROM category WHERE shop = $shop,
         }};"
    );
    #[derive(Deserialize)]
    struct Held {
        by_sku: Vec<Found>,
        by_name: Vec<Found>,
        categories: Vec<CategoryKey>,
    }
    #[derive(Deserialize)]
    struct CategoryKey {
        id: RecordKey,
        name_key: String,
    }
    let held: Held = db
        .query(
            &sql,
            json!({ "user_id": user_id, "skus": skus, "names": names }),
        )
        .await?
        .last()?
        .ok_or_else(|| DbError::Other("nothing read".into()))?;
    let products = held
        .by_sku
        .into_iter()
        .chain(held.by_name)
        .map(|found| {
            let sku = (!found.input.sku.is_empty()).then_some(found.input.sku.as_str());
            (import::product_key(sku, &found.input.name), found)
        })
        .collect();
    let categories = held
        .categories
        .into_iter()
        .map(|category| (category.name_key, category.id))
        .collect();
    Ok((products, categories))
}

/// The fields of a product a row may update, as its form would show them.
const FOUND: &str = "record::id(id) AS id, name, sku ?? '' AS sku, unit, quantity, min_stock,
    max_stock, purchase_price, sale_price, notes,
    IF category { record::id(category) } ELSE { '' } AS category_id,
    IF supplier { record::id(supplier) } ELSE { '' } AS supplier_id";

/// Thrown when the shop changed since the batch was decided (a product's stock, a product or a
/// category gone, a category of the same name made): the batch is decided again.
pub const STALE: &str = "stale";

/// Writes a decided batch in one transaction, under `op` (a replay answers the first outcome).
/// The batch moves stock like a stock movement: it takes the same turn of the shop's writers.
pub async fn write(
    db: &Db,
    op: &OpId,
    user_id: &str,
    plan: &BatchPlan,
) -> Result<ImportProgress, DbError> {
    let _one_writer = db.lock(&stock::writer_key(user_id)).await;
    let body = format!(
        "FOR $id IN $kept_categories {{
             IF type::record('category', $id).shop != $shop {{ THROW '{STALE}' }};
         }};
         FOR $category IN $new_categories {{
             IF (SELECT VALUE id FROM category WHERE shop = $shop
                 AND name_key = string::lowercase(string::trim($category.name)))[0] {{ THROW '{STALE}' }};
             CREATE type::record('category', $category.key) CONTENT {{ shop: $shop, name: $category.name }};
         }};
         FOR $p IN $creates {{
             LET $product = type::record('product', $p.key);
             {RECORDS_OF_DRAFT}
             {}
         }};
         FOR $p IN $updates {{
             LET $product = type::record('product', $p.key);
             IF $product.shop != $shop {{ THROW '{STALE}' }};
             {RECORDS_OF_DRAFT}
             {};
             {QUEUE_PRODUCT}
         }};
         FOR $m IN $corrections {{
             LET $product = type::record('product', $m.key);
             IF $product.shop != $shop OR $product.quantity != $m.stock {{ THROW '{STALE}' }};
             {}
         }};
         LET $result = $progress;",
        products::create_statements(),
        products::update_statement(),
        stock::move_statements(),
    );
    let product = |(key, draft): &(RecordKey, ProductDraft)| {
        let mut fields = products::draft_fields(draft);
        fields["key"] = json!(key);
        fields
    };
    let new: Vec<&RecordKey> = plan.new_categories.iter().map(|(key, _)| key).collect();
    let mut kept_categories: Vec<&RecordKey> = (plan.creates.iter().chain(&plan.updates))
        .filter_map(|(_, draft)| draft.category_id.as_ref())
        .filter(|id| !new.contains(id))
        .collect();
    kept_categories.sort();
    kept_categories.dedup();
    let vars = json!({
        "user_id": user_id,
        "kept_categories": kept_categories,
        "new_categories": plan.new_categories.iter()
            .map(|(key, name)| json!({ "key": key, "name": name })).collect::<Vec<_>>(),
        "creates": plan.creates.iter().map(product).collect::<Vec<_>>(),
        "updates": plan.updates.iter().map(product).collect::<Vec<_>>(),
        "corrections": plan.corrections.iter().map(|c| {
            let mut fields = stock::movement_fields(&c.movement, c.balance);
            fields["key"] = json!(c.product);
            fields["stock"] = json!(c.stock);
            fields
        }).collect::<Vec<_>>(),
        "progress": plan.progress,
    });
    ops::run_once(db, user_id, op, &format!("{CURRENT_SHOP}{body}"), vars).await
}

/// A written product's category and supplier, by the ids the batch decided: categories the
/// batch checked or made, the supplier the product had (an import names none).
const RECORDS_OF_DRAFT: &str = "
    LET $category = IF $p.category_id { type::record('category', $p.category_id) } ELSE { NONE };
    LET $supplier = IF $p.supplier_id { type::record('supplier', $p.supplier_id) } ELSE { NONE };";
