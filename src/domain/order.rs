//! Purchase orders (C4–C7): statuses and the moves between them, what a valid order and a
//! delivery are, and when a recurring order comes round again.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::money::MAX_PRICE;
use super::period::Period;
use super::stock::MAX_QUANTITY;
use super::{AppError, RecordKey};

/// en attente → confirmée → expédiée → livrée; annulée (withdrawn by the shop, or a manual
/// order called off) and refusée (a registered supplier said no, with its reason) stand apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Pending,
    Confirmed,
    Shipped,
    Delivered,
    Cancelled,
    Refused,
}

/// Who asks for a change of status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Shopkeeper,
    Supplier,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 6] = [
        Self::Pending,
        Self::Confirmed,
        Self::Shipped,
        Self::Delivered,
        Self::Cancelled,
        Self::Refused,
    ];
    /// The steps of the progress bar, in order.
    pub const STEPS: [OrderStatus; 4] = [
        Self::Pending,
        Self::Confirmed,
        Self::Shipped,
        Self::Delivered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Confirmed => "confirmed",
            Self::Shipped => "shipped",
            Self::Delivered => "delivered",
            Self::Cancelled => "cancelled",
            Self::Refused => "refused",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Pending => "order.status.pending",
            Self::Confirmed => "order.status.confirmed",
            Self::Shipped => "order.status.shipped",
            Self::Delivered => "order.status.delivered",
            Self::Cancelled => "order.status.cancelled",
            Self::Refused => "order.status.refused",
        }
    }

    /// The position on the progress bar; `None` for a cancelled or refused order.
    pub fn step(self) -> Option<usize> {
        Self::STEPS.iter().position(|s| *s == self)
    }

    /// Still expected: neither delivered, cancelled nor refused.
    pub fn is_active(self) -> bool {
        !matches!(self, Self::Delivered | Self::Cancelled | Self::Refused)
    }

    /// Whether `actor` may move an order from `self` to `next`.
    ///
    /// A manual supplier is not in the app, so the shopkeeper records its steps and may skip
    /// some (the goods often arrive without notice). A connected order's steps belong to the
    /// supplier, one at a time; the shopkeeper can only withdraw it while it is pending.
    pub fn can_become(self, next: Self, actor: Actor, connected: bool) -> bool {
        use OrderStatus::*;
        match (actor, connected) {
            (Actor::Shopkeeper, false) => match next {
                Cancelled => self.is_active(),
                _ => matches!((self.step(), next.step()), (Some(a), Some(b)) if b > a),
            },
            (Actor::Shopkeeper, true) => self == Pending && next == Cancelled,
            (Actor::Supplier, true) => matches!(
                (self, next),
                (Pending, Confirmed)
                    | (Pending, Refused)
                    | (Confirmed, Shipped)
                    | (Shipped, Delivered)
            ),
            (Actor::Supplier, false) => false,
        }
    }

    /// The statuses from which `actor` may move an order to `next`.
    pub fn sources(next: Self, actor: Actor, connected: bool) -> Vec<&'static str> {
        Self::ALL
            .into_iter()
            .filter(|from| from.can_become(next, actor, connected))
            .map(Self::as_str)
            .collect()
    }
}

/// One line of the order form: a product of the shop, how many, at what unit price.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineInput {
    pub product_id: String,
    pub quantity: i64,
    pub unit_price: i64,
}

/// What the order form sends. `expected_on` is a day, `YYYY-MM-DD`, or empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderInput {
    pub supplier_id: String,
    pub lines: Vec<OrderLineInput>,
    pub expected_on: String,
    pub note: String,
}

/// An order that passed every rule, with its total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderDraft {
    pub supplier_id: RecordKey,
    pub lines: Vec<OrderLineInput>,
    pub expected_on: Option<String>,
    pub note: String,
    pub total: i64,
}

/// More lines than any shop's order; keeps one request bounded.
pub const MAX_LINES: usize = 200;

