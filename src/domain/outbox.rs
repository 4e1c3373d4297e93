//! Writes made on the phone that the server has not confirmed yet (I3): kept in the phone's
//! outbox, applied at once to its replica with the same rules the server applies, pushed in
//! order when the network is there. A write the server refuses is kept "À revoir" with its
//! reason, and no longer applied.

use serde::{Deserialize, Serialize};

use super::AppError;
use super::RecordKey;
use super::alert::{AlertRule, RuleSet};
use super::category::{self, Category};
use super::csv::{DateFormat, Separator};
use super::order::{
    Order, OrderDraft, OrderInput, OrderLine, OrderStatus, OrderSummary, ReceivedLine,
};
use super::product::{Product, ProductDraft, ProductInput};
use super::replica::ShopReplica;
use super::stock::{Movement, MovementInput, MovementKind, StockStatus};
use super::supplier::{Supplier, SupplierDraft, SupplierInput};

/// A write the phone can make without the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "input", rename_all = "snake_case")]
pub enum OfflineWrite {
    /// A stock movement (B4): `POST /api/stock/move`.
    Movement(MovementInput),
    /// A new product (B1), under the key the phone made for it, with its opening stock:
    /// `POST /api/products/create`. "Dupliquer" is one too.
    ProductCreate { id: String, input: ProductInput },
    /// A product's edit (B1: everything but the quantity): `POST /api/products/update`.
    ProductEdit { id: String, input: ProductInput },
    /// A product deleted with its movements (B1): `POST /api/products/delete`.
    ProductDelete { id: String },
    /// A new category under the phone's key (B2): `POST /api/categories/create`.
    CategoryCreate { id: String, name: String },
    /// `POST /api/categories/rename`.
    CategoryRename { id: String, name: String },
    /// A category deleted; its products become "Sans catégorie": `POST /api/categories/delete`.
    CategoryDelete { id: String },
    /// A new manual supplier under the phone's key (C1): `POST /api/suppliers/create`.
    SupplierCreate { id: String, input: SupplierInput },
    /// `POST /api/suppliers/update`.
    SupplierEdit { id: String, input: SupplierInput },
    /// A supplier deleted; its products lose it, its orders keep its name (and stop recurring):
    /// `POST /api/suppliers/delete`.
    SupplierDelete { id: String },
    /// Pinned on top, or not: `POST /api/suppliers/favorite`.
    SupplierFavorite { id: String, favorite: bool },
    /// How the shop's CSV files are written (E6): `POST /api/shops/save_settings`.
    FileSettings {
        csv_separator: Separator,
        date_format: DateFormat,
    },
    /// A new order to a manual supplier under the phone's key (C4): `POST /api/orders/create`. Its
    /// number is the phone's guess (the next one it knows); the server's comes with the pull.
    OrderCreate { id: String, input: OrderInput },
    /// An order confirmed, shipped or cancelled by the shopkeeper (C5): `POST /api/orders/status`.
    OrderStatus { id: String, status: OrderStatus },
    /// "Marquer livrée" (C6, I4): `POST /api/orders/deliver`.
    Delivery {
        id: String,
        received: Vec<ReceivedLine>,
    },
    /// One alert marked read, or every open one (`id` null): `POST /api/alerts/read`.
    AlertsRead { id: Option<String> },
    /// An alert dismissed (D3): `POST /api/alerts/dismiss`.
    AlertDismissed { id: String },
    /// The shop's alert rules, replacing the ones it had (D2): `POST /api/alerts/save_rules`.
    AlertRules { rules: Vec<AlertRule> },
}

