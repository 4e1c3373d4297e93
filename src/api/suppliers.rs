//! Mes fournisseurs (C1–C3): the shop's manual suppliers, the products they supply, and how
//! reliable they have been.

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::supplier::SupplierInput;
use crate::domain::supplier::{Supplier, SupplierDetail, SupplierSort};
use crate::domain::{AppError, OpId};

/// `GET /api/suppliers/list` — shopkeepers. Every supplier of the shop, favourites first.
#[server(prefix = "/api", endpoint = "suppliers/list", input = GetUrl)]
pub async fn list_suppliers(sort: SupplierSort) -> Result<Vec<Supplier>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let mut suppliers = crate::server::store::suppliers::list(&state.db, &caller).await?;
        crate::domain::supplier::sort_suppliers(&mut suppliers, sort);
        Ok(suppliers)
    })
    .await
}

/// `GET /api/suppliers/get` — shopkeepers. A supplier with its reliability, products and orders.
#[server(prefix = "/api", endpoint = "suppliers/get", input = GetUrl)]
pub async fn get_supplier(id: String) -> Result<SupplierDetail, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        crate::server::store::suppliers::detail(&state.db, &caller, &id)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// `POST /api/suppliers/create` — shopkeepers. Returns the new supplier's id: `id` when the
/// phone made it offline (I3), else a new one; an id some record has is `409`.
#[server(prefix = "/api", endpoint = "suppliers/create", input = Json)]
pub async fn create_supplier(
    op: OpId,
    input: SupplierInput,
    id: Option<String>,
) -> Result<String, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let key = id.map(|id| RecordKey::parse("id", &id)).transpose()?;
        let draft = crate::domain::supplier::SupplierDraft::parse(&input)?;
        let store = crate::server::store::suppliers::create;
        Ok(store(&state.db, &op, &caller, key.as_ref(), &draft).await?)
    })
    .await
}

/// `POST /api/suppliers/update` — shopkeepers.
#[server(prefix = "/api", endpoint = "suppliers/update", input = Json)]
pub async fn update_supplier(
    op: OpId,
    id: String,
    input: SupplierInput,
) -> Result<String, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let draft = crate::domain::supplier::SupplierDraft::parse(&input)?;
        Ok(crate::server::store::suppliers::update(&state.db, &op, &caller, &id, &draft).await?)
    })
    .await
}

/// `POST /api/suppliers/delete` — shopkeepers. Its orders keep its name; its products lose it
/// as their usual supplier.
#[server(prefix = "/api", endpoint = "suppliers/delete", input = Json)]
pub async fn delete_supplier(op: OpId, id: String) -> Result<(), AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        crate::server::store::suppliers::delete(&state.db, &op, &caller, &id).await?;
        Ok(())
    })
    .await
}

/// `POST /api/suppliers/favorite` — shopkeepers. Pins (or unpins) the supplier on top.
#[server(prefix = "/api", endpoint = "suppliers/favorite", input = Json)]
pub async fn set_favorite_supplier(op: OpId, id: String, favorite: bool) -> Result<bool, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        Ok(
            crate::server::store::suppliers::set_favorite(&state.db, &op, &caller, &id, favorite)
                .await?,
        )
    })
    .await
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
    guard::shopkeeper(|state, caller| async move {
        let supplier_id = RecordKey::parse("supplier_id", &supplier_id)?;
        let product_id = RecordKey::parse("product_id", &product_id)?;
        Ok(crate::server::store::suppliers::link(
            &state.db,
            &op,
            &caller,
            &supplier_id,
            &product_id,
            linked,
        )
        .await?)
    })
    .await
}
