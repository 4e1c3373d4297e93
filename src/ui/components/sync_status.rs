//! The phone's replica on every shop screen (I2, I3): "Mode hors ligne" while the network is
//! gone, how long ago the phone was last in step with the server, how many of its writes wait to
//! be sent, and the writes the server refused ("À revoir"), each with its reason.

use leptos::prelude::*;

use crate::domain::outbox::OfflineWrite;
use crate::domain::stock::MovementKind;
use crate::i18n::translate;
use crate::offline::Replica;
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

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
            {move || {
                let count = replica.pending.get();
                (count > 0).then(|| view! { <p class="pending-writes">{pending_text(count)}</p> })
            }}
        </div>
        <ToReview replica/>
    }
    .into_any()
}

fn pending_text(count: usize) -> impl IntoView {
    if count == 1 {
        t("sync.pending.one").into_any()
    } else {
        t_with("sync.pending.many", move || {
            vec![("count", count.to_string())]
        })
        .into_any()
    }
}

/// The writes the server refused, with its reason and the way out.
#[component]
fn ToReview(replica: Replica) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    view! {
        <Show when=move || !replica.to_review.with(Vec::is_empty)>
            <section class="to-review card" aria-labelledby="to-review-title">
                <h2 id="to-review-title">{t("sync.review.title")}</h2>
                <ul>
                    <For each=move || replica.to_review.get() key=|write| write.op.clone() let:write>
                        <li>
                            <p class="to-review-write">{describe(&write.write)}</p>
                            <p class="to-review-reason" role="alert">
                                {move || write.refused.as_ref().map(|e| translate(lang.get(), e.message_key()).to_owned())}
                            </p>
                            <button type="button" class="button" on:click={
                                let op = write.op.clone();
                                move |_| Replica::discard(op.clone())
                            }>{t("sync.review.discard")}</button>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// What the write did, in the user's words ("Sortie de 3 × Riz").
fn describe(write: &OfflineWrite) -> impl IntoView + use<> {
    match write {
        OfflineWrite::Movement(input) => {
            let key = match input.kind {
                MovementKind::In => "sync.review.in",
                MovementKind::Out => "sync.review.out",
            };
            let product =
                Replica::read(|shop| shop.products.get(&input.product_id).map(|p| p.name.clone()))
                    .flatten()
                    .unwrap_or_default();
            let quantity = input.quantity.to_string();
            t_with(key, move || {
                vec![("quantity", quantity.clone()), ("product", product.clone())]
            })
            .into_any()
        }
        OfflineWrite::ProductEdit { input, .. } => {
            let product = input.name.clone();
            t_with("sync.review.edit", move || {
                vec![("product", product.clone())]
            })
            .into_any()
        }
    }
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
