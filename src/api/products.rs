//! Products of the caller's shop (B1, B3, B6, B9).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::product::ProductInput;
use crate::domain::stock::StockStatus;
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::{AppState, respond::reject};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub sku: Option<String>,
    pub category_id: Option<String>,
    pub category_name: Option<String>,
    /// The usual supplier.
    pub supplier_id: Option<String>,
    pub supplier_name: Option<String>,
    pub unit: String,
    pub quantity: i64,
    pub min_stock: i64,
    pub max_stock: Option<i64>,
    pub purchase_price: i64,
    pub sale_price: i64,
    pub notes: String,
    pub status: StockStatus,
    pub created_at: String,
    /// The stored photo (see `domain::photo::PhotoUrls::of`).
    pub photo: Option<String>,
    /// Alerts it raised this month (D5).
    #[serde(default)]
    pub alert_count: u64,
}

impl Product {
    /// The form pre-filled from this product; `copy` for "Dupliquer" (new name, no SKU, no stock).
    pub fn to_input(&self, copy: bool) -> ProductInput {
        ProductInput {
            name: if copy {
                crate::domain::product::copy_name(&self.name)
            } else {
                self.name.clone()
            },
            sku: if copy {
                String::new()
            } else {
                self.sku.clone().unwrap_or_default()
            },
            category_id: self.category_id.clone().unwrap_or_default(),
            supplier_id: self.supplier_id.clone().unwrap_or_default(),
            unit: self.unit.clone(),
            quantity: if copy { 0 } else { self.quantity },
            min_stock: self.min_stock,
            max_stock: self.max_stock,
            purchase_price: self.purchase_price,
            sale_price: self.sale_price,
            notes: self.notes.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductSort {
    #[default]
    Name,
    PriceAsc,
    PriceDesc,
    Quantity,
    Newest,
    Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "id")]
pub enum CategoryFilter {
    #[default]
    All,
    Uncategorized,
    Id(#[serde(deserialize_with = "crate::domain::id::key_text")] String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProductQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub category: CategoryFilter,
    #[serde(default)]
    pub status: Option<StockStatus>,
    #[serde(default)]
    pub sort: ProductSort,
    /// Zero-based page number.
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl ProductQuery {
    pub const PAGE_SIZE: u32 = 24;

    pub fn page_size(&self) -> u32 {
        Self::PAGE_SIZE
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductPage {
    pub items: Vec<Product>,
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}

/// `GET /api/products/list` — shopkeepers. One page of the shop's products.
#[server(prefix = "/api", endpoint = "products/list", input = GetUrl)]
pub async fn list_products(query: ProductQuery) -> Result<ProductPage, AppError> {
    async move {
        let (state, caller) = shopkeeper()?;
        Ok(crate::server::store::products::list(&state.db, &caller, &query).await?)
    }
    .await
    .map_err(reject)
}

/// `GET /api/products/get` — shopkeepers. One product of the shop.
#[server(prefix = "/api", endpoint = "products/get", input = GetUrl)]
pub async fn get_product(id: String) -> Result<Product, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = shopkeeper()?;
        crate::server::store::products::get(&state.db, &caller, &id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(reject)
}

/// `GET /api/products/by_sku` — shopkeepers. The product whose SKU/barcode is `sku` (any
/// case), if the shop has one: what a scan opens.
#[server(prefix = "/api", endpoint = "products/by_sku", input = GetUrl)]
pub async fn product_by_sku(sku: String) -> Result<Option<Product>, AppError> {
    async move {
        let (state, caller) = shopkeeper()?;
        Ok(crate::server::store::products::by_sku(&state.db, &caller, sku.trim()).await?)
    }
    .await
    .map_err(reject)
}

/// `GET /api/products/units` — shopkeepers. Unit suggestions: the usual ones, then the shop's own.
#[server(prefix = "/api", endpoint = "products/units", input = GetUrl)]
pub async fn unit_suggestions() -> Result<Vec<String>, AppError> {
    async move {
        let (state, caller) = shopkeeper()?;
        let own = crate::server::store::products::used_units(&state.db, &caller).await?;
        let mut units: Vec<String> = crate::domain::product::DEFAULT_UNITS
            .iter()
            .map(|u| u.to_string())
            .collect();
        units.extend(
            own.into_iter()
                .filter(|u| !crate::domain::product::DEFAULT_UNITS.contains(&u.as_str())),
        );
        Ok(units)
    }
    .await
    .map_err(reject)
}

/// `POST /api/products/create` — shopkeepers. Creates a product with its opening stock.
#[server(prefix = "/api", endpoint = "products/create", input = Json)]
pub async fn create_product(op: OpId, input: ProductInput) -> Result<Product, AppError> {
    save(op, None, input).await.map_err(reject)
}

/// `POST /api/products/update` — shopkeepers. Everything but the quantity (see stock/move).
#[server(prefix = "/api", endpoint = "products/update", input = Json)]
pub async fn update_product(
    op: OpId,
    id: String,
    input: ProductInput,
) -> Result<Product, AppError> {
    save(op, Some(id), input).await.map_err(reject)
}

/// Creates (no `id`) or updates a product, then reads it back as the list shows it.
#[cfg(feature = "ssr")]
async fn save(op: OpId, id: Option<String>, input: ProductInput) -> Result<Product, AppError> {
    use crate::server::store::products as store;
    let id = id.map(|id| RecordKey::parse("id", &id)).transpose()?;
    let draft = crate::domain::product::ProductDraft::parse(&input)?;
    let (state, caller) = shopkeeper()?;
    let saved = match id {
        Some(id) => store::update(&state.db, &op, &caller, &id, &draft).await,
        None => store::create(&state.db, &op, &caller, &draft).await,
    };
    let id = saved.map_err(sku_taken)?;
    store::get(&state.db, &caller, &id)
        .await?
        .ok_or(AppError::NotFound)
}

/// `POST /api/products/delete` — shopkeepers. Deletes the product and its movements.
#[server(prefix = "/api", endpoint = "products/delete", input = Json)]
pub async fn delete_product(op: OpId, id: String) -> Result<(), AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = shopkeeper()?;
        let shop_id = super::shops::shop_id_of(&state, &caller).await?;
        let _no_alert_meanwhile = state.db.lock_alerts(&shop_id).await;
        let photo = crate::server::store::products::delete(&state.db, &op, &caller, &id).await?;
        if let Some(photo) = photo {
            crate::server::media::remove(&state.config.data_dir, &photo).await;
        }
        Ok(())
    }
    .await
    .map_err(reject)
}

/// The state and the user id of a shopkeeper caller.
#[cfg(feature = "ssr")]
pub(crate) fn shopkeeper() -> Result<(AppState, String), AppError> {
    let caller = super::caller()?.require(crate::domain::Role::Shopkeeper)?;
    Ok((AppState::current()?, caller.user_id))
}

#[cfg(feature = "ssr")]
fn sku_taken(error: crate::server::db::DbError) -> AppError {
    match error {
        crate::server::db::DbError::Unique(index) if index == "product_shop_sku" => {
            AppError::conflict("sku", "error.sku.taken")
        }
        other => other.into(),
    }
}
