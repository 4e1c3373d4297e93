//! Stock rules (B3, B4): the status of a product from its quantity and thresholds, and the
//! movements that change the quantity.

use serde::{Deserialize, Serialize};

use super::AppError;

/// Stock status badges: rupture (red), stock bas (orange), normal, surstock (blue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StockStatus {
    Rupture,
    Low,
    Normal,
    Over,
}

impl StockStatus {
    pub const ALL: [StockStatus; 4] = [Self::Rupture, Self::Low, Self::Normal, Self::Over];

    /// `max_stock` of `None` means no upper threshold. Stock is low at or below the min stock,
    /// or at or below `low_percent` % of the max stock: the shop's "stock bas" rule (D2), so the
    /// badge and the alert never disagree.
    pub fn of(quantity: i64, min_stock: i64, max_stock: Option<i64>, low_percent: i64) -> Self {
        let low_share = max_stock.is_some_and(|max| quantity * 100 <= low_percent * max);
        if quantity <= 0 {
            Self::Rupture
        } else if quantity <= min_stock || low_share {
            Self::Low
        } else if max_stock.is_some_and(|max| quantity >= max) {
            Self::Over
        } else {
            Self::Normal
        }
    }

    /// Its place in the "Statut" sort: the most urgent first.
    pub fn rank(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rupture => "rupture",
            Self::Low => "low",
            Self::Normal => "normal",
            Self::Over => "over",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Rupture => "stock.status.rupture",
            Self::Low => "stock.status.low",
            Self::Normal => "stock.status.normal",
            Self::Over => "stock.status.over",
        }
    }
}

/// The most units of one product a shop can hold or move at once (a billion).
pub const MAX_QUANTITY: i64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MovementKind {
    In,
    Out,
}

impl MovementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Out => "out",
        }
    }

    /// The reasons that fit this direction (B4): stock comes in by a delivery, goes out by a
    /// sale, a loss or breakage; a return, a correction or another reason go either way.
    pub fn reasons(self) -> &'static [&'static str] {
        match self {
            Self::In => &["delivery", "return", "correction", "other"],
            Self::Out => &["sale", "loss", "breakage", "return", "correction", "other"],
        }
    }

    /// The change of quantity a movement of `quantity` units makes.
    pub fn delta(self, quantity: i64) -> i64 {
        match self {
            Self::In => quantity,
            Self::Out => -quantity,
        }
    }
}

/// Why stock moved (B4). `Other` carries the shopkeeper's own words.
pub const REASONS: [&str; 7] = [
    "sale",
    "delivery",
    "loss",
    "breakage",
    "correction",
    "return",
    "other",
];

/// The i18n key of a movement reason (`opening` is the stock a product was created with).
pub fn reason_label_key(reason: &str) -> &'static str {
    match reason {
        "opening" => "stock.reason.opening",
        "sale" => "stock.reason.sale",
        "delivery" => "stock.reason.delivery",
        "loss" => "stock.reason.loss",
        "breakage" => "stock.reason.breakage",
        "correction" => "stock.reason.correction",
        "return" => "stock.reason.return",
        _ => "stock.reason.other",
    }
}

/// A validated stock movement request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub kind: MovementKind,
    pub quantity: i64,
    pub reason: String,
    pub note: String,
}

impl Movement {
    pub fn parse(
        kind: MovementKind,
        quantity: i64,
        reason: &str,
        note: &str,
    ) -> Result<Self, AppError> {
        if quantity <= 0 {
            return Err(AppError::invalid("quantity", "error.quantity.positive"));
        }
        if quantity > MAX_QUANTITY {
            return Err(AppError::invalid("quantity", "error.quantity.too_large"));
        }
        if !REASONS.contains(&reason) {
            return Err(AppError::invalid("reason", "error.reason.unknown"));
        }
        if !kind.reasons().contains(&reason) {
            return Err(AppError::invalid("reason", "error.reason.direction"));
        }
        let note = note.trim();
        if reason == "other" && note.is_empty() {
            return Err(AppError::invalid("note", "error.reason.other_needs_text"));
        }
        if note.chars().count() > 200 {
            return Err(AppError::invalid("note", "error.field.too_long"));
        }
        Ok(Self {
            kind,
            quantity,
            reason: reason.to_owned(),
            note: note.to_owned(),
        })
    }

    /// Stock the server brings in by itself (`opening`, `delivery`), without a note.
    pub fn incoming(quantity: i64, reason: &str) -> Self {
        Self {
            kind: MovementKind::In,
            quantity,
            reason: reason.to_owned(),
            note: String::new(),
        }
    }

