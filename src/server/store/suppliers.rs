//! Manual suppliers of a shop (C1–C3), the `supplier->supplies->product` edges, and the
//! reliability figures counted from their delivered orders.

use serde_json::{Value, json};

use super::attach::{Attach, attach};
use super::ops;
use super::orders::ORDER_SUMMARY;
use super::shops::{CURRENT_SHOP, SUPPLIER_OF_SHOP};
use crate::domain::OpId;
use crate::domain::RecordKey;
use crate::domain::supplier::{LATEST_ORDERS, SupplierDraft};
use crate::domain::supplier::{Supplier, SupplierDetail};
use crate::server::db::{Db, DbError};

/// A supplier as the app shows it, but for its order figures ([`with_order_figures`]);
/// `record` is its record id.
pub(super) const PROJECTION: &str =
    "record::id(id) AS id, id AS record, name, phone, whatsapp, email,
    address, city, notes, favorite, linked_user != NONE AS verified,
    count(->supplies) AS product_count,
    array::map(->supplies->product, |$p| record::id($p)) AS product_ids, name_key";

/// The suppliers `select` reads, each with its order count, last order and ratings, and what
/// its delivered orders add up to (`domain::supplier::Deliveries`), counted for all of them
/// through the `purchase_order_supplier` index ([`attach`]). Six statements; the last answers.
pub(super) fn with_order_figures(select: &str) -> String {
    attach(
        select,
        &[
            Attach::Figures {
                by: "record",
                select: "SELECT supplier AS of, count() AS order_count,
                        <string> time::max(created_at) AS last_order_at,
                        math::sum(rating ?? 0) AS rating_sum, count(rating != NONE) AS rating_count
                    FROM purchase_order WHERE supplier IN $keys GROUP BY of",
                none: "{ order_count: 0, last_order_at: NONE, rating_sum: 0, rating_count: 0 }",
            },
            Attach::Figures {
                by: "record",
                select: "SELECT supplier AS of, count() AS delivered,
                        count(on_time != NONE) AS timed, count(on_time = true) AS on_time,
                        math::sum(ordered_units) AS ordered_units,
                        math::sum(received_units ?? 0) AS received_units
                    FROM purchase_order WHERE supplier IN $keys AND status = 'delivered' GROUP BY of",
                none: "{ delivered: 0, timed: 0, on_time: 0, ordered_units: 0, received_units: 0 }",
            },
        ],
    )
}

/// Every supplier of the shop, by name.
pub async fn list(db: &Db, user_id: &str) -> Result<Vec<Supplier>, DbError> {
    let suppliers = with_order_figures(&format!(
        "SELECT {PROJECTION} FROM supplier WHERE shop = $shop ORDER BY name_key"
    ));
    db.query(
        &format!("{CURRENT_SHOP} {suppliers}"),
        json!({ "user_id": user_id }),
    )
    .await?
    .last_all()
}

pub async fn detail(
    db: &Db,
    user_id: &str,
    supplier_id: &RecordKey,
) -> Result<Option<SupplierDetail>, DbError> {
    let supplier = with_order_figures(&format!("SELECT {PROJECTION} FROM $supplier"));
    let sql = format!(
        "{CURRENT_SHOP}{SUPPLIER_OF_SHOP}
         {supplier}
         SELECT record::id(out) AS id, out.name AS name, out.unit AS unit,
             out.purchase_price AS purchase_price, string::lowercase(out.name) AS name_key
         FROM supplies WHERE in = $supplier ORDER BY name_key;
         SELECT {ORDER_SUMMARY} FROM purchase_order WHERE shop = $shop AND supplier = $supplier
             ORDER BY created DESC LIMIT {LATEST_ORDERS};"
    );
    let mut rows = db
        .query(
            &sql,
            json!({ "user_id": user_id, "supplier_id": supplier_id }),
        )
        .await?;
    // After the shop and the supplier (four statements), six of `with_order_figures`.
    let Some(supplier) = rows.first::<Supplier>(9)? else {
        return Ok(None);
    };
    Ok(Some(SupplierDetail {
        reliability: supplier.reliability(),
        supplier,
        products: rows.all(10)?,
        orders: rows.all(11)?,
    }))
}

