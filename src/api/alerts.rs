//! Alertes (D1–D5): the list, read / dismiss, the rules ("Configurer") and the unread count.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::alert::{AlertKind, AlertRule, Severity};
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::respond::reject;

/// An alert with what its text and its "Commander" button need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertView {
    pub id: String,
    pub kind: AlertKind,
    pub severity: Severity,
    /// open, read, dismissed or resolved.
    pub state: String,
    /// RFC 3339: since when the cause lasts.
    pub created_at: String,
    /// Whole days since then (the browser's clock is not trusted for it).
    pub age_days: i64,
    pub product_id: Option<String>,
    pub product_name: Option<String>,
    pub quantity: Option<i64>,
    pub unit: Option<String>,
    pub min_stock: Option<i64>,
    pub max_stock: Option<i64>,
    /// The product's usual supplier.
    pub supplier_id: Option<String>,
    pub supplier_name: Option<String>,
    pub out_last_30_days: i64,
    pub order_id: Option<String>,
    pub order_number: Option<i64>,
    pub order_supplier: Option<String>,
    pub expected_on: Option<String>,
}

impl AlertView {
    /// How much "Commander" proposes (D4), for a stock alert.
    pub fn suggested_quantity(&self) -> Option<i64> {
        let quantity = self.quantity?;
        Some(crate::domain::alert::suggested_quantity(
            quantity,
            self.min_stock.unwrap_or(0),
            self.max_stock,
            self.out_last_30_days,
            DEFAULT_DELIVERY_DAYS,
        ))
    }
}

/// How many alerts a product raised this month (D5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAlertCount {
    pub product_id: String,
    pub name: String,
    pub count: u64,
}

/// `GET /api/alerts/top_products` — shopkeepers. The ten products that raised the most alerts
/// this month, most first.
#[server(prefix = "/api", endpoint = "alerts/top_products", input = GetUrl)]
pub async fn top_alert_products() -> Result<Vec<ProductAlertCount>, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        let today = chrono::Utc::now().date_naive();
        let since = crate::domain::period::instant(crate::domain::period::month_start(today));
        Ok(crate::server::store::alerts::top_products(&state.db, &caller, &since).await?)
    }
    .await
    .map_err(reject)
}

/// A manual supplier's delivery delay, until it has delivered enough orders to measure one.
pub const DEFAULT_DELIVERY_DAYS: i64 = 3;

/// `GET /api/alerts/list` — shopkeepers. Open and read alerts, or (`history`) the dismissed and
/// resolved ones; newest first, 200 at most.
#[server(prefix = "/api", endpoint = "alerts/list", input = GetUrl)]
pub async fn list_alerts(history: bool) -> Result<Vec<AlertView>, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::alerts::list(&state.db, &caller, history).await?)
    }
    .await
    .map_err(reject)
}

/// `GET /api/alerts/unread` — shopkeepers. How many alerts are not read yet (the tab's count).
#[server(prefix = "/api", endpoint = "alerts/unread", input = GetUrl)]
pub async fn unread_alerts() -> Result<u64, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::alerts::unread(&state.db, &caller).await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/alerts/read` — shopkeepers. Marks one alert read, or every open one with `id` null
/// ("Tout marquer comme lu"); returns how many changed.
#[server(prefix = "/api", endpoint = "alerts/read", input = Json)]
pub async fn mark_alerts_read(op: OpId, id: Option<String>) -> Result<u64, AppError> {
    async move {
        let id = id.map(|k| RecordKey::parse("id", &k)).transpose()?;
        let (state, caller) = super::products::shopkeeper()?;
        let store = crate::server::store::alerts::set_state;
        Ok(store(&state.db, &op, &caller, id.as_ref(), "read").await?)
    }
    .await
    .map_err(reject)
}

/// `POST /api/alerts/dismiss` — shopkeepers. Moves the alert to the history; it is not raised
/// again while its cause lasts.
#[server(prefix = "/api", endpoint = "alerts/dismiss", input = Json)]
pub async fn dismiss_alert(op: OpId, id: String) -> Result<u64, AppError> {
    async move {
        let id = RecordKey::parse("id", &id)?;
        let (state, caller) = super::products::shopkeeper()?;
        let store = crate::server::store::alerts::set_state;
        Ok(store(&state.db, &op, &caller, Some(&id), "dismissed").await?)
    }
    .await
    .map_err(reject)
}

/// `GET /api/alerts/rules` — shopkeepers. The six rules in force (the shop's, else the defaults).
#[server(prefix = "/api", endpoint = "alerts/rules", input = GetUrl)]
pub async fn alert_rules() -> Result<Vec<AlertRule>, AppError> {
    async move {
        let (state, caller) = super::products::shopkeeper()?;
        let own = crate::server::store::alerts::rules(&state.db, &caller).await?;
        let rules = crate::domain::alert::Rules::new(own);
        Ok(AlertKind::ALL.into_iter().map(|k| rules.get(k)).collect())
    }
    .await
    .map_err(reject)
}

/// `POST /api/alerts/save_rules` — shopkeepers. Saves the rules (one per kind at most, else
/// `400` on `rules`); the shop's products and open orders are evaluated again at once.
#[server(prefix = "/api", endpoint = "alerts/save_rules", input = Json)]
pub async fn save_alert_rules(op: OpId, rules: Vec<AlertRule>) -> Result<bool, AppError> {
    async move {
        let rules = crate::domain::alert::RuleSet::parse(rules)?;
        let (state, caller) = super::products::shopkeeper()?;
        Ok(crate::server::store::alerts::save_rules(&state.db, &op, &caller, &rules).await?)
    }
    .await
    .map_err(reject)
}
