//! The analyzer's term forms: stems, normalized words and (feature `morph`) lemmas with a
//! part-of-speech filter; configurations and models saved before `TermForm` existed.

use std::borrow::Cow;

use slovo::tfidf::TfidfVectorizer;
use slovo::{Analyzer, AnalyzerConfig, TermForm};

const SAMPLE: &str = include_str!("../examples/data/kazinform_eu_ru.txt");

/// Models fitted and saved by slovo before `TermForm` (format version 2, `stem: bool`), on
/// these documents, with `stem(true)` and `stem(false)`.
const LEGACY_STEM: &[u8] = include_bytes!("data/tfidf/legacy_stem_v2.bin");
const LEGACY_NO_STEM: &[u8] = include_bytes!("data/tfidf/legacy_nostem_v2.bin");
const LEGACY_DOCS: [&str; 3] = [
    "Стороны обсудили вопросы партнёрства",
    "Европейского союза и Казахстана",
    "вопросы союза",
];

/// A model fitted with `TermForm::Lemma` (written by `lemma_model_round_trip` when
/// `SLOVO_WRITE_FIXTURES` is set).
const LEMMA_MODEL: &[u8] = include_bytes!("data/tfidf/lemma_model.bin");
fn forms(analyzer: &Analyzer, text: &str) -> Vec<String> {
    analyzer.terms(text).map(|t| t.form.into_owned()).collect()
}

