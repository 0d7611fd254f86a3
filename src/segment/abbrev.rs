//! Abbreviations written with a period (`г.`, `гг.`, `им.`, `ред.`, `тыс.`), shared by the
//! tokenizer and the sentence splitter.
//!
//! The list is data: `src/segment/data/abbreviations.txt`, embedded with `include_str!` and parsed
//! once; lookups are case-insensitive and do not allocate.
//!
//! How the tokenizer hands abbreviations to the sentence splitter:
//!
//! * By default ([`crate::segment::tokenize()`]) an abbreviation and its period are two tokens, a
//!   `Word` (`г`) and a `Punct` (`.`) with no gap between them; test the word with
//!   [`is_abbreviation`]. A single uppercase letter that begins a name keeps its period
//!   (`Л.` in `Л. Н. Толстой`): a `Word` token whose text ends with `.`.
//! * With [`crate::TokenizerBuilder::abbreviation_periods`] every listed abbreviation and every
//!   initial is one `Word` token ending with `.` (`г.`, `т.е.`, `М.`).
//!
//! Either way such a period is a possible, not a certain, sentence end ("… в 1999 г. Потом
//! …"). A period that ends the whole text is always a `Punct` token of its own.

use crate::segment::wordlist::EmbeddedList;

/// The list as written (the sentence splitter indexes it together with its own table).
pub(crate) static ABBREVIATIONS_DATA: &str = include_str!("data/abbreviations.txt");

static ABBREVIATIONS: EmbeddedList = EmbeddedList::new(ABBREVIATIONS_DATA);

/// Whether `word_without_period` is an abbreviation that is written with a period
/// (compared lowercased: `"Тыс"` and `"тыс"` both match). Does not allocate.
pub(crate) fn is_abbreviation(word_without_period: &str) -> bool {
    ABBREVIATIONS.contains(word_without_period)
}

#[cfg(test)]
mod tests {
    use super::is_abbreviation;

    #[test]
    fn known_abbreviations() {
        for w in [
            "г", "гг", "им", "ред", "тыс", "млн", "т", "е", "см", "Г", "ИМ",
        ] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["я", "а", "Москва", "кит", "", "г."] {
            assert!(!is_abbreviation(w), "{w}");
        }
    }
}
