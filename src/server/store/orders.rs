//! Purchase orders of a shop (C4–C8): numbered per shop, their lines with frozen prices,
//! status changes as `domain::order` allows them, deliveries into stock, copies ("Recommander",
//! recurring orders).

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::alerts::QUEUE_ORDER;
use super::attach::{Attach, attach};
use super::ops;
use super::shops::{CURRENT_SHOP, SUPPLIER_OF_SHOP};
use super::suppliers::RELATE_SUPPLIES;
use crate::domain::OpId;
use crate::domain::RecordKey;
use crate::domain::order::{Actor, OrderDraft, OrderStatus, ReceivedLine, Recurrence};
use crate::domain::order::{Order, OrderPage, OrderQuery};
use crate::domain::period::{DayRange, instant, month_start, quarter_start};
use crate::server::db::{Db, DbError};

/// An order as lists show it (`api::orders::OrderSummary`); sort on `created`.
pub const ORDER_SUMMARY: &str = "record::id(id) AS id, number,
    IF supplier { record::id(supplier) } ELSE { NONE } AS supplier_id, supplier_name, status,
    is_connected, total, received_total, line_count, <string> created_at AS created_at, expected_on,
    rating,
    IF delivered_at { <string> delivered_at } ELSE { NONE } AS delivered_at, recurrence, next_run,
    created_at AS created";

/// SurrealQL that sets `$order` from `$order_id` within the caller's shop, or "not found".
pub const ORDER_OF_SHOP: &str = "
    LET $order = (SELECT * FROM purchase_order WHERE id = type::record('purchase_order', $order_id) AND shop = $shop)[0];
    IF !$order { THROW 'not_found' };";

pub async fn list(
    db: &Db,
    user_id: &str,
    query: &OrderQuery,
    range: &DayRange,
    today: NaiveDate,
) -> Result<OrderPage, DbError> {
    let mut conditions = vec!["shop = $shop"];
    if query.status.is_some() {
        conditions.push("status = $status");
    }
    if !query.supplier_id.is_empty() {
        conditions.push("supplier = type::record('supplier', $supplier_id)");
    }
    if range.start.is_some() {
        conditions.push("created_at >= <datetime> $start");
    }
    if range.end.is_some() {
        conditions.push("created_at < <datetime> $end");
    }
    let filter = conditions.join(" AND ");
    let spent = "math::sum(SELECT VALUE received_total FROM purchase_order
        WHERE shop = $shop AND status = 'delivered' AND delivered_at >= <datetime>";
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT {ORDER_SUMMARY} FROM purchase_order WHERE {filter}
             ORDER BY created DESC LIMIT $limit START $start_row;
         RETURN count(SELECT VALUE id FROM purchase_order WHERE {filter});
         RETURN {spent} $month_start);
         RETURN {spent} $quarter_start);"
    );
    let vars = json!({
        "user_id": user_id,
        "status": query.status.map(OrderStatus::as_str),
        "supplier_id": query.supplier_id,
        "start": range.start,
        "end": range.end,
        "limit": OrderQuery::PAGE_SIZE,
        "start_row": crate::domain::page::start(query.page, OrderQuery::PAGE_SIZE),
        "month_start": instant(month_start(today)),
        "quarter_start": instant(quarter_start(today)),
    });
    let mut rows = db.query(&sql, vars).await?;
    Ok(OrderPage {
        items: rows.all(2)?,
        total: rows.first(3)?.unwrap_or(0),
        spent_month: rows.first(4)?.unwrap_or(0),
        spent_quarter: rows.first(5)?.unwrap_or(0),
    })
}

/// An order as its detail shows it, but for its lines and its supplier's marketplace profile
/// ([`with_lines`]); `record` is its record id.
pub(super) const ORDER_DETAIL: &str = "note, id AS record, vendor,
    IF confirmed_at { <string> confirmed_at } ELSE { NONE } AS confirmed_at,
    IF shipped_at { <string> shipped_at } ELSE { NONE } AS shipped_at,
    IF cancelled_at { <string> cancelled_at } ELSE { NONE } AS cancelled_at,
    supplier.phone AS supplier_phone, supplier.whatsapp AS supplier_whatsapp,
    source.number AS source_number, attachment, refusal_reason, rating_comment";

