//! Products of a shop: list (search, filters, sort, pages), read, create with its opening stock,
//! update, delete with its movements.

use serde_json::{Value, json};

use super::alerts::QUEUE_PRODUCT;
use super::attach::{Attach, attach};
use super::ops;
use super::search;
use super::shops::CURRENT_SHOP;
use super::suppliers::RELATE_SUPPLIES;
use crate::domain::OpId;
use crate::domain::RecordKey;
use crate::domain::product::ProductDraft;
use crate::domain::product::{CategoryFilter, Product, ProductPage, ProductQuery, ProductSort};
use crate::domain::search::ProductSearch;
use crate::domain::stock::StockStatus;
use crate::server::db::{Db, DbError};

/// The fields of a product as the app shows it, but for its alerts of the month
/// ([`with_alert_counts`]); `record` is its record id.
pub(super) const PROJECTION: &str = "record::id(id) AS id, id AS record, name, sku, unit, quantity, min_stock, max_stock,
    purchase_price, sale_price, notes, status, photo, <string> created_at AS created_at,
    IF category { record::id(category) } ELSE { NONE } AS category_id,
    category.name AS category_name,
    IF supplier { record::id(supplier) } ELSE { NONE } AS supplier_id, supplier.name AS supplier_name,
    name_key, status_rank, created_at AS created";

/// What the list sorts products by ([`ProductSort`]), read before the page's whole rows.
const SORT_KEYS: &str = "name_key, sale_price, quantity, status_rank, created_at AS created";

/// The products `select` reads (rows of [`PROJECTION`]), each with its alerts since
/// `$month_start`, counted for the page through the `alert_product` index ([`attach`]).
/// Four statements; the last answers.
pub(super) fn with_alert_counts(select: &str) -> String {
    attach(
        select,
        &[Attach::Figures {
            by: "record",
            select: "SELECT product AS of, count() AS alert_count FROM alert
                WHERE product IN $keys AND created_at >= <datetime> $month_start GROUP BY of",
            none: "{ alert_count: 0 }",
        }],
    )
}

pub async fn list(db: &Db, user_id: &str, query: &ProductQuery) -> Result<ProductPage, DbError> {
    let search = ProductSearch::parse(&query.search);
    let mut conditions = vec!["shop = $shop".to_owned()];
    match &query.category {
        CategoryFilter::All => {}
        CategoryFilter::Uncategorized => conditions.push("category = NONE".into()),
        CategoryFilter::Id(_) => {
            conditions.push("category = type::record('category', $category_id)".into())
        }
    }
    if query.status.is_some() {
        conditions.push("status = $status".into());
    }
    // The search's statements (none without one) and where the products are read from.
    let (found, from) = match &search {
        Some(search) => {
            let other_words = search::other_words_begin(&search.words);
            conditions.extend(other_words.map(|each| format!("(!!$only_sku OR ({each}))")));
            (found(), "$found")
        }
        None => (String::new(), "product"),
    };
    let order = match query.sort {
        ProductSort::Name => "name_key ASC",
        ProductSort::PriceAsc => "sale_price ASC, name_key ASC",
        ProductSort::PriceDesc => "sale_price DESC, name_key ASC",
        ProductSort::Quantity => "quantity ASC, name_key ASC",
        ProductSort::Newest => "created DESC",
        ProductSort::Status => "status_rank ASC, name_key ASC",
    };
    let filter = conditions.join(" AND ");
    // The page is chosen on the sort keys alone, then only its products are read whole (their
    // category's and supplier's names): a filter matching hundreds of products no longer reads
    // every one of them with its names.
    let ranked = format!("SELECT id, {SORT_KEYS} FROM {from} WHERE {filter} ORDER BY {order}");
    let (ranked, ranking_statements, total) = match kept_total(query, search.is_some()) {
        Some(total) => (
            format!("LET $ranked = {ranked} LIMIT $limit START $start;"),
            1,
            total,
        ),
        // One pass over what a search finds, for the page and the total.
        None => (
            format!(
                "LET $matching = {ranked}; LET $ranked = array::slice($matching, $start, $limit);"
            ),
            2,
            "count($matching)".to_owned(),
        ),
    };
    let page = with_alert_counts(&format!(
        "SELECT {PROJECTION} FROM $ranked.id ORDER BY {order}"
    ));
    let sql = format!(
        "{CURRENT_SHOP}
         {found}
         {ranked}
         {page}
         RETURN {total};"
    );
    let category_id = match &query.category {
        CategoryFilter::Id(id) => id.clone(),
        _ => String::new(),
    };
    // The page answers after the shop's two statements, the search's two, the ranking's and the
    // three of `with_alert_counts` that come before its answer; the total after it.
    let search_statements = if search.is_some() { 2 } else { 0 };
    let page_at = 2 + search_statements + ranking_statements + 3;
    let (whole, words) = search.map(|s| (s.whole, s.words)).unwrap_or_default();
    let mut vars = json!({
        "user_id": user_id,
        "category_id": category_id,
        "status": query.status.map(|s| s.as_str()),
        "whole": whole,
        "month_start": month_start(),
        "limit": query.page_size(),
        "start": crate::domain::page::start(query.page, query.page_size()),
    });
    search::bind_words(&mut vars, &words);
    let mut rows = db.query(&sql, vars).await?;
    let items = rows.all(page_at)?;
    let total = rows.first::<u64>(page_at + 1)?.unwrap_or(0);
    Ok(ProductPage {
        items,
        total,
        page: query.page,
        page_size: query.page_size(),
    })
}

