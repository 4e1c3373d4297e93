//! Server-only code: configuration, database, sessions, HTTP stack, data access.

pub mod alerts;
pub mod auth;
pub mod config;
pub mod db;
pub mod http;
pub mod jobs;
pub mod media;
pub mod respond;
pub mod state;
pub mod store;

pub use state::AppState;