    /// Its line in the ledger, made at `at` and leaving `balance_after` (the phone does not
    /// know who the server will name: `by_name` comes with the pull).
    pub fn line(&self, at: &str, balance_after: i64) -> LedgerLine {
        LedgerLine {
            at: at.to_owned(),
            kind: self.kind,
            quantity: self.quantity,
            reason: self.reason.clone(),
            note: self.note.clone(),
            balance_after,
            by_name: None,
        }
    }

    /// The quantity after this movement, or the refusal when it would go below zero.
    pub fn apply(&self, current: i64) -> Result<i64, AppError> {
        let next = current + self.kind.delta(self.quantity);
        if next < 0 {
            Err(AppError::invalid("quantity", "error.stock.insufficient"))
        } else {
            Ok(next)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementInput {
    pub product_id: String,
    pub kind: MovementKind,
    pub quantity: i64,
    /// One of `domain::stock::REASONS`.
    pub reason: String,
    pub note: String,
}

/// One line of a product's ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerLine {
    /// RFC 3339, UTC.
    pub at: String,
    pub kind: MovementKind,
    pub quantity: i64,
    pub reason: String,
    pub note: String,
    pub balance_after: i64,
    pub by_name: Option<String>,
}

/// How many of a product's latest movements the phone keeps (I2): its detail shows them offline,
/// without the shop's whole history on the phone.
pub const RECENT_LINES: usize = 10;

/// Lines of a ledger page the server answers (B5).
pub const LEDGER_PAGE: u32 = 50;

/// A product's latest movements, newest first, as the pull sends them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentLedger {
    /// The product's id.
    pub id: String,
    pub lines: Vec<LedgerLine>,
}

/// Filters of the shop's movement history (E5). Dates are days, `YYYY-MM-DD`, inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HistoryQuery {
    #[serde(default)]
    pub kind: Option<MovementKind>,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl HistoryQuery {
    pub const PAGE_SIZE: u32 = 50;
}

/// One movement of the shop, with its product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryLine {
    pub product_name: String,
    #[serde(flatten)]
    pub line: LedgerLine,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HistoryPage {
    pub items: Vec<HistoryLine>,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_boundaries() {
        use StockStatus::*;
        let cases = [
            (0, 5, Some(50), Rupture),
            (1, 5, Some(50), Low),
            (5, 5, Some(50), Low),
            (10, 5, Some(50), Low),
            (11, 5, Some(50), Normal),
            (49, 5, Some(50), Normal),
            (50, 5, Some(50), Over),
            (500, 5, None, Normal),
            (0, 0, None, Rupture),
            (1, 0, None, Normal),
        ];
        for (quantity, min, max, expected) in cases {
            assert_eq!(
                StockStatus::of(quantity, min, max, 20),
                expected,
                "{quantity} {min} {max:?}"
            );
        }
        for status in StockStatus::ALL {
            assert_eq!(StockStatus::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn the_shops_low_share_moves_the_low_badge() {
        assert_eq!(StockStatus::of(25, 5, Some(50), 50), StockStatus::Low);
        assert_eq!(StockStatus::of(26, 5, Some(50), 50), StockStatus::Normal);
        assert_eq!(
            StockStatus::of(5, 5, Some(50), 1),
            StockStatus::Low,
            "min still counts"
        );
    }

    #[test]
    fn movements_never_take_stock_below_zero() {
        let out = Movement::parse(MovementKind::Out, 5, "sale", "").unwrap();
        assert_eq!(out.apply(5), Ok(0));
        assert_eq!(
            out.apply(4),
            Err(AppError::invalid("quantity", "error.stock.insufficient"))
        );
        let delivery = Movement::parse(MovementKind::In, 12, "delivery", "").unwrap();
        assert_eq!(delivery.apply(0), Ok(12));
    }

    #[test]
    fn movement_input_is_checked_field_by_field() {
        let err = |r: Result<Movement, AppError>| r.unwrap_err();
        assert_eq!(
            err(Movement::parse(MovementKind::In, 0, "sale", "")).field(),
            Some("quantity")
        );
        assert_eq!(
            err(Movement::parse(MovementKind::In, -3, "sale", "")).field(),
            Some("quantity")
        );
        assert_eq!(
            err(Movement::parse(MovementKind::In, 3, "gift", "")).field(),
            Some("reason")
        );
        assert_eq!(
            err(Movement::parse(MovementKind::Out, 3, "other", " ")).field(),
            Some("note")
        );
        assert!(Movement::parse(MovementKind::Out, 3, "other", "offert au voisin").is_ok());
        assert_eq!(
            err(Movement::parse(MovementKind::In, 3, "sale", "")).message_key(),
            "error.reason.direction"
        );
        assert_eq!(
            err(Movement::parse(MovementKind::Out, 3, "delivery", "")).message_key(),
            "error.reason.direction"
        );
    }
}
