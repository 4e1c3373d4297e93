//! Products of the caller's shop (B1, B3, B6, B9).

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::product::ProductInput;
use crate::domain::product::{Product, ProductPage, ProductQuery};
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::AppState;
#[cfg(feature = "ssr")]
use crate::server::db::DbError;
#[cfg(feature = "ssr")]
use crate::server::store::products as store;

/// `GET /api/products/list` — shopkeepers. One page of the shop's products.
#[server(prefix = "/api", endpoint = "products/list", input = GetUrl)]
pub async fn list_products(query: ProductQuery) -> Result<ProductPage, AppError> {
    guard::shopkeeper(
        |state, caller| async move { Ok(store::list(&state.db, &caller, &query).await?) },
    )
    .await
}

/// `GET /api/products/get` — shopkeepers. One product of the shop.
#[server(prefix = "/api", endpoint = "products/get", input = GetUrl)]
pub async fn get_product(id: String) -> Result<Product, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        store::get(&state.db, &caller, &id)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// `GET /api/products/by_sku` — shopkeepers. The product whose SKU/barcode is `sku` (any
/// case), if the shop has one: what a scan opens.
#[server(prefix = "/api", endpoint = "products/by_sku", input = GetUrl)]
pub async fn product_by_sku(sku: String) -> Result<Option<Product>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        Ok(store::by_sku(&state.db, &caller, sku.trim()).await?)
    })
    .await
}

/// `GET /api/products/units` — shopkeepers. Unit suggestions: the usual ones, then the shop's own.
#[server(prefix = "/api", endpoint = "products/units", input = GetUrl)]
pub async fn unit_suggestions() -> Result<Vec<String>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let own = store::used_units(&state.db, &caller).await?;
        let mut units: Vec<String> = crate::domain::product::DEFAULT_UNITS
            .iter()
            .map(|u| u.to_string())
            .collect();
        units.extend(
            own.into_iter()
                .filter(|u| !crate::domain::product::DEFAULT_UNITS.contains(&u.as_str())),
        );
        Ok(units)
    })
    .await
}

/// `POST /api/products/create` — shopkeepers. Creates a product with its opening stock, under
/// `id` when the phone made it offline (I3), else a new one; an id some record has is `409`.
#[server(prefix = "/api", endpoint = "products/create", input = Json)]
pub async fn create_product(
    op: OpId,
    input: ProductInput,
    id: Option<String>,
) -> Result<Product, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let key = id.map(|id| RecordKey::parse("id", &id)).transpose()?;
        let draft = crate::domain::product::ProductDraft::parse(&input)?;
        let saved = store::create(&state.db, &op, &caller, key.as_ref(), &draft).await;
        read_back(&state, &caller, saved).await
    })
    .await
}

/// `POST /api/products/update` — shopkeepers. Everything but the quantity (see stock/move).
#[server(prefix = "/api", endpoint = "products/update", input = Json)]
pub async fn update_product(
    op: OpId,
    id: String,
    input: ProductInput,
) -> Result<Product, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let draft = crate::domain::product::ProductDraft::parse(&input)?;
        let saved = store::update(&state.db, &op, &caller, &id, &draft).await;
        read_back(&state, &caller, saved).await
    })
    .await
}

/// The product just saved, as the list shows it.
#[cfg(feature = "ssr")]
async fn read_back(
    state: &AppState,
    caller: &str,
    saved: Result<RecordKey, DbError>,
) -> Result<Product, AppError> {
    let id = saved.map_err(refusal)?;
    store::get(&state.db, caller, &id)
        .await?
        .ok_or(AppError::NotFound)
}

/// `POST /api/products/delete` — shopkeepers. Deletes the product and its movements.
#[server(prefix = "/api", endpoint = "products/delete", input = Json)]
pub async fn delete_product(op: OpId, id: String) -> Result<(), AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let shop_id = guard::shop_of(&state, &caller).await?;
        let _no_alert_meanwhile = state.db.lock_alerts(&shop_id).await;
        let photo = store::delete(&state.db, &op, &caller, &id).await?;
        if let Some(photo) = photo {
            crate::server::media::remove(&state.config.data_dir, &photo).await;
        }
        Ok(())
    })
    .await
}

#[cfg(feature = "ssr")]
fn refusal(error: DbError) -> AppError {
    match error {
        DbError::Unique(index) if index == "product_shop_sku" => {
            AppError::conflict("sku", "error.sku.taken")
        }
        other => other.into(),
    }
}
