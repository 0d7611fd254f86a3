//! Reading Russian text in legacy encodings: choose or detect the encoding, decode it,
//! say which one was used and how many bytes had to be replaced.
//!
//! Decoding is done by [`encoding_rs`] (the WHATWG tables browsers use); detection is
//! ours: byte-order marks, the byte pattern of UTF-16, UTF-8 validity, and for the
//! single-byte Cyrillic code pages a Russian letter-bigram score.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::input::ru_stats::{russian_letter, Scorer};

/// Which encoding to read text in: one fixed encoding, or [`Encoding::Auto`] to detect it.
///
/// Parses from the names the CLI's `--encoding` takes (`auto`, `utf-8`, `utf-16`,
/// `windows-1251`, `koi8-r`, `ibm866`) and common aliases (`utf8`, `cp1251`, `win-1251`,
/// `koi8`, `cp866`, `dos`, …), case-insensitively. The default is UTF-8.
///
/// The three code pages carry Russian, not every Cyrillic language: Kazakh `ұ қ ә`
/// have no byte in any of them, and KOI8-R and IBM866 also lack `« » —`. Text saved
/// in them has already lost those characters (converters usually write `?`);
/// decoding cannot bring them back.
///
/// ```
/// use slovo::Encoding;
///
/// assert_eq!("CP1251".parse::<Encoding>().unwrap(), Encoding::Windows1251);
/// assert_eq!("koi8r".parse::<Encoding>().unwrap(), Encoding::Koi8R);
/// assert_eq!(Encoding::Ibm866.to_string(), "ibm866");
/// assert_eq!(Encoding::default(), Encoding::Utf8);
///
/// let err = "latin-1".parse::<Encoding>().unwrap_err();
/// assert!(err.to_string().contains("windows-1251"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Encoding {
    /// Detect: byte-order mark, then UTF-16 byte pattern, then UTF-8 validity, then the
    /// single-byte code page whose letters look most like Russian.
    Auto,
    /// UTF-8 (a leading byte-order mark is skipped).
    #[default]
    Utf8,
    /// UTF-16; byte order from the byte-order mark, else guessed from the byte pattern,
    /// else little-endian.
    Utf16,
    /// Windows-1251 (cp1251), the Windows Cyrillic code page.
    Windows1251,
    /// KOI8-R, the Unix/mail Cyrillic code page.
    Koi8R,
    /// IBM866 (cp866), the DOS Cyrillic code page.
    Ibm866,
}

/// Names accepted by `Encoding::from_str`, in lower case: (name, encoding).
const ENCODING_NAMES: &[(&str, Encoding)] = &[
    ("auto", Encoding::Auto),
    ("detect", Encoding::Auto),
    ("utf-8", Encoding::Utf8),
    ("utf8", Encoding::Utf8),
    ("utf-16", Encoding::Utf16),
    ("utf16", Encoding::Utf16),
    ("windows-1251", Encoding::Windows1251),
    ("windows1251", Encoding::Windows1251),
    ("cp1251", Encoding::Windows1251),
    ("cp-1251", Encoding::Windows1251),
    ("win-1251", Encoding::Windows1251),
    ("win1251", Encoding::Windows1251),
    ("x-cp1251", Encoding::Windows1251),
    ("1251", Encoding::Windows1251),
    ("koi8-r", Encoding::Koi8R),
    ("koi8r", Encoding::Koi8R),
    ("koi8", Encoding::Koi8R),
    ("cskoi8r", Encoding::Koi8R),
    ("ibm866", Encoding::Ibm866),
    ("ibm-866", Encoding::Ibm866),
    ("cp866", Encoding::Ibm866),
    ("cp-866", Encoding::Ibm866),
    ("866", Encoding::Ibm866),
    ("dos-866", Encoding::Ibm866),
    ("dos", Encoding::Ibm866),
    ("csibm866", Encoding::Ibm866),
];