impl OrderDraft {
    pub fn parse(input: &OrderInput) -> Result<Self, AppError> {
        let supplier_id = RecordKey::parse_optional("supplier_id", &input.supplier_id)?
            .ok_or_else(|| AppError::invalid("supplier_id", "error.order.supplier"))?;
        if input.lines.is_empty() {
            return Err(AppError::invalid("lines", "error.order.empty"));
        }
        if input.lines.len() > MAX_LINES {
            return Err(AppError::invalid("lines", "error.order.too_many_lines"));
        }
        let mut total: i64 = 0;
        for (i, line) in input.lines.iter().enumerate() {
            if input.lines[..i]
                .iter()
                .any(|l| l.product_id == line.product_id)
            {
                return Err(AppError::invalid("lines", "error.order.duplicate_line"));
            }
            if !RecordKey::is_valid(&line.product_id) {
                return Err(AppError::invalid("lines", "error.id.invalid"));
            }
            if line.quantity <= 0 || line.quantity > MAX_QUANTITY {
                return Err(AppError::invalid("lines", "error.order.line_quantity"));
            }
            if !(0..=MAX_PRICE).contains(&line.unit_price) {
                return Err(AppError::invalid("lines", "error.order.line_price"));
            }
            total = line
                .quantity
                .checked_mul(line.unit_price)
                .and_then(|amount| total.checked_add(amount))
                .filter(|t| *t <= MAX_PRICE)
                .ok_or_else(|| AppError::invalid("lines", "error.quantity.too_large"))?;
        }
        let expected_on = match input.expected_on.trim() {
            "" => None,
            raw => Some(
                NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                    .map_err(|_| AppError::invalid("expected_on", "error.date.invalid"))?
                    .format("%Y-%m-%d")
                    .to_string(),
            ),
        };
        if input.note.chars().count() > 1000 {
            return Err(AppError::invalid("note", "error.field.too_long"));
        }
        Ok(Self {
            supplier_id,
            lines: input.lines.clone(),
            expected_on,
            note: input.note.trim().to_owned(),
            total,
        })
    }
}

/// How many units of a line arrived ("Marquer livrée"); may differ from the ordered quantity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedLine {
    pub product_id: String,
    pub quantity: i64,
}

/// Checks the received quantities: none negative, none absurd, something arrived.
pub fn check_received(lines: &[ReceivedLine]) -> Result<(), AppError> {
    if lines.iter().any(|l| !RecordKey::is_valid(&l.product_id)) {
        return Err(AppError::invalid("received", "error.id.invalid"));
    }
    if lines
        .iter()
        .any(|l| !(0..=MAX_QUANTITY).contains(&l.quantity))
    {
        return Err(AppError::invalid(
            "received",
            "error.order.received_quantity",
        ));
    }
    if lines.iter().all(|l| l.quantity == 0) {
        return Err(AppError::invalid(
            "received",
            "error.order.nothing_received",
        ));
    }
    Ok(())
}

/// When a recurring order comes round again (C7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "every")]
pub enum Recurrence {
    /// Every week on `weekday`, 1 = Monday … 7 = Sunday.
    Week { weekday: u8 },
    /// Every `days` days.
    Days { days: u16 },
}

impl Recurrence {
    pub fn check(self) -> Result<Self, AppError> {
        let ok = match self {
            Self::Week { weekday } => (1..=7).contains(&weekday),
            Self::Days { days } => (1..=365).contains(&days),
        };
        if ok {
            Ok(self)
        } else {
            Err(AppError::invalid("recurrence", "error.order.recurrence"))
        }
    }

    /// The first due day strictly after `day`.
    pub fn next_after(self, day: NaiveDate) -> NaiveDate {
        match self {
            Self::Week { weekday } => {
                let today = day.weekday().number_from_monday() as u8;
                let ahead = (weekday + 7 - today) % 7;
                day + Days::new(u64::from(if ahead == 0 { 7 } else { ahead }))
            }
            Self::Days { days } => day + Days::new(u64::from(days)),
        }
    }
}

/// An order as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: String,
    /// "Commande n°12": numbered per shop.
    pub number: i64,
    /// `None` once the supplier was deleted; the name stays.
    pub supplier_id: Option<String>,
    pub supplier_name: String,
    pub status: OrderStatus,
    pub is_connected: bool,
    pub total: i64,
    /// What the delivered quantities cost, once delivered.
    pub received_total: Option<i64>,
    pub line_count: i64,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// `YYYY-MM-DD`.
    pub expected_on: Option<String>,
    pub delivered_at: Option<String>,
    pub recurrence: Option<Recurrence>,
    /// The day the next recurring order will be created, `YYYY-MM-DD`.
    pub next_run: Option<String>,
    /// The stars the shop gave it once delivered (C3, G6).
    #[serde(default)]
    pub rating: Option<i64>,
}

