//! Translations, French first and English second, for the pages and for the files the server
//! writes (CSV headers). Every string a user reads comes from here; the views read it through
//! `ui::i18n`, which follows the language the user picked.

mod messages;

/// The cookie that keeps the chosen language, read by the server for pages and files alike.
pub const LANG_COOKIE: &str = "boutiq_lang";

/// The languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Self::Fr => "fr",
            Self::En => "en",
        }
    }

    /// The language's own name, the same in every UI language.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Fr => "Français",
            Self::En => "English",
        }
    }

    pub fn parse(code: &str) -> Self {
        if code.starts_with("en") {
            Self::En
        } else {
            Self::Fr
        }
    }
}

/// The text of a key known only at run time (an error code from the server); the key itself
/// when it is unknown, so a missing translation is visible rather than silent.
pub fn translate(lang: Lang, key: &str) -> &str {
    match (messages::lookup(key), lang) {
        (Some((fr, _)), Lang::Fr) => fr,
        (Some((_, en)), Lang::En) => en,
        (None, _) => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_show_themselves() {
        assert_eq!(translate(Lang::Fr, "login.title"), "Connexion");
        assert_eq!(translate(Lang::En, "login.title"), "Sign in");
        assert_eq!(translate(Lang::En, "no.such.key"), "no.such.key");
    }
}
