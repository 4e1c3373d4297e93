//! All SurrealQL of the app, one file per area. Functions here take plain values and return
//! plain values; they never see HTTP.

pub mod alerts;
mod attach;
pub mod auth;
pub mod backup;
pub mod catalog;
pub mod categories;
pub mod connected_orders;
pub mod dashboard;
pub mod exports;
pub mod figures;
pub mod imports;
pub mod inbox;
pub mod invitations;
pub mod marketplace;
pub mod ops;
pub mod orders;
pub mod photos;
pub mod products;
mod search;
pub mod shops;
pub mod stats;
pub mod stock;
pub mod supplier_profile;
pub mod suppliers;
pub mod sync;

/// A new record key, for a record the server creates (the phone makes its own offline).
pub fn new_key() -> crate::domain::RecordKey {
    crate::domain::RecordKey::from_random(*uuid::Uuid::new_v4().as_bytes())
}
