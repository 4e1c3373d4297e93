//! Commandes reçues (F3) and the supplier's dashboard (F4): the connected orders as the
//! supplier sees them.

use serde::{Deserialize, Serialize};

use super::order::OrderStatus;

/// One line of a received order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxLine {
    pub name: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price: i64,
}

/// A received order as its card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxOrder {
    pub id: String,
    /// The shop's own number ("Commande n°12").
    pub number: i64,
    pub shop_name: String,
    pub status: OrderStatus,
    pub total: i64,
    /// The currency of the shop, for the amounts.
    pub currency: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub note: String,
    pub refusal_reason: Option<String>,
    pub lines: Vec<InboxLine>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxQuery {
    /// `None` for every status.
    #[serde(default)]
    pub status: Option<OrderStatus>,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl InboxQuery {
    pub const PAGE_SIZE: u32 = 20;
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub items: Vec<InboxOrder>,
    pub total: u64,
}

/// An amount in minor units of `currency`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revenue {
    pub currency: String,
    pub amount: i64,
}

/// The supplier's dashboard figures (F4).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierStats {
    pub item_count: u64,
    pub pending: u64,
    /// Confirmed or shipped.
    pub active: u64,
    pub delivered: u64,
    /// What delivered orders came to, per currency of the shops (most shops use one).
    pub revenue: Vec<Revenue>,
    pub rating_sum: i64,
    pub rating_count: i64,
    /// The five newest orders.
    #[serde(default)]
    pub recent: Vec<InboxOrder>,
}

impl SupplierStats {
    pub fn rating(&self) -> Option<f64> {
        crate::domain::supplier::average(self.rating_sum, self.rating_count.max(0) as u64)
    }
}
