//! Byte spans to the offsets a user asked for.

use slovo::CharOffsets;

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
    pub fn of<S: Clone + Into<std::ops::Range<usize>>>(&mut self, span: &S) -> (usize, usize) {
        let span: std::ops::Range<usize> = span.clone().into();
        if self.bytes {
            (span.start, span.end)
        } else {
            self.chars.span(span)
        }
    }
}
