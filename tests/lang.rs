//! Language detection: gold accuracy on a slice of lingua's test items
//! (`tests/data/langid/`), the bundled sample document, spans, allow-lists, and
//! properties that hold for any input.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use slovo::{detect, detect_spans, Detector, Lang, Script};

const CYRILLIC: [&str; 8] = ["ru", "uk", "be", "bg", "mk", "sr", "kk", "mn"];
const LATIN: [&str; 5] = ["en", "de", "pl", "cs", "tr"];

struct Item {
    lang: String,
    kind: String,
    text: String,
}

/// The language-ID sample (not in the published crate: empty there, and the tests that need it
/// return early).
fn sample() -> &'static [Item] {
    static SAMPLE: OnceLock<Vec<Item>> = OnceLock::new();
    SAMPLE.get_or_init(parse_sample)
}

fn parse_sample() -> Vec<Item> {
    let Some(text) = crate::support::fixture("tests/data/langid/sample.jsonl") else {
        return Vec::new();
    };
    text.split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("sample.jsonl line");
            let field = |k: &str| v[k].as_str().expect("string field").to_owned();
            Item {
                lang: field("lang"),
                kind: field("kind"),
                text: field("text"),
            }
        })
        .collect()
}

/// Accuracy (%) per (lang, kind).
fn accuracy_table(items: &[Item]) -> BTreeMap<(String, String), f64> {
    let mut counts: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for it in items {
        let entry = counts
            .entry((it.lang.clone(), it.kind.clone()))
            .or_default();
        entry.1 += 1;
        entry.0 += usize::from(detect(&it.text).lang.code() == it.lang);
    }
    counts
        .into_iter()
        .map(|(k, (ok, all))| (k, 100.0 * ok as f64 / all as f64))
        .collect()
}

fn cyrillic_mean(table: &BTreeMap<(String, String), f64>, kind: &str) -> f64 {
    CYRILLIC
        .iter()
        .map(|l| table[&(l.to_string(), kind.to_string())])
        .sum::<f64>()
        / CYRILLIC.len() as f64
}

#[test]
fn sample_has_every_language_and_kind() {
    let items = sample();
    if items.is_empty() {
        return;
    }
    assert_eq!(items.len(), 13 * 3 * 40);
    let table = accuracy_table(items);
    assert_eq!(table.len(), 13 * 3);
}

#[test]
fn cyrillic_accuracy_meets_the_bars() {
    // Full dev set: 99.5 / 95.1 / 82.3 (BENCHMARKS.md); this slice measures 99.7 / 94.1 /
    // 85.0. It is 40 items per language and kind, so the thresholds leave room for
    // sampling noise.
    if sample().is_empty() {
        return;
    }
    let table = accuracy_table(sample());
    let (s, p, w) = (
        cyrillic_mean(&table, "sentences"),
        cyrillic_mean(&table, "word-pairs"),
        cyrillic_mean(&table, "words"),
    );
    assert!(s >= 98.5, "sentences {s:.1}");
    assert!(p >= 91.0, "word pairs {p:.1}");
    assert!(w >= 80.0, "words {w:.1}");
    for lang in ["kk", "mn"] {
        let acc = table[&(lang.to_string(), "sentences".to_string())];
        assert!(acc >= 97.0, "{lang} sentences {acc:.1}");
    }
}

#[test]
fn russian_precision_on_sentences() {
    let items = sample();
    if items.is_empty() {
        return;
    }
    let answered_ru: Vec<&Item> = items
        .iter()
        .filter(|it| it.kind == "sentences" && detect(&it.text).lang == Lang::Russian)
        .collect();
    let right = answered_ru.iter().filter(|it| it.lang == "ru").count();
    let precision = 100.0 * right as f64 / answered_ru.len() as f64;
    // Full dev set: 99.6%. Only ~40 sentences are answered ru here, so one miss costs 2.5 points.
    assert!(
        precision >= 95.0,
        "Russian precision {precision:.1}% ({right}/{})",
        answered_ru.len()
    );
}

