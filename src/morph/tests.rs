use std::borrow::Cow;

use super::cache::thread_cache_len;
use super::*;

fn morph() -> Morph {
    Morph::new()
}

#[test]
fn phrases_take_their_dictionary_form() {
    let m = morph();
    for (phrase, expected) in [
        ("Европейского союза", "Европейский союз"),
        ("научных коммуникаций", "научные коммуникации"),
        (
            "системы научных коммуникаций",
            "система научных коммуникаций",
        ),
        ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев"),
        ("Дональда Трампа", "Дональд Трамп"),
        ("Барака Обамы", "Барак Обама"),
        ("космических лучей", "космические лучи"),
        (
            "Московского государственного университета",
            "Московский государственный университет",
        ),
        ("Южной Кореи", "Южная Корея"),
        ("русских писателей", "русские писатели"),
        ("ЕВРОПЕЙСКОГО СОЮЗА", "ЕВРОПЕЙСКИЙ СОЮЗ"),
        ("Европейский союз", "Европейский союз"),
        ("Японию", "Япония"),
        ("Казахстаном", "Казахстан"),
        ("сотрудничества", "сотрудничество"),
        ("вопросам", "вопросы"), // the head keeps its number
        ("Европейского", "Европейский"),
        ("заключенные", "заключенные"), // a participle standing for a noun keeps its number
        ("заключенного", "заключенный"),
        ("обсудили", "обсудить"),
        ("ТЮРКСОЙ", "ТЮРКСОЙ"),
        ("организации ТЮРКСОЙ", "организация ТЮРКСОЙ"),
        ("Ростов-на-Дону", "Ростов-на-Дону"),
        ("интернет-кафе", "интернет-кафе"),
        ("в Москве", "в Москве"),
    ] {
        assert_eq!(m.normal_phrase(phrase), expected, "{phrase}");
    }
}

#[test]
fn phrases_in_context() {
    let m = morph();
    let alone = ["Системы", "связи", "быстро", "развиваются", "."];
    assert_eq!(
        m.normal_phrase_in_sentence(&alone, 0..2),
        ["Системы", "связи"]
    );
    let genitive = ["Мы", "обсудили", "развитие", "системы", "связи", "."];
    assert_eq!(
        m.normal_phrase_in_sentence(&genitive, 3..5),
        ["система", "связи"]
    );
    // Ranges outside the sentence are clipped.
    assert_eq!(m.normal_phrase_in_sentence(&genitive, 5..9), ["."]);
    assert!(m.normal_phrase_in_sentence(&genitive, 7..9).is_empty());
    #[allow(clippy::reversed_empty_ranges)]
    let backwards = 4..2;
    assert!(m.normal_phrase_in_sentence(&genitive, backwards).is_empty());
}

#[test]
fn phrases_keep_the_text_between_words() {
    let m = morph();
    assert_eq!(
        m.normal_phrase("  Европейского\u{a0}союза\n"),
        "  Европейский\u{a0}союз\n"
    );
    assert_eq!(m.normal_phrase(""), "");
    assert_eq!(m.normal_phrase("   "), "   ");
    assert_eq!(
        m.normal_phrase_words(&["Касым-Жомарта", "Токаева"]),
        ["Касым-Жомарт", "Токаев"]
    );
    let none: [&str; 0] = [];
    assert!(m.normal_phrase_words(&none).is_empty());
}

#[test]
fn phrases_follow_the_writers_yo() {
    let m = morph();
    // Written without `ё`: the result has none either; written with it, it keeps it.
    assert_eq!(m.normal_phrase("зеленой елки"), "зеленая елка");
    assert_eq!(m.normal_phrase("зелёной ёлки"), "зелёная ёлка");
}

#[test]
fn inflection() {
    let m = morph();
    let cat = &m.parse("кошка")[0];
    assert_eq!(m.inflect(cat, [Case::Dat]).unwrap().word(), "кошке");
    assert_eq!(
        m.inflect(cat, [Feature::from(Case::Ins), Number::Plur.into()])
            .unwrap()
            .word(),
        "кошками"
    );
    let new = &m.parse("новый")[0];
    let fem = m
        .inflect(new, [Feature::from(Gender::Fem), Case::Gen.into()])
        .unwrap();
    assert_eq!(fem.word(), "новой");
    assert_eq!(fem.features().gender, Some(Gender::Fem));
    let read = &m.parse("читать")[0];
    let past = m
        .inflect(read, [Feature::from(Tense::Past), Gender::Fem.into()])
        .unwrap();
    assert_eq!(past.word(), "читала");
    // A verb's case forms are its participles.
    assert_eq!(m.inflect(read, [Case::Gen]).unwrap().word(), "читающего");
    // The form asked for does not exist.
    assert!(m.inflect(cat, [Tense::Past]).is_none());
    // Unknown words inflect by analogy.
    let surname = &m.parse("Клинсмана")[0];
    assert_eq!(surname.lemma(), "клинсман");
    let dat = m.inflect(surname, [Case::Dat]).unwrap();
    assert_eq!(dat.word().to_lowercase(), "клинсману");
}

