//! Sauvegarde (E7): all of a shop's records as plain JSON (ids as keys, references as keys,
//! instants as RFC 3339 text, sorted), and their restoration in one transaction.

use serde_json::{Value, json};

use super::alerts::APPLY_LOW_PERCENT;
use super::ops;
use super::shops::CURRENT_SHOP;
use crate::domain::OpId;
use crate::domain::backup::{FORMAT, TABLES, VERSION};
use crate::server::db::{Db, DbError};

/// `<string>` of an optional instant, kept NONE.
macro_rules! instant {
    ($field:literal) => {
        concat!(
            "IF ",
            $field,
            " { <string> ",
            $field,
            " } ELSE { NONE } AS ",
            $field
        )
    };
}

/// `record::id` of an optional reference, kept NONE.
macro_rules! key {
    ($field:literal) => {
        concat!(
            "IF ",
            $field,
            " { record::id(",
            $field,
            ") } ELSE { NONE } AS ",
            $field
        )
    };
}

/// One SELECT per table of [`TABLES`], in that order.
const EXPORT: &str = concat!(
    "SELECT record::id(id) AS id, name, <string> created_at AS created_at FROM category WHERE shop = $shop ORDER BY id;",
    "SELECT record::id(id) AS id, name, phone, whatsapp, email, address, city, notes, favorite, ",
    key!("linked_user"),
    ", <string> created_at AS created_at FROM supplier WHERE shop = $shop ORDER BY id;",
    "SELECT record::id(id) AS id, name, sku, ",
    key!("category"),
    ", ",
    key!("supplier"),
    ", unit, quantity, min_stock, max_stock, purchase_price, sale_price, notes, photo, <string> created_at AS created_at ",
    "FROM product WHERE shop = $shop ORDER BY id;",
    "SELECT record::id(in) AS supplier, record::id(out) AS product, <string> created_at AS created_at ",
    "FROM supplies WHERE out.shop = $shop ORDER BY supplier, product;",
    "SELECT record::id(id) AS id, record::id(product) AS product, kind, quantity, reason, note, balance_after, ",
    "record::id(by) AS by, ",
    key!("purchase"),
    ", <string> at AS at FROM movement WHERE shop = $shop ORDER BY id;",
    "SELECT record::id(id) AS id, number, ",
    key!("supplier"),
    ", supplier_name, status, is_connected, total, ",
    "line_count, ordered_units, received_units, received_total, on_time, expected_on, note, rating, ",
    "rating_comment, refusal_reason, ",
    key!("vendor"),
    ", ",
    key!("source"),
    ", recurrence, next_run, attachment, record::id(created_by) AS created_by, <string> created_at AS created_at, ",
    instant!("confirmed_at"),
    ", ",
    instant!("shipped_at"),
    ", ",
    instant!("delivered_at"),
    ", ",
    instant!("cancelled_at"),
    " FROM purchase_order WHERE shop = $shop ORDER BY id;",
    "SELECT record::id(id) AS id, record::id(purchase) AS purchase, position, ",
    key!("product"),
    ", ",
    key!("catalog_item"),
    ", name, unit, quantity, unit_price, received FROM order_line WHERE purchase.shop = $shop ORDER BY id;",
    "SELECT kind, enabled, threshold, in_app, push FROM alert_rule WHERE shop = $shop ORDER BY kind;",
    "SELECT record::id(id) AS id, kind, severity, ",
    key!("product"),
    ", ",
    key!("purchase"),
    ", state, <string> created_at AS created_at, ",
    instant!("read_at"),
    ", ",
    instant!("closed_at"),
    " FROM alert WHERE shop = $shop ORDER BY id;",
);

/// The whole shop as one JSON document.
pub async fn export(db: &Db, user_id: &str) -> Result<Value, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT record::id(id) AS id, name, currency, csv_separator ?? ';' AS csv_separator,
             date_format ?? 'dd/mm/yyyy' AS date_format, order_seq ?? 0 AS order_seq,
             <string> created_at AS created_at FROM ONLY $shop;
         {EXPORT}"
    );
    let mut rows = db.query(&sql, json!({ "user_id": user_id })).await?;
    let mut backup = json!({
        "format": FORMAT,
        "version": VERSION,
        "shop": rows.first::<Value>(2)?.unwrap_or_default(),
    });
    for (i, table) in TABLES.iter().enumerate() {
        backup[*table] = Value::Array(rows.all(3 + i)?);
    }
    Ok(strip_nulls(backup))
}

