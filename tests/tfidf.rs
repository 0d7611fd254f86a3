//! TF-IDF: parity with scikit-learn (fixture from `scripts/make_tfidf_fixture.py`), mergeable
//! counts, partial fits, option validation, saved-model robustness.

use proptest::prelude::*;
use serde_json::Value;
use slovo::tfidf::{
    CsrMatrix, DfBound, DocumentFrequencies, Norm, TfidfConfig, TfidfVectorizer, Vocabulary,
};
use slovo::Error;

use crate::support::fixture;

/// scikit-learn and slovo must agree to this absolute difference on every idf and weight.
const PARITY: f64 = 1e-12;

/// The OpenCorpora term lists (CC BY-SA, not in the published crate: `None` there).
fn corpus() -> Option<Vec<Vec<String>>> {
    let text = fixture("tests/data/tfidf/docs_terms.jsonl")?;
    let docs = text
        .lines()
        .map(|line| {
            let doc: Value = serde_json::from_str(line).expect("fixture line is JSON");
            doc["terms"]
                .as_array()
                .expect("terms array")
                .iter()
                .map(|t| t.as_str().expect("term string").to_owned())
                .collect()
        })
        .collect();
    Some(docs)
}

fn sklearn_fixture() -> Option<Value> {
    let text = fixture("tests/data/tfidf/sklearn_fixture.json")?;
    Some(serde_json::from_str(&text).expect("fixture JSON"))
}

/// scikit-learn's keyword arguments → our config.
fn config_from(options: &Value) -> TfidfConfig {
    let bound = |v: &Value| match v.as_u64() {
        Some(count) => DfBound::Count(count),
        None => DfBound::Proportion(v.as_f64().expect("df bound")),
    };
    let mut config = TfidfConfig::default();
    for (key, value) in options.as_object().expect("options object") {
        match key.as_str() {
            "ngram_range" => {
                let r = value.as_array().expect("ngram pair");
                config.ngram_range = (
                    r[0].as_u64().expect("min_n") as usize,
                    r[1].as_u64().expect("max_n") as usize,
                );
            }
            "min_df" => config.min_df = bound(value),
            "max_df" => config.max_df = bound(value),
            "max_features" => config.max_features = value.as_u64().map(|v| v as usize),
            "sublinear_tf" => config.sublinear_tf = value.as_bool().expect("bool"),
            "smooth_idf" => config.smooth_idf = value.as_bool().expect("bool"),
            "use_idf" => config.use_idf = value.as_bool().expect("bool"),
            "norm" => {
                config.norm = match value.as_str() {
                    None => Norm::None,
                    Some(s) => s.parse().expect("norm"),
                }
            }
            "stop_words" => {
                config.stop_words = value
                    .as_array()
                    .expect("stop words")
                    .iter()
                    .map(|w| w.as_str().expect("stop word").to_owned())
                    .collect()
            }
            other => panic!("fixture option {other} is not mapped"),
        }
    }
    config
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("float array")
        .iter()
        .map(|x| x.as_f64().expect("float"))
        .collect()
}

fn ints(v: &Value) -> Vec<u64> {
    v.as_array()
        .expect("int array")
        .iter()
        .map(|x| x.as_u64().expect("int"))
        .collect()
}

fn max_abs_diff(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}

