//! Money: integer minor units, shown in the shop's currency. FCFA has no decimals.

use serde::{Deserialize, Deserializer, de::Error};

/// Every shop is in FCFA until the currency setting (J3) exists.
pub const DEFAULT_CURRENCY: &str = "XOF";

/// The highest price or order total a shop can enter, in minor units (10 billion F CFA).
pub const MAX_PRICE: i64 = 1_000_000_000_000;

/// The value of `quantity` units at `price`, saturated at the largest amount (the bounds of a
/// product keep each factor in range; their product may still pass it).
pub fn value_of(quantity: i64, price: i64) -> i64 {
    quantity.saturating_mul(price)
}

/// For `#[serde(deserialize_with)]` on an amount the database sums as a decimal (which reads
/// as text) to stay exact past the largest integer: the amount, saturated to an `i64`.
pub fn saturating<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Int(i64),
        Float(f64),
        Text(String),
    }
    Ok(match Option::<Raw>::deserialize(deserializer)? {
        None => 0,
        Some(Raw::Int(amount)) => amount,
        // `as` saturates at the bounds of i64.
        Some(Raw::Float(amount)) => amount as i64,
        Some(Raw::Text(text)) => {
            let whole = text.split('.').next().unwrap_or_default();
            match whole.parse::<i128>() {
                Ok(amount) => amount.clamp(i64::MIN.into(), i64::MAX.into()) as i64,
                Err(_) => return Err(D::Error::custom("not an amount")),
            }
        }
    })
}

/// A narrow no-break space groups thousands and a no-break space precedes the currency, as
/// French writes them: an amount never breaks across two lines ("27 000 F CFA", not "27 / 000").
const THOUSANDS: char = '\u{202F}';
const BEFORE_CURRENCY: char = '\u{A0}';

/// How a shopkeeper names the currency of `code` (ISO 4217): "F CFA" for the West and Central
/// African francs.
pub fn currency_name(code: &str) -> &str {
    match code {
        "XOF" | "XAF" => "F CFA",
        "EUR" => "€",
        "USD" => "$",
        other => other,
    }
}

/// "5 000 F CFA", "12,50 €", "$12.50" (the spaces no-break, see [`THOUSANDS`]).
pub fn format(amount: i64, currency: &str) -> String {
    match currency {
        "EUR" => format!("{}{BEFORE_CURRENCY}€", decimals(amount, ',', THOUSANDS)),
        "USD" => format!("${}", decimals(amount, '.', ',')),
        _ => format!(
            "{}{BEFORE_CURRENCY}F{BEFORE_CURRENCY}CFA",
            group(amount.unsigned_abs(), THOUSANDS, amount < 0)
        ),
    }
}

fn decimals(amount: i64, point: char, separator: char) -> String {
    let units = amount.unsigned_abs();
    format!(
        "{}{point}{:02}",
        group(units / 100, separator, amount < 0),
        units % 100
    )
}

fn group(value: u64, separator: char, negative: bool) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    if negative { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_people_write_them() {
        assert_eq!(format(5000, "XOF"), "5\u{202F}000\u{A0}F\u{A0}CFA");
        assert_eq!(format(0, "XOF"), "0\u{A0}F\u{A0}CFA");
        assert_eq!(
            format(1_234_567, "XOF"),
            "1\u{202F}234\u{202F}567\u{A0}F\u{A0}CFA"
        );
        assert_eq!(format(-750, "XOF"), "-750\u{A0}F\u{A0}CFA");
        assert_eq!(format(123_456, "EUR"), "1\u{202F}234,56\u{A0}€");
        assert_eq!(format(123456, "USD"), "$1,234.56");
    }

    #[test]
    fn the_cfa_franc_is_named_as_shopkeepers_say_it() {
        assert_eq!(currency_name("XOF"), "F CFA");
        assert_eq!(currency_name("EUR"), "€");
        assert_eq!(currency_name("GBP"), "GBP");
    }

    #[test]
    fn an_amount_has_no_space_a_line_may_break_at() {
        let amount = format(27_000_000, "XOF");
        assert!(!amount.contains(' '), "{amount:?}");
        assert!(!format(1_000_000, "EUR").contains(' '));
    }

    #[test]
    fn summed_amounts_read_back_saturated_never_overflowing() {
        #[derive(Deserialize)]
        struct Sum {
            #[serde(default, deserialize_with = "saturating")]
            value: i64,
        }
        let read = |json: &str| serde_json::from_str::<Sum>(json).map(|s| s.value).ok();
        assert_eq!(read(r#"{"value": 1500}"#), Some(1500));
        assert_eq!(read(r#"{"value": "1500"}"#), Some(1500));
        assert_eq!(
            read(r#"{"value": "2000000000000000000000"}"#),
            Some(i64::MAX)
        );
        assert_eq!(read(r#"{"value": 2e21}"#), Some(i64::MAX));
        assert_eq!(read(r#"{"value": null}"#), Some(0));
        assert_eq!(read(r#"{}"#), Some(0));
        assert_eq!(read(r#"{"value": "abc"}"#), None);
        assert_eq!(value_of(1_000_000_000, MAX_PRICE), i64::MAX);
        assert_eq!(value_of(3, 1500), 4500);
    }
}
