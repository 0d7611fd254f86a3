//! Mojibake repair: gold cases, mix-ups made at test time from real text, and text that
//! is fine (which must come back unchanged and borrowed).

use std::borrow::Cow;

use slovo::fix_mojibake;

fn fixture(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    slovo::read_text(&full).unwrap_or_else(|e| panic!("{e}"))
}

fn data_lines(path: &str) -> Vec<String> {
    fixture(path)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn clean_texts() -> Vec<String> {
    vec![
        fixture("examples/data/kazinform_eu_ru.txt"),
        fixture("tests/data/pushkin_pikovaya_ch1.txt"),
    ]
}

#[test]
fn gold_cases_are_repaired() {
    let cases = data_lines("tests/data/mojibake_cases.tsv");
    assert!(cases.len() >= 10);
    for line in cases {
        let (broken, repaired) = line.split_once('\t').expect("broken<TAB>repaired");
        assert_eq!(fix_mojibake(broken), repaired, "{broken}");
        assert!(
            matches!(fix_mojibake(repaired), Cow::Borrowed(_)),
            "{repaired}"
        );
    }
}

#[test]
fn fine_text_is_left_alone_and_borrowed() {
    let mut texts = clean_texts();
    texts.extend(data_lines("tests/data/mojibake_keep.txt"));
    for text in &texts {
        match fix_mojibake(text) {
            Cow::Borrowed(same) => assert_eq!(same, text),
            Cow::Owned(changed) => panic!("changed:\n{text}\n->\n{changed}"),
        }
    }
}

/// `text` as cp1251/KOI8-R can carry it (other characters become `?`).
fn representable(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
    let mut buf = [0u8; 4];
    text.chars()
        .map(|c| match encoding.encode(c.encode_utf8(&mut buf)) {
            (_, _, true) => '?',
            _ => c,
        })
        .collect()
}

/// Encodes with `written`, decodes with `shown`: the mix-up itself.
fn garble(
    text: &str,
    written: &'static encoding_rs::Encoding,
    shown: &'static encoding_rs::Encoding,
) -> String {
    let (bytes, _, _) = written.encode(text);
    shown.decode_without_bom_handling(&bytes).0.into_owned()
}

#[test]
fn whole_documents_garbled_each_way_are_restored() {
    use encoding_rs::{KOI8_R, UTF_8, WINDOWS_1251 as CP1251, WINDOWS_1252 as CP1252};
    for text in clean_texts() {
        let cases = [
            ("utf-8 as cp1251", text.clone(), UTF_8, CP1251),
            ("utf-8 as cp1252", text.clone(), UTF_8, CP1252),
            (
                "cp1251 as cp1252",
                representable(&text, CP1251),
                CP1251,
                CP1252,
            ),
            (
                "koi8-r as cp1251",
                representable(&text, KOI8_R),
                KOI8_R,
                CP1251,
            ),
        ];
        for (what, original, written, shown) in cases {
            let broken = garble(&original, written, shown);
            assert_ne!(broken, original);
            assert_same(&fix_mojibake(&broken), &original, what);
        }
        // Twice over: UTF-8 read as cp1251, saved as UTF-8, read as cp1251 again.
        let twice = garble(&garble(&text, UTF_8, CP1251), UTF_8, CP1251);
        assert_same(&fix_mojibake(&twice), &text, "utf-8 as cp1251, twice");
    }
}

#[test]
fn one_broken_sentence_in_a_good_text_is_repaired_in_place() {
    use encoding_rs::{UTF_8, WINDOWS_1251 as CP1251, WINDOWS_1252 as CP1252};
    let text = fixture("tests/data/pushkin_pikovaya_ch1.txt");
    let sentence = "Германн был сын обрусевшего немца, оставившего ему маленький капитал.";
    for (written, shown) in [(UTF_8, CP1251), (UTF_8, CP1252), (CP1251, CP1252)] {
        let broken = garble(sentence, written, shown);
        let mixed = format!("{text}\n{broken}\n{text}");
        let expected = format!("{text}\n{sentence}\n{text}");
        assert_same(&fix_mojibake(&mixed), &expected, "one broken sentence");
    }
}

/// Equality that points at the first differing line of a long text.
fn assert_same(actual: &str, expected: &str, what: &str) {
    if actual != expected {
        let (a, e) = actual
            .lines()
            .zip(expected.lines())
            .find(|(a, e)| a != e)
            .unwrap_or((actual, expected));
        panic!("{what}: first differing line\n got: {a}\nwant: {e}");
    }
}

mod properties {
    use proptest::prelude::*;
    use slovo::fix_mojibake;
    use std::borrow::Cow;

    /// Characters mojibake is made of, plus the Russian and ASCII text around it.
    fn mixed_text() -> impl Strategy<Value = String> {
        let alphabet = prop_oneof![
            4 => proptest::char::range('а', 'я'),
            2 => proptest::char::range('А', 'Я'),
            2 => proptest::char::range('\u{80}', '\u{FF}'),
            2 => prop::sample::select(
                "РСвЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—™љ›њќћџЎўЈ¤Ґ¦§Ё©Є«¬®Ї°±Ііґµ¶·ё№є»јЅѕїŸŒœŠšŽžƒˆ˜"
                    .chars()
                    .collect::<Vec<_>>()
            ),
            2 => prop::sample::select(vec![' ', ',', '.', '\n', 'a', 'Z', '1', '?']),
            1 => any::<char>(),
        ];
        prop::collection::vec(alphabet, 0..120).prop_map(|cs| cs.into_iter().collect())
    }

    /// Russian sentences made of real words (from the Pushkin fixture) in the three
    /// usual letter cases, with ordinary punctuation.
    fn russian_text() -> impl Strategy<Value = String> {
        let text = super::fixture("tests/data/pushkin_pikovaya_ch1.txt");
        let mut words: Vec<String> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words.sort();
        words.dedup();
        let word = (prop::sample::select(words), 0..10u8).prop_map(|(w, case)| match case {
            0 => w.to_uppercase(),
            1..=3 => {
                let mut cs = w.chars();
                cs.next()
                    .map(|f| f.to_uppercase().chain(cs).collect())
                    .unwrap_or_default()
            }
            _ => w,
        });
        let sep = prop::sample::select(vec![
            " ", " ", " ", ", ", ". ", "! ", "? ", " — ", " «", "» ", "… ", "\n", "\u{A0}", " №",
        ]);
        prop::collection::vec((word, sep), 0..40)
            .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
    }

    proptest! {
        #[test]
        fn never_panics_and_is_idempotent(text in prop_oneof![mixed_text(), any::<String>()]) {
            let once = fix_mojibake(&text);
            let twice = fix_mojibake(&once);
            prop_assert_eq!(twice.as_ref(), once.as_ref());
            prop_assert!(matches!(twice, Cow::Borrowed(_)));
        }

        #[test]
        fn leaves_russian_text_unchanged(text in russian_text()) {
            let fixed = fix_mojibake(&text);
            prop_assert!(matches!(fixed, Cow::Borrowed(_)), "changed: {:?} -> {:?}", text, fixed);
        }
    }
}
