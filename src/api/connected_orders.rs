//! Connected orders (G5) and ratings (G6), shopkeeper side: the cart's terms, "Commander",
//! and the stars given after delivery.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use super::orders::Order;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::connected_order::{CartInput, ItemTerms, RatingInput};
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

/// The shop's own product a catalog item is received as (chosen on an earlier order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemMapping {
    pub item_id: String,
    pub product_id: String,
    pub product_name: String,
}

/// What a cart from one supplier is checked against.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartTerms {
    /// Minor units; 0 when the supplier sets none.
    pub min_order_amount: i64,
    /// The catalog's terms of the items asked about (missing: not in its catalog).
    pub items: Vec<ItemTerms>,
    pub mappings: Vec<ItemMapping>,
}

/// `POST /api/market/cart_terms` — shopkeepers. The minimum amount of the registered supplier
/// `supplier_id` (a marketplace profile id) and the terms of `item_ids` in its catalog, with
/// the shop's products they were received as before. POST because a cart may hold 200 items.
#[server(prefix = "/api", endpoint = "market/cart_terms", input = Json)]
pub async fn get_cart_terms(
    supplier_id: String,
    item_ids: Vec<String>,
) -> Result<CartTerms, AppError> {
    async move {
        // Bounded before anything is read of the list.
        if item_ids.len() > crate::domain::order::MAX_LINES {
            return Err(AppError::invalid("lines", "error.order.too_many_lines"));
        }
        let supplier_id = RecordKey::parse("supplier_id", &supplier_id)?;
        let item_ids = item_ids
            .iter()
            .map(|k| RecordKey::parse("item_ids", k))
            .collect::<Result<Vec<_>, _>>()?;
        let (state, caller) = super::products::shopkeeper()?;
        crate::server::store::connected_orders::terms(&state.db, &caller, &supplier_id, &item_ids)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(reject)
}

/// `POST /api/market/order` — shopkeepers. "Commander": a pending connected order at the
/// catalog's prices, once the minimum quantities and amount are met; it appears in the
/// supplier's inbox and in the shop's Commandes.
#[server(prefix = "/api", endpoint = "market/order", input = Json)]
pub async fn place_connected_order(op: OpId, input: CartInput) -> Result<Order, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        let supplier_id = RecordKey::parse("supplier_id", &input.supplier_id)?;
        let item_ids = input
            .lines
            .iter()
            .map(|l| RecordKey::parse("lines", &l.item_id))
            .collect::<Result<Vec<_>, _>>()?;
        let terms = crate::server::store::connected_orders::terms(
            &state.db,
            &caller,
            &supplier_id,
            &item_ids,
        )
        .await?
        .ok_or(AppError::NotFound)?;
        crate::domain::connected_order::check_cart(&input, &terms.items, terms.min_order_amount)?;
        let id =
            crate::server::store::connected_orders::create(&state.db, &op, &caller, &input).await?;
        super::orders::found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/orders/rate` — shopkeepers. 1–5 stars and a comment, once per delivered order;
/// a connected order's rating also counts in its supplier's average and reviews.
#[server(prefix = "/api", endpoint = "orders/rate", input = Json)]
pub async fn rate_order(op: OpId, id: String, rating: RatingInput) -> Result<Order, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let rating = rating.parse()?;
        let (state, caller) = super::products::shopkeeper()?;
        crate::server::store::connected_orders::rate(&state.db, &op, &caller, &id, &rating).await?;
        super::orders::found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    }
    .await
    .map_err(reject)
}
