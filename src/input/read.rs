//! Reading text from files and readers, with errors that name the file and the byte.

use std::fmt;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::input::encoding::{bom, detect_prefix, utf16_byte_order, SNIFF_LIMIT};
use crate::input::encoding::{Charset, Decoder, Encoding};

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
/// [`Decoder::read_lines`] reads other encodings.
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
    Lines::new(
        reader,
        origin.as_ref().to_path_buf(),
        Charset::Utf8,
        false,
        false,
        Vec::new(),
    )
}

impl Decoder {
    /// Reads a stream line by line in any [`Encoding`], decoding incrementally, in memory
    /// proportional to the longest line.
    ///
    /// Lines end at `\n` (a preceding `\r` is dropped too), whatever the encoding. With
    /// [`Encoding::Auto`] the encoding is detected from the first 64 KiB (read ahead here,
    /// hence the `Result`: a read failure is [`Error::Io`]); a file whose first 64 KiB are
    /// plain ASCII is read as UTF-8. A byte-order mark of the chosen encoding is skipped.
    /// Errors and `lossy` work as in [`decode`](Decoder::decode): invalid UTF-8 or UTF-16 is
    /// an error naming `origin` and the byte offset, or with `lossy` one U+FFFD per invalid
    /// sequence, counted by [`Lines::replacements`]. The iterator ends after an error.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when reading ahead fails.
    ///
    /// ```
    /// # #[cfg(feature = "encodings")] { // the legacy code pages need it
    /// use slovo::{Charset, Decoder, Encoding};
    ///
    /// let auto = Decoder::builder().encoding(Encoding::Auto).build()?;
    /// let cp1251: &[u8] = b"\xcf\xf0\xe8\xe2\xe5\xf2\r\n\xec\xe8\xf0\n"; // "Привет\r\nмир\n"
    /// let mut lines = auto.read_lines(cp1251, "-")?;
    /// assert_eq!(lines.encoding(), Charset::Windows1251);
    /// assert!(lines.detected());
    /// let lines: Vec<String> = lines.collect::<Result<_, _>>().unwrap();
    /// assert_eq!(lines, ["Привет", "мир"]);
    ///
    /// let utf16: Vec<u8> = "да\nнет".encode_utf16().flat_map(u16::to_le_bytes).collect();
    /// let utf16_decoder = Decoder::builder().encoding(Encoding::Utf16).build()?;
    /// let lines: Vec<String> = utf16_decoder
    ///     .read_lines(utf16.as_slice(), "-")?
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(lines, ["да", "нет"]);
    ///
    /// let lossy = Decoder::builder().lossy(true).build()?;
    /// let mut lines = lossy.read_lines(&b"a\xffb\n"[..], "-")?;
    /// assert_eq!(lines.next().unwrap()?, "a\u{FFFD}b");
    /// assert_eq!(lines.replacements(), 1);
    /// # }
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn read_lines<R: BufRead>(
        &self,
        mut reader: R,
        origin: impl AsRef<Path>,
    ) -> Result<Lines<R>> {
        let options = self;
        let origin = origin.as_ref().to_path_buf();
        // Detection and UTF-16 byte order need a look at the start, a byte-order mark only
        // three bytes; what is read ahead is replayed before the rest.
        let look_ahead = match options.encoding() {
            Encoding::Auto | Encoding::Utf16 => SNIFF_LIMIT,
            _ => 3,
        };
        let mut prefix = Vec::new();
        (&mut reader)
            .take(look_ahead as u64)
            .read_to_end(&mut prefix)
            .map_err(|source| Error::Io {
                path: origin.clone(),
                source,
            })?;
        let more_follows = prefix.len() == look_ahead;
        let (charset, detected) = match options.encoding() {
            Encoding::Auto => (detect_prefix(&prefix, more_follows), true),
            Encoding::Utf8 => (Charset::Utf8, false),
            Encoding::Utf16 => (utf16_byte_order(&prefix), false),
            Encoding::Windows1251 => (Charset::Windows1251, false),
            Encoding::Koi8R => (Charset::Koi8R, false),
            Encoding::Ibm866 => (Charset::Ibm866, false),
        };
        #[cfg(not(feature = "encodings"))]
        if charset != Charset::Utf8 {
            return Err(crate::input::encoding::legacy_needs_feature(
                charset, detected, &origin,
            ));
        }
        let mut lines = Lines::new(reader, origin, charset, detected, options.lossy(), prefix);
        lines.skip_bom();
        Ok(lines)
    }
}

