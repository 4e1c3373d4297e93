//! Server-only code: configuration, database, sessions, HTTP stack, data access.

pub mod alerts;
pub mod auth;
pub mod backup;
pub mod bundle;
pub mod config;
pub mod csp;
pub mod db;
pub mod exports;
pub mod import;
pub mod jobs;
pub mod mail;
pub mod media;
pub mod request;
pub mod respond;
pub mod service_worker;
pub mod state;
pub mod store;
pub mod upload;

pub use state::AppState;
