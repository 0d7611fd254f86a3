//! Scores the keyword extractor on the Russian keyword gold set (`keywords/dev.jsonl`).
//!
//! The gold data has no licence, so it is not in this repository: it is read from the
//! shared data folder (`$SLOVO_DATA`, default `../shared/data` next to this crate).
//!
//! ```text
//! cargo run --release --example keywords_eval -- [--half even|odd|all] [--k 10]
//!     [--out PRED.jsonl] [--method slovo|yake] [--max-len N] [--min-score P]
//!     [--background TABLE] [--corpus-background] [--stems]
//!     [--set name=value]... [--dump FEATURES.jsonl]
//! ```
//!
//! `--stems` ranks stems even when the `morph` feature is on (as builds without it do);
//! `--corpus-background` weighs words against the dev documents themselves (document
//! frequencies of all 1,575, the way a user with a corpus would), which is what lets the
//! extractor rank a source's boilerplate down.
//!
//! `--set` (a ranking parameter) and `--dump` (every candidate with its features, for
//! `scripts/fit_keyword_weights.py`) need `--features keyword-tuning`.
//!
//! Input of every document is `title + "\n" + text`, as in the published baselines.
//! The metric follows `keywords/score_kw.py`: each phrase is lowercased, `ё`→`е`, split
//! into runs of letters/digits, Snowball-stemmed; duplicates dropped; first K predictions;
//! exact = equal stem tuples, partial = one a contiguous part of the other; P/R/F1 per
//! document, macro-averaged. The last column, `written_F1`, follows
//! `keywords/score_kw_written.py`: the phrase as written (lowercase, `ё`→`е`, words joined by
//! one space, no stemming) must equal a gold phrase. Halves are by line number: `even` = lines 0, 2, 4, …
//! (the half the defaults were tuned on), `odd` = the rest.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::time::Instant;

use rust_stemmers::{Algorithm, Stemmer};
use serde_json::Value;
use slovo::keywords::{Background, KeywordExtractor};

struct Args {
    half: String,
    k: usize,
    out: Option<PathBuf>,
    method: String,
    max_len: usize,
    params: Vec<(String, f64)>,
    background: Option<PathBuf>,
    dump: Option<PathBuf>,
    min_score: f64,
    stems: bool,
    corpus_background: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        half: "all".into(),
        k: 10,
        out: None,
        method: "slovo".into(),
        max_len: 2,
        params: Vec::new(),
        background: None,
        dump: None,
        min_score: slovo::keywords::DEFAULT_MIN_SCORE,
        stems: false,
        corpus_background: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--half" => args.half = value()?,
            "--k" => args.k = value()?.parse().map_err(|e| format!("--k: {e}"))?,
            "--out" => args.out = Some(value()?.into()),
            "--method" => args.method = value()?,
            "--background" => args.background = Some(value()?.into()),
            "--dump" => args.dump = Some(value()?.into()),
            "--stems" => args.stems = true,
            "--corpus-background" => args.corpus_background = true,
            "--min-score" => {
                args.min_score = value()?.parse().map_err(|e| format!("--min-score: {e}"))?
            }
            "--max-len" => {
                args.max_len = value()?.parse().map_err(|e| format!("--max-len: {e}"))?
            }
            "--set" => {
                let v = value()?;
                let (name, x) = v.split_once('=').ok_or("--set wants name=value")?;
                let x = x.parse().map_err(|e| format!("--set {name}: {e}"))?;
                args.params.push((name.to_string(), x));
            }
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    Ok(args)
}

fn data_dir() -> PathBuf {
    std::env::var_os("SLOVO_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

struct Norm(Stemmer);

impl Norm {
    /// A phrase as score_kw.py sees it: a tuple of stems.
    fn phrase(&self, p: &str) -> Vec<String> {
        let lower = p.to_lowercase().replace('ё', "е");
        lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| self.0.stem(w).into_owned())
            .collect()
    }

    fn unique(&self, phrases: &[String], k: usize) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::new();
        for p in phrases {
            let q = self.phrase(p);
            if !q.is_empty() && !out.contains(&q) {
                out.push(q);
            }
            if k > 0 && out.len() == k {
                break;
            }
        }
        out
    }
}

