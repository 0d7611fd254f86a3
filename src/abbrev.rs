//! Abbreviations written with a period (`г.`, `гг.`, `им.`, `ред.`, `тыс.`), shared by the
//! tokenizer and the sentence splitter.
//!
//! The list is data: `src/data/abbreviations.txt`, embedded with `include_str!` and parsed
//! once. The tokenizer makes a listed word and its period one token (`ред.`), so an
//! abbreviation token is recognised by its text ending in `.`; such a period is a possible,
//! not a certain, sentence end. Single uppercase letters followed by a period are initials
//! (`М.`) and are handled by the tokenizer without the list.

use crate::wordlist::EmbeddedList;

static ABBREVIATIONS: EmbeddedList = EmbeddedList::new(include_str!("data/abbreviations.txt"));

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