impl OfflineWrite {
    /// The server function that applies it.
    pub fn endpoint(&self) -> &'static str {
        match self {
            Self::Movement(_) => "/api/stock/move",
            Self::ProductCreate { .. } => "/api/products/create",
            Self::ProductEdit { .. } => "/api/products/update",
            Self::ProductDelete { .. } => "/api/products/delete",
            Self::CategoryCreate { .. } => "/api/categories/create",
            Self::CategoryRename { .. } => "/api/categories/rename",
            Self::CategoryDelete { .. } => "/api/categories/delete",
            Self::SupplierCreate { .. } => "/api/suppliers/create",
            Self::SupplierEdit { .. } => "/api/suppliers/update",
            Self::SupplierDelete { .. } => "/api/suppliers/delete",
            Self::SupplierFavorite { .. } => "/api/suppliers/favorite",
            Self::FileSettings { .. } => "/api/shops/save_settings",
            Self::OrderCreate { .. } => "/api/orders/create",
            Self::OrderStatus { .. } => "/api/orders/status",
            Self::Delivery { .. } => "/api/orders/deliver",
            Self::AlertsRead { .. } => "/api/alerts/read",
            Self::AlertDismissed { .. } => "/api/alerts/dismiss",
            Self::AlertRules { .. } => "/api/alerts/save_rules",
        }
    }

    /// The body of its call, with the operation id that makes a replay harmless: the write's
    /// own fields are the server function's arguments.
    pub fn body(&self, op: &str) -> serde_json::Value {
        let mut body = match self {
            Self::Movement(input) => serde_json::json!({ "input": input }),
            _ => serde_json::to_value(self)
                .ok()
                .and_then(|mut tagged| tagged.get_mut("input").map(serde_json::Value::take))
                .unwrap_or_default(),
        };
        body["op"] = op.into();
        body
    }

    /// Applies it to the replica as the server will at `at` (RFC 3339, when it was made), or
    /// says why the server would refuse it; a refused write changes nothing.
    pub fn apply(&self, shop: &mut ShopReplica, at: &str) -> Result<(), AppError> {
        match self {
            Self::Movement(input) => move_stock(shop, input, at),
            Self::ProductCreate { id, input } => create_product(shop, id, input, at),
            Self::ProductEdit { id, input } => {
                let draft = ProductDraft::parse(input)?;
                let kept = shop.products.get(id).ok_or(AppError::NotFound)?.clone();
                save_product(shop, kept, draft)
            }
            Self::ProductDelete { id } => {
                shop.products.remove(id).ok_or(AppError::NotFound)?;
                shop.ledgers.remove(id);
                Ok(())
            }
            Self::CategoryCreate { id, name } => {
                let id = new_key(id, shop.categories.keys())?;
                let name = category_name(shop, &id, name)?;
                let category = Category {
                    id: id.clone(),
                    name,
                    product_count: 0,
                };
                shop.categories.insert(id, category);
                Ok(())
            }
            Self::CategoryRename { id, name } => rename_category(shop, id, name),
            Self::CategoryDelete { id } => delete_category(shop, id),
            Self::SupplierCreate { id, input } => {
                let id = new_key(id, shop.suppliers.keys())?;
                let details = SupplierInput::from(SupplierDraft::parse(input)?);
                shop.suppliers
                    .insert(id.clone(), Supplier::new(id, details));
                Ok(())
            }
            Self::SupplierEdit { id, input } => edit_supplier(shop, id, input),
            Self::SupplierDelete { id } => delete_supplier(shop, id),
            Self::SupplierFavorite { id, favorite } => {
                shop.suppliers
                    .get_mut(id)
                    .ok_or(AppError::NotFound)?
                    .favorite = *favorite;
                Ok(())
            }
            Self::FileSettings {
                csv_separator,
                date_format,
            } => {
                let settings = shop.settings.as_mut().ok_or(AppError::NotFound)?;
                (settings.csv_separator, settings.date_format) = (*csv_separator, *date_format);
                Ok(())
            }
            Self::OrderCreate { id, input } => create_order(shop, id, input, at),
            Self::OrderStatus { id, status } => order(shop, id)?.move_to(*status, at),
            Self::Delivery { id, received } => deliver(shop, id, received, at),
            Self::AlertsRead { id } => read_alerts(shop, id.as_deref()),
            Self::AlertDismissed { id } => {
                let alert = shop.alerts.get_mut(id).ok_or(AppError::NotFound)?;
                if alert.state == "open" || alert.state == "read" {
                    alert.state = "dismissed".into();
                }
                Ok(())
            }
            Self::AlertRules { rules } => {
                shop.rules = RuleSet::parse(rules.clone())?.as_slice().to_vec();
                // The "stock bas" share decides the badges too (as the server redoes them).
                let low_percent = shop.low_percent();
                for product in shop.products.values_mut() {
                    let quantity = product.quantity;
                    set_quantity(product, quantity, low_percent);
                }
                Ok(())
            }
        }
    }
}

fn move_stock(shop: &mut ShopReplica, input: &MovementInput, at: &str) -> Result<(), AppError> {
    let movement = Movement::parse(input.kind, input.quantity, &input.reason, &input.note)?;
    let low_percent = shop.low_percent();
    let product = shop
        .products
        .get_mut(&input.product_id)
        .ok_or(AppError::NotFound)?;
    let balance = movement.apply(product.quantity)?;
    set_quantity(product, balance, low_percent);
    shop.record_movement(&input.product_id, movement.line(at, balance));
    Ok(())
}

/// The quantity and the status it gives under the shop's "stock bas" share.
fn set_quantity(product: &mut Product, quantity: i64, low_percent: i64) {
    product.quantity = quantity;
    product.status = StockStatus::of(quantity, product.min_stock, product.max_stock, low_percent);
}

/// Renamed; its products show the new name.
fn rename_category(shop: &mut ShopReplica, id: &str, name: &str) -> Result<(), AppError> {
    let name = category_name(shop, id, name)?;
    shop.categories.get_mut(id).ok_or(AppError::NotFound)?.name = name.clone();
    for product in products_where(shop, |p| p.category_id.as_deref() == Some(id)) {
        product.category_name = Some(name.clone());
    }
    Ok(())
}

/// Deleted; its products become "Sans catégorie".
fn delete_category(shop: &mut ShopReplica, id: &str) -> Result<(), AppError> {
    shop.categories.remove(id).ok_or(AppError::NotFound)?;
    for product in products_where(shop, |p| p.category_id.as_deref() == Some(id)) {
        (product.category_id, product.category_name) = (None, None);
    }
    Ok(())
}

/// Edited; its products show its new name.
fn edit_supplier(shop: &mut ShopReplica, id: &str, input: &SupplierInput) -> Result<(), AppError> {
    let details = SupplierInput::from(SupplierDraft::parse(input)?);
    let name = details.name.clone();
    shop.suppliers
        .get_mut(id)
        .ok_or(AppError::NotFound)?
        .details = details;
    for product in products_where(shop, |p| p.supplier_id.as_deref() == Some(id)) {
        product.supplier_name = Some(name.clone());
    }
    Ok(())
}

