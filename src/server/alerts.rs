//! The alert engine (D1, D6): evaluates the queued products and orders with the rules of
//! `domain::alert` and keeps their alerts in line. Requests only queue records (in their own
//! transaction); the work happens here, in the background.

use chrono::{DateTime, NaiveDate, Utc};

use super::db::{Db, DbError};
use super::store::alerts::{self as store, Job};
use crate::domain::alert::{self, AlertKind, OrderFacts, Rules, StockFacts};

/// Evaluates every queued record; returns how many were done.
pub async fn process_queue(db: &Db, now: DateTime<Utc>) -> Result<usize, DbError> {
    let mut done = 0;
    loop {
        let jobs = store::next_jobs(db, 200).await?;
        if jobs.is_empty() {
            return Ok(done);
        }
        for job in jobs {
            if let Err(error) = evaluate(db, &job, now).await {
                // Dropped: the record's next change or the next sweep queues it again.
                tracing::error!(%error, table = %job.table, record = %job.record, "alert evaluation");
            }
            store::job_done(db, &job).await?;
            done += 1;
        }
    }
}

async fn evaluate(db: &Db, job: &Job, now: DateTime<Utc>) -> Result<(), DbError> {
    match job.table.as_str() {
        "product" => {
            let Some(facts) = store::product_facts(db, &job.record).await? else {
                return Ok(());
            };
            let stock = StockFacts {
                quantity: facts.quantity,
                min_stock: facts.min_stock,
                max_stock: facts.max_stock,
                days_without_out: days_since(&facts.last_activity, now),
            };
            let wanted = alert::product_alerts(&stock, &Rules::new(facts.rules));
            store::sync(
                db,
                &facts.shop,
                "product",
                &job.record,
                &AlertKind::PRODUCT,
                &wanted,
            )
            .await
        }
        "purchase_order" => {
            let Some(facts) = store::order_facts(db, &job.record).await? else {
                return Ok(());
            };
            let today = now.date_naive();
            let order = OrderFacts {
                status: facts.status,
                days_late: facts
                    .expected_on
                    .as_deref()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .map(|expected| (today - expected).num_days()),
                days_since_created: days_since(&facts.created_at, now),
            };
            let wanted = alert::order_alerts(&order, &Rules::new(facts.rules));
            let table = "purchase_order";
            store::sync(
                db,
                &facts.shop,
                table,
                &job.record,
                &AlertKind::ORDER,
                &wanted,
            )
            .await
        }
        _ => Ok(()),
    }
}

/// Whole days from an RFC 3339 instant to `now`.
fn days_since(rfc3339: &str, now: DateTime<Utc>) -> i64 {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| (now - t.with_timezone(&Utc)).num_days())
        .unwrap_or(0)
}
