//! The shop as the phone holds it (I2): every record the pull sent, by kind and id, with the
//! cursor of the last change applied. The same code builds it in the browser (wasm) and in the
//! Rust tests, which compare it with what the server's own reads answer.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::AppError;
use super::alert::{AlertRule, AlertView, ProductAlertCount, Rules};
use super::category::Category;
use super::dashboard::StockFigures;
use super::order::{Order, OrderPage, OrderQuery, OrderStatus, OrderSummary};
use super::product::Product;
use super::shop::ShopSettings;
use super::stock::{LedgerLine, RECENT_LINES};
use super::supplier::{LATEST_ORDERS, SuppliedProduct, Supplier, SupplierDetail};
use super::supplier::{SupplierSort, sort_suppliers};
use super::sync::{Change, PullPage, Synced, Tombstone};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShopReplica {
    /// The sequence number of the last change applied (0: nothing yet).
    pub cursor: u64,
    pub products: BTreeMap<String, Product>,
    pub categories: BTreeMap<String, Category>,
    pub suppliers: BTreeMap<String, Supplier>,
    pub orders: BTreeMap<String, Order>,
    pub alerts: BTreeMap<String, AlertView>,
    /// Each product's latest movements, newest first, by product id.
    pub ledgers: BTreeMap<String, Vec<LedgerLine>>,
    pub rules: Vec<AlertRule>,
    pub settings: Option<ShopSettings>,
}

impl ShopReplica {
    /// Applies a page of the pull; applying it twice changes nothing.
    pub fn apply_page(&mut self, page: &PullPage) {
        for change in &page.changes {
            self.apply(change);
        }
        self.cursor = self.cursor.max(page.cursor);
    }

    /// Keeps the record as the change carries it, or drops the one it tombstones.
    pub fn apply(&mut self, change: &Change) {
        match change.record.clone() {
            Synced::Product(p) => _ = self.products.insert(p.id.clone(), p),
            Synced::Category(c) => _ = self.categories.insert(c.id.clone(), c),
            Synced::Supplier(s) => _ = self.suppliers.insert(s.id.clone(), s),
            Synced::PurchaseOrder(o) => _ = self.orders.insert(o.summary.id.clone(), o),
            Synced::Alert(a) => _ = self.alerts.insert(a.id.clone(), a),
            Synced::Ledger(l) => _ = self.ledgers.insert(l.id, l.lines),
            Synced::AlertRules(rules) => self.rules = rules,
            Synced::Settings(settings) => self.settings = Some(settings),
            Synced::Deleted(Tombstone { kind, id }) => self.forget(&kind, &id),
        }
        self.cursor = self.cursor.max(change.seq);
    }

    fn forget(&mut self, kind: &str, id: &str) {
        match kind {
            "product" => _ = self.products.remove(id),
            "category" => _ = self.categories.remove(id),
            "supplier" => _ = self.suppliers.remove(id),
            "purchase_order" => _ = self.orders.remove(id),
            "alert" => _ = self.alerts.remove(id),
            "ledger" => _ = self.ledgers.remove(id),
            _ => {}
        }
    }

    /// A product's latest movements, newest first (its ledger offline).
    pub fn ledger(&self, product_id: &str) -> Vec<LedgerLine> {
        self.ledgers.get(product_id).cloned().unwrap_or_default()
    }

    /// Writes a movement made on the phone at the head of its product's ledger.
    pub fn record_movement(&mut self, product_id: &str, line: LedgerLine) {
        let lines = self.ledgers.entry(product_id.to_owned()).or_default();
        lines.insert(0, line);
        lines.truncate(RECENT_LINES);
    }

    /// The shop's categories by name, as `store::categories::list` gives them.
    /// Each one's product count is the replica's own: a product made or moved offline counts at
    /// once, and the pull does not send a category again when only its products changed.
    pub fn categories(&self) -> Vec<Category> {
        let mut categories: Vec<Category> = self
            .categories
            .values()
            .map(|c| Category {
                product_count: self
                    .products
                    .values()
                    .filter(|p| p.category_id.as_deref() == Some(c.id.as_str()))
                    .count() as u64,
                ..c.clone()
            })
            .collect();
        categories.sort_by_cached_key(|c| c.name.trim().to_lowercase());
        categories
    }