#[test]
fn parses_from_another_dictionary_are_refused() {
    let m = morph();
    let mut parse = m.parse("кошка").remove(0);
    parse.dictionary = u64::MAX;
    assert!(m.inflect(&parse, [Case::Gen]).is_none());
    assert!(m.forms(&parse).is_empty());
    assert!(m.agree(&parse, 5).is_none());
}

#[test]
fn unknown_words_are_guessed() {
    let m = morph();
    for (word, lemma, pos) in [
        ("Токаева", "токаев", Pos::Propn),
        ("Клинсман", "клинсман", Pos::Propn),
        ("ТЮРКСОЙ", "тюрксой", Pos::Propn),
        ("вайбкодерами", "вайбкодер", Pos::Noun),
        ("Ростов-на-Дону", "ростов-на-дону", Pos::Propn),
        ("кто-то", "кто-то", Pos::Pron),
        ("интернет-кафе", "интернет-кафе", Pos::Noun),
        ("по-русски", "по-русски", Pos::Adv),
    ] {
        let best = &m.parse(word)[0];
        assert_eq!((best.lemma(), best.pos()), (lemma, pos), "{word}");
        assert_eq!(m.lemma(word), lemma, "{word}");
    }
}

#[test]
fn yo_both_ways() {
    let m = morph();
    assert_eq!(m.lemma("ёлками"), "ёлка");
    assert_eq!(m.lemma("елками"), "ёлка");
    assert_eq!(m.parse("Елки")[0].word(), "ёлки");
    // `всё` is a pronoun; `все` is read as written, with both readings.
    assert_eq!(m.lemma("всё"), "всё");
    assert!(m.parse("все").iter().any(|p| p.lemma() == "весь"));
}

#[test]
fn case_is_a_cue() {
    let m = morph();
    assert_eq!(m.parse("Вера")[0].pos(), Pos::Propn);
    assert_eq!(m.parse("вера")[0].pos(), Pos::Noun);
}

#[test]
fn the_cache_gives_what_parse_gives() {
    let m = morph();
    let words = [
        "Москвы",
        "москвы",
        "Ёлки",
        "елки",
        "ТЮРКСОЙ",
        "стали",
        "2024",
        "",
        "два слова",
        "😀",
        "COVID-19",
    ];
    for _ in 0..2 {
        for word in words {
            let expected = match m.parse(word).first() {
                Some(p) => (p.lemma().to_owned(), p.pos()),
                None => (word.to_lowercase(), Pos::X),
            };
            let got = m.with_lemma_folded(word, false, |lemma, pos| (lemma.to_owned(), pos));
            assert_eq!(got, expected, "{word}");
            let folded = m.with_lemma_folded(word, true, |lemma, pos| (lemma.to_owned(), pos));
            assert_eq!(folded.0, crate::fold(&expected.0), "{word}");
        }
    }
    assert!(thread_cache_len() >= words.len() - 1);
    Morph::clear_thread_cache();
    assert_eq!(thread_cache_len(), 0);
}

#[test]
fn lemma_borrows_when_it_can() {
    let m = morph();
    assert!(matches!(m.lemma("союз"), Cow::Borrowed("союз")));
    assert!(matches!(m.lemma("союза"), Cow::Owned(_)));
    let long = "превосходительствами".repeat(4);
    assert!(long.len() > 64);
    assert!(!m.lemma(&long).is_empty());
}

#[test]
fn reentrant_calls_work() {
    let m = morph();
    let inner = m.with_lemma("союза", |outer, _| {
        (outer.to_owned(), m.lemma("стали").into_owned())
    });
    assert_eq!(inner, ("союз".to_owned(), "стать".to_owned()));
}

