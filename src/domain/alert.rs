//! Alerts (D1, D2, D4): which alerts a product or an order calls for under the shop's rules,
//! how serious each is, and how much to reorder.

use serde::{Deserialize, Serialize};

use super::AppError;
use super::order::OrderStatus;
use super::stock::StockStatus;

/// "Stock bas" at or below this share of max stock (%), until the shop changes it.
pub const DEFAULT_LOW_PERCENT: i64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    Rupture,
    Low,
    Over,
    Dormant,
    Late,
    Pending,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Critical,
    Warning,
    Info,
}

impl AlertKind {
    pub const ALL: [AlertKind; 6] = [
        Self::Rupture,
        Self::Low,
        Self::Over,
        Self::Dormant,
        Self::Late,
        Self::Pending,
    ];
    /// The kinds about a product; the others are about an order.
    pub const PRODUCT: [AlertKind; 4] = [Self::Rupture, Self::Low, Self::Over, Self::Dormant];
    pub const ORDER: [AlertKind; 2] = [Self::Late, Self::Pending];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rupture => "rupture",
            Self::Low => "low",
            Self::Over => "over",
            Self::Dormant => "dormant",
            Self::Late => "late",
            Self::Pending => "pending",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Self::Rupture => Severity::Critical,
            Self::Low | Self::Late => Severity::Warning,
            Self::Over | Self::Dormant | Self::Pending => Severity::Info,
        }
    }

    /// The rule's threshold when the shop has not changed it: % of max stock for "stock bas",
    /// days for "dormant" and "commande en attente"; the others have none.
    pub fn default_threshold(self) -> Option<i64> {
        match self {
            Self::Low => Some(DEFAULT_LOW_PERCENT),
            Self::Dormant => Some(30),
            Self::Pending => Some(3),
            Self::Rupture | Self::Over | Self::Late => None,
        }
    }

    /// Whether "Commander" makes sense (D4): when stock runs short, never on too much of it or
    /// on a product that does not sell.
    pub fn calls_for_an_order(self) -> bool {
        matches!(self, Self::Rupture | Self::Low)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Rupture => "alerts.kind.rupture",
            Self::Low => "alerts.kind.low",
            Self::Over => "alerts.kind.over",
            Self::Dormant => "alerts.kind.dormant",
            Self::Late => "alerts.kind.late",
            Self::Pending => "alerts.kind.pending",
        }
    }
}

impl Severity {
    pub const ALL: [Severity; 3] = [Self::Critical, Self::Warning, Self::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Critical => "alerts.severity.critical",
            Self::Warning => "alerts.severity.warning",
            Self::Info => "alerts.severity.info",
        }
    }
}

/// One rule of the shop (D2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertRule {
    pub kind: AlertKind,
    pub enabled: bool,
    /// % or days, for the kinds that have one.
    pub threshold: Option<i64>,
    pub in_app: bool,
    pub push: bool,
}

impl AlertRule {
    pub fn default_for(kind: AlertKind) -> Self {
        Self {
            kind,
            enabled: true,
            threshold: kind.default_threshold(),
            in_app: true,
            push: false,
        }
    }

    /// Checks a rule sent by the "Configurer" form.
    pub fn check(&self) -> Result<(), AppError> {
        let bounds = match self.kind {
            AlertKind::Low => Some(1..=100),
            AlertKind::Dormant | AlertKind::Pending => Some(1..=365),
            _ => None,
        };
        match (bounds, self.threshold) {
            (Some(range), Some(value)) if range.contains(&value) => Ok(()),
            (None, None) => Ok(()),
            _ => Err(AppError::invalid("threshold", "error.alert.threshold")),
        }
    }
}

/// The rules "Configurer" saves, parsed: each rule checked, one rule per kind at most (so
/// never more rules than kinds). Only this reaches the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet(Vec<AlertRule>);

