//! `slovo stem`: the Snowball stems of the words of each input line, one output line per
//! input line, so `slovo stem < voc.txt` can be compared with Snowball's `output.txt`.

use std::io::Write;
use std::path::PathBuf;

use slovo::{Stemmer, TokenKind};

use crate::error::CliError;
use crate::input::{for_each_document, DecodeArgs, ModeArgs, Source};
use crate::output::Output;

/// Options of `slovo stem`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    decode: DecodeArgs,
}

/// Prints each line's word stems separated by single spaces (an empty line for a line
/// without words).
pub fn run(args: Args, out: &mut Output) -> Result<(), CliError> {
    let mut stemmer = Stemmer::new();
    let sources = Source::from_args(&args.files, Source::Stdin);
    let per_line = ModeArgs {
        per_line: true,
        jsonl: false,
        decode: args.decode,
    };
    for_each_document(&sources, per_line, |document| {
        let w = out.text();
        let mut first = true;
        for token in slovo::tokenize(&document.text) {
            if token.kind != TokenKind::Word {
                continue;
            }
            if !first {
                w.write_all(b" ")?;
            }
            first = false;
            w.write_all(stemmer.stem(token.text).as_bytes())?;
        }
        w.write_all(b"\n")?;
        Ok(())
    })
}