/// NONE fields read as null; leaving them out keeps the file short and the same after a
/// restore (which writes them back as NONE).
fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

/// Records of the shop now (restoring over them needs the user's confirmation).
pub async fn record_count(db: &Db, user_id: &str) -> Result<u64, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         RETURN count(SELECT VALUE id FROM product WHERE shop = $shop)
             + count(SELECT VALUE id FROM category WHERE shop = $shop)
             + count(SELECT VALUE id FROM supplier WHERE shop = $shop)
             + count(SELECT VALUE id FROM purchase_order WHERE shop = $shop);"
    );
    Ok(db
        .query(&sql, json!({ "user_id": user_id }))
        .await?
        .last()?
        .unwrap_or(0))
}

/// Replaces everything the shop holds by `backup`, a plan of `domain::backup::plan` for this
/// shop, in one transaction. Every record is created in the shop under the plan's key, and a key
/// a record of another shop holds refuses the file (naming the record), so each reference of
/// the plan resolves inside the shop. Users are kept only when they are the shop's owners
/// (movements, orders) or its registered suppliers (linked suppliers, connected orders and
/// their catalogue items); another user becomes the caller, or none.
pub async fn restore(db: &Db, op: &OpId, user_id: &str, backup: &Value) -> Result<u64, DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         LET $me = type::record('user', $user_id);
         LET $owners = SELECT VALUE record::id(in) FROM owns WHERE out = $shop;
         LET $partners = array::union(
             (SELECT VALUE record::id(linked_user) FROM supplier WHERE shop = $shop AND linked_user != NONE),
             (SELECT VALUE record::id(out) FROM trades_with WHERE in = $shop));
         DELETE order_line WHERE purchase.shop = $shop;
         DELETE supplies WHERE out.shop = $shop;
         DELETE movement WHERE shop = $shop;
         DELETE alert WHERE shop = $shop;
         DELETE alert_rule WHERE shop = $shop;
         DELETE purchase_order WHERE shop = $shop;
         DELETE product WHERE shop = $shop;
         DELETE supplier WHERE shop = $shop;
         DELETE category WHERE shop = $shop;
         DELETE product_import WHERE shop = $shop;
         {TAKEN}
         UPDATE $shop SET name = $backup.shop.name, currency = $backup.shop.currency,
             csv_separator = $backup.shop.csv_separator, date_format = $backup.shop.date_format,
             order_seq = $backup.shop.order_seq;
         {RESTORE}
         {APPLY_LOW_PERCENT}
         LET $result = array::len($backup.products) + array::len($backup.movements)
             + array::len($backup.orders) + array::len($backup.categories) + array::len($backup.suppliers);"
    );
    let vars = json!({ "user_id": user_id, "backup": backup });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Refuses the file when a record of `list` has the key of a record of `table` that is left