impl RuleSet {
    /// Refuses a list longer than the kinds (before looking at any rule), a kind twice, or a
    /// rule with a wrong threshold.
    pub fn parse(rules: Vec<AlertRule>) -> Result<Self, AppError> {
        if rules.len() > AlertKind::ALL.len() {
            return Err(AppError::invalid("rules", "error.alert_rules.too_many"));
        }
        for (i, rule) in rules.iter().enumerate() {
            if rules[..i].iter().any(|before| before.kind == rule.kind) {
                return Err(AppError::invalid("rules", "error.alert_rules.duplicate"));
            }
        }
        for rule in &rules {
            rule.check()?;
        }
        Ok(Self(rules))
    }

    pub fn as_slice(&self) -> &[AlertRule] {
        &self.0
    }
}

/// The rules in force: the shop's own, the defaults for the others.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rules(Vec<AlertRule>);

impl Rules {
    pub fn new(own: Vec<AlertRule>) -> Self {
        Self(own)
    }

    /// One rule per kind, in the order of the kinds.
    pub fn in_force(&self) -> Vec<AlertRule> {
        AlertKind::ALL.into_iter().map(|k| self.get(k)).collect()
    }

    pub fn get(&self, kind: AlertKind) -> AlertRule {
        self.0
            .iter()
            .find(|r| r.kind == kind)
            .cloned()
            .unwrap_or_else(|| AlertRule::default_for(kind))
    }

    /// The share of max stock at or below which stock is low: the "stock bas" rule's threshold,
    /// whether its alert is on or off (it decides the badge too).
    pub fn low_percent(&self) -> i64 {
        self.get(AlertKind::Low)
            .threshold
            .unwrap_or(DEFAULT_LOW_PERCENT)
    }

    fn on(&self, kind: AlertKind) -> Option<AlertRule> {
        Some(self.get(kind)).filter(|r| r.enabled)
    }
}

/// What the stock alerts look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockFacts {
    pub quantity: i64,
    pub min_stock: i64,
    pub max_stock: Option<i64>,
    /// Days since the last "out" movement, or since the product was created if it has none.
    pub days_without_out: i64,
}

/// The alerts a product calls for: its status's (rupture, stock bas or surstock, the badge's own
/// rule) when that rule is on, and dormant.
pub fn product_alerts(facts: &StockFacts, rules: &Rules) -> Vec<AlertKind> {
    let mut kinds = Vec::new();
    let status = StockStatus::of(
        facts.quantity,
        facts.min_stock,
        facts.max_stock,
        rules.low_percent(),
    );
    let by_status = match status {
        StockStatus::Rupture => Some(AlertKind::Rupture),
        StockStatus::Low => Some(AlertKind::Low),
        StockStatus::Over => Some(AlertKind::Over),
        StockStatus::Normal => None,
    };
    if let Some(kind) = by_status.filter(|kind| rules.on(*kind).is_some()) {
        kinds.push(kind);
    }
    if let Some(rule) = rules.on(AlertKind::Dormant)
        && facts.quantity > 0
        && facts.days_without_out >= rule.threshold.unwrap_or(30)
    {
        kinds.push(AlertKind::Dormant);
    }
    kinds
}

/// What the order alerts look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFacts {
    pub status: OrderStatus,
    /// Days past the expected day (negative before it); `None` without an expected day.
    pub days_late: Option<i64>,
    pub days_since_created: i64,
}

/// Livraison en retard (expected day passed, not delivered) and commande en attente (pending for
/// more than the rule's days).
pub fn order_alerts(facts: &OrderFacts, rules: &Rules) -> Vec<AlertKind> {
    let mut kinds = Vec::new();
    if !facts.status.is_active() {
        return kinds;
    }
    if rules.on(AlertKind::Late).is_some() && facts.days_late.is_some_and(|d| d > 0) {
        kinds.push(AlertKind::Late);
    }
    if let Some(rule) = rules.on(AlertKind::Pending)
        && facts.status == OrderStatus::Pending
        && facts.days_since_created > rule.threshold.unwrap_or(3)
    {
        kinds.push(AlertKind::Pending);
    }
    kinds
}