/// SurrealQL that sets `$found` to the products a search may find (domain::search): the product
/// whose SKU is the whole search (`$whole`), else those with a word beginning with the search's
/// longest word. `$only_sku` tells the condition on the other words that the SKU found them.
/// Two statements.
fn found() -> String {
    format!(
        "LET $only_sku = SELECT VALUE id FROM product WHERE shop = $shop AND sku_key = $whole;
         LET $found = IF $only_sku {{ $only_sku }} ELSE IF $word_from {{ {} }} ELSE {{ [] }};",
        search::with_longest_word("$shop")
    )
}

/// The list's total read from the kept figures (schemas 015, 022) when no search narrows it: the
/// shop's or a category's products, all of them or those of a status. A search is counted.
fn kept_total(query: &ProductQuery, searched: bool) -> Option<String> {
    if searched {
        return None;
    }
    let figures = match &query.category {
        CategoryFilter::All => "type::record('shop_figures', [$shop])",
        CategoryFilter::Uncategorized => "type::record('category_figures', [$shop, 'none'])",
        CategoryFilter::Id(_) => "type::record('category_figures', [$shop, $category_id])",
    };
    let counted = query.status.map_or("products", StockStatus::as_str);
    Some(format!("{figures}.{counted} ?? 0"))
}

pub async fn get(
    db: &Db,
    user_id: &str,
    product_id: &RecordKey,
) -> Result<Option<Product>, DbError> {
    let product = with_alert_counts(&format!(
        "SELECT {PROJECTION} FROM product WHERE id = type::record('product', $product_id) AND shop = $shop"
    ));
    db.query(
        &format!("{CURRENT_SHOP} {product}"),
        json!({ "user_id": user_id, "product_id": product_id, "month_start": month_start() }),
    )
    .await?
    .first(5)
}

/// The product with this SKU (compared lower-cased, through the (shop, sku) index).
pub async fn by_sku(db: &Db, user_id: &str, sku: &str) -> Result<Option<Product>, DbError> {
    let product = with_alert_counts(&format!(
        "SELECT {PROJECTION} FROM product WHERE shop = $shop AND sku_key = string::lowercase($sku)"
    ));
    db.query(
        &format!("{CURRENT_SHOP} {product}"),
        json!({ "user_id": user_id, "sku": sku, "month_start": month_start() }),
    )
    .await?
    .first(5)
}

/// SurrealQL that sets `$category` and `$supplier` from the ids of `$p`, refusing those of
/// another shop.
const CATEGORY_OF_SHOP: &str = "
    LET $category = IF $p.category_id {
        (SELECT VALUE id FROM category WHERE id = type::record('category', $p.category_id) AND shop = $shop)[0]
    } ELSE { NONE };
    IF $p.category_id AND !$category { THROW 'category_id:error.category.unknown' };
    LET $supplier = IF $p.supplier_id {
        (SELECT VALUE id FROM supplier WHERE id = type::record('supplier', $p.supplier_id) AND shop = $shop)[0]
    } ELSE { NONE };
    IF $p.supplier_id AND !$supplier { THROW 'supplier_id:error.supplier.unknown' };";

/// A draft's fields as SurrealQL reads them from `$p`.
pub(super) fn draft_fields(draft: &ProductDraft) -> Value {
    json!({
        "name": draft.name,
        "sku": draft.sku,
        "category_id": draft.category_id,
        "supplier_id": draft.supplier_id,
        "unit": draft.unit,
        "quantity": draft.quantity,
        "min_stock": draft.min_stock,
        "max_stock": draft.max_stock,
        "purchase_price": draft.purchase_price,
        "sale_price": draft.sale_price,
        "notes": draft.notes,
    })
}

