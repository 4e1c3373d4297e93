//! A registered supplier's catalog (F2): list with search, category filter and pages; add, edit,
//! delete; the quick availability toggle. Only the supplier itself reaches its catalog here.

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::catalog::ItemInput;
use crate::domain::catalog::{CatalogPage, CatalogQuery};
use crate::domain::{AppError, OpId};

/// `GET /api/catalog/list` — suppliers. The caller's items by name, 25 a page.
#[server(prefix = "/api", endpoint = "catalog/list", input = GetUrl)]
pub async fn list_catalog(query: CatalogQuery) -> Result<CatalogPage, AppError> {
    guard::supplier(|state, caller| async move {
        Ok(crate::server::store::catalog::list(&state.db, &caller, &query).await?)
    })
    .await
}

/// `POST /api/catalog/create` — suppliers. Returns the new item's id.
#[server(prefix = "/api", endpoint = "catalog/create", input = Json)]
pub async fn create_item(op: OpId, input: ItemInput) -> Result<String, AppError> {
    guard::supplier(|state, caller| async move {
        let item = input.parse()?;
        Ok(crate::server::store::catalog::create(&state.db, &op, &caller, &item).await?)
    })
    .await
}

/// `POST /api/catalog/update` — suppliers. Replaces the caller's item `id`.
#[server(prefix = "/api", endpoint = "catalog/update", input = Json)]
pub async fn update_item(op: OpId, id: String, input: ItemInput) -> Result<(), AppError> {
    guard::supplier(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let item = input.parse()?;
        Ok(crate::server::store::catalog::update(&state.db, &op, &caller, &id, &item).await?)
    })
    .await
}

/// `POST /api/catalog/available` — suppliers. The quick toggle of a row.
#[server(prefix = "/api", endpoint = "catalog/available", input = Json)]
pub async fn set_item_available(op: OpId, id: String, available: bool) -> Result<(), AppError> {
    guard::supplier(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let store = &state.db;
        Ok(
            crate::server::store::catalog::set_available(store, &op, &caller, &id, available)
                .await?,
        )
    })
    .await
}

/// `POST /api/catalog/delete` — suppliers. The item's photo files go with it.
#[server(prefix = "/api", endpoint = "catalog/delete", input = Json)]
pub async fn delete_item(op: OpId, id: String) -> Result<(), AppError> {
    guard::supplier(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let photo = crate::server::store::catalog::delete(&state.db, &op, &caller, &id).await?;
        if let Some(photo) = photo {
            crate::server::media::remove(&state.config.data_dir, &photo).await;
        }
        Ok(())
    })
    .await
}
