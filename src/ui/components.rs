//! Widgets shared by every screen.

pub mod account;
pub mod badge;
pub mod category_select;
pub mod confirm;
pub mod drafts;
pub mod field;
pub mod icon;
pub mod loaded;
pub mod modal;
pub mod needs_network;
pub mod page;
pub mod password_meter;
pub mod photo;
pub mod preferences;
pub mod refresh;
pub mod segmented;
pub mod sync_status;
pub mod upload;

pub use account::AccountSettings;
pub use badge::{OrderBadge, Stars, StatusBadge};
pub use category_select::CategorySelect;
pub use confirm::ConfirmDialog;
pub use drafts::Drafts;
pub use field::{FieldError, FormAlert, FormErrors, NumberField, TextField, whole_number};
pub use icon::Icon;
pub use loaded::{ErrorLine, ListPage, Loaded};
pub use modal::Modal;
pub use needs_network::NeedsNetwork;
pub use page::{DateRangeFields, Greeting, PageHeader, Pager};
pub use password_meter::PasswordMeter;
pub use photo::PhotoField;
pub use preferences::{LanguageSwitch, TextSizeSwitch, ThemeSwitch};
pub use refresh::refresh_periodically;
pub use segmented::SegmentedLinks;
pub use sync_status::SyncStatus;