/// One product of an order, its price frozen at creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub id: String,
    /// `None` once the product was deleted.
    pub product_id: Option<String>,
    pub name: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price: i64,
    /// Set by the delivery; may differ from `quantity`.
    pub received: Option<i64>,
}

/// The detail modal: everything about one order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    #[serde(flatten)]
    pub summary: OrderSummary,
    pub lines: Vec<OrderLine>,
    pub note: String,
    pub confirmed_at: Option<String>,
    pub shipped_at: Option<String>,
    pub cancelled_at: Option<String>,
    pub supplier_phone: Option<String>,
    pub supplier_whatsapp: Option<String>,
    /// The number of the order this one repeats ("Recommander", recurring).
    pub source_number: Option<i64>,
    /// The photo of its delivery note or invoice (C9).
    pub attachment: Option<String>,
    /// Why a registered supplier refused it.
    #[serde(default)]
    pub refusal_reason: Option<String>,
    #[serde(default)]
    pub rating_comment: Option<String>,
    /// The marketplace profile of a connected order's supplier.
    #[serde(default)]
    pub vendor_profile_id: Option<String>,
}

impl Order {
    /// The shopkeeper moves the order to `to` (confirmée, expédiée, annulée) at `at`, as
    /// `POST /api/orders/status` does; "livrée" is [`Order::deliver`].
    pub fn move_to(&mut self, to: OrderStatus, at: &str) -> Result<(), AppError> {
        if matches!(to, OrderStatus::Delivered | OrderStatus::Pending) {
            return Err(transition());
        }
        self.check_allowed(to)?;
        self.summary.status = to;
        let stamp = match to {
            OrderStatus::Confirmed => &mut self.confirmed_at,
            OrderStatus::Shipped => &mut self.shipped_at,
            _ => &mut self.cancelled_at,
        };
        *stamp = Some(at.to_owned());
        self.refusal_reason = None;
        Ok(())
    }

    /// "Marquer livrée" at `at`, as `POST /api/orders/deliver` does: each line records what
    /// arrived of it (0 for a product not listed). Returns what goes into stock, by product.
    pub fn deliver(
        &mut self,
        received: &[ReceivedLine],
        at: &str,
    ) -> Result<Vec<ReceivedLine>, AppError> {
        check_received(received)?;
        self.check_allowed(OrderStatus::Delivered)?;
        let got = |line: &OrderLine| {
            line.product_id.as_ref().map_or(0, |id| {
                received
                    .iter()
                    .find(|r| &r.product_id == id)
                    .map_or(0, |r| r.quantity)
            })
        };
        // Widened: a line's received units times its price may pass the largest integer.
        let total: i128 = self
            .lines
            .iter()
            .map(|line| i128::from(got(line)) * i128::from(line.unit_price))
            .sum();
        let total = i64::try_from(total)
            .ok()
            .filter(|t| *t <= MAX_PRICE)
            .ok_or_else(|| AppError::invalid("received", "error.quantity.too_large"))?;
        let mut arrived = Vec::new();
        for line in &mut self.lines {
            let quantity = got(line);
            line.received = Some(quantity);
            if let Some(product_id) = line.product_id.clone().filter(|_| quantity > 0) {
                arrived.push(ReceivedLine {
                    product_id,
                    quantity,
                });
            }
        }
        self.summary.status = OrderStatus::Delivered;
        self.summary.delivered_at = Some(at.to_owned());
        self.summary.received_total = Some(total);
        Ok(arrived)
    }

    fn check_allowed(&self, to: OrderStatus) -> Result<(), AppError> {
        let connected = self.summary.is_connected;
        if self
            .summary
            .status
            .can_become(to, Actor::Shopkeeper, connected)
        {
            Ok(())
        } else {
            Err(transition())
        }
    }
}

