//! The change log of a shop (schema 009): the shop's last sequence number, and the records
//! changed after a cursor, as the replica keeps them.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::{Value, json};

use super::shops::CURRENT_SHOP;
use crate::domain::sync::{Change, PullPage, Synced, Tombstone, next_cursor};
use crate::server::db::{Db, DbError};

/// One entry of the log: the latest change of a record.
#[derive(Debug, Deserialize)]
struct Logged {
    seq: u64,
    kind: String,
    key: String,
    deleted: bool,
}

/// The sequence number of the shop's latest change (0 before any).
pub async fn head(db: &Db, user_id: &str) -> Result<u64, DbError> {
    let sql = format!("{CURRENT_SHOP} RETURN $shop.sync_seq ?? 0;");
    Ok(db
        .query(&sql, json!({ "user_id": user_id }))
        .await?
        .first(2)?
        .unwrap_or(0))
}

/// At most `limit` changes after `cursor`, oldest first, each with its record as it is now.
pub async fn pull(db: &Db, user_id: &str, cursor: u64, limit: u32) -> Result<PullPage, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}
         SELECT seq, kind, key, deleted FROM change WHERE shop = $shop AND seq > $cursor
             ORDER BY seq LIMIT $limit;"
    );
    let vars = json!({ "user_id": user_id, "cursor": cursor, "limit": limit + 1 });
    let mut logged: Vec<Logged> = db.query(&sql, vars).await?.all(2)?;
    let more = logged.len() > limit as usize;
    logged.truncate(limit as usize);
    let mut records = Records::default();
    for kind in &KINDS {
        let keys: Vec<&str> = logged
            .iter()
            .filter(|l| !l.deleted && l.kind == kind.name)
            .map(|l| l.key.as_str())
            .collect();
        if !keys.is_empty() {
            records.read(db, user_id, kind, &keys).await?;
        }
    }
    let mut changes = Vec::with_capacity(logged.len());
    for entry in logged {
        changes.extend(records.change(entry)?);
    }
    Ok(PullPage {
        cursor: next_cursor(cursor, &changes),
        changes,
        more,
    })
}

/// A kind of record the log names, and how the replica reads it.
struct Kind {
    name: &'static str,
    read: Read,
}

