//! Display preferences kept in cookies so the server renders the right language, theme and
//! text size: language (FR default, EN), theme (automatic, light, dark) and text size (J2:
//! small, normal, large).

use leptos::prelude::*;

use crate::i18n::{LANG_COOKIE, Lang};

pub const THEME_COOKIE: &str = "boutiq_theme";
pub const TEXT_SIZE_COOKIE: &str = "boutiq_text_size";

/// A display choice among a few, kept in a cookie and as an attribute of `<html>` (the CSS
/// reads it there).
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// In the order the switch shows them.
    const ALL: &'static [Self];
    const DEFAULT: Self;

    fn code(self) -> &'static str;

    fn label_key(self) -> &'static str;

    /// The choice `code` names; the default for anything else (a missing or old cookie).
    fn parse(code: &str) -> Self {
        Self::ALL
            .iter()
            .copied()
            .find(|choice| choice.code() == code)
            .unwrap_or(Self::DEFAULT)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Choice for Theme {
    const ALL: &'static [Self] = &[Self::Auto, Self::Light, Self::Dark];
    const DEFAULT: Self = Self::Auto;

    fn code(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    fn label_key(self) -> &'static str {
        match self {
            Self::Auto => "settings.theme.auto",
            Self::Light => "settings.theme.light",
            Self::Dark => "settings.theme.dark",
        }
    }
}

/// The size of every text of the app (J2): the root font size the whole layout is sized in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSize {
    Small,
    Normal,
    Large,
}

impl Choice for TextSize {
    const ALL: &'static [Self] = &[Self::Small, Self::Normal, Self::Large];
    const DEFAULT: Self = Self::Normal;

    fn code(self) -> &'static str {
        match self {
            Self::Small => "small",
            Self::Normal => "normal",
            Self::Large => "large",
        }
    }

    fn label_key(self) -> &'static str {
        match self {
            Self::Small => "settings.text_size.small",
            Self::Normal => "settings.text_size.normal",
            Self::Large => "settings.text_size.large",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
    pub text_size: RwSignal<TextSize>,
}

impl Prefs {
    /// On the server, from the request's cookies; in the browser, from what the server wrote
    /// on `<html>`, so that hydration sees the same values.
    pub fn provide() -> Self {
        let initial = initial();
        let prefs = Self {
            lang: RwSignal::new(initial.lang),
            theme: RwSignal::new(initial.theme),
            text_size: RwSignal::new(initial.text_size),
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
        keep(self.theme, theme, THEME_COOKIE, "data-theme");
    }

    pub fn set_text_size(self, size: TextSize) {
        keep(self.text_size, size, TEXT_SIZE_COOKIE, "data-text-size");
    }
}

/// Shows `choice` at once (the attribute of `<html>`) and keeps it for the next visit.
fn keep<T: Choice>(signal: RwSignal<T>, choice: T, cookie: &str, attribute: &str) {
    signal.set(choice);
    persist(cookie, choice.code());
    set_root_attribute(attribute, choice.code());
}

/// The language, theme and text size a page is rendered in on the server, read by the shell
/// from the request's cookies and provided to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestPrefs {
    pub lang: Lang,
    pub theme: Theme,
    pub text_size: TextSize,
}

impl RequestPrefs {
    /// From the values of the cookies (missing ones are empty): French, automatic theme and
    /// normal text by default.
    pub fn from_cookies(lang: &str, theme: &str, text_size: &str) -> Self {
        Self {
            lang: Lang::parse(lang),
            theme: Theme::parse(theme),
            text_size: TextSize::parse(text_size),
        }
    }
}

#[cfg(feature = "ssr")]
fn initial() -> RequestPrefs {
    use_context::<RequestPrefs>().unwrap_or(RequestPrefs::from_cookies("", "", ""))
}

#[cfg(not(feature = "ssr"))]
fn initial() -> RequestPrefs {
    let root = document().document_element();
    let attribute = |name| {
        root.as_ref()
            .and_then(|r| r.get_attribute(name))
            .unwrap_or_default()
    };
    RequestPrefs::from_cookies(
        &attribute("lang"),
        &attribute("data-theme"),
        &attribute("data-text-size"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_name_the_choices_and_anything_else_is_the_default() {
        assert_eq!(
            RequestPrefs::from_cookies("en", "dark", "large"),
            RequestPrefs {
                lang: Lang::En,
                theme: Theme::Dark,
                text_size: TextSize::Large
            }
        );
        let default = RequestPrefs::from_cookies("", "purple", "huge");
        assert_eq!(
            (default.theme, default.text_size),
            (Theme::Auto, TextSize::Normal)
        );
        for size in TextSize::ALL {
            assert_eq!(TextSize::parse(size.code()), *size);
        }
    }
}
