//! Categories of a shop (B2), as their list shows them.

use serde::{Deserialize, Serialize};

/// A category with how many products it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub product_count: u64,
}
