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

    /// Whether `count` takes the singular: French says "0 produit" and "1 produit", English
    /// "0 products" and "1 product".
    pub fn takes_singular(self, count: i64) -> bool {
        match self {
            Self::Fr => count.abs() < 2,
            Self::En => count == 1,
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

/// `text` with each `{name}` replaced by its value, and each `{name:one|other}` by the form that
/// agrees with that number in `lang` ("{count} {count:produit|produits}").
pub fn fill(lang: Lang, text: &str, args: &[(&str, String)]) -> String {
    args.iter().fold(text.to_owned(), |text, (name, value)| {
        let text = text.replace(&format!("{{{name}}}"), value);
        agree(lang, &text, name, value)
    })
}

/// Replaces every `{name:one|other}` of `text` by the form for the number `value`.
fn agree(lang: Lang, text: &str, name: &str, value: &str) -> String {
    let opening = format!("{{{name}:");
    let singular = value.parse().is_ok_and(|count| lang.takes_singular(count));
    let mut filled = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(&opening) {
        let forms = &rest[start + opening.len()..];
        let Some(end) = forms.find('}') else { break };
        let (one, other) = forms[..end]
            .split_once('|')
            .unwrap_or((&forms[..end], &forms[..end]));
        filled.push_str(&rest[..start]);
        filled.push_str(if singular { one } else { other });
        rest = &forms[end + 1..];
    }
    filled.push_str(rest);
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_agrees_with_its_word_in_each_language() {
        let count = |n: i64| [("count", n.to_string())];
        for (n, fr, en) in [
            (0, "0 produit", "0 products"),
            (1, "1 produit", "1 product"),
            (2, "2 produits", "2 products"),
            (7491, "7491 produits", "7491 products"),
        ] {
            assert_eq!(
                fill(Lang::Fr, "{count} {count:produit|produits}", &count(n)),
                fr
            );
            assert_eq!(
                fill(Lang::En, "{count} {count:product|products}", &count(n)),
                en
            );
        }
        let usage = "{products} {products:produit|produits}, {alerts} {alerts:alerte traitée|alertes traitées}.";
        let args = [("products", "1".to_owned()), ("alerts", "3".to_owned())];
        assert_eq!(
            fill(Lang::Fr, usage, &args),
            "1 produit, 3 alertes traitées."
        );
        // The number may stand inside the forms.
        let moved = "{count:Son produit passera|Ses {count} produits passeront}.";
        assert_eq!(fill(Lang::Fr, moved, &count(1)), "Son produit passera.");
        assert_eq!(
            fill(Lang::Fr, moved, &count(4)),
            "Ses 4 produits passeront."
        );
        // A value that is not a number, and a placeholder left without its forms, stay readable.
        assert_eq!(
            fill(Lang::Fr, "{name} {name:a|b}", &[("name", "Awa".to_owned())]),
            "Awa b"
        );
        assert_eq!(
            fill(Lang::Fr, "{count:produit", &count(1)),
            "{count:produit"
        );
    }

    #[test]
    fn unknown_keys_show_themselves() {
        assert_eq!(translate(Lang::Fr, "login.title"), "Connexion");
        assert_eq!(translate(Lang::En, "login.title"), "Sign in");
        assert_eq!(translate(Lang::En, "no.such.key"), "no.such.key");
    }
}
