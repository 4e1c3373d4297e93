//! Commandes reçues (F3) and the supplier's dashboard (F4): the connected orders addressed to
//! the calling supplier, and the steps it takes them through.

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::inbox::{InboxOrder, InboxPage, InboxQuery, SupplierStats};
use crate::domain::order::OrderStatus;
use crate::domain::{AppError, OpId};

/// `GET /api/inbox/list` — suppliers. Orders addressed to the caller, newest first, 20 a page.
#[server(prefix = "/api", endpoint = "inbox/list", input = GetUrl)]
pub async fn list_inbox(query: InboxQuery) -> Result<InboxPage, AppError> {
    guard::supplier(|state, caller| async move {
        Ok(crate::server::store::inbox::list(&state.db, &caller, &query).await?)
    })
    .await
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
    guard::supplier(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        #[cfg(feature = "ssr")]
        use crate::domain::order::Actor;
        use crate::server::store::{inbox, orders};
        let db = &state.db;
        match status {
            OrderStatus::Delivered => {
                let today = chrono::Utc::now().date_naive();
                orders::deliver(db, &op, &caller, Actor::Supplier, &id, None, today).await?;
            }
            OrderStatus::Refused => {
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
    })
    .await
}

/// `GET /api/inbox/dashboard` — suppliers. Catalog size, orders by stage, revenue, rating and
/// the newest orders.
#[server(prefix = "/api", endpoint = "inbox/dashboard", input = GetUrl)]
pub async fn get_supplier_stats() -> Result<SupplierStats, AppError> {
    guard::supplier(|state, caller| async move {
        Ok(crate::server::store::inbox::stats(&state.db, &caller).await?)
    })
    .await
}