impl Encoding {
    /// Every choice, in the order the CLI lists them.
    ///
    /// ```
    /// let names: Vec<&str> = slovo::Encoding::ALL.iter().map(|e| e.as_str()).collect();
    /// assert_eq!(names, ["auto", "utf-8", "utf-16", "windows-1251", "koi8-r", "ibm866"]);
    /// ```
    pub const ALL: [Encoding; 6] = [
        Encoding::Auto,
        Encoding::Utf8,
        Encoding::Utf16,
        Encoding::Windows1251,
        Encoding::Koi8R,
        Encoding::Ibm866,
    ];

    /// The canonical name, as `--encoding` takes it.
    ///
    /// ```
    /// assert_eq!(slovo::Encoding::Koi8R.as_str(), "koi8-r");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Windows1251 => "windows-1251",
            Encoding::Koi8R => "koi8-r",
            Encoding::Ibm866 => "ibm866",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Encoding {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self> {
        let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
        ENCODING_NAMES
            .iter()
            .find(|(alias, _)| *alias == wanted)
            .map(|&(_, encoding)| encoding)
            .ok_or_else(|| Error::UnknownEncoding {
                name: name.to_owned(),
                expected: Encoding::ALL
                    .iter()
                    .map(|e| e.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// The concrete encoding text was decoded from (what [`Encoding::Auto`] chose, or the
/// byte order [`Encoding::Utf16`] found).
///
/// ```
/// use slovo::{Charset, Encoding};
///
/// assert_eq!(Charset::Utf16Be.as_str(), "utf-16be");
/// assert_eq!(Charset::Utf16Be.encoding(), Encoding::Utf16);
/// assert_eq!(Charset::Koi8R.to_string(), "koi8-r");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Charset {
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1251.
    Windows1251,
    /// KOI8-R.
    Koi8R,
    /// IBM866.
    Ibm866,
}

impl Charset {
    /// Every charset, in declaration order.
    ///
    /// ```
    /// let names: Vec<&str> = slovo::Charset::ALL.iter().map(|c| c.as_str()).collect();
    /// assert_eq!(names, ["utf-8", "utf-16le", "utf-16be", "windows-1251", "koi8-r", "ibm866"]);
    /// ```
    pub const ALL: [Charset; 6] = [
        Charset::Utf8,
        Charset::Utf16Le,
        Charset::Utf16Be,
        Charset::Windows1251,
        Charset::Koi8R,
        Charset::Ibm866,
    ];

    /// The name, as the CLI reports it (`utf-16le`, `windows-1251`, …).
    ///
    /// ```
    /// assert_eq!(slovo::Charset::Windows1251.as_str(), "windows-1251");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Charset::Utf8 => "utf-8",
            Charset::Utf16Le => "utf-16le",
            Charset::Utf16Be => "utf-16be",
            Charset::Windows1251 => "windows-1251",
            Charset::Koi8R => "koi8-r",
            Charset::Ibm866 => "ibm866",
        }
    }

    /// The [`Encoding`] choice that reads exactly this charset.
    ///
    /// ```
    /// assert_eq!(slovo::Charset::Ibm866.encoding(), slovo::Encoding::Ibm866);
    /// ```
    #[must_use]
    pub const fn encoding(self) -> Encoding {
        match self {
            Charset::Utf8 => Encoding::Utf8,
            Charset::Utf16Le | Charset::Utf16Be => Encoding::Utf16,
            Charset::Windows1251 => Encoding::Windows1251,
            Charset::Koi8R => Encoding::Koi8R,
            Charset::Ibm866 => Encoding::Ibm866,
        }
    }

    #[cfg(feature = "encodings")]
    pub(crate) fn table(self) -> &'static encoding_rs::Encoding {
        match self {
            Charset::Utf8 => encoding_rs::UTF_8,
            Charset::Utf16Le => encoding_rs::UTF_16LE,
            Charset::Utf16Be => encoding_rs::UTF_16BE,
            Charset::Windows1251 => encoding_rs::WINDOWS_1251,
            Charset::Koi8R => encoding_rs::KOI8_R,
            Charset::Ibm866 => encoding_rs::IBM866,
        }
    }
}

impl fmt::Display for Charset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Turns bytes into text: which [`Encoding`] to read (or [`Encoding::Auto`] to detect it),
/// and whether invalid bytes are an error (the default) or replaced with U+FFFD (`lossy`).
///
/// Maps one-to-one onto the CLI's `--encoding NAME` and `--lossy`. [`Decoder::new`]
/// reads strict UTF-8; [`Decoder::builder`] chooses.
///
/// ```
/// # #[cfg(feature = "encodings")] { // the legacy code pages need it
/// use slovo::{Decoder, Encoding};
///
/// let decoder = Decoder::builder().encoding(Encoding::Auto).lossy(true).build()?;
/// assert_eq!((decoder.encoding(), decoder.lossy()), (Encoding::Auto, true));
/// assert_eq!(Decoder::new().encoding(), Encoding::Utf8);
///
/// let bytes = b"\xcf\xf0\xe8\xe2\xe5\xf2"; // "Привет" in cp1251
/// assert_eq!(decoder.decode(bytes, "-")?.text, "Привет");
/// # }
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decoder {
    encoding: Encoding,
    lossy: bool,
}

/// Builds a [`Decoder`]; see [`Decoder::builder`].
///
/// ```
/// # #[cfg(feature = "encodings")] { // the legacy code pages need it
/// use slovo::{Decoder, Encoding};
///
/// let decoder = Decoder::builder().encoding(Encoding::Koi8R).build()?;
/// assert_eq!(decoder.decode(b"\xf0\xd2\xc9\xd7\xc5\xd4", "-")?.text, "Привет");
/// # }
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct DecoderBuilder {
    config: Decoder,
}

impl DecoderBuilder {
    /// The encoding to read, or [`Encoding::Auto`] to detect it (default UTF-8).
    ///
    /// ```
    /// let d = slovo::Decoder::builder().encoding(slovo::Encoding::Auto).build()?;
    /// assert_eq!(d.encoding(), slovo::Encoding::Auto);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.config.encoding = encoding;
        self
    }

    /// Replace invalid sequences with U+FFFD and count them
    /// ([`Decoded::replacements`]), instead of failing (default `false`).
    ///
    /// ```
    /// let d = slovo::Decoder::builder().lossy(true).build()?;
    /// assert_eq!(d.decode(b"ok\xff".to_vec(), "-")?.text, "ok\u{FFFD}");
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn lossy(mut self, lossy: bool) -> Self {
        self.config.lossy = lossy;
        self
    }

    /// The decoder.
    ///
    /// # Errors
    ///
    /// [`Error::MissingFeature`] for an encoding other than UTF-8 and `Auto` in a build
    /// without the `encodings` feature (which brings `encoding_rs`).
    ///
    /// ```
    /// assert_eq!(slovo::Decoder::builder().build()?, slovo::Decoder::new());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn build(self) -> Result<Decoder> {
        #[cfg(not(feature = "encodings"))]
        if !matches!(self.config.encoding, Encoding::Utf8 | Encoding::Auto) {
            return Err(Error::MissingFeature {
                feature: "encodings",
                what: format!("decoding {}", self.config.encoding),
            });
        }
        Ok(self.config)
    }
}

