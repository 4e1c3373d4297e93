//! Connected orders (G5) and ratings (G6), shopkeeper side: the cart's terms, "Commander",
//! and the stars given after delivery.

use leptos::prelude::*;
use server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::connected_order::CartTerms;
use crate::domain::connected_order::{CartInput, RatingInput};
use crate::domain::order::Order;
use crate::domain::{AppError, OpId};

/// `POST /api/market/cart_terms` — shopkeepers. The minimum amount of the registered supplier
/// `supplier_id` (a marketplace profile id) and the terms of `item_ids` in its catalog, with
/// the shop's products they were received as before. POST because a cart may hold 200 items.
#[server(prefix = "/api", endpoint = "market/cart_terms", input = Json)]
pub async fn get_cart_terms(
    supplier_id: String,
    item_ids: Vec<String>,
) -> Result<CartTerms, AppError> {
    guard::shopkeeper(|state, caller| async move {
        // Bounded before anything is read of the list.
        if item_ids.len() > crate::domain::order::MAX_LINES {
            return Err(AppError::invalid("lines", "error.order.too_many_lines"));
        }
        let supplier_id = RecordKey::parse("supplier_id", &supplier_id)?;
        let item_ids = item_ids
            .iter()
            .map(|k| RecordKey::parse("item_ids", k))
            .collect::<Result<Vec<_>, _>>()?;
        crate::server::store::connected_orders::terms(&state.db, &caller, &supplier_id, &item_ids)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// `POST /api/market/order` — shopkeepers. "Commander": a pending connected order at the
/// catalog's prices, once the minimum quantities and amount are met; it appears in the
/// supplier's inbox and in the shop's Commandes.
#[server(prefix = "/api", endpoint = "market/order", input = Json)]
pub async fn place_connected_order(op: OpId, input: CartInput) -> Result<Order, AppError> {
    guard::shopkeeper(|state, caller| async move {
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
    })
    .await
}

/// `POST /api/orders/rate` — shopkeepers. 1–5 stars and a comment, once per delivered order;
/// a connected order's rating also counts in its supplier's average and reviews.
#[server(prefix = "/api", endpoint = "orders/rate", input = Json)]
pub async fn rate_order(op: OpId, id: String, rating: RatingInput) -> Result<Order, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let rating = rating.parse()?;
        crate::server::store::connected_orders::rate(&state.db, &op, &caller, &id, &rating).await?;
        super::orders::found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    })
    .await
}
