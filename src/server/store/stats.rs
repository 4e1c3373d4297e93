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
    let first_day = period.first_day(today);
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
         -- The five highest stock values through the (shop, stock_value) index, then the
         -- products at or above the fifth, ties included, in the screen's order. Values are
         -- whole minor units: a product with a value has at least 1 (one range, one index).
         LET $floor = math::max([(SELECT VALUE stock_value FROM product WHERE shop = $shop
             ORDER BY stock_value DESC LIMIT 5)[4] ?? 0dec, 1dec]);
         SELECT record::id(id) AS id, name, unit, stock_value AS figure FROM product
             WHERE shop = $shop AND stock_value >= $floor
             ORDER BY figure DESC, name ASC LIMIT 5;
         SELECT record::id(product) AS id, product.name AS name, product.unit AS unit, figure FROM (
             SELECT product, math::sum(sales) AS figure FROM product_day
             WHERE shop = $shop AND day >= $since GROUP BY product
         ) WHERE figure > 0 ORDER BY figure DESC, name ASC LIMIT 3;
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
    let top_sellers: Vec<RankedProduct> = rows.all(9)?;
    let usage: Usage = rows.first(10)?.unwrap_or_default();
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