#[test]
fn equals_scikit_learn_on_every_option_set() {
    let Some(docs) = corpus() else {
        return;
    };
    let Some(fixture) = sklearn_fixture() else {
        return;
    };
    let sets = fixture["option_sets"].as_array().expect("option sets");
    assert!(sets.len() >= 8);
    for set in sets {
        let name = set["name"].as_str().expect("name");
        // Sets that share structure with an earlier one point to it with `structure_of`.
        let structure = match set.get("structure_of") {
            Some(Value::String(of)) => sets
                .iter()
                .find(|s| s["name"] == *of)
                .expect("referenced set"),
            _ => set,
        };
        let n_docs = set["n_docs"].as_u64().expect("n_docs") as usize;
        let mut vectorizer =
            slovo::tfidf::TfidfVectorizerBuilder::from(config_from(&set["options"]))
                .build()
                .expect(name);
        let matrix = vectorizer.fit_transform_terms(&docs[..n_docs]).expect(name);

        let vocabulary: Vec<&str> = vectorizer.vocabulary().expect("fitted").iter().collect();
        let expected: Vec<&str> = structure["vocabulary"]
            .as_array()
            .expect("vocabulary")
            .iter()
            .map(|t| t.as_str().expect("term"))
            .collect();
        assert_eq!(vocabulary, expected, "{name}: vocabulary");

        let idf_diff = match (&set["idf"], vectorizer.idf()) {
            (Value::Null, None) => 0.0,
            (Value::String(same), Some(idf)) if same == "same" => {
                max_abs_diff(idf, &floats(&structure["idf"]))
            }
            (expected, Some(idf)) => max_abs_diff(idf, &floats(expected)),
            (expected, got) => panic!("{name}: idf {got:?}, expected {expected}"),
        };
        let shape = ints(&set["shape"]);
        assert_eq!(
            (matrix.n_rows() as u64, matrix.n_cols() as u64),
            (shape[0], shape[1]),
            "{name}: shape"
        );
        let indptr: Vec<u64> = matrix.indptr().iter().map(|&p| p as u64).collect();
        assert_eq!(indptr, ints(&structure["indptr"]), "{name}: indptr");
        let indices: Vec<u64> = matrix.indices().iter().map(|&i| u64::from(i)).collect();
        assert_eq!(indices, ints(&structure["indices"]), "{name}: indices");
        let data_diff = max_abs_diff(matrix.data(), &floats(&set["data"]));
        eprintln!("parity {name}: max |Δidf| = {idf_diff:.1e}, max |Δweight| = {data_diff:.1e}");
        assert!(idf_diff <= PARITY, "{name}: idf differs by {idf_diff}");
        assert!(data_diff <= PARITY, "{name}: weights differ by {data_diff}");

        // transform of the fitted documents gives the same matrix as fit_transform.
        let again = vectorizer.transform_terms(&docs[..n_docs]).expect(name);
        assert_eq!(again, matrix, "{name}: transform after fit");
    }
}

fn fitted(config: TfidfConfig, docs: &[Vec<String>]) -> TfidfVectorizer {
    let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config)
        .build()
        .expect("valid config");
    vectorizer.fit_terms(docs).expect("fit");
    vectorizer
}

fn option_sets_for_fitting() -> Vec<TfidfConfig> {
    let mut sets = vec![TfidfConfig::default()];
    let mut c = TfidfConfig::default();
    c.ngram_range = (1, 3);
    c.stop_words = vec!["в".into(), "и".into()];
    sets.push(c);
    let mut c = TfidfConfig::default();
    c.min_df = DfBound::Count(2);
    c.max_df = DfBound::Proportion(0.3);
    c.max_features = Some(100);
    c.ngram_range = (1, 2);
    sets.push(c);
    sets
}

#[test]
fn pieces_merged_equal_the_single_fit_exactly() {
    let Some(docs) = corpus() else {
        return;
    };
    for config in option_sets_for_fitting() {
        let whole = fitted(config.clone(), &docs);
        for pieces in [2, 3, 7, 200] {
            let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config.clone())
                .build()
                .expect("valid");
            let mut merged = DocumentFrequencies::new();
            // merge in reverse order: the result must not depend on it
            for chunk in docs.chunks(docs.len().div_ceil(pieces)).rev() {
                merged
                    .merge(&vectorizer.count_terms(chunk))
                    .expect("small counts");
            }
            assert_eq!(&merged, whole.frequencies(), "{pieces} pieces: counts");
            let bytes = merged.to_bytes();
            assert_eq!(
                bytes,
                whole.frequencies().to_bytes(),
                "equal tables, equal bytes"
            );
            let merged = DocumentFrequencies::from_bytes(&bytes).expect("round trip");
            vectorizer.fit_frequencies(merged).expect("fit");
            assert_eq!(vectorizer.vocabulary(), whole.vocabulary());
            assert_eq!(
                vectorizer.idf(),
                whole.idf(),
                "{pieces} pieces: idf bit for bit"
            );
            assert_eq!(
                vectorizer.transform_terms(&docs).expect("fitted"),
                whole.transform_terms(&docs).expect("fitted")
            );
        }
    }
}

#[test]
fn partial_fit_then_finalize_equals_fit() {
    let Some(docs) = corpus() else {
        return;
    };
    for config in option_sets_for_fitting() {
        let whole = fitted(config.clone(), &docs);
        let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config)
            .build()
            .expect("valid");
        for batch in docs.chunks(37) {
            vectorizer.partial_fit_terms(batch);
            assert!(matches!(
                vectorizer.transform_terms(&docs[..1]),
                Err(Error::NotFitted { .. })
            ));
        }
        vectorizer.finalize().expect("finalize");
        assert_eq!(vectorizer.frequencies(), whole.frequencies());
        assert_eq!(vectorizer.vocabulary(), whole.vocabulary());
        assert_eq!(vectorizer.idf(), whole.idf());
    }
}

