//! The marketplace read side (G2–G4): only listed supplier profiles (see
//! `domain::marketplace::is_listed`) and their available items are ever returned.

use serde::Deserialize;
use serde_json::json;

use crate::domain::RecordKey;
use crate::domain::catalog::CatalogQuery;
use crate::domain::marketplace::{
    ITEMS_PAGE_SIZE, Ranked, Relevance, SUPPLIERS_PAGE_SIZE, page_of, product_words,
};
use crate::domain::marketplace::{
    ListedCatalog, ListedSupplier, ProductQuery, ProductResults, Review, SupplierCard,
    SupplierPage, SupplierQuery, SupplierResults,
};
use crate::server::db::{Db, DbError};

const CARD: &str = "record::id(id) AS id, company_name, city, categories, rating_sum, rating_count,
    is_verified, available_items, average_delivery_days";

/// What the ranking needs of a matching supplier (texts only when a text is searched).
#[derive(Deserialize)]
struct Candidate {
    id: String,
    company_name: String,
    rating_sum: i64,
    rating_count: i64,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    description: String,
}

/// Filters in SurrealQL (on keys kept lower-case by the schema); the order in Rust
/// (`domain::marketplace::compare`), then the cards of the page.
pub async fn search_suppliers(db: &Db, query: &SupplierQuery) -> Result<SupplierResults, DbError> {
    let search = query.search.trim().to_lowercase();
    let mut conditions = vec!["listed = true"];
    if !query.category.trim().is_empty() {
        conditions.push("categories_key CONTAINS $category");
    }
    if !query.city.trim().is_empty() {
        conditions.push("places_key CONTAINS $city");
    }
    let texts = if search.is_empty() {
        ""
    } else {
        conditions.push(
            "(string::contains(company_key, $search)
              OR string::contains(array::join(categories_key, '\n'), $search)
              OR string::contains(description_key, $search))",
        );
        ", categories, description"
    };
    let filter = conditions.join(" AND ");
    let sql = format!(
        "SELECT record::id(id) AS id, company_name, rating_sum, rating_count{texts}
             FROM supplier_profile WHERE {filter};
         RETURN array::flatten(SELECT VALUE categories FROM supplier_profile WHERE listed = true);"
    );
    let vars = json!({
        "search": search,
        "category": query.category.trim().to_lowercase(),
        "city": query.city.trim().to_lowercase(),
    });
    let mut rows = db.query(&sql, vars).await?;
    let candidates: Vec<Candidate> = rows.all(0)?;
    let declared: Vec<String> = rows.all(1)?;
    let total = candidates.len() as u64;
    let ranked = candidates
        .into_iter()
        .map(|c| Ranked {
            relevance: Relevance::of(&search, &c.company_name, &c.categories, &c.description),
            id: c.id,
            company_name: c.company_name,
            rating_sum: c.rating_sum,
            rating_count: c.rating_count,
        })
        .collect();
    let ids: Vec<String> = page_of(ranked, query.page, SUPPLIERS_PAGE_SIZE)
        .into_iter()
        .map(|r| r.id)
        .collect();
    let suppliers = if ids.is_empty() {
        Vec::new()
    } else {
        let sql = format!(
            "LET $records = array::map($ids, |$k| type::record('supplier_profile', $k));
             SELECT {CARD} FROM $records;"
        );
        let mut cards: Vec<SupplierCard> = db.query(&sql, json!({ "ids": ids })).await?.all(1)?;
        cards.sort_by_key(|c| ids.iter().position(|id| *id == c.id));
        cards
    };
    Ok(SupplierResults {
        suppliers,
        total,
        categories: distinct_case_aside(declared),
    })
}

/// Sorted, one of each (case aside: the first spelling met stays).
fn distinct_case_aside(mut all: Vec<String>) -> Vec<String> {
    all.sort_by_key(|c| c.to_lowercase());
    all.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
    all
}