    /// The shop's suppliers, favourites first, in `sort` (by name within), as the server lists
    /// them (`store::suppliers::list`, then `sort_suppliers`).
    pub fn suppliers(&self, sort: SupplierSort) -> Vec<Supplier> {
        let mut suppliers: Vec<Supplier> = self.suppliers.values().cloned().collect();
        suppliers.sort_by_cached_key(|s| s.details.name.to_lowercase());
        sort_suppliers(&mut suppliers, sort);
        suppliers
    }

    /// A supplier's detail (C2, C3) as `store::suppliers::detail` gives it: its reliability
    /// (kept with it), the products it supplies and its latest orders — of those the phone
    /// holds (the open ones and the last 90 days).
    pub fn supplier_detail(&self, id: &str) -> Result<SupplierDetail, AppError> {
        let supplier = self.suppliers.get(id).ok_or(AppError::NotFound)?.clone();
        let mut products: Vec<SuppliedProduct> = supplier
            .product_ids
            .iter()
            .filter_map(|product| self.products.get(product))
            .map(|p| SuppliedProduct {
                id: p.id.clone(),
                name: p.name.clone(),
                unit: p.unit.clone(),
                purchase_price: p.purchase_price,
            })
            .collect();
        products.sort_by_cached_key(|p| p.name.to_lowercase());
        let mut orders: Vec<OrderSummary> = self
            .orders
            .values()
            .filter(|o| o.summary.supplier_id.as_deref() == Some(id))
            .map(|o| o.summary.clone())
            .collect();
        orders.sort_by_cached_key(|o| std::cmp::Reverse(instant(&o.created_at)));
        orders.truncate(LATEST_ORDERS);
        Ok(SupplierDetail {
            reliability: supplier.reliability(),
            supplier,
            products,
            orders,
        })
    }

    /// A page of the shop's orders (Commandes), as the server lists them on `today`.
    pub fn orders(&self, query: &OrderQuery, today: NaiveDate) -> Result<OrderPage, AppError> {
        query.select(self.orders.values().map(|o| &o.summary), today)
    }

    /// The Alertes list (D3): the active alerts, or (`history`) the dismissed and resolved ones,
    /// newest first, 200 at most, as `store::alerts::list` gives them at `now`. What an alert
    /// says of its product is the replica's product as it is now (a sale made offline shows in
    /// the text at once).
    pub fn alerts(&self, history: bool, now: DateTime<Utc>) -> Vec<AlertView> {
        let states: &[&str] = if history {
            &["dismissed", "resolved"]
        } else {
            &["open", "read"]
        };
        let mut alerts: Vec<AlertView> = self
            .alerts
            .values()
            .filter(|a| states.contains(&a.state.as_str()))
            .map(|a| self.as_it_is(a, now))
            .collect();
        alerts.sort_by_cached_key(|a| std::cmp::Reverse(instant(&a.created_at)));
        alerts.truncate(200);
        alerts
    }

    fn as_it_is(&self, alert: &AlertView, now: DateTime<Utc>) -> AlertView {
        let mut alert = alert.clone();
        if let Some(since) = instant(&alert.created_at) {
            alert.age_days = (now - since).num_days().max(0);
        }
        let product = alert
            .product_id
            .as_ref()
            .and_then(|id| self.products.get(id));
        if let Some(product) = product {
            alert.product_name = Some(product.name.clone());
            alert.quantity = Some(product.quantity);
            alert.unit = Some(product.unit.clone());
            alert.min_stock = Some(product.min_stock);
            alert.max_stock = product.max_stock;
            alert.supplier_id = product.supplier_id.clone();
            alert.supplier_name = product.supplier_name.clone();
        }
        alert
    }

    /// The ten products that raised the most alerts this month, most first (D5), from the count
    /// each product carries.
    pub fn top_alert_products(&self) -> Vec<ProductAlertCount> {
        let mut top: Vec<ProductAlertCount> = self
            .products
            .values()
            .filter(|p| p.alert_count > 0)
            .map(|p| ProductAlertCount {
                product_id: p.id.clone(),
                name: p.name.clone(),
                count: p.alert_count,
            })
            .collect();
        top.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        top.truncate(10);
        top
    }

    /// The rules in force: the shop's own, the defaults for the others (D2).
    pub fn alert_rules(&self) -> Vec<AlertRule> {
        Rules::new(self.rules.clone()).in_force()
    }