/// Deleted; its products lose it, its orders keep its name and stop recurring.
fn delete_supplier(shop: &mut ShopReplica, id: &str) -> Result<(), AppError> {
    shop.suppliers.remove(id).ok_or(AppError::NotFound)?;
    for product in products_where(shop, |p| p.supplier_id.as_deref() == Some(id)) {
        (product.supplier_id, product.supplier_name) = (None, None);
    }
    for order in shop.orders.values_mut() {
        let summary = &mut order.summary;
        if summary.supplier_id.as_deref() == Some(id) {
            summary.supplier_id = None;
            (summary.recurrence, summary.next_run) = (None, None);
        }
    }
    Ok(())
}

fn products_where(
    shop: &mut ShopReplica,
    shows: impl Fn(&Product) -> bool,
) -> impl Iterator<Item = &mut Product> {
    shop.products.values_mut().filter(move |p| shows(p))
}

/// A new manual order as `POST /api/orders/create` makes it: pending, each line at the
/// product's name and unit, numbered after the shop's last order.
fn create_order(
    shop: &mut ShopReplica,
    id: &str,
    input: &OrderInput,
    at: &str,
) -> Result<(), AppError> {
    let id = new_key(id, shop.orders.keys())?;
    let draft = OrderDraft::parse(input)?;
    let supplier = shop
        .suppliers
        .get(draft.supplier_id.as_str())
        .ok_or(AppError::NotFound)?;
    let lines = draft
        .lines
        .iter()
        .enumerate()
        .map(|(position, line)| {
            let product = shop
                .products
                .get(&line.product_id)
                .ok_or_else(|| AppError::invalid("lines", "error.order.unknown_product"))?;
            Ok(OrderLine {
                id: format!("{id}-{position}"),
                product_id: Some(product.id.clone()),
                name: product.name.clone(),
                unit: product.unit.clone(),
                quantity: line.quantity,
                unit_price: line.unit_price,
                received: None,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let number = shop
        .orders
        .values()
        .map(|o| o.summary.number)
        .max()
        .unwrap_or(0)
        + 1;
    let order = Order {
        summary: OrderSummary {
            id: id.clone(),
            number,
            supplier_id: Some(supplier.id.clone()),
            supplier_name: supplier.details.name.clone(),
            status: OrderStatus::Pending,
            is_connected: false,
            total: draft.total,
            received_total: None,
            line_count: lines.len() as i64,
            created_at: at.to_owned(),
            expected_on: draft.expected_on,
            delivered_at: None,
            recurrence: None,
            next_run: None,
            rating: None,
        },
        lines,
        note: draft.note,
        confirmed_at: None,
        shipped_at: None,
        cancelled_at: None,
        supplier_phone: Some(supplier.details.phone.clone()),
        supplier_whatsapp: Some(supplier.details.whatsapp.clone()),
        source_number: None,
        attachment: None,
        refusal_reason: None,
        rating_comment: None,
        vendor_profile_id: None,
    };
    shop.orders.insert(id, order);
    Ok(())
}

/// "Marquer livrée": the order records what arrived, and the units are in stock at once (I4).
fn deliver(
    shop: &mut ShopReplica,
    id: &str,
    received: &[ReceivedLine],
    at: &str,
) -> Result<(), AppError> {
    let mut delivered = order(shop, id)?.clone();
    let low_percent = shop.low_percent();
    for line in delivered.deliver(received, at)? {
        if let Some(product) = shop.products.get_mut(&line.product_id) {
            let balance = product.quantity.saturating_add(line.quantity);
            set_quantity(product, balance, low_percent);
            let movement = Movement::incoming(line.quantity, "delivery");
            shop.record_movement(&line.product_id, movement.line(at, balance));
        }
    }
    // Its supplier's reliability counts it at once, as the server's figures will.
    let supplier = delivered.summary.supplier_id.as_deref();
    if let Some(supplier) = supplier.and_then(|s| shop.suppliers.get_mut(s)) {
        supplier.deliveries.count(&delivered, at);
    }
    shop.orders.insert(id.to_owned(), delivered);
    Ok(())
}

/// One alert read, or (`None`) every open one; a read or closed alert stays as it is.
fn read_alerts(shop: &mut ShopReplica, id: Option<&str>) -> Result<(), AppError> {
    if id.is_some_and(|id| !shop.alerts.contains_key(id)) {
        return Err(AppError::NotFound);
    }
    let open = shop
        .alerts
        .values_mut()
        .filter(|a| a.state == "open" && id.is_none_or(|id| a.id == id));
    for alert in open {
        alert.state = "read".into();
    }
    Ok(())
}

fn order<'a>(shop: &'a mut ShopReplica, id: &str) -> Result<&'a mut Order, AppError> {
    shop.orders.get_mut(id).ok_or(AppError::NotFound)
}

/// The key the phone made for a new record, unless it is malformed or taken (never overwrite).
fn new_key<'a>(id: &str, mut taken: impl Iterator<Item = &'a String>) -> Result<String, AppError> {
    let id = RecordKey::parse("id", id)?;
    if taken.any(|other| other == id.as_str()) {
        return Err(AppError::conflict("id", "error.id.taken"));
    }
    Ok(id.into())
}

/// A category's name, unless another category of the shop has it (any case).
fn category_name(shop: &ShopReplica, id: &str, raw: &str) -> Result<String, AppError> {
    let name = category::name(raw)?;
    let key = category::name_key(&name);
    let taken = shop
        .categories
        .values()
        .any(|c| c.id != id && category::name_key(&c.name) == key);
    if taken {
        return Err(AppError::conflict("name", "error.category.taken"));
    }
    Ok(name)
}

/// A new product as `POST /api/products/create` makes it: its opening stock, no photo yet.
fn create_product(
    shop: &mut ShopReplica,
    id: &str,
    input: &ProductInput,
    at: &str,
) -> Result<(), AppError> {
    let id = new_key(id, shop.products.keys())?;
    let draft = ProductDraft::parse(input)?;
    let new = Product {
        id: id.clone(),
        created_at: at.to_owned(),
        ..Product::from_draft(draft.clone(), shop.low_percent())
    };
    let opening = new.quantity;
    save_product(shop, new, draft)?;
    if opening > 0 {
        let movement = Movement::incoming(opening, "opening");
        shop.record_movement(&id, movement.line(at, opening));
    }
    Ok(())
}

/// The product as the server saves it from the form (`create` and `update`): the form's rules,
/// a category and a supplier of the shop, a SKU no other product has (any case). `kept` gives
/// what the form does not change: the id, the quantity (only movements change it), when it was
/// made, its photo and its alerts.
fn save_product(
    shop: &mut ShopReplica,
    kept: Product,
    draft: ProductDraft,
) -> Result<(), AppError> {
    let category_name = draft
        .category_id
        .as_ref()
        .map(|id| match shop.categories.get(id.as_str()) {
            Some(category) => Ok(category.name.clone()),
            None => Err(AppError::invalid("category_id", "error.category.unknown")),
        })
        .transpose()?;
    let supplier_name = draft
        .supplier_id
        .as_ref()
        .map(|id| match shop.suppliers.get(id.as_str()) {
            Some(supplier) => Ok(supplier.details.name.clone()),
            None => Err(AppError::invalid("supplier_id", "error.supplier.unknown")),
        })
        .transpose()?;
    if let Some(sku) = &draft.sku {
        let taken = shop.products.values().any(|p| {
            p.id != kept.id
                && p.sku
                    .as_ref()
                    .is_some_and(|other| other.to_lowercase() == sku.to_lowercase())
        });
        if taken {
            return Err(AppError::conflict("sku", "error.sku.taken"));
        }
    }
    let low_percent = shop.low_percent();
    let mut product = Product {
        id: kept.id,
        created_at: kept.created_at,
        photo: kept.photo,
        alert_count: kept.alert_count,
        category_name,
        supplier_name,
        ..Product::from_draft(draft, low_percent)
    };
    set_quantity(&mut product, kept.quantity, low_percent);
    shop.products.insert(product.id.clone(), product);
    Ok(())
}

/// A write in the outbox, in the order it was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingWrite {
    /// Its operation id: the server applies it once, however often it is pushed.
    pub op: String,
    /// When it was made (milliseconds since 1970): the outbox is pushed in this order.
    pub made_at: i64,
    pub write: OfflineWrite,
    /// The server's refusal: the write waits "À revoir" and is no longer applied.
    #[serde(default)]
    pub refused: Option<AppError>,
    /// The server applied it. It stays applied over the replica until a pull that began after
    /// brings its effect back: a product made offline never vanishes from the screens between
    /// its push and that pull (the network may go in between, the app may be reopened).
    #[serde(default)]
    pub sent: bool,
}

