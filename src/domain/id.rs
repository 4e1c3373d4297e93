//! Record ids as they cross the wire: the key of a record (`product:⟨key⟩` in the database),
//! parsed at the boundary so that an empty or malformed id is a `400` next to its field, never
//! a query error. Keys are made by the database (20 letters and digits) or by a restore (a shop
//! key, `_`, the original key), so letters, digits, `_` and `-` cover them all.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, de::Error};

use super::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RecordKey(String);

impl RecordKey {
    /// The longest key (a key grows by a shop key each time a backup moves it to another shop).
    pub const MAX_LEN: usize = 512;

    pub fn is_valid(raw: &str) -> bool {
        (1..=Self::MAX_LEN).contains(&raw.len())
            && raw
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    }

    /// A new key from 16 random bytes (32 hex digits): what the phone makes for a record it
    /// creates offline (I3), and the server for one it creates itself.
    pub fn from_random(bytes: [u8; 16]) -> Self {
        Self(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// The key, or `error.id.invalid` on `field`.
    pub fn parse(field: &str, raw: &str) -> Result<Self, AppError> {
        if Self::is_valid(raw) {
            Ok(Self(raw.to_owned()))
        } else {
            Err(AppError::invalid(field, "error.id.invalid"))
        }
    }

    /// An optional id of a form, where an empty (or blank) field means none.
    pub fn parse_optional(field: &str, raw: &str) -> Result<Option<Self>, AppError> {
        match raw.trim() {
            "" => Ok(None),
            raw => Self::parse(field, raw).map(Some),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// For `#[serde(deserialize_with)]` on an id that a query keeps as text: a valid key.
pub fn key_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let raw = String::deserialize(deserializer)?;
    RecordKey::try_from(raw)
        .map(String::from)
        .map_err(|_| D::Error::custom("invalid id"))
}

/// The same for an optional id, where empty means none.
pub fn optional_key_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let raw = String::deserialize(deserializer)?;
    RecordKey::parse_optional("id", &raw)
        .map(|key| key.map(String::from).unwrap_or_default())
        .map_err(|_| D::Error::custom("invalid id"))
}

impl TryFrom<String> for RecordKey {
    type Error = AppError;
    fn try_from(raw: String) -> Result<Self, AppError> {
        Self::parse("id", &raw)
    }
}

impl From<RecordKey> for String {
    fn from(key: RecordKey) -> String {
        key.0
    }
}

impl std::ops::Deref for RecordKey {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_and_restored_keys_parse_and_garbage_does_not() {
        for good in ["a1b2c3d4e5f6g7h8i9j0", "shop1_a1b2", "0123-abcd"] {
            assert_eq!(RecordKey::parse("id", good).unwrap().as_str(), good);
        }
        let long = "k".repeat(RecordKey::MAX_LEN + 1);
        for bad in [
            "",
            " ",
            "a b",
            "product:abc",
            "⟨x⟩",
            "../etc",
            "a'b",
            long.as_str(),
        ] {
            assert_eq!(
                RecordKey::parse("id", bad),
                Err(AppError::invalid("id", "error.id.invalid")),
                "{bad:?}"
            );
        }
        assert!(serde_json::from_str::<RecordKey>("\"\"").is_err());
        assert!(serde_json::from_str::<RecordKey>("42").is_err());
        assert_eq!(RecordKey::parse_optional("category_id", " "), Ok(None));
    }
}
