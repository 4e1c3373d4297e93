//! Lists that the other side of a connected order changes (the inbox, the shop's orders)
//! refresh themselves while open.

use leptos::prelude::*;

/// How often an open list of orders asks for changes.
const REFRESH_SECONDS: u64 = 30;

/// Bumps `version` every [`REFRESH_SECONDS`] while the page is open, and when its window gets
/// the focus back, so new orders and status changes made by the other side of a connected order
/// show without a reload. A list drawn again keeps the items that did not change as they are
/// (keyed by their value), with what is open or typed in them.
pub fn refresh_periodically(version: RwSignal<u32>) {
    let refresh = move || {
        version.update(|v| *v += 1);
        // A shop's lists read its replica: catch up with the server first.
        crate::offline::Replica::sync_soon();
    };
    Effect::new(move |_| {
        let every =
            set_interval_with_handle(refresh, std::time::Duration::from_secs(REFRESH_SECONDS));
        let back = window_event_listener(leptos::ev::focus, move |_| refresh());
        on_cleanup(move || {
            if let Ok(every) = every {
                every.clear();
            }
            back.remove();
        });
    });
}
