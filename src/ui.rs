//! Everything on screen: shared components, the sign-in pages, and each role's tabs.

pub mod auth;
pub mod components;
pub mod format;
pub mod i18n;
pub mod layout;
pub mod prefs;
pub mod shop;
pub mod supplier;
