//! Manual suppliers of a shop (C1, C2): what a valid supplier is, and the links that call,
//! message or find it.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use super::order::{Order, OrderSummary};

use super::{AppError, Email, text};

/// What the supplier form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierInput {
    pub name: String,
    pub phone: String,
    pub whatsapp: String,
    pub email: String,
    pub address: String,
    pub city: String,
    pub notes: String,
}

/// A supplier that passed every rule: trimmed text, phone numbers reduced to `+` and digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplierDraft {
    pub name: String,
    pub phone: String,
    pub whatsapp: String,
    pub email: String,
    pub address: String,
    pub city: String,
    pub notes: String,
}

impl SupplierDraft {
    pub fn parse(input: &SupplierInput) -> Result<Self, AppError> {
        let email = match input.email.trim() {
            "" => String::new(),
            raw => Email::parse(raw)?.as_str().to_owned(),
        };
        Ok(Self {
            name: text::required("name", &input.name, 120)?,
            phone: phone_number("phone", &input.phone)?,
            whatsapp: phone_number("whatsapp", &input.whatsapp)?,
            email,
            address: bounded("address", &input.address, 200)?,
            city: bounded("city", &input.city, 80)?,
            notes: bounded("notes", &input.notes, 1000)?,
        })
    }
}

/// The supplier as it is kept: its checked fields.
impl From<SupplierDraft> for SupplierInput {
    fn from(draft: SupplierDraft) -> Self {
        Self {
            name: draft.name,
            phone: draft.phone,
            whatsapp: draft.whatsapp,
            email: draft.email,
            address: draft.address,
            city: draft.city,
            notes: draft.notes,
        }
    }
}

/// A phone number as typed ("+221 77 123 45 67", "77-123-45-67") reduced to `+` and digits;
/// empty stays empty.
pub fn phone_number(field: &str, raw: &str) -> Result<String, AppError> {
    let kept: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .collect();
    let digits = kept.strip_prefix('+').unwrap_or(&kept);
    if kept.is_empty() {
        return Ok(String::new());
    }
    if !(6..=15).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(AppError::invalid(field, "error.phone.invalid"));
    }
    Ok(kept)
}

fn bounded(field: &str, raw: &str, max_chars: usize) -> Result<String, AppError> {
    let value = raw.trim();
    if value.chars().count() > max_chars {
        return Err(AppError::invalid(field, "error.field.too_long"));
    }
    Ok(value.to_owned())
}

/// "Appeler".
pub fn call_link(phone: &str) -> String {
    format!("tel:{phone}")
}

/// "SMS".
pub fn sms_link(phone: &str) -> String {
    format!("sms:{phone}")
}

/// "WhatsApp": a chat with `message` already typed. wa.me wants the number without `+`.
pub fn whatsapp_link(number: &str, message: &str) -> String {
    format!(
        "https://wa.me/{}?text={}",
        number.trim_start_matches('+'),
        percent_encode(message)
    )
}

/// "Itinéraire": the address searched in the phone's maps app.
pub fn directions_link(address: &str, city: &str) -> String {
    let place = [address, city]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "https://www.google.com/maps/search/?api=1&query={}",
        percent_encode(&place)
    )
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// What a supplier's delivered orders add up to (C3), kept with the supplier (so the phone
/// shows its reliability offline).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deliveries {
    pub delivered: u64,
    /// Delivered orders that had an expected day …
    pub timed: u64,
    /// … and of those, the ones delivered on or before it.
    pub on_time: u64,
    pub ordered_units: i64,
    pub received_units: i64,
}

impl Deliveries {
    /// Counts `order`, delivered at `at` (RFC 3339, UTC), as the server does: on time when it
    /// arrived on or before its expected day.
    pub fn count(&mut self, order: &Order, at: &str) {
        let day = |text: &str| NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok();
        self.delivered += 1;
        self.ordered_units += order.lines.iter().map(|l| l.quantity).sum::<i64>();
        self.received_units += order.lines.iter().filter_map(|l| l.received).sum::<i64>();
        if let Some(expected) = order.summary.expected_on.as_deref().and_then(day) {
            self.timed += 1;
            if day(at).is_some_and(|arrived| arrived <= expected) {
                self.on_time += 1;
            }
        }
    }
}

/// The figures behind a supplier's reliability (C3): its deliveries and its ratings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reliability {
    #[serde(flatten)]
    pub deliveries: Deliveries,
    pub rating_sum: i64,
    pub rating_count: u64,
}

impl Reliability {
    /// Share of orders delivered on or before the expected day, in %.
    pub fn on_time_percent(&self) -> Option<u32> {
        percent(self.deliveries.on_time as i64, self.deliveries.timed as i64)
    }

    /// Received ÷ ordered quantities, in %.
    pub fn fill_rate_percent(&self) -> Option<u32> {
        percent(
            self.deliveries.received_units,
            self.deliveries.ordered_units,
        )
    }

    /// Average stars, once there are ratings.
    pub fn rating(&self) -> Option<f64> {
        average(self.rating_sum, self.rating_count)
    }
}

/// `sum / count` rounded to one decimal; `None` without any rating.
pub fn average(sum: i64, count: u64) -> Option<f64> {
    (count > 0).then(|| (sum as f64 / count as f64 * 10.0).round() / 10.0)
}

