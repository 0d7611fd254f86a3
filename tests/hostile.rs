//! Hostile inputs (`support/hostile.rs`: 100 KB lines with no spaces, giant grapheme
//! clusters, deep nesting, runs of `.`, `@`, `http://`, `т.е.` …) through every entry point
//! that takes untrusted text, with the fuzz targets' invariant checks: spans slice the
//! input, tokens cover all non-whitespace, normalization is idempotent and borrows
//! exactly when nothing changes. How long they take is measured by `benches/hostile.rs`;
//! this test only checks the results (a scanner gone quadratic also makes it crawl).

use crate::fuzz_seeds::checks;
use crate::support::hostile::{Hostile, ALL};

/// Small enough for a debug build, large enough that a rescan per token would show.
const SIZE: usize = 100 * 1024;

/// The input with the option byte the fuzz checks read first.
fn with_flags(flags: u8, text: &str) -> Vec<u8> {
    let mut data = Vec::with_capacity(text.len() + 1);
    data.push(flags);
    data.extend_from_slice(text.as_bytes());
    data
}

fn for_each_input(check: impl Fn(&Hostile, &str)) {
    for hostile in ALL {
        let text = hostile.build(SIZE);
        assert!(
            text.len() > SIZE * 9 / 10,
            "{}: {} bytes",
            hostile.name,
            text.len()
        );
        check(hostile, &text);
    }
}

#[test]
fn tokens_cover_hostile_inputs() {
    for_each_input(|_, text| {
        // Both period styles.
        checks::tokenize(&with_flags(0, text));
        checks::tokenize(&with_flags(1, text));
    });
}

#[test]
fn sentences_slice_hostile_inputs() {
    for_each_input(|_, text| checks::sentences(text.as_bytes()));
}

#[test]
fn normalization_of_hostile_inputs_is_idempotent() {
    for_each_input(|_, text| {
        // NFC and NFKC, each with every option on; NFC with none (also runs `fold` and
        // `fix_mojibake`).
        for flags in [0b11_1111, 0b11_1110, 0] {
            checks::normalize(&with_flags(flags, text));
        }
    });
}

#[test]
fn terms_of_hostile_inputs() {
    for_each_input(|_, text| {
        // The default analyzer; a non-stemming one normalizing with NFKC and all options.
        checks::terms(&with_flags(0, text));
        checks::terms(&with_flags(0b0111_1111, text));
    });
}

#[test]
fn detection_of_hostile_inputs() {
    for_each_input(|_, text| {
        checks::detect(&with_flags(0, text));
        checks::detect(&with_flags(4 | 3, text));
    });
}

#[test]
fn keywords_of_hostile_inputs() {
    for_each_input(|hostile, text| {
        checks::keywords(&with_flags(10, text));
        // A line of letters is one word, and one keyword at most.
        if hostile.name.ends_with("_line") {
            assert!(slovo::keywords(text, 10).len() <= 1, "{}", hostile.name);
        }
    });
}

#[test]
fn token_paths_agree_on_hostile_inputs() {
    for_each_input(|hostile, text| crate::support::paths::assert_paths_agree(hostile.name, text));
}
