//! Byte offsets to code-point offsets, incrementally.

/// Converts byte offsets into a text to code-point offsets. Offsets asked for in
/// increasing order cost time proportional to the distance moved, so converting every
/// token of a document is linear in its length.
pub struct CharOffsets<'a> {
    bytes: &'a [u8],
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    /// Starts at the beginning of `text`.
    pub fn new(text: &'a str) -> Self {
        CharOffsets {
            bytes: text.as_bytes(),
            byte: 0,
            chars: 0,
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text's length).
    pub fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        // A code point starts at every byte that is not a UTF-8 continuation byte.
        let starts = |range: &[u8]| range.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        if byte >= self.byte {
            self.chars += starts(&self.bytes[self.byte..byte]);
        } else {
            self.chars -= starts(&self.bytes[byte..self.byte]);
        }
        self.byte = byte;
        self.chars
    }
}

/// Turns byte spans into the offsets a user asked for: code points (the default, what
/// Python and JavaScript index strings by) or UTF-8 bytes (`--byte-offsets`).
pub struct SpanOffsets<'a> {
    chars: CharOffsets<'a>,
    bytes: bool,
}

impl<'a> SpanOffsets<'a> {
    /// Offsets into `text`; bytes if `byte_offsets`, else code points.
    pub fn new(text: &'a str, byte_offsets: bool) -> Self {
        SpanOffsets {
            chars: CharOffsets::new(text),
            bytes: byte_offsets,
        }
    }

    /// `(start, end)` of a byte span; spans asked for in text order cost linear time.
    pub fn of(&mut self, span: &std::ops::Range<usize>) -> (usize, usize) {
        if self.bytes {
            (span.start, span.end)
        } else {
            (self.chars.at(span.start), self.chars.at(span.end))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharOffsets;

    #[test]
    fn counts_code_points_forwards_and_backwards() {
        let text = "aпр😀b";
        let mut offsets = CharOffsets::new(text);
        assert_eq!(offsets.at(1), 1);
        assert_eq!(offsets.at(5), 3);
        assert_eq!(offsets.at(10), 5);
        assert_eq!(offsets.at(3), 2);
        assert_eq!(offsets.at(0), 0);
        assert_eq!(offsets.at(100), text.chars().count());
    }
}