#[test]
fn latin_script_text_is_never_russian() {
    for it in sample()
        .iter()
        .filter(|it| LATIN.contains(&it.lang.as_str()))
    {
        let d = detect(&it.text);
        assert_ne!(d.lang, Lang::Russian, "{:?}", it.text);
        assert_ne!(d.script, Script::Cyrillic, "{:?}", it.text);
    }
}

#[test]
fn reliable_word_pairs_are_accurate_and_common() {
    let items = sample();
    if items.is_empty() {
        return;
    }
    let pairs: Vec<&Item> = items
        .iter()
        .filter(|it| it.kind == "word-pairs" && CYRILLIC.contains(&it.lang.as_str()))
        .collect();
    let reliable: Vec<(&Item, Lang)> = pairs
        .iter()
        .map(|it| (*it, detect(&it.text)))
        .filter(|(_, d)| d.is_reliable())
        .map(|(it, d)| (it, d.lang))
        .collect();
    let right = reliable
        .iter()
        .filter(|(it, l)| l.code() == it.lang)
        .count();
    let coverage = 100.0 * reliable.len() as f64 / pairs.len() as f64;
    let accuracy = 100.0 * right as f64 / reliable.len() as f64;
    // This slice: 84.4% reliable, 99.6% of those right.
    assert!(coverage >= 75.0, "coverage {coverage:.1}%");
    assert!(accuracy >= 98.0, "accuracy {accuracy:.1}%");
}

#[test]
fn whatlang_languages_pass_through() {
    assert_eq!(
        detect("Der schnelle braune Fuchs springt über den faulen Hund.").lang,
        Lang::German
    );
    assert_eq!(
        detect("Ο γρήγορος καφέ αλεπού πηδάει πάνω από το τεμπέλικο σκυλί.").script,
        Script::Greek
    );
    assert_eq!(detect("これは日本語の文章です。").lang, Lang::Japanese);
}

const SAMPLE_DOC: &str = include_str!("../examples/data/kazinform_eu_ru.txt");

#[test]
fn sample_document_is_russian() {
    let d = detect(SAMPLE_DOC);
    assert_eq!(d.lang, Lang::Russian);
    assert!(d.is_reliable());
    assert!(d.confidence > 0.99);
}

#[test]
fn kazakh_name_in_the_sample_is_a_kazakh_span() {
    let start = SAMPLE_DOC
        .find("Ұлт ақпарат")
        .expect("sample contains the name");
    let spans = detect_spans(SAMPLE_DOC);
    let span = spans
        .iter()
        .find(|s| s.span.contains(&start))
        .expect("spans cover the text");
    assert_eq!(span.lang, Lang::Kazakh);
    assert_eq!(span.span.start, start);
    assert!(SAMPLE_DOC[span.span].starts_with("Ұлт ақпарат»"));
    // The rest of the document stays Russian: no other language claims a span.
    assert!(
        spans
            .iter()
            .all(|s| matches!(s.lang, Lang::Russian | Lang::Kazakh)),
        "{spans:?}"
    );
    assert_eq!(
        spans.iter().filter(|s| s.lang == Lang::Kazakh).count(),
        1,
        "{spans:?}"
    );
}

#[test]
fn sentences_in_two_languages_get_two_spans() {
    let text = "Вчера в Москве прошло заседание правительства. \
                Сьогодні в Києві відбулося засідання уряду України.";
    let spans = detect_spans(text);
    let langs: Vec<Lang> = spans.iter().map(|s| s.lang).collect();
    assert_eq!(langs, [Lang::Russian, Lang::Ukrainian]);
    assert!(text[spans[1].span].starts_with("Сьогодні"));
}

#[test]
fn short_input_is_unknown() {
    for text in ["", " ", "да", "42", "…", "😀"] {
        let d = detect(text);
        assert_eq!(d.lang, Lang::Unknown, "{text:?}");
        assert_eq!(d.confidence, 0.0);
        assert!(!d.is_reliable());
    }
    assert!(!detect("мир").is_reliable());
}