#[test]
fn old_json_configs_load_to_the_same_forms() {
    let cases = [
        (r#"{"stem": true}"#, TermForm::Stem),
        (r#"{"stem": false}"#, TermForm::Normalized),
        ("{}", TermForm::Stem),
        (r#"{"form": "normalized"}"#, TermForm::Normalized),
        (r#"{"form": "stem", "stem": false}"#, TermForm::Stem),
    ];
    for (json, form) in cases {
        let config: AnalyzerConfig = serde_json::from_str(json).expect(json);
        assert_eq!(config.form, form, "{json}");
        assert_eq!(config.min_chars, 2);
    }
    let config: AnalyzerConfig = serde_json::from_str(r#"{"stem": false}"#).unwrap();
    assert_eq!(
        forms(&Analyzer::from_config(config), "Стороны обсудили"),
        ["стороны", "обсудили"]
    );
    assert!(serde_json::from_str::<AnalyzerConfig>(r#"{"form": "root"}"#).is_err());
}

#[test]
fn configs_round_trip_through_json_and_postcard() {
    for form in [TermForm::Normalized, TermForm::Stem] {
        let config = Analyzer::builder()
            .form(form)
            .min_chars(3)
            .build()
            .config()
            .clone();
        let json = serde_json::to_string(&config).unwrap();
        assert!(json.contains(&format!(r#""form":"{form}""#)), "{json}");
        assert_eq!(
            serde_json::from_str::<AnalyzerConfig>(&json).unwrap(),
            config
        );
    }
}

#[test]
fn models_saved_before_term_forms_load_and_transform_as_before() {
    for (bytes, form, vocabulary) in [
        (
            LEGACY_STEM,
            TermForm::Stem,
            [
                "вопрос",
                "европейск",
                "казахста",
                "обсуд",
                "партнерств",
                "союз",
                "сторон",
            ],
        ),
        (
            LEGACY_NO_STEM,
            TermForm::Normalized,
            [
                "вопросы",
                "европейского",
                "казахстана",
                "обсудили",
                "партнерства",
                "союза",
                "стороны",
            ],
        ),
    ] {
        let model = TfidfVectorizer::from_bytes(bytes).expect("an old model loads");
        let terms: Vec<&str> = model.vocabulary().unwrap().iter().collect();
        assert_eq!(terms, vocabulary);
        let mut fresh = TfidfVectorizer::new();
        fresh.set_analyzer(Analyzer::builder().form(form).build());
        fresh.fit(&LEGACY_DOCS).unwrap();
        assert_eq!(
            model.transform(&LEGACY_DOCS).unwrap(),
            fresh.transform(&LEGACY_DOCS).unwrap()
        );
        // Saved again, it is byte for byte what the old version wrote.
        assert_eq!(fresh.to_bytes(), bytes);
    }
}

#[test]
fn terms_borrow_forms_that_are_slices_of_the_text() {
    let analyzer = Analyzer::builder().form(TermForm::Normalized).build();
    let terms: Vec<_> = analyzer.terms("стороны Обсудили").collect();
    assert!(matches!(terms[0].form, Cow::Borrowed("стороны")));
    assert!(matches!(terms[1].form, Cow::Owned(_)));
    let stems: Vec<_> = Analyzer::default().terms("вопросы").collect();
    assert!(matches!(stems[0].form, Cow::Borrowed("вопрос")));
}

#[test]
fn the_iterator_gives_what_for_each_term_gives() {
    let text = SAMPLE.repeat(2);
    #[allow(unused_mut)] // lemma analyzers join with feature `morph`
    let mut analyzers = vec![
        Analyzer::default(),
        Analyzer::builder().form(TermForm::Normalized).build(),
    ];
    #[cfg(feature = "morph")]
    analyzers.extend([
        Analyzer::builder().form(TermForm::Lemma).build(),
        Analyzer::builder()
            .form(TermForm::Lemma)
            .pos([slovo::Pos::Noun, slovo::Pos::Propn])
            .build(),
    ]);
    for analyzer in analyzers {
        let mut streamed = Vec::new();
        analyzer.for_each_term(&text, |form, token| {
            streamed.push((form.to_owned(), token.span))
        });
        let iterated: Vec<_> = analyzer
            .terms(&text)
            .map(|t| (t.form.into_owned(), t.span))
            .collect();
        assert!(streamed.len() > 200, "{}", streamed.len());
        assert_eq!(iterated, streamed, "{:?}", analyzer.config().form);
    }
}

#[cfg(feature = "morph")]
mod lemmas {
    use super::*;
    use slovo::{Pos, StopWords};

    const LEMMA_MODEL_PATH: &str = "tests/data/tfidf/lemma_model.bin";

    fn lemma_analyzer() -> Analyzer {
        Analyzer::builder().form(TermForm::Lemma).build()
    }

    #[test]
    fn lemmas_of_the_sample() {
        let analyzer = lemma_analyzer();
        let sentence = "Е. Казыхан передал Специальное послание Президента Касым-Жомарта \
                        Токаева главе Европейского совета Шарлю Мишелю.";
        assert_eq!(
            forms(&analyzer, sentence),
            [
                "казыхан",
                "передать",
                "специальный",
                "послание",
                "президент",
                "касым-жомарт",
                "токаев",
                "глава",
                "европейский",
                "совет",
                "шарль",
                "мишель"
            ]
        );
        assert_eq!(
            forms(&analyzer, "Европейского союза"),
            ["европейский", "союз"]
        );
        // Surfaces and spans are the tokens'.
        let text = "Стороны обсудили вопросы партнёрства";
        let terms: Vec<_> = analyzer.terms(text).collect();
        assert_eq!(terms[3].form, "партнерство"); // folded like the words: ё → е
        assert_eq!(terms[3].surface, "партнёрства");
        assert_eq!(&text[terms[3].span], "партнёрства");
        // Every term of the sample is a lemma of its word.
        let morph = slovo::Morph::new();
        for term in analyzer.terms(SAMPLE) {
            let word = term.surface.strip_suffix('.').unwrap_or(term.surface);
            assert_eq!(
                term.form,
                slovo::fold(&morph.lemma(word)),
                "{}",
                term.surface
            );
        }
    }

    #[test]
    fn lemmas_follow_the_normalize_options() {
        let keep_yo = slovo::NormalizeOptions::default().lowercase(true);
        let analyzer = lemma_analyzer().to_builder().normalize(keep_yo).build();
        assert_eq!(
            forms(&analyzer, "Ёлки партнёрства"),
            ["ёлка", "партнёрство"]
        );
    }

    #[test]
    fn stop_words_match_the_lemma_too() {
        let stop: StopWords = ["быть"].into_iter().collect();
        let analyzer = lemma_analyzer().to_builder().stop_words(stop).build();
        assert_eq!(forms(&analyzer, "Было решение"), ["решение"]);
        assert_eq!(forms(&analyzer, "будут дома"), ["дом"]);
        // Stems are not looked up as lemmas.
        let stop: StopWords = ["быть"].into_iter().collect();
        let stems = Analyzer::builder().stop_words(stop).build();
        assert_eq!(forms(&stems, "Было решение"), ["был", "решен"]);
    }

    #[test]
    fn a_part_of_speech_filter_keeps_only_those_tags() {
        let nouns = lemma_analyzer()
            .to_builder()
            .pos([Pos::Noun, Pos::Propn])
            .build();
        let text = "Стороны обсудили вопросы организации визита Главы государства в Брюссель.";
        assert_eq!(
            forms(&nouns, text),
            [
                "сторона",
                "вопрос",
                "организация",
                "визит",
                "глава",
                "государство",
                "брюссель"
            ]
        );
        // With stems, the filter is the same and the forms are stems.
        let stems = Analyzer::builder().pos([Pos::Verb]).build();
        assert_eq!(forms(&stems, text), ["обсуд"]);
        // Order and repeats do not matter.
        let a = Analyzer::builder()
            .pos([Pos::Verb, Pos::Noun, Pos::Verb])
            .build();
        let b = Analyzer::builder().pos([Pos::Noun, Pos::Verb]).build();
        assert_eq!(a.config(), b.config());
    }

    #[test]
    fn lemma_configs_round_trip() {
        let config = lemma_analyzer()
            .to_builder()
            .pos([Pos::Noun, Pos::Adj])
            .build()
            .config()
            .clone();
        let json = serde_json::to_string(&config).unwrap();
        assert!(json.contains(r#""form":"lemma""#) && json.contains(r#""pos":["ADJ","NOUN"]"#));
        assert_eq!(
            serde_json::from_str::<AnalyzerConfig>(&json).unwrap(),
            config
        );
        assert!(serde_json::from_str::<AnalyzerConfig>(r#"{"pos": ["NOUNS"]}"#).is_err());
    }

    #[test]
    fn analyzers_of_different_forms_share_a_thread() {
        // Each call finds the thread's memo made for another configuration.
        let text = "Стороны обсудили вопросы";
        for _ in 0..3 {
            assert_eq!(
                forms(&Analyzer::default(), text),
                ["сторон", "обсуд", "вопрос"]
            );
            assert_eq!(
                forms(&lemma_analyzer(), text),
                ["сторона", "обсудить", "вопрос"]
            );
        }
    }

    #[test]
    fn lemma_model_round_trip() {
        let docs: Vec<&str> = SAMPLE.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut model = TfidfVectorizer::new();
        model.set_analyzer(lemma_analyzer());
        let fitted = model.fit_transform(&docs).unwrap();
        let names: Vec<&str> = model.vocabulary().unwrap().iter().collect();
        for lemma in [
            "европейский",
            "союз",
            "сотрудничество",
            "казахстан",
            "обсудить",
        ] {
            assert!(names.contains(&lemma), "{lemma} not among {names:?}");
        }
        assert!(!names.contains(&"европейского") && !names.contains(&"европейск"));
        let bytes = model.to_bytes();
        if std::env::var_os("SLOVO_WRITE_FIXTURES").is_some() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(LEMMA_MODEL_PATH);
            std::fs::write(path, &bytes).unwrap();
        }
        let loaded = TfidfVectorizer::from_bytes(&bytes).unwrap();
        assert_eq!(loaded.vocabulary(), model.vocabulary());
        assert_eq!(loaded.transform(&docs).unwrap(), fitted);
        // The committed model (fitted the same way) loads in this build.
        let committed = TfidfVectorizer::from_bytes(LEMMA_MODEL).unwrap();
        assert_eq!(committed.transform(&docs).unwrap(), fitted);
    }
}

/// Without `morph`, a model of lemmas is an error, not a model that counts stems.
#[cfg(not(feature = "morph"))]
#[test]
fn a_lemma_model_needs_the_morph_feature() {
    let err = TfidfVectorizer::from_bytes(LEMMA_MODEL).expect_err("needs morph");
    assert!(err.to_string().contains("`morph`"), "{err}");
    let json = r#"{"form": "lemma"}"#;
    let err = serde_json::from_str::<Analyzer>(json).expect_err("needs morph");
    assert!(err.to_string().contains("`morph`"), "{err}");
}
