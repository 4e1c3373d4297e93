//! The phone's replica on every shop screen (I2, I3): "Mode hors ligne" while the network is
//! gone, how long ago the phone was last in step with the server, how many of its writes wait to
//! be sent, and the writes the server refused ("À revoir"), each with its reason.

use leptos::prelude::*;

use crate::domain::outbox::{OfflineWrite, PendingWrite};
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
                (count > 0).then(|| view! { <p class="pending-writes">{t_with("sync.pending", move || vec![("count", count.to_string())])}</p> })
            }}
        </div>
        <ToReview replica/>
    }
    .into_any()
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
                                {
                                    let refused = write.refused.clone();
                                    move || refused.as_ref().map(|e| translate(lang.get(), e.message_key()).to_owned())
                                }
                            </p>
                            {correct(&write)}
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

/// "Enregistrer comme correction", for a sale refused for want of stock: what the product has
/// left when it is clicked leaves the stock, then the refused sale is set aside.
fn correct(write: &PendingWrite) -> Option<impl IntoView + use<>> {
    if !write.is_short_sale() {
        return None;
    }
    let refused = write.clone();
    let record = move |_| {
        let refused = refused.clone();
        leptos::task::spawn_local(async move {
            let correction = Replica::read(|shop| refused.correction(shop)).flatten();
            let recorded = match correction {
                Some(correction) => Replica::write(correction).await,
                None => Ok(()), // nothing left to take out
            };
            if recorded.is_ok() {
                Replica::discard(refused.op);
            }
        });
    };
    Some(
        view! { <button type="button" class="button primary" on:click=record>{t("sync.review.correct")}</button> },
    )
}

/// What the write did, in the user's words ("Sortie de 3 × Riz").
fn describe(write: &OfflineWrite) -> impl IntoView + use<> {
    match write {
        OfflineWrite::Movement(input) => {
            let key = match input.kind {
                MovementKind::In => "sync.review.in",
                MovementKind::Out => "sync.review.out",
            };
            let product = product_name(&input.product_id);
            let quantity = input.quantity.to_string();
            t_with(key, move || {
                vec![("quantity", quantity.clone()), ("product", product.clone())]
            })
            .into_any()
        }
        OfflineWrite::ProductCreate { input, .. } => about("sync.review.create", &input.name),
        OfflineWrite::ProductEdit { input, .. } => about("sync.review.edit", &input.name),
        OfflineWrite::ProductDelete { id } => about("sync.review.delete", &product_name(id)),
        OfflineWrite::OrderStatus { id, status } => {
            let (number, status) = (order_number(id), *status);
            let lang = expect_context::<Prefs>().lang;
            t_with("sync.review.order", move || {
                let status = translate(lang.get(), status.label_key()).to_owned();
                vec![("number", number.clone()), ("status", status)]
            })
            .into_any()
        }
        OfflineWrite::OrderCreate { input, .. } => {
            let supplier = Replica::read(|shop| {
                let supplier = shop.suppliers.get(&input.supplier_id);
                supplier.map(|s| s.details.name.clone())
            });
            about(
                "sync.review.order_create",
                &supplier.flatten().unwrap_or_default(),
            )
        }
        OfflineWrite::Delivery { id, .. } => {
            let number = order_number(id);
            t_with("sync.review.delivery", move || {
                vec![("number", number.clone())]
            })
            .into_any()
        }
        OfflineWrite::CategoryCreate { name, .. } | OfflineWrite::CategoryRename { name, .. } => {
            about("sync.review.category", name)
        }
        OfflineWrite::CategoryDelete { id } => {
            let name = Replica::read(|shop| shop.categories.get(id).map(|c| c.name.clone()));
            about(
                "sync.review.category_delete",
                &name.flatten().unwrap_or_default(),
            )
        }
        OfflineWrite::SupplierCreate { input, .. } | OfflineWrite::SupplierEdit { input, .. } => {
            about("sync.review.supplier", &input.name)
        }
        OfflineWrite::SupplierDelete { id } | OfflineWrite::SupplierFavorite { id, .. } => {
            let name = Replica::read(|shop| shop.suppliers.get(id).map(|s| s.details.name.clone()));
            about("sync.review.supplier", &name.flatten().unwrap_or_default())
        }
        OfflineWrite::FileSettings { .. } => t("sync.review.settings").into_any(),
        OfflineWrite::AlertsRead { .. } => t("sync.review.alerts_read").into_any(),
        OfflineWrite::AlertDismissed { .. } => t("sync.review.alert_dismissed").into_any(),
        OfflineWrite::AlertRules { .. } => t("sync.review.alert_rules").into_any(),
    }
}

/// The write's text, naming the record it is about.
fn about(key: &'static str, name: &str) -> AnyView {
    let name = name.to_owned();
    t_with(key, move || vec![("name", name.clone())]).into_any()
}

/// A refused write is not applied: the product it names is still on the phone.
fn product_name(id: &str) -> String {
    Replica::read(|shop| shop.products.get(id).map(|p| p.name.clone()))
        .flatten()
        .unwrap_or_default()
}

fn order_number(id: &str) -> String {
    Replica::read(|shop| shop.orders.get(id).map(|o| o.summary.number.to_string()))
        .flatten()
        .unwrap_or_default()
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