#[test]
fn allow_list_restricts_answers() {
    let only_ru_uk = Detector::builder()
        .languages([Lang::Russian, Lang::Ukrainian])
        .build()
        .unwrap();
    for it in sample() {
        let lang = only_ru_uk.detect(&it.text).lang;
        assert!(
            matches!(lang, Lang::Russian | Lang::Ukrainian | Lang::Unknown),
            "{lang:?}"
        );
    }
    let kazakh = "Қазақстан Республикасы — Орталық Азиядағы мемлекет.";
    assert_eq!(
        Detector::builder()
            .languages([Lang::Kazakh, Lang::Russian])
            .build()
            .unwrap()
            .detect(kazakh)
            .lang,
        Lang::Kazakh
    );
    assert_eq!(
        Detector::builder()
            .languages([])
            .build()
            .unwrap()
            .detect(kazakh)
            .lang,
        Lang::Unknown
    );
}

#[test]
fn codes_round_trip() {
    for &lang in Lang::ALL.iter().chain([Lang::Unknown].iter()) {
        assert_eq!(lang.code().parse::<Lang>().unwrap(), lang);
        assert_eq!(lang.iso639_3().parse::<Lang>().unwrap(), lang);
        assert_eq!(lang.name().parse::<Lang>().unwrap(), lang);
        let json = serde_json::to_string(&lang).unwrap();
        assert_eq!(json, format!("\"{}\"", lang.code()));
        assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
    }
    assert!("xx".parse::<Lang>().is_err());
    for code in CYRILLIC.iter().chain(LATIN.iter()) {
        assert!(code.parse::<Lang>().is_ok(), "{code}");
    }
}

fn check_spans(text: &str) {
    let spans = detect_spans(text);
    if text.is_empty() {
        assert!(spans.is_empty());
        return;
    }
    assert_eq!(spans[0].span.start, 0);
    assert_eq!(spans.last().map(|s| s.span.end), Some(text.len()));
    for pair in spans.windows(2) {
        assert_eq!(pair[0].span.end, pair[1].span.start);
        assert_ne!(pair[0].lang, pair[1].lang, "adjacent spans are merged");
    }
    for s in &spans {
        assert!(s.span.start < s.span.end);
        assert!(
            text.get(s.span.range()).is_some(),
            "span {:?} is not at char boundaries",
            s.span
        );
        assert!((0.0..=1.0).contains(&s.confidence));
    }
}

proptest! {
    // whatlang is slow in unoptimised test builds; 64 cases per property keep the suite quick.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_gives_a_bounded_confidence(text in "\\PC{0,80}") {
        let d = detect(&text);
        prop_assert!((0.0..=1.0).contains(&d.confidence));
        if d.lang == Lang::Unknown {
            prop_assert_eq!(d.confidence, 0.0);
            prop_assert!(!d.is_reliable());
        }
        check_spans(&text);
    }

    #[test]
    fn cyrillic_soup_gives_bounded_answers(text in "[а-яёА-ЯЁіїєґўәғқңөұүһђћѓќѕјљњџ .,!?«»\n-]{0,120}") {
        let d = detect(&text);
        prop_assert!((0.0..=1.0).contains(&d.confidence));
        check_spans(&text);
    }

    #[test]
    fn latin_text_is_never_russian(text in "[a-zA-Zäöüßçşğıłóąęćńśźżěščřžýáíéůú .,'-]{1,80}") {
        prop_assert_ne!(detect(&text).lang, Lang::Russian);
        for span in detect_spans(&text) {
            prop_assert_ne!(span.lang, Lang::Russian);
        }
    }

    #[test]
    fn mixed_sample_sentences_span_correctly(a in 0usize..40, b in 0usize..40, sep in "[ \n]|\\. ") {
        let items = sample();
        if items.is_empty() {
            return Ok(());
        }
        let sentences: Vec<&str> = items.iter().filter(|it| it.kind == "sentences").map(|it| it.text.as_str()).collect();
        let text = format!("{}{sep}{}", sentences[a * 7 % sentences.len()], sentences[(b * 13 + 5) % sentences.len()]);
        check_spans(&text);
    }
}
