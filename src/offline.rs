//! Browser-side plumbing for a shop without network: the service worker, the phone's replica of
//! the shop, and the one path every write takes to the server (where the outbox of pending
//! changes will live).

pub mod network;
pub mod replica;
pub mod service_worker;
pub mod write;

pub use replica::Replica;
pub use write::{Submission, send};
