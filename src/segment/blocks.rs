//! The tokenizer's block path: plain tokens from byte-class bitmaps, 64 bytes at a time.
//!
//! A window of text is classified into bitmaps (one bit per byte: letter, digit, Cyrillic
//! lead byte, space, `. ? !`, `,`, `:` …; see [`Classes`]), by SIMD where the CPU has it
//! ([`crate::segment::simd`]) or by [`classify_portable`]. From the bitmaps alone,
//! [`plain_tokens`] finds where the *plain* tokens start and end — runs of ASCII and
//! Cyrillic letters and digits, runs of one punctuation mark, `. ? ! …` runs, « » and the
//! dashes and quotes of U+2013–U+201E — as two more bitmaps, their first and last bytes
//! ([`WindowTokens`]); the iterator takes the tokens from them with two bit scans each,
//! and no branch that depends on the text.
//!
//! Everything else is a *rule position* (a hyphen or apostrophe after a word, a period
//! that may belong to an abbreviation, `@ # _ * + % = '`, a smiley, a character outside
//! the recognized set …). The block path stops at the first token that a rule position
//! could affect, and the scalar tokenizer in [`crate::segment::tokenize`] takes that
//! token and its neighbours. The scalar tokenizer is the specification: every token the
//! block path gives is the token the scalar one gives at that place (tests compare the two
//! on generated text, the gold files and, when present, the corpora).

use crate::segment::token::TokenKind;

/// Bytes a window must hold: 64 classified bytes and two bytes after them (multi-byte
/// characters are recognized at their first byte).
pub(crate) const WINDOW: usize = 66;

/// A token is taken from a window only if it ends (one past its last byte) before this
/// offset: the classes of the bytes up to the byte after its end are then all exact.
const END_LIMIT: u32 = 62;

/// Byte classes of a 64-byte window: bit `i` of each mask describes byte `i`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Classes {
    /// ASCII letters and digits.
    pub alnum: u64,
    /// ASCII digits.
    pub digit: u64,
    /// Lead bytes of two-byte Cyrillic letters: `D0`, `D1`, `D3`, `D4`.
    pub cyr: u64,
    /// ASCII white space: `\t \n \x0B \x0C \r` and space.
    pub space: u64,
    /// Bytes `>= 0x80`.
    pub high: u64,
    /// `.`, `?`, `!`.
    pub term: u64,
    /// `.`
    pub dot: u64,
    /// `,`
    pub comma: u64,
    /// `:`
    pub colon: u64,
    /// `-`
    pub hyphen: u64,
    /// ASCII bytes whose tokens always go to the scalar rules: `' @ _ # * + % =`.
    pub rule: u64,
    /// `:` or `;` followed by `-`, `(` or `)`: a smiley's eyes.
    pub smiley: u64,
    /// Byte `i` equals byte `i + 1`.
    pub same_next: u64,
    /// First byte of NBSP (`C2 A0`).
    pub nbsp: u64,
    /// First byte of `«` or `»` (`C2 AB`, `C2 BB`).
    pub guillemet: u64,
    /// First byte of U+2013–U+201E except U+2019 (`E2 80 93`…`E2 80 9E`, not `99`):
    /// dashes and quotes, `–`, `—`, `‘`, `“`, `”`, `„` ….
    pub dash: u64,
    /// First byte of `…` (`E2 80 A6`).
    pub ellipsis: u64,
}

/// Per byte value, its bit in each single-byte [`Classes`] mask: bit 0 alnum, 1 digit,
/// 2 cyr, 3 space, 4 high, 5 term, 6 dot, 7 comma, 8 colon, 9 hyphen, 10 rule, 11 a
/// smiley's eyes (`:`, `;`), 12 its mouth (`-`, `(`, `)`).
static BYTE_CLASS: [u16; 256] = byte_class_table();