/// How much to order for a stock alert (D4): the average daily sales of the last 30 days times
/// the supplier's delay plus a safety margin of 50 %, topped up to the max stock when there is
/// one; twice the min stock without any sales history (at least 1).
pub fn suggested_quantity(
    quantity: i64,
    min_stock: i64,
    max_stock: Option<i64>,
    sold_last_30_days: i64,
    delivery_days: i64,
) -> i64 {
    if sold_last_30_days <= 0 {
        return (2 * min_stock).max(1);
    }
    // ÷ 30 days × 1.5, rounded up.
    let need = (sold_last_30_days.unsigned_abs() * delivery_days.max(1).unsigned_abs() * 3)
        .div_ceil(60) as i64;
    let top_up = max_stock.map_or(0, |max| max - quantity);
    need.max(top_up).max(1)
}

/// An alert with what its text and its "Commander" button need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertView {
    pub id: String,
    pub kind: AlertKind,
    pub severity: Severity,
    /// open, read, dismissed or resolved.
    pub state: String,
    /// RFC 3339: since when the cause lasts.
    pub created_at: String,
    /// Whole days since then (the browser's clock is not trusted for it).
    pub age_days: i64,
    pub product_id: Option<String>,
    pub product_name: Option<String>,
    pub quantity: Option<i64>,
    pub unit: Option<String>,
    pub min_stock: Option<i64>,
    pub max_stock: Option<i64>,
    /// The product's usual supplier.
    pub supplier_id: Option<String>,
    pub supplier_name: Option<String>,
    /// Units of the product sold in the last 30 days (losses and breakage are not demand).
    #[serde(alias = "out_last_30_days")]
    pub sold_last_30_days: i64,
    /// The usual supplier's delay in days as its profile gives it, when it is registered.
    #[serde(default)]
    pub profile_delivery_days: Option<i64>,
    /// The days the usual supplier's delivered orders took, summed, and how many there were.
    #[serde(default)]
    pub delivered_days: i64,
    #[serde(default)]
    pub delivered_orders: u64,
    pub order_id: Option<String>,
    pub order_number: Option<i64>,
    pub order_supplier: Option<String>,
    pub expected_on: Option<String>,
}

impl AlertView {
    /// How much "Commander" proposes (D4), for an alert of stock running short.
    pub fn suggested_quantity(&self) -> Option<i64> {
        let quantity = self.quantity.filter(|_| self.kind.calls_for_an_order())?;
        Some(crate::domain::alert::suggested_quantity(
            quantity,
            self.min_stock.unwrap_or(0),
            self.max_stock,
            self.sold_last_30_days,
            self.delivery_days(),
        ))
    }

    /// The usual supplier's delay (D4): a registered supplier's own (its profile's), else the
    /// mean of what its delivered orders took (rounded up), else [`DEFAULT_DELIVERY_DAYS`].
    pub fn delivery_days(&self) -> i64 {
        match self.profile_delivery_days {
            Some(days) => days,
            None if self.delivered_orders > 0 => {
                self.delivered_days
                    .max(0)
                    .unsigned_abs()
                    .div_ceil(self.delivered_orders) as i64
            }
            None => DEFAULT_DELIVERY_DAYS,
        }
    }
}

/// How many alerts a product raised this month (D5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAlertCount {
    pub product_id: String,
    pub name: String,
    pub count: u64,
}

/// A manual supplier's delivery delay, until it has delivered enough orders to measure one.
pub const DEFAULT_DELIVERY_DAYS: i64 = 3;

#[cfg(test)]
mod tests {
    use super::*;

    fn stock(quantity: i64, min_stock: i64, max_stock: Option<i64>, idle: i64) -> StockFacts {
        StockFacts {
            quantity,
            min_stock,
            max_stock,
            days_without_out: idle,
        }
    }

    #[test]
    fn stock_alerts_at_their_boundaries() {
        let rules = Rules::default();
        let kinds = |facts| product_alerts(&facts, &rules);
        assert_eq!(kinds(stock(0, 5, Some(50), 0)), [AlertKind::Rupture]);
        assert_eq!(kinds(stock(5, 5, Some(50), 0)), [AlertKind::Low], "at min");
        assert_eq!(
            kinds(stock(10, 5, Some(50), 0)),
            [AlertKind::Low],
            "20 % of max"
        );
        assert!(kinds(stock(11, 5, Some(50), 0)).is_empty(), "above both");
        assert!(kinds(stock(49, 5, Some(50), 0)).is_empty());
        assert_eq!(
            kinds(stock(50, 5, Some(50), 0)),
            [AlertKind::Over],
            "at max"
        );
        assert!(
            kinds(stock(6, 5, None, 0)).is_empty(),
            "no max: only min counts"
        );
    }

