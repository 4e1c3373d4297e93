//! How dates and amounts read on screen (UTC and F CFA until J3 brings the shop's settings).

use crate::domain::money;
use crate::i18n::Lang;

/// "2026-11-23T10:04:05.123Z" → "23/11/2026 10:04".
pub fn date_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|_| rfc3339.to_owned())
}

/// "2026-11-23T10:04:05Z" or "2026-11-23" → "23/11/2026".
pub fn day(text: &str) -> String {
    chrono::NaiveDate::parse_from_str(text.get(..10).unwrap_or(text), "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| text.to_owned())
}

/// An amount in the shop's currency.
pub fn amount(minor_units: i64) -> String {
    money::format(minor_units, money::DEFAULT_CURRENCY)
}

/// A rating out of 5 with one decimal, as the language writes it: "4,5" in French, "4.5" in
/// English.
pub fn rating(lang: Lang, rating: f64) -> String {
    let text = format!("{rating:.1}");
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_day_first() {
        assert_eq!(date_time("2026-11-23T10:04:05.123Z"), "23/11/2026 10:04");
        assert_eq!(day("2026-11-23T10:04:05Z"), "23/11/2026");
        assert_eq!(day("2026-12-01"), "01/12/2026");
        assert_eq!(day("n/a"), "n/a");
    }

    #[test]
    fn ratings_use_the_languages_decimal_mark() {
        assert_eq!(rating(Lang::Fr, 4.0), "4,0");
        assert_eq!(rating(Lang::Fr, 4.25), "4,2");
        assert_eq!(rating(Lang::En, 3.5), "3.5");
    }
}
