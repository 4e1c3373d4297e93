//! The marketplace seen by a shopkeeper (G2–G4): registered suppliers with a complete profile,
//! searched by text, category and city; one supplier's profile, available catalog and reviews;
//! and a product search across every listed catalog. Shopkeepers only; read-only (GET).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::GetUrl;

use crate::api::catalog::CatalogQuery;
use crate::domain::AppError;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

/// Filters of the supplier search; every one optional. `city` matches the supplier's city or one
/// of its delivery zones, case aside; `category` is one of the declared categories.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub city: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

/// A supplier's card in the search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierCard {
    pub id: String,
    pub company_name: String,
    pub city: String,
    pub categories: Vec<String>,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub is_verified: bool,
    /// Catalog items the supplier offers now.
    pub available_items: i64,
    pub average_delivery_days: i64,
}

impl SupplierCard {
    pub fn rating(&self) -> Option<f64> {
        crate::domain::marketplace::rating_average(self.rating_sum, self.rating_count)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SupplierResults {
    pub suppliers: Vec<SupplierCard>,
    pub total: u64,
    /// Every category listed suppliers declare, for the filter.
    pub categories: Vec<String>,
}

/// A listed supplier's whole profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListedSupplier {
    #[serde(flatten)]
    pub card: SupplierCard,
    pub description: String,
    pub phone: String,
    pub address: String,
    pub delivery_zones: Vec<String>,
    /// Minor units.
    pub min_order_amount: i64,
}

/// A shop's rating of the supplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub score: i64,
    pub comment: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub shop_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierPage {
    pub supplier: ListedSupplier,
    /// Newest first.
    pub reviews: Vec<Review>,
}

/// An available item of a supplier's catalog, as a shop sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketItem {
    pub id: String,
    pub name: String,
    pub description: String,
    pub category: String,
    /// Minor units, per unit.
    pub price: i64,
    pub unit: String,
    pub min_order_quantity: i64,
    /// `None`: the supplier does not count its stock.
    pub stock_available: Option<i64>,
    /// The item's photo (F2; see `domain::photo::PhotoUrls::of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedCatalog {
    pub items: Vec<MarketItem>,
    pub total: u64,
    /// The categories of the supplier's available items.
    pub categories: Vec<String>,
}

/// The product search: words of item names or categories (at least two letters).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

/// An item found by the product search, with who sells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductHit {
    pub id: String,
    pub name: String,
    pub category: String,
    pub price: i64,
    pub unit: String,
    pub min_order_quantity: i64,
    pub supplier_id: String,
    pub company_name: String,
    pub city: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductResults {
    pub items: Vec<ProductHit>,
    pub total: u64,
}

/// `GET /api/marketplace/suppliers` — shopkeepers. Listed suppliers matching the filters, by
/// relevance, then rating, then name; 20 a page.
#[server(prefix = "/api", endpoint = "marketplace/suppliers", input = GetUrl)]
pub async fn search_suppliers(query: SupplierQuery) -> Result<SupplierResults, AppError> {
    async move {
        let (state, _) = super::products::shopkeeper()?;
        Ok(crate::server::store::marketplace::search_suppliers(&state.db, &query).await?)
    }
    .await
    .map_err(reject)
}

/// `GET /api/marketplace/supplier` — shopkeepers. A listed supplier's profile and reviews;
/// 404 for an unknown or incomplete profile.
#[server(prefix = "/api", endpoint = "marketplace/supplier", input = GetUrl)]
pub async fn market_supplier(id: String) -> Result<SupplierPage, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, _) = super::products::shopkeeper()?;
        crate::server::store::marketplace::supplier(&state.db, &id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(reject)
}

/// `GET /api/marketplace/catalog` — shopkeepers. The available items of listed supplier `id`,
/// searched and filtered like the supplier's own catalog; 25 a page.
#[server(prefix = "/api", endpoint = "marketplace/catalog", input = GetUrl)]
pub async fn market_catalog(id: String, query: CatalogQuery) -> Result<ListedCatalog, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, _) = super::products::shopkeeper()?;
        crate::server::store::marketplace::catalog(&state.db, &id, &query)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(reject)
}

/// `GET /api/marketplace/products` — shopkeepers. Available items of every listed supplier whose
/// name or category holds the words; 25 a page; nothing for less than two letters.
#[server(prefix = "/api", endpoint = "marketplace/products", input = GetUrl)]
pub async fn search_products(query: ProductQuery) -> Result<ProductResults, AppError> {
    async move {
        let (state, _) = super::products::shopkeeper()?;
        Ok(crate::server::store::marketplace::search_products(&state.db, &query).await?)
    }
    .await
    .map_err(reject)
}
