//! Categories of the caller's shop (B2).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub product_count: u64,
}

/// `GET /api/categories/list` — shopkeepers. The shop's categories by name, with product counts.
#[server(prefix = "/api", endpoint = "categories/list", input = GetUrl)]
pub async fn list_categories() -> Result<Vec<Category>, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::categories::list(&state.db, &caller).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/categories/create` — shopkeepers.
#[server(prefix = "/api", endpoint = "categories/create", input = Json)]
pub async fn create_category(op: OpId, name: String) -> Result<String, AppError> {
    async move {
        let name = crate::domain::text::required("name", &name, 60)?;
        let (state, caller) = super::products::shopkeeper()?;
        crate::server::store::categories::create(&state.db, &op, &caller, &name)
            .await
            .map_err(name_taken)
    }
    .await
    .map_err(reject)
}

/// `POST /api/categories/rename` — shopkeepers.
#[server(prefix = "/api", endpoint = "categories/rename", input = Json)]
pub async fn rename_category(op: OpId, id: String, name: String) -> Result<String, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let name = crate::domain::text::required("name", &name, 60)?;
        let (state, caller) = super::products::shopkeeper()?;
        crate::server::store::categories::rename(&state.db, &op, &caller, &id, &name)
            .await
            .map_err(name_taken)
    }
    .await
    .map_err(reject)
}

/// `POST /api/categories/delete` — shopkeepers. Its products move to "Sans catégorie".
#[server(prefix = "/api", endpoint = "categories/delete", input = Json)]
pub async fn delete_category(op: OpId, id: String) -> Result<(), AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = super::products::shopkeeper()?;
        crate::server::store::categories::delete(&state.db, &op, &caller, &id).await?;
        Ok(())
    }
    .await
    .map_err(reject)
}

#[cfg(feature = "ssr")]
fn name_taken(error: crate::server::db::DbError) -> AppError {
    match error {
        crate::server::db::DbError::Unique(index) if index == "category_shop_name" => {
            AppError::conflict("name", "error.category.taken")
        }
        other => other.into(),
    }
}