impl Decoder {
    /// Strict UTF-8 (same as [`Decoder::default`]).
    ///
    /// ```
    /// let decoder = slovo::Decoder::new();
    /// assert!(!decoder.lossy());
    /// assert!(decoder.decode(b"\xff".to_vec(), "-").is_err());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Decoder {
            encoding: Encoding::Utf8,
            lossy: false,
        }
    }

    /// Starts from the defaults (strict UTF-8) and changes what you name.
    ///
    /// ```
    /// # #[cfg(feature = "encodings")] { // the legacy code pages need it
    /// let d = slovo::Decoder::builder().encoding(slovo::Encoding::Ibm866).build()?;
    /// assert_eq!(d.encoding(), slovo::Encoding::Ibm866);
    /// # }
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn builder() -> DecoderBuilder {
        DecoderBuilder::default()
    }

    /// A builder preset to this decoder's options.
    ///
    /// ```
    /// let strict = slovo::Decoder::builder().encoding(slovo::Encoding::Auto).build()?;
    /// let lossy = strict.to_builder().lossy(true).build()?;
    /// assert_eq!((lossy.encoding(), lossy.lossy()), (slovo::Encoding::Auto, true));
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_builder(&self) -> DecoderBuilder {
        DecoderBuilder { config: *self }
    }

    /// The encoding it reads, or [`Encoding::Auto`].
    ///
    /// ```
    /// assert_eq!(slovo::Decoder::new().encoding(), slovo::Encoding::Utf8);
    /// ```
    #[must_use]
    pub const fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Whether invalid sequences are replaced instead of failing.
    ///
    /// ```
    /// assert!(!slovo::Decoder::new().lossy());
    /// ```
    #[must_use]
    pub const fn lossy(&self) -> bool {
        self.lossy
    }

    /// Decodes `bytes`.
    ///
    /// `origin` names the source in errors (a path, or `-` for standard input). When not
    /// lossy, invalid UTF-8 is [`Error::InvalidUtf8`] and invalid UTF-16
    /// [`Error::InvalidUtf16`], each with the byte offset (counted in the input, byte-order
    /// mark included). The single-byte code pages map every byte, so they never fail.
    /// Valid UTF-8 is taken over without copying.
    ///
    /// # Errors
    ///
    /// As above.
    ///
    /// ```
    /// # #[cfg(feature = "encodings")] { // the legacy code pages need it
    /// use slovo::{Decoder, Encoding, Error};
    ///
    /// let strict = Decoder::new();
    /// let err = strict.decode(b"ok\xff".to_vec(), "in.txt").unwrap_err();
    /// assert!(matches!(err, Error::InvalidUtf8 { offset: 2, .. }));
    ///
    /// let lossy = strict.to_builder().lossy(true).build()?.decode(b"ok\xff".to_vec(), "in.txt")?;
    /// assert_eq!((lossy.text.as_str(), lossy.replacements), ("ok\u{FFFD}", 1));
    ///
    /// let koi = Decoder::builder().encoding(Encoding::Koi8R).build()?;
    /// assert_eq!(koi.decode(b"\xf0\xd2\xc9\xd7\xc5\xd4", "-")?.text, "Привет");
    /// # }
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn decode(&self, bytes: impl Into<Vec<u8>>, origin: impl AsRef<Path>) -> Result<Decoded> {
        decode(bytes, self, origin)
    }

    /// Reads a whole file and decodes it.
    ///
    /// # Errors
    ///
    /// A missing or unreadable file gives [`Error::Io`]; decoding errors are those of
    /// [`decode`](Self::decode), naming the file.
    ///
    /// ```
    /// # #[cfg(feature = "encodings")] { // the legacy code pages need it
    /// use slovo::{Decoder, Encoding};
    ///
    /// let path = std::env::temp_dir().join("slovo-doc-read_text_with.txt");
    /// std::fs::write(&path, b"\xcf\xf0\xe8\xe2\xe5\xf2").unwrap(); // cp1251
    /// let decoded = Decoder::builder().encoding(Encoding::Auto).build()?.read_text(&path)?;
    /// assert_eq!(decoded.text, "Привет");
    /// assert_eq!(decoded.encoding.as_str(), "windows-1251");
    /// # std::fs::remove_file(&path).ok();
    /// # }
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn read_text(&self, path: impl AsRef<Path>) -> Result<Decoded> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        decode(bytes, self, path)
    }

    /// Reads everything from `reader` (for example standard input) and decodes it.
    ///
    /// `origin` names the source in errors (`-` for standard input).
    ///
    /// # Errors
    ///
    /// A read failure is [`Error::Io`]; decoding errors are those of
    /// [`decode`](Self::decode).
    ///
    /// ```
    /// use slovo::{Decoder, Encoding};
    ///
    /// let input: &[u8] = b"\xef\xbb\xbf\xd0\xb4\xd0\xb0"; // UTF-8 with a byte-order mark
    /// let decoded = Decoder::builder().encoding(Encoding::Auto).build()?.decode_reader(input, "-")?;
    /// assert_eq!(decoded.text, "да");
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn decode_reader(
        &self,
        mut reader: impl Read,
        origin: impl AsRef<Path>,
    ) -> Result<Decoded> {
        let origin = origin.as_ref();
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(|source| Error::Io {
            path: origin.to_path_buf(),
            source,
        })?;
        decode(bytes, self, origin)
    }
}

