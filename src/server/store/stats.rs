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
    roll_sales(db, user_id, today).await?;
    let first_day = period.first_day(today);
    let window = format!("in_{}", period.days());
    let sql = format!(
        "{CURRENT_SHOP}
         -- Cast once: a cast inside WHERE keeps the (shop, created_at) index from serving the range.
         LET $month_start = <datetime> $month_start;
         LET $figures = type::record('shop_figures', [$shop]);
         SELECT category.name AS name, products, value FROM category_figures
             WHERE shop = $shop AND products > 0 ORDER BY value DESC, name ASC;
         RETURN [
             {{ status: 'rupture', count: $figures.rupture ?? 0 }},
             {{ status: 'low', count: $figures.low ?? 0 }},
             {{ status: 'normal', count: $figures.normal ?? 0 }},
             {{ status: 'over', count: $figures.over ?? 0 }},
         ];
         SELECT day, units_in, units_out FROM day_figures WHERE shop = $shop AND day >= $since;
         -- The five highest stock values, read forward through the (shop, minus_stock_value)
         -- index (schema 020), then the products at or above the fifth, ties included, in the
         -- screen's order. Values are whole minor units: a product with a value has at least 1.
         LET $ceiling = math::min([(SELECT VALUE minus_stock_value FROM product WHERE shop = $shop
             ORDER BY minus_stock_value LIMIT 5)[4] ?? 0dec, -1dec]);
         SELECT record::id(id) AS id, name, unit, stock_value AS figure FROM product
             WHERE shop = $shop AND minus_stock_value <= $ceiling
             ORDER BY figure DESC, name ASC LIMIT 5;
         -- The three best sellers of the period the same way, from the kept windows (schema 018).
         LET $ceiling = math::min([(SELECT VALUE minus_{window} FROM product_sales WHERE shop = $shop
             ORDER BY minus_{window} LIMIT 3)[2] ?? 0, -1]);
         SELECT record::id(product) AS id, product.name AS name, product.unit AS unit,
             {window} AS figure FROM product_sales WHERE shop = $shop AND minus_{window} <= $ceiling
             ORDER BY figure DESC, name ASC LIMIT 3;
         RETURN {{
             products: $figures.products ?? 0,
             orders_this_month: count(SELECT VALUE id FROM purchase_order
                 WHERE shop = $shop AND created_at >= $month_start),
             alerts_handled: count(SELECT VALUE id FROM alert WHERE shop = $shop
                 AND state IN ['read', 'dismissed', 'resolved']
                 AND (closed_at ?? read_at) >= $month_start),
         }};"
    );
    let vars = json!({
        "user_id": user_id,
        "since": first_day.format("%Y-%m-%d").to_string(),
        "month_start": instant(month_start(today)),
    });
    let mut rows = db.query(&sql, vars).await?;
    let by_category: Vec<CategoryValue> = rows.all(4)?;
    let statuses: Vec<StatusRow> = rows.all(5)?;
    let per_day: Vec<Flow> = rows.all(6)?;
    let top_by_value: Vec<RankedProduct> = rows.all(8)?;
    let top_sellers: Vec<RankedProduct> = rows.all(10)?;
    let usage: Usage = rows.first(11)?.unwrap_or_default();
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

/// Beyond this many days since the windows last ended, counting them again reads fewer rows
/// than rolling them a day at a time.
const MAX_ROLLED_DAYS: i64 = 7;

/// Moves the shop's sales windows (schema 018) to end `today`: for each day passed, that day's
/// sales enter the three windows and the days that left them go out; many days passed, or none
/// kept yet, they are counted again. A clock gone back never moves them back. A roll takes
/// turns with the shop's stock movements (the same lock), and one that finds the windows moved
/// since it read their end (another view, another server) changes nothing.
async fn roll_sales(db: &Db, user_id: &str, today: NaiveDate) -> Result<(), DbError> {
    let sql = format!("{CURRENT_SHOP} RETURN type::record('shop_figures', [$shop]).sales_day;");
    // None kept yet reads as null: `Option` of `Option`.
    let end: Option<Option<String>> = db
        .query(&sql, json!({ "user_id": user_id }))
        .await?
        .first(2)?;
    let end = end
        .flatten()
        .and_then(|day| NaiveDate::parse_from_str(&day, DAY).ok());
    let body = match end {
        Some(end) if end >= today => return Ok(()),
        Some(end) if (today - end).num_days() <= MAX_ROLLED_DAYS => roll_days(end, today),
        _ => "fn::recount_sales($shop, $today);".to_owned(),
    };
    let _one_writer = db.lock(&super::stock::writer_key(user_id)).await;
    let sql = format!(
        "BEGIN;
         {CURRENT_SHOP}
         IF (type::record('shop_figures', [$shop]).sales_day ?? NULL) != $end {{ THROW '{MOVED}' }};
         {body}
         COMMIT;"
    );
    let vars = json!({
        "user_id": user_id,
        "end": end.map(|day| day.format(DAY).to_string()),
        "today": today.format(DAY).to_string(),
    });
    match db.query(&sql, vars).await {
        Err(DbError::Rule(rule)) if rule == MOVED => Ok(()),
        done => done.map(|_| ()),
    }
}

/// Thrown when the windows moved since their end was read.
const MOVED: &str = "moved";

const DAY: &str = "%Y-%m-%d";

/// SurrealQL moving the windows a day at a time from `end` to `today`.
fn roll_days(end: NaiveDate, today: NaiveDate) -> String {
    let mut body = String::new();
    for entering in end.iter_days().skip(1).take_while(|day| *day <= today) {
        body.push_str(&add_day(entering, &["in_7", "in_30", "in_90"], "+"));
        for window in StatsPeriod::ALL {
            let leaving = entering - chrono::Days::new(u64::from(window.days()));
            body.push_str(&add_day(leaving, &[&format!("in_{}", window.days())], "-"));
        }
    }
    body + "UPSERT type::record('shop_figures', [$shop]) SET shop = $shop, sales_day = $today;"
}

/// SurrealQL adding (`sign` "+") or taking out ("-") the sales of `day` in `windows`.
fn add_day(day: NaiveDate, windows: &[&str], sign: &str) -> String {
    let moved: Vec<String> = windows
        .iter()
        .map(|w| format!("{w} = ({w} ?? 0) {sign} $row.sales"))
        .collect();
    format!(
        "FOR $row IN (SELECT product, sales FROM product_day WHERE shop = $shop AND day = '{}' AND sales != 0) {{
             UPSERT type::record('product_sales', [$row.product]) SET shop = $shop, product = $row.product, {};
         }};",
        day.format(DAY),
        moved.join(", ")
    )
}
