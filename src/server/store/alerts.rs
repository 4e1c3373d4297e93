//! Alerts (D1–D6): the queue of records to evaluate, the facts the rules look at, keeping the
//! alerts of a record in line with what the rules want, the shop's rules, and the alert list.

use serde::Deserialize;
use serde_json::json;

use super::attach::{Attach, attach};
use super::ops;
use super::shops::CURRENT_SHOP;
use crate::domain::OpId;
use crate::domain::RecordKey;
use crate::domain::alert::AlertView;
use crate::domain::alert::{AlertKind, AlertRule, RuleSet};
use crate::server::db::{Db, DbError};

/// SurrealQL that queues the product `$product` (a record id) for evaluation, in the caller's
/// transaction.
pub const QUEUE_PRODUCT: &str =
    "UPSERT type::record('alert_job', ['product', record::id($product)]) SET at = time::now();";

/// SurrealQL that queues the order `$order` (a record) for evaluation.
pub const QUEUE_ORDER: &str = "UPSERT type::record('alert_job', ['purchase_order', record::id($order.id)]) SET at = time::now();";

/// SurrealQL that queues every product and every open order of `$shop`.
pub const ENQUEUE_SHOP: &str = "
    FOR $p IN (SELECT VALUE id FROM product WHERE shop = $shop) {
        UPSERT type::record('alert_job', ['product', record::id($p)]) SET at = time::now();
    };
    FOR $o IN (SELECT VALUE id FROM purchase_order WHERE shop = $shop AND status IN ['pending', 'confirmed', 'shipped']) {
        UPSERT type::record('alert_job', ['purchase_order', record::id($o)]) SET at = time::now();
    };";

/// SurrealQL that gives `$shop` the "stock bas" share of its rules, written just before, and
/// recomputes the stored status of its products with a max stock when the share moved (the
/// badge follows the rule: `domain::stock::StockStatus::of`).
pub const APPLY_LOW_PERCENT: &str = "
    LET $low_percent = (SELECT VALUE threshold FROM alert_rule WHERE shop = $shop AND kind = 'low')[0] ?? 20;
    IF $low_percent != $shop.low_percent {
        UPDATE $shop SET low_percent = $low_percent;
        UPDATE product WHERE shop = $shop AND max_stock != NONE;
    };";

#[derive(Debug, Deserialize)]
pub struct Job {
    pub table: String,
    pub record: String,
    /// When it was queued: the job is done only if nobody queued it again meanwhile.
    pub at: serde_json::Value,
}

pub async fn next_jobs(db: &Db, limit: u32) -> Result<Vec<Job>, DbError> {
    db.query(
        "SELECT record::id(id)[0] AS table, record::id(id)[1] AS record, at FROM alert_job LIMIT $limit",
        json!({ "limit": limit }),
    )
    .await?
    .all(0)
}

pub async fn job_done(db: &Db, job: &Job) -> Result<(), DbError> {
    db.query(
        "DELETE type::record('alert_job', [$table, $record]) WHERE at = <datetime> $at",
        json!({ "table": job.table, "record": job.record, "at": job.at }),
    )
    .await?;
    Ok(())
}

/// Queues every product and open order of every shop (the periodic sweep).
pub async fn enqueue_everything(db: &Db) -> Result<(), DbError> {
    let sql = format!("FOR $shop IN (SELECT VALUE id FROM shop) {{ {ENQUEUE_SHOP} }};");
    db.query(&sql, json!({})).await?;
    Ok(())
}

/// What the rules look at for one product, with its shop's rules.
#[derive(Debug, Deserialize)]
pub struct ProductFacts {
    pub shop: String,
    pub quantity: i64,
    pub min_stock: i64,
    pub max_stock: Option<i64>,
    /// RFC 3339: the last "out" movement, else the product's creation.
    pub last_activity: String,
    pub rules: Vec<AlertRule>,
}

pub async fn product_facts(db: &Db, product_id: &str) -> Result<Option<ProductFacts>, DbError> {
    db.query(
        // Variables, not `$parent`: only then are the subqueries read through their indexes
        // (the product's newest movements, the shop's rules) instead of whole tables.
        "LET $product = type::record('product', $id);
         LET $shop = $product.shop;
         SELECT record::id(shop) AS shop, quantity, min_stock, max_stock,
             <string> ((SELECT at, minus_at FROM movement WHERE product = $product AND kind = 'out' ORDER BY minus_at LIMIT 1)[0].at ?? created_at) AS last_activity,
             (SELECT kind, enabled, threshold, in_app, push FROM alert_rule WHERE shop = $shop) AS rules
         FROM $product",
        json!({ "id": product_id }),
    )
    .await?
    .first(2)
}

/// What the rules look at for one order, with its shop's rules.
#[derive(Debug, Deserialize)]
pub struct OrderFacts {
    pub shop: String,
    pub status: crate::domain::order::OrderStatus,
    pub expected_on: Option<String>,
    pub created_at: String,
    pub rules: Vec<AlertRule>,
}

