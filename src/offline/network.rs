//! Whether the browser has a network, as a signal: `navigator.onLine`, then its `online` and
//! `offline` events (true on the server, which renders as if online).

use leptos::prelude::*;

pub fn online() -> RwSignal<bool> {
    let online = RwSignal::new(true);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        online.set(window().navigator().on_line());
        let on = window_event_listener(leptos::ev::online, move |_| online.set(true));
        let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
        on_cleanup(move || {
            on.remove();
            off.remove();
        });
    });
    online
}
