//! The shop's dashboard figures (E1).

use serde::{Deserialize, Serialize};

/// What the Tableau de bord shows of the stock, the orders and the suppliers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockFigures {
    pub product_count: u64,
    /// Σ purchase price × quantity, in minor units.
    #[serde(default, deserialize_with = "crate::domain::money::saturating")]
    pub stock_value: i64,
    pub rupture_count: u64,
    pub low_count: u64,
    /// Orders waiting for the supplier's confirmation.
    pub pending_orders: u64,
    /// Orders neither delivered nor cancelled.
    pub active_orders: u64,
    /// The earliest expected day (`YYYY-MM-DD`) of the active orders.
    pub next_delivery: Option<String>,
    pub supplier_count: u64,
}
