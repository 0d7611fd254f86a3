//! `slovo analyze`: a report on each document, as text or JSON.
//!
//! The report is a plain struct: it serializes to JSON for `--json` and renders itself as
//! text otherwise. Later stages (sentences, language, keywords) add a field and a section.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;
use slovo::TokenKind;

use crate::commands::detect::Detected;
use crate::commands::keywords::{phrases, PhraseJson};
use crate::error::CliError;
use crate::input::{for_each_document, Document, ModeArgs, Source};
use crate::output::Output;

/// Options of `slovo analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to analyse; `-` reads standard input. Without FILE: standard input when text
    /// is piped or redirected into it (or with --jsonl), else the bundled sample document
    /// (a news article in Russian).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    mode: ModeArgs,
    /// Print one JSON object per document instead of a readable report.
    #[arg(long)]
    json: bool,
    /// How many of the most frequent words to list.
    #[arg(long, value_name = "N", default_value_t = 15, value_parser = crate::input::parse_count, allow_hyphen_values = true)]
    top: usize,
}

/// Analyses every document and prints its report.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    // The sample is plain text, so JSON Lines without a FILE can only mean stdin.
    let default = if args.mode.jsonl || stdin_has_input() {
        Source::Stdin
    } else {
        Source::Sample
    };
    let sources = Source::from_args(&args.files, default);
    let mut first = true;
    for_each_document(&sources, args.mode, |document| {
        let report = Report::new(&document, args.top);
        if args.json {
            out.json_line(&report)
        } else {
            let w = out.text();
            if !first {
                writeln!(w)?;
            }
            first = false;
            report.render(w)?;
            Ok(())
        }
    })
}

/// Whether standard input is a pipe, a file or a socket (`echo … | slovo analyze`,
/// `slovo analyze < a.txt`), rather than a terminal or nothing (`/dev/null`, closed).
#[cfg(unix)]
fn stdin_has_input() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd).metadata().is_ok_and(|m| {
        let kind = m.file_type();
        kind.is_fifo() || kind.is_file() || kind.is_socket()
    })
}

/// Whether standard input is not a terminal.
#[cfg(not(unix))]
fn stdin_has_input() -> bool {
    use std::io::IsTerminal;
    !io::stdin().is_terminal()
}

/// What `slovo analyze` says about one document.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// With `--jsonl`, the input line's other fields.
    #[serde(flatten)]
    pub fields: &'a crate::fields::Fields,
    /// The input's name.
    pub source: &'a str,
    /// The document itself (not printed).
    #[serde(skip)]
    pub text: &'a str,
    /// The line number, with `--per-line` or `--jsonl`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// How big the document is.
    pub size: Size,
    /// How many sentences.
    pub sentences: usize,
    /// How many tokens of each kind.
    pub tokens: TokenCounts,
    /// Word statistics.
    pub words: WordStats<'a>,
    /// The analyzer's terms (lemmas, without stop words), most frequent first.
    pub terms: TermStats<'a>,
    /// The document's language and its language spans (code-point offsets).
    pub language: Detected,
    /// The top keywords.
    pub keywords: Vec<PhraseJson>,
}

/// Document size.
#[derive(Debug, Serialize)]
pub struct Size {
    /// UTF-8 bytes.
    pub bytes: usize,
    /// Unicode code points.
    pub chars: usize,
    /// Lines (a last line without a newline counts).
    pub lines: usize,
}

/// Token counts.
#[derive(Debug, Serialize)]
pub struct TokenCounts {
    /// All tokens.
    pub total: usize,
    /// Per kind, every kind listed (zeros included) in a fixed order.
    pub by_kind: KindCounts,
}

/// A count for each [`TokenKind`], serialized as `{"word": n, "number": n, …}`.
#[derive(Debug, Default)]
pub struct KindCounts([usize; TokenKind::ALL.len()]);

impl KindCounts {
    fn add(&mut self, kind: TokenKind) {
        if let Some(i) = TokenKind::ALL.iter().position(|&k| k == kind) {
            self.0[i] += 1;
        }
    }

