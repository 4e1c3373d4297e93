//! Stock movements (B4) and a product's ledger (B5).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::stock::MovementKind;
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementInput {
    pub product_id: String,
    pub kind: MovementKind,
    pub quantity: i64,
    /// One of `domain::stock::REASONS`.
    pub reason: String,
    pub note: String,
}

/// One line of a product's ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerLine {
    /// RFC 3339, UTC.
    pub at: String,
    pub kind: MovementKind,
    pub quantity: i64,
    pub reason: String,
    pub note: String,
    pub balance_after: i64,
    pub by_name: Option<String>,
}

/// Filters of the shop's movement history (E5). Dates are days, `YYYY-MM-DD`, inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HistoryQuery {
    #[serde(default)]
    pub kind: Option<MovementKind>,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl HistoryQuery {
    pub const PAGE_SIZE: u32 = 50;
}

/// One movement of the shop, with its product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryLine {
    pub product_name: String,
    #[serde(flatten)]
    pub line: LedgerLine,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HistoryPage {
    pub items: Vec<HistoryLine>,
    pub total: u64,
}

/// `GET /api/stock/history` — shopkeepers. All movements of the shop, newest first, filtered by
/// kind and date range, 50 a page.
#[server(prefix = "/api", endpoint = "stock/history", input = GetUrl)]
pub async fn shop_history(query: HistoryQuery) -> Result<HistoryPage, AppError> {
    async move {
        let range = crate::domain::period::DayRange::parse(&query.from, &query.to)?;
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::stock::history(&state.db, &caller, &query, &range).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/stock/move` — shopkeepers. Records an in/out movement; returns the new quantity.
#[server(prefix = "/api", endpoint = "stock/move", input = Json)]
pub async fn move_stock(op: OpId, input: MovementInput) -> Result<i64, AppError> {
    async move {
        let movement = crate::domain::stock::Movement::parse(
            input.kind,
            input.quantity,
            &input.reason,
            &input.note,
        )?;
        let product_id = RecordKey::parse("product_id", &input.product_id)?;
        let (state, caller) = super::products::shopkeeper()?;
        Ok(
            crate::server::store::stock::apply(&state.db, &op, &caller, &product_id, &movement)
                .await?,
        )
    }
    .await
    .map_err(reject)
}

/// `GET /api/stock/ledger` — shopkeepers. A product's movements, newest first, 50 a page.
#[server(prefix = "/api", endpoint = "stock/ledger", input = GetUrl)]
pub async fn product_ledger(product_id: String, page: u32) -> Result<Vec<LedgerLine>, AppError> {
    async move {
        let product_id = RecordKey::parse("product_id", &product_id)?;
        let page = crate::domain::page::check(page)?;
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::stock::ledger(&state.db, &caller, &product_id, page, 50).await?)
    }
    .await
    .map_err(reject)
}