/// A phrase as score_kw_written.py sees it: lowercase, `ё`→`е`, its words (runs of letters
/// and digits, hyphen-joined runs kept whole) joined by one space.
fn written(p: &str) -> String {
    let lower = p.to_lowercase().replace('ё', "е");
    let chars: Vec<char> = lower.chars().collect();
    let alnum = |c: char| c.is_alphanumeric();
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !alnum(chars[i]) {
            i += 1;
            continue;
        }
        let mut word = String::new();
        loop {
            while i < chars.len() && alnum(chars[i]) {
                word.push(chars[i]);
                i += 1;
            }
            if i + 1 < chars.len() && chars[i] == '-' && alnum(chars[i + 1]) {
                word.push('-');
                i += 1;
            } else {
                break;
            }
        }
        words.push(word);
    }
    words.join(" ")
}

/// Written-form exact F1 of one document.
fn written_f1(gold: &[String], pred: &[String], k: usize) -> f64 {
    let gold: std::collections::HashSet<String> = gold
        .iter()
        .map(|g| written(g))
        .filter(|g| !g.is_empty())
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for p in pred {
        let q = written(p);
        if !q.is_empty() && !seen.contains(&q) {
            seen.push(q);
        }
        if seen.len() == k {
            break;
        }
    }
    let m = seen.iter().filter(|p| gold.contains(*p)).count();
    prf(m, seen.len(), m, gold.len())[2]
}

fn contiguous(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && a.len() <= b.len() && b.windows(a.len()).any(|w| w == a)
}

fn prf(mp: usize, np: usize, mg: usize, ng: usize) -> [f64; 3] {
    let p = if np > 0 { mp as f64 / np as f64 } else { 0.0 };
    let r = if ng > 0 { mg as f64 / ng as f64 } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    [p, r, f]
}

/// Exact and partial P/R/F1 of one document.
fn score(gold: &[Vec<String>], pred: &[Vec<String>]) -> [f64; 6] {
    let ex = prf(
        pred.iter().filter(|x| gold.contains(x)).count(),
        pred.len(),
        gold.iter().filter(|y| pred.contains(y)).count(),
        gold.len(),
    );
    let close = |x: &Vec<String>, y: &Vec<String>| contiguous(x, y) || contiguous(y, x);
    let pa = prf(
        pred.iter()
            .filter(|x| gold.iter().any(|y| close(x, y)))
            .count(),
        pred.len(),
        gold.iter()
            .filter(|y| pred.iter().any(|x| close(x, y)))
            .count(),
        gold.len(),
    );
    [ex[0], ex[1], ex[2], pa[0], pa[1], pa[2]]
}

