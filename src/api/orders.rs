//! Commandes (C4–C8): the shop's purchase orders, their statuses, deliveries into stock,
//! "Recommander" and recurring orders.

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
#[cfg(feature = "ssr")]
use crate::domain::order::Actor;
use crate::domain::order::{Order, OrderPage, OrderQuery};
use crate::domain::order::{OrderInput, OrderStatus, ReceivedLine, Recurrence};
use crate::domain::{AppError, OpId};

/// `GET /api/orders/list` — shopkeepers. The shop's orders, newest first, 20 a page, with the
/// month's and quarter's spending.
#[server(prefix = "/api", endpoint = "orders/list", input = GetUrl)]
pub async fn list_orders(query: OrderQuery) -> Result<OrderPage, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let today = chrono::Utc::now().date_naive();
        let range = query.period.range(today, &query.from, &query.to)?;
        Ok(crate::server::store::orders::list(&state.db, &caller, &query, &range, today).await?)
    })
    .await
}

/// `GET /api/orders/get` — shopkeepers. One order with its lines.
#[server(prefix = "/api", endpoint = "orders/get", input = GetUrl)]
pub async fn get_order(id: String) -> Result<Order, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    })
    .await
}

/// `POST /api/orders/create` — shopkeepers. A pending order to one of the shop's suppliers,
/// under `id` when the phone made it offline (I3), else a new one; an id some record has is
/// `409`.
#[server(prefix = "/api", endpoint = "orders/create", input = Json)]
pub async fn create_order(
    op: OpId,
    input: OrderInput,
    id: Option<String>,
) -> Result<Order, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let key = id.map(|id| RecordKey::parse("id", &id)).transpose()?;
        let draft = crate::domain::order::OrderDraft::parse(&input)?;
        let store = crate::server::store::orders::create;
        let id = store(&state.db, &op, &caller, key.as_ref(), &draft).await?;
        found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    })
    .await
}

/// `POST /api/orders/status` — shopkeepers. Confirmée, expédiée or annulée, as
/// `domain::order` allows; "livrée" goes through `orders/deliver`.
#[server(prefix = "/api", endpoint = "orders/status", input = Json)]
pub async fn set_order_status(
    op: OpId,
    id: String,
    status: OrderStatus,
) -> Result<Order, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        if matches!(status, OrderStatus::Delivered | OrderStatus::Pending) {
            return Err(AppError::invalid("status", "error.order.transition"));
        }
        crate::server::store::orders::set_status(
            &state.db,
            &op,
            &caller,
            Actor::Shopkeeper,
            &id,
            status,
            None,
        )
        .await?;
        found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    })
    .await
}

/// `POST /api/orders/deliver` — shopkeepers. "Marquer livrée": the received quantity of each
/// product goes into stock as an "in" movement linked to the order, once, in one transaction.
#[server(prefix = "/api", endpoint = "orders/deliver", input = Json)]
pub async fn deliver_order(
    op: OpId,
    id: String,
    received: Vec<ReceivedLine>,
) -> Result<Order, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        crate::domain::order::check_received(&received)?;
        let today = chrono::Utc::now().date_naive();
        crate::server::store::orders::deliver(
            &state.db,
            &op,
            &caller,
            Actor::Shopkeeper,
            &id,
            Some(&received),
            today,
        )
        .await?;
        found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    })
    .await
}

/// `POST /api/orders/reorder` — shopkeepers. "Recommander": a new pending order with the same
/// supplier, products and quantities, at today's purchase prices.
#[server(prefix = "/api", endpoint = "orders/reorder", input = Json)]
pub async fn reorder(op: OpId, id: String) -> Result<Order, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let new_id = crate::server::store::orders::reorder(&state.db, &op, &caller, &id).await?;
        found(crate::server::store::orders::get(&state.db, &caller, &new_id).await?)
    })
    .await
}

/// `POST /api/orders/recurrence` — shopkeepers. Makes the order recurring (`Some`) or stops it
/// (`None`); a background job creates the pending order on each due day.
#[server(prefix = "/api", endpoint = "orders/recurrence", input = Json)]
pub async fn set_recurrence(
    op: OpId,
    id: String,
    recurrence: Option<Recurrence>,
) -> Result<Order, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let recurrence = recurrence.map(Recurrence::check).transpose()?;
        let today = chrono::Utc::now().date_naive();
        crate::server::store::orders::set_recurrence(
            &state.db, &op, &caller, &id, recurrence, today,
        )
        .await?;
        found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    })
    .await
}

#[cfg(feature = "ssr")]
pub(crate) fn found(order: Option<Order>) -> Result<Order, AppError> {
    order.ok_or(AppError::NotFound)
}