    fn iter(&self) -> impl Iterator<Item = (TokenKind, usize)> + '_ {
        TokenKind::ALL.into_iter().zip(self.0.iter().copied())
    }
}

impl Serialize for KindCounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (kind, count) in self.iter() {
            map.serialize_entry(kind.as_str(), &count)?;
        }
        map.end()
    }
}

/// Word statistics, on words folded with [`slovo::fold`] (lowercase, `ё` → `е`).
#[derive(Debug, Serialize)]
pub struct WordStats<'a> {
    /// Word tokens.
    pub total: usize,
    /// Different folded words.
    pub distinct: usize,
    /// The most frequent words, most frequent first (ties in alphabetical order).
    pub top: Vec<WordCount<'a>>,
}

/// One word and how often it occurs.
#[derive(Debug, Serialize)]
pub struct WordCount<'a> {
    /// The folded word.
    pub word: Cow<'a, str>,
    /// Occurrences.
    pub count: usize,
}

/// Term statistics from [`slovo::Analyzer`] with lemmas (stop words dropped, each word in
/// its dictionary form, lowercase with `ё` → `е`).
#[derive(Debug, Serialize)]
pub struct TermStats<'a> {
    /// Terms in the document.
    pub total: usize,
    /// Different lemmas.
    pub distinct: usize,
    /// The most frequent lemmas, most frequent first (ties in alphabetical order).
    pub top: Vec<TermCount<'a>>,
}

/// One lemma, its most frequent surface form and how often it occurs.
#[derive(Debug, Serialize)]
pub struct TermCount<'a> {
    /// The lemma (dictionary form).
    pub lemma: String,
    /// Its most frequent form in the text, as written (ties: the first seen).
    pub surface: &'a str,
    /// Occurrences.
    pub count: usize,
}

/// A lemma's count, and for each of its surface forms: (count, order of first sight).
type StemTally<'a> = (usize, HashMap<&'a str, (usize, usize)>);

impl<'a> TermStats<'a> {
    fn new(text: &'a str, top: usize) -> Self {
        let mut stems: HashMap<String, StemTally<'a>> = HashMap::new();
        let mut total = 0;
        let analyzer = slovo::Analyzer::builder()
            .form(slovo::TermForm::Lemma)
            .build();
        analyzer.for_each_term(text, |stem, token| {
            total += 1;
            let (count, surfaces) = match stems.get_mut(stem) {
                Some(entry) => entry,
                None => stems.entry(stem.to_owned()).or_default(),
            };
            *count += 1;
            let seen = surfaces.len();
            surfaces.entry(token.text).or_insert((0, seen)).0 += 1;
        });
        let distinct = stems.len();
        let mut ranked: Vec<TermCount<'a>> = stems
            .into_iter()
            .map(|(stem, (count, surfaces))| {
                let surface = surfaces
                    .into_iter()
                    .max_by(|(_, (n1, first1)), (_, (n2, first2))| {
                        n1.cmp(n2).then_with(|| first2.cmp(first1))
                    })
                    .map_or("", |(surface, _)| surface);
                TermCount {
                    lemma: stem,
                    surface,
                    count,
                }
            })
            .collect();
        ranked.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.lemma.cmp(&b.lemma)));
        ranked.truncate(top);
        TermStats {
            total,
            distinct,
            top: ranked,
        }
    }
}

impl<'a> Report<'a> {
    /// Analyses `document`, listing the `top` most frequent words.
    pub fn new(document: &'a Document, top: usize) -> Self {
        let text = document.text.as_str();
        let mut by_kind = KindCounts::default();
        let mut total = 0;
        let mut words: HashMap<Cow<'a, str>, usize> = HashMap::new();
        let mut word_total = 0;
        for token in slovo::tokenize(text) {
            total += 1;
            by_kind.add(token.kind);
            if token.kind == TokenKind::Word {
                word_total += 1;
                *words.entry(slovo::fold(token.text)).or_default() += 1;
            }
        }
        let distinct = words.len();
        let mut ranked: Vec<WordCount<'a>> = words
            .into_iter()
            .map(|(word, count)| WordCount { word, count })
            .collect();
        ranked.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
        ranked.truncate(top);
        Report {
            fields: &document.fields,
            source: &document.source,
            text,
            line: document.line,
            size: Size {
                bytes: text.len(),
                chars: text.chars().count(),
                lines: text.lines().count(),
            },
            sentences: slovo::sentences(text).count(),
            tokens: TokenCounts { total, by_kind },
            words: WordStats {
                total: word_total,
                distinct,
                top: ranked,
            },
            terms: TermStats::new(text, top),
            language: Detected::new(text, false),
            keywords: phrases(&keyword_extractor(top.min(10)), text),
        }
    }

