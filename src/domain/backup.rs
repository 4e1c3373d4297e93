//! Sauvegarde (E7): what a backup file is, and the checks it passes before a restore touches
//! anything. A backup file is untrusted input: whatever it says, a restore only writes records
//! of the restoring shop that point at records of that shop.
//!
//! - Every record of a list with keys has a key (letters, digits, `_`, `-`) unique in its list.
//! - Every reference between records (a product's category and supplier, an order's supplier
//!   and source, a line's order and product, a movement's product and order, an alert's product
//!   and order, a `supplies` link) points at a record of the same file. The store then creates
//!   each record in the restoring shop and refuses a key that a record of another shop holds,
//!   so every reference resolves inside the shop.
//! - A product's quantity equals the sum of its movements (B4). A file where it does not was
//!   edited or damaged: it is refused, naming the product, rather than repaired, because which
//!   of the two is right cannot be known.
//! - A file of another shop gets keys of its own (the restoring shop's id, `_`, the key) and
//!   leaves out what belongs to that shop: its users, its registered suppliers and their
//!   catalogue items, its photo files. In a file of this shop, the store keeps a user only when
//!   it is one of the shop's owners or registered suppliers, and the server keeps a photo only
//!   when it is a stored name in this shop's folder (server/backup.rs).
//!
//! A refusal names the record as `<list>.<position>.<field>`, e.g. `order_lines.3.product`.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::stock::MovementKind;
use super::{AppError, RecordKey};

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

/// The lists whose records have a key (`id`).
const KEYED: [&str; 7] = [
    "categories",
    "suppliers",
    "products",
    "movements",
    "orders",
    "order_lines",
    "alerts",
];

/// References between records: list, field, the list it points into, whether it is required.
const REFERENCES: [(&str, &str, &str, bool); 12] = [
    ("products", "category", "categories", false),
    ("products", "supplier", "suppliers", false),
    ("supplies", "supplier", "suppliers", true),
    ("supplies", "product", "products", true),
    ("movements", "product", "products", true),
    ("movements", "purchase", "orders", false),
    ("orders", "supplier", "suppliers", false),
    ("orders", "source", "orders", false),
    ("order_lines", "purchase", "orders", true),
    ("order_lines", "product", "products", false),
    ("alerts", "product", "products", false),
    ("alerts", "purchase", "orders", false),
];

/// Keys of records outside the file: the shop's users, its registered suppliers (users) and
/// their catalogue items.
const OUTSIDE: [(&str, &str); 5] = [
    ("suppliers", "linked_user"),
    ("movements", "by"),
    ("orders", "vendor"),
    ("orders", "created_by"),
    ("order_lines", "catalog_item"),
];

/// Stored names of photo files (`<shop id>/<name>.<ext>`).
const PHOTOS: [(&str, &str); 2] = [("products", "photo"), ("orders", "attachment")];

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

/// What restoring a backup read by [`read`] into the shop `shop_id` writes: its records,
/// checked as the module says, under the keys they get in that shop.
pub fn plan(mut backup: Value, shop_id: &str) -> Result<Value, AppError> {
    check_references(&backup, &keys(&backup)?)?;
    check_outside(&backup)?;
    check_quantities(&backup)?;
    if backup["shop"]["id"].as_str() != Some(shop_id) {
        into_another_shop(&mut backup, shop_id);
    }
    Ok(backup)
}

/// The stored photo names of a backup, each with the field it is refused under.
pub fn photos(backup: &Value) -> impl Iterator<Item = (String, &str)> {
    PHOTOS.into_iter().flat_map(move |(list, field)| {
        records(backup, list).filter_map(move |(i, record)| {
            let stored = record.get(field)?.as_str()?;
            Some((at(list, i, field), stored))
        })
    })
}

fn at(list: &str, position: usize, field: &str) -> String {
    format!("{list}.{position}.{field}")
}

fn refused(list: &str, position: usize, field: &str, code: &str) -> AppError {
    AppError::invalid(&at(list, position, field), code)
}

fn records<'a>(
    backup: &'a Value,
    list: &str,
) -> impl Iterator<Item = (usize, &'a Map<String, Value>)> {
    let records = backup.get(list).and_then(Value::as_array);
    records
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, r)| Some((i, r.as_object()?)))
}

fn records_mut<'a>(
    backup: &'a mut Value,
    list: &str,
) -> impl Iterator<Item = &'a mut Map<String, Value>> {
    let records = backup.get_mut(list).and_then(Value::as_array_mut);
    records
        .into_iter()
        .flatten()
        .filter_map(Value::as_object_mut)
}

