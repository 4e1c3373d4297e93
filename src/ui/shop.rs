//! The shopkeeper's tabs: Tableau de bord | Produits | Commandes | Fournisseurs | Alertes | Paramètres.

pub mod dashboard;
pub mod settings;

pub use dashboard::ShopDashboard;
pub use settings::ShopSettings;
