//! The pull of the phone's replica (I2): the changes of the caller's shop after a cursor, a page
//! at a time. A cursor is the sequence number of the last change the phone holds (0 before the
//! first sync); each change carries the record as it is now, or the tombstone of a deleted one.

use serde::{Deserialize, Serialize};

use super::AppError;
use super::alert::{AlertRule, AlertView};
use super::category::Category;
use super::order::Order;
use super::product::Product;
use super::shop::ShopSettings;
use super::stock::RecentLedger;
use super::supplier::Supplier;

/// Changes sent in one answer; the first sync of a large shop takes several.
pub const PAGE_SIZE: u32 = 200;

/// One page of changes, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullPage {
    pub changes: Vec<Change>,
    /// What to send next: the sequence number of the last change here, or the cursor sent.
    pub cursor: u64,
    /// More changes wait after this page.
    pub more: bool,
}

/// A record of the shop as it is after its latest change, numbered in the shop's sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub seq: u64,
    #[serde(flatten)]
    pub record: Synced,
}

/// What the replica keeps, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "record", rename_all = "snake_case")]
pub enum Synced {
    Product(Product),
    Category(Category),
    Supplier(Supplier),
    /// An order with its lines.
    PurchaseOrder(Order),
    Alert(AlertView),
    /// A product's latest movements.
    Ledger(RecentLedger),
    /// The shop's rules, all kinds at once.
    AlertRules(Vec<AlertRule>),
    Settings(ShopSettings),
    /// A record that was deleted: the replica drops it.
    Deleted(Tombstone),
}

impl Change {
    /// Where the phone keeps the record, `<kind>/<id>`: a later change of the same record
    /// replaces it, and a tombstone has the key of the record it deletes.
    pub fn key(&self) -> String {
        match &self.record {
            Synced::Product(p) => format!("product/{}", p.id),
            Synced::Category(c) => format!("category/{}", c.id),
            Synced::Supplier(s) => format!("supplier/{}", s.id),
            Synced::PurchaseOrder(o) => format!("purchase_order/{}", o.summary.id),
            Synced::Alert(a) => format!("alert/{}", a.id),
            Synced::Ledger(l) => format!("ledger/{}", l.id),
            Synced::AlertRules(_) => "alert_rules/".to_owned(),
            Synced::Settings(_) => "settings/".to_owned(),
            Synced::Deleted(Tombstone { kind, id }) => format!("{kind}/{id}"),
        }
    }

    pub fn is_deletion(&self) -> bool {
        matches!(self.record, Synced::Deleted(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The kind of the deleted record (`product`, `category`, …).
    pub kind: String,
    pub id: String,
}

/// A cursor the server never handed out (ahead of the shop's last change) is refused: the phone
/// must start over from 0 rather than silently miss changes.
pub fn check_cursor(cursor: u64, head: u64) -> Result<(), AppError> {
    if cursor > head {
        return Err(AppError::invalid("cursor", "error.sync.cursor"));
    }
    Ok(())
}

/// The cursor after a page of changes read from `cursor`.
pub fn next_cursor(cursor: u64, changes: &[Change]) -> u64 {
    changes.last().map_or(cursor, |change| change.seq)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deleted(seq: u64) -> Change {
        Change {
            seq,
            record: Synced::Deleted(Tombstone {
                kind: "product".into(),
                id: "p1".into(),
            }),
        }
    }

    #[test]
    fn a_cursor_ahead_of_the_shop_is_refused() {
        assert_eq!(check_cursor(0, 0), Ok(()));
        assert_eq!(check_cursor(12, 12), Ok(()));
        assert_eq!(
            check_cursor(13, 12),
            Err(AppError::invalid("cursor", "error.sync.cursor"))
        );
    }

    #[test]
    fn the_next_cursor_is_the_last_change_read_or_the_same() {
        assert_eq!(next_cursor(7, &[]), 7);
        assert_eq!(next_cursor(7, &[deleted(9), deleted(15)]), 15);
    }

    #[test]
    fn a_change_reads_as_its_kind_and_record() {
        let json = serde_json::to_value(deleted(3)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "seq": 3, "kind": "deleted", "record": { "kind": "product", "id": "p1" } })
        );
    }
}
