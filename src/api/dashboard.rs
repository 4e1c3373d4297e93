//! Tableau de bord of the shop (E1): figures read from the database on every visit.

use leptos::prelude::*;
use server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use super::guard;
use crate::domain::AppError;
use crate::domain::dashboard::StockFigures;

/// `GET /api/dashboard/stock` — shopkeepers. Product count, stock value, ruptures, low stock,
/// orders pending and active, next expected delivery, number of suppliers.
#[server(prefix = "/api", endpoint = "dashboard/stock", input = GetUrl)]
pub async fn stock_summary() -> Result<StockFigures, AppError> {
    guard::shopkeeper(|state, caller| async move {
        // Opening the dashboard also checks for late deliveries (D6), in the background.
        let today = chrono::Utc::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string();
        crate::server::store::alerts::enqueue_late_orders(&state.db, &caller, &today).await?;
        Ok(crate::server::store::dashboard::stock_summary(&state.db, &caller).await?)
    })
    .await
}
