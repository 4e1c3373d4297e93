//! Date ranges typed by the user (`YYYY-MM-DD`, both ends included), as UTC instants.

use chrono::{Datelike, Days, Months, NaiveDate};

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
        Ok(Self {
            start: from.map(instant),
            end: to
                .and_then(|d| d.checked_add_days(Days::new(1)))
                .map(instant),
        })
    }
}

/// The periods the order list offers (C8): everything, this week, this month, or typed dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    All,
    ThisWeek,
    ThisMonth,
    Dates,
}

impl Period {
    /// The range this period covers on `today`; `from`/`to` are read for [`Period::Dates`].
    pub fn range(self, today: NaiveDate, from: &str, to: &str) -> Result<DayRange, AppError> {
        let since = |start: NaiveDate| DayRange {
            start: Some(instant(start)),
            end: None,
        };
        match self {
            Self::All => Ok(DayRange::default()),
            Self::ThisWeek => Ok(since(week_start(today))),
            Self::ThisMonth => Ok(since(month_start(today))),
            Self::Dates => DayRange::parse(from, to),
        }
    }
}

/// Monday of `day`'s week.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// The first day of `day`'s month.
pub fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The first day of `day`'s quarter.
pub fn quarter_start(day: NaiveDate) -> NaiveDate {
    let month = month_start(day);
    month - Months::new(day.month0() % 3)
}

/// Midnight UTC of `day`, RFC 3339.
pub fn instant(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_months_and_quarters_start_where_a_shopkeeper_expects() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(week_start(day(2026, 11, 26)), day(2026, 11, 23));
        assert_eq!(week_start(day(2026, 11, 23)), day(2026, 11, 23));
        assert_eq!(month_start(day(2026, 11, 26)), day(2026, 11, 1));
        assert_eq!(quarter_start(day(2026, 11, 26)), day(2026, 10, 1));
        assert_eq!(quarter_start(day(2026, 3, 31)), day(2026, 1, 1));
        assert_eq!(
            Period::ThisMonth
                .range(day(2026, 11, 26), "", "")
                .unwrap()
                .start
                .as_deref(),
            Some("2026-11-01T00:00:00Z")
        );
        assert_eq!(
            Period::Dates
                .range(day(2026, 11, 26), "2026-11-02", "2026-11-02")
                .unwrap(),
            DayRange::parse("2026-11-02", "2026-11-02").unwrap()
        );
    }

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
