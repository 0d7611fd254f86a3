//! Replays the fuzz targets' seed corpora (`fuzz/seeds/<target>/`) through the same
//! invariant checks the fuzzers run (`tests/support/fuzz_checks.rs`), so every `cargo test` on
//! stable Rust repeats them, along with the inputs that once failed.

#[path = "support/fuzz_checks.rs"]
pub(crate) mod checks;

use std::fs;
use std::path::{Path, PathBuf};

use slovo::{DocumentFrequencies, TfidfVectorizer};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join("seeds")
}

/// Runs `check` on every file in `fuzz/seeds/<target>/`; returns how many there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = seeds_dir().join(target);
    let mut entries: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable seed directory").path())
        .collect();
    entries.sort();
    for path in &entries {
        let data = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let result = std::panic::catch_unwind(|| check(&data));
        assert!(result.is_ok(), "seed {} fails its checks", path.display());
    }
    entries.len()
}

#[test]
fn tokenize_seeds() {
    if crate::support::packaged() {
        return;
    }
    assert!(replay("tokenize", checks::tokenize) >= 50);
}

#[test]
fn tokenize_paths_seeds() {
    if crate::support::packaged() {
        return;
    }
    assert!(replay("tokenize_paths", checks::tokenize_paths) >= 50);
}

#[test]
fn sentences_seeds() {
    if crate::support::packaged() {
        return;
    }
    assert!(replay("sentences", checks::sentences) >= 50);
}

#[test]
fn sentence_paths_seeds() {
    if crate::support::packaged() {
        return;
    }
    assert!(replay("sentence_paths", checks::sentence_paths) >= 50);
}

#[test]
fn normalize_seeds() {
    if crate::support::packaged() {
        return;
    }
    assert!(replay("normalize", checks::normalize) >= 50);
}

#[test]
fn terms_seeds() {
    if crate::support::packaged() {
        return;
    }
    assert!(replay("terms", checks::terms) >= 50);
}

#[test]
fn detect_seeds() {
    if crate::support::packaged() {
        return;
    }
    assert!(replay("detect", checks::detect) >= 50);
}

#[test]
fn keywords_seeds() {
    if crate::support::packaged() {
        return;
    }
    assert!(replay("keywords", checks::keywords) >= 50);
}

#[test]
fn decode_seeds() {
    #[cfg(feature = "encodings")]
    if !crate::support::packaged() {
        assert!(replay("decode", checks::decode) >= 10);
    }
}

#[test]
fn model_seeds() {
    if crate::support::packaged() {
        return;
    }
    assert!(replay("model", checks::model) >= 2);
}

const MODEL_DOCS: [&str; 4] = [
    "Кот спит на окне, а пёс во дворе.",
    "Пёс лает на кота.",
    "Коты и псы: кто кого?",
    "",
];

/// The committed saved models (format version 2) still load and equal a fresh fit: a
/// change of the format or of the analyzer shows up here. `SLOVO_BLESS=1` rewrites them.
#[test]
fn saved_models_of_format_2_load() {
    if crate::support::packaged() {
        return;
    }
    let dir = seeds_dir().join("model");
    let mut vectorizer = TfidfVectorizer::new();
    vectorizer.fit(&MODEL_DOCS).expect("fit");
    let mut frequencies = DocumentFrequencies::new();
    let analyzer = slovo::Analyzer::default();
    for doc in MODEL_DOCS {
        frequencies.add_document(analyzer.terms(doc).map(|t| t.form.into_owned()));
    }
    let vectorizer_path = dir.join("vectorizer_v2.bin");
    let frequencies_path = dir.join("frequencies_v2.bin");
    if std::env::var_os("SLOVO_BLESS").is_some() {
        fs::create_dir_all(&dir).expect("seed directory");
        fs::write(&vectorizer_path, vectorizer.to_bytes()).expect("write vectorizer");
        fs::write(&frequencies_path, frequencies.to_bytes()).expect("write frequencies");
    }
    let saved = fs::read(&vectorizer_path).expect("committed vectorizer seed");
    let loaded = TfidfVectorizer::from_bytes(&saved).expect("a version 2 model loads");
    assert_eq!(loaded.vocabulary(), vectorizer.vocabulary());
    assert_eq!(loaded.idf(), vectorizer.idf());
    let docs = ["кот спит", "псы лают"];
    let (a, b) = (
        loaded.transform(&docs).expect("transform"),
        vectorizer.transform(&docs).expect("transform"),
    );
    assert_eq!(
        (a.indptr(), a.indices(), a.data()),
        (b.indptr(), b.indices(), b.data())
    );

    let saved = fs::read(&frequencies_path).expect("committed frequencies seed");
    let loaded = DocumentFrequencies::from_bytes(&saved).expect("version 2 frequencies load");
    assert_eq!(loaded, frequencies);

    // Every proper prefix of a saved model is refused with an error, never a panic.
    let saved = fs::read(&vectorizer_path).expect("committed vectorizer seed");
    for cut in 0..saved.len() {
        assert!(
            TfidfVectorizer::from_bytes(&saved[..cut]).is_err(),
            "prefix {cut} loaded"
        );
    }
}