#[test]
fn parallel_transform_equals_sequential() {
    // Enough documents for many parallel chunks.
    let Some(docs) = corpus() else {
        return;
    };
    let docs: Vec<Vec<String>> = docs.into_iter().cycle().take(1000).collect();
    for config in option_sets_for_fitting() {
        let vectorizer = fitted(config, &docs);
        let mut vectorizer = vectorizer
            .to_builder()
            .parallel(true)
            .build()
            .expect("valid");
        vectorizer.fit_terms(&docs).expect("fit");
        let parallel = vectorizer.transform_terms(&docs).expect("fitted");
        let parallel_fit = vectorizer.fit_transform_terms(&docs).expect("fit");
        let mut vectorizer = vectorizer
            .to_builder()
            .parallel(false)
            .build()
            .expect("valid");
        vectorizer.fit_terms(&docs).expect("fit");
        let sequential = vectorizer.transform_terms(&docs).expect("fitted");
        let sequential_fit = vectorizer.fit_transform_terms(&docs).expect("fit");
        assert_eq!(parallel, sequential);
        assert_eq!(parallel_fit, sequential_fit);
        assert_eq!(parallel, parallel_fit);
        assert_eq!(parallel.n_rows(), 1000);
    }
}

#[test]
fn text_path_equals_terms_path() {
    let Some(docs) = corpus() else {
        return;
    };
    let texts: Vec<String> = docs.iter().map(|terms| terms.join(" ")).collect();
    let mut config = TfidfConfig::default();
    config.ngram_range = (1, 2);
    config.stop_words = vec!["и".into()];
    let split = |text: &str| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
    let mut by_text = slovo::tfidf::TfidfVectorizerBuilder::from(config.clone())
        .analyzer(split)
        .build()
        .expect("valid");
    let from_text = by_text.fit_transform(&texts).expect("fit");
    let mut by_terms = slovo::tfidf::TfidfVectorizerBuilder::from(config)
        .build()
        .expect("valid");
    let from_terms = by_terms.fit_transform_terms(&docs).expect("fit");
    assert_eq!(from_text, from_terms);
    assert_eq!(by_text.vocabulary(), by_terms.vocabulary());
}

#[test]
fn max_features_ties_go_to_the_first_term() {
    // Total counts: я 3, б 2, в 2, а 2, г 1 → with 3 features: я, then а and б (ties at 2).
    let docs = [vec!["я", "я", "б", "в"], vec!["я", "а", "а", "б", "в", "г"]];
    let mut config = TfidfConfig::default();
    config.max_features = Some(3);
    let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config)
        .build()
        .expect("valid");
    vectorizer.fit_terms(&docs).expect("fit");
    let vocabulary: Vec<&str> = vectorizer.vocabulary().expect("fitted").iter().collect();
    assert_eq!(vocabulary, ["а", "б", "я"]);
}

#[test]
fn zero_rows_stay_zero_and_rows_are_normalized() {
    let Some(docs) = corpus() else {
        return;
    };
    for norm in [Norm::L2, Norm::L1] {
        let mut config = TfidfConfig::default();
        config.norm = norm;
        let vectorizer = fitted(config, &docs);
        let matrix = vectorizer
            .transform_terms(&[vec!["нет_такого".to_owned()], vec![], docs[0].clone()])
            .expect("fitted");
        assert!(matrix.row(0).expect("row").is_empty());
        assert!(matrix.row(1).expect("row").is_empty());
        let row = matrix.row(2).expect("row");
        let total: f64 = match norm {
            Norm::L2 => row.values.iter().map(|v| v * v).sum(),
            _ => row.values.iter().map(|v| v.abs()).sum(),
        };
        assert!((total - 1.0).abs() < 1e-12, "{norm}: {total}");
        #[cfg(feature = "ndarray")]
        {
            let dense = matrix.to_dense();
            for (col, value) in row.iter() {
                assert_eq!(dense[(2, col)], value);
            }
            assert_eq!(dense.iter().filter(|&&v| v != 0.0).count(), row.len());
        }
    }
}

