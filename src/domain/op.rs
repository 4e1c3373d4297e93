//! Operation ids: every write carries one, made by the client, so that a replay is applied once.

use serde::{Deserialize, Serialize};

use super::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OpId(String);

impl TryFrom<String> for OpId {
    type Error = AppError;
    fn try_from(raw: String) -> Result<Self, AppError> {
        Self::parse(&raw)
    }
}

impl From<OpId> for String {
    fn from(op: OpId) -> String {
        op.0
    }
}

impl OpId {
    /// 8 to 64 characters of letters, digits and dashes (a UUID fits).
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let ok = (8..=64).contains(&raw.len())
            && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(AppError::invalid("op", "error.op.invalid"))
        }
    }

    /// A fresh random id (UUID v4 layout) from the given random bytes.
    pub fn from_random(bytes: [u8; 16]) -> Self {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Self(format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_parse_and_garbage_does_not() {
        let id = OpId::from_random([7; 16]);
        assert_eq!(id.as_str().len(), 36);
        assert_eq!(OpId::parse(id.as_str()), Ok(id));
        assert!(OpId::parse("short").is_err());
        assert!(OpId::parse("op id with spaces").is_err());
        assert!(OpId::parse(&"a".repeat(65)).is_err());
        assert!(serde_json::from_str::<OpId>("\"bad id\"").is_err());
    }
}