pub async fn order_facts(db: &Db, order_id: &str) -> Result<Option<OrderFacts>, DbError> {
    db.query(
        "LET $order = type::record('purchase_order', $id);
         LET $shop = $order.shop;
         SELECT record::id(shop) AS shop, status, expected_on, <string> created_at AS created_at,
             (SELECT kind, enabled, threshold, in_app, push FROM alert_rule WHERE shop = $shop) AS rules
         FROM $order",
        json!({ "id": order_id }),
    )
    .await?
    .first(2)
}

/// Makes the active alerts of one record match `wanted` among the kinds `considered`: creates
/// the missing ones (never a second active one of a kind), resolves those whose cause is gone.
pub async fn sync(
    db: &Db,
    shop_id: &str,
    table: &str,
    record_id: &str,
    considered: &[AlertKind],
    wanted: &[AlertKind],
) -> Result<(), DbError> {
    let field = if table == "product" {
        "product"
    } else {
        "purchase"
    };
    let sql = format!(
        "BEGIN TRANSACTION;
         LET $subject = type::record($table, $record_id);
         LET $active = SELECT VALUE kind FROM alert WHERE {field} = $subject AND state IN ['open', 'read', 'dismissed'];
         UPDATE alert SET state = 'resolved', closed_at = time::now()
             WHERE {field} = $subject AND state IN ['open', 'read', 'dismissed'] AND kind IN $considered AND kind NOT IN $wanted_kinds;
         -- The record may have gone (deleted, restored over) since its facts were read.
         FOR $want IN $wanted {{
             IF $want.kind NOT IN $active AND record::exists($subject) {{
                 CREATE alert CONTENT {{
                     shop: type::record('shop', $shop_id), kind: $want.kind, severity: $want.severity,
                     {field}: $subject, state: 'open'
                 }};
             }};
         }};
         COMMIT TRANSACTION;"
    );
    let _one_writer = db.lock_alerts(shop_id).await;
    let wanted_objects: Vec<_> = wanted
        .iter()
        .map(|k| json!({ "kind": k.as_str(), "severity": k.severity().as_str() }))
        .collect();
    let vars = json!({
        "table": table,
        "record_id": record_id,
        "shop_id": shop_id,
        "considered": considered.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "wanted_kinds": wanted.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "wanted": wanted_objects,
    });
    db.query(&sql, vars).await?;
    Ok(())
}

/// The shop's own rules (kinds without one follow the defaults).
pub async fn rules(db: &Db, user_id: &str) -> Result<Vec<AlertRule>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP} SELECT kind, enabled, threshold, in_app, push FROM alert_rule WHERE shop = $shop;"
    );
    db.query(&sql, json!({ "user_id": user_id })).await?.all(2)
}

/// Replaces the shop's rules (parsed: one per kind, so the unique index on shop and kind holds)
/// and queues its whole stock and open orders, so the change shows at once.
pub async fn save_rules(
    db: &Db,
    op: &OpId,
    user_id: &str,
    rules: &RuleSet,
) -> Result<bool, DbError> {
    let body = format!(
        "{CURRENT_SHOP}
         DELETE alert_rule WHERE shop = $shop;
         FOR $rule IN $rules {{
             CREATE alert_rule CONTENT {{
                 shop: $shop, kind: $rule.kind, enabled: $rule.enabled, threshold: $rule.threshold ?? NONE,
                 in_app: $rule.in_app, push: $rule.push
             }};
         }};
         {APPLY_LOW_PERCENT}
         {ENQUEUE_SHOP}
         LET $result = true;"
    );
    ops::run_once(
        db,
        user_id,
        op,
        &body,
        json!({ "user_id": user_id, "rules": rules.as_slice() }),
    )
    .await
}

/// An alert with what its text and "Commander" need, but for its product's sales and its
/// supplier's delay ([`with_reorder_figures`]).
pub(super) const ALERT_VIEW: &str =
    "record::id(id) AS id, product AS record_product, kind, severity, state,
    <string> created_at AS created_at, duration::days(time::now() - created_at) AS age_days,
    IF product { record::id(product) } ELSE { NONE } AS product_id, product.name AS product_name,
    product.quantity AS quantity, product.unit AS unit, product.min_stock AS min_stock,
    product.max_stock AS max_stock,
    IF product.supplier { record::id(product.supplier) } ELSE { NONE } AS supplier_id,
    product.supplier.name AS supplier_name, product.supplier AS record_supplier,
    product.supplier.linked_user AS record_vendor,
    IF purchase { record::id(purchase) } ELSE { NONE } AS order_id, purchase.number AS order_number,
    purchase.supplier_name AS order_supplier, purchase.expected_on AS expected_on,
    created_at AS created";

