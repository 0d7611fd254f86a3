//! Stop words: the corrected embedded list, folding, and user lists.

use proptest::prelude::*;
use slovo::StopWords;

const GENERATED: &str = include_str!("../src/terms/data/stopwords_ru.txt");

fn generated_words() -> Vec<&'static str> {
    GENERATED.lines().filter(|l| !l.starts_with('#')).collect()
}

#[test]
fn generated_file_is_folded_sorted_and_unique() {
    let words = generated_words();
    assert!(
        words.windows(2).all(|w| w[0] < w[1]),
        "not sorted or not unique"
    );
    for word in &words {
        assert!(!word.is_empty() && !word.contains(char::is_whitespace));
        assert_eq!(
            *word,
            word.to_lowercase().replace('ё', "е"),
            "not folded: {word}"
        );
    }
    assert!(GENERATED.contains("Licence of the source list: MIT."));
    assert!(GENERATED.contains("03ad3b19b1a599f4967f8e4fd2a950a17ab1f8735e1751a7352290a5e39ecd55"));
    assert_eq!(StopWords::russian().len(), words.len());
    assert_eq!(words.len(), 734);
}

#[test]
fn documented_fixes_are_applied() {
    let stop = StopWords::russian();
    assert!(stop.contains("ни"));
    let dropped = [
        // content words
        "комья",
        "поприще",
        "томах",
        "благо",
        "данные",
        "данных",
        "начала",
        "начале",
        "необходимости",
        "настоящее",
        // forms of «есть» = to eat
        "ем",
        "ешь",
        "ест",
        "едим",
        "едят",
        "ел",
        "ела",
        // nonce forms, typos, NASA
        "вресноту",
        "вчеред",
        "данунах",
        "оттот",
        "потомушта",
        "гав",
        "наса",
    ];
    for word in dropped {
        assert!(!stop.contains(word), "{word} should have been dropped");
    }
    // Kept on purpose: the copula, single letters, numeral-suffix fragments.
    for word in ["есть", "б", "г", "ы", "го", "ых"] {
        assert!(stop.contains(word), "{word} should be kept");
    }
}

#[test]
fn matching_folds_case_and_yo_both_ways() {
    let stop = StopWords::russian();
    // spaCy has only one spelling of each of these.
    for word in [
        "причём",
        "причем",
        "твое",
        "твоё",
        "чье",
        "чьё",
        "че",
        "чё",
        "Всё",
        "ВСЕ",
        "Её",
    ] {
        assert!(stop.contains(word), "{word}");
    }
    for word in ["год", "Россия", "москва", "ёлка", ""] {
        assert!(!stop.contains(word), "{word}");
    }
}

#[test]
fn users_can_extend_remove_and_replace() {
    let russian = StopWords::russian();
    let mut mine = russian.clone();
    mine.extend(["Два", "три", "раз"]);
    assert!(mine.remove("ЕЩЁ"));
    assert!(!mine.remove("ещё"));
    assert!(mine.contains("два") && !mine.contains("еще"));
    // The shared list is untouched by changes to a clone.
    assert!(russian.contains("еще") && !russian.contains("два"));
    assert_eq!(mine.len(), russian.len() + 3 - 1);

    let dir = std::env::temp_dir().join(format!("slovo-stopwords-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("list.txt");
    std::fs::write(
        &path,
        "\u{feff}# custom\n  # indented comment\nтипа  Короче\n\nвообще\n",
    )
    .unwrap();
    let replaced = StopWords::from_file(&path).unwrap();
    assert_eq!(replaced.to_sorted_vec(), ["вообще", "короче", "типа"]);
    std::fs::write(&path, b"\xff\xfe").unwrap();
    let err = StopWords::from_file(&path).unwrap_err();
    assert!(matches!(err, slovo::Error::InvalidUtf8 { offset: 0, .. }));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn serde_round_trip_keeps_the_words() {
    let stop = StopWords::russian();
    let json = serde_json::to_string(&stop).unwrap();
    assert!(json.starts_with(r#"["а","авось","#));
    let back: StopWords = serde_json::from_str(&json).unwrap();
    assert_eq!(back, stop);
}

#[test]
fn stop_words_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<StopWords>();
}

proptest! {
    /// Every listed word matches in any case and with `е` written `ё`.
    #[test]
    fn every_word_matches_in_any_spelling(index in 0usize..734, upper in any::<bool>()) {
        let word = generated_words()[index];
        let respelled = word.replace('е', "ё");
        let query = if upper { respelled.to_uppercase() } else { respelled };
        prop_assert!(StopWords::russian().contains(&query), "{} -> {}", word, query);
    }

    /// Inserting then removing any word leaves the set as it was.
    #[test]
    fn insert_then_remove_is_identity(word in "\\PC{1,12}") {
        let original = StopWords::from_words(["и", "да"]);
        let mut set = original.clone();
        let added = set.insert(&word);
        if added {
            prop_assert!(set.contains(&word));
            prop_assert!(set.remove(&word));
        }
        prop_assert_eq!(set, original);
    }
}
