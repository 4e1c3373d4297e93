//! Background work that no request waits for: recurring orders (C7) come due once a day.

use std::time::Duration;

use super::AppState;

/// How often the job looks for due recurring orders. Due days are dates, so a minute is more
/// than precise enough, and a restart picks up whatever came due while the server was down.
const RECURRING_EVERY: Duration = Duration::from_secs(60);

/// Runs for the life of the server.
pub async fn run(state: AppState) {
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