    /// The share of max stock at or below which its stock is low (the badge and the alert).
    pub fn low_percent(&self) -> i64 {
        Rules::new(self.rules.clone()).low_percent()
    }

    /// The alerts not read yet (the count on the Alertes tab, D3).
    pub fn unread_alerts(&self) -> u64 {
        self.alerts.values().filter(|a| a.state == "open").count() as u64
    }

    /// The Tableau de bord's figures (E1), as `store::dashboard` counts them on the server.
    pub fn stock_figures(&self) -> StockFigures {
        use super::stock::StockStatus;
        let count = |status| {
            self.products
                .values()
                .filter(|p| p.status == status)
                .count() as u64
        };
        let active = || {
            self.orders
                .values()
                .filter(|o| o.summary.status.is_active())
        };
        StockFigures {
            product_count: self.products.len() as u64,
            stock_value: self.products.values().fold(0i64, |sum, p| {
                sum.saturating_add(p.purchase_price.saturating_mul(p.quantity))
            }),
            rupture_count: count(StockStatus::Rupture),
            low_count: count(StockStatus::Low),
            pending_orders: self
                .orders
                .values()
                .filter(|o| o.summary.status == OrderStatus::Pending)
                .count() as u64,
            active_orders: active().count() as u64,
            next_delivery: active().filter_map(|o| o.summary.expected_on.clone()).min(),
            supplier_count: self.suppliers.len() as u64,
        }
    }
}

fn instant(text: &str) -> Option<DateTime<Utc>> {
    chrono::DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|at| at.to_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(seq: u64, id: &str, name: &str) -> Change {
        Change {
            seq,
            record: Synced::Category(Category {
                id: id.into(),
                name: name.into(),
                product_count: 0,
            }),
        }
    }

    fn deleted(seq: u64, kind: &str, id: &str) -> Change {
        Change {
            seq,
            record: Synced::Deleted(Tombstone {
                kind: kind.into(),
                id: id.into(),
            }),
        }
    }

    /// The phone's database keeps the latest change of each key (`replica.js`); read back, it
    /// must give the replica that applying every change gave.
    #[test]
    fn the_kept_records_read_back_as_the_replica_they_came_from() {
        let changes = [
            category(1, "c1", "Boissons"),
            category(2, "c2", "Riz"),
            category(3, "c1", "Boissons fraîches"),
            deleted(4, "category", "c2"),
            category(5, "c3", "Savons"),
        ];
        let mut live = ShopReplica::default();
        let mut kept = BTreeMap::new();
        for change in &changes {
            live.apply(change);
            if change.is_deletion() {
                kept.remove(&change.key());
            } else {
                kept.insert(change.key(), change.clone());
            }
        }
        let mut read_back = ShopReplica::default();
        read_back.apply_page(&PullPage {
            changes: kept.into_values().collect(),
            cursor: live.cursor,
            more: false,
        });
        assert_eq!(read_back, live);
        assert_eq!(live.cursor, 5);
        let names: Vec<_> = live.categories.values().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Boissons fraîches", "Savons"]);
    }

    #[test]
    fn the_phone_keeps_a_ledgers_latest_lines_newest_first() {
        use crate::domain::stock::Movement;
        let mut shop = ShopReplica::default();
        for n in 1..=RECENT_LINES as i64 + 2 {
            let line = Movement::incoming(1, "delivery").line(&format!("t{n}"), n);
            shop.record_movement("p1", line);
        }
        let kept = shop.ledger("p1");
        assert_eq!(kept.len(), RECENT_LINES);
        assert_eq!(
            kept[0].balance_after,
            RECENT_LINES as i64 + 2,
            "newest first"
        );
        assert_eq!(
            kept[RECENT_LINES - 1].balance_after,
            3,
            "the oldest two dropped"
        );
        assert!(shop.ledger("p2").is_empty());
        shop.apply(&deleted(1, "ledger", "p1"));
        assert!(shop.ledger("p1").is_empty());
    }

    #[test]
    fn a_page_applied_twice_changes_nothing() {
        let page = PullPage {
            changes: vec![category(7, "c1", "Riz"), deleted(8, "category", "c9")],
            cursor: 8,
            more: false,
        };
        let mut once = ShopReplica::default();
        once.apply_page(&page);
        let mut twice = once.clone();
        twice.apply_page(&page);
        assert_eq!(once, twice);
    }
}
