//! Evaluates encoding detection and mojibake repair on the shared corpora.
//!
//! 1. Re-encodes every classics file into UTF-8, UTF-16LE/BE (no byte-order mark),
//!    windows-1251, KOI8-R and IBM866 (characters a code page lacks become `?`), cuts
//!    chunks of 64 B (a stress size), 200 B, 1 KiB and 10 KiB (up to 40 evenly spaced per file) plus the whole
//!    file, and prints how often `slovo::detect_encoding` — and, for comparison,
//!    `chardetng` — gets the encoding right and the decoded text equal to the original.
//! 2. Runs `slovo::fix_mojibake` over the whole corpus (classics + every OpenCorpora
//!    document): the number of changed texts must be 0.
//! 3. Runs it over `keywords/dev.jsonl` (real Cyberleninka mojibake) and reports what it
//!    repaired, with a few before/after snippets.
//!
//! ```text
//! cargo run --release --example encoding_check            # data from ../shared/data
//! SLOVO_DATA=/path/to/data cargo run --release --example encoding_check
//! ```

use std::path::{Path, PathBuf};

use slovo::{Charset, Encoding};

const TARGETS: [Charset; 6] = Charset::ALL;
const SIZES: [Option<usize>; 5] = [Some(64), Some(200), Some(1024), Some(10 * 1024), None];
const CHUNKS_PER_FILE: usize = 40;

fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SLOVO_DATA") {
        return Some(PathBuf::from(dir));
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        manifest.join("../shared/data"),
        manifest.join("../../shared/data"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(data) = data_dir() else {
        println!("skipped: no data directory (set SLOVO_DATA=/path/to/shared/data)");
        return Ok(());
    };
    let classics = load_classics(&data.join("corpus/classics"))?;
    let only = std::env::args().nth(1);
    if matches!(only.as_deref(), None | Some("detect")) {
        detection_table(&classics);
    }
    if matches!(only.as_deref(), None | Some("mojibake")) {
        corpus_unchanged(&data, &classics)?;
        keyword_mojibake(&data.join("keywords/dev.jsonl"))?;
    }
    Ok(())
}

fn load_classics(dir: &Path) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        out.push((name, slovo::read_text(&path)?));
    }
    Ok(out)
}

/// `text` in `charset`; characters the code page lacks become `?`.
fn encode(text: &str, charset: Charset) -> Vec<u8> {
    match charset {
        Charset::Utf8 => text.as_bytes().to_vec(),
        Charset::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Charset::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        _ => {
            let table = table(charset);
            let mut out = Vec::with_capacity(text.len());
            let mut buf = [0u8; 4];
            for c in text.chars() {
                let (bytes, _, unmappable) = table.encode(c.encode_utf8(&mut buf));
                if unmappable {
                    out.push(b'?');
                } else {
                    out.extend_from_slice(&bytes);
                }
            }
            out
        }
    }
}

fn table(charset: Charset) -> &'static encoding_rs::Encoding {
    match charset {
        Charset::Utf8 => encoding_rs::UTF_8,
        Charset::Utf16Le => encoding_rs::UTF_16LE,
        Charset::Utf16Be => encoding_rs::UTF_16BE,
        Charset::Windows1251 => encoding_rs::WINDOWS_1251,
        Charset::Koi8R => encoding_rs::KOI8_R,
        _ => encoding_rs::IBM866,
    }
}

/// Moves a cut position back so it does not split a character.
fn align(bytes: &[u8], mut at: usize, charset: Charset) -> usize {
    at = at.min(bytes.len());
    match charset {
        Charset::Utf8 => {
            while at > 0 && at < bytes.len() && (bytes[at] & 0xC0) == 0x80 {
                at -= 1;
            }
        }
        Charset::Utf16Le | Charset::Utf16Be => {
            at &= !1;
            if at >= 2 && at < bytes.len() {
                let unit = if charset == Charset::Utf16Le {
                    u16::from_le_bytes([bytes[at], bytes[at + 1]])
                } else {
                    u16::from_be_bytes([bytes[at], bytes[at + 1]])
                };
                if (0xDC00..0xE000).contains(&unit) {
                    at -= 2;
                }
            }
        }
        _ => {}
    }
    at
}

