//! Lists that the other side of a connected order changes (the inbox, the shop's orders)
//! refresh themselves while open.

use leptos::prelude::*;

/// How often an open list of orders asks for changes.
const REFRESH_SECONDS: u64 = 30;

/// Bumps `version` every [`REFRESH_SECONDS`] while the page is open, so new orders and status
/// changes made by the other side of a connected order show without a reload.
pub fn refresh_periodically(version: RwSignal<u32>) {
    Effect::new(move |_| {
        let handle = set_interval_with_handle(
            move || {
                version.update(|v| *v += 1);
                // A shop's lists read its replica: catch up with the server first.
                crate::offline::Replica::sync_soon();
            },
            std::time::Duration::from_secs(REFRESH_SECONDS),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    });
}