fn transition() -> AppError {
    AppError::invalid("status", "error.order.transition")
}

/// Filters of the order list (C8).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderQuery {
    #[serde(default)]
    pub status: Option<OrderStatus>,
    /// Empty for every supplier.
    #[serde(default, deserialize_with = "crate::domain::id::optional_key_text")]
    pub supplier_id: String,
    #[serde(default)]
    pub period: Period,
    /// `YYYY-MM-DD`, read with `Period::Dates`.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl OrderQuery {
    pub const PAGE_SIZE: u32 = 20;

    /// The page of `orders` this query asks for, newest first, with what delivered orders cost
    /// this month and quarter, as `store::orders::list` answers it on the server (the phone's
    /// replica answers it without the network). `today` is the caller's day (UTC).
    pub fn select<'a>(
        &self,
        orders: impl IntoIterator<Item = &'a OrderSummary>,
        today: NaiveDate,
    ) -> Result<OrderPage, AppError> {
        let range = self.period.range(today, &self.from, &self.to)?;
        let start = range.start.as_deref().and_then(moment);
        let end = range.end.as_deref().and_then(moment);
        let all: Vec<&OrderSummary> = orders.into_iter().collect();
        let mut found: Vec<&OrderSummary> = all
            .iter()
            .copied()
            .filter(|o| {
                let created = moment(&o.created_at);
                self.status.is_none_or(|s| o.status == s)
                    && (self.supplier_id.is_empty()
                        || o.supplier_id.as_deref() == Some(self.supplier_id.as_str()))
                    && start.is_none_or(|start| created.is_some_and(|c| c >= start))
                    && end.is_none_or(|end| created.is_some_and(|c| c < end))
            })
            .collect();
        found.sort_by_cached_key(|o| std::cmp::Reverse(moment(&o.created_at)));
        let spent_since = |day: NaiveDate| {
            let since = moment(&super::period::instant(day));
            all.iter()
                .filter(|o| o.status == OrderStatus::Delivered)
                .filter(|o| o.delivered_at.as_deref().and_then(moment) >= since)
                .map(|o| o.received_total.unwrap_or(0))
                .fold(0i64, i64::saturating_add)
        };
        let first =
            usize::try_from(super::page::start(self.page, Self::PAGE_SIZE)).unwrap_or(usize::MAX);
        Ok(OrderPage {
            total: found.len() as u64,
            items: found
                .into_iter()
                .skip(first)
                .take(Self::PAGE_SIZE as usize)
                .cloned()
                .collect(),
            spent_month: spent_since(super::period::month_start(today)),
            spent_quarter: spent_since(super::period::quarter_start(today)),
        })
    }
}