/// A present field: neither missing nor null (the store reads both as NONE).
fn present<'a>(record: &'a Map<String, Value>, field: &str) -> Option<&'a Value> {
    record.get(field).filter(|v| !v.is_null())
}

fn key(value: &Value) -> Option<&str> {
    value.as_str().filter(|k| RecordKey::is_valid(k))
}

/// The keys of each list with keys; a record without a key, or with one its list already has,
/// is refused.
fn keys(backup: &Value) -> Result<HashMap<&'static str, HashSet<&str>>, AppError> {
    let mut keys = HashMap::new();
    for list in KEYED {
        let mut seen = HashSet::new();
        for (i, record) in records(backup, list) {
            match record.get("id").and_then(key) {
                Some(id) if seen.insert(id) => {}
                _ => return Err(refused(list, i, "id", "error.backup.damaged")),
            }
        }
        keys.insert(list, seen);
    }
    Ok(keys)
}

fn check_references(backup: &Value, keys: &HashMap<&str, HashSet<&str>>) -> Result<(), AppError> {
    for (list, field, target, required) in REFERENCES {
        for (i, record) in records(backup, list) {
            let resolves = match present(record, field) {
                None => !required,
                Some(value) => key(value).is_some_and(|k| keys[target].contains(k)),
            };
            if !resolves {
                return Err(refused(list, i, field, "error.backup.reference"));
            }
        }
    }
    Ok(())
}

/// Keys of records outside the file are keys; photo names are text.
fn check_outside(backup: &Value) -> Result<(), AppError> {
    let keys =
        OUTSIDE.map(|(list, field)| (list, field, (|v| key(v).is_some()) as fn(&Value) -> bool));
    let photos = PHOTOS.map(|(list, field)| (list, field, Value::is_string as fn(&Value) -> bool));
    for (list, field, shape) in keys.into_iter().chain(photos) {
        for (i, record) in records(backup, list) {
            if !present(record, field).is_none_or(shape) {
                return Err(refused(list, i, field, "error.backup.damaged"));
            }
        }
    }
    Ok(())
}

/// B4: each product's quantity is the sum of its movements.
fn check_quantities(backup: &Value) -> Result<(), AppError> {
    let mut sums: HashMap<&str, i64> = HashMap::new();
    for (i, movement) in records(backup, "movements") {
        let damaged = |field: &str| refused("movements", i, field, "error.backup.damaged");
        let kind = movement.get("kind").and_then(Value::as_str);
        let kind = [MovementKind::In, MovementKind::Out]
            .into_iter()
            .find(|k| Some(k.as_str()) == kind)
            .ok_or_else(|| damaged("kind"))?;
        let quantity = movement.get("quantity").and_then(Value::as_i64);
        let quantity = quantity
            .filter(|q| *q > 0)
            .ok_or_else(|| damaged("quantity"))?;
        let product = movement
            .get("product")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let sum = sums.entry(product).or_default();
        *sum = sum
            .checked_add(kind.delta(quantity))
            .ok_or_else(|| damaged("quantity"))?;
    }
    for (i, product) in records(backup, "products") {
        let id = product
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let movements = sums.get(id).copied().unwrap_or(0);
        if product.get("quantity").and_then(Value::as_i64) != Some(movements) {
            return Err(refused("products", i, "quantity", "error.backup.quantity"));
        }
    }
    Ok(())
}

