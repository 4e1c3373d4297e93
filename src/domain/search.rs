//! The product search box (B6, B7): how a name and a SKU are cut into words, and which products a
//! search finds. The server answers through an index of these words (schema 016) and the phone's
//! replica runs [`ProductSearch::finds`] over its products: both find the same products. A
//! supplier's catalogue search (F2) finds the items where each word begins a word of the name or
//! the category, cut the same way.
//!
//! A search finds the products whose SKU is the whole search (a barcode scanner types one), and
//! when none has, the products where every word of the search begins a word of the name or the
//! SKU: "riz 5" finds "Riz parfumé 5kg". Words are compared in lower case without French
//! accents ("creme" finds "Crème"), and anything but a letter or a digit separates them.

/// Accented letters and ligatures as they are compared, after lower-casing. Schema 016 folds
/// with the same pairs; a test checks that both cut every letter here the same way.
pub const FOLDED: [(char, &str); 31] = [
    ('à', "a"),
    ('á', "a"),
    ('â', "a"),
    ('ã', "a"),
    ('ä', "a"),
    ('å', "a"),
    ('æ', "ae"),
    ('ç', "c"),
    ('è', "e"),
    ('é', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('ì', "i"),
    ('í', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ñ', "n"),
    ('ò', "o"),
    ('ó', "o"),
    ('ô', "o"),
    ('õ', "o"),
    ('ö', "o"),
    ('ø', "o"),
    ('œ', "oe"),
    ('ù', "u"),
    ('ú', "u"),
    ('û', "u"),
    ('ü', "u"),
    ('ý', "y"),
    ('ÿ', "y"),
    ('ß', "ss"),
];

/// The characters of `text` as they are compared: lower case, accents folded, and a space for
/// anything that is neither a letter nor a digit.
fn compared(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase).flat_map(|c| {
        let folded = (!c.is_ascii())
            .then(|| FOLDED.iter().find(|(from, _)| *from == c))
            .flatten();
        let (one, two) = match folded.map(|(_, to)| to.as_bytes()) {
            Some([a]) => (char::from(*a), None),
            Some([a, b]) => (char::from(*a), Some(char::from(*b))),
            _ => (c, None),
        };
        let letter = |c: char| if c.is_alphanumeric() { c } else { ' ' };
        std::iter::once(letter(one)).chain(two.map(letter))
    })
}

/// The distinct words of `text` in their order (what the server indexes for a product's name
/// followed by its SKU).
pub fn words(text: &str) -> Vec<String> {
    let compared: String = compared(text).collect();
    let mut words: Vec<String> = Vec::new();
    for word in compared.split(' ').filter(|w| !w.is_empty()) {
        if !words.iter().any(|known| known == word) {
            words.push(word.to_owned());
        }
    }
    words
}

/// The words of a search, longest first: the server looks the first up in its index (the
/// fewest records begin with it) and checks the others on what it found.
pub fn longest_first(text: &str) -> Vec<String> {
    let mut words = words(text);
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
}

/// The lower-case key a SKU is compared by as a whole (the server's `sku_key`).
pub fn sku_key(sku: &str) -> String {
    sku.to_lowercase()
}

/// A search typed in the product list, ready to be run over many products.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductSearch {
    /// The whole search, trimmed and in lower case: a SKU equal to it is found alone.
    pub whole: String,
    /// Its words, longest first (the one the server looks up in its index).
    pub words: Vec<String>,
}

impl ProductSearch {
    /// The search in `text`, or `None` when it is blank (every product is listed).
    pub fn parse(text: &str) -> Option<Self> {
        let whole = sku_key(text.trim());
        if whole.is_empty() {
            return None;
        }
        let words = longest_first(&whole);
        Some(Self { whole, words })
    }

    /// Whether the product's SKU is the whole search.
    pub fn is_sku(&self, sku: Option<&str>) -> bool {
        sku.is_some_and(|sku| match sku.is_ascii() {
            true => sku.eq_ignore_ascii_case(&self.whole),
            false => sku_key(sku) == self.whole,
        })
    }

