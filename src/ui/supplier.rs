//! The supplier's tabs: Tableau de bord | Catalogue | Commandes | Paramètres.

pub mod dashboard;
pub mod settings;

pub use dashboard::SupplierDashboard;
pub use settings::SupplierSettings;