fn percent(part: i64, whole: i64) -> Option<u32> {
    (whole > 0).then(|| ((part.max(0) as f64 / whole as f64) * 100.0).round() as u32)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Supplier {
    pub id: String,
    /// What the shopkeeper typed (the form's fields).
    #[serde(flatten)]
    pub details: SupplierInput,
    pub favorite: bool,
    /// Linked to a registered supplier account ("Vérifié").
    pub verified: bool,
    pub order_count: u64,
    /// RFC 3339, UTC.
    pub last_order_at: Option<String>,
    pub rating_sum: i64,
    pub rating_count: u64,
    pub product_count: u64,
    #[serde(flatten)]
    pub deliveries: Deliveries,
    /// The products it supplies (`supplier->supplies->product`).
    #[serde(default)]
    pub product_ids: Vec<String>,
}

impl Supplier {
    /// A supplier just added by the shopkeeper: no orders, ratings or products yet.
    pub fn new(id: String, details: SupplierInput) -> Self {
        Self {
            id,
            details,
            favorite: false,
            verified: false,
            order_count: 0,
            last_order_at: None,
            rating_sum: 0,
            rating_count: 0,
            product_count: 0,
            deliveries: Deliveries::default(),
            product_ids: Vec::new(),
        }
    }

    pub fn rating(&self) -> Option<f64> {
        crate::domain::supplier::average(self.rating_sum, self.rating_count)
    }

    pub fn reliability(&self) -> Reliability {
        Reliability {
            deliveries: self.deliveries.clone(),
            rating_sum: self.rating_sum,
            rating_count: self.rating_count,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplierSort {
    #[default]
    Name,
    Orders,
    LastOrder,
    Rating,
}

/// A product the supplier supplies (`supplier->supplies->product`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuppliedProduct {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub purchase_price: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierDetail {
    pub supplier: Supplier,
    pub reliability: Reliability,
    pub products: Vec<SuppliedProduct>,
    /// The [`LATEST_ORDERS`] latest orders.
    pub orders: Vec<OrderSummary>,
}

/// How many of a supplier's orders its detail lists, newest first.
pub const LATEST_ORDERS: usize = 20;

/// Favourites stay on top; within each group, the chosen order (the store gives them by name).
pub fn sort_suppliers(suppliers: &mut [Supplier], sort: SupplierSort) {
    let rating = |s: &Supplier| s.rating().unwrap_or(0.0);
    suppliers.sort_by(|a, b| {
        b.favorite.cmp(&a.favorite).then_with(|| match sort {
            SupplierSort::Name => std::cmp::Ordering::Equal,
            SupplierSort::Orders => b.order_count.cmp(&a.order_count),
            SupplierSort::LastOrder => b.last_order_at.cmp(&a.last_order_at),
            SupplierSort::Rating => rating(b).total_cmp(&rating(a)),
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reliability_is_shown_once_there_is_something_to_measure() {
        let none = Reliability::default();
        assert_eq!(
            (
                none.on_time_percent(),
                none.fill_rate_percent(),
                none.rating()
            ),
            (None, None, None)
        );
        let some = Reliability {
            deliveries: Deliveries {
                delivered: 4,
                timed: 3,
                on_time: 2,
                ordered_units: 40,
                received_units: 38,
            },
            rating_sum: 9,
            rating_count: 2,
        };
        assert_eq!(some.on_time_percent(), Some(67));
        assert_eq!(some.fill_rate_percent(), Some(95));
        assert_eq!(some.rating(), Some(4.5));
    }

    fn moussa() -> SupplierInput {
        SupplierInput {
            name: " Moussa Distribution ".into(),
            phone: "+221 77 123 45 67".into(),
            whatsapp: "77-123-45-67".into(),
            email: " Moussa@Example.SN ".into(),
            city: "Dakar".into(),
            ..SupplierInput::default()
        }
    }

    #[test]
    fn a_valid_supplier_is_trimmed_and_its_numbers_compacted() {
        let draft = SupplierDraft::parse(&moussa()).unwrap();
        assert_eq!(draft.name, "Moussa Distribution");
        assert_eq!(draft.phone, "+221771234567");
        assert_eq!(draft.whatsapp, "771234567");
        assert_eq!(draft.email, "moussa@example.sn");
    }

    #[test]
    fn each_rule_names_its_field() {
        type Breakage = fn(&mut SupplierInput);
        let cases: [(Breakage, &str, &str); 5] = [
            (|s| s.name = " ".into(), "name", "error.field.required"),
            (|s| s.phone = "77 12".into(), "phone", "error.phone.invalid"),
            (
                |s| s.whatsapp = "77 abc 45 67".into(),
                "whatsapp",
                "error.phone.invalid",
            ),
            (
                |s| s.email = "moussa@".into(),
                "email",
                "error.email.invalid",
            ),
            (|s| s.city = "x".repeat(81), "city", "error.field.too_long"),
        ];
        for (break_it, field, code) in cases {
            let mut input = moussa();
            break_it(&mut input);
            assert_eq!(
                SupplierDraft::parse(&input),
                Err(AppError::invalid(field, code))
            );
        }
    }

    #[test]
    fn contact_links_open_the_right_apps() {
        assert_eq!(call_link("+221771234567"), "tel:+221771234567");
        assert_eq!(sms_link("+221771234567"), "sms:+221771234567");
        assert_eq!(
            whatsapp_link("+221771234567", "Bonjour, 2 sacs ?"),
            "https://wa.me/221771234567?text=Bonjour%2C%202%20sacs%20%3F"
        );
        assert_eq!(
            directions_link("Rue 10, Médina", "Dakar"),
            "https://www.google.com/maps/search/?api=1&query=Rue%2010%2C%20M%C3%A9dina%2C%20Dakar"
        );
        assert_eq!(
            directions_link("", "Thiès"),
            "https://www.google.com/maps/search/?api=1&query=Thi%C3%A8s"
        );
    }
}
