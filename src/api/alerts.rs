//! Alertes (D1–D5): the list, read / dismiss, the rules ("Configurer") and the unread count.

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::RecordKey;
use crate::domain::alert::AlertRule;
use crate::domain::alert::{AlertView, ProductAlertCount};
use crate::domain::{AppError, OpId};

/// `GET /api/alerts/top_products` — shopkeepers. The ten products that raised the most alerts
/// this month, most first.
#[server(prefix = "/api", endpoint = "alerts/top_products", input = GetUrl)]
pub async fn top_alert_products() -> Result<Vec<ProductAlertCount>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let today = chrono::Utc::now().date_naive();
        let since = crate::domain::period::instant(crate::domain::period::month_start(today));
        Ok(crate::server::store::alerts::top_products(&state.db, &caller, &since).await?)
    })
    .await
}

/// `GET /api/alerts/list` — shopkeepers. Open and read alerts, or (`history`) the dismissed and
/// resolved ones; newest first, 200 at most.
#[server(prefix = "/api", endpoint = "alerts/list", input = GetUrl)]
pub async fn list_alerts(history: bool) -> Result<Vec<AlertView>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        Ok(crate::server::store::alerts::list(&state.db, &caller, history).await?)
    })
    .await
}

/// `GET /api/alerts/unread` — shopkeepers. How many alerts are not read yet (the tab's count).
#[server(prefix = "/api", endpoint = "alerts/unread", input = GetUrl)]
pub async fn unread_alerts() -> Result<u64, AppError> {
    guard::shopkeeper(|state, caller| async move {
        Ok(crate::server::store::alerts::unread(&state.db, &caller).await?)
    })
    .await
}

/// `POST /api/alerts/read` — shopkeepers. Marks one alert read, or every open one with `id` null
/// ("Tout marquer comme lu"); returns how many changed.
#[server(prefix = "/api", endpoint = "alerts/read", input = Json)]
pub async fn mark_alerts_read(op: OpId, id: Option<String>) -> Result<u64, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = id.map(|k| RecordKey::parse("id", &k)).transpose()?;
        let store = crate::server::store::alerts::set_state;
        Ok(store(&state.db, &op, &caller, id.as_ref(), "read").await?)
    })
    .await
}

/// `POST /api/alerts/dismiss` — shopkeepers. Moves the alert to the history; it is not raised
/// again while its cause lasts.
#[server(prefix = "/api", endpoint = "alerts/dismiss", input = Json)]
pub async fn dismiss_alert(op: OpId, id: String) -> Result<u64, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let id = RecordKey::parse("id", &id)?;
        let store = crate::server::store::alerts::set_state;
        Ok(store(&state.db, &op, &caller, Some(&id), "dismissed").await?)
    })
    .await
}

/// `GET /api/alerts/rules` — shopkeepers. The six rules in force (the shop's, else the defaults).
#[server(prefix = "/api", endpoint = "alerts/rules", input = GetUrl)]
pub async fn alert_rules() -> Result<Vec<AlertRule>, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let own = crate::server::store::alerts::rules(&state.db, &caller).await?;
        Ok(crate::domain::alert::Rules::new(own).in_force())
    })
    .await
}

/// `POST /api/alerts/save_rules` — shopkeepers. Saves the rules (one per kind at most, else
/// `400` on `rules`); the shop's products and open orders are evaluated again at once.
#[server(prefix = "/api", endpoint = "alerts/save_rules", input = Json)]
pub async fn save_alert_rules(op: OpId, rules: Vec<AlertRule>) -> Result<bool, AppError> {
    guard::shopkeeper(|state, caller| async move {
        let rules = crate::domain::alert::RuleSet::parse(rules)?;
        Ok(crate::server::store::alerts::save_rules(&state.db, &op, &caller, &rules).await?)
    })
    .await
}
