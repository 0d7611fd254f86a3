//! Buffered output: JSON Lines or text, on standard output.

use std::io::{self, BufWriter, StdoutLock, Write};

use serde::Serialize;

use crate::error::CliError;

/// Standard output, buffered. Write errors (a closed pipe included) come back as
/// [`CliError::Output`].
pub struct Output {
    out: BufWriter<StdoutLock<'static>>,
}

impl Output {
    /// Locks and buffers standard output.
    pub fn stdout() -> Self {
        Output {
            out: BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        }
    }

    /// Writes `value` as one JSON line.
    pub fn json_line<T: Serialize>(&mut self, value: &T) -> Result<(), CliError> {
        serde_json::to_writer(&mut self.out, value)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// The writer, for text output.
    pub fn text(&mut self) -> &mut impl Write {
        &mut self.out
    }

    /// Flushes what is buffered.
    pub fn finish(mut self) -> Result<(), CliError> {
        self.out.flush()?;
        Ok(())
    }
}