/// The iterator returned by [`read_lines`] and [`Decoder::read_lines`].
///
/// ```
/// let mut lines: slovo::Lines<&[u8]> = slovo::read_lines("a\nb".as_bytes(), "-");
/// assert_eq!(lines.next().unwrap().unwrap(), "a");
/// assert_eq!(lines.byte_offset(), 2);
/// ```
pub struct Lines<R> {
    reader: R,
    origin: PathBuf,
    offset: usize,
    done: bool,
    charset: Charset,
    detected: bool,
    lossy: bool,
    replacements: usize,
    /// Bytes read ahead (for detection), served before `reader`.
    prefix: Vec<u8>,
    prefix_pos: usize,
    /// For UTF-16, where lines cannot be cut on bytes: the streaming decoder's state.
    #[cfg(feature = "encodings")]
    utf16: Option<Box<Utf16State>>,
}

/// Text decoded from UTF-16 but not yet returned as lines.
#[cfg(feature = "encodings")]
struct Utf16State {
    decoder: encoding_rs::Decoder,
    text: String,
    /// Where the next line starts in `text`.
    start: usize,
    /// `text[start..searched]` holds no `\n`.
    searched: usize,
    eof: bool,
}

impl<R> fmt::Debug for Lines<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lines")
            .field("origin", &self.origin)
            .field("encoding", &self.charset)
            .field("byte_offset", &self.offset)
            .field("replacements", &self.replacements)
            .finish_non_exhaustive()
    }
}

impl<R> Lines<R> {
    fn new(
        reader: R,
        origin: PathBuf,
        charset: Charset,
        detected: bool,
        lossy: bool,
        prefix: Vec<u8>,
    ) -> Self {
        #[cfg(feature = "encodings")]
        let utf16 = matches!(charset, Charset::Utf16Le | Charset::Utf16Be).then(|| {
            Box::new(Utf16State {
                decoder: charset.table().new_decoder_without_bom_handling(),
                text: String::new(),
                start: 0,
                searched: 0,
                eof: false,
            })
        });
        Lines {
            reader,
            origin,
            offset: 0,
            done: false,
            charset,
            detected,
            lossy,
            replacements: 0,
            prefix,
            prefix_pos: 0,
            #[cfg(feature = "encodings")]
            utf16,
        }
    }

    /// Byte offset in the stream just past the last line read (including its newline).
    ///
    /// For UTF-16 it is the offset up to which bytes have been decoded, which can run
    /// ahead of the last line returned.
    ///
    /// ```
    /// let mut lines = slovo::read_lines("да\nнет\n".as_bytes(), "-");
    /// lines.next();
    /// assert_eq!(lines.byte_offset(), 5);
    /// ```
    pub fn byte_offset(&self) -> usize {
        self.offset
    }

    /// The encoding the stream is read as (detected, or the one given).
    ///
    /// ```
    /// let lines = slovo::read_lines("да".as_bytes(), "-");
    /// assert_eq!(lines.encoding(), slovo::Charset::Utf8);
    /// ```
    pub fn encoding(&self) -> Charset {
        self.charset
    }

    /// `true` when the encoding was detected ([`Encoding::Auto`]) rather than given.
    ///
    /// ```
    /// assert!(!slovo::read_lines("да".as_bytes(), "-").detected());
    /// ```
    pub fn detected(&self) -> bool {
        self.detected
    }

