//! The shopkeeper's tabs: Tableau de bord | Produits | Commandes | Fournisseurs | Alertes | Paramètres.

pub mod alerts;
pub mod backup;
pub mod cart;
pub mod categories;
pub mod dashboard;
pub mod history;
pub mod import;
pub mod invite;
pub mod marketplace;
pub mod more;
pub mod orders;
pub mod product_detail;
pub mod product_form;
pub mod product_search;
pub mod products;
pub mod scanner;
pub mod settings;
pub mod stats;
pub mod stock;
pub mod suppliers;

pub use alerts::AlertsPage;
pub use dashboard::ShopDashboard;
pub use history::HistoryPage;
pub use import::ImportPage;
pub use marketplace::{MarketSupplierPage, MarketplacePage};
pub use more::MorePage;
pub use orders::OrdersPage;
pub use products::ProductsPage;
pub use settings::ShopSettings;
pub use stats::StatsPage;
pub use suppliers::SuppliersPage;