/// Decoded text and how it was decoded.
///
/// ```
/// # #[cfg(feature = "encodings")] { // the legacy code pages need it
/// use slovo::{Charset, Decoder, Encoding};
///
/// let bytes = b"\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0!"; // "Привет, мир!" in cp1251
/// let decoded = Decoder::builder().encoding(Encoding::Auto).build()?.decode(bytes, "-")?;
/// assert_eq!(decoded.text, "Привет, мир!");
/// assert_eq!(decoded.encoding, Charset::Windows1251);
/// assert!(decoded.detected);
/// assert_eq!(decoded.replacements, 0);
/// # }
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding the bytes were read as.
    pub encoding: Charset,
    /// `true` when the encoding was detected ([`Encoding::Auto`]) rather than given.
    pub detected: bool,
    /// How many invalid sequences were replaced with U+FFFD (only ever non-zero when
    /// decoding lossily).
    pub replacements: usize,
}

/// Guesses the encoding of `bytes`.
///
/// In order: a byte-order mark (UTF-8, UTF-16LE/BE); the UTF-16 pattern (one byte of
/// each pair almost always `00` or `04`, as in Latin and Cyrillic text); UTF-8 if the
/// bytes are valid UTF-8 — or are mostly well-formed multi-byte sequences with a few
/// broken ones; otherwise whichever of windows-1251, KOI8-R and IBM866 makes the bytes
/// read most like Russian (letter-bigram score over the first 64 KiB; ties go to
/// windows-1251). Pure ASCII is UTF-8.
///
/// ```
/// use slovo::{detect_encoding, Charset};
///
/// assert_eq!(detect_encoding("Привет".as_bytes()), Charset::Utf8);
/// assert_eq!(detect_encoding(b"\xf0\xd2\xc9\xd7\xc5\xd4 \xcd\xc9\xd2"), Charset::Koi8R);
/// assert_eq!(detect_encoding(b"\x8f\xe0\xa8\xa2\xa5\xe2 \xac\xa8\xe0"), Charset::Ibm866);
/// assert_eq!(detect_encoding(b"\x1f\x04\x40\x04\x38\x04"), Charset::Utf16Le);
/// ```
#[must_use]
pub fn detect_encoding(bytes: &[u8]) -> Charset {
    detect_prefix(bytes, false)
}

