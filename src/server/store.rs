//! All SurrealQL of the app, one file per area. Functions here take plain values and return
//! plain values; they never see HTTP.

pub mod auth;
pub mod ops;
pub mod shops;
pub mod supplier_profile;
