//! Commandes reçues (F3) and the supplier's dashboard (F4): the connected orders addressed to
//! the calling supplier, and the steps it takes them through.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::order::OrderStatus;
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

/// One line of a received order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxLine {
    pub name: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price: i64,
}

/// A received order as its card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxOrder {
    pub id: String,
    /// The shop's own number ("Commande n°12").
    pub number: i64,
    pub shop_name: String,
    pub status: OrderStatus,
    pub total: i64,
    /// The currency of the shop, for the amounts.
    pub currency: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub note: String,
    pub refusal_reason: Option<String>,
    pub lines: Vec<InboxLine>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxQuery {
    /// `None` for every status.
    #[serde(default)]
    pub status: Option<OrderStatus>,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl InboxQuery {
    pub const PAGE_SIZE: u32 = 20;
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub items: Vec<InboxOrder>,
    pub total: u64,
}

/// An amount in minor units of `currency`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revenue {
    pub currency: String,
    pub amount: i64,
}

/// The supplier's dashboard figures (F4).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierStats {
    pub item_count: u64,
    pub pending: u64,
    /// Confirmed or shipped.
    pub active: u64,
    pub delivered: u64,
    /// What delivered orders came to, per currency of the shops (most shops use one).
    pub revenue: Vec<Revenue>,
    pub rating_sum: i64,
    pub rating_count: i64,
    /// The five newest orders.
    pub recent: Vec<InboxOrder>,
}

impl SupplierStats {
    pub fn rating(&self) -> Option<f64> {
        crate::domain::supplier::average(self.rating_sum, self.rating_count.max(0) as u64)
    }
}

/// `GET /api/inbox/list` — suppliers. Orders addressed to the caller, newest first, 20 a page.
#[server(prefix = "/api", endpoint = "inbox/list", input = GetUrl)]
pub async fn list_inbox(query: InboxQuery) -> Result<InboxPage, AppError> {
    async move {
        let (state, caller) = super::catalog::supplier()?;
        Ok(crate::server::store::inbox::list(&state.db, &caller, &query).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/inbox/status` — suppliers. Accepter (confirmed), Refuser (cancelled, with a
/// reason), Expédier (shipped), Livrer (delivered: the shop's stock receives every line, once),
/// as `domain::order` allows; the shopkeeper is told through an order event.
#[server(prefix = "/api", endpoint = "inbox/status", input = Json)]
pub async fn move_inbox_order(
    op: OpId,
    id: String,
    status: OrderStatus,
    reason: String,
) -> Result<InboxOrder, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        use crate::domain::order::Actor;
        use crate::server::store::{inbox, orders};
        let (state, caller) = super::catalog::supplier()?;
        let db = &state.db;
        match status {
            OrderStatus::Delivered => {
                let today = chrono::Utc::now().date_naive();
                orders::deliver(db, &op, &caller, Actor::Supplier, &id, None, today).await?;
            }
            OrderStatus::Cancelled => {
                let reason = crate::domain::connected_order::check_refusal(&reason)?;
                orders::set_status(
                    db,
                    &op,
                    &caller,
                    Actor::Supplier,
                    &id,
                    status,
                    Some(&reason),
                )
                .await?;
            }
            _ => {
                orders::set_status(db, &op, &caller, Actor::Supplier, &id, status, None).await?;
            }
        }
        inbox::get(db, &caller, &id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(reject)
}

/// `GET /api/inbox/dashboard` — suppliers. Catalog size, orders by stage, revenue, rating and
/// the newest orders.
#[server(prefix = "/api", endpoint = "inbox/dashboard", input = GetUrl)]
pub async fn get_supplier_stats() -> Result<SupplierStats, AppError> {
    async move {
        let (state, caller) = super::catalog::supplier()?;
        Ok(crate::server::store::inbox::stats(&state.db, &caller).await?)
    }
    .await
    .map_err(reject)
}