/// Gives the records keys of `shop_id`'s own and leaves out what stays with the other shop.
fn into_another_shop(backup: &mut Value, shop_id: &str) {
    let prefixed = |value: &mut Value| {
        if let Some(key) = value.as_str() {
            *value = Value::String(format!("{shop_id}_{key}"));
        }
    };
    for list in KEYED {
        records_mut(backup, list)
            .filter_map(|r| r.get_mut("id"))
            .for_each(prefixed);
    }
    for (list, field, ..) in REFERENCES {
        records_mut(backup, list)
            .filter_map(|r| r.get_mut(field))
            .for_each(prefixed);
    }
    for (list, field) in OUTSIDE.into_iter().chain(PHOTOS) {
        records_mut(backup, list).for_each(|r| {
            r.remove(field);
        });
    }
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

    /// A small valid backup: a category, a product with two movements, an order and its line.
    fn valid() -> Value {
        json!({
            "format": FORMAT, "version": 1, "shop": { "id": "s" },
            "categories": [{ "id": "c" }],
            "products": [{ "id": "p", "category": "c", "quantity": 3, "photo": "s/0123456789.jpg" }],
            "movements": [
                { "id": "m1", "product": "p", "kind": "in", "quantity": 5, "by": "u" },
                { "id": "m2", "product": "p", "kind": "out", "quantity": 2, "purchase": "o" },
            ],
            "orders": [{ "id": "o", "vendor": "v" }],
            "order_lines": [{ "id": "l", "purchase": "o", "product": "p" }],
        })
    }

    fn field(result: Result<Value, AppError>) -> (String, String) {
        match result {
            Err(AppError::Invalid { field, code }) => (field, code),
            other => panic!("{other:?}"),
        }
    }

    type Change = fn(&mut Value);

    #[test]
    fn references_resolve_inside_the_file_and_quantities_are_the_movements() {
        let plan_of = |change: Change| {
            let mut backup = valid();
            change(&mut backup);
            plan(backup, "s")
        };
        assert_eq!(plan_of(|_| {}).unwrap(), valid());
        let refusals: [(Change, (&str, usize, &str), &str); 5] = [
            (
                |b| b["order_lines"][0]["purchase"] = json!("other"),
                ("order_lines", 0, "purchase"),
                "error.backup.reference",
            ),
            (
                |b| b["movements"][1]["purchase"] = json!(7),
                ("movements", 1, "purchase"),
                "error.backup.reference",
            ),
            (
                |b| {
                    b["order_lines"][0]["purchase"].take();
                },
                ("order_lines", 0, "purchase"),
                "error.backup.reference",
            ),
            (
                |b| b["products"][0]["quantity"] = json!(4),
                ("products", 0, "quantity"),
                "error.backup.quantity",
            ),
            (
                |b| b["orders"][0]["vendor"] = json!("../v"),
                ("orders", 0, "vendor"),
                "error.backup.damaged",
            ),
        ];
        for (change, (list, position, name), code) in refusals {
            let expected = (at(list, position, name), code.to_owned());
            assert_eq!(field(plan_of(change)), expected);
        }
    }

    #[test]
    fn a_file_of_another_shop_gets_keys_of_its_own_and_none_of_its_users_or_photos() {
        let moved = plan(valid(), "t").unwrap();
        assert_eq!(
            moved["products"][0],
            json!({ "id": "t_p", "category": "t_c", "quantity": 3 })
        );
        assert_eq!(
            moved["movements"][0],
            json!({ "id": "t_m1", "product": "t_p", "kind": "in", "quantity": 5 })
        );
        assert_eq!(moved["orders"][0], json!({ "id": "t_o" }));
        assert_eq!(
            photos(&valid()).collect::<Vec<_>>(),
            [(at("products", 0, "photo"), "s/0123456789.jpg")]
        );
    }

    mod never_panics {
        use super::*;
        use proptest::prelude::*;

        fn outcome(bytes: &[u8]) {
            match read(bytes).and_then(|backup| plan(backup, "s")) {
                Ok(_) | Err(AppError::Invalid { .. }) => {}
                Err(other) => panic!("{other:?}"),
            }
        }

        /// Any JSON value, a few levels deep.
        fn any_json() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                any::<f64>().prop_map(|f| json!(f)),
                "[a-z0-9_./-]{0,12}".prop_map(Value::from),
            ];
            leaf.prop_recursive(3, 24, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                    prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #[test]
            fn on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
                outcome(&bytes);
            }

            #[test]
            fn on_a_valid_file_with_a_field_replaced(
                list in prop::sample::select(TABLES.to_vec()),
                position in 0usize..3,
                name in prop::sample::select(vec!["id", "product", "purchase", "category", "kind", "quantity", "vendor", "photo", "by"]),
                value in any_json(),
            ) {
                let mut backup = valid();
                if let Some(record) = backup[list].get_mut(position).and_then(Value::as_object_mut) {
                    record.insert(name.to_owned(), value);
                } else {
                    backup[list] = value;
                }
                outcome(backup.to_string().as_bytes());
            }

            #[test]
            fn on_a_valid_file_cut_or_with_a_byte_changed(cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
                let mut bytes = valid().to_string().into_bytes();
                let at = cut.index(bytes.len());
                outcome(&bytes[..at]);
                bytes[at] = byte;
                outcome(&bytes);
            }
        }
    }
}
