//! The shopkeeper's shops (J5 will add switching between several).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::GetUrl;

use crate::domain::AppError;
#[cfg(feature = "ssr")]
use crate::server::{AppState, respond::reject};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopSummary {
    pub id: String,
    pub name: String,
    pub currency: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}

/// `GET /api/shops/mine` — shopkeepers. The caller's shops, oldest first.
#[server(prefix = "/api", endpoint = "shops/mine", input = GetUrl)]
pub async fn my_shops() -> Result<Vec<ShopSummary>, AppError> {
    async move {
        let caller = super::caller()?.require(crate::domain::Role::Shopkeeper)?;
        let state = AppState::current()?;
        Ok(crate::server::store::shops::owned_by(&state.db, &caller.user_id).await?)
    }
    .await
    .map_err(reject)
}
