//! Browser-side plumbing for a shop without network: the service worker and the one path every
//! write takes to the server (where the outbox of pending changes will live).

pub mod service_worker;
pub mod write;

pub use write::{Submission, send};