#[test]
fn sentences_with_and_without_context() {
    let with = morph();
    let without = Morph::builder().context(false).build().unwrap();
    let words = ["Я", "читаю", "книги"];
    assert_eq!(
        with.parse_sentence(&words)[2].features().case,
        Some(Case::Acc)
    );
    assert_eq!(
        without.parse_sentence(&words)[2].features().case,
        Some(Case::Gen)
    );
    // One result per word, whatever the words are.
    let odd = ["", " ", "два слова", "\u{0}", "😀", "a"];
    assert_eq!(with.parse_sentence(&odd).len(), odd.len());
    assert_eq!(with.parse_sentence_all(&odd).len(), odd.len());
    let none: [&str; 0] = [];
    assert!(with.parse_sentence(&none).is_empty());
    // Longer than rumorph's chunk of 256 words.
    let long: Vec<&str> = std::iter::repeat_n(["Я", "читаю", "книги", "."], 100)
        .flatten()
        .collect();
    assert_eq!(with.parse_sentence(&long).len(), 400);
}

#[test]
fn values_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Morph>();
    send_sync::<Parse>();
    send_sync::<MorphBuilder>();
}

#[test]
fn same_dictionary_same_cache() {
    // Options that do not change lemmas share the bundled dictionary (and so the cache).
    let a = morph();
    let b = Morph::builder().context(false).build().unwrap();
    assert!(Arc::ptr_eq(&a.inner.dictionary, &b.inner.dictionary));
}

#[test]
fn dictionary_files_that_are_not_dictionaries_are_errors() {
    let path = std::env::temp_dir().join(format!("slovo-not-a-dict-{}.dict", std::process::id()));
    std::fs::write(&path, b"not a dictionary").unwrap();
    let err = Morph::builder().dictionary(&path).build().unwrap_err();
    let _ = std::fs::remove_file(&path);
    assert!(matches!(err, Error::CorruptModel { .. }), "{err}");
    assert!(err.to_string().contains("not a rumorph dictionary"));
}

#[test]
fn abbreviations_in_capitals_come_first_when_unknown() {
    let m = morph();
    let parses = m.parse("ТЮРКСОЙ");
    assert_eq!(parses[0].origin(), Origin::Rule);
    assert!(parses.windows(2).all(|w| w[0].score() >= w[1].score()));
    let total: f64 = parses.iter().map(Parse::score).sum();
    assert!((total - 1.0).abs() < 1e-6);
    // Known words in capitals and guesses in lowercase are left alone.
    assert_eq!(m.lemma("МИДа"), "мид");
    assert_eq!(m.parse("тюрксой")[0].origin(), Origin::Guess);
}

#[test]
fn typed_features_match_the_feats_string() {
    let m = morph();
    for word in [
        "союза",
        "читала",
        "прочитанная",
        "лучше",
        "Токаева",
        "мне",
        "готов",
    ] {
        for parse in m.parse(word) {
            for feature in parse.features().iter() {
                assert_eq!(parse.feat(feature.name()), Some(feature.value()), "{word}");
            }
        }
    }
}

#[test]
fn hostile_input_never_panics() {
    let m = morph();
    let long = "а".repeat(1 << 20);
    let hyphens = "а-".repeat(1 << 16);
    let inputs = [
        "",
        " ",
        "\u{0}",
        "\u{301}",
        "-",
        "---",
        "ё\u{308}",
        "🇷🇺",
        "123456789012345678901234567890",
        long.as_str(),
        hyphens.as_str(),
    ];
    for word in inputs {
        let parses = m.parse(word);
        let _ = m.lemma(word);
        let _ = m.normal_phrase(word);
        for parse in parses.iter().take(3) {
            let _ = m.inflect(parse, [Case::Gen]);
            let _ = m.agree(parse, 3);
        }
    }
    let _ = m.parse_sentence(&inputs);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Nothing panics, every list is ranked, the cache agrees with `parse`.
    #[test]
    fn any_word(word in "\\PC{0,12}|[а-яёА-ЯЁa-zA-Z0-9 .-]{0,16}") {
        let m = morph();
        let parses = m.parse(&word);
        proptest::prop_assert!(parses.windows(2).all(|w| w[0].score() >= w[1].score()));
        let expected = parses.first().map_or_else(|| word.to_lowercase(), |p| p.lemma().to_owned());
        proptest::prop_assert_eq!(m.lemma(&word).into_owned(), expected);
        for parse in parses.iter().take(2) {
            let _ = m.inflect(parse, [Case::Dat]);
            let _ = m.forms(parse);
        }
        let _ = m.normal_phrase(&word);
        let words: Vec<&str> = word.split(' ').collect();
        proptest::prop_assert_eq!(m.parse_sentence(&words).len(), words.len());
    }
}
