//! CSV files of the shop (E6, B10): the settings that shape them and how a cell writes money
//! and dates, so a file opens right in Excel and comes back through the import unchanged.

use serde::{Deserialize, Serialize};

use super::AppError;

/// Excel in French expects `;` (the comma is the decimal point there); elsewhere `,`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Separator {
    #[default]
    #[serde(rename = ";")]
    Semicolon,
    #[serde(rename = ",")]
    Comma,
}

impl Separator {
    pub const ALL: [Separator; 2] = [Self::Semicolon, Self::Comma];

    pub fn byte(self) -> u8 {
        match self {
            Self::Semicolon => b';',
            Self::Comma => b',',
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Semicolon => ";",
            Self::Comma => ",",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == raw)
            .ok_or_else(|| AppError::invalid("csv_separator", "error.settings.separator"))
    }

    /// The decimal point that does not clash with this separator.
    fn decimal_point(self) -> char {
        match self {
            Self::Semicolon => ',',
            Self::Comma => '.',
        }
    }
}

/// How days read in the shop's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DateFormat {
    #[default]
    #[serde(rename = "dd/mm/yyyy")]
    DayFirst,
    #[serde(rename = "yyyy-mm-dd")]
    Iso,
}

impl DateFormat {
    pub const ALL: [DateFormat; 2] = [Self::DayFirst, Self::Iso];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::DayFirst => "dd/mm/yyyy",
            Self::Iso => "yyyy-mm-dd",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == raw)
            .ok_or_else(|| AppError::invalid("date_format", "error.settings.date_format"))
    }

    /// An RFC 3339 instant as "23/11/2026 10:04" or "2026-11-23 10:04" (UTC).
    pub fn date_time(self, rfc3339: &str) -> String {
        let pattern = match self {
            Self::DayFirst => "%d/%m/%Y %H:%M",
            Self::Iso => "%Y-%m-%d %H:%M",
        };
        chrono::DateTime::parse_from_rfc3339(rfc3339)
            .map(|t| t.format(pattern).to_string())
            .unwrap_or_else(|_| rfc3339.to_owned())
    }
}

/// An amount of minor units as a spreadsheet number of the currency: "1500" F CFA (no
/// decimals), "12,50" or "12.50" €/$ depending on the separator.
pub fn money_cell(amount: i64, currency: &str, separator: Separator) -> String {
    if minor_digits(currency) == 0 {
        return amount.to_string();
    }
    let sign = if amount < 0 { "-" } else { "" };
    let units = amount.unsigned_abs();
    format!(
        "{sign}{}{}{:02}",
        units / 100,
        separator.decimal_point(),
        units % 100
    )
}

/// Reads what [`money_cell`] wrote (either decimal point, spaces as thousands separators) back
/// into minor units; `None` when it is not an amount of this currency.
pub fn parse_money(cell: &str, currency: &str) -> Option<i64> {
    let cleaned: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let (whole, fraction) = match cleaned.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (cleaned.as_str(), ""),
    };
    let digits = minor_digits(currency);
    if fraction.len() > digits as usize
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = format!("{fraction:0<width$}", width = digits as usize)
        .parse()
        .unwrap_or(0);
    whole.checked_mul(10_i64.pow(digits))?.checked_add(fraction)
}

/// FCFA has no minor unit; euros and dollars have cents.
fn minor_digits(currency: &str) -> u32 {
    match currency {
        "EUR" | "USD" => 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_cells_round_trip_in_each_currency() {
        assert_eq!(money_cell(1500, "XOF", Separator::Semicolon), "1500");
        assert_eq!(money_cell(1250, "EUR", Separator::Semicolon), "12,50");
        assert_eq!(money_cell(1205, "USD", Separator::Comma), "12.05");
        assert_eq!(money_cell(-5, "EUR", Separator::Comma), "-0.05");
        for (amount, currency) in [(0, "XOF"), (1_234_567, "XOF"), (1250, "EUR"), (7, "USD")] {
            for separator in Separator::ALL {
                let cell = money_cell(amount, currency, separator);
                assert_eq!(parse_money(&cell, currency), Some(amount), "{cell}");
            }
        }
    }

    #[test]
    fn money_cells_as_people_type_them() {
        assert_eq!(parse_money("1 500", "XOF"), Some(1500));
        assert_eq!(parse_money(" 2500 ", "XOF"), Some(2500));
        assert_eq!(parse_money("12,5", "EUR"), Some(1250));
        assert_eq!(parse_money("12", "EUR"), Some(1200));
        assert_eq!(parse_money("12,50", "XOF"), None, "F CFA has no decimals");
        assert_eq!(parse_money("12,505", "EUR"), None);
        assert_eq!(parse_money("-3", "XOF"), None);
        assert_eq!(parse_money("abc", "XOF"), None);
        assert_eq!(parse_money("", "XOF"), None);
        assert_eq!(parse_money("99999999999999999999", "XOF"), None);
    }

    #[test]
    fn dates_follow_the_shop_format() {
        let at = "2026-11-23T10:04:05.123Z";
        assert_eq!(DateFormat::DayFirst.date_time(at), "23/11/2026 10:04");
        assert_eq!(DateFormat::Iso.date_time(at), "2026-11-23 10:04");
        assert_eq!(DateFormat::parse("yyyy-mm-dd").unwrap(), DateFormat::Iso);
        assert!(DateFormat::parse("mm/dd").is_err());
        assert_eq!(Separator::parse(",").unwrap().byte(), b',');
        assert!(Separator::parse("|").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_cell_reads_as_an_amount_or_none(cell in ".{0,24}", currency in prop::sample::select(vec!["XOF", "EUR", "USD", ""])) {
                if let Some(amount) = parse_money(&cell, currency) {
                    prop_assert!(amount >= 0);
                }
            }

            #[test]
            fn every_amount_written_reads_back(amount in 0i64..=i64::MAX / 100, currency in prop::sample::select(vec!["XOF", "EUR", "USD"])) {
                for separator in Separator::ALL {
                    let cell = money_cell(amount, currency, separator);
                    prop_assert_eq!(parse_money(&cell, currency), Some(amount), "{}", cell);
                }
            }
        }
    }
}
