//! Reading text from files and readers, with errors that name the file and the byte.

use std::path::Path;

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
