//! A registered supplier's catalog (F2): list with search, category filter and pages; add, edit,
//! delete; the quick availability toggle. Only the supplier itself reaches its catalog here.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::catalog::ItemInput;
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogItem {
    pub id: String,
    #[serde(flatten)]
    pub details: ItemInput,
    /// The stored photo (see `domain::photo::PhotoUrls::of`), set by `/api/photos/upload`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

/// `search` looks in names and categories; `category` is one of the catalog's, or empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub category: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl CatalogQuery {
    pub const PAGE_SIZE: u32 = 25;
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogPage {
    pub items: Vec<CatalogItem>,
    pub total: u64,
    /// Every category of the catalog, for the filter.
    pub categories: Vec<String>,
}

/// `GET /api/catalog/list` — suppliers. The caller's items by name, 25 a page.
#[server(prefix = "/api", endpoint = "catalog/list", input = GetUrl)]
pub async fn list_catalog(query: CatalogQuery) -> Result<CatalogPage, AppError> {
    async move {
        let (state, caller) = supplier()?;
        Ok(crate::server::store::catalog::list(&state.db, &caller, &query).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/catalog/create` — suppliers. Returns the new item's id.
#[server(prefix = "/api", endpoint = "catalog/create", input = Json)]
pub async fn create_item(op: OpId, input: ItemInput) -> Result<String, AppError> {
    async move {
        let item = input.parse()?;
        let (state, caller) = supplier()?;
        Ok(crate::server::store::catalog::create(&state.db, &op, &caller, &item).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/catalog/update` — suppliers. Replaces the caller's item `id`.
#[server(prefix = "/api", endpoint = "catalog/update", input = Json)]
pub async fn update_item(op: OpId, id: String, input: ItemInput) -> Result<(), AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let item = input.parse()?;
        let (state, caller) = supplier()?;
        Ok(crate::server::store::catalog::update(&state.db, &op, &caller, &id, &item).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/catalog/available` — suppliers. The quick toggle of a row.
#[server(prefix = "/api", endpoint = "catalog/available", input = Json)]
pub async fn set_item_available(op: OpId, id: String, available: bool) -> Result<(), AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = supplier()?;
        let store = &state.db;
        Ok(
            crate::server::store::catalog::set_available(store, &op, &caller, &id, available)
                .await?,
        )
    }
    .await
    .map_err(reject)
}

/// `POST /api/catalog/delete` — suppliers. The item's photo files go with it.
#[server(prefix = "/api", endpoint = "catalog/delete", input = Json)]
pub async fn delete_item(op: OpId, id: String) -> Result<(), AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = supplier()?;
        let photo = crate::server::store::catalog::delete(&state.db, &op, &caller, &id).await?;
        if let Some(photo) = photo {
            crate::server::media::remove(&state.config.data_dir, &photo).await;
        }
        Ok(())
    }
    .await
    .map_err(reject)
}

/// The state and the user id of a supplier caller.
#[cfg(feature = "ssr")]
pub(crate) fn supplier() -> Result<(crate::server::AppState, String), AppError> {
    let caller = super::caller()?.require(crate::domain::Role::Supplier)?;
    Ok((crate::server::AppState::current()?, caller.user_id))
}