#[test]
fn invalid_options_are_rejected_with_their_name() {
    type Change = Box<dyn Fn(&mut TfidfConfig)>;
    let cases: Vec<(&str, Change)> = vec![
        ("ngram_range", Box::new(|c| c.ngram_range = (0, 1))),
        ("ngram_range", Box::new(|c| c.ngram_range = (2, 1))),
        ("min_df", Box::new(|c| c.min_df = DfBound::Proportion(1.5))),
        ("max_df", Box::new(|c| c.max_df = DfBound::Proportion(-0.1))),
        (
            "max_df",
            Box::new(|c| c.max_df = DfBound::Proportion(f64::NAN)),
        ),
        (
            "min_df",
            Box::new(|c| {
                c.min_df = DfBound::Count(3);
                c.max_df = DfBound::Count(2);
            }),
        ),
        (
            "min_df",
            Box::new(|c| {
                c.min_df = DfBound::Proportion(0.6);
                c.max_df = DfBound::Proportion(0.5);
            }),
        ),
        ("max_features", Box::new(|c| c.max_features = Some(0))),
    ];
    for (name, set) in cases {
        let mut config = TfidfConfig::default();
        set(&mut config);
        match slovo::tfidf::TfidfVectorizerBuilder::from(config).build() {
            Err(Error::InvalidOption { name: got, .. }) => assert_eq!(got, name),
            other => panic!("{name}: expected InvalidOption, got {other:?}"),
        }
    }

    // A count against a proportion can only be checked against the corpus size.
    let mut config = TfidfConfig::default();
    config.min_df = DfBound::Count(5);
    config.max_df = DfBound::Proportion(0.5);
    let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config)
        .build()
        .expect("valid on its own");
    let Some(docs) = corpus() else {
        return;
    };
    let err = vectorizer.fit_terms(&docs[..4]).unwrap_err();
    assert!(
        matches!(err, Error::InvalidOption { ref name, .. } if name == "max_df"),
        "{err}"
    );
    assert!(vectorizer.fit_terms(&docs[..20]).is_ok());
}

#[test]
fn everything_pruned_gives_an_empty_vocabulary() {
    let mut config = TfidfConfig::default();
    config.min_df = DfBound::Count(2);
    let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config)
        .build()
        .expect("valid");
    let matrix = vectorizer
        .fit_transform_terms(&[["а"], ["б"]])
        .expect("fit");
    assert_eq!(matrix.shape(), (2, 0));
    assert_eq!(matrix.nnz(), 0);

    let empty: [Vec<&str>; 0] = [];
    let matrix = vectorizer.fit_transform_terms(&empty).expect("fit");
    assert_eq!(matrix.shape(), (0, 0));
    assert_eq!(matrix.indptr(), &[0]);

    // The same from text, sequential and parallel.
    for parallel in [false, true] {
        let mut vectorizer = vectorizer
            .to_builder()
            .parallel(parallel)
            .build()
            .expect("valid");
        let no_text: [&str; 0] = [];
        let matrix = vectorizer.fit_transform(&no_text).expect("fit");
        assert_eq!(matrix.shape(), (0, 0));
        vectorizer.partial_fit(&no_text);
        vectorizer.finalize().expect("finalize");
        assert_eq!(vectorizer.vocabulary().map(|v| v.len()), Some(0));
    }
}

