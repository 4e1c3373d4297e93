//! The phone's replica on every shop screen (I2): "Mode hors ligne" while the network is gone,
//! and how long ago the phone was last in step with the server.

use leptos::prelude::*;

use crate::offline::Replica;
use crate::ui::i18n::{t, t_with};

/// How often the "il y a X min" line is worked out again.
const TICK_SECONDS: u64 = 30;

#[component]
pub fn SyncStatus() -> impl IntoView {
    let Some(replica) = use_context::<Replica>() else {
        return ().into_any();
    };
    // The browser's clock, read after hydration (the server renders no age).
    let now = RwSignal::new(None::<i64>);
    Effect::new(move |_| {
        now.set(Some(now_ms()));
        let handle = set_interval_with_handle(
            move || now.set(Some(now_ms())),
            std::time::Duration::from_secs(TICK_SECONDS),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    });
    let age = move || Some(Age::of(replica.synced_at.get()?, now.get()?));
    view! {
        <div class="sync-status" role="status">
            <Show when=move || !replica.online.get()>
                <p class="offline-banner" data-offline="true">{t("sync.offline")}</p>
            </Show>
            {move || age().map(|age| view! { <p class="synced-at">{age.text()}</p> })}
        </div>
    }
    .into_any()
}

fn now_ms() -> i64 {
    #[cfg(feature = "hydrate")]
    return js_sys::Date::now() as i64;
    #[cfg(not(feature = "hydrate"))]
    0
}

/// How long ago the last sync ended, as the line says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Age {
    JustNow,
    Minutes(i64),
    Hours(i64),
}

impl Age {
    fn of(synced_at_ms: i64, now_ms: i64) -> Self {
        let minutes = now_ms.saturating_sub(synced_at_ms).max(0) / 60_000;
        match minutes {
            0 => Self::JustNow,
            1..60 => Self::Minutes(minutes),
            _ => Self::Hours(minutes / 60),
        }
    }

    fn text(self) -> impl IntoView {
        match self {
            Self::JustNow => t("sync.just_now").into_any(),
            Self::Minutes(count) => t_with("sync.minutes_ago", move || {
                vec![("count", count.to_string())]
            })
            .into_any(),
            Self::Hours(count) => {
                t_with("sync.hours_ago", move || vec![("count", count.to_string())]).into_any()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Age;

    #[test]
    fn the_age_of_the_last_sync_reads_in_minutes_then_hours() {
        let synced = 1_000_000;
        assert_eq!(Age::of(synced, synced + 59_999), Age::JustNow);
        assert_eq!(Age::of(synced, synced + 60_000), Age::Minutes(1));
        assert_eq!(Age::of(synced, synced + 59 * 60_000), Age::Minutes(59));
        assert_eq!(Age::of(synced, synced + 125 * 60_000), Age::Hours(2));
        // A clock set back shows "just now", never a negative age.
        assert_eq!(Age::of(synced, synced - 5_000), Age::JustNow);
    }
}
