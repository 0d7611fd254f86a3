//! Benchmark inputs, shared by every bench (`mod common;`).
//!
//! - [`war_and_peace`]: the four volumes `Tolstoi_VoynaIMir1..4.txt` concatenated (5.07 MB),
//!   from `SLOVO_BENCH_TEXT` (a file, or a folder holding the four volumes), else from
//!   `shared/data/corpus/classics/` beside the checkout (or beside a worktree folder).
//! - [`news_docs`]: the `text` fields of `opencorpora_docs.jsonl` (3,301 documents, 8.3 MB),
//!   from `SLOVO_BENCH_NEWS`, else from `shared/data/corpus/`.
//!
//! Without the data, each falls back to the bundled sample document repeated, and says so
//! on stderr, so nobody mistakes those numbers for the real ones.
#![allow(dead_code)] // each bench uses only some of these

pub mod ceiling;

use std::path::{Path, PathBuf};

/// The bundled sample document.
pub const SAMPLE: &str = include_str!("../../examples/data/kazinform_eu_ru.txt");

const VOLUMES: [&str; 4] = [
    "Tolstoi_VoynaIMir1.txt",
    "Tolstoi_VoynaIMir2.txt",
    "Tolstoi_VoynaIMir3.txt",
    "Tolstoi_VoynaIMir4.txt",
];

/// `shared/data/<rel>` beside the checkout, or beside the folder that holds it.
fn shared_data(rel: &str) -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .take(3)
        .map(|dir| dir.join("shared/data").join(rel))
        .find(|p| p.exists())
}

fn read_volumes(location: &Path) -> Option<String> {
    if location.is_file() {
        return std::fs::read_to_string(location).ok();
    }
    let mut text = String::new();
    for volume in VOLUMES {
        text.push_str(&std::fs::read_to_string(location.join(volume)).ok()?);
        text.push('\n');
    }
    Some(text)
}

/// War and Peace (or the fallback), printing where it came from.
pub fn war_and_peace() -> String {
    let location = std::env::var_os("SLOVO_BENCH_TEXT")
        .map(PathBuf::from)
        .or_else(|| shared_data("corpus/classics"));
    if let Some(text) = location.as_deref().and_then(read_volumes) {
        eprintln!(
            "bench text: War and Peace from {} ({} bytes)",
            location.unwrap_or_default().display(),
            text.len()
        );
        return text;
    }
    let text = SAMPLE.repeat(5_000_000 / SAMPLE.len());
    eprintln!(
        "bench text: War and Peace NOT FOUND (set SLOVO_BENCH_TEXT); using the bundled \
         sample repeated to {} bytes",
        text.len()
    );
    text
}

/// The news documents (or the fallback), printing where they came from.
pub fn news_docs() -> Vec<String> {
    let path = std::env::var_os("SLOVO_BENCH_NEWS")
        .map(PathBuf::from)
        .or_else(|| shared_data("corpus/opencorpora_docs.jsonl"));
    if let Some(docs) = path.as_deref().and_then(read_jsonl_texts) {
        let bytes: usize = docs.iter().map(String::len).sum();
        eprintln!(
            "bench docs: {} documents, {bytes} bytes, from {}",
            docs.len(),
            path.unwrap_or_default().display()
        );
        return docs;
    }
    let docs: Vec<String> = (0..2000).map(|_| SAMPLE.to_owned()).collect();
    eprintln!(
        "bench docs: opencorpora_docs.jsonl NOT FOUND (set SLOVO_BENCH_NEWS); using the \
         bundled sample 2000 times"
    );
    docs
}

fn read_jsonl_texts(path: &Path) -> Option<Vec<String>> {
    let data = std::fs::read_to_string(path).ok()?;
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).ok()?;
            Some(value.get("text")?.as_str()?.to_owned())
        })
        .collect()
}
