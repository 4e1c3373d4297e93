//! Statistiques (E3, E4, E8): every figure of the chosen period, summed by the database.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::GetUrl;

use crate::domain::AppError;
use crate::domain::stats::{Flow, StatsPeriod};
use crate::domain::stock::StockStatus;
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

/// Stock value of one category; `name` is `None` for "Sans catégorie".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryValue {
    pub name: Option<String>,
    pub products: u64,
    /// Σ purchase price × quantity, minor units.
    #[serde(default, deserialize_with = "crate::domain::money::saturating")]
    pub value: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: StockStatus,
    pub count: u64,
}

/// A product in a top list, with the figure it is ranked by (stock value or units sold).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedProduct {
    pub id: String,
    pub name: String,
    pub unit: String,
    #[serde(default, deserialize_with = "crate::domain::money::saturating")]
    pub figure: i64,
}

/// "X produits, Y commandes ce mois, Z alertes traitées" (E8).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub products: u64,
    pub orders_this_month: u64,
    /// Alerts read, dismissed or resolved this month.
    pub alerts_handled: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsReport {
    pub period: StatsPeriod,
    /// First and last day covered, `YYYY-MM-DD` (UTC).
    pub first_day: String,
    pub last_day: String,
    /// Largest value first.
    pub by_category: Vec<CategoryValue>,
    /// Every status, in [`StockStatus::ALL`] order, zeros included.
    pub by_status: Vec<StatusCount>,
    /// Oldest first; one bar a day, or a week for 90 days.
    pub flows: Vec<Flow>,
    /// The five products holding the most stock value.
    pub top_by_value: Vec<RankedProduct>,
    /// The three products sold most during the period (units of "vente" movements).
    pub top_sellers: Vec<RankedProduct>,
    pub usage: Usage,
}

/// `GET /api/stats/get` — shopkeepers. The statistics of the last 7, 30 or 90 days.
#[server(prefix = "/api", endpoint = "stats/get", input = GetUrl)]
pub async fn shop_statistics(period: StatsPeriod) -> Result<StatsReport, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        let today = chrono::Utc::now().date_naive();
        Ok(crate::server::store::stats::statistics(&state.db, &caller, period, today).await?)
    }
    .await
    .map_err(reject)
}