#[derive(Default, Clone, Copy)]
struct Tally {
    total: usize,
    label_ok: usize,
    text_ok: usize,
    chardetng_text_ok: usize,
}

fn detection_table(classics: &[(String, String)]) {
    println!(
        "## Encoding detection on re-encoded classics ({} files)",
        classics.len()
    );
    println!("label = detected charset is the one used; text = decoded text equals the original");
    println!("chardetng = chardetng 1.0 guess (UTF-8 allowed), text equality; it has no UTF-16");
    println!();
    println!("| encoding | size | samples | slovo label | slovo text | chardetng text |");
    println!("|---|---:|---:|---:|---:|---:|");
    let auto = slovo::Decoder::builder()
        .encoding(Encoding::Auto)
        .build()
        .expect("every encoding builds");
    let mut grand = Tally::default();
    let mut failures = Vec::new();
    for charset in TARGETS {
        let encoded: Vec<Vec<u8>> = classics.iter().map(|(_, t)| encode(t, charset)).collect();
        for size in SIZES {
            let mut tally = Tally::default();
            for (file, bytes) in encoded.iter().enumerate() {
                for (start, end) in chunk_ranges(bytes, size, charset) {
                    let chunk = &bytes[start..end];
                    let (expected, _) = table(charset).decode_without_bom_handling(chunk);
                    tally.total += 1;
                    let guess = slovo::detect_encoding(chunk);
                    let same_text = match auto.decode(chunk, "chunk") {
                        Ok(d) => d.text == expected,
                        Err(_) => false,
                    };
                    tally.label_ok += usize::from(guess == charset);
                    tally.text_ok += usize::from(same_text);
                    if !same_text && failures.len() < 12 {
                        failures.push(format!(
                            "{} {} @{start} len {}: guessed {guess}",
                            classics[file].0,
                            charset,
                            chunk.len()
                        ));
                    }
                    tally.chardetng_text_ok += usize::from(chardetng_text(chunk) == expected);
                }
            }
            let size_name = size.map_or("whole file".to_string(), |s| format!("{s} B"));
            println!(
                "| {charset} | {size_name} | {} | {} | {} | {} |",
                tally.total,
                pct(tally.label_ok, tally.total),
                pct(tally.text_ok, tally.total),
                pct(tally.chardetng_text_ok, tally.total),
            );
            grand.total += tally.total;
            grand.label_ok += tally.label_ok;
            grand.text_ok += tally.text_ok;
            grand.chardetng_text_ok += tally.chardetng_text_ok;
        }
    }
    println!(
        "| **all** | | {} | {} | {} | {} |",
        grand.total,
        pct(grand.label_ok, grand.total),
        pct(grand.text_ok, grand.total),
        pct(grand.chardetng_text_ok, grand.total),
    );
    if !failures.is_empty() {
        println!("\nfirst failures (text differs):");
        for f in &failures {
            println!("  {f}");
        }
    }
    println!();
}

fn chunk_ranges(bytes: &[u8], size: Option<usize>, charset: Charset) -> Vec<(usize, usize)> {
    let Some(size) = size else {
        return vec![(0, bytes.len())];
    };
    let slots = bytes.len() / size;
    let step = (slots / CHUNKS_PER_FILE).max(1);
    (0..slots)
        .step_by(step)
        .take(CHUNKS_PER_FILE)
        .filter_map(|slot| {
            let start = align(bytes, slot * size, charset);
            let end = align(bytes, start + size, charset);
            (end > start).then_some((start, end))
        })
        .collect()
}

