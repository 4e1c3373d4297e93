//! Tableau de bord of the shop (E1): figures read from the database on every visit.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::GetUrl;

use crate::domain::AppError;
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockFigures {
    pub product_count: u64,
    /// Σ purchase price × quantity, in minor units.
    #[serde(default, deserialize_with = "crate::domain::money::saturating")]
    pub stock_value: i64,
    pub rupture_count: u64,
    pub low_count: u64,
    /// Orders waiting for the supplier's confirmation.
    pub pending_orders: u64,
    /// Orders neither delivered nor cancelled.
    pub active_orders: u64,
    /// The earliest expected day (`YYYY-MM-DD`) of the active orders.
    pub next_delivery: Option<String>,
    pub supplier_count: u64,
}

/// `GET /api/dashboard/stock` — shopkeepers. Product count, stock value, ruptures, low stock,
/// orders pending and active, next expected delivery, number of suppliers.
#[server(prefix = "/api", endpoint = "dashboard/stock", input = GetUrl)]
pub async fn stock_summary() -> Result<StockFigures, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        // Opening the dashboard also checks for late deliveries (D6), in the background.
        let today = chrono::Utc::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string();
        crate::server::store::alerts::enqueue_late_orders(&state.db, &caller, &today).await?;
        Ok(crate::server::store::dashboard::stock_summary(&state.db, &caller).await?)
    }
    .await
    .map_err(reject)
}
