//! Categories of a shop (B2), as their list shows them.

use serde::{Deserialize, Serialize};

use super::AppError;

/// A category with how many products it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub product_count: u64,
}

/// A category's name as the form gives it: required, 60 characters at most, trimmed.
pub fn name(raw: &str) -> Result<String, AppError> {
    super::text::required("name", raw, 60)
}

/// What two names must not share within a shop (`name_key` in the schema): the name trimmed and
/// lower-cased.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}
