//! Keyword extraction: invariants on any input, readable phrases on the bundled sample.

use proptest::prelude::*;
use slovo::keywords::{Background, KeywordExtractor};
use slovo::{Keyword, Stemmer};

const SAMPLE: &str = include_str!("../examples/data/kazinform_eu_ru.txt");

/// Every promise a keyword list makes about the text it came from.
fn check_invariants(text: &str, k: usize, list: &[Keyword]) {
    assert!(list.len() <= k, "{} keywords for k = {k}", list.len());
    let mut stemmer = Stemmer::new();
    let mut keys: Vec<&str> = Vec::new();
    for kw in list {
        assert!(kw.score.is_finite(), "score of {kw:?}");
        assert!(!kw.spans.is_empty(), "no occurrence for {kw:?}");
        assert!(
            !keys.contains(&kw.stem_key.as_str()),
            "duplicate {}",
            kw.stem_key
        );
        keys.push(&kw.stem_key);
        let mut forms = Vec::new();
        for span in &kw.spans {
            let slice = text
                .get(span.range())
                .unwrap_or_else(|| panic!("span {span:?} is not a char-boundary slice"));
            // Without morphology, the occurrence stemmed word by word is the stem key (with
            // it, forms of one lemma may stem apart: `люди`, `человек`) …
            let stems: Vec<String> = slice
                .split_whitespace()
                .map(|w| stemmer.stem(w).to_string())
                .collect();
            if !cfg!(feature = "morph") {
                assert_eq!(stems.join(" "), kw.stem_key, "span {span:?} = {slice:?}");
            }
            assert_eq!(stems.len(), kw.stem_key.split(' ').count(), "{slice:?}");
            forms.push(slice.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        // … and the surface is one of the occurrences as written.
        assert!(
            forms.contains(&kw.surface),
            "{:?} not in {forms:?}",
            kw.surface
        );
        if !cfg!(feature = "morph") {
            assert_eq!(kw.phrase, kw.surface);
        }
        assert!(
            kw.spans.windows(2).all(|w| w[0].end <= w[1].start),
            "spans out of order or overlapping: {:?}",
            kw.spans
        );
    }
    assert!(
        list.windows(2).all(|w| w[0].score >= w[1].score),
        "not sorted"
    );
}

/// The ten best keywords whatever their score (`min_score(0.0)`): the ranking itself.
fn top_ten(text: &str) -> Vec<Keyword> {
    KeywordExtractor::builder()
        .top_k(10)
        .min_score(0.0)
        .build()
        .expect("valid options")
        .extract(text)
}

/// The default leaves out weak keywords: the sample keeps its confident head, in the
/// ranking's order, and nothing below the threshold.
#[test]
fn default_min_score_keeps_the_confident_head() {
    let default = slovo::keywords(SAMPLE, 10);
    let all = top_ten(SAMPLE);
    assert!(default.len() >= 5 && default.len() <= 10, "{default:?}");
    assert!(default
        .iter()
        .all(|k| k.score >= slovo::keywords::DEFAULT_MIN_SCORE));
    assert!(all[default.len()..]
        .iter()
        .all(|k| k.score < slovo::keywords::DEFAULT_MIN_SCORE));
    let phrases = |l: &[Keyword]| l.iter().map(|k| k.phrase.clone()).collect::<Vec<_>>();
    assert_eq!(phrases(&default), phrases(&all[..default.len()]));
}

#[test]
#[cfg(not(feature = "morph"))]
fn sample_keywords_are_readable_surface_forms() {
    let list = top_ten(SAMPLE);
    check_invariants(SAMPLE, 10, &list);
    assert_eq!(list.len(), 10);
    let phrases: Vec<&str> = list.iter().map(|k| k.phrase.as_str()).collect();
    for expected in ["ЕС", "Казыхан", "Брюссель"] {
        assert!(phrases.contains(&expected), "{expected} not in {phrases:?}");
    }
    assert!(
        phrases.iter().any(|p| p.starts_with("Казахстан")),
        "no form of Казахстан in {phrases:?}"
    );
    // Shown as written, never as stems.
    assert!(list.iter().all(|k| SAMPLE.contains(&k.phrase)));
}

/// With morphology: the sample's top 10 in dictionary form, no two sharing a lemma, no
/// lone verb, adverb or adjective.
#[test]
#[cfg(feature = "morph")]
fn sample_keywords_are_in_dictionary_form() {
    use slovo::{Morph, Pos};
    let morph = Morph::new();
    let list = top_ten(SAMPLE);
    check_invariants(SAMPLE, 10, &list);
    assert_eq!(list.len(), 10);
    let phrases: Vec<&str> = list.iter().map(|k| k.phrase.as_str()).collect();
    for expected in ["ЕС", "Ержан Казыхан", "Брюссель", "Казахстан"]
    {
        assert!(phrases.contains(&expected), "{expected} not in {phrases:?}");
    }
    let mut lemmas: Vec<String> = Vec::new();
    for kw in &list {
        // the dictionary form of the dictionary form is itself
        assert_eq!(
            morph.normal_phrase(&kw.phrase).to_lowercase(),
            kw.phrase.to_lowercase(),
            "{kw:?}"
        );
        let words: Vec<&str> = kw.phrase.split(' ').collect();
        for word in &words {
            let lemma = morph.lemma(word).to_lowercase();
            assert!(!lemmas.contains(&lemma), "{lemma} twice in {phrases:?}");
            lemmas.push(lemma);
        }
        if let [word] = words[..] {
            let pos = morph.parse(word)[0].pos();
            assert!(
                !matches!(pos, Pos::Verb | Pos::Adv | Pos::Adj),
                "{word} is a lone {pos}"
            );
        }
    }
}

#[test]
#[cfg(feature = "morph")]
fn keywords_are_dictionary_forms_with_the_surface_kept() {
    let text = "Казахстан и страны Европейского союза обсудили торговлю. Глава \
                Европейского союза прибыл в Астану. В Европейском союзе довольны.";
    let list = slovo::keywords(text, 5);
    check_invariants(text, 5, &list);
    let eu = list
        .iter()
        .find(|k| k.phrase == "Европейский союз")
        .unwrap_or_else(|| panic!("{list:?}"));
    assert_eq!(eu.surface, "Европейского союза");
    assert_eq!(eu.spans.len(), 3);
    // the words inside the phrase are not keywords again
    assert!(list.iter().all(|k| k.phrase != "союз"), "{list:?}");
}

#[test]
#[cfg(feature = "morph")]
fn no_lone_verbs_or_adverbs() {
    let text = "Они быстро работали. Они быстро работали и быстро уставали. Работали долго.";
    for kw in slovo::keywords(text, 10) {
        assert!(
            !["работать", "быстро", "уставать", "долго"].contains(&kw.phrase.as_str()),
            "{kw:?}"
        );
    }
}

#[test]
fn the_title_counts_and_spans_point_into_the_text() {
    let title = "Вакцина QazVac";
    let text = "Испытания продлятся месяц. Испытания идут в Алматы.";
    // Every candidate (a toy text scores low): the title's effect, not the threshold's.
    let ex = KeywordExtractor::builder()
        .min_score(0.0)
        .build()
        .expect("valid");
    let titled = ex.extract_with_title(title, text);
    assert!(
        titled.iter().any(|k| k.phrase.contains("QazVac")),
        "{titled:?}"
    );
    for kw in &titled {
        assert!(kw.spans.iter().all(|s| text.get(s.range()).is_some()));
    }
    assert_eq!(ex.extract_with_title("", text), ex.extract(text));
    assert_eq!(ex.extract_with_title(" \n", text), ex.extract(text));
}

#[test]
fn phrases_replace_words_that_only_occur_inside_them() {
    let text = "Дональд Трамп прилетел в Париж. Трамп встретился с Макроном. \
                Переговоры Трампа и Макрона продлились час. Дональд Трамп доволен.";
    let list = slovo::keywords(text, 5);
    check_invariants(text, 5, &list);
    let phrases: Vec<&str> = list.iter().map(|k| k.phrase.as_str()).collect();
    assert!(phrases.contains(&"Дональд Трамп"), "{phrases:?}");
    assert!(!phrases.contains(&"Дональд"), "{phrases:?}");
}

#[test]
fn single_words_only_when_asked() {
    let list = KeywordExtractor::builder()
        .max_phrase_len(1)
        .build()
        .unwrap()
        .extract(SAMPLE);
    assert!(list.iter().all(|k| !k.stem_key.contains(' ')));
    check_invariants(SAMPLE, 10, &list);
}

#[test]
fn k_zero_and_empty_text() {
    assert!(slovo::keywords(SAMPLE, 0).is_empty());
    assert!(slovo::keywords("", 10).is_empty());
    assert!(slovo::keywords("  \n\t ", 10).is_empty());
    assert!(slovo::keywords("и в на с по", 10).is_empty());
}

#[test]
fn builtin_background_is_loaded() {
    let bg = Background::builtin();
    assert!(bg.n_docs() > 1000);
    // common in any prose < rare
    assert!(bg.idf("сказа") + 2.0 < bg.idf("коронавирус"));
    let text = bg.to_text(usize::MAX);
    let back = Background::from_text(&text).expect("own output parses");
    assert_eq!(back.n_docs(), bg.n_docs());
}

#[test]
fn corrupt_background_names_the_line() {
    let err = Background::from_text("n_docs 10\n12 год\nоops\n").unwrap_err();
    assert!(err.to_string().contains("line 3"), "{err}");
}

#[test]
fn background_changes_the_ranking() {
    // Equal counts: the first word leads, until the background says it is everywhere.
    let text = "Вакцина. Вакцина. Граница. Граница.";
    let plain = KeywordExtractor::builder()
        .min_score(0.0)
        .background(Background::empty())
        .build()
        .unwrap()
        .extract(text);
    assert_eq!(plain[0].stem_key, "вакцин");
    let bg = Background::from_counts(1000, [("вакцин", 1000)]);
    let weighed = KeywordExtractor::builder()
        .min_score(0.0)
        .background(bg)
        .build()
        .unwrap()
        .extract(text);
    assert_eq!(weighed[0].surface, "Граница");
}

fn russianish() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Казахстан",
        "казахстана",
        "ЕС",
        "Европейского",
        "союза",
        "союз",
        "и",
        "в",
        "не",
        "Брюссель",
        "что-то",
        "по-прежнему",
        "Ростов-на-Дону",
        "COVID-19",
        "2021",
        "ёлка",
        "Ёлки",
        "—",
        ",",
        ".",
        "!",
        "?",
        "«",
        "»",
        "\n",
        "  ",
        "\u{a0}",
        "é",
        "👍",
        "x",
        "-",
    ]);
    prop::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn invariants_hold_on_word_soup(text in russianish(), k in 0usize..12, len in 1usize..4) {
        let list = KeywordExtractor::builder().top_k(k).max_phrase_len(len).build().unwrap().extract(&text);
        check_invariants(&text, k, &list);
    }

    #[test]
    fn never_panics_on_any_string(text in any::<String>(), k in 0usize..12) {
        let list = slovo::keywords(&text, k);
        prop_assert!(list.len() <= k);
        for kw in &list {
            prop_assert!(kw.spans.iter().all(|s| text.get(s.range()).is_some()));
        }
    }
}
