//! The byte envelope of saved TF-IDF data: 8-byte magic, format version (u32 LE), then the
//! body in postcard.
//!
//! Why postcard: a compact, documented and frozen wire format (varint integers, so counts
//! and short strings cost a byte or two), fast, with a tiny dependency tree; serde_json
//! would triple the size of a frequency table, and bincode is no longer maintained.

use serde::{de::DeserializeOwned, Serialize};

use crate::error::{Error, Result};

/// Length of the header: magic plus version.
const HEADER: usize = 12;

/// Serializes `body` behind `magic` and `version`.
pub(crate) fn encode<T: Serialize>(magic: &[u8; 8], version: u32, body: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(magic);
    out.extend_from_slice(&version.to_le_bytes());
    // Our bodies are plain structs, vectors, strings and numbers with known lengths, which
    // postcard always encodes; an error here would be a bug in a `Serialize` impl of ours.
    match postcard::to_extend(body, out) {
        Ok(out) => out,
        Err(err) => {
            debug_assert!(false, "postcard cannot encode a TF-IDF body: {err}");
            let mut out = Vec::with_capacity(HEADER);
            out.extend_from_slice(magic);
            out.extend_from_slice(&version.to_le_bytes());
            out
        }
    }
}

/// Reads bytes written by [`encode`] with the same `magic`; `what` names the data in errors.
pub(crate) fn decode<T: DeserializeOwned>(
    bytes: &[u8],
    magic: &[u8; 8],
    version: u32,
    what: &str,
) -> Result<T> {
    let magic_part = &bytes[..bytes.len().min(magic.len())];
    if bytes.len() < HEADER && !bytes.is_empty() && magic.starts_with(magic_part) {
        return Err(Error::corrupt_model(format!(
            "{what}: truncated ({} bytes, shorter than the {HEADER}-byte header)",
            bytes.len()
        )));
    }
    if bytes.len() < HEADER || &bytes[..8] != magic {
        return Err(Error::corrupt_model(format!(
            "not {what} (missing the {:?} header)",
            String::from_utf8_lossy(magic)
        )));
    }
    let mut found = [0u8; 4];
    found.copy_from_slice(&bytes[8..HEADER]);
    let found = u32::from_le_bytes(found);
    if found != version {
        return Err(Error::IncompatibleModel {
            found,
            expected: version,
        });
    }
    let (body, rest) =
        postcard::take_from_bytes::<T>(&bytes[HEADER..]).map_err(|err| match err {
            postcard::Error::DeserializeUnexpectedEnd => Error::corrupt_model(format!(
                "{what}: truncated (the data ends early, after {} bytes)",
                bytes.len()
            )),
            err => Error::corrupt_model(format!("{what}: {err}")),
        })?;
    if !rest.is_empty() {
        return Err(Error::corrupt_model(format!(
            "{what}: {} unexpected bytes after the data",
            rest.len()
        )));
    }
    Ok(body)
}
