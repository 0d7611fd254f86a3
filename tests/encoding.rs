//! Encoding detection and decoding: re-encode real Russian text into each supported
//! encoding with `encoding_rs`, then check that `Encoding::Auto` names the right one
//! and gives the text back.

use slovo::{detect_encoding, Charset, Encoding, Error};

const SINGLE_BYTE: [Charset; 3] = [Charset::Windows1251, Charset::Koi8R, Charset::Ibm866];

fn fixture(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    slovo::read_text(&full).unwrap_or_else(|e| panic!("{e}"))
}

fn samples() -> Vec<(&'static str, String)> {
    vec![
        ("kazinform", fixture("examples/data/kazinform_eu_ru.txt")),
        ("pushkin", fixture("tests/data/pushkin_pikovaya_ch1.txt")),
    ]
}

fn table(charset: Charset) -> &'static encoding_rs::Encoding {
    match charset {
        Charset::Windows1251 => encoding_rs::WINDOWS_1251,
        Charset::Koi8R => encoding_rs::KOI8_R,
        Charset::Ibm866 => encoding_rs::IBM866,
        other => panic!("not a single-byte charset: {other}"),
    }
}

/// `text` as the code page can carry it: characters it lacks (Kazakh ұ қ, « » and — in
/// KOI8-R and IBM866, nbsp …) become `?`, as a converter's substitution would make them.
fn representable(text: &str, charset: Charset) -> String {
    let mut buf = [0u8; 4];
    text.chars()
        .map(|c| {
            let (_, _, unmappable) = table(charset).encode(c.encode_utf8(&mut buf));
            if unmappable {
                '?'
            } else {
                c
            }
        })
        .collect()
}

fn encode(text: &str, charset: Charset) -> Vec<u8> {
    match charset {
        Charset::Utf8 => text.as_bytes().to_vec(),
        Charset::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Charset::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        _ => {
            let (bytes, _, unmappable) = table(charset).encode(text);
            assert!(!unmappable, "fixture text must be representable first");
            bytes.into_owned()
        }
    }
}

#[test]
fn auto_detects_and_round_trips_every_encoding() {
    let auto = crate::support::decoder(Encoding::Auto, false);
    for (name, text) in samples() {
        for charset in Charset::ALL {
            let expected = match charset {
                Charset::Utf8 | Charset::Utf16Le | Charset::Utf16Be => text.clone(),
                _ => representable(&text, charset),
            };
            let bytes = encode(&expected, charset);
            let decoded = auto.decode(bytes.clone(), name).unwrap();
            assert_eq!(decoded.encoding, charset, "{name}");
            assert!(decoded.detected);
            assert_eq!(decoded.replacements, 0);
            assert_eq!(decoded.text, expected, "{name} {charset}");
            // The explicit choice reads it the same way, and does not claim detection.
            let explicit = crate::support::decoder(charset.encoding(), false)
                .decode(bytes, name)
                .unwrap();
            assert_eq!(explicit.encoding, charset);
            assert!(!explicit.detected);
            assert_eq!(explicit.text, expected);
        }
    }
}

/// Short pieces (a line, a sentence) are where statistics are thin.
#[test]
fn auto_detects_short_pieces_of_single_byte_text() {
    let mut total = 0;
    let mut right = 0;
    for (_, text) in samples() {
        for line in text
            .lines()
            .filter(|l| l.chars().filter(|c| c.is_alphabetic()).count() >= 20)
        {
            for charset in SINGLE_BYTE {
                let bytes = encode(&representable(line, charset), charset);
                total += 1;
                right += usize::from(detect_encoding(&bytes) == charset);
            }
        }
    }
    assert!(total >= 60, "too few lines: {total}");
    // Measured: all of them. Allow one miss so a table regeneration is not a cliff.
    assert!(right + 1 >= total, "{right} of {total} lines detected");
}

