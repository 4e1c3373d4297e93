//! Statistiques (E3, E4): the periods offered and the pure shaping of what the database summed
//! (days without movements filled in, long periods grouped by week, shares of a whole).

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::stock::StockStatus;

/// The period every figure of the statistics covers (E3): the last 7, 30 or 90 days, today
/// included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum StatsPeriod {
    #[default]
    #[serde(rename = "7")]
    Days7,
    #[serde(rename = "30")]
    Days30,
    #[serde(rename = "90")]
    Days90,
}

impl StatsPeriod {
    pub const ALL: [StatsPeriod; 3] = [Self::Days7, Self::Days30, Self::Days90];

    pub fn days(self) -> u32 {
        match self {
            Self::Days7 => 7,
            Self::Days30 => 30,
            Self::Days90 => 90,
        }
    }

    /// The first day the period covers, when it ends `today`.
    pub fn first_day(self, today: NaiveDate) -> NaiveDate {
        today
            .checked_sub_days(Days::new(u64::from(self.days() - 1)))
            .unwrap_or(today)
    }

    /// Days per bar of the in/out chart: 90 daily pairs would not fit a phone, 13 weekly ones do.
    pub fn bucket_days(self) -> u32 {
        match self {
            Self::Days90 => 7,
            _ => 1,
        }
    }
}

/// Units in and out during one bar of the chart, which starts on `day` (`YYYY-MM-DD`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    pub day: String,
    pub units_in: i64,
    pub units_out: i64,
}

/// The bars of the period ending `today`, oldest first, from the per-day sums the database
/// returned (days without movements are absent there; they are zero here).
pub fn flows(period: StatsPeriod, today: NaiveDate, per_day: &[Flow]) -> Vec<Flow> {
    let first = period.first_day(today);
    let width = u64::from(period.bucket_days());
    let buckets = u64::from(period.days()).div_ceil(width);
    let mut bars: Vec<Flow> = (0..buckets)
        .filter_map(|i| first.checked_add_days(Days::new(i * width)))
        .map(|start| Flow {
            day: start.format("%Y-%m-%d").to_string(),
            ..Flow::default()
        })
        .collect();
    for sum in per_day {
        let Ok(day) = NaiveDate::parse_from_str(&sum.day, "%Y-%m-%d") else {
            continue;
        };
        let Ok(offset) = u64::try_from((day - first).num_days()) else {
            continue;
        };
        if let Some(bar) = bars.get_mut((offset / width) as usize) {
            bar.units_in += sum.units_in;
            bar.units_out += sum.units_out;
        }
    }
    bars
}

/// `part` as a percentage of `whole` (0 when the whole is empty), for bar widths and legends.
pub fn percent(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        0.0
    } else {
        (part.max(0) as f64) * 100.0 / (whole as f64)
    }
}

/// Where each slice of a donut starts and how long it is, both in percent of the circle.
pub fn donut_slices(counts: &[u64]) -> Vec<(f64, f64)> {
    let whole: u64 = counts.iter().sum();
    let mut start = 0.0;
    counts
        .iter()
        .map(|&count| {
            let length = percent(count as i64, whole as i64);
            let slice = (start, length);
            start += length;
            slice
        })
        .collect()
}

/// Stock value of one category; `name` is `None` for "Sans catégorie".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryValue {
    pub name: Option<String>,
    pub products: u64,
    /// Σ purchase price × quantity, minor units.
    #[serde(default, deserialize_with = "crate::domain::money::saturating")]
    pub value: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: StockStatus,
    pub count: u64,
}

/// A product in a top list, with the figure it is ranked by (stock value or units sold).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedProduct {
    pub id: String,
    pub name: String,
    pub unit: String,
    #[serde(default, deserialize_with = "crate::domain::money::saturating")]
    pub figure: i64,
}

/// "X produits, Y commandes ce mois, Z alertes traitées" (E8).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub products: u64,
    pub orders_this_month: u64,
    /// Alerts read, dismissed or resolved this month.
    pub alerts_handled: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsReport {
    pub period: StatsPeriod,
    /// First and last day covered, `YYYY-MM-DD` (UTC).
    pub first_day: String,
    pub last_day: String,
    /// Largest value first.
    pub by_category: Vec<CategoryValue>,
    /// Every status, in [`StockStatus::ALL`] order, zeros included.
    pub by_status: Vec<StatusCount>,
    /// Oldest first; one bar a day, or a week for 90 days.
    pub flows: Vec<Flow>,
    /// The five products holding the most stock value.
    pub top_by_value: Vec<RankedProduct>,
    /// The three products sold most during the period (units of "vente" movements).
    pub top_sellers: Vec<RankedProduct>,
    pub usage: Usage,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn flow(day: &str, units_in: i64, units_out: i64) -> Flow {
        Flow {
            day: day.into(),
            units_in,
            units_out,
        }
    }

    #[test]
    fn periods_end_today_and_count_today() {
        let today = day("2026-11-24");
        assert_eq!(StatsPeriod::Days7.first_day(today), day("2026-11-18"));
        assert_eq!(StatsPeriod::Days30.first_day(today), day("2026-10-26"));
        assert_eq!(StatsPeriod::Days90.first_day(today), day("2026-08-27"));
    }

    #[test]
    fn days_without_movements_are_zero_bars() {
        let today = day("2026-11-24");
        let bars = flows(
            StatsPeriod::Days7,
            today,
            &[flow("2026-11-18", 5, 0), flow("2026-11-24", 1, 3)],
        );
        assert_eq!(bars.len(), 7);
        assert_eq!(bars[0], flow("2026-11-18", 5, 0));
        assert_eq!(bars[3], flow("2026-11-21", 0, 0));
        assert_eq!(bars[6], flow("2026-11-24", 1, 3));
    }

    #[test]
    fn ninety_days_are_thirteen_weeks_and_days_outside_are_ignored() {
        let today = day("2026-11-24");
        let bars = flows(
            StatsPeriod::Days90,
            today,
            &[
                flow("2026-08-26", 100, 100),
                flow("2026-08-27", 1, 0),
                flow("2026-09-02", 2, 1),
                flow("2026-09-03", 4, 0),
                flow("2026-11-24", 0, 9),
                flow("not a day", 7, 7),
            ],
        );
        assert_eq!(bars.len(), 13);
        assert_eq!(bars[0], flow("2026-08-27", 3, 1));
        assert_eq!(bars[1], flow("2026-09-03", 4, 0));
        assert_eq!(bars[12].units_out, 9);
        assert_eq!(bars.iter().map(|b| b.units_in).sum::<i64>(), 7);
    }

    #[test]
    fn shares_of_an_empty_whole_are_zero() {
        assert_eq!(percent(1, 4), 25.0);
        assert_eq!(percent(3, 0), 0.0);
        assert_eq!(
            donut_slices(&[1, 0, 3]),
            vec![(0.0, 25.0), (25.0, 0.0), (25.0, 75.0)]
        );
        assert_eq!(donut_slices(&[0, 0]), vec![(0.0, 0.0), (0.0, 0.0)]);
    }
}
