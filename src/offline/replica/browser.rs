//! The replica in the browser: the server's records as last pulled (`BASE`), the outbox of writes
//! not confirmed yet (`PENDING`), and what the screens read (`SHOP`: the base with the waiting
//! writes applied over it), kept in IndexedDB through `replica.js`.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::Replica;
use crate::api::sync::pull_changes;
use crate::domain::AppError;
use crate::domain::outbox::{OfflineWrite, PendingWrite, with_pending};
use crate::domain::replica::ShopReplica;
use crate::domain::sync::{Change, PullPage};

#[wasm_bindgen(module = "/src/offline/replica.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadReplica)]
    fn load_replica(name: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = saveReplica)]
    fn save_replica(name: &str, batch: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = deleteReplicas)]
    fn delete_replicas() -> js_sys::Promise;
    #[wasm_bindgen(js_name = loadOutbox)]
    fn load_outbox(name: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = keepPending)]
    fn keep_pending(name: &str, key: &str, json: Option<String>) -> js_sys::Promise;
    #[wasm_bindgen(js_name = pushWrite)]
    fn push_write(path: &str, body: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = lockOutbox)]
    fn lock_outbox(name: &str) -> js_sys::Promise;
}

/// How often an open app syncs.
const SYNC_EVERY: Duration = Duration::from_secs(60);