/// The alerts `select` reads, each with what "Commander" needs (D4), read for all of them at
/// once through indexes ([`attach`]): the units its product sold in the last 30 days, the days
/// its usual supplier's delivered orders took, and a registered supplier's own delay. Eight
/// statements; the last answers.
pub(super) fn with_reorder_figures(select: &str) -> String {
    attach(
        select,
        &[
            Attach::Figures {
                by: "record_product",
                select: "SELECT product AS of, math::sum(quantity) AS sold_last_30_days FROM movement
                    WHERE product IN $keys AND kind = 'out' AND reason = 'sale'
                    AND at > time::now() - 30d GROUP BY of",
                none: "{ sold_last_30_days: 0 }",
            },
            Attach::Figures {
                by: "record_supplier",
                select: "SELECT supplier AS of,
                    math::sum(duration::days(delivered_at - created_at)) AS delivered_days,
                    count() AS delivered_orders
                    FROM purchase_order WHERE supplier IN $keys AND status = 'delivered' GROUP BY of",
                none: "{ delivered_days: 0, delivered_orders: 0 }",
            },
            Attach::Figures {
                by: "record_vendor",
                select: "SELECT user AS of, average_delivery_days AS profile_delivery_days
                    FROM supplier_profile WHERE user IN $keys",
                none: "{ profile_delivery_days: NONE }",
            },
        ],
    )
}

/// Active alerts (or, with `history`, the dismissed and resolved ones), newest first, with what
/// their text and "Commander" need.
pub async fn list(db: &Db, user_id: &str, history: bool) -> Result<Vec<AlertView>, DbError> {
    let states = if history {
        "['dismissed', 'resolved']"
    } else {
        "['open', 'read']"
    };
    let sql = format!(
        "{CURRENT_SHOP}
         {alerts}",
        alerts = with_reorder_figures(&format!(
            "SELECT {ALERT_VIEW} FROM alert WHERE shop = $shop AND state IN {states} ORDER BY created DESC LIMIT 200"
        ))
    );
    db.query(&sql, json!({ "user_id": user_id }))
        .await?
        .last_all()
}

/// Marks one alert read or dismissed, or (`id` = `None`) every open alert read.
pub async fn set_state(
    db: &Db,
    op: &OpId,
    user_id: &str,
    id: Option<&RecordKey>,
    state: &str,
) -> Result<u64, DbError> {
    let (target, condition, stamp) = match (id, state) {
        (Some(_), "dismissed") => (
            "type::record('alert', $id)",
            "shop = $shop AND state IN ['open', 'read']",
            "closed_at",
        ),
        (Some(_), _) => (
            "type::record('alert', $id)",
            "shop = $shop AND state = 'open'",
            "read_at",
        ),
        (None, _) => ("alert", "shop = $shop AND state = 'open'", "read_at"),
    };
    let body = format!(
        "{CURRENT_SHOP}
         IF $id AND !(SELECT id FROM alert WHERE id = type::record('alert', $id) AND shop = $shop)[0] {{ THROW 'not_found' }};
         LET $changed = (UPDATE {target} SET state = $state, {stamp} = time::now() WHERE {condition});
         LET $result = array::len($changed);"
    );
    let vars = json!({ "user_id": user_id, "id": id, "state": state });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Open (unread) alerts of the caller's shop: the count on the tab.
pub async fn unread(db: &Db, user_id: &str) -> Result<u64, DbError> {
    let sql = format!(
        "{CURRENT_SHOP} RETURN count(SELECT VALUE id FROM alert WHERE shop = $shop AND state = 'open');"
    );
    Ok(db
        .query(&sql, json!({ "user_id": user_id }))
        .await?
        .first(2)?
        .unwrap_or(0))
}

/// Queues the shop's active orders whose expected day has passed (the dashboard asks, D6).
pub async fn enqueue_late_orders(db: &Db, user_id: &str, today: &str) -> Result<(), DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         FOR $order IN (SELECT id FROM purchase_order WHERE shop = $shop
                 AND status IN ['pending', 'confirmed', 'shipped'] AND expected_on != NONE AND expected_on < $today) {{
             {QUEUE_ORDER}
         }};"
    );
    db.query(&sql, json!({ "user_id": user_id, "today": today }))
        .await?;
    Ok(())
}

/// The shop's products that raised the most alerts since `since` (D5), most first.
pub async fn top_products(
    db: &Db,
    user_id: &str,
    since: &str,
) -> Result<Vec<crate::domain::alert::ProductAlertCount>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT record::id(product) AS product_id, product.name AS name, count() AS count
         FROM alert WHERE shop = $shop AND product != NONE AND created_at >= <datetime> $since
         GROUP BY product_id, name ORDER BY count DESC LIMIT 10;"
    );
    db.query(&sql, json!({ "user_id": user_id, "since": since }))
        .await?
        .all(2)
}