#[test]
fn saved_models_round_trip_and_reject_damage() {
    let Some(docs) = corpus() else {
        return;
    };
    let mut config = TfidfConfig::default();
    config.ngram_range = (1, 2);
    config.sublinear_tf = true;
    let vectorizer = fitted(config, &docs);
    let bytes = vectorizer.to_bytes();
    let restored = TfidfVectorizer::from_bytes(&bytes).expect("round trip");
    assert_eq!(restored.config(), vectorizer.config());
    assert_eq!(
        restored.transform_terms(&docs).expect("fitted"),
        vectorizer.transform_terms(&docs).expect("fitted")
    );

    let table = vectorizer.frequencies().to_bytes();
    for len in [0, 5, 11, 12, table.len() / 2, table.len() - 1] {
        assert!(matches!(
            DocumentFrequencies::from_bytes(&table[..len]),
            Err(Error::CorruptModel { .. })
        ));
    }
    for len in [0, 11, bytes.len() / 2, bytes.len() - 1] {
        assert!(matches!(
            TfidfVectorizer::from_bytes(&bytes[..len]),
            Err(Error::CorruptModel { .. })
        ));
    }
    // Cut anywhere after the first byte, the error says so.
    for len in [5, 11, 12, table.len() / 2, table.len() - 1] {
        let err = DocumentFrequencies::from_bytes(&table[..len]).unwrap_err();
        assert!(err.to_string().contains("truncated"), "{len}: {err}");
    }
    for len in [3, 12, bytes.len() / 3, bytes.len() / 2, bytes.len() - 1] {
        let err = TfidfVectorizer::from_bytes(&bytes[..len]).unwrap_err();
        assert!(err.to_string().contains("truncated"), "{len}: {err}");
    }
    let mut extra = table.clone();
    extra.push(0);
    assert!(matches!(
        DocumentFrequencies::from_bytes(&extra),
        Err(Error::CorruptModel { .. })
    ));
    let mut newer = table;
    newer[8..12].copy_from_slice(&2u32.to_le_bytes());
    assert!(matches!(
        DocumentFrequencies::from_bytes(&newer),
        Err(Error::IncompatibleModel {
            found: 2,
            expected: 1
        })
    ));
    // Not a table at all: a vectorizer's bytes.
    assert!(matches!(
        DocumentFrequencies::from_bytes(&bytes),
        Err(Error::CorruptModel { .. })
    ));
}