/// The orders `select` reads (rows of [`ORDER_DETAIL`]), each with its lines and the
/// marketplace profile of its registered supplier, read for all of them through the indexes
/// ([`attach`]). Six statements; the last answers.
pub(super) fn with_lines(select: &str) -> String {
    attach(
        select,
        &[
            Attach::List {
                field: "lines",
                by: "record",
                select: "SELECT purchase AS of, record::id(id) AS id,
                    IF product { record::id(product) } ELSE { NONE } AS product_id,
                    name, unit, quantity, unit_price, received, position
                    FROM order_line WHERE purchase IN $keys ORDER BY position",
            },
            Attach::Figures {
                by: "vendor",
                select:
                    "SELECT user AS of, record::id(id) AS vendor_profile_id FROM supplier_profile
                    WHERE user IN $keys",
                none: "{ vendor_profile_id: NONE }",
            },
        ],
    )
}

pub async fn get(db: &Db, user_id: &str, order_id: &RecordKey) -> Result<Option<Order>, DbError> {
    let order = with_lines(&format!(
        "SELECT {ORDER_SUMMARY}, {ORDER_DETAIL}
         FROM purchase_order WHERE id = type::record('purchase_order', $order_id) AND shop = $shop"
    ));
    db.query(
        &format!("{CURRENT_SHOP} {order}"),
        json!({ "user_id": user_id, "order_id": order_id }),
    )
    .await?
    .first(7)
}

/// SurrealQL that opens a pending order to `$supplier` for `$shop` as `$order`, numbered after
/// the shop's previous one, connected when `$vendor` (a registered supplier) is set; its lines
/// follow, then [`CLOSE_ORDER`].
pub const OPEN_ORDER: &str = "
    LET $number = (UPDATE ONLY $shop SET order_seq = (order_seq ?? 0) + 1 RETURN VALUE order_seq);
    LET $order = (CREATE ONLY type::record('purchase_order', $order_key) CONTENT {
        shop: $shop, number: $number, supplier: $supplier, supplier_name: $supplier.name,
        status: 'pending', total: 0, line_count: 0, ordered_units: 0,
        vendor: $vendor ?? NONE, is_connected: $vendor != NONE,
        expected_on: $expected_on ?? NONE, note: $note ?? '', source: $source ?? NONE, created_by: $by
    });";

/// SurrealQL that totals the lines of `$order` and returns its id as `$result`.
pub const CLOSE_ORDER: &str = "
    LET $lines = SELECT quantity, unit_price FROM order_line WHERE purchase = $order.id;
    IF array::len($lines) = 0 { THROW 'lines:error.order.empty' };
    -- Widened: today's prices times the quantities may pass the largest integer (`MAX_PRICE`).
    LET $total = math::sum(SELECT VALUE <decimal> quantity * unit_price FROM order_line WHERE purchase = $order.id);
    IF $total > 1000000000000 { THROW 'lines:error.quantity.too_large' };
    UPDATE $order.id SET line_count = array::len($lines), ordered_units = math::sum($lines.quantity),
        total = <int> $total;
    UPSERT type::record('alert_job', ['purchase_order', record::id($order.id)]) SET at = time::now();
    LET $result = record::id($order.id);";

/// SurrealQL that copies the lines of `$source` into `$order` for the products that still
/// exist, at today's purchase price (the old price when none is set).
const COPY_LINES: &str = "
    FOR $line IN (SELECT * FROM order_line WHERE purchase = $source ORDER BY position) {
        LET $product = (SELECT id, name, unit, purchase_price FROM product WHERE id = $line.product AND shop = $shop)[0];
        IF $product {
            CREATE order_line CONTENT {
                purchase: $order.id, position: $line.position, product: $product.id, name: $product.name,
                unit: $product.unit, quantity: $line.quantity,
                unit_price: IF $product.purchase_price > 0 { $product.purchase_price } ELSE { $line.unit_price }
            };
        };
    };";

