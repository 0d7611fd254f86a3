//! `slovo tfidf fit` and `slovo tfidf transform`: TF-IDF models on the command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;
use slovo::tfidf::{DfBound, Norm, TfidfVectorizer};

use crate::error::CliError;
use crate::input::{for_each_document, ModeArgs, Source};
use crate::output::Output;

/// `slovo tfidf` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Args {
    /// Fit a TF-IDF model (vocabulary and idf, with slovo's Russian analyzer) on a corpus
    /// and save it to --out.
    Fit(FitArgs),
    /// Print each document's TF-IDF row under a saved model:
    /// `{"indices":[…],"values":[…]}` per document (columns ascending).
    Transform(TransformArgs),
}

/// Options of `slovo tfidf fit` (scikit-learn's names and defaults).
#[derive(Debug, clap::Args)]
pub struct FitArgs {
    /// Corpus files; `-` or nothing reads standard input. Each file is one document unless
    /// --per-line or --jsonl.
    #[arg(value_name = "CORPUS")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    mode: ModeArgs,
    /// Where to write the model.
    #[arg(long, value_name = "MODEL")]
    out: PathBuf,
    /// Smallest and largest n-gram length, e.g. 1,2.
    #[arg(long, value_name = "MIN,MAX", default_value = "1,1", value_parser = parse_range, allow_hyphen_values = true)]
    ngram_range: (usize, usize),
    /// Drop features in fewer documents than this: a count (2) or a proportion (0.01).
    #[arg(long, value_name = "DF", default_value = "1", value_parser = parse_df, allow_hyphen_values = true)]
    min_df: DfBound,
    /// Drop features in more documents than this: a count or a proportion (0.9).
    #[arg(long, value_name = "DF", default_value = "1.0", value_parser = parse_df, allow_hyphen_values = true)]
    max_df: DfBound,
    /// Keep only the N features most frequent in the corpus.
    #[arg(long, value_name = "N", value_parser = crate::input::parse_count, allow_hyphen_values = true)]
    max_features: Option<usize>,
    /// Use 1 + ln(tf) instead of tf.
    #[arg(long)]
    sublinear_tf: bool,
    /// idf = ln(n / df) + 1 instead of ln((n + 1) / (df + 1)) + 1.
    #[arg(long)]
    no_smooth_idf: bool,
    /// Row normalization: l2, l1 or none.
    #[arg(long, default_value = "l2", value_parser = parse_norm)]
    norm: Norm,
    /// Weights are tf only (no idf).
    #[arg(long)]
    no_idf: bool,
}

/// Options of `slovo tfidf transform`.
#[derive(Debug, clap::Args)]
pub struct TransformArgs {
    /// A model written by `slovo tfidf fit`.
    #[arg(value_name = "MODEL")]
    model: PathBuf,
    /// Files to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    mode: ModeArgs,
}

fn parse_range(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("{s:?} is not MIN,MAX (e.g. 1,2)");
    let (lo, hi) = s.split_once(',').ok_or_else(bad)?;
    Ok((
        lo.trim().parse().map_err(|_| bad())?,
        hi.trim().parse().map_err(|_| bad())?,
    ))
}

fn parse_df(s: &str) -> Result<DfBound, String> {
    s.parse().map_err(|e: slovo::Error| e.to_string())
}

fn parse_norm(s: &str) -> Result<Norm, String> {
    s.parse().map_err(|e: slovo::Error| e.to_string())
}

/// Runs `slovo tfidf …`.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    match args {
        Args::Fit(args) => fit(args, out),
        Args::Transform(args) => transform(args, out),
    }
}

fn fit(args: FitArgs, out: &mut Output) -> Result<(), CliError> {
    let (min_n, max_n) = args.ngram_range;
    let mut vectorizer = TfidfVectorizer::builder()
        .ngram_range(min_n, max_n)
        .min_df(args.min_df)
        .max_df(args.max_df)
        .max_features(args.max_features)
        .sublinear_tf(args.sublinear_tf)
        .smooth_idf(!args.no_smooth_idf)
        .norm(args.norm)
        .use_idf(!args.no_idf)
        .build()?;

    // Documents are counted in batches of about BATCH_BYTES (`partial_fit`, which gives
    // exactly what one `fit` gives): memory is the counts plus one batch, not the corpus.
    const BATCH_BYTES: usize = 16 << 20;
    let mut progress = Progress::new();
    let mut batch: Vec<String> = Vec::new();
    let mut batch_bytes = 0;
    let mut n_docs = 0usize;
    let sources = Source::from_args(&args.files, Source::Stdin);
    for_each_document(&sources, args.mode, |document| {
        progress.add(document.text.len());
        batch_bytes += document.text.len();
        batch.push(document.text);
        n_docs += 1;
        if batch_bytes >= BATCH_BYTES {
            vectorizer.partial_fit(&batch);
            batch.clear();
            batch_bytes = 0;
        }
        Ok(())
    })?;
    progress.say(format_args!("fitting on {n_docs} documents…"));
    vectorizer.partial_fit(&batch);
    drop(batch);
    vectorizer.finalize()?;
    let n_features = vectorizer.vocabulary().map_or(0, |v| v.len());
    crate::save::write_atomic(&args.out, &vectorizer.to_bytes()).map_err(|e| CliError::Write {
        path: args.out.clone(),
        source: e,
    })?;
    progress.finish();
    writeln!(
        out.text(),
        "{{\"documents\":{n_docs},\"features\":{n_features},\"model\":{}}}",
        Value::String(args.out.display().to_string())
    )?;
    Ok(())
}

fn transform(args: TransformArgs, out: &mut Output) -> Result<(), CliError> {
    let vectorizer = load_model(&args.model)?;
    let sources = Source::from_args(&args.files, Source::Stdin);
    for_each_document(&sources, args.mode, |mut document| {
        let matrix = vectorizer.transform(&[&document.text])?;
        let (indices, values) = matrix
            .row(0)
            .map_or((&[][..], &[][..]), |row| (row.indices, row.values));
        document.fields.shift_remove("indices");
        document.fields.shift_remove("values");
        out.json_line(&Row {
            fields: &document.fields,
            indices,
            values,
        })
    })
}

/// Reads a model, naming its path in any error.
fn load_model(path: &Path) -> Result<TfidfVectorizer, CliError> {
    let bytes = std::fs::read(path).map_err(|e| {
        CliError::Library(slovo::Error::Io {
            path: path.to_path_buf(),
            source: e,
        })
    })?;
    TfidfVectorizer::from_bytes(&bytes).map_err(|e| CliError::Model {
        path: path.to_path_buf(),
        error: e,
    })
}

#[derive(serde::Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    fields: &'a crate::fields::Fields,
    indices: &'a [u32],
    values: &'a [f64],
}

/// A document counter on standard error, shown only when it is a terminal.
struct Progress {
    shown: bool,
    docs: usize,
    bytes: usize,
}

impl Progress {
    fn new() -> Self {
        Progress {
            shown: std::io::stderr().is_terminal(),
            docs: 0,
            bytes: 0,
        }
    }

    fn add(&mut self, bytes: usize) {
        self.docs += 1;
        self.bytes += bytes;
        if self.docs.is_multiple_of(1000) {
            let (docs, mb) = (self.docs, self.bytes as f64 / 1e6);
            self.say(format_args!("read {docs} documents ({mb:.1} MB)"));
        }
    }

    fn say(&self, message: std::fmt::Arguments<'_>) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[2K{message}");
        }
    }

    fn finish(&self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}
