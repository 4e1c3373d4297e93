//! The shop as the phone holds it (I2): the signed-in shopkeeper's shop, kept in IndexedDB
//! (`replica.js` beside this file) and in memory, brought up to date by pulling the changes after
//! its cursor: at start, when the network returns, after each write, and every minute while the
//! app is open. The shop's screens read it first ([`Replica::read`]) and render without waiting
//! for the network; before it is loaded (and on the server) they ask the server as before.

use std::future::Future;

use leptos::prelude::*;

use crate::api::alerts::{
    DismissAlert, MarkAlertsRead, SaveAlertRules, alert_rules, list_alerts, top_alert_products,
    unread_alerts,
};
use crate::api::categories::{CreateCategory, DeleteCategory, RenameCategory, list_categories};
use crate::api::dashboard::stock_summary;
use crate::api::orders::{CreateOrder, DeliverOrder, SetOrderStatus, get_order, list_orders};
use crate::api::products::{CreateProduct, DeleteProduct, UpdateProduct, list_products};
use crate::api::shops::{SaveShopSettings, get_shop_settings};
use crate::api::stock::{MoveStock, product_ledger};
use crate::api::suppliers::{
    CreateSupplier, DeleteSupplier, SetFavoriteSupplier, UpdateSupplier, get_supplier,
    list_suppliers,
};
use crate::domain::alert::{AlertRule, AlertView, ProductAlertCount};
use crate::domain::category::Category;
use crate::domain::dashboard::StockFigures;
use crate::domain::order::{Order, OrderPage, OrderQuery};
use crate::domain::outbox::{OfflineWrite, PendingWrite};
use crate::domain::product::{ProductPage, ProductQuery};
use crate::domain::replica::ShopReplica;
use crate::domain::shop::ShopSettings;
use crate::domain::stock::LedgerLine;
use crate::domain::supplier::{Supplier, SupplierDetail, SupplierSort};
use crate::domain::{AppError, Session};
use crate::offline::send;

/// What the screens watch of the replica (provided by the shopkeeper's frame).
#[derive(Clone, Copy)]
pub struct Replica {
    /// Bumped whenever the replica changes: a resource that reads it tracks this.
    pub revision: RwSignal<u64>,
    /// When the last pull ended, in milliseconds since 1970 (`None`: never on this phone).
    pub synced_at: RwSignal<Option<i64>>,
    /// Whether the browser has a network.
    pub online: RwSignal<bool>,
    /// Writes made on the phone that the server has not confirmed yet.
    pub pending: RwSignal<usize>,
    /// Writes the server refused: they wait "À revoir" with its reason.
    pub to_review: RwSignal<Vec<PendingWrite>>,
}