/// Creates a pending manual order under `key` (the phone's, else a new one); returns its id.
pub async fn create(
    db: &Db,
    op: &OpId,
    user_id: &str,
    key: Option<&RecordKey>,
    draft: &OrderDraft,
) -> Result<RecordKey, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{SUPPLIER_OF_SHOP}
         LET $by = type::record('user', $user_id);
         {OPEN_ORDER}
         FOR $line IN $input_lines {{
             LET $product = (SELECT id, name, unit FROM product WHERE id = type::record('product', $line.product_id) AND shop = $shop)[0];
             IF !$product {{ THROW 'lines:error.order.unknown_product' }};
             CREATE order_line CONTENT {{
                 purchase: $order.id, position: $line.position, product: $product.id, name: $product.name,
                 unit: $product.unit, quantity: $line.quantity, unit_price: $line.unit_price
             }};
         }};
         {CLOSE_ORDER}"
    );
    let lines: Vec<Value> = draft
        .lines
        .iter()
        .enumerate()
        .map(|(position, line)| {
            json!({
                "position": position,
                "product_id": line.product_id,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
            })
        })
        .collect();
    let vars = json!({
        "user_id": user_id,
        "order_key": key.cloned().unwrap_or_else(super::new_key),
        "supplier_id": draft.supplier_id,
        "input_lines": lines,
        "expected_on": draft.expected_on,
        "note": draft.note,
    });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// "Recommander": a new pending order repeating `order_id`.
pub async fn reorder(
    db: &Db,
    op: &OpId,
    user_id: &str,
    order_id: &RecordKey,
) -> Result<RecordKey, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{ORDER_OF_SHOP}
         IF $order.is_connected {{ THROW 'error.order.connected_copy' }};
         LET $source = $order.id;
         LET $supplier = $order.supplier;
         IF !$supplier {{ THROW 'error.order.no_supplier' }};
         LET $by = type::record('user', $user_id);
         {OPEN_ORDER}{COPY_LINES}{CLOSE_ORDER}"
    );
    let vars = json!({ "user_id": user_id, "order_id": order_id, "order_key": super::new_key() });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// SurrealQL that sets `$order` from `$order_id` as seen by `actor` (the caller `$user_id`): an
/// order of its shop, or one addressed to it as a registered supplier; `$shop` is the order's
/// shop and `$recipient` who hears of the change (the other side of a connected order).
fn order_of(actor: Actor) -> String {
    match actor {
        Actor::Shopkeeper => format!("{CURRENT_SHOP}{ORDER_OF_SHOP} LET $recipient = $order.vendor;"),
        Actor::Supplier => "
            LET $order = (SELECT * FROM purchase_order WHERE id = type::record('purchase_order', $order_id)
                AND vendor = type::record('user', $user_id))[0];
            IF !$order { THROW 'not_found' };
            LET $shop = $order.shop;
            LET $recipient = $order.created_by;"
            .to_owned(),
    }
}

/// SurrealQL that tells `$recipient`, if any, that `$order` moved to `$to` (read by the
/// notifications of a later issue).
pub const EMIT_EVENT: &str = "
    IF $recipient { CREATE order_event CONTENT { recipient: $recipient, purchase: $order.id, status: $to } };";

/// Moves the order to `to` if `domain::order` allows it from its current status for `actor`;
/// the time of the step (and a supplier's reason to refuse) is recorded.
pub async fn set_status(
    db: &Db,
    op: &OpId,
    user_id: &str,
    actor: Actor,
    order_id: &RecordKey,
    to: OrderStatus,
    reason: Option<&str>,
) -> Result<String, DbError> {
    let stamp = match to {
        OrderStatus::Confirmed => "confirmed_at",
        OrderStatus::Shipped => "shipped_at",
        // When it closed without a delivery, whoever closed it.
        OrderStatus::Cancelled | OrderStatus::Refused => "cancelled_at",
        OrderStatus::Pending | OrderStatus::Delivered => {
            return Err(DbError::Rule("status:error.order.transition".into()));
        }
    };
    let body = format!(
        "{order_of}{ALLOWED_FROM}
         UPDATE $order.id SET status = $to, {stamp} = time::now(), refusal_reason = $reason ?? NONE;
         {QUEUE_ORDER}{EMIT_EVENT}
         LET $result = $order_id;",
        order_of = order_of(actor)
    );
    let mut vars = sources(to, actor);
    vars["user_id"] = json!(user_id);
    vars["order_id"] = json!(order_id);
    vars["to"] = json!(to.as_str());
    vars["reason"] = json!(reason);
    ops::run_once(db, user_id, op, &body, vars).await
}

