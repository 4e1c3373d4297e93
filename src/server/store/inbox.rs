//! A registered supplier's received orders (F3) and dashboard figures (F4): every query is
//! scoped by `vendor = $vendor`, the caller, so an order id from the client never reaches an
//! order addressed to someone else.

use serde_json::json;

use super::attach::{Attach, attach};
use crate::domain::RecordKey;
use crate::domain::inbox::{InboxOrder, InboxPage, InboxQuery, SupplierStats};
use crate::domain::order::OrderStatus;
use crate::server::db::{Db, DbError};

const VENDOR: &str = "LET $vendor = type::record('user', $user_id);";

/// An order as the inbox card shows it, but for its lines ([`with_lines`]); sort on `created`.
const INBOX_ORDER: &str =
    "record::id(id) AS id, id AS record, number, shop.name AS shop_name, status, total,
    shop.currency AS currency, <string> created_at AS created_at, note, refusal_reason,
    created_at AS created";

/// The orders `select` reads, each with its lines, read for all of them through the
/// `order_line_purchase` index ([`attach`]). Four statements; the last answers.
fn with_lines(select: &str) -> String {
    attach(
        select,
        &[Attach::List {
            field: "lines",
            by: "record",
            select:
                "SELECT purchase AS of, name, unit, quantity, unit_price, position FROM order_line
                WHERE purchase IN $keys ORDER BY position",
        }],
    )
}

pub async fn list(db: &Db, user_id: &str, query: &InboxQuery) -> Result<InboxPage, DbError> {
    let filter = if query.status.is_some() {
        "vendor = $vendor AND status = $status"
    } else {
        "vendor = $vendor"
    };
    let page = with_lines(&format!(
        "SELECT {INBOX_ORDER} FROM purchase_order WHERE {filter}
             ORDER BY created DESC LIMIT $limit START $start"
    ));
    let sql = format!(
        "{VENDOR}
         {page}
         RETURN count(SELECT VALUE id FROM purchase_order WHERE {filter});"
    );
    let vars = json!({
        "user_id": user_id,
        "status": query.status.map(OrderStatus::as_str),
        "limit": InboxQuery::PAGE_SIZE,
        "start": crate::domain::page::start(query.page, InboxQuery::PAGE_SIZE),
    });
    let mut rows = db.query(&sql, vars).await?;
    // After VENDOR, the four statements of the page.
    Ok(InboxPage {
        items: rows.all(4)?,
        total: rows.first(5)?.unwrap_or(0),
    })
}

pub async fn get(
    db: &Db,
    user_id: &str,
    order_id: &RecordKey,
) -> Result<Option<InboxOrder>, DbError> {
    let order = with_lines(&format!(
        "SELECT {INBOX_ORDER} FROM purchase_order
             WHERE id = type::record('purchase_order', $order_id) AND vendor = $vendor"
    ));
    db.query(
        &format!("{VENDOR} {order}"),
        json!({ "user_id": user_id, "order_id": order_id }),
    )
    .await?
    .first(4)
}

pub async fn stats(db: &Db, user_id: &str) -> Result<SupplierStats, DbError> {
    let count = |status: &str| {
        format!(
            "count(SELECT VALUE id FROM purchase_order WHERE vendor = $vendor AND status = '{status}')"
        )
    };
    let recent = with_lines(&format!(
        "SELECT {INBOX_ORDER} FROM purchase_order WHERE vendor = $vendor ORDER BY created DESC LIMIT 5"
    ));
    let sql = format!(
        "{VENDOR}
         LET $profile = (SELECT id, rating_sum, rating_count, catalog_items FROM supplier_profile WHERE user = $vendor)[0];
         {recent}
         RETURN {{
             item_count: $profile.catalog_items ?? 0,
             pending: {pending},
             active: {confirmed} + {shipped},
             delivered: {delivered},
             revenue: (SELECT shop.currency AS currency, math::sum(received_total) AS amount
                 FROM purchase_order WHERE vendor = $vendor AND status = 'delivered' GROUP BY currency),
             rating_sum: $profile.rating_sum ?? 0,
             rating_count: $profile.rating_count ?? 0,
         }};",
        pending = count("pending"),
        confirmed = count("confirmed"),
        shipped = count("shipped"),
        delivered = count("delivered"),
    );
    let mut rows = db.query(&sql, json!({ "user_id": user_id })).await?;
    let mut stats: SupplierStats = rows.last()?.unwrap_or_default();
    // After VENDOR and $profile, the four statements of the recent orders.
    stats.recent = rows.all(5)?;
    Ok(stats)
}