/// [`detect_encoding`] on the first bytes of a longer stream when `more_follows`: a
/// multi-byte sequence cut off at the end is then not held against UTF-8.
pub(crate) fn detect_prefix(bytes: &[u8], more_follows: bool) -> Charset {
    if let Some((charset, _)) = bom(bytes) {
        return charset;
    }
    if let Some(charset) = utf16_pattern(bytes) {
        return charset;
    }
    if looks_like_utf8(bytes, more_follows) {
        return Charset::Utf8;
    }
    best_single_byte(bytes)
}

/// Decodes `bytes` as `options` say ([`Decoder::decode`]).
fn decode(
    bytes: impl Into<Vec<u8>>,
    options: &Decoder,
    origin: impl AsRef<Path>,
) -> Result<Decoded> {
    let bytes = bytes.into();
    let (charset, detected) = match options.encoding {
        Encoding::Auto => (detect_encoding(&bytes), true),
        Encoding::Utf8 => (Charset::Utf8, false),
        Encoding::Utf16 => (utf16_byte_order(&bytes), false),
        Encoding::Windows1251 => (Charset::Windows1251, false),
        Encoding::Koi8R => (Charset::Koi8R, false),
        Encoding::Ibm866 => (Charset::Ibm866, false),
    };
    let origin = origin.as_ref();
    let (text, replacements) = match charset {
        Charset::Utf8 => decode_utf8_bytes(bytes, options.lossy, origin)?,
        #[cfg(feature = "encodings")]
        _ => decode_table(charset, &bytes, options.lossy, origin)?,
        #[cfg(not(feature = "encodings"))]
        _ => return Err(legacy_needs_feature(charset, detected, origin)),
    };
    Ok(Decoded {
        text,
        encoding: charset,
        detected,
        replacements,
    })
}