/// SurrealQL that refuses the change unless `$order`'s status is one it may leave for `$to`.
const ALLOWED_FROM: &str = "
    IF $order.status NOT IN (IF $order.is_connected { $from_connected } ELSE { $from_manual }) {
        THROW 'status:error.order.transition'
    };";

fn sources(to: OrderStatus, actor: Actor) -> Value {
    json!({
        "from_manual": OrderStatus::sources(to, actor, false),
        "from_connected": OrderStatus::sources(to, actor, true),
    })
}

/// SurrealQL that gives each line of `$order` received as no product yet (a catalog item the
/// shop never had) the product it arrives as (G5): the one chosen for its item since, else a
/// new product named after it, supplied by the order's supplier and remembered for the item.
fn receive_new_items() -> String {
    format!(
        "FOR $line IN (SELECT id, catalog_item, name, unit, unit_price FROM order_line
                WHERE purchase = $order.id AND product = NONE AND catalog_item != NONE) {{
            LET $item = $line.catalog_item;
            LET $before = (SELECT VALUE in FROM sourced_from WHERE shop = $shop AND out = $item)[0];
            LET $product = $before ?? (CREATE ONLY product CONTENT {{
                shop: $shop, name: $line.name, unit: $line.unit, quantity: 0, min_stock: 0,
                purchase_price: $line.unit_price, sale_price: 0, supplier: $order.supplier
            }}).id;
            IF !$before AND record::exists($item) {{ RELATE $product->sourced_from->$item SET shop = $shop; }};
            LET $supplier = $order.supplier;
            {RELATE_SUPPLIES}
            UPDATE $line.id SET product = $product;
        }};"
    )
}

/// What arrived of each line: `Some` when the shopkeeper counted it ("Marquer livrée"), `None`
/// when a registered supplier marks its order delivered (everything ordered).
pub type Received<'a> = Option<&'a [ReceivedLine]>;

/// Delivers the order: records what arrived of each line, adds it to the shop's stock as "in"
/// movements (reason livraison, linked to the order), and closes the order, in one
/// transaction. The status check makes a second delivery impossible; the operation id makes a
/// replay harmless.
pub async fn deliver(
    db: &Db,
    op: &OpId,
    user_id: &str,
    actor: Actor,
    order_id: &RecordKey,
    received: Received<'_>,
    today: NaiveDate,
) -> Result<String, DbError> {
    let body = format!(
        "{order_of}{ALLOWED_FROM}{receive_new_items}
         LET $by = type::record('user', $user_id);
         LET $received = $received ?? (SELECT record::id(product) AS product_id, quantity
             FROM order_line WHERE purchase = $order.id AND product != NONE);
         FOR $line IN (SELECT id, product FROM order_line WHERE purchase = $order.id) {{
             LET $got = IF $line.product {{ $received[WHERE product_id = record::id($line.product)][0].quantity ?? 0 }} ELSE {{ 0 }};
             UPDATE $line.id SET received = $got;
             LET $product = (SELECT id, quantity FROM product WHERE id = $line.product AND shop = $shop)[0];
             IF $got > 0 AND $product {{
                 LET $balance = $product.quantity + $got;
                 UPDATE $product.id SET quantity = $balance;
                 CREATE movement CONTENT {{
                     shop: $shop, product: $product.id, kind: 'in', quantity: $got, reason: 'delivery',
                     balance_after: $balance, by: $by, purchase: $order.id
                 }};
                 UPSERT type::record('alert_job', ['product', record::id($product.id)]) SET at = time::now();
             }};
         }};
         -- Widened: a line's received units times its price may pass the largest integer.
         LET $received_total = math::sum(SELECT VALUE <decimal> received * unit_price FROM order_line WHERE purchase = $order.id);
         IF $received_total > {MAX_PRICE} {{ THROW 'received:error.quantity.too_large' }};
         UPDATE $order.id SET status = 'delivered', delivered_at = time::now(),
             received_units = math::sum(SELECT VALUE received FROM order_line WHERE purchase = $order.id),
             received_total = <int> $received_total,
             on_time = IF $order.expected_on {{ $today <= $order.expected_on }} ELSE {{ NONE }};
         LET $to = 'delivered';
         {QUEUE_ORDER}{EMIT_EVENT}
         LET $result = $order_id;",
        order_of = order_of(actor),
        receive_new_items = receive_new_items(),
        MAX_PRICE = crate::domain::money::MAX_PRICE,
    );
    let mut vars = sources(OrderStatus::Delivered, actor);
    vars["user_id"] = json!(user_id);
    vars["order_id"] = json!(order_id);
    vars["received"] = json!(received);
    vars["today"] = json!(today.format("%Y-%m-%d").to_string());
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Makes the order recurring from `today` on (or stops it with `None`).
pub async fn set_recurrence(
    db: &Db,
    op: &OpId,
    user_id: &str,
    order_id: &RecordKey,
    recurrence: Option<Recurrence>,
    today: NaiveDate,
) -> Result<String, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{ORDER_OF_SHOP}
         IF $recurrence AND !$order.supplier {{ THROW 'error.order.no_supplier' }};
         IF $recurrence AND $order.is_connected {{ THROW 'error.order.connected_copy' }};
         UPDATE $order.id SET recurrence = $recurrence ?? NONE, next_run = $next_run ?? NONE;
         LET $result = $order_id;"
    );
    let next_run = recurrence.map(|r| r.next_after(today).format("%Y-%m-%d").to_string());
    let vars = json!({
        "user_id": user_id, "order_id": order_id, "recurrence": recurrence, "next_run": next_run,
    });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Creates the pending order of every recurring order due on or before `today`, then moves each