enum Read {
    /// Records of a table, by id, through the projection the app shows them with (its parts),
    /// the select then given to `finish` (which may add statements: the last one answers).
    Table {
        table: &'static str,
        projection: &'static [&'static str],
        finish: fn(&str) -> String,
    },
    /// A query run once per record of `table`, the record bound to `$record`: SurrealDB uses
    /// an index in a subquery only when it is compared with a variable, never with `$parent`
    /// (surrealdb#5439), and a ledger is read from the shop's whole movement table.
    EachRecord {
        table: &'static str,
        select: &'static str,
    },
    /// The rows of a query, as one value for the whole shop.
    ShopRows(&'static str),
    /// The one row of a query, for the whole shop.
    ShopRow(&'static str),
}

const KINDS: [Kind; 8] = [
    Kind {
        name: "product",
        read: Read::Table {
            table: "product",
            projection: &[super::products::PROJECTION],
            finish: super::products::with_alert_counts,
        },
    },
    Kind {
        name: "category",
        read: Read::Table {
            table: "category",
            projection: &[super::categories::PROJECTION],
            finish: super::categories::with_product_counts,
        },
    },
    Kind {
        name: "supplier",
        read: Read::Table {
            table: "supplier",
            projection: &[super::suppliers::PROJECTION],
            finish: super::suppliers::with_order_figures,
        },
    },
    Kind {
        name: "purchase_order",
        read: Read::Table {
            table: "purchase_order",
            projection: &[super::orders::ORDER_SUMMARY, super::orders::ORDER_DETAIL],
            finish: super::orders::with_lines,
        },
    },
    Kind {
        name: "alert",
        read: Read::Table {
            table: "alert",
            projection: &[super::alerts::ALERT_VIEW],
            finish: super::alerts::with_reorder_figures,
        },
    },
    Kind {
        name: "ledger",
        read: Read::EachRecord {
            table: "product",
            select: super::stock::RECENT_LEDGER,
        },
    },
    Kind {
        name: "alert_rules",
        read: Read::ShopRows(
            "SELECT kind, enabled, threshold, in_app, push FROM alert_rule WHERE shop = $shop",
        ),
    },
    Kind {
        name: "settings",
        read: Read::ShopRow("SELECT currency, csv_separator, date_format FROM $shop"),
    },
];

/// The records of one page, by kind and id.
#[derive(Default)]
struct Records(HashMap<(&'static str, String), Value>);

impl Records {
    async fn read(
        &mut self,
        db: &Db,
        user_id: &str,
        kind: &Kind,
        keys: &[&str],
    ) -> Result<(), DbError> {
        let vars = |table: &str| {
            json!({
                "user_id": user_id,
                "ids": keys,
                "table": table,
                "month_start": super::products::month_start(),
                "recent_lines": crate::domain::stock::RECENT_LINES,
            })
        };
        match kind.read {
            Read::Table {
                table,
                projection,
                finish,
            } => {
                let projection = projection.join(", ");
                let select = finish(&format!(
                    "SELECT {projection} FROM array::map($ids, |$id| type::record($table, $id))
                         WHERE shop = $shop"
                ));
                let sql = format!("{CURRENT_SHOP} {select};");
                let rows: Vec<Value> = db.query(&sql, vars(table)).await?.last_all()?;
                self.keep(kind, rows);
            }
            Read::EachRecord { table, select } => {
                let each: String = (0..keys.len())
                    .map(|i| format!("LET $record = type::record($table, $ids[{i}]); {select};\n"))
                    .collect();
                let mut rows = db
                    .query(&format!("{CURRENT_SHOP}\n{each}"), vars(table))
                    .await?;
                // After the two statements of CURRENT_SHOP, a LET and a SELECT per record.
                for i in 0..keys.len() {
                    let found: Vec<Value> = rows.all(3 + 2 * i)?;
                    self.keep(kind, found);
                }
            }
            Read::ShopRows(select) | Read::ShopRow(select) => {
                let sql = format!("{CURRENT_SHOP} {select};");
                let mut rows: Vec<Value> = db
                    .query(&sql, json!({ "user_id": user_id }))
                    .await?
                    .all(2)?;
                let value = match kind.read {
                    Read::ShopRow(_) => rows.pop(),
                    _ => Some(Value::Array(rows)),
                };
                if let Some(value) = value {
                    self.0.insert((kind.name, "shop".to_owned()), value);
                }
            }
        }
        Ok(())
    }

    fn keep(&mut self, kind: &Kind, rows: Vec<Value>) {
        for row in rows {
            let id = row["id"].as_str().unwrap_or_default().to_owned();
            self.0.insert((kind.name, id), row);
        }
    }

    /// The change an entry stands for; `None` when its record is gone since (its tombstone
    /// comes later in the log).
    fn change(&mut self, entry: Logged) -> Result<Option<Change>, DbError> {
        let record = if entry.deleted {
            Synced::Deleted(Tombstone {
                kind: entry.kind,
                id: entry.key,
            })
        } else {
            let Some(kind) = KINDS.iter().find(|k| k.name == entry.kind) else {
                return Err(DbError::Other(format!(
                    "change of unknown kind {}",
                    entry.kind
                )));
            };
            let Some(value) = self.0.remove(&(kind.name, entry.key)) else {
                return Ok(None);
            };
            serde_json::from_value(json!({ "kind": kind.name, "record": value }))
                .map_err(|e| DbError::Other(format!("{} of the change log: {e}", kind.name)))?
        };
        Ok(Some(Change {
            seq: entry.seq,
            record,
        }))
    }
}