// ---------------------------------------------------------------------------------
// Decoding

/// UTF-8: zero-copy when valid; otherwise an error or a lossy copy.
fn decode_utf8_bytes(mut bytes: Vec<u8>, lossy: bool, origin: &Path) -> Result<(String, usize)> {
    let skip = if bytes.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    match std::str::from_utf8(&bytes[skip..]) {
        Ok(_) => {
            bytes.drain(..skip);
            // Just validated; from_utf8 cannot fail here, but stay total anyway.
            let text = String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            Ok((text, 0))
        }
        Err(e) if !lossy => Err(Error::InvalidUtf8 {
            path: origin.to_path_buf(),
            offset: skip + e.valid_up_to(),
        }),
        Err(_) => {
            let mut text = String::with_capacity(bytes.len() - skip + 16);
            let mut replacements = 0;
            for chunk in bytes[skip..].utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    text.push(char::REPLACEMENT_CHARACTER);
                    replacements += 1;
                }
            }
            Ok((text, replacements))
        }
    }
}

/// UTF-16 and the single-byte tables, through `encoding_rs`'s streaming decoder so
/// malformed input can be located and counted.
#[cfg(feature = "encodings")]
fn decode_table(
    charset: Charset,
    bytes: &[u8],
    lossy: bool,
    origin: &Path,
) -> Result<(String, usize)> {
    use encoding_rs::DecoderResult;

    let skip = match bom(bytes) {
        Some((found, len)) if found == charset => len,
        _ => 0,
    };
    let input = &bytes[skip..];
    let mut decoder = charset.table().new_decoder_without_bom_handling();
    // encoding_rs touches every page of the spare capacity it is given, so a worst-case
    // reservation (3× the input) would all become resident: reserve what the text needs.
    let mut text = String::with_capacity(decoded_len_estimate(charset, input));
    let mut replacements = 0;
    let mut read = 0;
    loop {
        let (result, consumed) =
            decoder.decode_to_string_without_replacement(&input[read..], &mut text, true);
        read += consumed;
        match result {
            DecoderResult::InputEmpty => return Ok((text, replacements)),
            DecoderResult::OutputFull => {
                // The decoder wants room for a worst-case character near the end, or
                // the UTF-16 estimate was short (text outside Latin and Cyrillic): add
                // exactly the worst case for the rest, not a doubling.
                let rest = input.len() - read;
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(rest)
                    .unwrap_or(rest);
                text.reserve_exact(more.max(16));
            }
            DecoderResult::Malformed(bad, after) => {
                if !lossy {
                    let offset = skip + read.saturating_sub(usize::from(bad) + usize::from(after));
                    let path = origin.to_path_buf();
                    return Err(match charset {
                        Charset::Utf8 => Error::InvalidUtf8 { path, offset },
                        _ => Error::InvalidUtf16 { path, offset },
                    });
                }
                text.push(char::REPLACEMENT_CHARACTER);
                replacements += 1;
            }
        }
    }
}

