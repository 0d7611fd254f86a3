//! Stemming: the Snowball Russian gold vocabulary and the cache's invariants.

use proptest::prelude::*;
use slovo::Stemmer;

use crate::support::fixture;

/// Snowball's gold vocabulary and stems (not in the published crate: `None` there).
fn gold() -> Option<(String, String)> {
    Some((
        fixture("tests/data/snowball_russian/voc.txt")?,
        fixture("tests/data/snowball_russian/output.txt")?,
    ))
}

/// Stems every gold word with `stemmer` (after `prepare`) and returns the mismatches.
fn gold_mismatches(
    stemmer: &mut Stemmer,
    prepare: impl Fn(&str) -> String,
) -> Vec<(String, String, String)> {
    let mut mismatches = Vec::new();
    let Some((voc, output)) = gold() else {
        return mismatches;
    };
    for (word, expected) in voc.lines().zip(output.lines()) {
        let input = prepare(word);
        let got = stemmer.stem(&input);
        if got != expected {
            mismatches.push((input, expected.to_owned(), got.to_owned()));
        }
    }
    mismatches
}

#[test]
fn gold_files_line_up() {
    let Some((voc, output)) = gold() else {
        return;
    };
    assert_eq!(voc.lines().count(), 49_785);
    assert_eq!(output.lines().count(), 49_785);
    assert_eq!(voc.lines().filter(|w| w.contains('ё')).count(), 112);
}

#[test]
fn matches_snowball_on_all_gold_words() {
    let mismatches = gold_mismatches(&mut Stemmer::new(), str::to_owned);
    assert!(
        mismatches.is_empty(),
        "{} of 49,785 differ, first: {:?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(10)]
    );
}

#[test]
fn matches_snowball_with_cache_hits_tiny_cache_and_no_cache() {
    if gold().is_none() {
        return;
    }
    // Second pass over a warm cache: every answer comes from the cache.
    let mut warm = Stemmer::with_cache_capacity(100_000);
    gold_mismatches(&mut warm, str::to_owned);
    assert_eq!(warm.cache_len(), 49_785);
    assert!(gold_mismatches(&mut warm, str::to_owned).is_empty());
    // A cache that is cleared every 1000 words, and no cache at all.
    let mut tiny = Stemmer::with_cache_capacity(1000);
    assert!(gold_mismatches(&mut tiny, str::to_owned).is_empty());
    assert!(tiny.cache_len() <= 1000);
    assert!(gold_mismatches(&mut Stemmer::with_cache_capacity(0), str::to_owned).is_empty());
}

#[test]
fn case_does_not_change_the_stem() {
    let mut stemmer = Stemmer::new();
    assert!(gold_mismatches(&mut stemmer, str::to_uppercase).is_empty());
    let capitalized = |w: &str| {
        let mut chars = w.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    };
    assert!(gold_mismatches(&mut stemmer, capitalized).is_empty());
}

#[test]
fn non_cyrillic_words_are_lowercased_only() {
    let mut stemmer = Stemmer::new();
    for (word, expected) in [
        ("Brussels", "brussels"),
        ("COVID-19", "covid-19"),
        ("2024", "2024"),
        ("", ""),
        ("Ελλάδα", "ελλάδα"),
    ] {
        assert_eq!(stemmer.stem(word), expected);
    }
}

#[test]
fn stemmer_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Stemmer>();
}

proptest! {
    /// Whatever the input, the cached answer equals the uncached one, twice in a row.
    #[test]
    fn cache_never_changes_the_answer(words in prop::collection::vec("\\PC{0,20}|[а-яёА-ЯЁ]{1,15}", 1..40)) {
        let mut cached = Stemmer::with_cache_capacity(8);
        let mut uncached = Stemmer::with_cache_capacity(0);
        for word in words.iter().chain(words.iter()) {
            let expected = uncached.stem(word).to_owned();
            prop_assert_eq!(cached.stem(word), expected.as_str());
            prop_assert!(cached.cache_len() <= 8);
        }
    }

    /// Words without a Cyrillic letter come back folded (lowercased, without stress marks,
    /// soft hyphens or zero-width characters), as Snowball Russian returns them.
    #[test]
    fn words_without_cyrillic_are_lowercased(word in "[^\\u{400}-\\u{4ff}]{0,30}") {
        let expected = slovo::fold(&word);
        let mut stemmer = Stemmer::new();
        prop_assert_eq!(stemmer.stem(&word), expected.as_ref());
    }

    /// A stem of a lowercase Russian word is a prefix of its `ё`-folded form.
    #[test]
    fn stems_are_prefixes(word in "[а-яё]{1,25}") {
        let folded = word.replace('ё', "е");
        let mut stemmer = Stemmer::new();
        prop_assert!(folded.starts_with(stemmer.stem(&word)));
    }
}
