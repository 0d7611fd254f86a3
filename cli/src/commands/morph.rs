//! `slovo morph --conllu`: fills the LEMMA and UPOS columns of a CoNLL-U file, reading each
//! sentence's FORM column as its tokens and analysing them in context
//! (`Morph::parse_sentence`). This is how taggers are compared on Universal Dependencies
//! treebanks.

use std::io::Write;
use std::path::PathBuf;

use slovo::Morph;

use crate::error::CliError;
use crate::input::{for_each_document, DecodeArgs, ModeArgs, Source};
use crate::output::Output;

/// Options of `slovo morph`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read and write CoNLL-U (the only format so far; required).
    #[arg(long, required = true)]
    conllu: bool,
    /// Files to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    decode: DecodeArgs,
}

/// Copies the input to the output with LEMMA and UPOS filled for every word line; comment
/// lines, multiword-token lines (`1-2`) and empty nodes (`1.1`) pass through untouched.
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    debug_assert!(args.conllu);
    let morph = Morph::new();
    let sources = Source::from_args(&args.files, Source::Stdin);
    let per_line = ModeArgs {
        per_line: true,
        jsonl: false,
        decode: args.decode,
    };
    let mut sentence = Sentence::default();
    let mut current = String::new();
    for_each_document(&sources, per_line, |document| {
        if document.source != current {
            // A file that does not end with a blank line still ends its last sentence.
            sentence.flush(&morph, out)?;
            current.clone_from(&document.source);
        }
        let line = document.text.trim_end_matches('\r');
        if line.trim().is_empty() {
            sentence.flush(&morph, out)?;
            out.text().write_all(b"\n")?;
            return Ok(());
        }
        sentence.push(line).map_err(|message| CliError::Line {
            source: document.source.clone(),
            line: document.line.unwrap_or(0),
            message,
        })
    })?;
    sentence.flush(&morph, out)
}

/// The lines of the sentence being read.
#[derive(Default)]
struct Sentence {
    lines: Vec<Line>,
}

enum Line {
    /// A comment, a multiword-token line or an empty node: written back as read.
    Verbatim(String),
    /// A word: its ten columns.
    Word(Vec<String>),
}

impl Sentence {
    /// Adds one non-blank line, checking its shape.
    fn push(&mut self, line: &str) -> Result<(), String> {
        if line.starts_with('#') {
            self.lines.push(Line::Verbatim(line.to_owned()));
            return Ok(());
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(format!(
                "a CoNLL-U word line has 10 tab-separated columns, this one has {}",
                columns.len()
            ));
        }
        let id = columns[0];
        let is_number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let range_or_empty = id
            .split_once(['-', '.'])
            .is_some_and(|(a, b)| is_number(a) && is_number(b));
        if range_or_empty {
            self.lines.push(Line::Verbatim(line.to_owned()));
        } else if is_number(id) {
            self.lines
                .push(Line::Word(columns.into_iter().map(str::to_owned).collect()));
        } else {
            return Err(format!(
                "bad ID {id:?}: expected a word number (1), a range (1-2) or an empty node (1.1)"
            ));
        }
        Ok(())
    }

    /// Analyses the sentence's words in context and writes its lines.
    fn flush(&mut self, morph: &Morph, out: &mut Output) -> Result<(), CliError> {
        if self.lines.is_empty() {
            return Ok(());
        }
        let forms: Vec<&str> = self
            .lines
            .iter()
            .filter_map(|line| match line {
                Line::Word(columns) => Some(columns[1].as_str()),
                Line::Verbatim(_) => None,
            })
            .collect();
        let parses = morph.parse_sentence(&forms);
        let mut parses = parses.iter();
        let w = out.text();
        for line in self.lines.drain(..) {
            match line {
                Line::Verbatim(text) => w.write_all(text.as_bytes())?,
                Line::Word(mut columns) => {
                    if let Some(parse) = parses.next() {
                        columns[2] = parse.lemma().to_owned();
                        columns[3] = parse.pos().as_str().to_owned();
                    }
                    w.write_all(columns.join("\t").as_bytes())?;
                }
            }
            w.write_all(b"\n")?;
        }
        Ok(())
    }
}