/// The UTF-8 length of `input` decoded from `charset`: exact for the single-byte code
/// pages; for UTF-16 the input's length, exact for Cyrillic (two bytes either way) and
/// generous for ASCII.
#[cfg(feature = "encodings")]
fn decoded_len_estimate(charset: Charset, input: &[u8]) -> usize {
    match charset {
        Charset::Windows1251 | Charset::Koi8R | Charset::Ibm866 => {
            let high = high_half(charset);
            let mut extra = [0usize; 128];
            for (slot, c) in extra.iter_mut().zip(high) {
                *slot = c.len_utf8() - 1;
            }
            input.len()
                + input
                    .iter()
                    .filter(|&&b| b >= 0x80)
                    .map(|&b| extra[usize::from(b - 0x80)])
                    .sum::<usize>()
        }
        _ => input.len() + 16,
    }
}

// ---------------------------------------------------------------------------------
// Detection

/// The charset announced by a byte-order mark, and the mark's length.
pub(crate) fn bom(bytes: &[u8]) -> Option<(Charset, usize)> {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        Some((Charset::Utf8, 3))
    } else if bytes.starts_with(b"\xff\xfe") {
        Some((Charset::Utf16Le, 2))
    } else if bytes.starts_with(b"\xfe\xff") {
        Some((Charset::Utf16Be, 2))
    } else {
        None
    }
}

/// Byte order for explicit UTF-16: the mark, else the pattern, else little-endian.
pub(crate) fn utf16_byte_order(bytes: &[u8]) -> Charset {
    match bom(bytes) {
        Some((charset @ (Charset::Utf16Le | Charset::Utf16Be), _)) => charset,
        _ => utf16_pattern(bytes).unwrap_or(Charset::Utf16Le),
    }
}

/// How many bytes the structural checks look at.
pub(crate) const SNIFF_LIMIT: usize = 64 * 1024;

/// BOM-less UTF-16 of Latin or Cyrillic text: in nearly every code unit the high byte
/// is `00` (ASCII, Latin-1) or `04` (Cyrillic), or `20`/`21` (dashes, quotes, №).
/// No 8-bit text encoding produces `00`/`04` bytes, so this cannot fire on them.
fn utf16_pattern(bytes: &[u8]) -> Option<Charset> {
    let sample = &bytes[..bytes.len().min(SNIFF_LIMIT)];
    let units = sample.len() / 2;
    if units == 0 {
        return None;
    }
    let score = |high_first: bool| {
        let (mut textlike, mut core) = (0usize, 0usize);
        for pair in sample.chunks_exact(2) {
            let (high, low) = if high_first {
                (pair[0], pair[1])
            } else {
                (pair[1], pair[0])
            };
            match high {
                0x00 if low != 0 => {
                    textlike += 1;
                    core += 1;
                }
                0x04 => {
                    textlike += 1;
                    core += 1;
                }
                0x20 | 0x21 => textlike += 1,
                _ => {}
            }
        }
        // 90 % text-like units, at least half of them plain Latin/Cyrillic.
        textlike * 10 >= units * 9 && core * 2 >= units
    };
    match (score(false), score(true)) {
        (true, false) => Some(Charset::Utf16Le),
        (false, true) => Some(Charset::Utf16Be),
        _ => None,
    }
}

/// Valid UTF-8, or UTF-8 with a few damaged sequences: well-formed multi-byte
/// characters outnumber broken sequences 8 to 1. (In cp1251/KOI8-R text a well-formed
/// multi-byte sequence is a rare accident, and nearly every word is a broken one.)
fn looks_like_utf8(bytes: &[u8], more_follows: bool) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => return true,
        // Valid up to a sequence the end of the prefix cut off.
        Err(e) if more_follows && e.error_len().is_none() => return true,
        Err(_) => {}
    }
    let sample = &bytes[..bytes.len().min(SNIFF_LIMIT)];
    let (mut multibyte, mut broken) = (0usize, 0usize);
    let mut chunks = sample.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        // A sequence cut off by the sample's end is not evidence either way.
        let cut_at_end = chunks.peek().is_none() && (sample.len() < bytes.len() || more_follows);
        if !chunk.invalid().is_empty() && !cut_at_end {
            broken += 1;
        }
    }
    multibyte > 0 && broken * 8 <= multibyte
}