    #[test]
    fn dormant_products_have_stock_and_no_sale_for_the_rule_s_days() {
        let rules = Rules::default();
        assert_eq!(
            product_alerts(&stock(20, 5, None, 30), &rules),
            [AlertKind::Dormant]
        );
        assert!(product_alerts(&stock(20, 5, None, 29), &rules).is_empty());
        assert_eq!(
            product_alerts(&stock(0, 5, None, 90), &rules),
            [AlertKind::Rupture],
            "nothing to sell is not dormant"
        );
    }

    #[test]
    fn the_shop_s_rules_switch_alerts_off_and_move_thresholds() {
        let rules = Rules::new(vec![
            AlertRule {
                enabled: false,
                ..AlertRule::default_for(AlertKind::Rupture)
            },
            AlertRule {
                threshold: Some(50),
                ..AlertRule::default_for(AlertKind::Low)
            },
        ]);
        assert!(product_alerts(&stock(0, 5, Some(50), 0), &rules).is_empty());
        assert_eq!(
            product_alerts(&stock(25, 5, Some(50), 0), &rules),
            [AlertKind::Low]
        );
        assert!(product_alerts(&stock(26, 5, Some(50), 0), &rules).is_empty());
    }

    #[test]
    fn the_low_alert_fires_exactly_where_the_badge_says_stock_bas() {
        for percent in [1, 20, 50, 100] {
            let rules = Rules::new(vec![AlertRule {
                threshold: Some(percent),
                ..AlertRule::default_for(AlertKind::Low)
            }]);
            for quantity in 0..=60 {
                for max in [None, Some(50)] {
                    let badge = StockStatus::of(quantity, 5, max, percent);
                    let alerts = product_alerts(&stock(quantity, 5, max, 0), &rules);
                    assert_eq!(
                        badge == StockStatus::Low,
                        alerts.contains(&AlertKind::Low),
                        "{quantity} of max {max:?} at {percent} %"
                    );
                }
            }
        }
    }

    #[test]
    fn a_low_rule_switched_off_keeps_its_share_for_the_badge() {
        let rules = Rules::new(vec![AlertRule {
            enabled: false,
            threshold: Some(40),
            ..AlertRule::default_for(AlertKind::Low)
        }]);
        assert_eq!(rules.low_percent(), 40);
        assert!(product_alerts(&stock(20, 5, Some(50), 0), &rules).is_empty());
        assert_eq!(Rules::default().low_percent(), DEFAULT_LOW_PERCENT);
    }

    #[test]
    fn order_alerts_at_their_boundaries() {
        let rules = Rules::default();
        let order = |status, days_late, age| OrderFacts {
            status,
            days_late,
            days_since_created: age,
        };
        use OrderStatus::*;
        assert_eq!(
            order_alerts(&order(Confirmed, Some(1), 1), &rules),
            [AlertKind::Late]
        );
        assert!(order_alerts(&order(Confirmed, Some(0), 1), &rules).is_empty());
        assert_eq!(
            order_alerts(&order(Pending, None, 4), &rules),
            [AlertKind::Pending]
        );
        assert!(order_alerts(&order(Pending, None, 3), &rules).is_empty());
        assert!(order_alerts(&order(Delivered, Some(9), 9), &rules).is_empty());
        assert!(order_alerts(&order(Cancelled, Some(9), 9), &rules).is_empty());
    }

    #[test]
    fn rules_are_checked() {
        let mut rule = AlertRule::default_for(AlertKind::Low);
        assert!(rule.check().is_ok());
        rule.threshold = Some(0);
        assert!(rule.check().is_err());
        rule.threshold = Some(101);
        assert!(rule.check().is_err());
        let mut rupture = AlertRule::default_for(AlertKind::Rupture);
        rupture.threshold = Some(3);
        assert!(rupture.check().is_err());
    }

