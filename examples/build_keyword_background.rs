//! Rebuilds the background table shipped with the crate, `src/keywords/data/background.txt`.
//!
//! ```text
//! SLOVO_DATA=../shared/data cargo run --release --example build_keyword_background -- \
//!     [--chunk-words 1000] [--max-stems 10000] [--sources classics[,opencorpora]] [--out PATH]
//! ```
//!
//! Pseudo-documents: every file of `corpus/classics/` (public-domain 19th-century prose)
//! cut into chunks of `--chunk-words` whitespace-separated words; optionally also every
//! document of `corpus/opencorpora_docs.jsonl` (OpenCorpora, CC BY-SA 3.0). The shipped
//! table uses the classics only: on the keyword dev set it scored better than the news
//! corpus or both together (news-common words such as "Россия" are often gold keywords),
//! and it keeps the shipped data public domain. The document frequency of
//! each stem is counted exactly as the keyword extractor makes stems; the `--max-stems`
//! most frequent stems are written, their frequencies rounded (see `Background::to_text`).
//! Only counts leave the corpus: no sentence or text of it is stored.

use std::io::BufRead;
use std::path::PathBuf;

use slovo::keywords::Background;

fn main() {
    let mut chunk_words = 1000usize;
    let mut max_stems = 10_000usize;
    let mut sources = "classics".to_string();
    let mut out =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/keywords/data/background.txt");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--chunk-words" => chunk_words = v.parse().unwrap_or(chunk_words).max(1),
            "--max-stems" => max_stems = v.parse().unwrap_or(max_stems),
            "--sources" => sources = v,
            "--out" => out = v.into(),
            _ => {
                eprintln!("build_keyword_background: unknown argument {a}");
                std::process::exit(2);
            }
        }
    }
    let data = std::env::var_os("SLOVO_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let fail = |what: String| -> ! {
        eprintln!("build_keyword_background: {what}; set SLOVO_DATA to the shared data folder");
        std::process::exit(2)
    };

    let mut docs: Vec<String> = Vec::new();
    let mut n_classics = 0;
    let mut n_oc = 0;
    if sources.contains("classics") {
        let dir = data.join("corpus/classics");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| fail(format!("cannot list {}: {e}", dir.display())))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let text = slovo::read_text(&f).unwrap_or_else(|e| fail(e.to_string()));
            let words: Vec<&str> = text.split_whitespace().collect();
            for chunk in words.chunks(chunk_words) {
                docs.push(chunk.join(" "));
                n_classics += 1;
            }
        }
    }
    if sources.contains("opencorpora") {
        let path = data.join("corpus/opencorpora_docs.jsonl");
        let file = std::fs::File::open(&path)
            .unwrap_or_else(|e| fail(format!("cannot open {}: {e}", path.display())));
        for line in std::io::BufReader::new(file).lines() {
            let line = line.unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
            let doc: serde_json::Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
            docs.push(doc["text"].as_str().unwrap_or("").to_string());
            n_oc += 1;
        }
    }
    let bg = Background::from_documents(docs.iter().map(String::as_str));
    let header = format!(
        "# slovo keyword background: document frequencies of stems (see NOTICE.md).\n\
         # Built by examples/build_keyword_background.rs --chunk-words {chunk_words} \
         --max-stems {max_stems} --sources {sources}\n\
         # pseudo-documents: {n_classics} classics chunks, {n_oc} OpenCorpora documents.\n\
         # Format: `n_docs N`, then `Q stem …`: each stem on the line is in about exp(Q/8) documents.\n"
    );
    let body = bg.to_text(max_stems);
    if let Err(e) = std::fs::write(&out, header + &body) {
        fail(format!("cannot write {}: {e}", out.display()));
    }
    eprintln!("wrote {} ({} pseudo-documents)", out.display(), bg.n_docs());
}