/// Cost added for a high byte that decodes to a symbol rare in Russian text (box
/// drawing, Serbian or Ukrainian letters …) — typical of the wrong code page.
const RARE_SYMBOL_COST: u32 = 40;

/// Non-letters above ASCII that real Russian text uses.
fn common_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{A0}'
            | '«'
            | '»'
            | '—'
            | '–'
            | '…'
            | '№'
            | '“'
            | '”'
            | '„'
            | '‘'
            | '’'
            | '•'
            | '·'
            | '°'
            | '§'
            | '©'
            | '±'
    )
}

/// Scores the candidate code pages on the first 64 KiB and keeps the cheapest.
fn best_single_byte(bytes: &[u8]) -> Charset {
    const CANDIDATES: [Charset; 3] = [Charset::Windows1251, Charset::Koi8R, Charset::Ibm866];
    let sample = &bytes[..bytes.len().min(SNIFF_LIMIT)];
    let mut best = (Charset::Windows1251, u64::MAX);
    for charset in CANDIDATES {
        let high = high_half(charset);
        let mut scorer = Scorer::default();
        let mut rare = 0u32;
        for &b in sample {
            if b < 0x80 {
                scorer.push(char::from(b));
                continue;
            }
            let c = high[usize::from(b - 0x80)];
            if russian_letter(c).is_none() && !common_symbol(c) {
                rare += RARE_SYMBOL_COST;
            }
            scorer.push(c);
        }
        scorer.boundary();
        let cost = u64::from(scorer.cost) + u64::from(rare);
        if cost < best.1 {
            best = (charset, cost);
        }
    }
    best.0
}

/// What bytes 0x80..=0xFF mean in a single-byte `charset`.
fn high_half(charset: Charset) -> [char; 128] {
    use crate::input::tables;
    let decoded = match charset {
        Charset::Windows1251 => tables::CP1251_HIGH,
        Charset::Koi8R => tables::KOI8_R_HIGH,
        Charset::Ibm866 => tables::IBM866_HIGH,
        // Only the single-byte code pages are scored.
        Charset::Utf8 | Charset::Utf16Le | Charset::Utf16Be => "",
    };
    let mut table = [char::REPLACEMENT_CHARACTER; 128];
    for (slot, c) in table.iter_mut().zip(decoded.chars()) {
        *slot = c;
    }
    table
}

/// The error for text in `charset` (other than UTF-8) in a build without `encodings`.
#[cfg(not(feature = "encodings"))]
pub(crate) fn legacy_needs_feature(charset: Charset, detected: bool, origin: &Path) -> Error {
    let how = if detected { "detected as" } else { "in" };
    Error::MissingFeature {
        feature: "encodings",
        what: format!("{}: text {how} {charset}", origin.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_byte_tables_map_every_byte() {
        for charset in [Charset::Windows1251, Charset::Koi8R, Charset::Ibm866] {
            let table = high_half(charset);
            assert_eq!(table.len(), 128);
            assert!(!table.contains(&char::REPLACEMENT_CHARACTER), "{charset}");
        }
    }

    #[test]
    fn aliases_parse_and_names_round_trip() {
        for e in Encoding::ALL {
            assert_eq!(e.as_str().parse::<Encoding>().unwrap(), e);
            assert_eq!(e.as_str().to_uppercase().parse::<Encoding>().unwrap(), e);
        }
        assert_eq!(
            "WINDOWS_1251".parse::<Encoding>().unwrap(),
            Encoding::Windows1251
        );
        assert!(matches!(
            "latin1".parse::<Encoding>(),
            Err(Error::UnknownEncoding { .. })
        ));
    }
}
