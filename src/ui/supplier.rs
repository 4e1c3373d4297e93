//! The supplier's tabs: Tableau de bord | Catalogue | Commandes | Paramètres.

pub mod catalog;
pub mod dashboard;
pub mod orders;
pub mod settings;

pub use catalog::CatalogPage;
pub use dashboard::SupplierDashboard;
pub use orders::InboxPage;
pub use settings::SupplierSettings;