impl Replica {
    /// Provides the replica of `session`'s shop and, in the browser, starts keeping it.
    pub fn provide(session: &Session) {
        let replica = Self {
            revision: RwSignal::new(0),
            synced_at: RwSignal::new(None),
            online: super::network::online(),
            pending: RwSignal::new(0),
            to_review: RwSignal::new(Vec::new()),
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

    /// Whether the phone holds the shop (the screens then answer within a frame).
    pub fn holds_shop() -> bool {
        Self::read(|_| ()).is_some()
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

    /// A page of the shop's orders (Commandes).
    pub async fn orders(query: OrderQuery) -> Result<OrderPage, AppError> {
        let asked = query.clone();
        match Self::read(move |shop| shop.orders(&asked, today())) {
            Some(answer) => answer,
            None => list_orders(query).await,
        }
    }

    /// One order with its lines (the detail of Commandes); one the replica has not pulled yet
    /// (just made by "Recommander") is asked of the server.
    pub async fn order(id: String) -> Result<Order, AppError> {
        let asked = id.clone();
        match Self::read(move |shop| shop.orders.get(&asked).cloned()).flatten() {
            Some(order) => Ok(order),
            None => get_order(id).await,
        }
    }

    /// The Alertes list: the active alerts, or (`history`) the dismissed and resolved ones.
    pub async fn alerts(history: bool) -> Result<Vec<AlertView>, AppError> {
        Self::or_server(
            move |shop| shop.alerts(history, now()),
            move || list_alerts(history),
        )
        .await
    }

    /// The products that raised the most alerts this month (D5).
    pub async fn top_alert_products() -> Result<Vec<ProductAlertCount>, AppError> {
        Self::or_server(ShopReplica::top_alert_products, top_alert_products).await
    }

    /// A product's latest movements, newest first: the phone's, else the server's first page.
    pub async fn ledger(product_id: String) -> Result<Vec<LedgerLine>, AppError> {
        let asked = product_id.clone();
        Self::or_server(
            move |shop| shop.ledger(&asked),
            || product_ledger(product_id, 0),
        )
        .await
    }

    /// The alert rules in force.
    pub async fn alert_rules() -> Result<Vec<AlertRule>, AppError> {
        Self::or_server(ShopReplica::alert_rules, alert_rules).await
    }

    /// The shop's settings (Paramètres).
    pub async fn settings() -> Result<ShopSettings, AppError> {
        match Self::read(|shop| shop.settings.clone()).flatten() {
            Some(settings) => Ok(settings),
            None => get_shop_settings().await,
        }
    }

    /// The alerts not read yet.
    pub async fn unread_alerts() -> Result<u64, AppError> {
        Self::or_server(ShopReplica::unread_alerts, unread_alerts).await
    }

    /// A supplier's detail: reliability, the products it supplies, its latest orders. The
    /// server's when `online` and it answers (a supplier that just registered is "Vérifié" at
    /// once), else the phone's copy: offline, or a supplier made on the phone and not sent yet.
    pub async fn supplier(id: String, online: bool) -> Result<SupplierDetail, AppError> {
        let asked = if online {
            Some(get_supplier(id.clone()).await)
        } else {
            None
        };
        match (asked, Self::read(|shop| shop.supplier_detail(&id))) {
            (Some(Ok(detail)), _) => Ok(detail),
            (_, Some(kept)) => kept,
            (Some(refused), None) => refused,
            (None, None) => get_supplier(id).await,
        }
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

    /// Makes a write that works without the network (I3): checked and applied at once to the
    /// replica by the rules the server applies, kept in the outbox, and pushed when it can be.
    /// Before the replica is loaded (or on the server), it is sent as any other write.
    pub async fn write(write: OfflineWrite) -> Result<(), AppError> {
        #[cfg(feature = "hydrate")]
        if let Some(kept) = browser::record(&write).await {
            return kept;
        }
        send_now(write).await
    }

    /// Drops a refused write from "À revoir".
    pub fn discard(op: String) {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(browser::discard(op));
        #[cfg(not(feature = "hydrate"))]
        let _ = op;
    }

    /// Pushes the writes waiting now, and waits until they are sent or the server cannot be
    /// reached: a call only the server answers about a record made on the phone (its photo, a
    /// "Recommander") then finds it there.
    pub async fn settled() {
        #[cfg(feature = "hydrate")]
        browser::settle().await;
    }

    /// Asks for a sync soon: the outbox is pushed, then the changes pulled (after a write, the
    /// change comes back with its effects).
    pub fn sync_soon() {
        #[cfg(feature = "hydrate")]
        browser::sync_soon();
    }

    /// Deletes every replica kept on this phone (at logout).
    pub async fn forget_all() {
        #[cfg(feature = "hydrate")]
        browser::forget_all().await;
    }
}

/// The phone's clock.
fn now() -> chrono::DateTime<chrono::Utc> {
    #[cfg(feature = "hydrate")]
    return chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    #[cfg(not(feature = "hydrate"))]
    chrono::Utc::now()
}

/// The phone's day (UTC, as the server counts "this month").
fn today() -> chrono::NaiveDate {
    now().date_naive()
}

/// The write sent at once, as a server function call.
async fn send_now(write: OfflineWrite) -> Result<(), AppError> {
    match write {
        OfflineWrite::Movement(input) => send(|op| MoveStock { op, input }).await.map(|_| ()),
        OfflineWrite::ProductCreate { id, input } => {
            let id = Some(id);
            send(|op| CreateProduct { op, input, id }).await.map(|_| ())
        }
        OfflineWrite::ProductEdit { id, input } => {
            send(|op| UpdateProduct { op, id, input }).await.map(|_| ())
        }
        OfflineWrite::ProductDelete { id } => send(|op| DeleteProduct { op, id }).await,
        OfflineWrite::CategoryCreate { id, name } => {
            let id = Some(id);
            send(|op| CreateCategory { op, name, id }).await.map(|_| ())
        }
        OfflineWrite::CategoryRename { id, name } => {
            send(|op| RenameCategory { op, id, name }).await.map(|_| ())
        }
        OfflineWrite::CategoryDelete { id } => send(|op| DeleteCategory { op, id }).await,
        OfflineWrite::SupplierCreate { id, input } => {
            let id = Some(id);
            send(|op| CreateSupplier { op, input, id })
                .await
                .map(|_| ())
        }
        OfflineWrite::SupplierEdit { id, input } => send(|op| UpdateSupplier { op, id, input })
            .await
            .map(|_| ()),
        OfflineWrite::SupplierDelete { id } => send(|op| DeleteSupplier { op, id }).await,
        OfflineWrite::FileSettings {
            csv_separator,
            date_format,
        } => {
            let call = |op| SaveShopSettings {
                op,
                csv_separator,
                date_format,
            };
            send(call).await
        }
        OfflineWrite::SupplierFavorite { id, favorite } => {
            let call = |op| SetFavoriteSupplier { op, id, favorite };
            send(call).await.map(|_| ())
        }
        OfflineWrite::OrderCreate { id, input } => {
            let id = Some(id);
            send(|op| CreateOrder { op, input, id }).await.map(|_| ())
        }
        OfflineWrite::OrderStatus { id, status } => send(|op| SetOrderStatus { op, id, status })
            .await
            .map(|_| ()),
        OfflineWrite::Delivery { id, received } => send(|op| DeliverOrder { op, id, received })
            .await
            .map(|_| ()),
        OfflineWrite::AlertsRead { id } => send(|op| MarkAlertsRead { op, id }).await.map(|_| ()),
        OfflineWrite::AlertDismissed { id } => send(|op| DismissAlert { op, id }).await.map(|_| ()),
        OfflineWrite::AlertRules { rules } => {
            send(|op| SaveAlertRules { op, rules }).await.map(|_| ())
        }
    }
}

#[cfg(feature = "hydrate")]
mod browser;