fn draft_vars(user_id: &str, draft: &ProductDraft) -> Value {
    json!({ "user_id": user_id, "p": draft_fields(draft) })
}

/// What the product form sets: the fields of `$p`, with `$category` and `$supplier`.
const FORM_FIELDS: &str = "name: $p.name, sku: $p.sku ?? NONE, category: $category,
    supplier: $supplier, unit: $p.unit, min_stock: $p.min_stock, max_stock: $p.max_stock ?? NONE,
    purchase_price: $p.purchase_price, sale_price: $p.sale_price, notes: $p.notes";

/// SurrealQL that creates the product `$product` (a record id) of the shop from `$p`, queued for
/// the alerts; when it starts with stock, that stock is its opening movement (B4: the quantity
/// is always the sum of the movements). A key any record has is `AlreadyExists`.
pub(super) fn create_statements() -> String {
    format!(
        "CREATE $product CONTENT {{ shop: $shop, quantity: $p.quantity, {FORM_FIELDS} }};
         {QUEUE_PRODUCT}
         IF $p.quantity > 0 {{
             CREATE movement CONTENT {{
                 shop: $shop, product: $product, kind: 'in', quantity: $p.quantity, reason: 'opening',
                 balance_after: $p.quantity, by: type::record('user', $user_id)
             }};
         }};"
    )
}

/// SurrealQL that sets the fields of the shop's product `$product` from `$p`, everything but the
/// quantity, which only movements change; the updated rows.
pub(super) fn update_statement() -> String {
    format!("UPDATE $product MERGE {{ {FORM_FIELDS} }} WHERE shop = $shop")
}

/// Creates the product under `key` (the phone's, else a new one) and, when it starts with
/// stock, its opening movement. Returns its id; a key any record has is `AlreadyExists`.
pub async fn create(
    db: &Db,
    op: &OpId,
    user_id: &str,
    key: Option<&RecordKey>,
    draft: &ProductDraft,
) -> Result<RecordKey, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{CATEGORY_OF_SHOP}
         LET $product = type::record('product', $key);
         {}
         {RELATE_SUPPLIES}
         LET $result = record::id($product);",
        create_statements()
    );
    let mut vars = draft_vars(user_id, draft);
    vars["key"] = json!(key.cloned().unwrap_or_else(super::new_key));
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Updates everything but the quantity, which only movements change.
pub async fn update(
    db: &Db,
    op: &OpId,
    user_id: &str,
    product_id: &RecordKey,
    draft: &ProductDraft,
) -> Result<RecordKey, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{CATEGORY_OF_SHOP}
         LET $product = type::record('product', $product_id);
         IF !({})[0] {{ THROW 'not_found' }};
         {RELATE_SUPPLIES}{QUEUE_PRODUCT}
         LET $result = $product_id;",
        update_statement()
    );
    let mut vars = draft_vars(user_id, draft);
    vars["product_id"] = json!(product_id);
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Deletes the product, its movements and `supplies` edges; returns its photo, whose files the
/// caller deletes.
pub async fn delete(
    db: &Db,
    op: &OpId,
    user_id: &str,
    product_id: &RecordKey,
) -> Result<Option<String>, DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         LET $found = (SELECT id, photo FROM product WHERE id = type::record('product', $product_id) AND shop = $shop)[0];
         IF !$found {{ THROW 'not_found' }};
         LET $product = $found.id;
         DELETE movement WHERE product = $product;
         DELETE supplies WHERE out = $product;
         DELETE alert WHERE product = $product;
         DELETE $product;
         LET $result = $found.photo;"
    );
    ops::run_once(
        db,
        user_id,
        op,
        &body,
        json!({ "user_id": user_id, "product_id": product_id }),
    )
    .await
}

/// Units the shop already used, for the unit suggestions (B9).
pub async fn used_units(db: &Db, user_id: &str) -> Result<Vec<String>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP} RETURN array::distinct(SELECT VALUE unit FROM product WHERE shop = $shop);"
    );
    db.query(&sql, json!({ "user_id": user_id })).await?.all(2)
}

/// The first instant of this month: products count the alerts they raised since (D5).
pub(super) fn month_start() -> String {
    use crate::domain::period;
    period::instant(period::month_start(chrono::Utc::now().date_naive()))
}