/// A listed supplier's profile and its reviews, newest first; `None` when unknown or not listed.
pub async fn supplier(db: &Db, id: &RecordKey) -> Result<Option<SupplierPage>, DbError> {
    if id.trim().is_empty() {
        return Ok(None);
    }
    let sql = format!(
        "SELECT {CARD}, description, phone, address, delivery_zones, min_order_amount
             FROM type::record('supplier_profile', $id) WHERE listed = true;"
    );
    let mut rows = db.query(&sql, json!({ "id": id })).await?;
    let Some(supplier) = rows.first::<ListedSupplier>(0)? else {
        return Ok(None);
    };
    let reviews: Vec<Review> = db
        .query(
            "LET $user = type::record('supplier_profile', $id).user;
             SELECT score, comment, <string> created_at AS created_at, in.name AS shop_name
                 FROM rated WHERE out = $user ORDER BY created_at DESC LIMIT 50;",
            json!({ "id": id }),
        )
        .await?
        .all(1)?;
    Ok(Some(SupplierPage { supplier, reviews }))
}

/// The available items of listed supplier `id`, by name; `None` when the supplier is not listed.
pub async fn catalog(
    db: &Db,
    id: &RecordKey,
    query: &CatalogQuery,
) -> Result<Option<ListedCatalog>, DbError> {
    if id.trim().is_empty() {
        return Ok(None);
    }
    let mut conditions = vec!["supplier = $supplier", "available = true"];
    if !query.category.trim().is_empty() {
        conditions.push("category_key = $category");
    }
    let search = query.search.trim().to_lowercase();
    if !search.is_empty() {
        conditions.push(
            "(string::contains(name_key, $search) OR string::contains(category_key, $search))",
        );
    }
    let filter = conditions.join(" AND ");
    let sql = format!(
        "LET $supplier = (SELECT VALUE id FROM type::record('supplier_profile', $id) WHERE listed = true)[0];
         RETURN $supplier != NONE;
         SELECT record::id(id) AS id, name, description, category, price, unit, min_order_quantity,
                stock_available, photo, name_key
             FROM catalog_item WHERE {filter} ORDER BY name_key LIMIT $limit START $start;
         RETURN count(SELECT VALUE id FROM catalog_item WHERE {filter});
         RETURN array::sort(array::distinct(SELECT VALUE category FROM catalog_item
             WHERE supplier = $supplier AND available = true AND category != ''));"
    );
    let vars = json!({
        "id": id,
        "category": query.category.trim().to_lowercase(),
        "search": search,
        "limit": ITEMS_PAGE_SIZE,
        "start": crate::domain::page::start(query.page, ITEMS_PAGE_SIZE),
    });
    let mut rows = db.query(&sql, vars).await?;
    if rows.first::<bool>(1)? != Some(true) {
        return Ok(None);
    }
    Ok(Some(ListedCatalog {
        items: rows.all(2)?,
        total: rows.first(3)?.unwrap_or(0),
        categories: rows.all(4)?,
    }))
}

/// Available items of listed suppliers whose name or category has words beginning like the
/// searched ones (full-text indexes `catalog_item_name_words`, `catalog_item_category_words`).
pub async fn search_products(db: &Db, query: &ProductQuery) -> Result<ProductResults, DbError> {
    let Some(search) = product_words(&query.search) else {
        return Ok(ProductResults::default());
    };
    // One pass over the matches (the index gives them, the filter drops withdrawn items and
    // unlisted suppliers), sorted by name; then the page's rows only.
    let sql = "LET $hits = SELECT id, name_key FROM catalog_item
             WHERE (name @1@ $search OR category @2@ $search) AND available = true
                 AND supplier.listed = true
             ORDER BY name_key;
         LET $page = array::slice($hits.id, $start, $limit);
         RETURN array::len($hits);
         SELECT record::id(id) AS id, name, category, price, unit, min_order_quantity,
                record::id(supplier) AS supplier_id, supplier.company_name AS company_name,
                supplier.city AS city, name_key
             FROM $page ORDER BY name_key;";
    let vars = json!({
        "search": search,
        "limit": ITEMS_PAGE_SIZE,
        "start": crate::domain::page::start(query.page, ITEMS_PAGE_SIZE),
    });
    let mut rows = db.query(sql, vars).await?;
    Ok(ProductResults {
        total: rows.first(2)?.unwrap_or(0),
        items: rows.all(3)?,
    })
}
