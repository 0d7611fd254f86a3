//! Rebuilds `src/lang/model.bin`, slovo's compact character n-gram model for the
//! Cyrillic-script languages, from lingua's Apache-2.0 language-model crates.
//!
//! lingua stores, per language, `ngrams.fst`: an FST map from every character n-gram
//! (1–5 letters, lowercase, taken inside words) seen in its training corpus to
//! `ln P(last letter | preceding letters)` as `f64` bits. We keep the n-grams of order
//! 1..=MAX_ORDER that are frequent in at least one language (ranked by the product of
//! the conditional probabilities along the n-gram, i.e. its estimated frequency), and
//! store, for each kept n-gram, the conditional log-probability in *every* language
//! (quantised to a byte), so that "seen in language A, never in B" stays evidence.
//!
//! Output format (little-endian), read by `src/lang/model.rs`:
//! ```text
//! magic  b"SLVLANG\0"   8 bytes
//! version u32           FORMAT_VERSION
//! langs  u32            number of languages L, then L × 4 bytes ASCII ISO 639-3 codes
//! step   f32            quantisation step: byte b < 255 means log-prob = -(b as f32) * step
//! count  u32            number of n-grams N
//! keys   N × u32        sorted ascending; each letter is one byte (code point - 0x400),
//!                       first letter in the most significant non-zero byte
//! values N × L bytes    quantised log-probs, 255 = never seen in that language
//! ```
//! Run: `cargo run --release --manifest-path scripts/lang-model/Cargo.toml [OUT]`.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use fst::Streamer;

const FORMAT_VERSION: u32 = 1;
const MAX_ORDER: usize = 4;
/// How many n-grams of each order (index = order) each language contributes, at most.
const TOP_K: [usize; MAX_ORDER + 1] = [0, usize::MAX, usize::MAX, 6_000, 12_000];
const STEP: f32 = 0.1;

type Models = &'static include_dir::Dir<'static>;

fn languages() -> Vec<(&'static str, Models)> {
    vec![
        ("rus", &lingua_russian_language_model::RUSSIAN_MODELS_DIRECTORY),
        ("ukr", &lingua_ukrainian_language_model::UKRAINIAN_MODELS_DIRECTORY),
        ("bel", &lingua_belarusian_language_model::BELARUSIAN_MODELS_DIRECTORY),
        ("bul", &lingua_bulgarian_language_model::BULGARIAN_MODELS_DIRECTORY),
        ("mkd", &lingua_macedonian_language_model::MACEDONIAN_MODELS_DIRECTORY),
        ("srp", &lingua_serbian_language_model::SERBIAN_MODELS_DIRECTORY),
        ("kaz", &lingua_kazakh_language_model::KAZAKH_MODELS_DIRECTORY),
        ("mon", &lingua_mongolian_language_model::MONGOLIAN_MODELS_DIRECTORY),
    ]
}

/// Packs an n-gram of Cyrillic-block letters into a key; `None` if any letter is
/// outside U+0401..=U+04FF or the n-gram is longer than 4 letters.
fn pack(ngram: &str) -> Option<u32> {
    let mut key = 0u32;
    let mut n = 0;
    for c in ngram.chars() {
        let cp = c as u32;
        if !(0x401..=0x4FF).contains(&cp) || n == 4 {
            return None;
        }
        key = (key << 8) | (cp - 0x400);
        n += 1;
    }
    Some(key)
}

fn load(dir: Models) -> HashMap<String, f64> {
    let file = dir
        .get_file("ngrams.fst")
        .expect("lingua model crate without ngrams.fst");
    let map = fst::Map::new(file.contents().to_vec()).expect("lingua ngrams.fst is not an FST");
    let mut out = HashMap::new();
    let mut stream = map.stream();
    while let Some((k, v)) = stream.next() {
        let ngram = std::str::from_utf8(k).expect("non-UTF-8 n-gram").to_owned();
        out.insert(ngram, f64::from_bits(v));
    }
    out
}

/// Estimated ln-frequency of an n-gram: the chain of its conditional probabilities.
fn joint(model: &HashMap<String, f64>, ngram: &str) -> Option<f64> {
    let mut sum = 0.0;
    for (i, c) in ngram.char_indices() {
        sum += model.get(&ngram[..i + c.len_utf8()])?;
    }
    Some(sum)
}

fn main() {
    let out_path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "src/lang/model.bin".to_owned());
    let langs = languages();
    let models: Vec<HashMap<String, f64>> = langs.iter().map(|(_, dir)| load(dir)).collect();

    let mut kept: HashSet<String> = HashSet::new();
    for (li, model) in models.iter().enumerate() {
        for order in 1..=MAX_ORDER {
            let mut ranked: Vec<(f64, &String)> = model
                .keys()
                .filter(|g| g.chars().count() == order && pack(g).is_some())
                .filter_map(|g| joint(model, g).map(|j| (j, g)))
                .collect();
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            let before = kept.len();
            kept.extend(ranked.iter().take(TOP_K[order]).map(|(_, g)| (*g).clone()));
            eprintln!(
                "{} order {order}: {} in lingua, {} new kept",
                langs[li].0,
                ranked.len(),
                kept.len() - before
            );
        }
    }

    let mut rows: Vec<(u32, Vec<u8>)> = kept
        .iter()
        .filter_map(|g| {
            let key = pack(g)?;
            let values = models
                .iter()
                .map(|m| match m.get(g) {
                    Some(&lp) => ((-lp as f32) / STEP).round().clamp(0.0, 254.0) as u8,
                    None => 255,
                })
                .collect();
            Some((key, values))
        })
        .collect();
    rows.sort_by_key(|r| r.0);

    let mut buf = Vec::new();
    buf.extend_from_slice(b"SLVLANG\0");
    buf.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    buf.extend_from_slice(&(langs.len() as u32).to_le_bytes());
    for (code, _) in &langs {
        buf.extend_from_slice(code.as_bytes());
        buf.push(0);
    }
    buf.extend_from_slice(&STEP.to_le_bytes());
    buf.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for (key, _) in &rows {
        buf.extend_from_slice(&key.to_le_bytes());
    }
    for (_, values) in &rows {
        buf.extend_from_slice(values);
    }
    let mut file = std::fs::File::create(&out_path).expect("cannot create output file");
    file.write_all(&buf).expect("cannot write output file");
    eprintln!("{} n-grams, {} bytes -> {out_path}", rows.len(), buf.len());
}