    /// Writes the report as readable text.
    pub fn render(&self, w: &mut impl Write) -> io::Result<()> {
        let mut source = self.source.to_owned();
        if let Some(line) = self.line {
            source = format!("{source}, line {line}");
        }
        if let Some(Value::String(id)) = self.fields.value("id") {
            source = format!("{source} (id {id})");
        } else if let Some(id @ Value::Number(_)) = self.fields.value("id") {
            source = format!("{source} (id {id})");
        }
        writeln!(w, "{:<12}{source}", "Document")?;
        let s = &self.size;
        writeln!(
            w,
            "{:<12}{} characters, {} bytes, {} lines",
            "Size", s.chars, s.bytes, s.lines
        )?;
        let kinds: Vec<String> = self
            .tokens
            .by_kind
            .iter()
            .filter(|&(_, n)| n > 0)
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        let kinds = if kinds.is_empty() {
            String::new()
        } else {
            format!(": {}", kinds.join(", "))
        };
        writeln!(w, "{:<12}{}", "Sentences", self.sentences)?;
        writeln!(w, "{:<12}{}{kinds}", "Tokens", self.tokens.total)?;
        writeln!(
            w,
            "{:<12}{} ({} distinct)",
            "Words", self.words.total, self.words.distinct
        )?;
        let language = &self.language;
        writeln!(
            w,
            "{:<12}{} (confidence {:.2}{})",
            "Language",
            language.lang,
            language.confidence,
            if language.reliable { ", reliable" } else { "" }
        )?;
        let chars: Vec<char> = self.text.chars().collect();
        for span in language.spans.iter().filter(|s| s.lang != language.lang) {
            let piece: String = chars
                .get(span.start..span.end)
                .unwrap_or_default()
                .iter()
                .collect();
            writeln!(w, "{:<12}{}: {:?}", "", span.lang, piece.trim())?;
        }
        if !self.keywords.is_empty() {
            let list: Vec<&str> = self.keywords.iter().map(|k| k.phrase.as_str()).collect();
            writeln!(w, "{:<12}{}", "Keywords", list.join(", "))?;
        }
        if !self.words.top.is_empty() {
            writeln!(w)?;
            writeln!(w, "Most frequent words")?;
            let width = self
                .words
                .top
                .first()
                .map_or(1, |c| c.count.to_string().len());
            for (rank, WordCount { word, count }) in self.words.top.iter().enumerate() {
                writeln!(w, "{:>4}. {count:>width$}  {word}", rank + 1)?;
            }
        }
        if !self.terms.top.is_empty() {
            writeln!(w)?;
            writeln!(
                w,
                "Most frequent words in dictionary form ({} terms, {} distinct lemmas; stop words left out)",
                self.terms.total, self.terms.distinct
            )?;
            let width = self
                .terms
                .top
                .first()
                .map_or(1, |c| c.count.to_string().len());
            for (rank, term) in self.terms.top.iter().enumerate() {
                writeln!(
                    w,
                    "{:>4}. {:>width$}  {:<20} ({})",
                    rank + 1,
                    term.count,
                    term.lemma,
                    term.surface
                )?;
            }
        }
        Ok(())
    }
}

/// The report's keyword extractor: the defaults with at most `k` keywords (`top_k` alone
/// is always a valid option).
fn keyword_extractor(k: usize) -> slovo::KeywordExtractor {
    slovo::KeywordExtractor::builder()
        .top_k(k)
        .build()
        .unwrap_or_default()
}