    /// How many invalid sequences have been replaced with U+FFFD so far (only ever
    /// non-zero when reading lossily).
    ///
    /// ```
    /// let lossy = slovo::Decoder::builder().lossy(true).build()?;
    /// let mut lines = lossy.read_lines(&b"\xff\xfe\n"[..], "-")?;
    /// assert_eq!(lines.next().unwrap().unwrap(), "\u{FFFD}\u{FFFD}");
    /// assert_eq!(lines.replacements(), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn replacements(&self) -> usize {
        self.replacements
    }
}

impl<R> Lines<R> {
    /// Drops a byte-order mark of the stream's own encoding.
    fn skip_bom(&mut self) {
        if let Some((charset, len)) = bom(&self.prefix) {
            if charset == self.charset {
                self.prefix_pos = len;
                self.offset = len;
            }
        }
    }
}

impl<R: BufRead> Lines<R> {
    /// Reads raw bytes up to and including the next `\n` (read-ahead bytes first).
    fn read_raw_line(&mut self, line: &mut Vec<u8>) -> std::io::Result<usize> {
        let ahead = &self.prefix[self.prefix_pos..];
        if !ahead.is_empty() {
            if let Some(newline) = ahead.iter().position(|&b| b == b'\n') {
                try_extend(line, &ahead[..=newline])?;
                self.prefix_pos += newline + 1;
                return Ok(newline + 1);
            }
            try_extend(line, ahead)?;
            let taken = ahead.len();
            self.prefix = Vec::new();
            self.prefix_pos = 0;
            return Ok(taken + read_until_newline(&mut self.reader, line)?);
        }
        read_until_newline(&mut self.reader, line)
    }

    fn io_error(&mut self, source: std::io::Error) -> Error {
        self.done = true;
        Error::Io {
            path: self.origin.clone(),
            source,
        }
    }

    /// One line of an encoding in which `\n` is the byte 0x0A and never part of another
    /// character (UTF-8 and the single-byte code pages).
    fn next_byte_line(&mut self) -> Option<Result<String>> {
        let mut line = Vec::new();
        let read = match self.read_raw_line(&mut line) {
            Ok(0) => {
                self.done = true;
                return None;
            }
            Ok(n) => n,
            Err(source) => return Some(Err(self.io_error(source))),
        };
        let start = self.offset;
        self.offset += read;
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        if self.charset != Charset::Utf8 {
            // The single-byte tables map every byte: nothing to report.
            #[cfg(feature = "encodings")]
            let (text, _) = self.charset.table().decode_without_bom_handling(&line);
            #[cfg(feature = "encodings")]
            return Some(Ok(text.into_owned()));
            // Not reached: `Decoder::read_lines` refuses these charsets without the feature.
            #[cfg(not(feature = "encodings"))]
            {
                self.done = true;
                return Some(Err(crate::input::encoding::legacy_needs_feature(
                    self.charset,
                    self.detected,
                    &self.origin,
                )));
            }
        }
        match String::from_utf8(line) {
            Ok(text) => Some(Ok(text)),
            Err(e) if !self.lossy => {
                self.done = true;
                Some(Err(Error::InvalidUtf8 {
                    path: self.origin.clone(),
                    offset: start + e.utf8_error().valid_up_to(),
                }))
            }
            Err(e) => {
                let bytes = e.into_bytes();
                let mut text = String::new();
                if text.try_reserve(bytes.len() + 8).is_err() {
                    self.done = true;
                    return Some(Err(Error::Io {
                        path: self.origin.clone(),
                        source: std::io::Error::new(
                            std::io::ErrorKind::OutOfMemory,
                            format!("out of memory decoding a line of {} bytes", bytes.len()),
                        ),
                    }));
                }
                for chunk in bytes.utf8_chunks() {
                    text.push_str(chunk.valid());
                    if !chunk.invalid().is_empty() {
                        text.push(char::REPLACEMENT_CHARACTER);
                        self.replacements += 1;
                    }
                }
                Some(Ok(text))
            }
        }
    }