#[test]
fn byte_order_marks_win_and_are_stripped() {
    let auto = crate::support::decoder(Encoding::Auto, false);
    let cases: [(&[u8], Charset); 3] = [
        (b"\xef\xbb\xbf\xd0\xb4\xd0\xb0", Charset::Utf8),
        (b"\xff\xfe\x34\x04\x30\x04", Charset::Utf16Le),
        (b"\xfe\xff\x04\x34\x04\x30", Charset::Utf16Be),
    ];
    for (bytes, charset) in cases {
        let decoded = auto.decode(bytes, "-").unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), ("да", charset));
    }
    // An explicit UTF-16 choice reads the byte order from the mark.
    let be = crate::support::decoder(Encoding::Utf16, false)
        .decode(&b"\xfe\xff\x04\x34\x04\x30"[..], "-");
    assert_eq!(be.unwrap().encoding, Charset::Utf16Be);
}

#[test]
fn invalid_utf8_is_an_error_naming_file_and_offset_unless_lossy() {
    let bytes = b"\xef\xbb\xbf\xd0\xb4\xd0\xb0 \xff\xfe \xd0".to_vec();
    let strict = crate::support::decoder(Encoding::Utf8, false);
    let err = strict.decode(bytes.clone(), "in.txt").unwrap_err();
    // Offsets count the byte-order mark: they point into the file as it is.
    assert!(
        matches!(err, Error::InvalidUtf8 { offset: 8, .. }),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "in.txt: invalid UTF-8 at byte 8");

    let lossy = strict
        .to_builder()
        .lossy(true)
        .build()
        .unwrap()
        .decode(bytes, "in.txt")
        .unwrap();
    assert_eq!(lossy.text, "да \u{FFFD}\u{FFFD} \u{FFFD}");
    assert_eq!(lossy.replacements, 3);
}

#[test]
fn mostly_utf8_with_a_damaged_byte_is_still_utf8_in_auto_mode() {
    let mut bytes = fixture("tests/data/pushkin_pikovaya_ch1.txt").into_bytes();
    bytes[1000] = 0xFF;
    let auto = crate::support::decoder(Encoding::Auto, false);
    let err = auto.decode(bytes.clone(), "p.txt").unwrap_err();
    assert!(
        matches!(err, Error::InvalidUtf8 { offset: 1000, .. }),
        "{err:?}"
    );
    let lossy = auto
        .to_builder()
        .lossy(true)
        .build()
        .unwrap()
        .decode(bytes, "p.txt")
        .unwrap();
    assert_eq!(lossy.encoding, Charset::Utf8);
    assert!(lossy.detected);
    assert!((1..=2).contains(&lossy.replacements));
}

#[test]
fn invalid_utf16_is_an_error_unless_lossy() {
    // "да" then an unpaired high surrogate, then an odd trailing byte.
    let bytes = b"\x34\x04\x30\x04\x00\xd8\x30\x04\x41".to_vec();
    let utf16 = crate::support::decoder(Encoding::Utf16, false);
    let err = utf16.decode(bytes.clone(), "u.txt").unwrap_err();
    assert!(
        matches!(err, Error::InvalidUtf16 { offset: 4, .. }),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "u.txt: invalid UTF-16 at byte 4");
    let lossy = utf16
        .to_builder()
        .lossy(true)
        .build()
        .unwrap()
        .decode(bytes, "u.txt")
        .unwrap();
    assert_eq!(lossy.text, "да\u{FFFD}а\u{FFFD}");
    assert_eq!(lossy.replacements, 2);
}

#[test]
fn unknown_encoding_lists_the_accepted_names() {
    let err = "latin-1".parse::<Encoding>().unwrap_err();
    assert!(matches!(err, Error::UnknownEncoding { .. }));
    assert_eq!(
        err.to_string(),
        "unknown encoding \"latin-1\": expected one of auto, utf-8, utf-16, windows-1251, koi8-r, ibm866"
    );
    for (alias, encoding) in [
        ("UTF8", Encoding::Utf8),
        ("cp1251", Encoding::Windows1251),
        ("Win-1251", Encoding::Windows1251),
        ("KOI8", Encoding::Koi8R),
        ("cp866", Encoding::Ibm866),
        ("Detect", Encoding::Auto),
    ] {
        assert_eq!(alias.parse::<Encoding>().unwrap(), encoding, "{alias}");
    }
}