/// A stored instant (RFC 3339) as a comparable time; text that is not one compares as none.
fn moment(raw: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    chrono::DateTime::parse_from_rfc3339(raw).ok()
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderPage {
    pub items: Vec<OrderSummary>,
    pub total: u64,
    /// What delivered orders cost this month and this quarter (received quantities).
    pub spent_month: i64,
    pub spent_quarter: i64,
}

#[cfg(test)]
mod tests {
    use super::OrderStatus::*;
    use super::*;

    #[test]
    fn a_manual_order_moves_forward_or_is_cancelled_while_active() {
        let manual = |from: OrderStatus, to| from.can_become(to, Actor::Shopkeeper, false);
        let allowed = [
            (Pending, Confirmed),
            (Pending, Shipped),
            (Pending, Delivered),
            (Pending, Cancelled),
            (Confirmed, Shipped),
            (Confirmed, Delivered),
            (Confirmed, Cancelled),
            (Shipped, Delivered),
            (Shipped, Cancelled),
        ];
        for from in OrderStatus::ALL {
            for to in OrderStatus::ALL {
                assert_eq!(
                    manual(from, to),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
    }

    #[test]
    fn a_connected_order_follows_its_supplier_one_step_at_a_time() {
        let supplier = [
            (Pending, Confirmed),
            (Pending, Refused),
            (Confirmed, Shipped),
            (Shipped, Delivered),
        ];
        for from in OrderStatus::ALL {
            for to in OrderStatus::ALL {
                assert_eq!(
                    from.can_become(to, Actor::Supplier, true),
                    supplier.contains(&(from, to)),
                    "supplier {from:?} → {to:?}"
                );
                assert_eq!(
                    from.can_become(to, Actor::Shopkeeper, true),
                    (from, to) == (Pending, Cancelled),
                    "shopkeeper {from:?} → {to:?}"
                );
                assert!(!from.can_become(to, Actor::Supplier, false));
            }
        }
        assert_eq!(
            OrderStatus::sources(Delivered, Actor::Shopkeeper, false),
            ["pending", "confirmed", "shipped"]
        );
    }

    #[test]
    fn the_progress_bar_has_four_steps_and_cancelled_is_apart() {
        assert_eq!(Pending.step(), Some(0));
        assert_eq!(Delivered.step(), Some(3));
        assert_eq!(Cancelled.step(), None);
        assert_eq!(Refused.step(), None);
        assert!(!Refused.is_active());
    }

    fn order() -> OrderInput {
        OrderInput {
            supplier_id: "s1".into(),
            lines: vec![
                OrderLineInput {
                    product_id: "p1".into(),
                    quantity: 10,
                    unit_price: 4500,
                },
                OrderLineInput {
                    product_id: "p2".into(),
                    quantity: 3,
                    unit_price: 1000,
                },
            ],
            expected_on: "2026-12-01".into(),
            note: " vite ".into(),
        }
    }

    #[test]
    fn an_order_total_is_the_sum_of_its_lines() {
        let draft = OrderDraft::parse(&order()).unwrap();
        assert_eq!(draft.total, 48_000);
        assert_eq!(draft.expected_on.as_deref(), Some("2026-12-01"));
        assert_eq!(draft.note, "vite");
    }

    #[test]
    fn each_order_rule_names_its_field() {
        type Breakage = fn(&mut OrderInput);
        let cases: [(Breakage, &str, &str); 7] = [
            (
                |o| o.supplier_id = "".into(),
                "supplier_id",
                "error.order.supplier",
            ),
            (|o| o.lines.clear(), "lines", "error.order.empty"),
            (
                |o| o.lines[1].quantity = 0,
                "lines",
                "error.order.line_quantity",
            ),
            (
                |o| o.lines[0].unit_price = -1,
                "lines",
                "error.order.line_price",
            ),
            (
                |o| o.lines[1].product_id = "p1".into(),
                "lines",
                "error.order.duplicate_line",
            ),
            (
                |o| o.expected_on = "01/12/2026".into(),
                "expected_on",
                "error.date.invalid",
            ),
            (
                |o| {
                    o.lines[0].quantity = MAX_QUANTITY;
                    o.lines[0].unit_price = MAX_PRICE;
                },
                "lines",
                "error.quantity.too_large",
            ),
        ];
        for (break_it, field, code) in cases {
            let mut input = order();
            break_it(&mut input);
            assert_eq!(
                OrderDraft::parse(&input),
                Err(AppError::invalid(field, code))
            );
        }
    }

    #[test]
    fn received_quantities_are_checked() {
        let line = |quantity| ReceivedLine {
            product_id: "p1".into(),
            quantity,
        };
        assert!(check_received(&[line(8), line(0)]).is_ok());
        assert_eq!(
            check_received(&[line(-1)]),
            Err(AppError::invalid(
                "received",
                "error.order.received_quantity"
            ))
        );
        assert_eq!(
            check_received(&[line(0)]),
            Err(AppError::invalid(
                "received",
                "error.order.nothing_received"
            ))
        );
    }

    #[test]
    fn recurring_orders_come_round_on_their_day() {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(Recurrence::Week { weekday: 3 }.next_after(monday), day(25));
        assert_eq!(Recurrence::Week { weekday: 1 }.next_after(monday), day(30));
        assert_eq!(
            Recurrence::Week { weekday: 7 }.next_after(day(29)),
            day(29) + Days::new(7)
        );
        assert_eq!(
            Recurrence::Days { days: 10 }.next_after(monday),
            monday + Days::new(10)
        );
        assert!(Recurrence::Week { weekday: 8 }.check().is_err());
        assert!(Recurrence::Days { days: 0 }.check().is_err());
    }
}
