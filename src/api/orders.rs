//! Commandes (C4–C8): the shop's purchase orders, their statuses, deliveries into stock,
//! "Recommander" and recurring orders.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
#[cfg(feature = "ssr")]
use crate::domain::order::Actor;
use crate::domain::order::{OrderInput, OrderStatus, ReceivedLine, Recurrence};
use crate::domain::period::Period;
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

/// An order as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: String,
    /// "Commande n°12": numbered per shop.
    pub number: i64,
    /// `None` once the supplier was deleted; the name stays.
    pub supplier_id: Option<String>,
    pub supplier_name: String,
    pub status: OrderStatus,
    pub is_connected: bool,
    pub total: i64,
    /// What the delivered quantities cost, once delivered.
    pub received_total: Option<i64>,
    pub line_count: i64,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// `YYYY-MM-DD`.
    pub expected_on: Option<String>,
    pub delivered_at: Option<String>,
    pub recurrence: Option<Recurrence>,
    /// The day the next recurring order will be created, `YYYY-MM-DD`.
    pub next_run: Option<String>,
    /// The stars the shop gave it once delivered (C3, G6).
    #[serde(default)]
    pub rating: Option<i64>,
}

/// One product of an order, its price frozen at creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub id: String,
    /// `None` once the product was deleted.
    pub product_id: Option<String>,
    pub name: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price: i64,
    /// Set by the delivery; may differ from `quantity`.
    pub received: Option<i64>,
}

/// The detail modal: everything about one order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    #[serde(flatten)]
    pub summary: OrderSummary,
    pub lines: Vec<OrderLine>,
    pub note: String,
    pub confirmed_at: Option<String>,
    pub shipped_at: Option<String>,
    pub cancelled_at: Option<String>,
    pub supplier_phone: Option<String>,
    pub supplier_whatsapp: Option<String>,
    /// The number of the order this one repeats ("Recommander", recurring).
    pub source_number: Option<i64>,
    /// The photo of its delivery note or invoice (C9).
    pub attachment: Option<String>,
    /// Why a registered supplier refused it.
    #[serde(default)]
    pub refusal_reason: Option<String>,
    #[serde(default)]
    pub rating_comment: Option<String>,
    /// The marketplace profile of a connected order's supplier.
    #[serde(default)]
    pub vendor_profile_id: Option<String>,
}

/// Filters of the order list (C8).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderQuery {
    #[serde(default)]
    pub status: Option<OrderStatus>,
    /// Empty for every supplier.
    #[serde(default, deserialize_with = "crate::domain::id::optional_key_text")]
    pub supplier_id: String,
    #[serde(default)]
    pub period: Period,
    /// `YYYY-MM-DD`, read with `Period::Dates`.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl OrderQuery {
    pub const PAGE_SIZE: u32 = 20;
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderPage {
    pub items: Vec<OrderSummary>,
    pub total: u64,
    /// What delivered orders cost this month and this quarter (received quantities).
    pub spent_month: i64,
    pub spent_quarter: i64,
}

/// `GET /api/orders/list` — shopkeepers. The shop's orders, newest first, 20 a page, with the
/// month's and quarter's spending.
#[server(prefix = "/api", endpoint = "orders/list", input = GetUrl)]
pub async fn list_orders(query: OrderQuery) -> Result<OrderPage, AppError> {
    async move {
        let today = chrono::Utc::now().date_naive();
        let range = query.period.range(today, &query.from, &query.to)?;
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::orders::list(&state.db, &caller, &query, &range, today).await?)
    }
    .await
    .map_err(reject)
}

/// `GET /api/orders/get` — shopkeepers. One order with its lines.
#[server(prefix = "/api", endpoint = "orders/get", input = GetUrl)]
pub async fn get_order(id: String) -> Result<Order, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = super::products::shopkeeper()?;
        found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/orders/create` — shopkeepers. A pending order to one of the shop's suppliers.
#[server(prefix = "/api", endpoint = "orders/create", input = Json)]
pub async fn create_order(op: OpId, input: OrderInput) -> Result<Order, AppError> {
    async move {
        let draft = crate::domain::order::OrderDraft::parse(&input)?;
        let (state, caller) = super::products::shopkeeper()?;
        let id = crate::server::store::orders::create(&state.db, &op, &caller, &draft).await?;
        found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/orders/status` — shopkeepers. Confirmée, expédiée or annulée, as
/// `domain::order` allows; "livrée" goes through `orders/deliver`.
#[server(prefix = "/api", endpoint = "orders/status", input = Json)]
pub async fn set_order_status(
    op: OpId,
    id: String,
    status: OrderStatus,
) -> Result<Order, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        if matches!(status, OrderStatus::Delivered | OrderStatus::Pending) {
            return Err(AppError::invalid("status", "error.order.transition"));
        }
        let (state, caller) = super::products::shopkeeper()?;
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
    }
    .await
    .map_err(reject)
}

/// `POST /api/orders/deliver` — shopkeepers. "Marquer livrée": the received quantity of each
/// product goes into stock as an "in" movement linked to the order, once, in one transaction.
#[server(prefix = "/api", endpoint = "orders/deliver", input = Json)]
pub async fn deliver_order(
    op: OpId,
    id: String,
    received: Vec<ReceivedLine>,
) -> Result<Order, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        crate::domain::order::check_received(&received)?;
        let today = chrono::Utc::now().date_naive();
        let (state, caller) = super::products::shopkeeper()?;
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
    }
    .await
    .map_err(reject)
}

/// `POST /api/orders/reorder` — shopkeepers. "Recommander": a new pending order with the same
/// supplier, products and quantities, at today's purchase prices.
#[server(prefix = "/api", endpoint = "orders/reorder", input = Json)]
pub async fn reorder(op: OpId, id: String) -> Result<Order, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = super::products::shopkeeper()?;
        let new_id = crate::server::store::orders::reorder(&state.db, &op, &caller, &id).await?;
        found(crate::server::store::orders::get(&state.db, &caller, &new_id).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/orders/recurrence` — shopkeepers. Makes the order recurring (`Some`) or stops it
/// (`None`); a background job creates the pending order on each due day.
#[server(prefix = "/api", endpoint = "orders/recurrence", input = Json)]
pub async fn set_recurrence(
    op: OpId,
    id: String,
    recurrence: Option<Recurrence>,
) -> Result<Order, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let recurrence = recurrence.map(Recurrence::check).transpose()?;
        let today = chrono::Utc::now().date_naive();
        let (state, caller) = super::products::shopkeeper()?;
        crate::server::store::orders::set_recurrence(
            &state.db, &op, &caller, &id, recurrence, today,
        )
        .await?;
        found(crate::server::store::orders::get(&state.db, &caller, &id).await?)
    }
    .await
    .map_err(reject)
}

#[cfg(feature = "ssr")]
pub(crate) fn found(order: Option<Order>) -> Result<Order, AppError> {
    order.ok_or(AppError::NotFound)
}