fn draft_vars(user_id: &str, draft: &SupplierDraft) -> Value {
    json!({
        "user_id": user_id,
        "fields": {
            "name": draft.name,
            "phone": draft.phone,
            "whatsapp": draft.whatsapp,
            "email": draft.email,
            "address": draft.address,
            "city": draft.city,
            "notes": draft.notes,
        }
    })
}

/// Creates the supplier under `key` (the phone's, else a new one); returns its id.
pub async fn create(
    db: &Db,
    op: &OpId,
    user_id: &str,
    key: Option<&RecordKey>,
    draft: &SupplierDraft,
) -> Result<String, DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         LET $result = record::id((CREATE ONLY type::record('supplier', $key) CONTENT object::extend($fields, {{ shop: $shop }})).id);"
    );
    let mut vars = draft_vars(user_id, draft);
    vars["key"] = json!(key.cloned().unwrap_or_else(super::new_key));
    ops::run_once(db, user_id, op, &body, vars).await
}

pub async fn update(
    db: &Db,
    op: &OpId,
    user_id: &str,
    supplier_id: &RecordKey,
    draft: &SupplierDraft,
) -> Result<String, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{SUPPLIER_OF_SHOP}
         UPDATE $supplier MERGE $fields;
         LET $result = $supplier_id;"
    );
    let mut vars = draft_vars(user_id, draft);
    vars["supplier_id"] = json!(supplier_id);
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Deletes the supplier. Its orders keep its name (and stop recurring); its products lose it as
/// their usual supplier; its `supplies` edges go.
pub async fn delete(
    db: &Db,
    op: &OpId,
    user_id: &str,
    supplier_id: &RecordKey,
) -> Result<String, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{SUPPLIER_OF_SHOP}
         UPDATE purchase_order SET supplier = NONE, recurrence = NONE, next_run = NONE
             WHERE shop = $shop AND supplier = $supplier;
         UPDATE product SET supplier = NONE WHERE shop = $shop AND supplier = $supplier;
         DELETE supplies WHERE in = $supplier;
         DELETE $supplier;
         LET $result = $supplier_id;"
    );
    let vars = json!({ "user_id": user_id, "supplier_id": supplier_id });
    ops::run_once(db, user_id, op, &body, vars).await
}

pub async fn set_favorite(
    db: &Db,
    op: &OpId,
    user_id: &str,
    supplier_id: &RecordKey,
    favorite: bool,
) -> Result<bool, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{SUPPLIER_OF_SHOP}
         UPDATE $supplier SET favorite = $favorite;
         LET $result = $favorite;"
    );
    let vars = json!({ "user_id": user_id, "supplier_id": supplier_id, "favorite": favorite });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// SurrealQL that records `$supplier->supplies->$product` unless it exists.
pub const RELATE_SUPPLIES: &str = "
    IF $supplier AND !(SELECT VALUE id FROM supplies WHERE in = $supplier AND out = $product)[0] {
        RELATE $supplier->supplies->$product;
    };";

pub async fn link(
    db: &Db,
    op: &OpId,
    user_id: &str,
    supplier_id: &RecordKey,
    product_id: &RecordKey,
    linked: bool,
) -> Result<bool, DbError> {
    let change = if linked {
        RELATE_SUPPLIES
    } else {
        "DELETE supplies WHERE in = $supplier AND out = $product;"
    };
    let body = format!(
        "{CURRENT_SHOP}{SUPPLIER_OF_SHOP}
         LET $product = (SELECT VALUE id FROM product WHERE id = type::record('product', $product_id) AND shop = $shop)[0];
         IF !$product {{ THROW 'not_found' }};
         {change}
         LET $result = $linked;"
    );
    let vars = json!({
        "user_id": user_id, "supplier_id": supplier_id, "product_id": product_id, "linked": linked,
    });
    ops::run_once(db, user_id, op, &body, vars).await
}