    /// Whether every word of the search begins a word of the name or of the SKU.
    pub fn words_match(&self, name: &str, sku: Option<&str>) -> bool {
        !self.words.is_empty()
            && self.words.iter().all(|word| {
                begins_a_word(compared(name), word)
                    || sku.is_some_and(|sku| begins_a_word(compared(sku), word))
            })
    }

    /// Whether it finds the product: by its SKU when `found_a_sku` (some product of the shop has
    /// the whole search as its SKU), else by its words.
    pub fn finds(&self, name: &str, sku: Option<&str>, found_a_sku: bool) -> bool {
        if found_a_sku {
            self.is_sku(sku)
        } else {
            self.words_match(name, sku)
        }
    }
}

/// Whether `word` begins one of the words of `text` (already [`compared`]), without copying it:
/// a keystroke runs this over every product of the phone's replica.
fn begins_a_word(text: impl Iterator<Item = char>, word: &str) -> bool {
    let mut at_word_start = true;
    // How far the current word has followed `word` so far, while it still does.
    let mut following: Option<std::str::Chars> = None;
    for c in text {
        if c == ' ' {
            at_word_start = true;
            following = None;
            continue;
        }
        if at_word_start {
            at_word_start = false;
            following = Some(word.chars());
        }
        if let Some(rest) = following.as_mut() {
            if rest.next() == Some(c) {
                if rest.as_str().is_empty() {
                    return true;
                }
            } else {
                following = None;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_without_accents_cut_at_anything_but_letters_and_digits() {
        assert_eq!(
            words("Crème fraîche Élle&Vire 20cl"),
            ["creme", "fraiche", "elle", "vire", "20cl"]
        );
        assert_eq!(words("SKU-04217"), ["sku", "04217"]);
        assert_eq!(words("Lait 1/2 écrémé, lait"), ["lait", "1", "2", "ecreme"]);
        assert_eq!(words("Œufs l’huile"), ["oeufs", "l", "huile"]);
        assert_eq!(words(" -- "), Vec::<String>::new());
    }

    #[test]
    fn a_search_finds_word_beginnings_in_the_name_or_the_sku() {
        let search = |text: &str| ProductSearch::parse(text).unwrap();
        assert!(search("riz 5").words_match("Riz parfumé 5kg", None));
        assert!(search("PARF").words_match("Riz parfumé 5kg", None));
        assert!(search("parfume").words_match("Riz parfumé 5kg", None));
        assert!(
            !search("fume").words_match("Riz parfumé 5kg", None),
            "not inside a word"
        );
        assert!(
            !search("riz huile").words_match("Riz parfumé", None),
            "every word"
        );
        assert!(search("sku-0").words_match("Riz", Some("SKU-04217")));
        assert!(search("creme").words_match("Crème", None));
        assert!(search("œuf").words_match("Oeufs", None));
        assert!(
            !search("--").words_match("Riz -- Huile", None),
            "no word finds nothing"
        );
        assert_eq!(ProductSearch::parse("   "), None);
        assert_eq!(search("a riz ab").words, ["riz", "ab", "a"]);
    }

    #[test]
    fn a_whole_sku_is_found_alone() {
        let products = [
            (1, "Savon SKU-1", None),
            (2, "Savon", Some("SKU-1")),
            (3, "Savon", Some("SKU-10")),
        ];
        let found = |text: &str| {
            let search = ProductSearch::parse(text).unwrap();
            let found_a_sku = products.iter().any(|(_, _, sku)| search.is_sku(*sku));
            let found = products
                .iter()
                .filter(|(_, name, sku)| search.finds(name, *sku, found_a_sku));
            found.map(|(id, _, _)| *id).collect::<Vec<_>>()
        };
        assert_eq!(found(" sku-1 "), [2]);
        assert_eq!(found("sku-10"), [3]);
        assert_eq!(found("sku 1"), [1, 2, 3]);
        assert_eq!(found("savon"), [1, 2, 3]);
    }
}