const fn byte_class_table() -> [u16; 256] {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let sets: [bool; 13] = [
            b.is_ascii_alphanumeric(),
            b.is_ascii_digit(),
            matches!(b, 0xD0 | 0xD1 | 0xD3 | 0xD4),
            matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '),
            b >= 0x80,
            matches!(b, b'.' | b'?' | b'!'),
            b == b'.',
            b == b',',
            b == b':',
            b == b'-',
            matches!(b, b'\'' | b'@' | b'_' | b'#' | b'*' | b'+' | b'%' | b'='),
            matches!(b, b':' | b';'),
            matches!(b, b'-' | b'(' | b')'),
        ];
        let mut c = 0u16;
        let mut k = 0;
        while k < sets.len() {
            if sets[k] {
                c |= 1 << k;
            }
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

/// Classifies the window without SIMD: the reference the SIMD classifiers are tested
/// against, and the fallback on CPUs without them.
pub(crate) fn classify_portable(w: &[u8; WINDOW]) -> Classes {
    let mut m = [0u64; 11];
    let mut c = Classes::default();
    for i in 0..64 {
        let class = BYTE_CLASS[w[i] as usize];
        for (k, mask) in m.iter_mut().enumerate() {
            *mask |= u64::from((class >> k) & 1) << i;
        }
        let bit = 1u64 << i;
        let eyes = class & (1 << 11) != 0;
        if eyes && BYTE_CLASS[w[i + 1] as usize] & (1 << 12) != 0 {
            c.smiley |= bit;
        }
        if w[i] == w[i + 1] {
            c.same_next |= bit;
        }
        match (w[i], w[i + 1], w[i + 2]) {
            (0xC2, 0xA0, _) => c.nbsp |= bit,
            (0xC2, 0xAB | 0xBB, _) => c.guillemet |= bit,
            (0xE2, 0x80, 0x93..=0x98 | 0x9A..=0x9E) => c.dash |= bit,
            (0xE2, 0x80, 0xA6) => c.ellipsis |= bit,
            _ => {}
        }
    }
    let [alnum, digit, cyr, space, high, term, dot, comma, colon, hyphen, rule] = m;
    Classes {
        alnum,
        digit,
        cyr,
        space,
        high,
        term,
        dot,
        comma,
        colon,
        hyphen,
        rule,
        ..c
    }
}

/// A way to classify windows (portable here; SIMD in [`crate::segment::simd`]).
pub(crate) trait Classify: Copy {
    /// The byte classes of the window.
    fn classify(self, w: &[u8; WINDOW]) -> Classes;
}

/// [`classify_portable`] as a [`Classify`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Portable;

impl Classify for Portable {
    #[inline(always)]
    fn classify(self, w: &[u8; WINDOW]) -> Classes {
        classify_portable(w)
    }
}

/// The plain tokens of one window, as bitmaps: the `k`-th token runs from the `k`-th set
/// bit of `starts` to the `k`-th set bit of `lasts` (its last byte), offsets from `base`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WindowTokens {
    /// Byte offset of the window in the text.
    pub base: usize,
    /// First bytes of the tokens (bits past the last token's are ignored).
    pub starts: u64,
    /// Last bytes of the tokens taken.
    pub lasts: u64,
    /// Bit `e` is set where a run of ASCII digits alone ends at `e` (one past its last
    /// byte): that token is a number, not a word.
    pub numbers_end: u64,
}

impl WindowTokens {
    /// Takes the next token: its start, its end and its kind (`text` is the text the
    /// window is in). `None` when every token was taken.
    #[inline(always)]
    pub(crate) fn pop(&mut self, text: &[u8]) -> Option<(usize, usize, TokenKind)> {
        if self.lasts == 0 {
            return None;
        }
        let s = self.starts.trailing_zeros();
        let l = self.lasts.trailing_zeros();
        self.starts &= self.starts.wrapping_sub(1);
        self.lasts &= self.lasts.wrapping_sub(1);
        let start = self.base + s as usize;
        let first = FIRST_BYTE_KIND[text.get(start).copied().unwrap_or(b' ') as usize];
        let number = self.numbers_end & (2u64 << l) != 0;
        let kind = if first == TokenKind::Number && !number {
            TokenKind::Word
        } else {
            first
        };
        Some((start, self.base + l as usize + 1, kind))
    }
}

/// How many windows [`fill`] classifies ahead at most.
const QUEUE: usize = 8;

/// Windows of plain tokens found ahead by [`fill`], handed out in order.
#[derive(Debug, Clone)]
pub(crate) struct Windows {
    items: [WindowTokens; QUEUE],
    head: usize,
    len: usize,
}

impl Windows {
    pub(crate) const fn new() -> Self {
        Windows {
            items: [WindowTokens {
                base: 0,
                starts: 0,
                lasts: 0,
                numbers_end: 0,
            }; QUEUE],
            head: 0,
            len: 0,
        }
    }

    /// Whether every window was handed out.
    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.head >= self.len
    }

    /// The next window.
    #[inline]
    pub(crate) fn pop(&mut self) -> Option<WindowTokens> {
        let window = *self.items.get(self.head..self.len)?.first()?;
        self.head += 1;
        Some(window)
    }
}

