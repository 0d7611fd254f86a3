//! Where documents come from: files, standard input or the bundled sample, read whole,
//! line by line, or as JSON Lines.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use crate::error::CliError;
use crate::fields::{parse_json_line, Fields};

/// The sample document built into the binary, so `slovo analyze` works from anywhere.
pub const SAMPLE_TEXT: &str = include_str!("../../examples/data/kazinform_eu_ru.txt");
/// The sample's name in reports.
pub const SAMPLE_NAME: &str = "bundled sample (examples/data/kazinform_eu_ru.txt)";

/// How input bytes become text; shared by every subcommand that reads input.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct DecodeArgs {
    /// The input's encoding: auto, utf-8, utf-16, windows-1251, koi8-r or ibm866 (aliases
    /// such as cp1251, koi8, cp866 work too). `auto` detects it (from the first 64 KiB
    /// with --per-line/--jsonl) and says on standard error which one it chose.
    #[arg(long, value_name = "NAME", default_value = "utf-8", value_parser = parse_encoding)]
    pub encoding: slovo::Encoding,
    /// Replace invalid bytes with U+FFFD instead of failing, and say on standard error how
    /// many were replaced.
    #[arg(long)]
    pub lossy: bool,
}

impl DecodeArgs {
    fn decoder(self) -> Result<slovo::Decoder, CliError> {
        Ok(slovo::Decoder::builder()
            .encoding(self.encoding)
            .lossy(self.lossy)
            .build()?)
    }
}

/// A count such as `--top`: a whole number, at least 1.
pub fn parse_count(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!(
            "{value:?} is not a whole number (expected 1 or more)"
        )),
    }
}

fn parse_encoding(name: &str) -> Result<slovo::Encoding, String> {
    name.parse().map_err(|e: slovo::Error| e.to_string())
}

/// How the input is cut into documents; shared by every subcommand.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct ModeArgs {
    /// Treat each line of the input as one document (read as a stream, in constant memory).
    #[arg(long, conflicts_with = "jsonl")]
    pub per_line: bool,
    /// Each line is a JSON object whose "text" field is one document; its other fields
    /// (such as "id") are copied into the output. Blank lines are skipped.
    #[arg(long)]
    pub jsonl: bool,
    #[command(flatten)]
    pub decode: DecodeArgs,
}

/// The arguments of every command that reads documents and prints spans.
#[derive(Debug, clap::Args)]
pub struct SpanArgs {
    /// Files to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub mode: ModeArgs,
    /// Give start/end as UTF-8 byte offsets instead of Unicode code-point offsets.
    #[arg(long)]
    pub byte_offsets: bool,
}

/// Where one input comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
    /// The bundled sample.
    Sample,
}

impl Source {
    /// Sources for FILE arguments: `-` is standard input; none at all means `default`.
    pub fn from_args(files: &[PathBuf], default: Source) -> Vec<Source> {
        if files.is_empty() {
            return vec![default];
        }
        files
            .iter()
            .map(|f| {
                if f.as_os_str() == "-" {
                    Source::Stdin
                } else {
                    Source::File(f.clone())
                }
            })
            .collect()
    }

    /// The name used in messages and reports.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(path) => path.display().to_string(),
            Source::Sample => SAMPLE_NAME.to_owned(),
        }
    }
}

/// One document to process.
#[derive(Debug)]
pub struct Document {
    /// The text.
    pub text: String,
    /// With `--jsonl`, the line's other fields, in their order; otherwise empty.
    pub fields: Fields,
    /// The input's name.
    pub source: String,
    /// With `--per-line` or `--jsonl`, the 1-based line number.
    pub line: Option<u64>,
}

