//! StatsReport (E3, E4, E8): aggregates computed by the database (GROUP BY, math::sum, count),
//! never by loading the shop's records here.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::json;

use super::shops::CURRENT_SHOP;
use crate::domain::period::{instant, month_start};
use crate::domain::stats::{CategoryValue, RankedProduct, StatsReport, StatusCount, Usage};
use crate::domain::stats::{Flow, StatsPeriod, flows};
use crate::domain::stock::StockStatus;
use crate::server::db::{Db, DbError};

#[derive(Deserialize)]
struct DayKindSum {
    day: String,
    kind: String,
    units: i64,
}

#[derive(Deserialize)]
struct StatusRow {
    status: String,
    count: u64,
}

pub async fn statistics(
    db: &Db,
    user_id: &str,
    period: StatsPeriod,
    today: NaiveDate,
) -> Result<StatsReport, DbError> {
    let first_day = period.first_day(today);
    let sql = format!(
        "{CURRENT_SHOP}
         -- Values are summed as decimals (read back saturated): they never overflow.
         -- Cast once: a cast inside WHERE keeps the (shop, at) index from serving the range.
         LET $since = <datetime> $since;
         LET $month_start = <datetime> $month_start;
         SELECT category.name AS name, products, value FROM (
             SELECT category, count() AS products, math::sum(<decimal> purchase_price * quantity) AS value
             FROM product WHERE shop = $shop GROUP BY category
         ) ORDER BY value DESC, name ASC;
         SELECT status, count() AS count FROM product WHERE shop = $shop GROUP BY status;
         SELECT day, kind, math::sum(quantity) AS units FROM (
             SELECT time::format(at, '%Y-%m-%d') AS day, kind, quantity FROM movement
             WHERE shop = $shop AND at >= $since
         ) GROUP BY day, kind;
         SELECT record::id(id) AS id, name, unit, <decimal> purchase_price * quantity AS figure
             FROM product WHERE shop = $shop AND quantity > 0 AND purchase_price > 0
             ORDER BY figure DESC, name ASC LIMIT 5;
         SELECT record::id(product) AS id, product.name AS name, product.unit AS unit, figure FROM (
             SELECT product, math::sum(quantity) AS figure FROM movement
             WHERE shop = $shop AND at >= $since AND kind = 'out' AND reason = 'sale'
             GROUP BY product
         ) ORDER BY figure DESC, name ASC LIMIT 3;
         RETURN {{
             products: count(SELECT VALUE id FROM product WHERE shop = $shop),
             orders_this_month: count(SELECT VALUE id FROM purchase_order
                 WHERE shop = $shop AND created_at >= $month_start),
             alerts_handled: count(SELECT VALUE id FROM alert WHERE shop = $shop
                 AND state IN ['read', 'dismissed', 'resolved']
                 AND (closed_at ?? read_at) >= $month_start),
         }};"
    );
    let vars = json!({
        "user_id": user_id,
        "since": instant(first_day),
        "month_start": instant(month_start(today)),
    });
    let mut rows = db.query(&sql, vars).await?;
    let by_category: Vec<CategoryValue> = rows.all(4)?;
    let statuses: Vec<StatusRow> = rows.all(5)?;
    let per_day = day_sums(rows.all(6)?);
    let top_by_value: Vec<RankedProduct> = rows.all(7)?;
    let top_sellers: Vec<RankedProduct> = rows.all(8)?;
    let usage: Usage = rows.first(9)?.unwrap_or_default();
    Ok(StatsReport {
        period,
        first_day: first_day.format("%Y-%m-%d").to_string(),
        last_day: today.format("%Y-%m-%d").to_string(),
        by_category,
        by_status: StockStatus::ALL
            .into_iter()
            .map(|status| StatusCount {
                status,
                count: statuses
                    .iter()
                    .find(|row| row.status == status.as_str())
                    .map_or(0, |row| row.count),
            })
            .collect(),
        flows: flows(period, today, &per_day),
        top_by_value,
        top_sellers,
        usage,
    })
}

/// One [`Flow`] per day from the (day, kind) sums.
fn day_sums(rows: Vec<DayKindSum>) -> Vec<Flow> {
    let mut days: Vec<Flow> = Vec::new();
    for row in rows {
        let index = match days.iter().position(|f| f.day == row.day) {
            Some(index) => index,
            None => {
                days.push(Flow {
                    day: row.day.clone(),
                    ..Flow::default()
                });
                days.len() - 1
            }
        };
        match row.kind.as_str() {
            "in" => days[index].units_in += row.units,
            _ => days[index].units_out += row.units,
        }
    }
    days
}
