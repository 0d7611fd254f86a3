//! Where documents come from: files, standard input or the bundled sample, read whole,
//! line by line, or as JSON Lines.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::CliError;

/// The sample document built into the binary, so `slovo analyze` works from anywhere.
pub const SAMPLE_TEXT: &str = include_str!("../../examples/data/kazinform_eu_ru.txt");
/// The sample's name in reports.
pub const SAMPLE_NAME: &str = "bundled sample (examples/data/kazinform_eu_ru.txt)";

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
    pub fields: Map<String, Value>,
    /// The input's name.
    pub source: String,
    /// With `--per-line` or `--jsonl`, the 1-based line number.
    pub line: Option<u64>,
}

/// Reads every source in order and calls `each` with every document, streaming lines.
pub fn for_each_document(
    sources: &[Source],
    mode: ModeArgs,
    mut each: impl FnMut(Document) -> Result<(), CliError>,
) -> Result<(), CliError> {
    for source in sources {
        let name = source.name();
        if !mode.per_line && !mode.jsonl {
            let text = read_whole(source)?;
            each(Document {
                text,
                fields: Map::new(),
                source: name,
                line: None,
            })?;
            continue;
        }
        let mut number = 0u64;
        for line in lines(source)? {
            let line = line?;
            number += 1;
            let document = if mode.jsonl {
                if line.trim().is_empty() {
                    continue;
                }
                let (text, fields) = parse_json_line(&line).map_err(|message| CliError::Line {
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
                    fields: Map::new(),
                    source: name.clone(),
                    line: Some(number),
                }
            };
            each(document)?;
        }
    }
    Ok(())
}

fn read_whole(source: &Source) -> Result<String, CliError> {
    match source {
        Source::File(path) => Ok(slovo::read_text(path)?),
        Source::Sample => Ok(SAMPLE_TEXT.to_owned()),
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| io_error(source, e))?;
            Ok(slovo::decode_utf8(bytes, source.name())?)
        }
    }
}

type LineIter = Box<dyn Iterator<Item = slovo::Result<String>>>;

fn lines(source: &Source) -> Result<LineIter, CliError> {
    Ok(match source {
        Source::File(path) => {
            let file = File::open(path).map_err(|e| io_error(source, e))?;
            Box::new(slovo::read_lines(BufReader::new(file), path))
        }
        Source::Stdin => Box::new(slovo::read_lines(io::stdin().lock(), source.name())),
        Source::Sample => Box::new(SAMPLE_TEXT.lines().map(|l| Ok(l.to_owned()))),
    })
}

fn io_error(source: &Source, error: io::Error) -> CliError {
    CliError::Library(slovo::Error::Io {
        path: Path::new(&source.name()).to_path_buf(),
        source: error,
    })
}

/// Splits a JSON Lines object into its `text` and the other fields.
fn parse_json_line(line: &str) -> Result<(String, Map<String, Value>), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let message = e.to_string();
        // serde_json ends its messages with "at line 1 column N"; only the column helps.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        format!("invalid JSON at column {}: {message}", e.column())
    })?;
    let Value::Object(mut fields) = value else {
        return Err("expected a JSON object with a \"text\" field".to_owned());
    };
    match fields.shift_remove("text") {
        Some(Value::String(text)) => Ok((text, fields)),
        Some(_) => Err("the \"text\" field is not a string".to_owned()),
        None => Err("no \"text\" field".to_owned()),
    }
}
