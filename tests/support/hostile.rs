//! Hostile inputs: texts built to make a text scanner slow (long runs with no place to
//! stop, deep nesting, giant grapheme clusters), each generated at any size.
//!
//! Shared by the invariant test (`tests/hostile.rs`), the linearity bench
//! (`benches/hostile.rs`) and the one-shot sweep (`examples/hostile_sweep.rs`), the last
//! two through `#[path]`.
#![allow(dead_code)] // the test and the bench use different parts

/// How a hostile text is laid out.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// `prefix` once, then `unit` repeated.
    Run {
        prefix: &'static str,
        unit: &'static str,
    },
    /// `open` repeated n times, then `close` repeated n times: nesting n deep.
    Nested {
        open: &'static str,
        close: &'static str,
    },
}

/// One kind of hostile text.
#[derive(Debug, Clone, Copy)]
pub struct Hostile {
    /// Short name, used as the benchmark id.
    pub name: &'static str,
    shape: Shape,
}

const fn run(name: &'static str, unit: &'static str) -> Hostile {
    Hostile {
        name,
        shape: Shape::Run { prefix: "", unit },
    }
}

/// Every hostile input.
pub const ALL: &[Hostile] = &[
    // One line with no spaces.
    run("cyrillic_line", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    run("latin_line", "abcdefghijklmnopqrstuvwxyz"),
    // Combining marks on one letter: stress, diaeresis, dot below, grave.
    Hostile {
        name: "combining_marks",
        shape: Shape::Run {
            prefix: "а",
            unit: "\u{301}\u{308}\u{323}\u{300}",
        },
    },
    run("hyphens", "-"),
    run("dots", "."),
    run("at_signs", "@"),
    run("hashes", "#"),
    run("http", "http://"),
    Hostile {
        name: "guillemets",
        shape: Shape::Nested {
            open: "«",
            close: "»",
        },
    },
    Hostile {
        name: "parens",
        shape: Shape::Nested {
            open: "(",
            close: ")",
        },
    },
    Hostile {
        name: "low_high_quotes",
        shape: Shape::Nested {
            open: "„",
            close: "“",
        },
    },
    // One ZWJ emoji sequence that never ends, and joiners with nothing to join.
    run("emoji_zwj", "👨\u{200D}👩\u{200D}👧\u{200D}"),
    run("bare_zwj", "\u{200D}"),
    run("digits_commas", "1,"),
    run("digits_dots", "1."),
    run("abbrev_te", "т.е."),
    // Chains that keep a word, domain, e-mail or URL scanner going.
    run("word_hyphens", "а-"),
    run("letter_dots", "a."),
    run("letter_at", "a@"),
    run("www_dots", "www."),
    run("capital_labels", "Аб."),
    run("initials", "А. "),
    Hostile {
        name: "url_closers",
        shape: Shape::Run {
            prefix: "http://example.ru/",
            unit: ")",
        },
    },
];

impl Hostile {
    /// The text, as close to `bytes` long as whole units allow (never longer).
    pub fn build(&self, bytes: usize) -> String {
        let mut text = String::with_capacity(bytes);
        match self.shape {
            Shape::Run { prefix, unit } => {
                text.push_str(prefix);
                let n = bytes.saturating_sub(prefix.len()) / unit.len();
                for _ in 0..n {
                    text.push_str(unit);
                }
            }
            Shape::Nested { open, close } => {
                let n = bytes / (open.len() + close.len());
                for _ in 0..n {
                    text.push_str(open);
                }
                for _ in 0..n {
                    text.push_str(close);
                }
            }
        }
        text
    }
}

/// A named entry point on text, returning something of its result.
pub type Function = (&'static str, Box<dyn Fn(&str) -> usize>);

/// The functions measured; each returns something of its result so nothing is optimized
/// away.
pub fn functions() -> Vec<Function> {
    let analyzer = slovo::Analyzer::default();
    let nfc = slovo::NormalizeOptions::new();
    let all = slovo::NormalizeOptions::new()
        .form(slovo::UnicodeForm::Nfkc)
        .lowercase(true)
        .yo_to_ye(true);
    vec![
        ("tokenize", Box::new(|t: &str| slovo::tokenize(t).count())),
        ("sentences", Box::new(|t: &str| slovo::sentences(t).count())),
        (
            "normalize_nfc",
            Box::new(move |t: &str| slovo::normalize(t, &nfc).len()),
        ),
        (
            "normalize_nfkc_all",
            Box::new(move |t: &str| slovo::normalize(t, &all).len()),
        ),
        ("terms", Box::new(move |t: &str| analyzer.terms(t).count())),
        (
            "detect",
            Box::new(|t: &str| slovo::detect(t).lang.code().len()),
        ),
        (
            "detect_spans",
            Box::new(|t: &str| slovo::detect_spans(t).len()),
        ),
        ("keywords", Box::new(|t: &str| slovo::keywords(t, 10).len())),
        (
            "fix_mojibake",
            Box::new(|t: &str| slovo::fix_mojibake(t).len()),
        ),
    ]
}
