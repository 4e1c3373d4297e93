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

/// `GET /api/products/list` — shopkeepers. One page of the shop's products.
#[server(prefix = "/api", endpoint = "products/list", input = GetUrl)]
pub async fn list_products(query: ProductQuery) -> Result<ProductPage, AppError> {
    guard::shopkeeper(|state, caller| async move {
        Ok(crate::server::store::products::list(&state.db, &caller, &query).await?)
    })
    .await
}

/// `GET /api/products/get` — shopkeepers. One product of the shop.
#[server(prefix = "/api", endpoint = "products/get", input = GetUrl)]
pub async fn get_product(id: String) -> Result<Product, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        crate::server::store::products::get(&state.db, &caller, &id)
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
        Ok(crate::server::store::products::by_sku(&state.db, &caller, sku.trim()).await?)
    })
    .await
}

/// `GET /api/products/units` — shopkeepers. Unit suggestions: the usual ones, then the shop's own.
#[server(prefix = "/api", endpoint = "products/units", input = GetUrl)]
pub async fn unit_suggestions() -> Result<Vec<String>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let own = crate::server::store::products::used_units(&state.db, &caller).await?;
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

/// `POST /api/products/create` — shopkeepers. Creates a product with its opening stock.
#[server(prefix = "/api", endpoint = "products/create", input = Json)]
pub async fn create_product(op: OpId, input: ProductInput) -> Result<Product, AppError> {
    guard::shopkeeper(|state, caller| save(state, caller, op, None, input)).await
}

/// `POST /api/products/update` — shopkeepers. Everything but the quantity (see stock/move).
#[server(prefix = "/api", endpoint = "products/update", input = Json)]
pub async fn update_product(
    op: OpId,
    id: String,
    input: ProductInput,
) -> Result<Product, AppError> {
    guard::shopkeeper(|state, caller| save(state, caller, op, Some(id), input)).await
}

/// Creates (no `id`) or updates a product, then reads it back as the list shows it.
#[cfg(feature = "ssr")]
async fn save(
    state: AppState,
    caller: String,
    op: OpId,
    id: Option<String>,
    input: ProductInput,
) -> Result<Product, AppError> {
    use crate::server::store::products as store;
    let id = id.map(|id| RecordKey::parse("id", &id)).transpose()?;
    let draft = crate::domain::product::ProductDraft::parse(&input)?;
    let saved = match id {
        Some(id) => store::update(&state.db, &op, &caller, &id, &draft).await,
        None => store::create(&state.db, &op, &caller, &draft).await,
    };
    let id = saved.map_err(sku_taken)?;
    store::get(&state.db, &caller, &id)
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
        let photo = crate::server::store::products::delete(&state.db, &op, &caller, &id).await?;
        if let Some(photo) = photo {
            crate::server::media::remove(&state.config.data_dir, &photo).await;
        }
        Ok(())
    })
    .await
}

#[cfg(feature = "ssr")]
fn sku_taken(error: crate::server::db::DbError) -> AppError {
    match error {
        crate::server::db::DbError::Unique(index) if index == "product_shop_sku" => {
            AppError::conflict("sku", "error.sku.taken")
        }
        other => other.into(),
    }
}
