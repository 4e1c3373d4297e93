//! The shopkeeper's shops (J5 will add switching between several).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

use crate::domain::csv::{DateFormat, Separator};
use crate::domain::{AppError, OpId};
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

/// The shop's settings that shape its files (E6): CSV separator and day format, with its
/// currency (set at registration).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopSettings {
    pub currency: String,
    pub csv_separator: Separator,
    pub date_format: DateFormat,
}

/// `GET /api/shops/settings` — shopkeepers. The settings of the caller's shop.
#[server(prefix = "/api", endpoint = "shops/settings", input = GetUrl)]
pub async fn get_shop_settings() -> Result<ShopSettings, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        crate::server::store::shops::settings(&state.db, &caller)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(reject)
}

/// `POST /api/shops/save_settings` — shopkeepers. Sets the CSV separator (`;` or `,`) and the
/// day format (`dd/mm/yyyy` or `yyyy-mm-dd`) of the caller's shop.
#[server(prefix = "/api", endpoint = "shops/save_settings", input = Json)]
pub async fn save_shop_settings(
    op: OpId,
    csv_separator: Separator,
    date_format: DateFormat,
) -> Result<(), AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::shops::save_settings(
            &state.db,
            &op,
            &caller,
            csv_separator,
            date_format,
        )
        .await?)
    }
    .await
    .map_err(reject)
}

/// The currency of the caller's shop (amounts of its files are read and written in it).
#[cfg(feature = "ssr")]
pub(crate) async fn currency_of(state: &AppState, caller: &str) -> Result<String, AppError> {
    Ok(crate::server::store::shops::settings(&state.db, caller)
        .await?
        .ok_or(AppError::NotFound)?
        .currency)
}

/// The id of the caller's shop.
#[cfg(feature = "ssr")]
pub(crate) async fn shop_id_of(state: &AppState, caller: &str) -> Result<String, AppError> {
    Ok(crate::server::store::shops::owned_by(&state.db, caller)
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?
        .id)
}
