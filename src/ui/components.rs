//! Widgets shared by every screen.

pub mod account;
pub mod field;
pub mod icon;
pub mod page;
pub mod password_meter;
pub mod preferences;

pub use account::AccountSettings;
pub use field::{FormAlert, FormErrors, TextField};
pub use icon::Icon;
pub use page::{Greeting, PageHeader, SectionPage};
pub use password_meter::PasswordMeter;
pub use preferences::{LanguageSwitch, ThemeSwitch};
