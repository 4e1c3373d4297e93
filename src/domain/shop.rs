//! A shopkeeper's shops and their settings (E6).

use serde::{Deserialize, Serialize};

use super::csv::{DateFormat, Separator};

/// One of the caller's shops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopSummary {
    pub id: String,
    pub name: String,
    pub currency: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}

/// The shop's settings that shape its files (E6): CSV separator and day format, with its
/// currency (set at registration).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopSettings {
    pub currency: String,
    pub csv_separator: Separator,
    pub date_format: DateFormat,
}
