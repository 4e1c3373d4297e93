//! The shopkeeper's shops (J5 will add switching between several).

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
use crate::domain::csv::{DateFormat, Separator};
use crate::domain::shop::{ShopSettings, ShopSummary};
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::AppState;

/// `GET /api/shops/mine` — shopkeepers. The caller's shops, oldest first.
#[server(prefix = "/api", endpoint = "shops/mine", input = GetUrl)]
pub async fn my_shops() -> Result<Vec<ShopSummary>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        Ok(crate::server::store::shops::owned_by(&state.db, &caller).await?)
    })
    .await
}

/// `GET /api/shops/settings` — shopkeepers. The settings of the caller's shop.
#[server(prefix = "/api", endpoint = "shops/settings", input = GetUrl)]
pub async fn get_shop_settings() -> Result<ShopSettings, AppError> {
    guard::shopkeeper(|state, caller| async move {
        crate::server::store::shops::settings(&state.db, &caller)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// `POST /api/shops/save_settings` — shopkeepers. Sets the CSV separator (`;` or `,`) and the
/// day format (`dd/mm/yyyy` or `yyyy-mm-dd`) of the caller's shop.
#[server(prefix = "/api", endpoint = "shops/save_settings", input = Json)]
pub async fn save_shop_settings(
    op: OpId,
    csv_separator: Separator,
    date_format: DateFormat,
) -> Result<(), AppError> {
    guard::shopkeeper(|state, caller| async move {
        Ok(crate::server::store::shops::save_settings(
            &state.db,
            &op,
            &caller,
            csv_separator,
            date_format,
        )
        .await?)
    })
    .await
}

/// The currency of the caller's shop (amounts of its files are read and written in it).
#[cfg(feature = "ssr")]
pub(crate) async fn currency_of(state: &AppState, caller: &str) -> Result<String, AppError> {
    Ok(crate::server::store::shops::settings(&state.db, caller)
        .await?
        .ok_or(AppError::NotFound)?
        .currency)
}
