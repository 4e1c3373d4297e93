//! Plain types and rules shared by the server and the browser. No I/O here.

pub mod alert;
pub mod backup;
pub mod catalog;
pub mod connected_order;
pub mod csv;
pub mod email;
pub mod error;
pub mod id;
pub mod import;
pub mod invitation;
pub mod marketplace;
pub mod money;
pub mod op;
pub mod order;
pub mod page;
pub mod password;
pub mod period;
pub mod photo;
pub mod product;
pub mod profile;
pub mod role;
pub mod session;
pub mod stats;
pub mod stock;
pub mod supplier;
pub mod text;

pub use email::Email;
pub use error::AppError;
pub use id::RecordKey;
pub use op::OpId;
pub use password::{Password, PasswordStrength};
pub use role::Role;
pub use session::Session;
