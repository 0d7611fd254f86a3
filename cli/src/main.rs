//! `slovo`: Russian text analysis on the command line.
//!
//! Reads files or standard input, writes JSON Lines (or a readable report) to standard
//! output. Any error is one line on standard error, `slovo: error: …`, and exit code 2.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

mod commands;
mod error;
mod fields;
mod input;
mod offsets;
mod output;
mod save;

/// Russian text analysis: tokens, sentences, terms, stems, language, keywords, TF-IDF.
///
/// Input is FILE arguments or standard input (`-`). By default each input is one
/// document; with --per-line each line is one, with --jsonl each line is a JSON object
/// whose "text" field is one. Output is JSON Lines, one object per document.
///
/// Memory: with --per-line or --jsonl the input is decoded and processed as a stream, one
/// line at a time, in constant memory; otherwise each input is held whole (memory about
/// its size, up to 3× for non-UTF-8 encodings). Errors print one line, `slovo: error: …`,
/// and exit with code 2.
#[derive(Debug, Parser)]
#[command(name = "slovo", version)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

/// Exit code for every error: bad arguments, unreadable input, bad data.
const FAILURE: u8 = 2;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        // A bug, not a user error; one line instead of a backtrace.
        let _ = writeln!(std::io::stderr(), "slovo: internal error: {info}");
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return argument_error(e),
    };
    let mut out = output::Output::stdout();
    let result = cli.command.run(&mut out).and_then(|()| out.finish());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "slovo: error: {e}");
            ExitCode::from(FAILURE)
        }
    }
}

/// `--help` and `--version` print and succeed; anything else is a one-line error.
fn argument_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let mut out = std::io::stdout().lock();
        return match write!(out, "{}", e.render()).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "slovo: error: cannot write output: {e}");
                ExitCode::from(FAILURE)
            }
        };
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let names: Vec<String> = <Cli as clap::CommandFactory>::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .filter(|name| name != "help")
            .collect();
        let _ = writeln!(
            std::io::stderr(),
            "slovo: error: no command given; use one of: {} (see `slovo --help`)",
            names.join(", ")
        );
        return ExitCode::from(FAILURE);
    }
    // clap's message can continue on indented lines (the missing arguments); keep them,
    // but not the usage and tips after the first blank line.
    let rendered = e.render().to_string();
    let message: Vec<&str> = rendered
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect();
    let message = message.join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    let message = if message.is_empty() {
        "invalid arguments"
    } else {
        message
    };
    let _ = writeln!(
        std::io::stderr(),
        "slovo: error: {message} (see `slovo --help`)"
    );
    ExitCode::from(FAILURE)
}
