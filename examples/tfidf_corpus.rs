//! `fit_transform` of a JSON Lines corpus with the default Russian analyzer: MB/s and peak
//! memory, for the side-by-side comparison with scikit-learn
//! (`scripts/compare_tfidf_sklearn.py`).
//!
//! ```text
//! cargo run --release --example tfidf_corpus -- CORPUS.jsonl [--ngram-range 1,2] [--sequential] [--repeat N]
//! ```
//!
//! CORPUS defaults to `../shared/data/corpus/opencorpora_docs.jsonl` (each line a JSON
//! object with a `text` field). Prints one JSON line: documents, bytes, best time of N runs,
//! MB/s (10^6 bytes of text per second; also per second of the main thread's CPU time, which
//! on a shared machine leaves out waiting for a core — with `--sequential` that is all the
//! work), vocabulary size, non-zeros, and the process's peak
//! resident memory (`VmHWM` from /proc/self/status, Linux) including the loaded corpus.

use std::time::Instant;

use slovo::tfidf::TfidfConfig;

fn main() {
    if let Err(message) = run() {
        eprintln!("tfidf_corpus: {message}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut path = String::from("../shared/data/corpus/opencorpora_docs.jsonl");
    let mut ngram_range = (1, 1);
    let mut parallel = true;
    let mut repeat = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--ngram-range" => {
                let value = args.next().ok_or("--ngram-range needs MIN,MAX")?;
                let (lo, hi) = value.split_once(',').ok_or("--ngram-range MIN,MAX")?;
                ngram_range = (
                    lo.parse().map_err(|_| "bad --ngram-range")?,
                    hi.parse().map_err(|_| "bad --ngram-range")?,
                );
            }
            "--sequential" => parallel = false,
            "--repeat" => {
                repeat = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--repeat needs a number")?;
            }
            _ => path = arg,
        }
    }
    let data = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for (i, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        let text = value["text"]
            .as_str()
            .ok_or_else(|| format!("{path}:{}: no \"text\" string", i + 1))?;
        docs.push(text.to_owned());
    }
    drop(data);
    let bytes: usize = docs.iter().map(String::len).sum();
    let rss_after_load = peak_rss_kb().unwrap_or(0);

    let mut config = TfidfConfig::default();
    config.ngram_range = ngram_range;
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let mut shape = (0, 0, 0);
    for _ in 0..repeat.max(1) {
        let mut vectorizer = slovo::tfidf::TfidfVectorizerBuilder::from(config.clone())
            .parallel(parallel)
            .build()
            .map_err(|e| e.to_string())?;
        let start = Instant::now();
        let cpu_start = thread_cpu_ns();
        let matrix = vectorizer.fit_transform(&docs).map_err(|e| e.to_string())?;
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_ns()) {
            best_cpu = best_cpu.min((b - a) as f64 / 1e9);
        }
        shape = (matrix.n_rows(), matrix.n_cols(), matrix.nnz());
    }
    println!(
        "{{\"tool\":\"slovo\",\"ngram_range\":[{},{}],\"parallel\":{parallel},\"docs\":{},\"bytes\":{bytes},\
         \"seconds\":{best:.4},\"mb_per_s\":{:.2},\"main_thread_cpu_seconds\":{best_cpu:.4},\"mb_per_cpu_s\":{:.2},\"vocabulary\":{},\"nnz\":{},\"rss_after_load_mb\":{:.1},\"peak_rss_mb\":{:.1}}}",
        ngram_range.0,
        ngram_range.1,
        shape.0,
        bytes as f64 / best / 1e6,
        bytes as f64 / best_cpu / 1e6,
        shape.1,
        shape.2,
        rss_after_load as f64 / 1024.0,
        peak_rss_kb().unwrap_or(0) as f64 / 1024.0,
    );
    Ok(())
}

/// CPU time of the calling thread in nanoseconds (Linux `schedstat`), if known: on a busy
/// machine it shows what the run costs without the time spent waiting for a core.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Peak resident set size in KiB (Linux), if known.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
