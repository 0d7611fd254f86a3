//! Reading text: line reader offsets agree with whole-stream decoding.

use proptest::prelude::*;
use slovo::{read_lines, Error};

proptest! {
    /// Lines joined back with `\n` give the stream; the first invalid byte is reported at
    /// the same offset as decoding the whole stream at once would report it.
    #[test]
    fn lines_find_the_same_invalid_byte_as_whole_decoding(
        bytes in prop::collection::vec(
            prop_oneof![
                Just(b'\n'), Just(b'\r'), Just(b'a'), Just(0xD0u8), Just(0xB4u8), Just(0xFFu8)
            ],
            0..40,
        )
    ) {
        let mut seen = Vec::new();
        let mut error = None;
        for line in read_lines(bytes.as_slice(), "s.txt") {
            match line {
                Ok(line) => seen.push(line),
                Err(e) => error = Some(e),
            }
        }
        match String::from_utf8(bytes.clone()) {
            Ok(text) => {
                prop_assert!(error.is_none());
                let expected: Vec<&str> = text
                    .lines()
                    .collect();
                prop_assert_eq!(seen, expected);
            }
            Err(e) => match error {
                Some(Error::InvalidUtf8 { offset, path }) => {
                    prop_assert_eq!(offset, e.utf8_error().valid_up_to());
                    prop_assert_eq!(path.to_str(), Some("s.txt"));
                }
                other => prop_assert!(false, "expected InvalidUtf8, got {:?}", other),
            },
        }
    }
}
