//! Reading text from files and readers, with errors that name the file and the byte.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Reads a whole UTF-8 file into a `String`.
///
/// A missing or unreadable file gives [`Error::Io`]; bytes that are not UTF-8 give
/// [`Error::InvalidUtf8`] with the offset of the first bad byte.
///
/// ```
/// let err = slovo::read_text("does-not-exist.txt").unwrap_err();
/// assert!(err.to_string().contains("does-not-exist.txt"));
/// ```
pub fn read_text(path: impl AsRef<Path>) -> Result<String> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode_utf8(bytes, path)
}

/// Turns bytes into a `String`, or reports where the first invalid UTF-8 byte is.
///
/// `origin` names the source in the error (a path, or `-` for standard input).
///
/// ```
/// use slovo::{decode_utf8, Error};
///
/// assert_eq!(decode_utf8(b"da".to_vec(), "-").unwrap(), "da");
/// let err = decode_utf8(b"ok\xff".to_vec(), "in.txt").unwrap_err();
/// assert!(matches!(err, Error::InvalidUtf8 { offset: 2, .. }));
/// ```
pub fn decode_utf8(bytes: Vec<u8>, origin: impl AsRef<Path>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: origin.as_ref().to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads a stream line by line, decoding each line as UTF-8, in constant memory.
///
/// Each item is one line without its `\n` or `\r\n`. A read failure gives [`Error::Io`]
/// and bytes that are not UTF-8 give [`Error::InvalidUtf8`] with the byte offset from the
/// start of the stream, both naming `origin`; the iterator ends after an error.
///
/// ```
/// use std::io::Cursor;
/// use slovo::{read_lines, Error};
///
/// let lines: Vec<String> = read_lines(Cursor::new("один\r\nдва\n"), "-")
///     .collect::<Result<_, _>>()
///     .unwrap();
/// assert_eq!(lines, ["один", "два"]);
///
/// let mut lines = read_lines(Cursor::new(b"ok\nbad \xff\n".to_vec()), "in.txt");
/// assert_eq!(lines.next().unwrap().unwrap(), "ok");
/// let err = lines.next().unwrap().unwrap_err();
/// assert!(matches!(err, Error::InvalidUtf8 { offset: 7, .. }));
/// assert!(lines.next().is_none());
/// ```
pub fn read_lines<R: BufRead>(reader: R, origin: impl AsRef<Path>) -> Lines<R> {
    Lines {
        reader,
        origin: origin.as_ref().to_path_buf(),
        offset: 0,
        buffer: Vec::new(),
        done: false,
    }
}

/// The iterator returned by [`read_lines`].
///
/// ```
/// let mut lines: slovo::Lines<&[u8]> = slovo::read_lines("a\nb".as_bytes(), "-");
/// assert_eq!(lines.next().unwrap().unwrap(), "a");
/// assert_eq!(lines.byte_offset(), 2);
/// ```
#[derive(Debug)]
pub struct Lines<R> {
    reader: R,
    origin: PathBuf,
    offset: usize,
    buffer: Vec<u8>,
    done: bool,
}

impl<R> Lines<R> {
    /// Byte offset in the stream just past the last line read (including its newline).
    ///
    /// ```
    /// let mut lines = slovo::read_lines("да\nнет\n".as_bytes(), "-");
    /// lines.next();
    /// assert_eq!(lines.byte_offset(), 5);
    /// ```
    pub fn byte_offset(&self) -> usize {
        self.offset
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<String>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.buffer.clear();
        let read = match self.reader.read_until(b'\n', &mut self.buffer) {
            Ok(0) => {
                self.done = true;
                return None;
            }
            Ok(n) => n,
            Err(source) => {
                self.done = true;
                return Some(Err(Error::Io {
                    path: self.origin.clone(),
                    source,
                }));
            }
        };
        let start = self.offset;
        self.offset += read;
        let mut line = std::mem::take(&mut self.buffer);
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        Some(String::from_utf8(line).map_err(|e| {
            self.done = true;
            Error::InvalidUtf8 {
                path: self.origin.clone(),
                offset: start + e.utf8_error().valid_up_to(),
            }
        }))
    }
}

impl<R: BufRead> std::iter::FusedIterator for Lines<R> {}