    /// One line of UTF-16: decode chunks until the text holds a `\n` or input ends.
    #[cfg(feature = "encodings")]
    fn next_utf16_line(&mut self) -> Option<Result<String>> {
        use encoding_rs::DecoderResult;

        let state = self.utf16.as_mut()?;
        loop {
            if let Some(pos) = state.text[state.searched..].find('\n') {
                let end = state.searched + pos;
                let line = state.text[state.start..end]
                    .strip_suffix('\r')
                    .unwrap_or(&state.text[state.start..end])
                    .to_owned();
                state.start = end + 1;
                state.searched = state.start;
                return Some(Ok(line));
            }
            state.searched = state.text.len();
            if state.eof {
                self.done = true;
                if state.start < state.text.len() {
                    let line = state.text[state.start..].to_owned();
                    state.start = state.text.len();
                    return Some(Ok(line));
                }
                return None;
            }
            // Keep only the unfinished line before decoding more.
            state.text.drain(..state.start);
            state.searched -= state.start;
            state.start = 0;

            let from_prefix = self.prefix_pos < self.prefix.len();
            let chunk: &[u8] = if from_prefix {
                &self.prefix[self.prefix_pos..]
            } else {
                match self.reader.fill_buf() {
                    Ok(chunk) => chunk,
                    Err(source) => {
                        self.done = true;
                        return Some(Err(Error::Io {
                            path: self.origin.clone(),
                            source,
                        }));
                    }
                }
            };
            let last = chunk.is_empty();
            let room = state
                .decoder
                .max_utf8_buffer_length_without_replacement(chunk.len())
                .unwrap_or(chunk.len() * 3);
            if state.text.try_reserve(room.max(4)).is_err() {
                self.done = true;
                return Some(Err(Error::Io {
                    path: self.origin.clone(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::OutOfMemory,
                        format!(
                            "out of memory holding a line of more than {} bytes",
                            state.text.len()
                        ),
                    ),
                }));
            }
            let (result, read) =
                state
                    .decoder
                    .decode_to_string_without_replacement(chunk, &mut state.text, last);
            if from_prefix {
                self.prefix_pos += read;
                if self.prefix_pos == self.prefix.len() {
                    self.prefix = Vec::new();
                    self.prefix_pos = 0;
                }
            } else {
                self.reader.consume(read);
            }
            self.offset += read;
            match result {
                DecoderResult::InputEmpty => state.eof = last,
                DecoderResult::OutputFull => {}
                DecoderResult::Malformed(bad, after) => {
                    if !self.lossy {
                        self.done = true;
                        let offset = self
                            .offset
                            .saturating_sub(usize::from(bad) + usize::from(after));
                        return Some(Err(Error::InvalidUtf16 {
                            path: self.origin.clone(),
                            offset,
                        }));
                    }
                    state.text.push(char::REPLACEMENT_CHARACTER);
                    self.replacements += 1;
                }
            }
        }
    }
}

/// Appends `bytes` to `line`, failing with [`std::io::ErrorKind::OutOfMemory`] instead of
/// aborting the process when the line cannot grow (a line of gigabytes, `/dev/zero`).
fn try_extend(line: &mut Vec<u8>, bytes: &[u8]) -> std::io::Result<()> {
    if line.capacity() - line.len() < bytes.len() {
        // Doubling, as `Vec` grows, but fallibly.
        let want = bytes.len().max(line.len());
        line.try_reserve(want).map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::OutOfMemory,
                format!(
                    "out of memory holding a line of more than {} bytes",
                    line.len() + bytes.len()
                ),
            )
        })?;
    }
    line.extend_from_slice(bytes);
    Ok(())
}

/// `BufRead::read_until(b'\n', line)` with [`try_extend`]'s fallible growth.
fn read_until_newline<R: BufRead>(reader: &mut R, line: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(read);
        }
        let (taken, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        try_extend(line, &chunk[..taken])?;
        reader.consume(taken);
        read += taken;
        if done {
            return Ok(read);
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<String>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        #[cfg(feature = "encodings")]
        if self.utf16.is_some() {
            return self.next_utf16_line();
        }
        self.next_byte_line()
    }
}

impl<R: BufRead> std::iter::FusedIterator for Lines<R> {}