impl PendingWrite {
    /// Still to be sent: neither sent nor refused.
    pub fn waits(&self) -> bool {
        self.refused.is_none() && !self.sent
    }

    /// Where the outbox keeps it: sorting the keys gives the order the writes were made in.
    pub fn key(&self) -> String {
        format!("{:015}-{}", self.made_at.max(0), self.op)
    }

    /// When it was made, as the server writes instants (RFC 3339, UTC).
    pub fn made_at_text(&self) -> String {
        chrono::DateTime::from_timestamp_millis(self.made_at)
            .unwrap_or_default()
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }

    /// A sale the server refused because the stock was short.
    pub fn is_short_sale(&self) -> bool {
        let short = self
            .refused
            .as_ref()
            .is_some_and(|e| e.message_key() == "error.stock.insufficient");
        matches!(&self.write, OfflineWrite::Movement(sale) if sale.kind == MovementKind::Out)
            && short
    }

    /// Applies it to the replica (see [`OfflineWrite::apply`]).
    pub fn apply(&self, shop: &mut ShopReplica) -> Result<(), AppError> {
        self.write.apply(shop, &self.made_at_text())
    }

    /// For a sale refused because the stock was short (another phone sold the units first), the
    /// way out besides setting it aside: what is left of the product leaves the stock as a
    /// correction. The goods are gone; the shop held fewer than the phone counted.
    pub fn correction(&self, shop: &ShopReplica) -> Option<OfflineWrite> {
        let OfflineWrite::Movement(sale) = &self.write else {
            return None;
        };
        let left = shop.products.get(&sale.product_id)?.quantity;
        (self.is_short_sale() && left > 0).then(|| {
            OfflineWrite::Movement(MovementInput {
                quantity: left,
                reason: "correction".into(),
                ..sale.clone()
            })
        })
    }
}