fn chardetng_text(chunk: &[u8]) -> String {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(chunk, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    guess.decode_without_bom_handling(chunk).0.into_owned()
}

fn pct(part: usize, total: usize) -> String {
    if total == 0 {
        return "-".into();
    }
    format!("{:.2} %", 100.0 * part as f64 / total as f64)
}

fn corpus_unchanged(
    data: &Path,
    classics: &[(String, String)],
) -> Result<(), Box<dyn std::error::Error>> {
    println!("## fix_mojibake on text that is fine");
    let mut texts = 0;
    let mut bytes = 0;
    let mut changed = Vec::new();
    for (name, text) in classics {
        texts += 1;
        bytes += text.len();
        if let std::borrow::Cow::Owned(fixed) = slovo::fix_mojibake(text) {
            changed.push(format!("{name}: {}", first_difference(text, &fixed)));
        }
    }
    let docs = std::fs::read_to_string(data.join("corpus/opencorpora_docs.jsonl"))?;
    for line in docs.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line)?;
        let text = doc["text"].as_str().unwrap_or_default();
        texts += 1;
        bytes += text.len();
        if let std::borrow::Cow::Owned(fixed) = slovo::fix_mojibake(text) {
            changed.push(format!("{}: {}", doc["id"], first_difference(text, &fixed)));
        }
    }
    println!(
        "texts: {texts} ({:.1} MB: {} classics files + OpenCorpora docs); changed: {}",
        bytes as f64 / 1e6,
        classics.len(),
        changed.len()
    );
    for c in changed.iter().take(20) {
        println!("  {c}");
    }
    println!();
    Ok(())
}

fn keyword_mojibake(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    println!("## fix_mojibake on keywords/dev.jsonl (real mojibake from Cyberleninka)");
    let data = std::fs::read_to_string(path)?;
    let (mut docs, mut repaired_docs, mut spans) = (0, Vec::new(), 0);
    let mut snippets = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line)?;
        let id = doc["id"].as_str().unwrap_or_default().to_owned();
        docs += 1;
        let mut doc_spans = 0;
        for field in ["title", "text"] {
            let text = doc[field].as_str().unwrap_or_default();
            if let std::borrow::Cow::Owned(fixed) = slovo::fix_mojibake(text) {
                for (before, after) in changed_spans(text, &fixed) {
                    doc_spans += 1;
                    snippets.push(format!("{id}: {before:?} → {after:?}"));
                }
            }
        }
        if doc_spans > 0 {
            repaired_docs.push(format!("{id} ({doc_spans})"));
            spans += doc_spans;
        }
    }
    println!(
        "documents: {docs}; repaired: {} ({}); changed spans: {spans}",
        repaired_docs.len(),
        repaired_docs.join(", ")
    );
    let verbose = std::env::var_os("SLOVO_VERBOSE").is_some();
    for s in snippets.iter().take(if verbose { usize::MAX } else { 12 }) {
        println!("  {s}");
    }
    Ok(())
}

/// Where two texts first differ, with a little context.
fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let from = a.floor_char_boundary_compat(at.saturating_sub(40));
    let to = a.floor_char_boundary_compat((at + 40).min(a.len()));
    format!("at byte {at}: {:?}", &a[from..to])
}

/// Maximal runs of differing whitespace-separated tokens (texts whose token counts
/// differ are reported as one span).
fn changed_spans(a: &str, b: &str) -> Vec<(String, String)> {
    let ta: Vec<&str> = a.split_whitespace().collect();
    let tb: Vec<&str> = b.split_whitespace().collect();
    if ta.len() != tb.len() {
        return vec![(a.chars().take(80).collect(), b.chars().take(80).collect())];
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < ta.len() {
        if ta[i] == tb[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < ta.len() && ta[i] != tb[i] {
            i += 1;
        }
        out.push((ta[start..i].join(" "), tb[start..i].join(" ")));
    }
    out
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, at: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, mut at: usize) -> usize {
        while at > 0 && !self.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}
