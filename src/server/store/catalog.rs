//! A registered supplier's catalog (F2): every query starts from the caller's own profile, so an
//! item id from the client never reaches another supplier's catalog.

use serde_json::json;

use super::ops;
use super::search;
use crate::domain::OpId;
use crate::domain::RecordKey;
use crate::domain::catalog::ItemInput;
use crate::domain::catalog::{CatalogPage, CatalogQuery};
use crate::domain::search::longest_first as search_words;
use crate::server::db::{Db, DbError};

/// Sets `$supplier` to the caller's (`$user_id`) supplier profile. Two statements.
pub(super) const CURRENT_SUPPLIER: &str = "LET $supplier = (SELECT VALUE id FROM supplier_profile
    WHERE user = type::record('user', $user_id) LIMIT 1)[0];
    IF !$supplier { THROW 'not_found' };";

const PROJECTION: &str = "record::id(id) AS id, name, description, category, price, unit,
    min_order_quantity, stock_available, available, photo, name_key";

/// The fields of `$item` (an `ItemInput`); a null stock becomes NONE (not tracked).
const ITEM_FIELDS: &str = "name: $item.name, description: $item.description,
    category: $item.category, price: $item.price, unit: $item.unit,
    min_order_quantity: $item.min_order_quantity, stock_available: $item.stock_available ?? NONE,
    available: $item.available";

/// Sets `$target` to the caller's item `$id`, or THROWs not_found. Two statements.
const OWN_ITEM: &str = "LET $target = (SELECT VALUE id FROM catalog_item
    WHERE id = type::record('catalog_item', $id) AND supplier = $supplier)[0];
    IF !$target { THROW 'not_found' };";

/// Every catalogue write moves the profile's kept counts (schema 017): one writer at a time per
/// supplier (in this process), so two phones of one supplier queue instead of conflicting.
fn writer_key(user_id: &str) -> String {
    format!("catalog:{user_id}")
}

pub async fn list(db: &Db, user_id: &str, query: &CatalogQuery) -> Result<CatalogPage, DbError> {
    let words = search_words(&query.search);
    let searched = !query.search.trim().is_empty();
    let mut conditions = vec!["supplier = $supplier".to_owned()];
    if !query.category.trim().is_empty() {
        conditions.push("category_key = string::lowercase(string::trim($category))".into());
    }
    conditions.extend(search::other_words_begin(&words));
    let filter = conditions.join(" AND ");
    let (matches, page, total) = if !searched {
        // Without a search the total is kept (schema 017) and the page read by index order.
        let total = if query.category.trim().is_empty() {
            "$supplier.catalog_items"
        } else {
            "math::sum(SELECT VALUE items FROM catalog_category WHERE supplier = $supplier
                AND string::lowercase(category) = string::lowercase(string::trim($category)))"
        };
        (
            String::new(),
            format!(
                "SELECT {PROJECTION} FROM catalog_item WHERE {filter}
                 ORDER BY name_key LIMIT $limit START $start;"
            ),
            total,
        )
    } else {
        // A search reads the items with a word beginning with its longest word (schema 016),
        // then their ids once in name order: their number is the total and a slice of them the
        // page (docs/BENCHMARKS.md, "Supplier catalogue at 5,000 items").
        (
            format!(
                "LET $found = IF $word_from {{ {} }} ELSE {{ [] }};
                 LET $matches = (SELECT id, name_key FROM $found WHERE {filter} ORDER BY name_key).id;",
                search::with_longest_word("$supplier")
            ),
            format!(
                "SELECT {PROJECTION} FROM array::slice($matches, $start, $start + $limit) ORDER BY name_key;"
            ),
            "array::len($matches)",
        )
    };
    let sql = format!(
        "{CURRENT_SUPPLIER}
         {matches}
         {page}
         RETURN {total} ?? 0;
         RETURN array::sort(SELECT VALUE category FROM catalog_category
             WHERE supplier = $supplier AND items > 0);"
    );
    // After CURRENT_SUPPLIER and, for a search, its two statements.
    let page_at = if searched { 4 } else { 2 };
    let mut vars = json!({
        "user_id": user_id,
        "category": query.category,
        "limit": CatalogQuery::PAGE_SIZE,
        "start": crate::domain::page::start(query.page, CatalogQuery::PAGE_SIZE),
    });
    search::bind_words(&mut vars, &words);
    let mut rows = db.query(&sql, vars).await?;
    Ok(CatalogPage {
        items: rows.all(page_at)?,
        total: rows.first(page_at + 1)?.unwrap_or(0),
        categories: rows.all(page_at + 2)?,
    })
}

/// Adds the item to the caller's catalog; returns its id.
pub async fn create(
    db: &Db,
    op: &OpId,
    user_id: &str,
    item: &ItemInput,
) -> Result<String, DbError> {
    let body = format!(
        "{CURRENT_SUPPLIER}
         LET $created = CREATE ONLY catalog_item CONTENT {{ supplier: $supplier, {ITEM_FIELDS} }};
         LET $result = record::id($created.id);"
    );
    let _one_writer = db.lock(&writer_key(user_id)).await;
    ops::run_once(
        db,
        user_id,
        op,
        &body,
        json!({ "user_id": user_id, "item": item }),
    )
    .await
}

/// Replaces the caller's item `id`.
pub async fn update(
    db: &Db,
    op: &OpId,
    user_id: &str,
    id: &RecordKey,
    item: &ItemInput,
) -> Result<(), DbError> {
    let body = format!(
        "{CURRENT_SUPPLIER}{OWN_ITEM}
         UPDATE $target MERGE {{ {ITEM_FIELDS} }};
         LET $result = NONE;"
    );
    let vars = json!({ "user_id": user_id, "id": id, "item": item });
    let _one_writer = db.lock(&writer_key(user_id)).await;
    ops::run_once(db, user_id, op, &body, vars).await
}

/// The quick availability toggle of a row.
pub async fn set_available(
    db: &Db,
    op: &OpId,
    user_id: &str,
    id: &RecordKey,
    available: bool,
) -> Result<(), DbError> {
    let body = format!(
        "{CURRENT_SUPPLIER}{OWN_ITEM}
         UPDATE $target SET available = $available;
         LET $result = NONE;"
    );
    let vars = json!({ "user_id": user_id, "id": id, "available": available });
    let _one_writer = db.lock(&writer_key(user_id)).await;
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Deletes the caller's item `id`; returns its photo (F2), whose files the caller deletes.
pub async fn delete(
    db: &Db,
    op: &OpId,
    user_id: &str,
    id: &RecordKey,
) -> Result<Option<String>, DbError> {
    let body = format!(
        "{CURRENT_SUPPLIER}{OWN_ITEM}
         LET $photo = $target.photo;
         DELETE $target;
         LET $result = $photo;"
    );
    let vars = json!({ "user_id": user_id, "id": id });
    let _one_writer = db.lock(&writer_key(user_id)).await;
    ops::run_once(db, user_id, op, &body, vars).await
}
