//! The shop as the phone holds it (I2): the signed-in shopkeeper's shop, kept in IndexedDB
//! (`replica.js` beside this file) and in memory, brought up to date by pulling the changes after
//! its cursor: at start, when the network returns, after each write, and every minute while the
//! app is open. The shop's screens read it first ([`Replica::read`]) and render without waiting
//! for the network; before it is loaded (and on the server) they ask the server as before.

use std::future::Future;

use leptos::prelude::*;

use crate::api::categories::list_categories;
use crate::api::dashboard::stock_summary;
use crate::api::products::list_products;
use crate::api::suppliers::list_suppliers;
use crate::domain::category::Category;
use crate::domain::dashboard::StockFigures;
use crate::domain::product::{ProductPage, ProductQuery};
use crate::domain::replica::ShopReplica;
use crate::domain::supplier::{Supplier, SupplierSort};
use crate::domain::{AppError, Session};

/// What the screens watch of the replica (provided by the shopkeeper's frame).
#[derive(Clone, Copy)]
pub struct Replica {
    /// Bumped whenever the replica changes: a resource that reads it tracks this.
    pub revision: RwSignal<u64>,
    /// When the last pull ended, in milliseconds since 1970 (`None`: never on this phone).
    pub synced_at: RwSignal<Option<i64>>,
    /// Whether the browser has a network.
    pub online: RwSignal<bool>,
}

impl Replica {
    /// Provides the replica of `session`'s shop and, in the browser, starts keeping it.
    pub fn provide(session: &Session) {
        let replica = Self {
            revision: RwSignal::new(0),
            synced_at: RwSignal::new(None),
            online: RwSignal::new(true),
        };
        provide_context(replica);
        #[cfg(feature = "hydrate")]
        {
            let name = format!("{}-{}", session.user_id, session.shop_id);
            Effect::new(move |_| browser::start(replica, name.clone()));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = session;
    }

    /// The revision to track in a resource's source: it reruns when the replica changes.
    pub fn track() -> u64 {
        use_context::<Self>().map_or(0, |replica| replica.revision.get())
    }

    /// Answers from the replica when the phone holds one, else `None` (ask the server).
    pub fn read<T>(answer: impl FnOnce(&ShopReplica) -> T) -> Option<T> {
        #[cfg(feature = "hydrate")]
        return browser::SHOP.with_borrow(|shop| shop.as_ref().map(answer));
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = answer;
            None
        }
    }

    /// A page of the shop's products (Produits).
    pub async fn products(query: ProductQuery) -> Result<ProductPage, AppError> {
        let asked = query.clone();
        Self::or_server(
            move |shop| asked.select(shop.products.values()),
            || list_products(query),
        )
        .await
    }

    /// The Tableau de bord's figures.
    pub async fn stock_figures() -> Result<StockFigures, AppError> {
        Self::or_server(ShopReplica::stock_figures, stock_summary).await
    }

    /// The shop's categories, by name.
    pub async fn categories() -> Result<Vec<Category>, AppError> {
        Self::or_server(ShopReplica::categories, list_categories).await
    }

    /// The shop's suppliers, favourites first, in `sort`.
    pub async fn suppliers(sort: SupplierSort) -> Result<Vec<Supplier>, AppError> {
        Self::or_server(
            move |shop| shop.suppliers(sort),
            move || list_suppliers(sort),
        )
        .await
    }

    /// The replica's answer when the phone holds one, else the server's (`ask_server`).
    async fn or_server<T, F>(
        read: impl FnOnce(&ShopReplica) -> T,
        ask_server: impl FnOnce() -> F,
    ) -> Result<T, AppError>
    where
        F: Future<Output = Result<T, AppError>>,
    {
        match Self::read(read) {
            Some(answer) => Ok(answer),
            None => ask_server().await,
        }
    }

    /// Asks for a pull soon (after a write: the change comes back with its effects).
    pub fn pull_soon() {
        #[cfg(feature = "hydrate")]
        browser::pull_soon();
    }

    /// Deletes every replica kept on this phone (at logout).
    pub async fn forget_all() {
        #[cfg(feature = "hydrate")]
        browser::forget_all().await;
    }
}

