//! Display preferences kept in cookies so the server renders the right language and theme:
//! language (FR default, EN) and theme (automatic, light, dark).

use leptos::prelude::*;

use crate::i18n::{LANG_COOKIE, Lang};

pub const THEME_COOKIE: &str = "boutiq_theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn code(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    pub fn parse(code: &str) -> Self {
        match code {
            "light" => Self::Light,
            "dark" => Self::Dark,
            _ => Self::Auto,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Auto => "settings.theme.auto",
            Self::Light => "settings.theme.light",
            Self::Dark => "settings.theme.dark",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
}

impl Prefs {
    /// On the server, from the request's cookies; in the browser, from what the server wrote
    /// on `<html>`, so that hydration sees the same values.
    pub fn provide() -> Self {
        let (lang, theme) = initial();
        let prefs = Self {
            lang: RwSignal::new(lang),
            theme: RwSignal::new(theme),
        };
        provide_context(prefs);
        prefs
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        persist(LANG_COOKIE, lang.code());
        set_root_attribute("lang", lang.code());
    }

    pub fn set_theme(self, theme: Theme) {
        self.theme.set(theme);
        persist(THEME_COOKIE, theme.code());
        set_root_attribute("data-theme", theme.code());
    }
}

/// The language and theme a page is rendered in on the server, read by the shell from the
/// request's cookies and provided to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestPrefs {
    pub lang: Lang,
    pub theme: Theme,
}

impl RequestPrefs {
    /// From the values of the two cookies (missing ones are empty): French and automatic by
    /// default.
    pub fn from_cookies(lang: &str, theme: &str) -> Self {
        Self {
            lang: Lang::parse(lang),
            theme: Theme::parse(theme),
        }
    }
}

#[cfg(feature = "ssr")]
fn initial() -> (Lang, Theme) {
    let prefs = use_context::<RequestPrefs>().unwrap_or(RequestPrefs::from_cookies("", ""));
    (prefs.lang, prefs.theme)
}

#[cfg(not(feature = "ssr"))]
fn initial() -> (Lang, Theme) {
    let root = document().document_element();
    let attribute = |name| {
        root.as_ref()
            .and_then(|r| r.get_attribute(name))
            .unwrap_or_default()
    };
    (
        Lang::parse(&attribute("lang")),
        Theme::parse(&attribute("data-theme")),
    )
}

#[cfg(feature = "hydrate")]
fn persist(name: &str, value: &str) {
    use wasm_bindgen::JsCast;
    if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = doc.set_cookie(&format!(
            "{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax"
        ));
    }
}

#[cfg(feature = "hydrate")]
fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(name, value);
    }
}

#[cfg(not(feature = "hydrate"))]
fn persist(_name: &str, _value: &str) {}

#[cfg(not(feature = "hydrate"))]
fn set_root_attribute(_name: &str, _value: &str) {}