/// Kind of a plain token by its first byte; a run of ASCII digits that holds a letter is
/// a word (fixed up in [`WindowTokens::pop`]).
static FIRST_BYTE_KIND: [TokenKind; 256] = first_byte_kinds();

const fn first_byte_kinds() -> [TokenKind; 256] {
    let mut table = [TokenKind::Symbol; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if b.is_ascii_alphabetic() || b >= 0x80 && b != 0xC2 && b != 0xE2 {
            TokenKind::Word
        } else if b.is_ascii_digit() {
            TokenKind::Number
        } else if b >= 0x80 {
            // « » (C2) and the dashes, quotes and … (E2) of the block path.
            TokenKind::Punct
        } else {
            crate::segment::tokenize::ascii_kind(b)
        };
        i += 1;
    }
    table
}

/// What [`window_tokens`] found in a window besides the tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    /// Offset in the window where the text not yet tokenized starts: the end of the last
    /// token taken, or past the separators that open the window. Always a char boundary.
    pub consumed: u32,
    /// Offset of the first rule position in the window (64 if none): the scalar
    /// tokenizer should take the text from `consumed` until past it.
    pub rule_at: u32,
}

/// The block path from `pos`: empties `windows` and fills it with the plain tokens from
/// `pos` on, window after window, until it is full, the text ends or a rule position
/// comes (the scalar path must take the tokens before `*scalar_before` then). Returns
/// where the text not yet tokenized starts.
///
/// `pos` must be where the scalar tokenizer would start its next token.
#[inline(always)]
pub(crate) fn fill<C: Classify>(
    classifier: C,
    bytes: &[u8],
    mut pos: usize,
    abbreviation_periods: bool,
    windows: &mut Windows,
    scalar_before: &mut usize,
) -> usize {
    windows.head = 0;
    windows.len = 0;
    let mut padded = [b' '; WINDOW];
    while windows.len < QUEUE {
        let window: &[u8; WINDOW] = match bytes.get(pos..pos + WINDOW) {
            Some(w) => w.try_into().unwrap_or(&padded),
            None if pos < bytes.len() => {
                // The end of the text: pad with spaces, which end tokens exactly as the
                // end of the text does.
                let rest = bytes.get(pos..).unwrap_or_default();
                padded = [b' '; WINDOW];
                padded[..rest.len()].copy_from_slice(rest);
                &padded
            }
            None => break,
        };
        let classes = classifier.classify(window);
        let (tokens, step) = window_tokens(&classes, pos, abbreviation_periods);
        if tokens.lasts != 0 {
            windows.items[windows.len] = tokens;
            windows.len += 1;
        }
        if step.rule_at < END_LIMIT {
            *scalar_before = pos + step.rule_at as usize + 1;
        }
        if step.consumed == 0 {
            // A token too long for a window, or a rule position at the next token.
            *scalar_before = (*scalar_before).max(pos + 1);
            break;
        }
        pos += step.consumed as usize;
        if pos < *scalar_before {
            break;
        }
    }
    pos.min(bytes.len())
}