#[cfg(feature = "hydrate")]
mod browser {
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
    }

    /// How often an open app asks for changes.
    const PULL_EVERY: Duration = Duration::from_secs(60);

    thread_local! {
        /// The replica in memory, once loaded from the phone or pulled.
        pub(super) static SHOP: RefCell<Option<ShopReplica>> = const { RefCell::new(None) };
        /// The replica being kept: its signals and its database name.
        static KEPT: RefCell<Option<(Replica, String)>> = const { RefCell::new(None) };
        /// A pull is under way; another asked meanwhile runs after it.
        static PULLING: Cell<bool> = const { Cell::new(false) };
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
    struct Batch<'a> {
        cursor: u64,
        synced_at: i64,
        clear: bool,
        /// Each change in order: its key, and the change to keep or `None` to delete.
        ops: Vec<(String, Option<String>)>,
        #[serde(skip)]
        name: &'a str,
    }

    pub(super) fn start(replica: Replica, name: String) {
        replica.online.set(navigator_online());
        KEPT.set(Some((replica, name.clone())));
        let on = window_event_listener(leptos::ev::online, move |_| {
            replica.online.set(true);
            pull_soon();
        });
        let off = window_event_listener(leptos::ev::offline, move |_| replica.online.set(false));
        let every = set_interval_with_handle(
            || {
                if !document().hidden() {
                    pull_soon();
                }
            },
            PULL_EVERY,
        );
        on_cleanup(move || {
            on.remove();
            off.remove();
            if let Ok(every) = every {
                every.clear();
            }
            KEPT.set(None);
        });
        // No pull starts before the kept replica is read: it gives the cursor to pull from.
        PULLING.set(true);
        spawn_local(async move {
            load(replica, &name).await;
            PULLING.set(false);
            pull_soon();
        });
    }

    fn navigator_online() -> bool {
        window().navigator().on_line()
    }

    /// Reads what the phone kept, so the screens show the shop before any network answer.
    async fn load(replica: Replica, name: &str) {
        let Ok(kept) = JsFuture::from(load_replica(name)).await else {
            return;
        };
        let Some(kept) = kept
            .as_string()
            .and_then(|json| serde_json::from_str::<Kept>(&json).ok())
        else {
            return;
        };
        let mut shop = ShopReplica::default();
        shop.apply_page(&kept.page);
        SHOP.set(Some(shop));
        replica
            .synced_at
            .set((kept.synced_at > 0).then_some(kept.synced_at));
        replica.revision.update(|r| *r += 1);
    }

    pub(super) fn pull_soon() {
        if PULLING.replace(true) {
            AGAIN.set(true);
            return;
        }
        spawn_local(async {
            loop {
                AGAIN.set(false);
                if let Some((replica, name)) = KEPT.with_borrow(Clone::clone) {
                    pull(replica, &name).await;
                }
                if !AGAIN.get() {
                    break;
                }
            }
            PULLING.set(false);
        });
    }

    /// Pulls every change after the replica's cursor, a page at a time, keeping each page.
    async fn pull(replica: Replica, name: &str) {
        let mut clear = false;
        loop {
            let cursor = SHOP.with_borrow(|shop| shop.as_ref().map_or(0, |s| s.cursor));
            let page = match pull_changes(cursor).await {
                Ok(page) => page,
                // The server no longer knows this cursor (its data was reset): start over.
                Err(AppError::Invalid { field, .. }) if field == "cursor" && !clear => {
                    SHOP.set(None);
                    clear = true;
                    continue;
                }
                Err(AppError::Network { .. }) => return replica.online.set(navigator_online()),
                Err(_) => return,
            };
            replica.online.set(true);
            // Signed out meanwhile: nothing more is kept.
            if KEPT.with_borrow(Option::is_none) {
                return;
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
                name,
            };
            if !save(&batch).await {
                return;
            }
            SHOP.with_borrow_mut(|shop| shop.get_or_insert_default().apply_page(&page));
            replica.revision.update(|r| *r += 1);
            if !page.more {
                replica.synced_at.set(Some(synced_at));
                return;
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
    async fn save(batch: &Batch<'_>) -> bool {
        let Ok(json) = serde_json::to_string(batch) else {
            return false;
        };
        JsFuture::from(save_replica(batch.name, &json))
            .await
            .is_ok()
    }

    pub(super) async fn forget_all() {
        KEPT.set(None);
        SHOP.set(None);
        let _ = JsFuture::from(delete_replicas()).await;
    }
}