    #[test]
    fn a_rule_list_has_one_rule_per_kind_at_most() {
        let all: Vec<AlertRule> = AlertKind::ALL.map(AlertRule::default_for).into();
        assert_eq!(RuleSet::parse(all.clone()).unwrap().as_slice(), all);
        assert!(RuleSet::parse(Vec::new()).unwrap().as_slice().is_empty());

        let mut twice = vec![AlertRule::default_for(AlertKind::Low)];
        twice.push(AlertRule {
            threshold: Some(40),
            ..AlertRule::default_for(AlertKind::Low)
        });
        assert_eq!(
            RuleSet::parse(twice),
            Err(AppError::invalid("rules", "error.alert_rules.duplicate"))
        );

        let seven: Vec<AlertRule> = all
            .iter()
            .cloned()
            .chain([AlertRule::default_for(AlertKind::Late)])
            .collect();
        assert_eq!(
            RuleSet::parse(seven),
            Err(AppError::invalid("rules", "error.alert_rules.too_many"))
        );
        let flood = vec![AlertRule::default_for(AlertKind::Rupture); 20_000];
        assert_eq!(
            RuleSet::parse(flood),
            Err(AppError::invalid("rules", "error.alert_rules.too_many"))
        );
    }

    #[test]
    fn a_rule_list_checks_each_rule() {
        let bad = AlertRule {
            threshold: Some(0),
            ..AlertRule::default_for(AlertKind::Dormant)
        };
        assert_eq!(
            RuleSet::parse(vec![AlertRule::default_for(AlertKind::Low), bad]),
            Err(AppError::invalid("threshold", "error.alert.threshold"))
        );
    }

    #[test]
    fn suggested_quantities() {
        // No sales history: twice the min stock.
        assert_eq!(suggested_quantity(0, 5, Some(50), 0, 3), 10);
        // 60 out in 30 days = 2 a day; 3 days' delay × 1.5 = 9; topped up to max 50 − 0.
        assert_eq!(suggested_quantity(0, 5, Some(50), 60, 3), 50);
        // Without max: the need alone.
        assert_eq!(suggested_quantity(2, 5, None, 60, 3), 9);
        assert_eq!(suggested_quantity(0, 0, None, 0, 3), 1);
    }

    fn rice_alert(kind: AlertKind) -> AlertView {
        AlertView {
            id: "a1".into(),
            kind,
            severity: kind.severity(),
            state: "open".into(),
            created_at: "2026-12-01T08:00:00Z".into(),
            age_days: 0,
            product_id: Some("p1".into()),
            product_name: Some("Riz".into()),
            quantity: Some(2),
            unit: Some("sac".into()),
            min_stock: Some(5),
            max_stock: None,
            supplier_id: Some("s1".into()),
            supplier_name: Some("Moussa".into()),
            sold_last_30_days: 60,
            profile_delivery_days: None,
            delivered_days: 0,
            delivered_orders: 0,
            order_id: None,
            order_number: None,
            order_supplier: None,
            expected_on: None,
        }
    }

    #[test]
    fn the_suggestion_waits_the_suppliers_own_delay() {
        let mut alert = rice_alert(AlertKind::Low);
        assert_eq!(alert.delivery_days(), DEFAULT_DELIVERY_DAYS);
        assert_eq!(
            alert.suggested_quantity(),
            Some(9),
            "2 a day × 3 days × 1.5"
        );
        // Two deliveries that took 4 and 7 days: 5.5, rounded up.
        (alert.delivered_days, alert.delivered_orders) = (11, 2);
        assert_eq!(alert.delivery_days(), 6);
        assert_eq!(alert.suggested_quantity(), Some(18));
        // A registered supplier's profile says 2 days: its word goes first.
        alert.profile_delivery_days = Some(2);
        assert_eq!(alert.suggested_quantity(), Some(6));
    }

    #[test]
    fn only_stock_running_short_calls_for_an_order() {
        for kind in AlertKind::ALL {
            let offered = rice_alert(kind).suggested_quantity().is_some();
            assert_eq!(
                offered,
                matches!(kind, AlertKind::Rupture | AlertKind::Low),
                "{kind:?}"
            );
        }
    }
}
