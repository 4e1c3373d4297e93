//! The shopkeeper's tabs: Tableau de bord | Produits | Commandes | Fournisseurs | Alertes | Paramètres.

pub mod categories;
pub mod dashboard;
pub mod history;
pub mod product_form;
pub mod products;
pub mod settings;
pub mod stock;

pub use dashboard::ShopDashboard;
pub use history::HistoryPage;
pub use products::ProductsPage;
pub use settings::ShopSettings;
