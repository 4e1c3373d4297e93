//! Categories of the caller's shop (B2).

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::category::Category;
use crate::domain::{AppError, OpId};

/// `GET /api/categories/list` — shopkeepers. The shop's categories by name, with product counts.
#[server(prefix = "/api", endpoint = "categories/list", input = GetUrl)]
pub async fn list_categories() -> Result<Vec<Category>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        Ok(crate::server::store::categories::list(&state.db, &caller).await?)
    })
    .await
}

/// `POST /api/categories/create` — shopkeepers. Returns the new category's id: `id` when the
/// phone made it offline (I3), else a new one; an id some record has is `409`.
#[server(prefix = "/api", endpoint = "categories/create", input = Json)]
pub async fn create_category(
    op: OpId,
    name: String,
    id: Option<String>,
) -> Result<String, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let key = id.map(|id| RecordKey::parse("id", &id)).transpose()?;
        let name = crate::domain::category::name(&name)?;
        crate::server::store::categories::create(&state.db, &op, &caller, key.as_ref(), &name)
            .await
            .map_err(name_taken)
    })
    .await
}

/// `POST /api/categories/rename` — shopkeepers.
#[server(prefix = "/api", endpoint = "categories/rename", input = Json)]
pub async fn rename_category(op: OpId, id: String, name: String) -> Result<String, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let name = crate::domain::category::name(&name)?;
        crate::server::store::categories::rename(&state.db, &op, &caller, &id, &name)
            .await
            .map_err(name_taken)
    })
    .await
}

/// `POST /api/categories/delete` — shopkeepers. Its products move to "Sans catégorie".
#[server(prefix = "/api", endpoint = "categories/delete", input = Json)]
pub async fn delete_category(op: OpId, id: String) -> Result<(), AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        crate::server::store::categories::delete(&state.db, &op, &caller, &id).await?;
        Ok(())
    })
    .await
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