/// What the screens show: the server's records with the writes still waiting applied over them
/// (a refused write is not; one that no longer applies is skipped, its push will say why).
pub fn with_pending(base: &ShopReplica, pending: &[PendingWrite]) -> ShopReplica {
    let mut shop = base.clone();
    for write in pending.iter().filter(|p| p.refused.is_none()) {
        let _ = write.apply(&mut shop);
    }
    shop
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::alert::{AlertKind, AlertView};
    use crate::domain::product::Product;

    const AT: &str = "2026-12-06T10:00:00.000Z";

    fn rice(quantity: i64) -> ShopReplica {
        let mut shop = ShopReplica::default();
        let product = Product {
            id: "p1".into(),
            name: "Riz".into(),
            sku: None,
            category_id: None,
            category_name: None,
            supplier_id: None,
            supplier_name: None,
            unit: "sac".into(),
            quantity,
            min_stock: 2,
            max_stock: None,
            purchase_price: 100,
            sale_price: 150,
            notes: String::new(),
            status: StockStatus::of(quantity, 2, None, 20),
            created_at: String::new(),
            photo: None,
            alert_count: 0,
        };
        shop.products.insert("p1".into(), product);
        shop
    }

    fn sale(op: &str, quantity: i64) -> PendingWrite {
        PendingWrite {
            op: op.into(),
            made_at: 1,
            write: OfflineWrite::Movement(MovementInput {
                product_id: "p1".into(),
                kind: MovementKind::Out,
                quantity,
                reason: "sale".into(),
                note: String::new(),
            }),
            refused: None,
            sent: false,
        }
    }

    #[test]
    fn a_sale_made_offline_lowers_the_stock_and_its_status_at_once() {
        let mut shop = rice(5);
        sale("a", 3).apply(&mut shop).unwrap();
        assert_eq!(shop.products["p1"].quantity, 2);
        assert_eq!(shop.products["p1"].status, StockStatus::Low);
    }

    #[test]
    fn the_phone_refuses_what_the_server_would() {
        let mut shop = rice(2);
        let refusal = sale("a", 3).apply(&mut shop);
        assert_eq!(
            refusal,
            Err(AppError::invalid("quantity", "error.stock.insufficient"))
        );
        assert_eq!(shop.products["p1"].quantity, 2, "nothing changed");
        let mut unknown = sale("b", 1);
        if let OfflineWrite::Movement(input) = &mut unknown.write {
            input.product_id = "gone".into();
        }
        assert_eq!(unknown.apply(&mut shop), Err(AppError::NotFound));
    }

    #[test]
    fn the_screens_show_the_server_state_with_the_waiting_writes_over_it() {
        let base = rice(10);
        let mut refused = sale("c", 1);
        refused.refused = Some(AppError::invalid("quantity", "error.stock.insufficient"));
        let pending = [sale("a", 3), sale("b", 2), refused];
        assert_eq!(with_pending(&base, &pending).products["p1"].quantity, 5);
        assert_eq!(
            base.products["p1"].quantity, 10,
            "the server's records stay apart"
        );
    }

    fn edit(name: &str, sku: &str, min_stock: i64) -> OfflineWrite {
        OfflineWrite::ProductEdit {
            id: "p1".into(),
            input: ProductInput {
                name: name.into(),
                sku: sku.into(),
                unit: "sac".into(),
                quantity: 10,
                min_stock,
                purchase_price: 120,
                sale_price: 175,
                ..ProductInput::default()
            },
        }
    }

    #[test]
    fn an_edit_made_offline_changes_the_product_but_never_its_quantity() {
        let mut shop = rice(3);
        edit("Riz brisé", "RB-25", 5).apply(&mut shop, AT).unwrap();
        let rice = &shop.products["p1"];
        assert_eq!(
            (rice.name.as_str(), rice.sku.as_deref()),
            ("Riz brisé", Some("RB-25"))
        );
        assert_eq!((rice.quantity, rice.sale_price), (3, 175));
        assert_eq!(
            rice.status,
            StockStatus::Low,
            "3 is at or under the new minimum of 5"
        );
    }

    #[test]
    fn an_edit_the_server_would_refuse_is_refused_on_the_phone() {
        let mut shop = rice(3);
        let mut other = shop.products["p1"].clone();
        other.id = "p2".into();
        other.sku = Some("HD-1".into());
        shop.products.insert("p2".into(), other);
        assert_eq!(
            edit("Riz", "hd-1", 1).apply(&mut shop, AT),
            Err(AppError::conflict("sku", "error.sku.taken"))
        );
        assert_eq!(
            edit(" ", "", 1).apply(&mut shop, AT),
            Err(AppError::invalid("name", "error.field.required"))
        );
        let mut unknown = edit("Riz", "", 1);
        if let OfflineWrite::ProductEdit { input, .. } = &mut unknown {
            input.category_id = "c404".into();
        }
        assert_eq!(
            unknown.apply(&mut shop, AT),
            Err(AppError::invalid("category_id", "error.category.unknown"))
        );
        assert_eq!(shop.products["p1"].name, "Riz", "nothing changed");
    }

    /// The outbox is kept as JSON on the phone: a write must read back as it was written.
    #[test]
    fn a_kept_write_reads_back_as_it_was() {
        let mut write = sale("a", 3);
        write.refused = Some(AppError::invalid("quantity", "error.stock.insufficient"));
        let json = serde_json::to_string(&write).unwrap();
        assert_eq!(serde_json::from_str::<PendingWrite>(&json).unwrap(), write);
    }

    #[test]
    fn the_outbox_keys_sort_in_the_order_the_writes_were_made() {
        let mut early = sale("zzz", 1);
        early.made_at = 9;
        let mut late = sale("aaa", 1);
        late.made_at = 10;
        assert!(early.key() < late.key());
        assert_eq!(
            early.write.body("zzz")["input"]["reason"],
            serde_json::json!("sale")
        );
    }

    /// Rice (5 in stock) and a manual order of 10 rice at 100 plus a line whose product is gone.
    fn with_order(status: &str, connected: bool) -> ShopReplica {
        let mut shop = rice(5);
        let order: Order = serde_json::from_value(serde_json::json!({
            "id": "o1", "number": 1, "supplier_id": "s1", "supplier_name": "Moussa",
            "status": status, "is_connected": connected, "total": 10_500, "received_total": null,
            "line_count": 2, "created_at": "2026-12-01T08:00:00Z", "expected_on": null,
            "delivered_at": null, "recurrence": null, "next_run": null,
            "lines": [
                { "id": "l1", "product_id": "p1", "name": "Riz", "unit": "sac", "quantity": 10,
                  "unit_price": 100, "received": null },
                { "id": "l2", "product_id": null, "name": "Huile", "unit": "bidon", "quantity": 1,
                  "unit_price": 500, "received": null }
            ],
            "note": "", "confirmed_at": null, "shipped_at": null, "cancelled_at": null,
            "supplier_phone": null, "supplier_whatsapp": null, "source_number": null,
            "attachment": null
        }))
        .unwrap();
        shop.orders.insert("o1".into(), order);
        shop
    }

    fn delivery(quantity: i64) -> OfflineWrite {
        OfflineWrite::Delivery {
            id: "o1".into(),
            received: vec![ReceivedLine {
                product_id: "p1".into(),
                quantity,
            }],
        }
    }

    #[test]
    fn a_delivery_made_offline_raises_the_stock_at_once() {
        let mut shop = with_order("shipped", false);
        delivery(8).apply(&mut shop, AT).unwrap();
        assert_eq!(shop.products["p1"].quantity, 13);
        assert_eq!(shop.products["p1"].status, StockStatus::Normal);
        let order = &shop.orders["o1"];
        assert_eq!(order.summary.status, OrderStatus::Delivered);
        assert_eq!(order.summary.delivered_at.as_deref(), Some(AT));
        assert_eq!(order.summary.received_total, Some(800));
        let received: Vec<_> = order.lines.iter().map(|l| l.received).collect();
        assert_eq!(
            received,
            [Some(8), Some(0)],
            "a line without product gets 0"
        );
    }

    #[test]
    fn a_delivery_the_server_would_refuse_changes_nothing() {
        for (status, connected, quantity, refusal) in [
            (
                "delivered",
                false,
                8,
                AppError::invalid("status", "error.order.transition"),
            ),
            (
                "shipped",
                true,
                8,
                AppError::invalid("status", "error.order.transition"),
            ),
            (
                "cancelled",
                false,
                8,
                AppError::invalid("status", "error.order.transition"),
            ),
            (
                "pending",
                false,
                0,
                AppError::invalid("received", "error.order.nothing_received"),
            ),
            (
                "pending",
                false,
                -1,
                AppError::invalid("received", "error.order.received_quantity"),
            ),
        ] {
            let mut shop = with_order(status, connected);
            let before = shop.clone();
            assert_eq!(
                delivery(quantity).apply(&mut shop, AT),
                Err(refusal),
                "{status}"
            );
            assert_eq!(shop, before, "{status}: nothing changed");
        }
        let mut shop = rice(5);
        assert_eq!(delivery(1).apply(&mut shop, AT), Err(AppError::NotFound));
    }

    #[test]
    fn an_order_moves_as_the_shopkeeper_may_move_it() {
        let mut shop = with_order("pending", false);
        let to = |status| OfflineWrite::OrderStatus {
            id: "o1".into(),
            status,
        };
        to(OrderStatus::Shipped).apply(&mut shop, AT).unwrap();
        let order = &shop.orders["o1"];
        assert_eq!(order.summary.status, OrderStatus::Shipped);
        assert_eq!(order.shipped_at.as_deref(), Some(AT));
        let transition = Err(AppError::invalid("status", "error.order.transition"));
        assert_eq!(
            to(OrderStatus::Confirmed).apply(&mut shop, AT),
            transition,
            "no step back"
        );
        assert_eq!(
            to(OrderStatus::Delivered).apply(&mut shop, AT),
            transition,
            "delivery has its form"
        );
        to(OrderStatus::Cancelled).apply(&mut shop, AT).unwrap();
        assert_eq!(shop.orders["o1"].cancelled_at.as_deref(), Some(AT));
        let mut connected = with_order("confirmed", true);
        assert_eq!(
            to(OrderStatus::Cancelled).apply(&mut connected, AT),
            transition,
            "the supplier's steps"
        );
    }

    fn alert(id: &str, state: &str) -> AlertView {
        serde_json::from_value(serde_json::json!({
            "id": id, "kind": AlertKind::Low, "severity": AlertKind::Low.severity(), "state": state,
            "created_at": "2026-12-01T08:00:00Z", "age_days": 0, "product_id": "p1",
            "product_name": "Riz", "quantity": 5, "unit": "sac", "min_stock": 2, "max_stock": null,
            "supplier_id": null, "supplier_name": null, "sold_last_30_days": 0, "order_id": null,
            "order_number": null, "order_supplier": null, "expected_on": null
        }))
        .unwrap()
    }

    #[test]
    fn alerts_are_read_and_dismissed_on_the_phone_as_on_the_server() {
        let mut shop = rice(5);
        for (id, state) in [("a1", "open"), ("a2", "open"), ("a3", "resolved")] {
            shop.alerts.insert(id.into(), alert(id, state));
        }
        let state = |shop: &ShopReplica, id: &str| shop.alerts[id].state.clone();
        OfflineWrite::AlertsRead {
            id: Some("a1".into()),
        }
        .apply(&mut shop, AT)
        .unwrap();
        assert_eq!(
            (state(&shop, "a1"), state(&shop, "a2")),
            ("read".into(), "open".into())
        );
        OfflineWrite::AlertsRead { id: None }
            .apply(&mut shop, AT)
            .unwrap();
        assert_eq!(state(&shop, "a2"), "read");
        OfflineWrite::AlertDismissed { id: "a1".into() }
            .apply(&mut shop, AT)
            .unwrap();
        OfflineWrite::AlertDismissed { id: "a3".into() }
            .apply(&mut shop, AT)
            .unwrap();
        assert_eq!(
            (state(&shop, "a1"), state(&shop, "a3")),
            ("dismissed".into(), "resolved".into())
        );
        assert_eq!(
            OfflineWrite::AlertDismissed { id: "gone".into() }.apply(&mut shop, AT),
            Err(AppError::NotFound)
        );
        assert_eq!(shop.unread_alerts(), 0);
    }

    #[test]
    fn rules_saved_offline_replace_the_shops_and_bad_ones_are_refused() {
        let mut shop = rice(5);
        let mut rule = crate::domain::alert::AlertRule::default_for(AlertKind::Low);
        rule.enabled = false;
        let save = |rules| OfflineWrite::AlertRules { rules };
        save(vec![rule.clone()]).apply(&mut shop, AT).unwrap();
        assert_eq!(shop.rules, [rule.clone()]);
        assert!(
            !shop
                .alert_rules()
                .iter()
                .find(|r| r.kind == AlertKind::Low)
                .unwrap()
                .enabled
        );
        assert_eq!(
            save(vec![rule.clone(), rule.clone()]).apply(&mut shop, AT),
            Err(AppError::invalid("rules", "error.alert_rules.duplicate"))
        );
        assert_eq!(shop.rules, [rule], "nothing changed");
    }

    #[test]
    fn a_new_stock_bas_share_saved_offline_moves_the_badges_at_once() {
        let mut shop = rice(10);
        shop.products.get_mut("p1").unwrap().max_stock = Some(50);
        let rules = vec![crate::domain::alert::AlertRule {
            threshold: Some(10),
            ..crate::domain::alert::AlertRule::default_for(AlertKind::Low)
        }];
        OfflineWrite::AlertRules { rules }
            .apply(&mut shop, AT)
            .unwrap();
        assert_eq!(
            shop.products["p1"].status,
            StockStatus::Normal,
            "10 of 50 is over 10 %"
        );
        let sale = MovementInput {
            product_id: "p1".into(),
            kind: MovementKind::Out,
            quantity: 5,
            reason: "sale".into(),
            note: String::new(),
        };
        OfflineWrite::Movement(sale).apply(&mut shop, AT).unwrap();
        assert_eq!(
            shop.products["p1"].status,
            StockStatus::Low,
            "5 of 50 is 10 %"
        );
    }

    #[test]
    fn a_product_created_offline_has_its_opening_stock_and_the_phones_key() {
        let mut shop = rice(5);
        let create = |id: &str, sku: &str| OfflineWrite::ProductCreate {
            id: id.into(),
            input: ProductInput {
                name: "Huile".into(),
                sku: sku.into(),
                unit: "bidon".into(),
                quantity: 1,
                min_stock: 2,
                purchase_price: 900,
                sale_price: 1100,
                ..ProductInput::default()
            },
        };
        create("k1", "HU-1").apply(&mut shop, AT).unwrap();
        let oil = &shop.products["k1"];
        assert_eq!(
            (oil.quantity, oil.status, oil.created_at.as_str()),
            (1, StockStatus::Low, AT)
        );
        let refusals = [
            (
                create("k1", "HU-2"),
                AppError::conflict("id", "error.id.taken"),
            ),
            (
                create("k2", "hu-1"),
                AppError::conflict("sku", "error.sku.taken"),
            ),
            (
                create("a key", ""),
                AppError::invalid("id", "error.id.invalid"),
            ),
        ];
        for (write, refusal) in refusals {
            assert_eq!(write.apply(&mut shop, AT), Err(refusal));
        }
        assert_eq!(shop.products.len(), 2, "nothing else was made");
        let delete = OfflineWrite::ProductDelete { id: "k1".into() };
        delete.apply(&mut shop, AT).unwrap();
        assert!(!shop.products.contains_key("k1"));
        assert_eq!(delete.apply(&mut shop, AT), Err(AppError::NotFound));
    }

    #[test]
    fn categories_made_renamed_and_deleted_offline_follow_the_servers_rules() {
        let mut shop = rice(5);
        let create = |id: &str, name: &str| OfflineWrite::CategoryCreate {
            id: id.into(),
            name: name.into(),
        };
        create("c1", " Céréales ").apply(&mut shop, AT).unwrap();
        assert_eq!(shop.categories["c1"].name, "Céréales");
        shop.products.get_mut("p1").unwrap().category_id = Some("c1".into());
        let taken = Err(AppError::conflict("name", "error.category.taken"));
        assert_eq!(create("c2", "céréales").apply(&mut shop, AT), taken);
        assert_eq!(
            create("c1", "Boissons").apply(&mut shop, AT),
            Err(AppError::conflict("id", "error.id.taken"))
        );
        let rename = OfflineWrite::CategoryRename {
            id: "c1".into(),
            name: "Riz et céréales".into(),
        };
        rename.apply(&mut shop, AT).unwrap();
        assert_eq!(
            shop.products["p1"].category_name.as_deref(),
            Some("Riz et céréales"),
            "its products show the new name"
        );
        assert_eq!(shop.categories()[0].product_count, 1);
        OfflineWrite::CategoryDelete { id: "c1".into() }
            .apply(&mut shop, AT)
            .unwrap();
        assert_eq!(shop.products["p1"].category_id, None, "Sans catégorie");
        assert!(shop.categories.is_empty());
    }

    #[test]
    fn suppliers_made_edited_and_deleted_offline_follow_the_servers_rules() {
        let mut shop = with_order("pending", false);
        let input = |name: &str, phone: &str| crate::domain::supplier::SupplierInput {
            name: name.into(),
            phone: phone.into(),
            ..Default::default()
        };
        let create = OfflineWrite::SupplierCreate {
            id: "s1".into(),
            input: input("Moussa", "+221 77 123 45 67"),
        };
        create.apply(&mut shop, AT).unwrap();
        assert_eq!(shop.suppliers["s1"].details.phone, "+221771234567");
        let bad = OfflineWrite::SupplierEdit {
            id: "s1".into(),
            input: input("Moussa", "77 12"),
        };
        assert_eq!(
            bad.apply(&mut shop, AT),
            Err(AppError::invalid("phone", "error.phone.invalid"))
        );
        shop.products.get_mut("p1").unwrap().supplier_id = Some("s1".into());
        let edit = OfflineWrite::SupplierEdit {
            id: "s1".into(),
            input: input("Moussa & Fils", ""),
        };
        edit.apply(&mut shop, AT).unwrap();
        assert_eq!(
            shop.products["p1"].supplier_name.as_deref(),
            Some("Moussa & Fils")
        );
        OfflineWrite::SupplierFavorite {
            id: "s1".into(),
            favorite: true,
        }
        .apply(&mut shop, AT)
        .unwrap();
        assert!(shop.suppliers["s1"].favorite);
        OfflineWrite::SupplierDelete { id: "s1".into() }
            .apply(&mut shop, AT)
            .unwrap();
        assert_eq!(shop.products["p1"].supplier_id, None);
        let order = &shop.orders["o1"].summary;
        assert_eq!(
            (order.supplier_id.as_deref(), order.supplier_name.as_str()),
            (None, "Moussa")
        );
        assert_eq!(
            OfflineWrite::SupplierDelete { id: "s1".into() }.apply(&mut shop, AT),
            Err(AppError::NotFound)
        );
    }

    #[test]
    fn a_sale_refused_for_want_of_stock_can_take_what_is_left_as_a_correction() {
        let shop = rice(1);
        let mut refused = sale("a", 3);
        refused.refused = Some(AppError::invalid("quantity", "error.stock.insufficient"));
        let Some(OfflineWrite::Movement(correction)) = refused.correction(&shop) else {
            panic!("a correction");
        };
        assert_eq!(
            (
                correction.kind,
                correction.quantity,
                correction.reason.as_str()
            ),
            (MovementKind::Out, 1, "correction")
        );
        assert_eq!(refused.correction(&rice(0)), None, "nothing left to take");
        refused.refused = Some(AppError::NotFound);
        assert_eq!(
            refused.correction(&shop),
            None,
            "refused for another reason"
        );
        assert_eq!(sale("b", 3).correction(&shop), None, "not refused");
    }

    #[test]
    fn an_order_made_offline_is_pending_and_numbered_after_the_last() {
        let mut shop = with_order("delivered", false);
        let supplier = SupplierInput {
            name: "Moussa".into(),
            ..SupplierInput::default()
        };
        shop.suppliers
            .insert("s1".into(), Supplier::new("s1".into(), supplier));
        let create = |id: &str, product: &str| OfflineWrite::OrderCreate {
            id: id.into(),
            input: OrderInput {
                supplier_id: "s1".into(),
                lines: vec![crate::domain::order::OrderLineInput {
                    product_id: product.into(),
                    quantity: 4,
                    unit_price: 250,
                }],
                ..OrderInput::default()
            },
        };
        create("o2", "p1").apply(&mut shop, AT).unwrap();
        let order = &shop.orders["o2"].summary;
        assert_eq!(
            (
                order.number,
                order.status,
                order.total,
                order.supplier_name.as_str()
            ),
            (2, OrderStatus::Pending, 1000, "Moussa")
        );
        assert_eq!(shop.orders["o2"].lines[0].name, "Riz");
        assert_eq!(
            create("o3", "gone").apply(&mut shop, AT),
            Err(AppError::invalid("lines", "error.order.unknown_product"))
        );
        assert_eq!(shop.orders.len(), 2);
    }

    /// Each write is sent with the server function's own argument names.
    #[test]
    fn a_write_is_sent_as_its_server_function_reads_it() {
        let body = delivery(8).body("op-1");
        assert_eq!(
            body,
            serde_json::json!({ "op": "op-1", "id": "o1", "received": [{ "product_id": "p1", "quantity": 8 }] })
        );
        let read_all = OfflineWrite::AlertsRead { id: None }.body("op-2");
        assert_eq!(read_all, serde_json::json!({ "op": "op-2", "id": null }));
        assert_eq!(sale("a", 3).write.body("op-3")["input"]["quantity"], 3);
    }
}
