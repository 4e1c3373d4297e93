//! Background work that no request waits for: recurring orders (C7) come due once a day; the
//! alert engine (D6) evaluates what requests queued, and sweeps everything periodically.

use std::time::Duration;

use super::AppState;

/// How often the job looks for due recurring orders. Due days are dates, so a minute is more
/// than precise enough, and a restart picks up whatever came due while the server was down.
const RECURRING_EVERY: Duration = Duration::from_secs(60);

/// How soon a queued stock or order change is evaluated.
const ALERT_QUEUE_EVERY: Duration = Duration::from_secs(2);

/// Starts the background jobs for the life of the server.
pub fn start(state: AppState) {
    tokio::spawn(recurring_orders(state.clone()));
    tokio::spawn(alert_queue(state.clone()));
    tokio::spawn(alert_sweep(state));
}

async fn alert_queue(state: AppState) {
    let mut tick = tokio::time::interval(ALERT_QUEUE_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tick.tick().await;
        if let Err(error) = super::alerts::process_queue(&state.db, chrono::Utc::now()).await {
            tracing::error!(%error, "alert queue");
        }
    }
}

/// Queues every product and open order, for the alerts that come with time (dormant, late,
/// pending too long); the first sweep runs at start-up.
async fn alert_sweep(state: AppState) {
    let minutes = state.config.alert_sweep_minutes.max(1);
    let mut tick = tokio::time::interval(Duration::from_secs(60 * minutes));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tick.tick().await;
        if let Err(error) = super::store::alerts::enqueue_everything(&state.db).await {
            tracing::error!(%error, "alert sweep");
        }
    }
}

async fn recurring_orders(state: AppState) {
    let mut tick = tokio::time::interval(RECURRING_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tick.tick().await;
        let today = chrono::Utc::now().date_naive();
        match super::store::orders::create_due_recurring(&state.db, today).await {
            Ok(0) => {}
            Ok(created) => tracing::info!(created, "recurring orders created"),
            Err(error) => tracing::error!(%error, "recurring orders"),
        }
    }
}