fn yake(text: &str, k: usize, stop: &yake_rust::StopWords) -> Vec<String> {
    let config = yake_rust::Config {
        ngrams: 1,
        ..yake_rust::Config::default()
    };
    yake_rust::get_n_best(k, text, stop, &config)
        .into_iter()
        .map(|r| r.raw)
        .collect()
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("keywords_eval: {e}");
            std::process::exit(2);
        }
    };
    let path = data_dir().join("keywords/dev.jsonl");
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!(
                "keywords_eval: cannot open {} ({e}); set SLOVO_DATA to the shared data folder",
                path.display()
            );
            std::process::exit(2);
        }
    };
    let mut extractor = KeywordExtractor::builder()
        .top_k(args.k)
        .max_phrase_len(args.max_len)
        .min_score(args.min_score);
    #[cfg(feature = "morph")]
    if args.stems {
        extractor = extractor.morph(None);
    }
    if args.corpus_background {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let docs: Vec<String> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .map(|d| {
                let f = |n: &str| d[n].as_str().unwrap_or("").to_string();
                format!("{}\n{}", f("title"), f("text"))
            })
            .collect();
        extractor =
            extractor.background(Background::from_documents(docs.iter().map(String::as_str)));
    }
    if let Some(path) = &args.background {
        let table = slovo::read_text(path).and_then(|t| Background::from_text(&t));
        match table {
            Ok(bg) => extractor = extractor.background(bg),
            Err(e) => {
                eprintln!("keywords_eval: {e}");
                std::process::exit(2);
            }
        }
    }
    #[cfg(feature = "keyword-tuning")]
    for (name, value) in &args.params {
        extractor = extractor.tuning_set(name, *value);
    }
    #[cfg(not(feature = "keyword-tuning"))]
    if !args.params.is_empty() || args.dump.is_some() {
        eprintln!("keywords_eval: --set and --dump need --features keyword-tuning");
        std::process::exit(2);
    }
    let extractor = extractor.build().unwrap_or_else(|e| {
        eprintln!("keywords_eval: {e}");
        std::process::exit(2)
    });
    let yake_stop = yake_rust::StopWords::predefined("ru").unwrap_or_default();
    let norm = Norm(Stemmer::create(Algorithm::Russian));
    let mut out = args.out.as_ref().map(|p| {
        std::io::BufWriter::new(std::fs::File::create(p).unwrap_or_else(|e| {
            eprintln!("keywords_eval: cannot write {}: {e}", p.display());
            std::process::exit(2)
        }))
    });
    #[cfg(feature = "keyword-tuning")]
    let mut dump = args
        .dump
        .as_ref()
        .and_then(|p| std::fs::File::create(p).ok().map(std::io::BufWriter::new));
    let mut sums: BTreeMap<String, (usize, [f64; 7])> = BTreeMap::new();
    let mut bytes = 0usize;
    let mut elapsed = 0.0f64;
    for (line_no, line) in BufReader::new(file).lines().enumerate() {
        let keep = match args.half.as_str() {
            "even" => line_no % 2 == 0,
            "odd" => line_no % 2 == 1,
            _ => true,
        };
        if !keep {
            continue;
        }
        let line = line.unwrap_or_default();
        let Ok(doc) = serde_json::from_str::<Value>(&line) else {
            eprintln!("keywords_eval: line {}: not JSON", line_no + 1);
            continue;
        };
        let field = |name: &str| doc[name].as_str().unwrap_or("").to_string();
        let input = format!("{}\n{}", field("title"), field("text"));
        let start = Instant::now();
        let predicted: Vec<String> = match args.method.as_str() {
            "yake" => yake(&input, args.k, &yake_stop),
            _ => extractor
                .extract_with_title(&field("title"), &field("text"))
                .into_iter()
                .map(|k| k.phrase)
                .collect(),
        };
        elapsed += start.elapsed().as_secs_f64();
        bytes += input.len();
        let gold: Vec<String> = doc["keywords"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        let s6 = score(&norm.unique(&gold, 0), &norm.unique(&predicted, args.k));
        let mut s = [0.0; 7];
        s[..6].copy_from_slice(&s6);
        s[6] = written_f1(&gold, &predicted, args.k);
        for key in ["all".to_string(), field("source")] {
            let e = sums.entry(key).or_insert((0, [0.0; 7]));
            e.0 += 1;
            for (acc, v) in e.1.iter_mut().zip(s) {
                *acc += v;
            }
        }
        #[cfg(feature = "keyword-tuning")]
        if let Some(dump) = dump.as_mut() {
            let cands: Vec<Value> = extractor
                .tuning_candidates(&input)
                .into_iter()
                .map(|(k, f)| serde_json::json!([k.phrase, f]))
                .collect();
            let rec = serde_json::json!({"id": field("id"), "c": cands});
            let _ = writeln!(dump, "{rec}");
        }
        if let Some(out) = out.as_mut() {
            let rec = serde_json::json!({"id": field("id"), "keywords": predicted});
            let _ = writeln!(out, "{rec}");
        }
    }
    println!(
        "subset n exact_P exact_R exact_F1 partial_P partial_R partial_F1 written_F1   (K={}, %, half={}, method={})",
        args.k, args.half, args.method
    );
    for (key, (n, v)) in &sums {
        let cells: Vec<String> = v
            .iter()
            .map(|x| format!("{:.1}", 100.0 * x / *n as f64))
            .collect();
        println!("{key} {n} {}", cells.join(" "));
    }
    eprintln!(
        "{:.1} MB in {:.2} s of extraction ({:.2} ms/doc)",
        bytes as f64 / 1e6,
        elapsed,
        1e3 * elapsed / sums.get("all").map_or(1, |s| s.0.max(1)) as f64
    );
}