/// once the shop's own are deleted: another shop's.
macro_rules! taken {
    ($list:literal, $table:literal) => {
        concat!(
            "LET $taken = $backup.",
            $list,
            ".find_index(|$r| record::exists(type::record('",
            $table,
            "', $r.id)));
            IF $taken != NONE { THROW '",
            $list,
            ".' + <string> $taken + '.id:error.backup.taken' };"
        )
    };
}

const TAKEN: &str = concat!(
    taken!("categories", "category"),
    taken!("suppliers", "supplier"),
    taken!("products", "product"),
    taken!("movements", "movement"),
    taken!("orders", "purchase_order"),
    taken!("order_lines", "order_line"),
    taken!("alerts", "alert"),
);

/// A reference restored: the record of `table` with the key, or NONE.
macro_rules! reference {
    ($table:literal, $value:literal) => {
        concat!(
            "IF ",
            $value,
            " { type::record('",
            $table,
            "', ",
            $value,
            ") } ELSE { NONE }"
        )
    };
}

/// A user restored when its key is one of `$among`, else `$otherwise`.
macro_rules! user {
    ($value:literal, $among:literal, $otherwise:literal) => {
        concat!(
            "IF ",
            $value,
            " IN ",
            $among,
            " { type::record('user', ",
            $value,
            ") } ELSE { ",
            $otherwise,
            " }"
        )
    };
}

/// An optional instant restored.
macro_rules! at {
    ($value:literal) => {
        concat!("IF ", $value, " { <datetime> ", $value, " } ELSE { NONE }")
    };
}

const RESTORE: &str = concat!(
    "FOR $r IN $backup.categories { CREATE type::record('category', $r.id) CONTENT {
        shop: $shop, name: $r.name, created_at: <datetime> $r.created_at } };",
    "FOR $r IN $backup.suppliers { CREATE type::record('supplier', $r.id) CONTENT {
        shop: $shop, name: $r.name, phone: $r.phone ?? '', whatsapp: $r.whatsapp ?? '', email: $r.email ?? '',
        address: $r.address ?? '', city: $r.city ?? '', notes: $r.notes ?? '', favorite: $r.favorite ?? false,
        linked_user: ", user!("$r.linked_user", "$partners", "NONE"), ",
        created_at: <datetime> $r.created_at } };",
    "FOR $r IN $backup.products { CREATE type::record('product', $r.id) CONTENT {
        shop: $shop, name: $r.name, sku: $r.sku, category: ", reference!("category", "$r.category"), ",
        supplier: ", reference!("supplier", "$r.supplier"), ", unit: $r.unit, quantity: $r.quantity,
        min_stock: $r.min_stock, max_stock: $r.max_stock, purchase_price: $r.purchase_price,
        sale_price: $r.sale_price, notes: $r.notes ?? '', photo: $r.photo ?? NONE,
        created_at: <datetime> $r.created_at } };",
    "FOR $r IN $backup.supplies { RELATE (type::record('supplier', $r.supplier))->supplies->(type::record('product', $r.product))
        CONTENT { created_at: <datetime> $r.created_at } };",
    "FOR $r IN $backup.orders {
        LET $vendor = ", user!("$r.vendor", "$partners", "NONE"), ";
        CREATE type::record('purchase_order', $r.id) CONTENT {
        shop: $shop, number: $r.number, supplier: ", reference!("supplier", "$r.supplier"), ",
        supplier_name: $r.supplier_name, status: $r.status, total: $r.total,
        is_connected: IF $vendor { $r.is_connected ?? false } ELSE { false }, vendor: $vendor,
        refusal_reason: $r.refusal_reason ?? NONE, rating_comment: $r.rating_comment ?? NONE,
        line_count: $r.line_count, ordered_units: $r.ordered_units, received_units: $r.received_units,
        received_total: $r.received_total, on_time: $r.on_time, expected_on: $r.expected_on, note: $r.note ?? '',
        rating: $r.rating, source: ", reference!("purchase_order", "$r.source"), ", recurrence: $r.recurrence,
        next_run: $r.next_run, attachment: $r.attachment ?? NONE,
        created_by: ", user!("$r.created_by", "$owners", "$me"), ",
        created_at: <datetime> $r.created_at, confirmed_at: ", at!("$r.confirmed_at"), ",
        shipped_at: ", at!("$r.shipped_at"), ", delivered_at: ", at!("$r.delivered_at"), ",
        cancelled_at: ", at!("$r.cancelled_at"), " } };",
    "FOR $r IN $backup.order_lines {
        LET $item = ", reference!("catalog_item", "$r.catalog_item"), ";
        CREATE type::record('order_line', $r.id) CONTENT {
        purchase: type::record('purchase_order', $r.purchase), position: $r.position,
        product: ", reference!("product", "$r.product"), ", name: $r.name, unit: $r.unit,
        quantity: $r.quantity, unit_price: $r.unit_price, received: $r.received,
        catalog_item: IF $item.supplier.user AND record::id($item.supplier.user) IN $partners { $item } ELSE { NONE } } };",
    "FOR $r IN $backup.movements { CREATE type::record('movement', $r.id) CONTENT {
        shop: $shop, product: type::record('product', $r.product), kind: $r.kind,
        quantity: $r.quantity, reason: $r.reason, note: $r.note ?? '', balance_after: $r.balance_after,
        by: ", user!("$r.by", "$owners", "$me"), ",
        purchase: ", reference!("purchase_order", "$r.purchase"), ", at: <datetime> $r.at } };",
    "FOR $r IN $backup.alert_rules { CREATE alert_rule CONTENT {
        shop: $shop, kind: $r.kind, enabled: $r.enabled, threshold: $r.threshold,
        in_app: $r.in_app ?? true, push: $r.push ?? false } };",
    "FOR $r IN $backup.alerts { CREATE type::record('alert', $r.id) CONTENT {
        shop: $shop, kind: $r.kind, severity: $r.severity, product: ", reference!("product", "$r.product"), ",
        purchase: ", reference!("purchase_order", "$r.purchase"), ", state: $r.state,
        created_at: <datetime> $r.created_at, read_at: ", at!("$r.read_at"), ",
        closed_at: ", at!("$r.closed_at"), " } };",
);
