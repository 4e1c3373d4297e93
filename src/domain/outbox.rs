//! Writes made on the phone that the server has not confirmed yet (I3): kept in the phone's
//! outbox, applied at once to its replica with the same rules the server applies, pushed in
//! order when the network is there. A write the server refuses is kept "À revoir" with its
//! reason, and no longer applied.

use serde::{Deserialize, Serialize};

use super::AppError;
use super::product::{ProductDraft, ProductInput};
use super::replica::ShopReplica;
use super::stock::{Movement, MovementInput, StockStatus};

/// A write the phone can make without the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "input", rename_all = "snake_case")]
pub enum OfflineWrite {
    /// A stock movement (B4): `POST /api/stock/move`.
    Movement(MovementInput),
    /// A product's edit (B1: everything but the quantity): `POST /api/products/update`.
    ProductEdit { id: String, input: ProductInput },
}

impl OfflineWrite {
    /// The server function that applies it.
    pub fn endpoint(&self) -> &'static str {
        match self {
            Self::Movement(_) => "/api/stock/move",
            Self::ProductEdit { .. } => "/api/products/update",
        }
    }

    /// The body of its call, with the operation id that makes a replay harmless.
    pub fn body(&self, op: &str) -> serde_json::Value {
        match self {
            Self::Movement(input) => serde_json::json!({ "op": op, "input": input }),
            Self::ProductEdit { id, input } => {
                serde_json::json!({ "op": op, "id": id, "input": input })
            }
        }
    }

    /// Applies it to the replica as the server will, or says why the server would refuse it.
    pub fn apply(&self, shop: &mut ShopReplica) -> Result<(), AppError> {
        match self {
            Self::Movement(input) => {
                let movement =
                    Movement::parse(input.kind, input.quantity, &input.reason, &input.note)?;
                let product = shop
                    .products
                    .get_mut(&input.product_id)
                    .ok_or(AppError::NotFound)?;
                product.quantity = movement.apply(product.quantity)?;
                product.status =
                    StockStatus::of(product.quantity, product.min_stock, product.max_stock);
                Ok(())
            }
            Self::ProductEdit { id, input } => edit_product(shop, id, input),
        }
    }
}

/// The product as `POST /api/products/update` leaves it: the form's rules, a category and a
/// supplier of the shop, a SKU no other product has (any case).
fn edit_product(shop: &mut ShopReplica, id: &str, input: &ProductInput) -> Result<(), AppError> {
    let draft = ProductDraft::parse(input)?;
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
            p.id != id
                && p.sku
                    .as_ref()
                    .is_some_and(|other| other.to_lowercase() == sku.to_lowercase())
        });
        if taken {
            return Err(AppError::conflict("sku", "error.sku.taken"));
        }
    }
    let product = shop.products.get_mut(id).ok_or(AppError::NotFound)?;
    product.name = draft.name;
    product.sku = draft.sku;
    product.category_id = draft.category_id.map(|k| k.as_str().to_owned());
    product.category_name = category_name;
    product.supplier_id = draft.supplier_id.map(|k| k.as_str().to_owned());
    product.supplier_name = supplier_name;
    product.unit = draft.unit;
    product.min_stock = draft.min_stock;
    product.max_stock = draft.max_stock;
    product.purchase_price = draft.purchase_price;
    product.sale_price = draft.sale_price;
    product.notes = draft.notes;
    product.status = StockStatus::of(product.quantity, product.min_stock, product.max_stock);
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
}

impl PendingWrite {
    /// Where the outbox keeps it: sorting the keys gives the order the writes were made in.
    pub fn key(&self) -> String {
        format!("{:015}-{}", self.made_at.max(0), self.op)
    }
}

/// What the screens show: the server's records with the writes still waiting applied over them
/// (a refused write is not; one that no longer applies is skipped, its push will say why).
pub fn with_pending(base: &ShopReplica, pending: &[PendingWrite]) -> ShopReplica {
    let mut shop = base.clone();
    for write in pending.iter().filter(|p| p.refused.is_none()) {
        let _ = write.write.apply(&mut shop);
    }
    shop
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::product::Product;
    use crate::domain::stock::MovementKind;

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
            status: StockStatus::of(quantity, 2, None),
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
        }
    }

    #[test]
    fn a_sale_made_offline_lowers_the_stock_and_its_status_at_once() {
        let mut shop = rice(5);
        sale("a", 3).write.apply(&mut shop).unwrap();
        assert_eq!(shop.products["p1"].quantity, 2);
        assert_eq!(shop.products["p1"].status, StockStatus::Low);
    }

    #[test]
    fn the_phone_refuses_what_the_server_would() {
        let mut shop = rice(2);
        let refusal = sale("a", 3).write.apply(&mut shop);
        assert_eq!(
            refusal,
            Err(AppError::invalid("quantity", "error.stock.insufficient"))
        );
        assert_eq!(shop.products["p1"].quantity, 2, "nothing changed");
        let mut unknown = sale("b", 1);
        if let OfflineWrite::Movement(input) = &mut unknown.write {
            input.product_id = "gone".into();
        }
        assert_eq!(unknown.write.apply(&mut shop), Err(AppError::NotFound));
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
        edit("Riz brisé", "RB-25", 5).apply(&mut shop).unwrap();
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
            edit("Riz", "hd-1", 1).apply(&mut shop),
            Err(AppError::conflict("sku", "error.sku.taken"))
        );
        assert_eq!(
            edit(" ", "", 1).apply(&mut shop),
            Err(AppError::invalid("name", "error.field.required"))
        );
        let mut unknown = edit("Riz", "", 1);
        if let OfflineWrite::ProductEdit { input, .. } = &mut unknown {
            input.category_id = "c404".into();
        }
        assert_eq!(
            unknown.apply(&mut shop),
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
}
