//! The index of words that searches read (schema 016), shared by the product list and a
//! supplier's catalogue: the records of one owner with a word beginning with the search's
//! longest word, read as one range of the index's ids, then narrowed by its other words.

use serde_json::{Value, json};

/// SurrealQL: the records of `owner` (a SurrealQL value: `$shop`, `$supplier`) with a word
/// beginning with `$word_from`, the search's longest word.
pub(super) fn with_longest_word(owner: &str) -> String {
    format!(
        "array::distinct(SELECT VALUE of FROM search_word:[{owner}, $word_from]..[{owner}, $word_until])"
    )
}

/// The condition that each other word of the search (`$other_words`, each after a space)
/// begins a word of the record too; none for a search of one word.
pub(super) fn other_words_begin(words: &[String]) -> Option<String> {
    let each: Vec<String> = (1..words.len())
        .map(|i| {
            let at = i - 1;
            format!("string::contains(' ' + array::join(search.words, ' '), $other_words[{at}])")
        })
        .collect();
    (!each.is_empty()).then(|| each.join(" AND "))
}

/// Sets the variables both read from the search's words, longest first.
pub(super) fn bind_words(vars: &mut Value, words: &[String]) {
    vars["word_from"] = json!(words.first());
    vars["word_until"] = json!(words.first().map(|w| format!("{w}{}", char::MAX)));
    vars["other_words"] = json!(
        words
            .iter()
            .skip(1)
            .map(|w| format!(" {w}"))
            .collect::<Vec<_>>()
    );
}
