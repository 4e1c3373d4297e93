//! Sauvegarde (E7): what a backup file is, and the checks it passes before a restore touches
//! anything.

use serde_json::Value;

use super::AppError;

pub const FORMAT: &str = "boutiq-backup";
/// Raised whenever the file's layout changes; older versions stay readable.
pub const VERSION: u64 = 1;
/// A shop of 100,000 movements takes about 25 MB.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// The record lists of a backup, in the order they are restored (references point backwards).
pub const TABLES: [&str; 9] = [
    "categories",
    "suppliers",
    "products",
    "supplies",
    "movements",
    "orders",
    "order_lines",
    "alert_rules",
    "alerts",
];

/// Reads a backup file: JSON of our format and a version this app knows, a shop, and lists of
/// records (a missing list is an empty one).
pub fn read(bytes: &[u8]) -> Result<Value, AppError> {
    let invalid = |code: &str| AppError::invalid("file", code);
    let mut backup: Value =
        serde_json::from_slice(bytes).map_err(|_| invalid("error.backup.not_json"))?;
    if backup.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(invalid("error.backup.not_json"));
    }
    match backup.get("version").and_then(Value::as_u64) {
        Some(version) if (1..=VERSION).contains(&version) => {}
        _ => return Err(invalid("error.backup.version")),
    }
    let shop_ok = backup
        .get("shop")
        .and_then(|s| s.get("id"))
        .is_some_and(Value::is_string);
    if !shop_ok {
        return Err(invalid("error.backup.damaged"));
    }
    for table in TABLES {
        let list = backup
            .get_mut(table)
            .map(Value::take)
            .unwrap_or(Value::Array(Vec::new()));
        let records_ok = list
            .as_array()
            .is_some_and(|records| records.iter().all(Value::is_object));
        if !records_ok {
            return Err(invalid("error.backup.damaged"));
        }
        backup[table] = list;
    }
    Ok(backup)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn code(bytes: &[u8]) -> String {
        match read(bytes) {
            Err(AppError::Invalid { code, .. }) => code,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn only_our_files_of_a_known_version_are_read() {
        assert_eq!(code(b"not json"), "error.backup.not_json");
        assert_eq!(
            code(br#"{"format":"other","version":1}"#),
            "error.backup.not_json"
        );
        assert_eq!(
            code(br#"{"format":"boutiq-backup","version":99,"shop":{"id":"s"}}"#),
            "error.backup.version"
        );
        assert_eq!(
            code(br#"{"format":"boutiq-backup","version":1}"#),
            "error.backup.damaged"
        );
        assert_eq!(
            code(br#"{"format":"boutiq-backup","version":1,"shop":{"id":"s"},"products":[1]}"#),
            "error.backup.damaged"
        );
    }

    #[test]
    fn missing_lists_are_empty() {
        let backup = read(
            br#"{"format":"boutiq-backup","version":1,"shop":{"id":"s"},"products":[{"id":"p"}]}"#,
        )
        .unwrap();
        assert_eq!(backup["products"], json!([{ "id": "p" }]));
        assert_eq!(backup["movements"], json!([]));
    }
}