/// Counts near `u64::MAX` (a crafted table) are refused on load, and a merge whose sums
/// would pass 2^53 is an error that leaves the table unchanged, not a silent wrap (which
/// made NaN idf and tables that saved but could not be read back).
#[test]
fn huge_counts_are_refused_not_wrapped() {
    let table = |json: &str| serde_json::from_str::<DocumentFrequencies>(json);
    let max = u64::MAX;
    for json in [
        format!(r#"{{"format_version":1,"n_docs":{max},"terms":[["кот",1,1]]}}"#),
        format!(r#"{{"format_version":1,"n_docs":2,"terms":[["кот",1,{max}]]}}"#),
    ] {
        let err = table(&json).expect_err("refused");
        assert!(err.to_string().contains("2^53"), "{err}");
    }
    let limit = 1u64 << 53;
    let big = table(&format!(
        r#"{{"format_version":1,"n_docs":{limit},"terms":[["кот",{limit},{limit}]]}}"#
    ))
    .expect("2^53 is allowed");
    let mut one = DocumentFrequencies::new();
    one.add_document(["пёс"]);
    let before = one.clone();
    let err = one.merge(&big).unwrap_err();
    assert!(matches!(err, Error::CountOverflow { .. }), "{err}");
    assert_eq!(one, before, "a failed merge changes nothing");
    let mut again = big.clone();
    assert!(matches!(
        again.merge(&big),
        Err(Error::CountOverflow { .. })
    ));
    assert_eq!(again, big);
    // At the limit, the idf is finite and the model saves and loads.
    let mut vectorizer = TfidfVectorizer::new();
    vectorizer.fit_frequencies(big).expect("fits");
    assert!(vectorizer.idf().expect("idf").iter().all(|v| v.is_finite()));
    TfidfVectorizer::from_bytes(&vectorizer.to_bytes()).expect("loads");
}

/// A finite but huge idf (1e308 made `null` weights: inf × tf, then inf / inf) is refused
/// where a model is made from outside values: loading, `from_vocabulary`, `set_idf`.
#[test]
fn huge_idf_values_are_refused() {
    let vocabulary = || slovo::tfidf::Vocabulary::new(["кот", "пёс"]).expect("valid");
    for bad in [1e308, -1e308, f64::INFINITY, f64::NAN] {
        let made = TfidfVectorizer::from_vocabulary(
            TfidfConfig::default(),
            vocabulary(),
            Some(vec![1.0, bad]),
        );
        assert!(matches!(made, Err(Error::InvalidOption { .. })), "{bad}");
    }
    // `set_idf` follows scikit-learn (an infinite idf is what no smoothing gives a term no
    // document has) and refuses only NaN.
    let mut transformer = slovo::tfidf::TfidfTransformer::new();
    assert!(transformer.set_idf(vec![f64::NAN, 1.0]).is_err());
    assert!(transformer.set_idf(vec![f64::INFINITY, 1.0]).is_ok());
    // The bytes of a model whose idf was changed to 1e308 after saving.
    let good = TfidfVectorizer::from_vocabulary(
        TfidfConfig::default(),
        vocabulary(),
        Some(vec![1.0, 1.5]),
    )
    .expect("valid");
    let mut bytes = good.to_bytes();
    let at = bytes
        .windows(8)
        .position(|w| w == 1.5f64.to_le_bytes())
        .expect("idf stored as little-endian f64");
    bytes[at..at + 8].copy_from_slice(&1e308f64.to_le_bytes());
    let err = TfidfVectorizer::from_bytes(&bytes).unwrap_err();
    assert!(matches!(err, Error::CorruptModel { .. }), "{err}");
    assert!(err.to_string().contains("1e100"), "{err}");
}

#[test]
fn serde_json_round_trip_and_validation() {
    let mut table = DocumentFrequencies::new();
    table.add_document(["кот", "кот", "пёс"]);
    table.add_document(["кот"]);
    let json = serde_json::to_string(&table).expect("serialize");
    assert_eq!(
        json,
        r#"{"format_version":1,"n_docs":2,"terms":[["кот",2,3],["пёс",1,1]]}"#
    );
    let back: DocumentFrequencies = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, table);
    // df above the document count
    let bad = r#"{"format_version":1,"n_docs":1,"terms":[["кот",2,3]]}"#;
    assert!(serde_json::from_str::<DocumentFrequencies>(bad).is_err());
    let bad = r#"{"format_version":7,"n_docs":1,"terms":[]}"#;
    assert!(serde_json::from_str::<DocumentFrequencies>(bad).is_err());

    let vocabulary = Vocabulary::new(["б", "а"]).expect("unique");
    let json = serde_json::to_string(&vocabulary).expect("serialize");
    assert_eq!(json, r#"["б","а"]"#);
    assert!(serde_json::from_str::<Vocabulary>(r#"["а","а"]"#).is_err());
}

#[test]
fn csr_validation() {
    assert!(CsrMatrix::new(2, 2, vec![0, 1], vec![0], vec![1.0]).is_err()); // short indptr
    assert!(CsrMatrix::new(1, 2, vec![0, 2], vec![1, 0], vec![1.0, 1.0]).is_err()); // unsorted
    assert!(CsrMatrix::new(1, 2, vec![0, 2], vec![1, 1], vec![1.0, 1.0]).is_err()); // repeated
    assert!(CsrMatrix::new(1, 2, vec![0, 1], vec![0], vec![]).is_err()); // data length
    assert!(CsrMatrix::new(2, 2, vec![0, 2, 1], vec![0, 1], vec![1.0, 1.0]).is_err());
    // decreasing
}

/// The bundled sample document cut into small documents (at line ends and periods).
fn sample_paragraphs() -> Vec<&'static str> {
    include_str!("../examples/data/kazinform_eu_ru.txt")
        .split(['\n', '.'])
        .filter(|p| p.trim().len() > 20)
        .collect()
}

#[test]
fn fit_transform_from_text_equals_fit_on_analyzer_stems() {
    let texts = sample_paragraphs();
    assert!(texts.len() > 5);
    let analyzer = slovo::Analyzer::default();
    let stems: Vec<Vec<String>> = texts
        .iter()
        .map(|t| analyzer.terms(t).map(|t| t.form.into_owned()).collect())
        .collect();
    for ngram_range in [(1, 1), (1, 2), (2, 3)] {
        let mut config = TfidfConfig::default();
        config.ngram_range = ngram_range;
        let mut by_text = slovo::tfidf::TfidfVectorizerBuilder::from(config.clone())
            .build()
            .expect("valid");
        let from_text = by_text.fit_transform(&texts).expect("fit");
        let mut by_stems = slovo::tfidf::TfidfVectorizerBuilder::from(config)
            .build()
            .expect("valid");
        let from_stems = by_stems.fit_transform_terms(&stems).expect("fit");
        assert_eq!(
            by_text.vocabulary(),
            by_stems.vocabulary(),
            "{ngram_range:?}"
        );
        assert_eq!(from_text, from_stems, "{ngram_range:?}");
        assert_eq!(by_text.frequencies(), by_stems.frequencies());
        // And transform (the string-keyed path) gives the rows fit_transform gave.
        assert_eq!(by_text.transform(&texts).expect("fitted"), from_text);
        let vocabulary = by_text.vocabulary().expect("fitted");
        assert!(vocabulary.len() > 100);
        assert_eq!(vocabulary.contains(&stems[0][0]), ngram_range.0 == 1);
    }
}

#[test]
fn saved_and_loaded_model_analyzes_and_transforms_identically() {
    let texts = sample_paragraphs();
    // Not the default analyzer: the loaded model must bring this one back.
    let analyzer = slovo::Analyzer::builder()
        .form(slovo::TermForm::Normalized)
        .min_chars(3)
        .build();
    let mut config = TfidfConfig::default();
    config.ngram_range = (1, 2);
    config.sublinear_tf = true;
    let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config)
        .analyzer(analyzer)
        .build()
        .expect("valid");
    vectorizer.fit(&texts[1..]).expect("fit");
    let restored = TfidfVectorizer::from_bytes(&vectorizer.to_bytes()).expect("round trip");
    let before = vectorizer.transform(&texts).expect("fitted");
    let after = restored.transform(&texts).expect("fitted");
    assert_eq!(before, after);
    assert!(before.nnz() > 100);
    // Unstemmed surface forms are in the vocabulary, so the default analyzer would differ.
    let mut default = TfidfVectorizer::from_bytes(&vectorizer.to_bytes()).expect("round trip");
    default.set_analyzer(slovo::Analyzer::default());
    assert_ne!(default.transform(&texts).expect("fitted"), before);
}

#[test]
fn terms_with_spaces_merge_with_the_ngrams_they_spell() {
    // scikit-learn identifies features by string: the term "а б" and the bigram (а, б)
    // are one feature, in 2 documents.
    let docs = [vec!["а б"], vec!["а", "б"], vec!["в"]];
    let mut config = TfidfConfig::default();
    config.ngram_range = (1, 2);
    let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config)
        .build()
        .expect("valid");
    vectorizer.fit_terms(&docs).expect("fit");
    let vocabulary = vectorizer.vocabulary().expect("fitted");
    assert_eq!(
        vocabulary.iter().collect::<Vec<_>>(),
        ["а", "а б", "б", "в"]
    );
    assert_eq!(vectorizer.frequencies().df("а б"), 2);
}

#[test]
fn ngrams_longer_than_four_terms_count_like_the_rest() {
    let Some(docs) = corpus() else {
        return;
    };
    let mut config = TfidfConfig::default();
    config.ngram_range = (4, 5);
    let mut whole = slovo::tfidf::TfidfVectorizerBuilder::from(config)
        .build()
        .expect("valid");
    let matrix = whole.fit_transform_terms(&docs).expect("fit");
    let mut table = whole.count_terms(&docs[..3]);
    table
        .merge(&whole.count_terms(&docs[3..]))
        .expect("small counts");
    assert_eq!(&table, whole.frequencies());
    assert_eq!(matrix, whole.transform_terms(&docs).expect("fitted"));
}

fn small_corpus() -> impl Strategy<Value = Vec<Vec<String>>> {
    let term = prop::sample::select(vec!["а", "б", "в", "г", "д", "е", "ж", "дом", "кот"]);
    prop::collection::vec(
        prop::collection::vec(term.prop_map(str::to_owned), 0..12),
        0..24,
    )
}

proptest! {
    #[test]
    fn any_split_merges_to_the_whole(docs in small_corpus(), cut in 0usize..24, n_max in 1usize..4) {
        let cut = cut.min(docs.len());
        let mut config = TfidfConfig::default();
        config.ngram_range = (1, n_max);
        let vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config).build().expect("valid");
        let mut left = vectorizer.count_terms(&docs[..cut]);
        let right = vectorizer.count_terms(&docs[cut..]);
        left.merge(&right).expect("small counts");
        prop_assert_eq!(left, vectorizer.count_terms(&docs));
    }

    #[test]
    fn ngram_counts_follow_document_length(doc in prop::collection::vec("[а-в]{1,2}", 0..15), lo in 1usize..4, extra in 0usize..3) {
        let hi = lo + extra;
        let mut config = TfidfConfig::default();
        config.ngram_range = (lo, hi);
        let vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config).build().expect("valid");
        let table = vectorizer.count_terms(std::slice::from_ref(&doc));
        let total: u64 = table.iter().map(|(_, _, count)| count).sum();
        let expected: usize = (lo..=hi).map(|n| (doc.len() + 1).saturating_sub(n)).sum();
        prop_assert_eq!(total, expected as u64);
    }

    #[test]
    fn rows_are_unit_or_zero(docs in small_corpus(), sublinear in any::<bool>(), smooth in any::<bool>()) {
        let mut config = TfidfConfig::default();
        config.sublinear_tf = sublinear;
        config.smooth_idf = smooth;
        let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config).build().expect("valid");
        let matrix = vectorizer.fit_transform_terms(&docs).expect("fit");
        prop_assert_eq!(matrix.n_rows(), docs.len());
        for (row, doc) in matrix.rows().zip(&docs) {
            let norm: f64 = row.values.iter().map(|v| v * v).sum();
            if doc.is_empty() {
                prop_assert!(row.is_empty());
            } else {
                prop_assert!((norm - 1.0).abs() < 1e-12);
                prop_assert!(row.values.iter().all(|&v| v > 0.0));
            }
        }
    }

    /// Fitting from text (tokens looked up in the thread's memo, warm from the cases
    /// before) gives what fitting the analyzer's terms gives, for unigrams and bigrams.
    #[test]
    fn text_fits_equal_fits_of_the_analyzed_terms(
        docs in prop::collection::vec(
            prop::collection::vec(
                (
                    prop_oneof![
                        3 => "[а-гА-ГёЁa-c0-2]{1,3}",
                        1 => "[а-яё]{10,30}",
                        // Long forms (over 24 bytes) that repeat, in several cases.
                        2 => prop::sample::select(vec![
                            "Достопримечательностями".to_owned(),
                            "достопримечательностями".to_owned(),
                            "интернационализация".to_owned(),
                            "ЧЕЛОВЕКОНЕНАВИСТНИЧЕСТВО".to_owned(),
                            "электрификация-модернизация".to_owned(),
                        ]),
                    ],
                    prop::sample::select(vec![" ", ", ", ". ", "-", " — "]),
                ),
                0..12,
            ),
            0..10,
        ),
        bigrams in any::<bool>(),
    ) {
        let docs: Vec<String> = docs
            .iter()
            .map(|words| words.iter().map(|(w, sep)| format!("{w}{sep}")).collect())
            .collect();
        let analyzer = slovo::Analyzer::default();
        let terms: Vec<Vec<String>> = docs
            .iter()
            .map(|d| analyzer.terms(d).map(|t| t.form.into_owned()).collect())
            .collect();
        let mut config = TfidfConfig::default();
        config.ngram_range = if bigrams { (1, 2) } else { (1, 1) };
        let mut from_text = slovo::tfidf::TfidfVectorizerBuilder::from(config.clone()).build().expect("valid");
        let mut from_terms = slovo::tfidf::TfidfVectorizerBuilder::from(config).build().expect("valid");
        prop_assert_eq!(
            from_text.fit_transform(&docs).expect("fit"),
            from_terms.fit_transform_terms(&terms).expect("fit")
        );
        prop_assert_eq!(from_text.vocabulary(), from_terms.vocabulary());
    }

    #[test]
    fn damaged_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200), flip in any::<usize>()) {
        let _ = DocumentFrequencies::from_bytes(&bytes);
        let _ = TfidfVectorizer::from_bytes(&bytes);
        let mut table = DocumentFrequencies::new();
        table.add_document(["кот", "пёс", "кот"]);
        let mut good = table.to_bytes();
        let i = flip % good.len();
        good[i] ^= 0x5a;
        let _ = DocumentFrequencies::from_bytes(&good);
        let mut model = TfidfVectorizer::new();
        model.fit_terms(&[["кот", "пёс"]]).expect("fit");
        let mut good = model.to_bytes();
        let i = flip % good.len();
        good[i] ^= 0x5a;
        let _ = TfidfVectorizer::from_bytes(&good);
    }
}

/// Every saved configuration is `#[serde(default)]`: `{}` loads as the defaults, so a field
/// added later never breaks a saved file.
#[test]
fn empty_saved_configs_load_as_the_defaults() {
    let config: TfidfConfig = serde_json::from_str("{}").expect("{} loads");
    assert_eq!(config, TfidfConfig::default());
    let config: slovo::AnalyzerConfig = serde_json::from_str("{}").expect("{} loads");
    assert_eq!(config, slovo::AnalyzerConfig::default());
    let config: slovo::tfidf::HashingConfig = serde_json::from_str("{}").expect("{} loads");
    assert_eq!(config, slovo::tfidf::HashingConfig::default());
    let config: slovo::tfidf::FeatureAnalyzerConfig = serde_json::from_str("{}").expect("{} loads");
    assert_eq!(config, slovo::tfidf::FeatureAnalyzerConfig::default());
    let options: slovo::NormalizeOptions = serde_json::from_str("{}").expect("{} loads");
    assert_eq!(options, slovo::NormalizeOptions::default());
}
