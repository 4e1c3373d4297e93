//! Stock movements (B4) and a product's ledger (B5).

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::stock::{HistoryPage, HistoryQuery, LedgerLine, MovementInput};
use crate::domain::{AppError, OpId};

/// `GET /api/stock/history` — shopkeepers. All movements of the shop, newest first, filtered by
/// kind and date range, 50 a page.
#[server(prefix = "/api", endpoint = "stock/history", input = GetUrl)]
pub async fn shop_history(query: HistoryQuery) -> Result<HistoryPage, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let range = crate::domain::period::DayRange::parse(&query.from, &query.to)?;
        Ok(crate::server::store::stock::history(&state.db, &caller, &query, &range).await?)
    })
    .await
}

/// `POST /api/stock/move` — shopkeepers. Records an in/out movement; returns the new quantity.
#[server(prefix = "/api", endpoint = "stock/move", input = Json)]
pub async fn move_stock(op: OpId, input: MovementInput) -> Result<i64, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let movement = crate::domain::stock::Movement::parse(
            input.kind,
            input.quantity,
            &input.reason,
            &input.note,
        )?;
        let product_id = RecordKey::parse("product_id", &input.product_id)?;
        Ok(
            crate::server::store::stock::apply(&state.db, &op, &caller, &product_id, &movement)
                .await?,
        )
    })
    .await
}

/// `GET /api/stock/ledger` — shopkeepers. A product's movements, newest first, `LEDGER_PAGE` (50)
/// a page.
#[server(prefix = "/api", endpoint = "stock/ledger", input = GetUrl)]
pub async fn product_ledger(product_id: String, page: u32) -> Result<Vec<LedgerLine>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let product_id = RecordKey::parse("product_id", &product_id)?;
        let page = crate::domain::page::check(page)?;
        Ok(crate::server::store::stock::ledger(
            &state.db,
            &caller,
            &product_id,
            page,
            crate::domain::stock::LEDGER_PAGE,
        )
        .await?)
    })
    .await
}