/// Reads every source in order and calls `each` with every document, streaming lines.
///
/// With `--per-line`/`--jsonl` only one line is held at a time; otherwise one whole
/// input. After each input, notes what `--encoding auto` chose and what `--lossy`
/// replaced on standard error.
pub fn for_each_document(
    sources: &[Source],
    mode: ModeArgs,
    mut each: impl FnMut(Document) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let options = mode.decode.decoder()?;
    for source in sources {
        let name = source.name();
        if !mode.per_line && !mode.jsonl {
            let decoded = read_whole(source, &options)?;
            each(Document {
                text: decoded.text,
                fields: Fields::new(),
                source: name.clone(),
                line: None,
            })?;
            note_decoding(
                &name,
                decoded.detected.then_some(decoded.encoding),
                options.lossy(),
                decoded.replacements,
            );
            continue;
        }
        let mut lines = lines(source, &options)?;
        let mut number = 0u64;
        let mut surrogates = 0usize;
        for line in lines.by_ref() {
            let line = line?;
            number += 1;
            let document = if mode.jsonl {
                if line.trim().is_empty() {
                    continue;
                }
                let (text, fields) = parse_json_line(&line, options.lossy(), &mut surrogates)
                    .map_err(|message| CliError::Line {
                        source: name.clone(),
                        line: number,
                        message,
                    })?;
                Document {
                    text,
                    fields,
                    source: name.clone(),
                    line: Some(number),
                }
            } else {
                Document {
                    text: line,
                    fields: Fields::new(),
                    source: name.clone(),
                    line: Some(number),
                }
            };
            each(document)?;
        }
        note_decoding(
            &name,
            lines.detected(),
            options.lossy(),
            lines.replacements(),
        );
        if surrogates > 0 {
            let noun = if surrogates == 1 { "escape" } else { "escapes" };
            let _ = writeln!(
                io::stderr().lock(),
                "slovo: {name}: {surrogates} lone surrogate {noun} in \"text\" replaced with U+FFFD"
            );
        }
    }
    Ok(())
}

/// `slovo: NAME: detected ENCODING` and `slovo: NAME: N invalid byte sequences replaced
/// with U+FFFD` on standard error (notes, not errors: the run goes on).
fn note_decoding(name: &str, detected: Option<slovo::Charset>, lossy: bool, replacements: usize) {
    let mut err = io::stderr().lock();
    if let Some(charset) = detected {
        let _ = writeln!(err, "slovo: {name}: detected {charset}");
    }
    if lossy {
        let noun = if replacements == 1 {
            "sequence"
        } else {
            "sequences"
        };
        let _ = writeln!(
            err,
            "slovo: {name}: {replacements} invalid byte {noun} replaced with U+FFFD"
        );
    }
}

fn read_whole(source: &Source, options: &slovo::Decoder) -> Result<slovo::Decoded, CliError> {
    match source {
        Source::File(path) => Ok(options.read_text(path)?),
        Source::Sample => Ok(slovo::Decoded {
            text: SAMPLE_TEXT.to_owned(),
            encoding: slovo::Charset::Utf8,
            detected: false,
            replacements: 0,
        }),
        Source::Stdin => Ok(options.decode_reader(io::stdin().lock(), source.name())?),
    }
}

/// A source's lines, decoded as they are read.
enum SourceLines {
    Stream(slovo::Lines<Box<dyn BufRead>>),
    Sample(std::str::Lines<'static>),
}

impl SourceLines {
    /// The encoding `--encoding auto` chose, if it was auto.
    fn detected(&self) -> Option<slovo::Charset> {
        match self {
            SourceLines::Stream(lines) => lines.detected().then(|| lines.encoding()),
            SourceLines::Sample(_) => None,
        }
    }

    fn replacements(&self) -> usize {
        match self {
            SourceLines::Stream(lines) => lines.replacements(),
            SourceLines::Sample(_) => 0,
        }
    }
}

impl Iterator for SourceLines {
    type Item = slovo::Result<String>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            SourceLines::Stream(lines) => lines.next(),
            SourceLines::Sample(lines) => lines.next().map(|l| Ok(l.to_owned())),
        }
    }
}

fn lines(source: &Source, options: &slovo::Decoder) -> Result<SourceLines, CliError> {
    let reader: Box<dyn BufRead> = match source {
        Source::File(path) => {
            let file = File::open(path).map_err(|e| io_error(source, e))?;
            Box::new(BufReader::with_capacity(64 * 1024, file))
        }
        Source::Stdin => Box::new(io::stdin().lock()),
        Source::Sample => return Ok(SourceLines::Sample(SAMPLE_TEXT.lines())),
    };
    Ok(SourceLines::Stream(
        options.read_lines(reader, source.name())?,
    ))
}

fn io_error(source: &Source, error: io::Error) -> CliError {
    CliError::Library(slovo::Error::Io {
        path: Path::new(&source.name()).to_path_buf(),
        source: error,
    })
}
