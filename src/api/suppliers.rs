//! Mes fournisseurs (C1–C3): the shop's manual suppliers, the products they supply, and how
//! reliable they have been.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

use crate::api::orders::OrderSummary;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::supplier::{Reliability, SupplierInput};
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Supplier {
    pub id: String,
    pub name: String,
    pub phone: String,
    pub whatsapp: String,
    pub email: String,
    pub address: String,
    pub city: String,
    pub notes: String,
    pub favorite: bool,
    /// Linked to a registered supplier account ("Vérifié").
    pub verified: bool,
    pub order_count: u64,
    /// RFC 3339, UTC.
    pub last_order_at: Option<String>,
    pub rating_sum: i64,
    pub rating_count: u64,
    pub product_count: u64,
}

impl Supplier {
    pub fn to_input(&self) -> SupplierInput {
        SupplierInput {
            name: self.name.clone(),
            phone: self.phone.clone(),
            whatsapp: self.whatsapp.clone(),
            email: self.email.clone(),
            address: self.address.clone(),
            city: self.city.clone(),
            notes: self.notes.clone(),
        }
    }

    pub fn rating(&self) -> Option<f64> {
        crate::domain::supplier::average(self.rating_sum, self.rating_count)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplierSort {
    #[default]
    Name,
    Orders,
    LastOrder,
    Rating,
}

/// A product the supplier supplies (`supplier->supplies->product`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuppliedProduct {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub purchase_price: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierDetail {
    pub supplier: Supplier,
    pub reliability: Reliability,
    pub products: Vec<SuppliedProduct>,
    /// The 20 latest orders.
    pub orders: Vec<OrderSummary>,
}

/// `GET /api/suppliers/list` — shopkeepers. Every supplier of the shop, favourites first.
#[server(prefix = "/api", endpoint = "suppliers/list", input = GetUrl)]
pub async fn list_suppliers(sort: SupplierSort) -> Result<Vec<Supplier>, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        let mut suppliers = crate::server::store::suppliers::list(&state.db, &caller).await?;
        sort_suppliers(&mut suppliers, sort);
        Ok(suppliers)
    }
    .await
    .map_err(reject)
}

/// Favourites stay on top; within each group, the chosen order (the store gives them by name).
pub fn sort_suppliers(suppliers: &mut [Supplier], sort: SupplierSort) {
    let rating = |s: &Supplier| s.rating().unwrap_or(0.0);
    suppliers.sort_by(|a, b| {
        b.favorite.cmp(&a.favorite).then_with(|| match sort {
            SupplierSort::Name => std::cmp::Ordering::Equal,
            SupplierSort::Orders => b.order_count.cmp(&a.order_count),
            SupplierSort::LastOrder => b.last_order_at.cmp(&a.last_order_at),
            SupplierSort::Rating => rating(b).total_cmp(&rating(a)),
        })
    });
}

/// `GET /api/suppliers/get` — shopkeepers. A supplier with its reliability, products and orders.
#[server(prefix = "/api", endpoint = "suppliers/get", input = GetUrl)]
pub async fn get_supplier(id: String) -> Result<SupplierDetail, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = super::products::shopkeeper()?;
        crate::server::store::suppliers::detail(&state.db, &caller, &id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(reject)
}

/// `POST /api/suppliers/create` — shopkeepers. Returns the new supplier's id.
#[server(prefix = "/api", endpoint = "suppliers/create", input = Json)]
pub async fn create_supplier(op: OpId, input: SupplierInput) -> Result<String, AppError> {
    async move {
        let draft = crate::domain::supplier::SupplierDraft::parse(&input)?;
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::suppliers::create(&state.db, &op, &caller, &draft).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/suppliers/update` — shopkeepers.
#[server(prefix = "/api", endpoint = "suppliers/update", input = Json)]
pub async fn update_supplier(
    op: OpId,
    id: String,
    input: SupplierInput,
) -> Result<String, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let draft = crate::domain::supplier::SupplierDraft::parse(&input)?;
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::suppliers::update(&state.db, &op, &caller, &id, &draft).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/suppliers/delete` — shopkeepers. Its orders keep its name; its products lose it
/// as their usual supplier.
#[server(prefix = "/api", endpoint = "suppliers/delete", input = Json)]
pub async fn delete_supplier(op: OpId, id: String) -> Result<(), AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = super::products::shopkeeper()?;
        crate::server::store::suppliers::delete(&state.db, &op, &caller, &id).await?;
        Ok(())
    }
    .await
    .map_err(reject)
}

/// `POST /api/suppliers/favorite` — shopkeepers. Pins (or unpins) the supplier on top.
#[server(prefix = "/api", endpoint = "suppliers/favorite", input = Json)]
pub async fn set_favorite_supplier(op: OpId, id: String, favorite: bool) -> Result<bool, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = super::products::shopkeeper()?;
        Ok(
            crate::server::store::suppliers::set_favorite(&state.db, &op, &caller, &id, favorite)
                .await?,
        )
    }
    .await
    .map_err(reject)
}

/// `POST /api/suppliers/link` — shopkeepers. Records (`linked`) or removes that the supplier
/// supplies a product.
#[server(prefix = "/api", endpoint = "suppliers/link", input = Json)]
pub async fn link_product(
    op: OpId,
    supplier_id: String,
    product_id: String,
    linked: bool,
) -> Result<bool, AppError> {
    async move {
        let supplier_id = RecordKey::parse("supplier_id", &supplier_id)?;
        let product_id = RecordKey::parse("product_id", &product_id)?;
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::suppliers::link(
            &state.db,
            &op,
            &caller,
            &supplier_id,
            &product_id,
            linked,
        )
        .await?)
    }
    .await
    .map_err(reject)
}