thread_local! {
    /// The server's records as last pulled.
    static BASE: RefCell<Option<ShopReplica>> = const { RefCell::new(None) };
    /// The outbox, in the order the writes were made.
    static PENDING: RefCell<Vec<PendingWrite>> = const { RefCell::new(Vec::new()) };
    /// What the screens read: the base with the waiting writes applied.
    pub(super) static SHOP: RefCell<Option<ShopReplica>> = const { RefCell::new(None) };
    /// The replica being kept: its signals and its database name.
    static KEPT: RefCell<Option<(Replica, String)>> = const { RefCell::new(None) };
    /// A sync is under way; another asked meanwhile runs after it.
    static SYNCING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

/// What the phone kept: a pull page of every record, and when it was last in step.
#[derive(Deserialize)]
struct Kept {
    #[serde(flatten)]
    page: PullPage,
    synced_at: i64,
}

/// One transaction of the phone's database (see `saveReplica`).
#[derive(Serialize)]
struct Batch {
    cursor: u64,
    synced_at: i64,
    clear: bool,
    /// Each change in order: its key, and the change to keep or `None` to delete.
    ops: Vec<(String, Option<String>)>,
}

/// What the server answered a pushed write (see `pushWrite`).
#[derive(Deserialize)]
struct Answer {
    status: u16,
    body: String,
}

pub(super) fn start(replica: Replica, name: String) {
    KEPT.set(Some((replica, name.clone())));
    // The replica and its outbox hold what is not on the server yet: ask the browser not to
    // evict them when the phone runs short of space (it may say no; nothing else changes).
    let _ = window().navigator().storage().persist();
    // The network is back: send what waits, and catch up.
    let on = window_event_listener(leptos::ev::online, move |_| sync_soon());
    let every = set_interval_with_handle(
        || {
            if !document().hidden() {
                sync_soon();
            }
        },
        SYNC_EVERY,
    );
    on_cleanup(move || {
        on.remove();
        if let Ok(every) = every {
            every.clear();
        }
        KEPT.set(None);
    });
    // No sync starts before the kept replica is read: it gives the cursor to pull from.
    SYNCING.set(true);
    spawn_local(async move {
        load(replica, &name).await;
        SYNCING.set(false);
        sync_soon();
    });
}

fn navigator_online() -> bool {
    window().navigator().on_line()
}

fn kept() -> Option<(Replica, String)> {
    KEPT.with_borrow(Clone::clone)
}

/// Reads what the phone kept, so the screens show the shop before any network answer.
async fn load(replica: Replica, name: &str) {
    reload_outbox(name).await;
    let Ok(kept) = JsFuture::from(load_replica(name)).await else {
        return show(replica);
    };
    if let Some(kept) = kept
        .as_string()
        .and_then(|json| serde_json::from_str::<Kept>(&json).ok())
    {
        let mut base = ShopReplica::default();
        base.apply_page(&kept.page);
        BASE.set(Some(base));
        replica
            .synced_at
            .set((kept.synced_at > 0).then_some(kept.synced_at));
    }
    show(replica);
}

/// Works out what the screens read again, and tells them.
fn show(replica: Replica) {
    let view = BASE.with_borrow(|base| {
        let base = base.as_ref()?;
        Some(PENDING.with_borrow(|pending| with_pending(base, pending)))
    });
    SHOP.set(view);
    count_pending(replica);
    replica.revision.update(|r| *r += 1);
}

fn count_pending(replica: Replica) {
    let (waiting, refused) = PENDING.with_borrow(|pending| {
        let refused: Vec<PendingWrite> = pending
            .iter()
            .filter(|p| p.refused.is_some())
            .cloned()
            .collect();
        (pending.iter().filter(|p| p.waits()).count(), refused)
    });
    replica.pending.set(waiting);
    replica.to_review.set(refused);
}

/// Applies a write to what the screens read and keeps it in the outbox; `None` when there is
/// no replica yet (the caller sends it at once).
pub(super) async fn record(write: &OfflineWrite) -> Option<Result<(), AppError>> {
    let (replica, name) = kept()?;
    let pending = PendingWrite {
        op: match crate::offline::write::new_op_id() {
            Ok(op) => op.as_str().to_owned(),
            Err(error) => return Some(Err(error)),
        },
        made_at: js_sys::Date::now() as i64,
        write: write.clone(),
        refused: None,
        sent: false,
    };
    let checked = SHOP.with_borrow_mut(|shop| shop.as_mut().map(|shop| pending.apply(shop)))?;
    if let Err(refusal) = checked {
        return Some(Err(refusal));
    }
    keep(&name, &pending).await;
    PENDING.with_borrow_mut(|all| all.push(pending));
    count_pending(replica);
    replica.revision.update(|r| *r += 1);
    sync_soon();
    Some(Ok(()))
}

async fn keep(name: &str, pending: &PendingWrite) {
    let json = serde_json::to_string(pending).ok();
    let _ = JsFuture::from(keep_pending(name, &pending.key(), json)).await;
}

pub(super) async fn discard(op: String) {
    let Some((replica, name)) = kept() else {
        return;
    };
    let gone = PENDING.with_borrow_mut(|all| {
        let at = all.iter().position(|p| p.op == op)?;
        Some(all.remove(at))
    });
    if let Some(gone) = gone {
        let _ = JsFuture::from(keep_pending(&name, &gone.key(), None)).await;
        show(replica);
    }
}

pub(super) async fn settle() {
    if let Some((replica, name)) = kept()
        && push(replica, &name).await == Some(true)
    {
        // The records the writes made come back with the pull.
        sync_soon();
    }
}

pub(super) fn sync_soon() {
    if SYNCING.replace(true) {
        AGAIN.set(true);
        return;
    }
    spawn_local(async {
        loop {
            AGAIN.set(false);
            // What the screens read is worked out again only when the outbox or the records
            // changed (a sync with nothing new costs no copy of the shop).
            if let Some((replica, name)) = kept()
                && let Some(pushed) = push(replica, &name).await
            {
                // Only writes the server applied before this pull began are in what it brings.
                let sent = sent_ops();
                let pulled = pull(replica, &name).await;
                let confirmed = pulled.complete && forget(&name, &sent).await;
                if pulled.changed || pushed || confirmed {
                    show(replica);
                }
            }
            if !AGAIN.get() {
                break;
            }
        }
        SYNCING.set(false);
    });
}

fn sent_ops() -> Vec<String> {
    PENDING.with_borrow(|all| {
        all.iter()
            .filter(|p| p.sent)
            .map(|p| p.op.clone())
            .collect()
    })
}

/// Drops the sent writes `ops` once a pull has brought their effect back; says whether any went.
async fn forget(name: &str, ops: &[String]) -> bool {
    let gone: Vec<PendingWrite> = PENDING.with_borrow_mut(|all| {
        let (gone, kept) = std::mem::take(all)
            .into_iter()
            .partition(|p| ops.contains(&p.op));
        *all = kept;
        gone
    });
    for write in &gone {
        let _ = JsFuture::from(keep_pending(name, &write.key(), None)).await;
    }
    !gone.is_empty()
}

/// Pushes the outbox in order, holding its lock, so that another tab of the app on this phone
/// never pushes the same write at the same time. `None` when the server could not be reached,
/// else whether a write left the outbox or was refused.
async fn push(replica: Replica, name: &str) -> Option<bool> {
    let Ok(release) = JsFuture::from(lock_outbox(name)).await else {
        return None;
    };
    // Another tab may have pushed, or added, writes meanwhile: the phone's outbox is the truth.
    let before = PENDING.with_borrow(Clone::clone);
    reload_outbox(name).await;
    let reloaded = PENDING.with_borrow(|now| *now != before);
    let pushed = push_each(replica, name).await;
    let _ = release
        .unchecked_into::<js_sys::Function>()
        .call0(&JsValue::NULL);
    pushed.map(|changed| changed || reloaded)
}

async fn reload_outbox(name: &str) {
    let kept = JsFuture::from(load_outbox(name)).await.ok();
    if let Some(outbox) = kept
        .and_then(|json| json.as_string())
        .and_then(|json| serde_json::from_str::<Vec<PendingWrite>>(&json).ok())
    {
        PENDING.set(outbox);
    }
}

async fn push_each(replica: Replica, name: &str) -> Option<bool> {
    let mut changed = false;
    loop {
        let next = PENDING.with_borrow(|all| all.iter().find(|p| p.waits()).cloned());
        let Some(mut next) = next else {
            return Some(changed);
        };
        let body = next.write.body(&next.op).to_string();
        let answer = JsFuture::from(push_write(next.write.endpoint(), &body)).await;
        let Some(answer) = answer
            .ok()
            .and_then(|a| a.as_string())
            .and_then(|a| serde_json::from_str::<Answer>(&a).ok())
        else {
            replica.online.set(navigator_online());
            return None;
        };
        match answer.status {
            200..=299 => next.sent = true,
            // Signed out, or the server failing: keep the write and try again later.
            401 | 403 | 500.. => return None,
            _ => {
                next.refused = Some(serde_json::from_str::<AppError>(&answer.body).unwrap_or(
                    AppError::BadRequest {
                        detail: answer.body,
                    },
                ));
            }
        }
        keep(name, &next).await;
        PENDING.with_borrow_mut(|all| {
            if let Some(kept) = all.iter_mut().find(|p| p.op == next.op) {
                *kept = next;
            }
        });
        changed = true;
        count_pending(replica);
    }
}

/// What a pull did.
struct Pulled {
    /// A record changed.
    changed: bool,
    /// It reached the last change the server had when it answered.
    complete: bool,
}

/// Pulls every change after the replica's cursor, a page at a time, keeping each page.
async fn pull(replica: Replica, name: &str) -> Pulled {
    let mut clear = false;
    let mut changed = false;
    loop {
        let cursor = BASE.with_borrow(|base| base.as_ref().map_or(0, |b| b.cursor));
        let page = match pull_changes(cursor).await {
            Ok(page) => page,
            // The server no longer knows this cursor (its data was reset): start over.
            Err(AppError::Invalid { field, .. }) if field == "cursor" && !clear => {
                BASE.set(None);
                clear = true;
                continue;
            }
            Err(AppError::Network { .. }) => {
                replica.online.set(navigator_online());
                return Pulled {
                    changed,
                    complete: false,
                };
            }
            Err(_) => {
                return Pulled {
                    changed,
                    complete: false,
                };
            }
        };
        // Signed out meanwhile: nothing more is kept.
        if KEPT.with_borrow(Option::is_none) {
            return Pulled {
                changed: false,
                complete: false,
            };
        }
        let synced_at = if page.more {
            replica.synced_at.get_untracked().unwrap_or(0)
        } else {
            js_sys::Date::now() as i64
        };
        let batch = Batch {
            cursor: page.cursor,
            synced_at,
            clear: std::mem::take(&mut clear),
            ops: page.changes.iter().map(kept_as).collect(),
        };
        if !save(name, &batch).await {
            return Pulled {
                changed,
                complete: false,
            };
        }
        changed |= batch.clear || !page.changes.is_empty();
        BASE.with_borrow_mut(|base| base.get_or_insert_default().apply_page(&page));
        if !page.more {
            replica.synced_at.set(Some(synced_at));
            return Pulled {
                changed,
                complete: true,
            };
        }
    }
}

fn kept_as(change: &Change) -> (String, Option<String>) {
    let json = (!change.is_deletion())
        .then(|| serde_json::to_string(change).ok())
        .flatten();
    (change.key(), json)
}

/// Keeps a page on the phone before it is applied in memory, so both stay at one cursor.
async fn save(name: &str, batch: &Batch) -> bool {
    let Ok(json) = serde_json::to_string(batch) else {
        return false;
    };
    JsFuture::from(save_replica(name, &json)).await.is_ok()
}

pub(super) async fn forget_all() {
    KEPT.set(None);
    BASE.set(None);
    SHOP.set(None);
    PENDING.set(Vec::new());
    let _ = JsFuture::from(delete_replicas()).await;
}