#[test]
fn read_text_with_names_the_file() {
    let err = slovo::Decoder::new()
        .read_text("no/such/file.txt")
        .unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    // The OS's message is the source, not repeated in ours (reporters print the chain).
    let source = std::error::Error::source(&err)
        .expect("the io::Error")
        .to_string();
    assert_eq!(err.to_string(), "cannot read no/such/file.txt");
    assert!(!err.to_string().contains(&source), "{err}");
    let dir = std::env::temp_dir().join(format!("slovo-enc-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("koi8.txt");
    std::fs::write(&path, encode("Привет, мир", Charset::Koi8R)).unwrap();
    let decoded = crate::support::decoder(Encoding::Auto, false)
        .read_text(&path)
        .unwrap();
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        ("Привет, мир", Charset::Koi8R)
    );
    let err = crate::support::decoder(Encoding::Utf8, false)
        .read_text(&path)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("koi8.txt: invalid UTF-8 at byte 0"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pure_ascii_is_utf8_and_empty_input_is_fine() {
    assert_eq!(detect_encoding(b"plain ascii"), Charset::Utf8);
    let empty = crate::support::decoder(Encoding::Auto, false)
        .decode(Vec::new(), "-")
        .unwrap();
    assert_eq!((empty.text.as_str(), empty.encoding), ("", Charset::Utf8));
}

mod properties {
    use proptest::prelude::*;
    use slovo::{Decoder, Encoding};

    fn options() -> impl Strategy<Value = Decoder> {
        (0..Encoding::ALL.len(), any::<bool>())
            .prop_map(|(i, lossy)| crate::support::decoder(Encoding::ALL[i], lossy))
    }

    /// Russian text in some encoding with a few bytes damaged: reaches the UTF-8 and
    /// UTF-16 paths, which uniformly random bytes rarely do.
    fn damaged_text() -> impl Strategy<Value = Vec<u8>> {
        (
            "[а-яА-ЯёЁa-z0-9 ,.«»—\n]{0,200}",
            0..3usize,
            prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        )
            .prop_map(|(text, form, damage)| {
                let mut bytes: Vec<u8> = match form {
                    0 => text.into_bytes(),
                    1 => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
                    _ => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                };
                if !bytes.is_empty() {
                    for (at, byte) in damage {
                        let i = at.index(bytes.len());
                        bytes[i] = byte;
                    }
                }
                bytes
            })
    }

    proptest! {
        #[test]
        fn decode_never_panics_and_lossy_never_fails(
            bytes in prop_oneof![prop::collection::vec(any::<u8>(), 0..600), damaged_text()],
            options in options(),
        ) {
            match options.decode(bytes.clone(), "p") {
                Ok(decoded) => {
                    if !options.lossy() {
                        prop_assert_eq!(decoded.replacements, 0);
                    }
                    prop_assert_eq!(decoded.detected, options.encoding() == Encoding::Auto);
                }
                Err(e) => {
                    prop_assert!(!options.lossy(), "lossy decoding failed: {}", e);
                    prop_assert!(e.to_string().starts_with("p: invalid UTF-"), "{}", e);
                }
            }
        }

        #[test]
        fn valid_utf8_always_reads_back_unchanged(text in "\\PC{0,200}") {
            let auto = crate::support::decoder(Encoding::Auto, false);
            let decoded = auto.decode(text.as_bytes(), "p").unwrap();
            // Unless it happens to look like BOM-less UTF-16, which text rarely does.
            if decoded.encoding == slovo::Charset::Utf8 {
                prop_assert_eq!(decoded.text.as_str(), text.strip_prefix('\u{FEFF}').unwrap_or(&text));
            }
        }
    }
}

mod streaming {
    use std::io::BufReader;

    use proptest::prelude::*;
    use slovo::Encoding;

    /// Text in one of the encodings, sometimes damaged, sometimes with a byte-order mark.
    fn encoded_text() -> impl Strategy<Value = Vec<u8>> {
        (
            "[а-яА-ЯёЁa-z0-9 ,.«»—\r\n]{0,120}",
            0..5usize,
            any::<bool>(),
            prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..3),
        )
            .prop_map(|(text, form, bom, damage)| {
                let (mut bytes, mark): (Vec<u8>, &[u8]) = match form {
                    0 => (text.into_bytes(), b"\xef\xbb\xbf"),
                    1 => (
                        text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
                        b"\xff\xfe",
                    ),
                    2 => (
                        text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                        b"\xfe\xff",
                    ),
                    3 => (encoding_rs::WINDOWS_1251.encode(&text).0.into_owned(), b""),
                    _ => (encoding_rs::KOI8_R.encode(&text).0.into_owned(), b""),
                };
                if !bytes.is_empty() {
                    for (at, byte) in damage {
                        let i = at.index(bytes.len());
                        bytes[i] = byte;
                    }
                }
                if bom {
                    bytes.splice(0..0, mark.iter().copied());
                }
                bytes
            })
    }

    proptest! {
        /// Streaming line by line (through a tiny buffer, so characters and line ends are
        /// cut across reads) gives exactly the lines, error and replacement count of
        /// decoding the whole input at once.
        #[test]
        fn streamed_lines_agree_with_whole_decoding(
            bytes in encoded_text(),
            encoding in 0..Encoding::ALL.len(),
            lossy in any::<bool>(),
            capacity in 1..9usize,
        ) {
            let options = crate::support::decoder(Encoding::ALL[encoding], lossy);
            let reader = BufReader::with_capacity(capacity, bytes.as_slice());
            let mut lines = options.read_lines(reader, "s.txt").unwrap();
            let (mut seen, mut error) = (Vec::new(), None);
            for line in lines.by_ref() {
                match line {
                    Ok(line) => seen.push(line),
                    Err(e) => error = Some(e.to_string()),
                }
            }
            match options.decode(bytes.clone(), "s.txt") {
                Ok(whole) => {
                    prop_assert_eq!(error, None);
                    let expected: Vec<&str> = whole.text.lines().collect();
                    prop_assert_eq!(seen, expected);
                    prop_assert_eq!(lines.encoding(), whole.encoding);
                    prop_assert_eq!(lines.replacements(), whole.replacements);
                }
                Err(e) => {
                    prop_assert_eq!(error, Some(e.to_string()));
                    let text = String::from_utf8_lossy(&bytes);
                    prop_assert!(seen.len() <= text.lines().count());
                }
            }
        }
    }
}

#[test]
fn streamed_detection_reads_only_a_prefix_and_replays_it() {
    // Longer than the 64 KiB detection window, with a letter cut at the window's edge.
    let line = "Съешь же ещё этих мягких французских булок, да выпей чаю.\n";
    let text = format!("a{}", line.repeat(2000));
    for charset in Charset::ALL {
        let bytes = encode(&text, charset);
        let auto = crate::support::decoder(Encoding::Auto, false);
        let mut lines = auto.read_lines(bytes.as_slice(), "big.txt").unwrap();
        assert_eq!(lines.encoding(), charset);
        assert!(lines.detected());
        let read: Vec<String> = lines.by_ref().collect::<Result<_, _>>().unwrap();
        let expected: Vec<&str> = text.lines().collect();
        assert_eq!(read, expected, "{charset}");
        assert_eq!(lines.byte_offset(), bytes.len(), "{charset}");
    }
}
