//! [`Span`]: where something is in the caller's text, as byte offsets.

use std::fmt;
use std::ops::{Index, Range};

/// A byte range `start..end` into the caller's original text: where a token, sentence, keyword
/// occurrence or language span is.
///
/// Unlike [`Range<usize>`] it is `Copy`, so values that hold one (such as
/// [`Token`](crate::Token)) copy too, and `&text[span]` works without a `.clone()`.
/// Offsets always fall on `char` boundaries of the text they came from.
///
/// It serializes like a `Range<usize>` does (`{"start": 0, "end": 4}`), so files written with
/// either read with the other.
///
/// ```
/// use slovo::Span;
///
/// let text = "Привет, мир!";
/// let token = slovo::tokenize(text).next().unwrap();
/// assert_eq!(&text[token.span], "Привет");
/// assert_eq!(token.span, Span::new(0, 12));
/// assert_eq!(token.span.len(), 12);
/// assert_eq!(token.span.range(), 0..12);
/// let range: std::ops::Range<usize> = token.span.into();
/// assert_eq!(Span::from(range), token.span);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    ///
    /// ```
    /// let span = slovo::Span::new(2, 5);
    /// assert_eq!((span.start, span.end), (2, 5));
    /// ```
    #[inline]
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range<usize>`, for APIs that want one.
    ///
    /// ```
    /// assert_eq!(slovo::Span::new(2, 5).range(), 2..5);
    /// ```
    #[inline]
    #[must_use]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The number of bytes covered (`end - start`, or 0 if `end < start`).
    ///
    /// ```
    /// assert_eq!(slovo::Span::new(2, 5).len(), 3);
    /// ```
    #[inline]
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether `offset` is in the span (`start <= offset < end`), like `Range::contains`.
    ///
    /// ```
    /// let span = slovo::Span::new(2, 5);
    /// assert!(span.contains(&2) && span.contains(&4) && !span.contains(&5));
    /// ```
    #[inline]
    #[must_use]
    pub fn contains(&self, offset: &usize) -> bool {
        self.start <= *offset && *offset < self.end
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// assert!(slovo::Span::new(4, 4).is_empty());
    /// assert!(!slovo::Span::new(2, 5).is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

impl From<Range<usize>> for Span {
    /// ```
    /// assert_eq!(slovo::Span::from(2..5), slovo::Span::new(2, 5));
    /// ```
    #[inline]
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    /// ```
    /// let range: std::ops::Range<usize> = slovo::Span::new(2, 5).into();
    /// assert_eq!(range, 2..5);
    /// ```
    #[inline]
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl PartialEq<Range<usize>> for Span {
    /// ```
    /// assert_eq!(slovo::Span::new(2, 5), 2..5);
    /// ```
    #[inline]
    fn eq(&self, other: &Range<usize>) -> bool {
        self.start == other.start && self.end == other.end
    }
}

impl fmt::Display for Span {
    /// Written like a range: `2..5`.
    ///
    /// ```
    /// assert_eq!(slovo::Span::new(2, 5).to_string(), "2..5");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    /// `&text[span]`; panics like `&text[span.range()]` if the span is out of bounds or not on
    /// `char` boundaries.
    ///
    /// ```
    /// let text = "да нет";
    /// assert_eq!(&text[slovo::Span::new(5, 11)], "нет");
    /// ```
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Index<Span> for String {
    type Output = str;

    /// `&text[span]` on a `String`.
    ///
    /// ```
    /// let text = String::from("да нет");
    /// assert_eq!(&text[slovo::Span::new(0, 4)], "да");
    /// ```
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn serializes_like_a_range() {
        let span = Span::new(3, 7);
        let json = serde_json::to_string(&span).unwrap();
        assert_eq!(json, serde_json::to_string(&(3..7)).unwrap());
        let back: Span = serde_json::from_str(&json).unwrap();
        assert_eq!(back, span);
        let range: std::ops::Range<usize> = serde_json::from_str(&json).unwrap();
        assert_eq!(range, 3..7);
    }

    #[test]
    fn reversed_spans_are_empty() {
        assert!(Span::new(5, 2).is_empty());
        assert_eq!(Span::new(5, 2).len(), 0);
    }
}