/// The plain tokens at the start of the window at text offset `base`, whose classes are
/// `c`.
///
/// The window must start where the scalar tokenizer would start its next token (a token
/// boundary or separators).
#[inline(always)]
pub(crate) fn window_tokens(
    c: &Classes,
    base: usize,
    abbreviation_periods: bool,
) -> (WindowTokens, Step) {
    let cyr2 = c.cyr | (c.cyr << 1);
    let word = c.alnum | cyr2;
    let nbsp = c.nbsp | (c.nbsp << 1);
    let guillemet = c.guillemet | (c.guillemet << 1);
    let dash = c.dash | (c.dash << 1) | (c.dash << 2);
    let ellipsis = c.ellipsis | (c.ellipsis << 1) | (c.ellipsis << 2);
    let known_high = cyr2 | nbsp | guillemet | dash | ellipsis;
    let space = c.space | nbsp;
    let term = c.term | ellipsis;
    // ASCII punctuation, symbols and control characters: runs of one byte.
    let punct = !(word | space | term | c.high);

    let word_start = word & !(word << 1);
    let starts =
        word_start | (term & !(term << 1)) | (punct & !(c.same_next << 1)) | c.guillemet | c.dash;
    let lasts = (word & !(word >> 1))
        | (term & !(term >> 1))
        | (punct & !c.same_next)
        | (c.guillemet << 1)
        | (c.dash << 2);

    // Rule positions. At the byte after a run of letters and digits, what `word_tail`
    // could join or change: a hyphen or rule byte; `,` after a digit; `:` after a digit
    // or after a run that starts with ASCII; `.` where its outcome is not decided by the
    // bitmaps (below).
    let word_end = !word & (word << 1);
    // Adding the start bit of a run carries through it to the byte after it.
    let ascii_start = word_start & c.alnum;
    let after_ascii_start = word.wrapping_add(ascii_start) & !word;
    let after_digit = c.digit << 1;
    let before_wordish = (c.alnum | c.high) >> 1;
    // A period after a run of letters, by default: the scalar rules keep it apart (a
    // token of its own) unless a digit comes before it (`3.5`), a letter, digit or
    // non-ASCII character after it (domains, `т.е`), the run is one letter (an initial:
    // `Л.`), or, for a run that starts with ASCII, the run is three bytes (`www.`) or an
    // e-mail's local part could go on after the period (`. - _ % + @ …`).
    let ascii_period =
        after_ascii_start & ((ascii_start << 3) | ((c.dot | c.hyphen | c.rule) >> 1));
    let period_rule = if abbreviation_periods {
        !0
    } else {
        after_digit
            | before_wordish
            | ((word_start & c.cyr) << 2)
            | (ascii_start << 1)
            | ascii_period
    };
    let word_rule = word_end
        & (c.hyphen
            | (c.comma & after_digit)
            | (c.colon & (after_digit | after_ascii_start))
            | (c.dot & period_rule));
    // The byte after a smiley's eyes.
    let smiley = c.smiley << 1;
    // « » and the dashes before a non-ASCII, non-Cyrillic byte (the same mark again, a
    // combining mark …).
    let single_next = ((c.guillemet << 2) | (c.dash << 3)) & c.high & !c.cyr;
    let rules = (c.high & !known_high) | c.rule | word_rule | smiley | single_next;

    let rule_at = rules.trailing_zeros();
    // Tokens that end before both the first rule position and the window's limit.
    let limit = rule_at.min(END_LIMIT);
    let lasts = lasts & low_bits(limit.saturating_sub(1));
    // Runs of digits only (numbers): the carry of their start lands past their end.
    let numbers_end = c.digit.wrapping_add(word_start & c.digit) & !word;
    let consumed = if lasts != 0 {
        64 - lasts.leading_zeros()
    } else {
        // Nothing taken: step over the separators that open the window, if any (never
        // into the middle of an NBSP).
        let spaces = (!space).trailing_zeros().min(limit);
        let cut_nbsp = spaces > 0 && c.nbsp & (1u64 << (spaces - 1)) != 0;
        spaces - u32::from(cut_nbsp)
    };
    (
        WindowTokens {
            base,
            starts,
            lasts,
            numbers_end,
        },
        Step { consumed, rule_at },
    )
}

/// The `n` lowest bits set (`n <= 64`).
#[inline]
fn low_bits(n: u32) -> u64 {
    if n >= 64 {
        !0
    } else {
        (1u64 << n) - 1
    }
}
