//! The marketplace seen by a shopkeeper (G2–G4): registered suppliers with a complete profile,
//! searched by text, category and city; one supplier's profile, available catalog and reviews;
//! and a product search across every listed catalog. Shopkeepers only; read-only (GET).

use leptos::prelude::*;
use server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use super::guard;
use crate::domain::AppError;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::catalog::CatalogQuery;
use crate::domain::marketplace::{
    ListedCatalog, ProductQuery, ProductResults, SupplierPage, SupplierQuery, SupplierResults,
};

/// `GET /api/marketplace/suppliers` — shopkeepers. Listed suppliers matching the filters, by
/// relevance, then rating, then name; 20 a page.
#[server(prefix = "/api", endpoint = "marketplace/suppliers", input = GetUrl)]
pub async fn search_suppliers(query: SupplierQuery) -> Result<SupplierResults, AppError> {
    guard::shopkeeper(|state, _| async move {
        Ok(crate::server::store::marketplace::search_suppliers(&state.db, &query).await?)
    })
    .await
}

/// `GET /api/marketplace/supplier` — shopkeepers. A listed supplier's profile and reviews;
/// 404 for an unknown or incomplete profile.
#[server(prefix = "/api", endpoint = "marketplace/supplier", input = GetUrl)]
pub async fn market_supplier(id: String) -> Result<SupplierPage, AppError> {
    guard::shopkeeper(|state, _| async move {
        let id = RecordKey::parse("id", &id)?;
        crate::server::store::marketplace::supplier(&state.db, &id)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// `GET /api/marketplace/catalog` — shopkeepers. The available items of listed supplier `id`,
/// searched and filtered like the supplier's own catalog; 25 a page.
#[server(prefix = "/api", endpoint = "marketplace/catalog", input = GetUrl)]
pub async fn market_catalog(id: String, query: CatalogQuery) -> Result<ListedCatalog, AppError> {
    guard::shopkeeper(|state, _| async move {
        let id = RecordKey::parse("id", &id)?;
        crate::server::store::marketplace::catalog(&state.db, &id, &query)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// `GET /api/marketplace/products` — shopkeepers. Available items of every listed supplier whose
/// name or category holds the words; 25 a page; nothing for less than two letters.
#[server(prefix = "/api", endpoint = "marketplace/products", input = GetUrl)]
pub async fn search_products(query: ProductQuery) -> Result<ProductResults, AppError> {
    guard::shopkeeper(|state, _| async move {
        Ok(crate::server::store::marketplace::search_products(&state.db, &query).await?)
    })
    .await
}
