//! Statistiques (E3, E4, E8): every figure of the chosen period, summed by the database.

use leptos::prelude::*;
use server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use super::guard;
use crate::domain::AppError;
use crate::domain::stats::StatsPeriod;
use crate::domain::stats::StatsReport;

/// `GET /api/stats/get` — shopkeepers. The statistics of the last 7, 30 or 90 days.
#[server(prefix = "/api", endpoint = "stats/get", input = GetUrl)]
pub async fn shop_statistics(period: StatsPeriod) -> Result<StatsReport, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let today = chrono::Utc::now().date_naive();
        Ok(crate::server::store::stats::statistics(&state.db, &caller, period, today).await?)
    })
    .await
}