/// one's next day on. Each (order, due day) is an operation of its own, so a copy is made once
/// even if two server instances run the job together, or a restart comes between the copy and
/// the move. Returns how many copies were made or found made.
pub async fn create_due_recurring(db: &Db, today: NaiveDate) -> Result<usize, DbError> {
    let today_text = today.format("%Y-%m-%d").to_string();
    let mut rows = db
        .query(
            "SELECT record::id(id) AS id, next_run, recurrence FROM purchase_order
             WHERE next_run != NONE AND next_run <= $today;",
            json!({ "today": today_text }),
        )
        .await?;
    let due: Vec<DueOrder> = rows.all(0)?;
    let mut created = 0;
    for order in due {
        match copy_recurring(db, &order).await {
            Ok(_) => created += 1,
            // Its products are all gone: skip this round rather than retry every minute.
            Err(DbError::Rule(reason)) => {
                tracing::warn!(order = %order.id, %reason, "recurring order not created");
            }
            Err(error) => return Err(error),
        }
        let next_run = order
            .recurrence
            .next_after(today)
            .format("%Y-%m-%d")
            .to_string();
        db.query(
            "UPDATE type::record('purchase_order', $id) SET next_run = $next_run WHERE next_run = $due",
            json!({ "id": order.id, "next_run": next_run, "due": order.next_run }),
        )
        .await?;
    }
    Ok(created)
}

#[derive(serde::Deserialize)]
struct DueOrder {
    id: String,
    next_run: String,
    recurrence: Recurrence,
}

/// The copy of one due day; the day is part of the operation id, so it is made once.
async fn copy_recurring(db: &Db, order: &DueOrder) -> Result<String, DbError> {
    let op = OpId::parse(&format!(
        "recurring-{}-{}",
        order.id,
        order.next_run.replace('-', "")
    ))
    .map_err(|_| DbError::Other(format!("order id {} makes no operation id", order.id)))?;
    let body = format!(
        "LET $source = type::record('purchase_order', $order_id);
         LET $template = (SELECT * FROM ONLY $source);
         LET $shop = $template.shop;
         LET $supplier = $template.supplier;
         LET $by = $template.created_by;
         IF !$supplier {{ THROW 'error.order.no_supplier' }};
         {OPEN_ORDER}{COPY_LINES}{CLOSE_ORDER}"
    );
    let vars = json!({ "order_id": order.id, "order_key": super::new_key() });
    ops::run_once(db, "recurring", &op, &body, vars).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_order_total_is_bounded_by_the_largest_price() {
        let bound = format!("$total > {} ", crate::domain::money::MAX_PRICE);
        assert!(super::CLOSE_ORDER.contains(&bound));
    }
}
