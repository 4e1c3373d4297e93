//! Date ranges typed by the user (`YYYY-MM-DD`, both ends included), as UTC instants.

use chrono::{Days, NaiveDate};

use super::AppError;

/// `[start, end)` in RFC 3339, either side open.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DayRange {
    pub start: Option<String>,
    pub end: Option<String>,
}

impl DayRange {
    pub fn parse(from: &str, to: &str) -> Result<Self, AppError> {
        let day = |field: &str, raw: &str| -> Result<Option<NaiveDate>, AppError> {
            let raw = raw.trim();
            if raw.is_empty() {
                return Ok(None);
            }
            NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| AppError::invalid(field, "error.date.invalid"))
        };
        let (from, to) = (day("from", from)?, day("to", to)?);
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(AppError::invalid("to", "error.date.before_start"));
        }
        let instant = |date: NaiveDate| format!("{}T00:00:00Z", date.format("%Y-%m-%d"));
        Ok(Self {
            start: from.map(instant),
            end: to
                .and_then(|d| d.checked_add_days(Days::new(1)))
                .map(instant),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_days_are_included() {
        let range = DayRange::parse("2026-11-01", "2026-11-30").unwrap();
        assert_eq!(range.start.as_deref(), Some("2026-11-01T00:00:00Z"));
        assert_eq!(range.end.as_deref(), Some("2026-12-01T00:00:00Z"));
        assert_eq!(DayRange::parse("", "").unwrap(), DayRange::default());
    }

    #[test]
    fn bad_ranges_name_their_field() {
        assert_eq!(
            DayRange::parse("2026-13-01", "").unwrap_err(),
            AppError::invalid("from", "error.date.invalid")
        );
        assert_eq!(
            DayRange::parse("2026-11-05", "2026-11-01").unwrap_err(),
            AppError::invalid("to", "error.date.before_start")
        );
    }
}
