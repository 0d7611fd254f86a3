//! Sentence splitting, built on the tokens.
//!
//! The splitter walks the token stream once. A sentence can only end after a token that
//! could end one — `.`, `!`, `?`, `…`, an abbreviation's period, a smiley, a `;` before a
//! list item — plus the closing quotes and brackets stuck to it. Whether it does end there
//! is decided from a little context on both sides:
//!
//! * the right side: the first word after the candidate (looking past dashes and opening
//!   quotes). A lowercase word, or punctuation such as `,` right after, continues the
//!   sentence (`— Привет! — сказал он.`, `если бы… не тот`); no space before the next
//!   token continues it too.
//! * the left side, for a period: the word before it. Abbreviations are looked up in
//!   `data/sentence_abbrev.txt` (whether each can end a sentence — `т. д.` can, `им.`
//!   cannot, `г.` only after a year); other words on the tokenizer's abbreviation list
//!   (`data/abbreviations.txt`) may end one, but not before a lowercase word or a number;
//!   single capital letters are initials; a sentence made only of list-bullet tokens (`1.`,
//!   `IV.`, `§2.`) does not end at its period. A lowercase word right after `(` is a gloss
//!   label (`(самоан. Malo)`), a lowercase word without a vowel an abbreviation (`чч.`);
//!   an initial or `им.` followed by a function word (`— Я. Больше`, `служил им. Только`,
//!   `data/function_words.txt`) ends the sentence, since a name follows those.
//! * list bullets: a sentence ends *before* a bullet that something marks as one — the next
//!   number of a list (`1. … (120) 2. Киа`), a mark before it (`«7.`, `§4.`, `[3.`), a `;`
//!   or a possible sentence end before it (`и т. д. 3. Решение`); a number and a period
//!   alone (`погибли 117.`) still end a sentence after them.
//! * without a terminator, a closing quote or bracket followed by a capitalized function
//!   word (`«Худой мир» В начале`) ends a sentence; inside a «quotation» opened mid-sentence
//!   that closes soon and is followed by the rest of the sentence, a terminator belongs to
//!   a title (`«Стругацкие. Материалы …», составленный`).
//!
//! A blank line (paragraph break) always ends a sentence. Only the whitespace between two
//! tokens is ever looked at again; the text itself is scanned once, by the tokenizer.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::segment::abbrev::ABBREVIATIONS_DATA as TOKENIZER_ABBREVIATIONS;
use crate::segment::token::{Token, TokenKind};
use crate::segment::tokenize::{is_separator, tokenize, Tokenizer, TokenizerPath};
use crate::segment::wordlist::EmbeddedList;
use crate::span::Span;

/// One sentence: a slice of the input text and its byte span.
///
/// Sentences are trimmed of surrounding white space (and of the zero-width separators
/// tokens never contain: ZWSP, word joiner, BOM); `span` is a byte range into the text
/// that was split, so `&text[sentence.span] == sentence.text` always holds.
///
/// # Example
///
/// ```
/// let text = "Привет! Как дела?";
/// let first = slovo::sentences(text).next().unwrap();
/// assert_eq!(first.text, "Привет!");
/// assert_eq!(&text[first.span], first.text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Sentence<'a> {
    /// The sentence's text, borrowed from the input.
    pub text: &'a str,
    /// Byte offsets of the sentence in the input.
    pub span: Span,
}

impl Sentence<'_> {
    /// Byte offset where the sentence starts.
    ///
    /// ```
    /// let s = slovo::sentences("  Да.").next().unwrap();
    /// assert_eq!(s.start(), 2);
    /// ```
    #[inline]
    #[must_use]
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// Byte offset just past the sentence's end.
    ///
    /// ```
    /// let s = slovo::sentences("Да. Нет.").next().unwrap();
    /// assert_eq!(s.end(), 5); // "Да." is two Cyrillic letters and a period
    /// ```
    #[inline]
    #[must_use]
    pub fn end(&self) -> usize {
        self.span.end
    }
}

/// Splits `text` into sentences.
///
/// Handles Russian abbreviations (`г.`, `т. е.`, `им.`, `см. табл. 2` …), initials
/// (`А. С. Пушкин`), closing quotes and brackets after the terminator (`«…».`), `?!`,
/// `...` and `…` (an ellipsis followed by a lowercase word continues the sentence),
/// dialogue dashes (`— Привет! — сказал он.` is one sentence), list bullets (`1.`, `IV.`,
/// `§2.`) and paragraph breaks (a blank line always ends a sentence). Text that stops
/// mid-sentence still yields its last sentence.
///
/// Every non-whitespace character of `text` lies in exactly one sentence; sentences come
/// in order and are trimmed of surrounding whitespace. Never panics.
///
/// ```
/// let text = "В 1999 г. проф. А. С. Иванов переехал в г. Москву. Там он и живёт!\n\
///             — Правда? — спросил я.";
/// let sentences: Vec<&str> = slovo::sentences(text).map(|s| s.text).collect();
/// assert_eq!(
///     sentences,
///     [
///         "В 1999 г. проф. А. С. Иванов переехал в г. Москву.",
///         "Там он и живёт!",
///         "— Правда? — спросил я.",
///     ]
/// );
/// ```
#[must_use]
pub fn sentences(text: &str) -> Sentences<'_> {
    sentences_with(text, SentencePath::Skipping)
}

/// The implementations of the sentence splitter, for tests that compare them
/// ([`sentences_with`]).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SentencePath {
    /// Every token of the text through the rules: the specification.
    Full,
    /// Skips to where a sentence can end and runs the rules on the tokens around it
    /// (what [`sentences`] does).
    Skipping,
}

/// [`sentences`] through the implementation `path`. Every path gives the same sentences;
/// this exists so tests and fuzz targets can compare them.
///
/// ```
/// use slovo::SentencePath;
///
/// let text = "Раз. Два.";
/// let full: Vec<_> = slovo::sentences_with(text, SentencePath::Full).collect();
/// assert_eq!(full, slovo::sentences(text).collect::<Vec<_>>());
/// ```
#[doc(hidden)]
#[must_use]
pub fn sentences_with(text: &str, path: SentencePath) -> Sentences<'_> {
    // The skipping path reads a few tokens here and there: the block tokenizer, which
    // classifies 64-byte windows ahead, would classify much that is then skipped.
    let tokens = match path {
        SentencePath::Full => tokenize(text),
        SentencePath::Skipping => Tokenizer::new()
            .tokenize_with(text, TokenizerPath::Scalar)
            .unwrap_or_else(|| tokenize(text)),
    };
    Sentences {
        text,
        tokens: Lookahead::new(tokens),
        pos: 0,
        done: false,
        last_abbrev: None,
        run_scan: RunScan::default(),
        last_bullet: None,
        open_brackets: 0,
        title_quote: TitleQuote::None,
        skipping: path == SentencePath::Skipping,
        event: None,
    }
}

/// What is known of a quotation opened in the middle of the current sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleQuote {
    /// None is open.
    None,
    /// One is open; its end was not looked for yet.
    Open,
    /// One is open and closes at this byte offset.
    ClosesAt(usize),
    /// One is open and does not close within reach.
    OutOfReach,
}

/// Iterator over the [`Sentence`]s of a text, created by [`sentences`].
///
/// It borrows the text and allocates nothing per sentence.
///
/// ```
/// let mut it: slovo::Sentences<'_> = slovo::sentences("Раз. Два.");
/// assert_eq!(it.next().map(|s| s.text), Some("Раз."));
/// assert_eq!(it.next().map(|s| s.text), Some("Два."));
/// assert_eq!(it.next(), None);
/// ```
pub struct Sentences<'a> {
    text: &'a str,
    tokens: Lookahead<'a>,
    /// Where the text not yet given out as a sentence begins.
    pos: usize,
    done: bool,
    /// The last abbreviation the splitter read through, without its period, and the byte
    /// offset just past that period: `т` in `т. е.` is looked up as `т.е` at the `е.`.
    last_abbrev: Option<(&'a str, usize)>,
    /// What is known of the current run of tokens with no space between them, so that a
    /// run of a million `т.е.` is read once, not once per period.
    run_scan: RunScan,
    /// The number of the last list bullet read (`1.` after `:` or opening a sentence), so
    /// that the next one (`2.`) is known for a bullet: `…: 1. Лада (120) 2. Киа`.
    last_bullet: Option<u32>,
    /// Round brackets opened in the current sentence and not yet closed.
    open_brackets: u32,
    /// A `«` opened after a word of the current sentence and not yet closed.
    title_quote: TitleQuote,
    /// Whether stretches of text where no sentence can end are skipped
    /// ([`SentencePath::Skipping`]).
    skipping: bool,
    /// The last look for a place where a sentence may end.
    event: Option<Event>,
}

/// Where the splitter must read tokens next: the first byte at or after `from` that a
/// rule looks at (`at`; the text's length if there is none), and where to start reading
/// tokens to have the context the rules need there (`resume`).
#[derive(Debug, Clone, Copy)]
struct Event {
    from: usize,
    at: usize,
    resume: usize,
}

/// The result of splitting one sentence: the sentence, or an abandoned attempt.
enum Attempt<'a> {
    Done(Option<Sentence<'a>>),
    /// The skipping path met a question it could not answer from what it read (a token
    /// it skipped, an inexact word count): the sentence is split again on the full path.
    Redo,
}

/// What [`Sentences::skip_ahead`] found.
enum Skip {
    /// Nothing to skip, or skipped: go on reading tokens.
    None,
    /// No sentence can end before the end of the text.
    ToEnd,
}

/// Bytes the event scan stops at ([`Sentences::scan_event`]): `SCAN_RULE` for ASCII
/// bytes of tokens a rule looks at, `SCAN_LINE` for line ends (a blank line ends a
/// sentence), and the lead bytes of the two-byte `«` `»` and the three-byte `…` `’` `“`
/// `”` `‼` `⁇` `⁈` `⁉` and U+2029, checked further.
static SCAN: [u8; 256] = scan_table();
const SCAN_RULE: u8 = 1;
const SCAN_LINE: u8 = 2;
const SCAN_C2: u8 = 3;
const SCAN_E2: u8 = 4;

const fn scan_table() -> [u8; 256] {
    let mut table = [0u8; 256];
    let rule = b".!?;()]}\"'";
    let mut i = 0;
    while i < rule.len() {
        table[rule[i] as usize] = SCAN_RULE;
        i += 1;
    }
    table[b'\n' as usize] = SCAN_LINE;
    table[b'\r' as usize] = SCAN_LINE;
    table[0xC2] = SCAN_C2;
    table[0xE2] = SCAN_E2;
    table
}

/// `\t \n \x0B \x0C \r` and space.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Where to start reading tokens for an event at `at`: the start of the space-separated
/// piece before the one holding `at`, so that the two tokens before the first token of
/// that piece are read (`Prev`, `prev2` and the token before a glued run). Never before
/// `from`. A position right after ASCII white space is always where a token may start.
fn context_start(bytes: &[u8], from: usize, at: usize) -> usize {
    let mut i = at;
    while i > from && !is_ascii_space(bytes[i - 1]) {
        i -= 1;
    }
    while i > from && is_ascii_space(bytes[i - 1]) {
        i -= 1;
    }
    while i > from && !is_ascii_space(bytes[i - 1]) {
        i -= 1;
    }
    i
}

/// The offset of the first byte of `bytes` the event scan stops at, eight at a time.
#[inline]
fn first_scan_byte(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in chunks.by_ref() {
        let any = chunk.iter().fold(0u8, |acc, &b| acc | SCAN[usize::from(b)]);
        if any != 0 {
            return chunk
                .iter()
                .position(|&b| SCAN[usize::from(b)] != 0)
                .map(|i| offset + i);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| SCAN[usize::from(b)] != 0)
        .map(|i| offset + i)
}

/// The end of the separators that start at `at` (a char boundary).
fn gap_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        if is_ascii_space(b) {
            i += 1;
        } else if b < 0x80 {
            break;
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_separator(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// Word pieces counted in a skipped stretch at most: enough for every question about the
/// number of words (a date abbreviation wants four before it).
const WORD_PIECES_ENOUGH: u32 = 6;

/// A lower bound of the words and numbers in `skipped` (whole tokens): the pieces between
/// ASCII white space that start with a letter or digit (each holds at least one), counted
/// up to `enough`.
fn word_pieces(skipped: &[u8], enough: u32) -> u32 {
    let mut count = 0u32;
    let mut after_space = true;
    for &b in skipped {
        if after_space && (b.is_ascii_alphanumeric() || matches!(b, 0xD0 | 0xD1)) {
            count += 1;
            if count >= enough {
                break;
            }
        }
        after_space = is_ascii_space(b);
    }
    count
}

/// The part of a run of glued tokens (`к.п.н.`) read so far: `start..end`, whether it is
/// all letters and periods, and how many periods it holds.
#[derive(Debug, Clone, Copy, Default)]
struct RunScan {
    start: usize,
    end: usize,
    letters_and_dots: bool,
    dots: u32,
}

impl std::fmt::Debug for Sentences<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sentences")
            .field("pos", &self.pos)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;

    fn next(&mut self) -> Option<Sentence<'a>> {
        if self.done {
            return None;
        }
        if !self.skipping {
            return match self.split(false) {
                Attempt::Done(sentence) => sentence,
                Attempt::Redo => None, // never: the full path reads every token
            };
        }
        let saved = (self.last_abbrev, self.last_bullet);
        match self.split(true) {
            Attempt::Done(sentence) => sentence,
            Attempt::Redo => {
                // Back to the state at the sentence's start, then every token.
                (self.last_abbrev, self.last_bullet) = saved;
                self.open_brackets = 0;
                self.title_quote = TitleQuote::None;
                self.tokens.restart_at(self.pos);
                match self.split(false) {
                    Attempt::Done(sentence) => sentence,
                    Attempt::Redo => None,
                }
            }
        }
    }
}

impl std::iter::FusedIterator for Sentences<'_> {}

impl<'a> Sentences<'a> {
    /// Splits off the next sentence: every token through the rules, or (`skip`) only the
    /// tokens around the places where the sentence can end.
    #[inline(always)]
    fn split(&mut self, skip: bool) -> Attempt<'a> {
        let mut cx = Context::new();
        loop {
            if skip && self.tokens.is_empty() && !cx.only_bullets {
                if let Skip::ToEnd = self.skip_ahead(&mut cx) {
                    return Attempt::Done(self.finish());
                }
            }
            let Some(tok) = self.tokens.next() else {
                return Attempt::Done(self.finish());
            };
            // A blank line ends the sentence whatever came before it.
            if cx.tokens > 0 {
                let gap = self.text.get(cx.end..tok.span.start).unwrap_or_default();
                if gap.len() >= 2 && is_paragraph_break(gap) {
                    self.last_bullet = None;
                    self.tokens.push_front(tok);
                    return Attempt::Done(Some(self.emit(cx.end)));
                }
            }
            let mut end = tok.span.end;
            let tok_role = role(&tok);
            let split = match tok_role {
                Role::Terminal(stop) => {
                    if stop == Stop::Period {
                        if let Some(number) = cx.bullet_number() {
                            self.last_bullet = Some(number);
                        }
                    }
                    let left = match stop {
                        Stop::Period => self.left_of_period(&cx, &tok),
                        Stop::Strong | Stop::Ellipsis | Stop::LongEllipsis => Left::None,
                    };
                    let (new_end, stop, left) = self.absorb_closers(end, stop, left);
                    end = new_end;
                    self.decide(stop, left, &cx, end)
                }
                Role::Word if tok.text.len() > 1 && tok.text.ends_with('.') => {
                    let left = self.left_of_glued(&cx, &tok);
                    let (new_end, stop, left) = self.absorb_closers(end, Stop::Period, left);
                    end = new_end;
                    self.decide(stop, left, &cx, end)
                }
                Role::SmileyEyes | Role::Semicolon if self.smiley_follows(end) => {
                    let (new_end, stop, _) = self.absorb_closers(end, Stop::Strong, Left::None);
                    end = new_end;
                    self.decide(stop, Left::None, &cx, end)
                }
                // `(0; 5)`: a list item does not start inside brackets.
                Role::Semicolon if self.open_brackets > 0 => false,
                Role::Semicolon => self.list_item_follows(end) || self.bullet_follows(end, true),
                // `(62 очка) 2. Зенит` after `1.`: a closing bracket or quote before the next
                // bullet of a list.
                // A `)` that closes no bracket of the sentence ends a list bullet (`а)`).
                Role::Closer if tok.text == ")" && self.open_brackets == 0 => false,
                Role::Closer => {
                    self.bullet_follows(end, false) || self.function_word_opens(&cx, end)
                }
                // A quote stuck to a word closes it: `кто именно "сплотил" Между гимном`.
                Role::GenericQuote
                    if cx
                        .prev
                        .is_some_and(|p| p.end == tok.span.start && p.kind == TokenKind::Word) =>
                {
                    self.function_word_opens(&cx, end)
                }
                _ => false,
            };
            if matches!(tok_role, Role::Opener | Role::Closer) {
                self.count_bracket(tok.text);
                if tok.text == "«" && self.title_quote == TitleQuote::None && cx.has_words() {
                    self.title_quote = TitleQuote::Open;
                }
            }
            if cx.unknown.get() {
                return Attempt::Redo;
            }
            cx.push(&tok);
            cx.end = end;
            if split {
                return Attempt::Done(Some(self.emit(end)));
            }
        }
    }

    /// Skips the tokens from `cx.end` to the context of the next place where the sentence
    /// can end, if there are any to skip; they are only counted (`cx.words` becomes a lower
    /// bound) and the two tokens before the first one read again are unknown. A rule that
    /// asks about either makes the sentence be split again on the full path.
    #[inline]
    fn skip_ahead(&mut self, cx: &mut Context<'a>) -> Skip {
        let from = cx.end;
        let event = self.event_after(from);
        if event.at >= self.text.len() {
            return Skip::ToEnd;
        }
        if event.resume <= from {
            return Skip::None;
        }
        // The end of the last token skipped: the gap after it is looked at as usual.
        let skipped = self.text.get(from..event.resume).unwrap_or_default();
        let skipped = skipped.trim_end_matches(is_separator).as_bytes();
        if skipped.is_empty() {
            return Skip::None;
        }
        let last_end = from + skipped.len();
        if cx.words < WORD_PIECES_ENOUGH {
            cx.words = cx
                .words
                .saturating_add(word_pieces(skipped, WORD_PIECES_ENOUGH - cx.words));
        }
        cx.words_exact = false;
        cx.tokens = cx.tokens.saturating_add(1);
        let unknown = Prev::unknown(last_end);
        cx.prev = Some(unknown);
        cx.prev2 = Some(unknown);
        cx.before_run = Some(unknown);
        cx.run_start = event.resume;
        cx.end = last_end;
        self.tokens.restart_at(event.resume);
        Skip::None
    }

    /// The next [`Event`] at or after `from` (a token's end), reusing the last look when
    /// it is still the answer.
    #[inline]
    fn event_after(&mut self, from: usize) -> Event {
        if let Some(event) = self.event {
            if event.from <= from && from <= event.at {
                return event;
            }
        }
        let bytes = self.text.as_bytes();
        let at = self.scan_event(from);
        let resume = if at >= bytes.len() {
            at
        } else {
            context_start(bytes, from, at)
        };
        let event = Event { from, at, resume };
        self.event = Some(event);
        event
    }

    /// The first byte at or after `from` where a rule may apply: a byte of a token that
    /// can end a sentence or change what the splitter knows (terminators, `;`, brackets,
    /// quotes), or the first token after a blank line. The text's length if none.
    fn scan_event(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = from;
        loop {
            let Some(offset) = bytes.get(i..).and_then(first_scan_byte) else {
                return bytes.len();
            };
            i += offset;
            let b = bytes[i];
            match SCAN[usize::from(b)] {
                SCAN_RULE => return i,
                SCAN_LINE => {}
                SCAN_C2 => {
                    if matches!(bytes.get(i + 1), Some(0xAB | 0xBB)) {
                        return i; // « »
                    }
                    i += 1;
                    continue;
                }
                _ => match (bytes.get(i + 1), bytes.get(i + 2)) {
                    // … ’ “ ” ‼
                    (Some(0x80), Some(0xA6 | 0x99 | 0x9C | 0x9D | 0xBC))
                    // ⁇ ⁈ ⁉
                    | (Some(0x81), Some(0x87..=0x89)) => return i,
                    (Some(0x80), Some(0xA9)) => {} // paragraph separator
                    _ => {
                        i += 1;
                        continue;
                    }
                },
            }
            // A line break or paragraph separator. The scan stops at the first one of each
            // gap (it starts at a token's end and goes past every gap it looks at), and
            // the separators before it in the gap change nothing: the rest decides.
            let end = gap_end(self.text, i);
            if end < bytes.len() && is_paragraph_break(&self.text[i..end]) {
                return end;
            }
            i = end.max(i + 1);
        }
    }

    /// Gives out the text from `pos` to `end` (extended over anything the tokenizer left
    /// between `end` and the next token that is not whitespace), trimmed.
    fn emit(&mut self, end: usize) -> Sentence<'a> {
        let next_start = self
            .tokens
            .peek(0)
            .map_or(self.text.len(), |t| t.span.start);
        let end = end
            + self
                .text
                .get(end..next_start)
                .map_or(0, |g| g.trim_end_matches(is_separator).len());
        let raw = self.text.get(self.pos..end).unwrap_or_default();
        let trimmed = raw.trim_start_matches(is_separator);
        let start = end - trimmed.len();
        debug_assert!(self.text.is_char_boundary(start) && self.text.is_char_boundary(end));
        self.pos = end;
        self.open_brackets = 0;
        self.title_quote = TitleQuote::None;
        Sentence {
            text: trimmed,
            span: Span::new(start, end),
        }
    }

    /// The last sentence: whatever is left, trimmed.
    fn finish(&mut self) -> Option<Sentence<'a>> {
        self.done = true;
        let rest = self.text.get(self.pos..).unwrap_or_default();
        let trimmed_end = rest.trim_end_matches(is_separator);
        let trimmed = trimmed_end.trim_start_matches(is_separator);
        if trimmed.is_empty() {
            return None;
        }
        let start = self.pos + (trimmed_end.len() - trimmed.len());
        let end = start + trimmed.len();
        self.pos = self.text.len();
        Some(Sentence {
            text: trimmed,
            span: Span::new(start, end),
        })
    }

    /// Takes the closing quotes and brackets (and further terminators) that belong to the
    /// sentence ending at `end`; returns the new end and the stop and left side to decide
    /// with. A closing `»` or `)` is taken even after a space; a generic quote `"` only when
    /// stuck to the terminator (with a space before it, it opens the next sentence); a
    /// terminator only when stuck on (`!..`, `ред.).`). A terminator taken this way
    /// decides instead of an abbreviation's period: `(прим. ред.).` ends where `(ред.)`
    /// would not.
    fn absorb_closers(
        &mut self,
        mut end: usize,
        mut stop: Stop,
        mut left: Left<'a>,
    ) -> (usize, Stop, Left<'a>) {
        loop {
            let Some(next) = self.tokens.peek(0) else {
                return (end, stop, left);
            };
            let attached = next.span.start == end;
            match role(next) {
                Role::Closer => {
                    let same_line = self
                        .text
                        .get(end..next.span.start)
                        .is_some_and(|gap| !gap.contains('\n'));
                    if !(attached || same_line) {
                        return (end, stop, left);
                    }
                }
                Role::GenericQuote if attached => {}
                Role::Terminal(later) if attached => {
                    if stop != Stop::Strong {
                        stop = later;
                    }
                    left = Left::None;
                }
                _ => return (end, stop, left),
            }
            end = next.span.end;
            if let Some(closer) = self.tokens.next() {
                self.count_bracket(closer.text);
            }
        }
    }

    /// Keeps count of the round brackets open in the sentence, and of a `«` closing.
    #[inline]
    fn count_bracket(&mut self, token: &str) {
        match token {
            "(" => self.open_brackets = self.open_brackets.saturating_add(1),
            ")" => self.open_brackets = self.open_brackets.saturating_sub(1),
            "»" => self.title_quote = TitleQuote::None,
            _ => {}
        }
    }

    /// `двухтомник «Стругацкие. Материалы к исследованию» составил …`: a terminator inside
    /// a quotation opened in the middle of a sentence is part of a title or a quoted phrase
    /// when the quotation closes soon and the sentence goes on after it (a lowercase word,
    /// `,`, `;`, `:`, `)` or a dash). Looks for the `»` once per quotation, at most
    /// [`TITLE_REACH`] bytes ahead, on the same line.
    fn inside_title(&mut self, end: usize) -> bool {
        if self.title_quote == TitleQuote::Open {
            self.title_quote = self
                .find_title_close(end)
                .map_or(TitleQuote::OutOfReach, TitleQuote::ClosesAt);
        }
        let TitleQuote::ClosesAt(close) = self.title_quote else {
            return false;
        };
        if close <= end {
            return false;
        }
        let after = self.text.get(close..).unwrap_or_default();
        let mut rest = after.trim_start_matches(['»', ' ', '\u{a0}']).chars();
        match rest.next() {
            Some(c) if c.is_lowercase() => true,
            Some(',' | ';' | ':' | ')') => true,
            Some('—' | '–' | '-') => {
                let word = rest.as_str().trim_start();
                word.chars().next().is_some_and(char::is_lowercase)
            }
            _ => false,
        }
    }

    /// The byte offset of the `»` that closes the quotation, if it comes within reach and
    /// before a line break or another `«`.
    fn find_title_close(&self, from: usize) -> Option<usize> {
        let ahead = self.text.get(from..)?;
        let mut reach = ahead.len().min(TITLE_REACH);
        while !ahead.is_char_boundary(reach) {
            reach -= 1;
        }
        let window = ahead.get(..reach)?;
        let stop = window.find(['\n', '«']).unwrap_or(window.len());
        window.get(..stop)?.find('»').map(|i| from + i)
    }

    /// Is a smiley's mouth (`)`, `(`, `))`) stuck to the eyes (`:`, `;`) ending at `end`?
    fn smiley_follows(&mut self, end: usize) -> bool {
        let Some(next) = self.tokens.peek(0) else {
            return false;
        };
        if next.span.start != end {
            return false;
        }
        if is_mouth(next.text) {
            return true;
        }
        // `:-)`
        if next.text == "-" {
            let nose_end = next.span.end;
            return self
                .tokens
                .peek(1)
                .is_some_and(|m| m.span.start == nose_end && is_mouth(m.text));
        }
        false
    }

    /// `;` ends a sentence when a list item (`2)`, `б)`) starts after it.
    fn list_item_follows(&mut self, end: usize) -> bool {
        let Some(next) = self.tokens.peek(0) else {
            return false;
        };
        if next.span.start == end || !is_bullet_token(next) {
            return false;
        }
        let bullet_end = next.span.end;
        self.tokens
            .peek(1)
            .is_some_and(|t| t.span.start == bullet_end && t.text == ")")
    }

    /// Does a list bullet with evidence start after `end` (after a space)? Evidence is a
    /// mark before the number (`«7.`, `§2.`, `[3.`), the number after the last bullet read
    /// (`2.` after `1.`), or — when `after_separator` — the `;` before it (`…; 3. Итоги`).
    /// A number and a period alone are not enough: `погибли 117. Спасти` ends after `117.`.
    fn bullet_follows(&mut self, end: usize, after_separator: bool) -> bool {
        if self
            .tokens
            .peek(0)
            .is_none_or(|next| next.span.start == end)
        {
            return false;
        }
        match self.bullet_ahead() {
            Some(bullet) => {
                after_separator
                    || bullet.marked
                    || bullet
                        .number
                        .is_some_and(|n| Some(n) == self.last_bullet.map(|b| b + 1))
            }
            None => false,
        }
    }

    /// A list bullet next: an optional mark (`«`, `§`, `[`), a number, a period stuck to
    /// it, and after a space a capitalized word or an opening quote (`2. Киа`, `§4. Итоги`,
    /// `«7. Директор`).
    fn bullet_ahead(&mut self) -> Option<BulletAhead> {
        let first = self.tokens.peek(0)?;
        let marked = matches!(first.text, "«" | "„" | "\"" | "§" | "[");
        let mut i = usize::from(marked);
        let mut end = first.span.start;
        if marked {
            end = first.span.end;
        }
        let number = self.tokens.peek(i)?;
        if number.kind != TokenKind::Number
            || (marked && number.span.start != end)
            || !number.text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            return None;
        }
        let value = number.text.parse::<u32>().ok();
        end = number.span.end;
        i += 1;
        let dot = self.tokens.peek(i)?;
        if dot.text != "." || dot.span.start != end {
            return None;
        }
        end = dot.span.end;
        i += 1;
        let after = self.tokens.peek(i)?;
        if after.span.start == end {
            return None;
        }
        let starts_item = match role(after) {
            Role::Word => matches!(word_case(after.text), Case::Upper | Case::UpperCyrillic),
            Role::Opener | Role::GenericQuote => true,
            _ => false,
        };
        starts_item.then_some(BulletAhead {
            number: value,
            marked,
        })
    }

    /// What is left of a `.` token: the word stuck to it, if any.
    fn left_of_period(&mut self, cx: &Context<'a>, dot: &Token<'a>) -> Left<'a> {
        match cx.prev {
            Some(ref prev)
                if prev.end == dot.span.start
                    && prev.kind == TokenKind::Word
                    && !prev.text.ends_with('.') =>
            {
                // `к.п.н.`, `А.С.` as letters and periods in separate tokens: look the whole
                // run up first.
                if cx.run_start < prev.start {
                    let scan = self.scan_run(cx.run_start, prev.end);
                    if scan.letters_and_dots {
                        let run = self.text.get(cx.run_start..prev.end).unwrap_or_default();
                        let class =
                            self.classify_word(run, cx.run_start, cx.before_run(), scan.dots > 0);
                        if class != Class::Plain {
                            let parts = scan.dots.saturating_add(1);
                            return Left::Word {
                                class,
                                word: run,
                                words_before: cx.words.saturating_sub(parts),
                            };
                        }
                    }
                }
                let class = self.classify_word(prev.text, prev.start, cx.prev2(), false);
                let class = gloss_or(class, prev.text, cx.prev2(), self.open_brackets);
                Left::Word {
                    class,
                    word: prev.text,
                    words_before: cx.words.saturating_sub(1),
                }
            }
            _ => Left::None,
        }
    }

    /// Reads the run of glued tokens `start..end`, going on from where the last call for
    /// the same run stopped: each byte of a run is read once however many periods it has.
    fn scan_run(&mut self, start: usize, end: usize) -> RunScan {
        let scan = &mut self.run_scan;
        if scan.start != start || scan.end > end {
            *scan = RunScan {
                start,
                end: start,
                letters_and_dots: true,
                dots: 0,
            };
        }
        if scan.letters_and_dots {
            for c in self.text.get(scan.end..end).unwrap_or_default().chars() {
                if c == '.' {
                    scan.dots = scan.dots.saturating_add(1);
                } else if !c.is_alphabetic() {
                    scan.letters_and_dots = false;
                    break;
                }
            }
        }
        scan.end = end;
        *scan
    }

    /// What the period of a word token with its period (`г.`, `т.е.`, `Е.`) belongs to.
    fn left_of_glued(&self, cx: &Context<'a>, tok: &Token<'a>) -> Left<'a> {
        let word = &tok.text[..tok.text.len() - 1];
        let class = self.classify_word(word, tok.span.start, cx.prev(), word.contains('.'));
        let class = gloss_or(class, word, cx.prev(), self.open_brackets);
        Left::Word {
            class,
            word,
            words_before: cx.words,
        }
    }

    /// Classifies the word before a period. `before` is the token before the word;
    /// `compound` says the word holds periods of its own (`т.е` kept whole by the
    /// tokenizer, or a run `к.п.н` of glued tokens). Takes time independent of the
    /// word's length: every test looks at a bounded prefix or checks the length first.
    fn classify_word(
        &self,
        word: &str,
        word_start: usize,
        before: Option<&Prev<'a>>,
        compound: bool,
    ) -> Class {
        // `т. е.`: the second half is looked up together with the first.
        if let Some((first, first_end)) = self.last_abbrev {
            let between = self.text.get(first_end..word_start).unwrap_or("x");
            if between.len() <= 2 && between.trim().is_empty() {
                if let Some(class) = lookup_pair(first, word) {
                    return resolve(class, before);
                }
            }
        }
        let after_number = before.is_some_and(is_number_like);
        if let Some(class) = initials_class(word) {
            // `520 С.`, `25 F.`: after a number a capital letter is a unit, not an initial.
            return if after_number { Class::Plain } else { class };
        }
        let after_word = before.is_some_and(|b| b.kind == TokenKind::Word);
        // `гордился им.`: after a reflexive verb `им` is the pronoun its object, not
        // `имени`, which follows the name of an institution.
        if matches!(word, "им" | "Им")
            && before
                .is_some_and(|b| after_word && (b.text.ends_with("ся") || b.text.ends_with("сь")))
        {
            return Class::Plain;
        }
        let known = known_abbreviation(word);
        match known.class {
            // `династии Мин.`: a capitalized unit after a word is a name (but `(См.`).
            Some(DataClass::Unit | DataClass::Date | DataClass::Currency)
                if after_word && is_capitalized(word) =>
            {
                Class::Plain
            }
            Some(class) => resolve(class, before),
            // An abbreviation this table does not rank but the tokenizer's list knows
            // (`ред`, `проц`), or a compound the tokenizer kept with its periods: it may end
            // a sentence, but not before a lowercase word or a number.
            // `обр.`, `стр.`: a lowercase word without a vowel is no Russian word.
            None if compound || known.tokenizer_list || is_vowelless(word) => Class::Final,
            None => Class::Plain,
        }
    }

    /// Does the sentence end after the candidate ending at `end`?
    fn decide(&mut self, stop: Stop, left: Left<'a>, cx: &Context<'a>, end: usize) -> bool {
        let verdict = self.verdict(stop, &left, cx, end) && !self.inside_title(end);
        // Remember an abbreviation read through, for `т. е.`-style pairs.
        self.last_abbrev = match left {
            Left::Word { word, class, .. } if !verdict && class != Class::Plain => {
                Some((word, end))
            }
            _ => None,
        };
        verdict
    }

    fn verdict(&mut self, stop: Stop, left: &Left<'a>, cx: &Context<'a>, end: usize) -> bool {
        let Some(next) = self.tokens.peek(0) else {
            return false; // end of text: `finish` gives the sentence out
        };
        if next.span.start == end {
            // No space: `т.е.`, `1.5`, `Лента.ру` … but dots run into a capitalized word
            // (`думал...Потом`) still end the sentence (not an elision: `предписал:…Чтобы`).
            return matches!(stop, Stop::Ellipsis | Stop::LongEllipsis)
                && cx.prev().is_some_and(|p| p.kind == TokenKind::Word)
                && next.kind == TokenKind::Word
                && next.text.chars().nth(1).is_some()
                && is_capitalized(next.text);
        }
        let next_role = role(next);
        match next_role {
            Role::Word
            | Role::Number
            | Role::Other
            | Role::Opener
            | Role::GenericQuote
            | Role::Dash => {}
            // `…Крэк очнулся.`, `залаяла. … Усмиряй`: an ellipsis after a stop opens the
            // next sentence.
            Role::Terminal(Stop::Ellipsis | Stop::LongEllipsis) => {}
            // `,`, `:`, `;`, closers after a space, another terminator …
            _ => return false,
        }
        // A period before a dash closes the speech: `— …дам. — сказала она.` Orthography
        // puts a comma there when the author's words continue the sentence (`— Привет! —
        // сказал он.` continues after `!`, `?` and `…`).
        if stop == Stop::Period
            && matches!(
                left,
                Left::None
                    | Left::Word {
                        class: Class::Plain,
                        ..
                    }
            )
            && next_role == Role::Dash
            && cx.has_words()
        {
            return true;
        }
        let case = self.next_word_case();
        if case == Case::Lower {
            // `…на самое себя. (помните, …`, `…в предмете. «вы, конечно, …`: after a period
            // that ends a word, a bracket or quote opens the next sentence even when its
            // first word is lowercase; after an abbreviation it is a gloss (`1939 гг. (по`).
            let plain = matches!(
                left,
                Left::None
                    | Left::Word {
                        class: Class::Plain,
                        ..
                    }
            );
            return stop == Stop::Period
                && plain
                && matches!(next_role, Role::Opener | Role::GenericQuote)
                && cx.has_words();
        }
        if !matches!(left, Left::Word { .. }) && !cx.has_words() {
            return false; // nothing but punctuation so far
        }
        match (stop, left) {
            (Stop::Strong, _) => true,
            (Stop::Ellipsis, _) => !self.one_word_ending(),
            (Stop::LongEllipsis, _) => true,
            (Stop::Period, Left::None) => !cx.only_bullets && !cx.bullet_after_colon(),
            (
                Stop::Period,
                Left::Word {
                    class,
                    word,
                    words_before,
                },
            ) => {
                if cx.only_bullets && (is_bullet_word(word) || *words_before == 0) {
                    return false;
                }
                // `— Я. Больше никто.`, `…служил им. Только`: an initial or `им.` is
                // followed by a name, never by a function word.
                if *class == Class::Inner
                    && names_follow(word)
                    && case == Case::UpperCyrillic
                    && self.function_word_follows()
                {
                    return true;
                }
                if *class != Class::Plain && self.initial_follows() {
                    return false; // `к.п.н. И. П. Карташовым`, `и др. А. Иванов`
                }
                // `и т. д. 3. Решение`: a number after an abbreviation continues the
                // sentence, but a list bullet starts the next one.
                let opens = case != Case::Digit || self.bullet_ahead().is_some();
                match class {
                    Class::Plain => true,
                    Class::Inner => false,
                    Class::Lang | Class::Latin => case == Case::UpperCyrillic,
                    Class::Final => opens,
                    Class::Currency => opens && !self.acronym_follows(),
                    Class::Gloss => self.tokens.peek(0).is_some_and(|t| {
                        t.kind == TokenKind::Word && word_case(t.text) == Case::UpperCyrillic
                    }),
                    Class::Date => {
                        opens && cx.at_least(*words_before, MIN_WORDS_BEFORE_DATE_ABBREV)
                    }
                }
            }
        }
    }

    /// `И сын у меня… Платон.`: after an ellipsis, a lone word and a period name what the
    /// pause led up to; they do not make a sentence of their own.
    fn one_word_ending(&mut self) -> bool {
        let Some(word) = self.tokens.peek(0) else {
            return false;
        };
        if word.kind != TokenKind::Word {
            return false;
        }
        let end = word.span.end;
        let Some(stop) = self.tokens.peek(1) else {
            return false;
        };
        if stop.span.start != end || role(stop) != Role::Terminal(Stop::Period) {
            return false;
        }
        let end = stop.span.end;
        match self.tokens.peek(2) {
            None => true,
            Some(after) => {
                let gap = self.text.get(end..after.span.start).unwrap_or_default();
                is_paragraph_break(gap)
            }
        }
    }

    /// `«Худой мир» В начале века …`, `(1921) Также учился`: a capitalized function word
    /// after a closing quote or bracket starts a sentence, even with no terminator before
    /// it (a title or heading ran into the text). Not after a list bullet (`1) Сегодня`),
    /// and not the polite `Вы`, `Вам`, capitalized anywhere in letters.
    fn function_word_opens(&mut self, cx: &Context<'a>, end: usize) -> bool {
        if cx.only_bullets || !cx.has_words() {
            return false;
        }
        let Some(next) = self.tokens.peek(0) else {
            return false;
        };
        if next.span.start == end
            || word_case(next.text) != Case::UpperCyrillic
            || is_polite_pronoun(next.text)
        {
            return false;
        }
        self.function_word_follows()
    }

    /// Is the next token a capitalized function word (`Он`, `Только`, `Если`) and not an
    /// initial (`В.`)?
    fn function_word_follows(&mut self) -> bool {
        let Some(next) = self.tokens.peek(0) else {
            return false;
        };
        if next.kind != TokenKind::Word || !FUNCTION_WORDS.contains(next.text) {
            return false;
        }
        let end = next.span.end;
        !self
            .tokens
            .peek(1)
            .is_some_and(|t| t.span.start == end && t.text == ".")
    }

    /// Is the next token an acronym (`США`, `РФ`): two or more capitals, no lowercase?
    fn acronym_follows(&mut self) -> bool {
        self.tokens.peek(0).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text.chars().nth(1).is_some()
                && t.text.chars().all(char::is_uppercase)
        })
    }

    /// Is the next token an initial (`И.`, `И` + `.`)?
    fn initial_follows(&mut self) -> bool {
        let Some(next) = self.tokens.peek(0) else {
            return false;
        };
        if next.kind != TokenKind::Word {
            return false;
        }
        if let Some(word) = next.text.strip_suffix('.') {
            return initials_class(word).is_some();
        }
        if initials_class(next.text).is_none() {
            return false;
        }
        let end = next.span.end;
        self.tokens
            .peek(1)
            .is_some_and(|t| t.span.start == end && t.text == ".")
    }

    /// The case of the first word after the candidate, looking past dashes and opening
    /// quotes and brackets (`— сказал он`, `«Относительно`, `"в связи`).
    fn next_word_case(&mut self) -> Case {
        for i in 0..LOOKAHEAD {
            let Some(tok) = self.tokens.peek(i) else {
                return Case::Other;
            };
            match role(tok) {
                Role::Dash | Role::Opener | Role::GenericQuote => continue,
                Role::Terminal(Stop::Ellipsis | Stop::LongEllipsis) if i == 0 => continue,
                Role::Word => return word_case(tok.text),
                Role::Number => return Case::Digit,
                // `2010 г. № 12`, `выше. §2`: the sign of a number reads as the number.
                _ if matches!(tok.text, "№" | "§") => return Case::Digit,
                // `?" (www.site.ru)`: a bracketed link or symbol goes with what came before.
                _ if i > 0 => return Case::Lower,
                _ => return Case::Other,
            }
        }
        Case::Other
    }
}

/// A date abbreviation after fewer words than this does not end a sentence: `В 1998 г.`
/// or `5 ноября 1998 г.` is the opening of one, not a whole sentence.
const MIN_WORDS_BEFORE_DATE_ABBREV: u32 = 4;

/// How far ahead, in bytes, the `»` that closes a title is looked for.
const TITLE_REACH: usize = 160;

/// How many tokens the splitter may look ahead.
const LOOKAHEAD: usize = 4;

/// A small ring buffer of peeked tokens.
struct Lookahead<'a> {
    iter: TokenIter<'a>,
    buf: [Option<Token<'a>>; LOOKAHEAD],
    head: usize,
    len: usize,
}

type TokenIter<'a> = crate::segment::tokenize::Tokens<'a>;

impl<'a> Lookahead<'a> {
    fn new(iter: TokenIter<'a>) -> Self {
        Lookahead {
            iter,
            buf: Default::default(),
            head: 0,
            len: 0,
        }
    }

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        if self.len == 0 {
            return self.iter.next();
        }
        let tok = self.buf[self.head].take();
        self.head = (self.head + 1) % LOOKAHEAD;
        self.len -= 1;
        tok
    }

    /// Whether no token is waiting in the buffer.
    #[inline]
    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Drops the buffer and reads on from `pos`, where a token may start.
    fn restart_at(&mut self, pos: usize) {
        self.buf = Default::default();
        self.head = 0;
        self.len = 0;
        self.iter.restart_at(pos);
    }

    /// Puts a token taken with `next` back in front.
    #[inline]
    fn push_front(&mut self, tok: Token<'a>) {
        debug_assert!(self.len < LOOKAHEAD);
        self.head = (self.head + LOOKAHEAD - 1) % LOOKAHEAD;
        self.buf[self.head] = Some(tok);
        self.len += 1;
    }

    /// The `n`-th token ahead (0 = the next one); `None` past the end or beyond the window.
    #[inline]
    fn peek(&mut self, n: usize) -> Option<&Token<'a>> {
        if n >= LOOKAHEAD {
            return None;
        }
        while self.len <= n {
            let tok = self.iter.next()?;
            self.buf[(self.head + self.len) % LOOKAHEAD] = Some(tok);
            self.len += 1;
        }
        self.buf[(self.head + n) % LOOKAHEAD].as_ref()
    }
}

/// What the splitter remembers about the current sentence.
struct Context<'a> {
    /// Tokens so far that are not punctuation or symbols (words, numbers, links …).
    words: u32,
    /// Tokens so far.
    tokens: u32,
    /// Where the last token read (with the closers taken after it) ends.
    end: usize,
    /// Every token so far could be part of a list bullet (`1.`, `IV.`, `§2.`, `8.1.`).
    only_bullets: bool,
    prev: Option<Prev<'a>>,
    prev2: Option<Prev<'a>>,
    /// Where the current run of tokens with no space between them starts (`к.п.н.`).
    run_start: usize,
    /// The token before that run.
    before_run: Option<Prev<'a>>,
    /// Whether `words` is exact; after a skip it is a lower bound.
    words_exact: bool,
    /// Set when a rule asked about something skipped: the answer it got may be wrong.
    unknown: Cell<bool>,
}

/// A token already read.
#[derive(Clone, Copy)]
struct Prev<'a> {
    text: &'a str,
    kind: TokenKind,
    start: usize,
    end: usize,
    /// False for a token the skipping path did not read: only `end` is meaningful (it is
    /// before a separator, so nothing is stuck to it).
    known: bool,
}

impl Prev<'_> {
    fn unknown(end: usize) -> Self {
        Prev {
            text: "",
            kind: TokenKind::Symbol,
            start: end,
            end,
            known: false,
        }
    }
}

impl<'a> Context<'a> {
    fn new() -> Self {
        Context {
            words: 0,
            tokens: 0,
            end: 0,
            only_bullets: true,
            prev: None,
            prev2: None,
            run_start: 0,
            before_run: None,
            words_exact: true,
            unknown: Cell::new(false),
        }
    }

    /// A token remembered in `slot`, noting it if the skipping path did not read it.
    #[inline]
    fn look<'c>(&self, slot: &'c Option<Prev<'a>>) -> Option<&'c Prev<'a>> {
        match slot {
            Some(p) if !p.known => {
                self.unknown.set(true);
                None
            }
            other => other.as_ref(),
        }
    }

    /// The token before the current one.
    #[inline]
    fn prev(&self) -> Option<&Prev<'a>> {
        self.look(&self.prev)
    }

    /// The token before that.
    #[inline]
    fn prev2(&self) -> Option<&Prev<'a>> {
        self.look(&self.prev2)
    }

    /// The token before the current run of glued tokens.
    #[inline]
    fn before_run(&self) -> Option<&Prev<'a>> {
        self.look(&self.before_run)
    }

    /// Whether the sentence has a word or number so far.
    #[inline]
    fn has_words(&self) -> bool {
        if self.words > 0 {
            return true;
        }
        if !self.words_exact {
            self.unknown.set(true);
        }
        false
    }

    /// Whether `words_before` (derived from `words`) is at least `min`.
    #[inline]
    fn at_least(&self, words_before: u32, min: u32) -> bool {
        if words_before >= min {
            return true;
        }
        if !self.words_exact {
            self.unknown.set(true);
        }
        false
    }

    /// The number of the list bullet just read, if the sentence so far is one (`1`, `§2`)
    /// or it follows `;` or `:` (`Итоги: 1`).
    fn bullet_number(&self) -> Option<u32> {
        let number = self.prev()?;
        if number.kind != TokenKind::Number || !(self.only_bullets || self.bullet_after_colon()) {
            return None;
        }
        number.text.parse().ok()
    }

    /// A number just read after `;` or `:` — a list item inside a sentence (`…; 3.`).
    fn bullet_after_colon(&self) -> bool {
        let Some(number) = self.prev() else {
            return false;
        };
        if number.kind != TokenKind::Number {
            return false;
        }
        self.prev2()
            .is_some_and(|mark| matches!(mark.text, ";" | ":") && mark.end < number.start)
    }

    #[inline]
    fn push(&mut self, tok: &Token<'a>) {
        if !matches!(tok.kind, TokenKind::Punct | TokenKind::Symbol) {
            self.words += 1;
        }
        self.tokens += 1;
        if self.only_bullets {
            self.only_bullets = self.tokens <= MAX_BULLET_TOKENS && is_bullet_token(tok);
        }
        if self.prev.as_ref().is_none_or(|p| p.end != tok.span.start) {
            self.run_start = tok.span.start;
            self.before_run = self.prev;
        }
        self.prev2 = self.prev.take();
        self.prev = Some(Prev {
            text: tok.text,
            kind: tok.kind,
            start: tok.span.start,
            end: tok.span.end,
            known: true,
        });
    }
}

/// A list bullet seen ahead: its number (`None` for `2.4.`) and whether a mark (`«`, `§`,
/// `[`) stands before it.
#[derive(Debug, Clone, Copy)]
struct BulletAhead {
    number: Option<u32>,
    marked: bool,
}

/// A list bullet has at most this many tokens (`§`, `2`, `.`, `1`, `.`).
const MAX_BULLET_TOKENS: u32 = 6;

/// What a token can do at a sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Word,
    Number,
    /// `.`, `!`, `?`, `...`, `…`, `?!`, `!..`
    Terminal(Stop),
    /// `»`, `)`, `]`, `}`, `”`, `’`: close something, never open.
    Closer,
    /// `"`, `'`, `“`: open or close, depending on where the spaces are.
    GenericQuote,
    /// `«`, `„`, `(`, `[`, `{`, `‘`.
    Opener,
    /// `-`, `–`, `—` …
    Dash,
    Semicolon,
    /// `:` or `=` — possibly a smiley's eyes; `;` is checked separately.
    SmileyEyes,
    /// Other punctuation (`,`, `/` …).
    Punct,
    /// Symbols, URLs, e-mails, hashtags, mentions, emoji.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Period,
    /// `!`, `?` and their mixes.
    Strong,
    /// `...`, `…`, `..`
    Ellipsis,
    /// `.....`, `…..`: more dots than an ellipsis has — the thought is cut off, not paused
    /// before a word that completes it (`Ну..... Посмотрим.` is two sentences where
    /// `И сын у меня… Платон.` is one).
    LongEllipsis,
}

/// Dots (`…` counts three) from which a run of them is a [`Stop::LongEllipsis`].
const LONG_ELLIPSIS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    UpperCyrillic,
    Upper,
    Lower,
    Digit,
    Other,
}

/// Whether a period after a word can end a sentence (see `data/sentence_abbrev.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// An ordinary word: the period ends the sentence.
    Plain,
    Inner,
    Final,
    Lang,
    /// `г.`, `в.` after a number: `final`, but not at the start of a sentence
    /// (`В 1998 г. Совет решил …`).
    Date,
    /// A Latin initial: ends the sentence only before a capitalized Cyrillic word.
    Latin,
    /// `руб.`, `долл.` after a number: `final`, but an acronym after it names the currency's
    /// country (`100 долл. США`).
    Currency,
    /// A lowercase word opening a bracket (`(самоан. Malo …)`, `(кан. 28)`): a label of
    /// what the bracket glosses. Ends the sentence only before a capitalized Cyrillic
    /// word (`(Прилепин — … лучше, чем Лимонов. Но враг)`).
    Gloss,
}

/// A class as written in the data file, before `unit` is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DataClass {
    Inner,
    Final,
    Lang,
    Unit,
    Date,
    Currency,
}

/// What is left of a period.
#[derive(Debug, Clone, Copy)]
enum Left<'a> {
    None,
    Word {
        class: Class,
        word: &'a str,
        /// Word and number tokens in the sentence before this word.
        words_before: u32,
    },
}

#[inline]
fn role(tok: &Token<'_>) -> Role {
    match tok.kind {
        TokenKind::Word => Role::Word,
        TokenKind::Number => Role::Number,
        TokenKind::Punct => punct_role(tok.text),
        _ => Role::Other,
    }
}

fn punct_role(text: &str) -> Role {
    let bytes = text.as_bytes();
    // ASCII fast path: one repeated mark.
    if let [b, ..] = bytes {
        if b.is_ascii() && bytes.iter().all(|c| c == b) {
            return match b {
                b'.' if bytes.len() == 1 => Role::Terminal(Stop::Period),
                b'.' if bytes.len() >= LONG_ELLIPSIS => Role::Terminal(Stop::LongEllipsis),
                b'.' => Role::Terminal(Stop::Ellipsis),
                b'!' | b'?' => Role::Terminal(Stop::Strong),
                b')' | b']' | b'}' => Role::Closer,
                b'(' | b'[' | b'{' => Role::Opener,
                b'"' | b'\'' => Role::GenericQuote,
                b'-' => Role::Dash,
                b';' if bytes.len() == 1 => Role::Semicolon,
                b':' | b'=' => Role::SmileyEyes,
                b'*' => Role::Other, // a list bullet
                _ => Role::Punct,
            };
        }
    }
    if text
        .chars()
        .all(|c| matches!(c, '.' | '…' | '!' | '?' | '‼' | '⁇' | '⁈' | '⁉'))
    {
        let dots: usize = text
            .chars()
            .map(|c| match c {
                '.' => 1,
                '…' => 3,
                _ => 0,
            })
            .sum();
        return if text.contains(['!', '?', '‼', '⁇', '⁈', '⁉']) {
            Role::Terminal(Stop::Strong)
        } else if dots >= LONG_ELLIPSIS {
            Role::Terminal(Stop::LongEllipsis)
        } else {
            Role::Terminal(Stop::Ellipsis)
        };
    }
    if is_smiley(text) {
        return Role::Terminal(Stop::Strong);
    }
    if text
        .chars()
        .all(|c| matches!(c, '•' | '·' | '▪' | '►' | '◦' | '§'))
    {
        return Role::Other; // list bullets, `§`
    }
    if text
        .chars()
        .all(|c| matches!(c, '»' | '”' | '’' | ')' | ']' | '}'))
    {
        return Role::Closer;
    }
    if text
        .chars()
        .all(|c| matches!(c, '«' | '„' | '‘' | '(' | '[' | '{'))
    {
        return Role::Opener;
    }
    if text.chars().all(|c| matches!(c, '"' | '\'' | '“')) {
        return Role::GenericQuote;
    }
    if text
        .chars()
        .all(|c| matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−'))
    {
        return Role::Dash;
    }
    Role::Punct
}

/// A smiley as one token: `:)`, `;-)`, `:((`, `=))`.
fn is_smiley(text: &str) -> bool {
    let rest = match text.as_bytes() {
        [b':' | b';' | b'=', b'-', rest @ ..] | [b':' | b';' | b'=', rest @ ..] => rest,
        _ => return false,
    };
    !rest.is_empty() && rest.iter().all(|&b| b == b')' || b == b'(')
}

fn is_mouth(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b == b')' || b == b'(')
}

#[inline]
fn word_case(word: &str) -> Case {
    match word.chars().next() {
        // `iPhone`, `eBay`: a Latin name written with a lowercase first letter reads as a
        // capitalized word.
        Some(c)
            if c.is_ascii_lowercase() && word.bytes().skip(1).any(|b| b.is_ascii_uppercase()) =>
        {
            Case::Upper
        }
        Some(c) if c.is_lowercase() => Case::Lower,
        Some(c) if c.is_uppercase() => {
            if matches!(c, 'А'..='Я' | 'Ё') {
                Case::UpperCyrillic
            } else {
                Case::Upper
            }
        }
        Some(c) if c.is_ascii_digit() => Case::Digit,
        _ => Case::Other,
    }
}

/// Could this token be part of a list bullet (`1.`, `IV.`, `§2.`, `8.1.`, `б)`, `«7.`)?
fn is_bullet_token(tok: &Token<'_>) -> bool {
    match tok.kind {
        TokenKind::Number => tok.text.bytes().all(|b| b.is_ascii_digit() || b == b'.'),
        TokenKind::Word => is_bullet_word(tok.text.strip_suffix('.').unwrap_or(tok.text)),
        TokenKind::Punct => matches!(tok.text, "." | ")" | "§" | "«" | "„" | "\"" | "["),
        TokenKind::Symbol => tok.text == "§",
        _ => false,
    }
}

/// A roman numeral or a single letter used to number list items.
fn is_bullet_word(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if matches!(c, 'а'..='е' | 'a'..='f') {
            return true;
        }
    }
    is_roman(word)
}

/// A roman numeral in Latin capitals: `IV`, `XIX`.
fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 6
        && word
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'M'))
}

/// A roman numeral before `в.` or `вв.`, also typed with the Cyrillic look-alikes `Х` and
/// `І` (`ХХ в.`, `ХIХ в.`).
fn is_century_numeral(word: &str) -> bool {
    word.len() <= 12
        && word.chars().next().is_some()
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'Х' | 'І'))
}

/// Initials: one capital letter (`Е`), or several joined by periods (`А.С`, `В.И`).
/// Cyrillic initials never end a sentence; a Latin one does when a Cyrillic word follows
/// (`при -33 градусах C. Однако`), so it is [`Class::Latin`].
fn initials_class(word: &str) -> Option<Class> {
    // Read char by char, so a long word is rejected at its second char.
    let mut latin = true;
    let mut chars = word.chars();
    for _ in 0..MAX_INITIALS {
        let c = chars.next()?;
        if !c.is_uppercase() {
            return None;
        }
        latin &= c.is_ascii();
        match chars.next() {
            None => return Some(if latin { Class::Latin } else { Class::Inner }),
            Some('.') => {}
            Some(_) => return None,
        }
    }
    None
}

/// `(самоан. Malo)`, `(исп. Las Fallas, кат. Falles)`: a lowercase word right after an
/// opening bracket, or after a comma inside one, names what follows ([`Class::Gloss`]).
fn gloss_or(class: Class, word: &str, before: Option<&Prev<'_>>, open_brackets: u32) -> Class {
    if matches!(class, Class::Inner | Class::Latin) || word_case(word) != Case::Lower {
        return class;
    }
    match before {
        Some(b) if b.text == "(" || (open_brackets > 0 && matches!(b.text, "," | ";")) => {
            Class::Gloss
        }
        _ => class,
    }
}

/// `обр`, `стр`, `млн`: a lowercase Cyrillic word of two or more letters without a vowel
/// is an abbreviation (Russian words have vowels; the vowelless prepositions are one
/// letter).
fn is_vowelless(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if !matches!(c, 'а'..='я' | 'ё') {
            return false;
        }
        if matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я') {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// `Вы`, `Вас`, `Ваш` …: capitalized as a courtesy in the middle of a sentence.
fn is_polite_pronoun(word: &str) -> bool {
    word.starts_with("Вы") || word.starts_with("Ва")
}

/// Words after which a name comes: initials (`Я.`) and `им.` (имени).
fn names_follow(word: &str) -> bool {
    matches!(word, "им" | "Им") || initials_class(word) == Some(Class::Inner)
}

static FUNCTION_WORDS: EmbeddedList = EmbeddedList::new(include_str!("data/function_words.txt"));

/// At most this many initials are read as one (`А.Б.В.Г`).
const MAX_INITIALS: usize = 4;

/// Is the token a number, or a word that starts with one (`90-х`), is a roman numeral
/// (`XIX в.`) or a number word written short without its period (`20 млн долл.`)?
fn is_number_like(prev: &Prev<'_>) -> bool {
    match prev.kind {
        TokenKind::Number => true,
        TokenKind::Word => {
            prev.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
                || is_roman(prev.text)
                || is_century_numeral(prev.text)
                || matches!(prev.text, "тыс" | "млн" | "млрд" | "трлн")
        }
        _ => false,
    }
}

/// A number, an abbreviation stuck to its period (`кв.` in `150 кв. м.`, `млн.` in
/// `5 млн. руб.`, or its period when the tokenizer split it off) or a slash (`км/ч.`): the unit after it measures something.
fn is_number_or_unit(prev: &Prev<'_>) -> bool {
    is_number_like(prev)
        || (prev.kind == TokenKind::Word && prev.text.ends_with('.'))
        || matches!(prev.text, "/" | ".")
}

/// `Мин`, `Ст`: a capital letter followed by lowercase ones.
fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

fn resolve(class: DataClass, before: Option<&Prev<'_>>) -> Class {
    match class {
        DataClass::Inner => Class::Inner,
        DataClass::Final => Class::Final,
        DataClass::Lang => Class::Lang,
        DataClass::Unit | DataClass::Date | DataClass::Currency
            if before.is_some_and(is_number_or_unit) =>
        {
            match class {
                DataClass::Date => Class::Date,
                DataClass::Currency => Class::Currency,
                _ => Class::Final,
            }
        }
        DataClass::Unit | DataClass::Date | DataClass::Currency => Class::Inner,
    }
}

/// A blank line: two line feeds (or carriage returns, or a paragraph separator).
fn is_paragraph_break(gap: &str) -> bool {
    let bytes = gap.as_bytes();
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    lf >= 2
        || (lf == 0 && bytes.iter().filter(|&&b| b == b'\r').count() >= 2)
        || gap.contains('\u{2029}')
}

static ABBREVIATIONS_DATA: &str = include_str!("data/sentence_abbrev.txt");

/// The abbreviation table and the length of its longest key, for a cheap first test.
struct AbbreviationTable {
    classes: HashMap<&'static str, DataClass>,
    longest: usize,
    /// Every key of `classes` and every word of the tokenizer's list (lowercased), so
    /// that the word before a period is lowercased and looked up once for both.
    index: FxHashMap<Box<str>, Known>,
    /// The longest word of the tokenizer's list, in bytes.
    list_longest: usize,
}

/// What the two abbreviation lists say of a word.
#[derive(Debug, Clone, Copy, Default)]
struct Known {
    /// Its class in `data/sentence_abbrev.txt`.
    class: Option<DataClass>,
    /// Whether the tokenizer's list (`data/abbreviations.txt`) has it.
    tokenizer_list: bool,
}

fn abbreviations() -> &'static AbbreviationTable {
    static TABLE: OnceLock<AbbreviationTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let classes: HashMap<&'static str, DataClass> = ABBREVIATIONS_DATA
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (word, class) = l.split_once(char::is_whitespace)?;
                let class = match class.trim() {
                    "inner" => DataClass::Inner,
                    "final" => DataClass::Final,
                    "lang" => DataClass::Lang,
                    "unit" => DataClass::Unit,
                    "date" => DataClass::Date,
                    "currency" => DataClass::Currency,
                    _ => return None,
                };
                Some((word, class))
            })
            .collect();
        let longest = classes.keys().map(|k| k.len()).max().unwrap_or(0);
        let mut index: FxHashMap<Box<str>, Known> = classes
            .iter()
            .map(|(&key, &class)| {
                let known = Known {
                    class: Some(class),
                    tokenizer_list: false,
                };
                (Box::from(key), known)
            })
            .collect();
        let mut list_longest = 0;
        for word in TOKENIZER_ABBREVIATIONS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
        {
            list_longest = list_longest.max(word.len());
            index
                .entry(word.into_boxed_str())
                .or_default()
                .tokenizer_list = true;
        }
        AbbreviationTable {
            classes,
            longest,
            index,
            list_longest,
        }
    })
}

/// Longest abbreviation key looked up, in bytes.
const MAX_KEY: usize = 40;

/// Writes the lowercase form of `parts` joined with `.` into `buf`; `None` if too long.
fn lowercase_key<'b>(parts: &[&str], buf: &'b mut [u8; MAX_KEY]) -> Option<&'b str> {
    let mut len = 0;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            *buf.get_mut(len)? = b'.';
            len += 1;
        }
        for c in part.chars().flat_map(char::to_lowercase) {
            let n = c.len_utf8();
            c.encode_utf8(buf.get_mut(len..len + n)?);
            len += n;
        }
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// Both lists' answers for `word`, from one lowercasing and one probe. The same as
/// [`lookup`] and [`crate::segment::abbrev::is_abbreviation`], limits included.
fn known_abbreviation(word: &str) -> Known {
    let table = abbreviations();
    let in_classes = word.len() <= table.longest;
    let in_list = !word.is_empty() && word.len() <= table.list_longest * 2;
    if !(in_classes || in_list) {
        return Known::default();
    }
    let mut buf = [0u8; LIST_KEY];
    let Some(lower) = lowercase_into(word, &mut buf) else {
        return Known::default();
    };
    let Some(entry) = table.index.get(lower) else {
        return Known::default();
    };
    Known {
        class: entry.class.filter(|_| in_classes && lower.len() <= MAX_KEY),
        tokenizer_list: in_list && entry.tokenizer_list,
    }
}

/// The buffer the tokenizer's list lowercases words in (`WordList::contains_lowercase`).
const LIST_KEY: usize = 64;

/// `word` lowercased char by char (`char::to_lowercase`) into `buf`; `None` if too long.
/// ASCII and the Cyrillic letters U+0400–U+045F are mapped on the bytes.
fn lowercase_into<'b>(word: &str, buf: &'b mut [u8; LIST_KEY]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let mut len = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (out, used): ([u8; 2], usize) = match (b, bytes.get(i + 1).copied()) {
            (0..=0x7F, _) => {
                *buf.get_mut(len)? = b.to_ascii_lowercase();
                len += 1;
                i += 1;
                continue;
            }
            // Ѐ–Џ → ѐ–џ, А–П → а–п, Р–Я → р–я; а–п, р–я and ѐ–џ stay.
            (0xD0, Some(n @ 0x80..=0x8F)) => ([0xD1, n + 0x10], 2),
            (0xD0, Some(n @ 0x90..=0x9F)) => ([0xD0, n + 0x20], 2),
            (0xD0, Some(n @ 0xA0..=0xAF)) => ([0xD1, n - 0x20], 2),
            (0xD0, Some(n @ 0xB0..=0xBF)) | (0xD1, Some(n @ 0x80..=0x9F)) => ([b, n], 2),
            _ => {
                let c = word.get(i..)?.chars().next()?;
                for lower in c.to_lowercase() {
                    let n = lower.len_utf8();
                    lower.encode_utf8(buf.get_mut(len..len + n)?);
                    len += n;
                }
                i += c.len_utf8();
                continue;
            }
        };
        buf.get_mut(len..len + used)?.copy_from_slice(&out[..used]);
        len += used;
        i += used;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

#[cfg(test)]
fn lookup(word: &str) -> Option<DataClass> {
    let table = abbreviations();
    // Lowercasing keeps the length of Cyrillic and ASCII letters, so a longer word (most
    // words before a period) cannot be in the table.
    if word.len() > table.longest {
        return None;
    }
    let mut buf = [0u8; MAX_KEY];
    let key = lowercase_key(&[word], &mut buf)?;
    table.classes.get(key).copied()
}

fn lookup_pair(first: &str, second: &str) -> Option<DataClass> {
    let table = abbreviations();
    if first.len() + 1 + second.len() > table.longest {
        return None;
    }
    let mut buf = [0u8; MAX_KEY];
    let key = lowercase_key(&[first, second], &mut buf)?;
    table.classes.get(key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).map(|s| s.text).collect()
    }

    #[test]
    fn data_file_parses_completely() {
        let entries = ABBREVIATIONS_DATA
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .count();
        assert_eq!(
            abbreviations().classes.len(),
            entries,
            "a line has an unknown class"
        );
    }

    #[test]
    fn empty_and_blank_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\t ").is_empty());
    }

    #[test]
    fn text_without_terminator_is_one_sentence() {
        assert_eq!(split("  и всё  "), ["и всё"]);
    }

    /// One probe answers what the two lookups answered: every word of both lists, in
    /// three cases, and words around them.
    #[test]
    fn known_abbreviation_agrees_with_both_lists() {
        use crate::segment::abbrev::is_abbreviation;
        let words = ABBREVIATIONS_DATA
            .lines()
            .chain(TOKENIZER_ABBREVIATIONS.lines())
            .filter_map(|l| l.split_whitespace().next())
            .filter(|w| !w.starts_with('#'));
        let mut checked = 0;
        for word in words {
            let mut capitalized: String =
                word.chars().take(1).flat_map(char::to_uppercase).collect();
            capitalized.extend(word.chars().skip(1));
            for w in [
                word.to_owned(),
                word.to_uppercase(),
                capitalized,
                format!("{word}а"),
                format!("Ѐ{word}"),
                format!("{word}\u{212A}"),
                word.repeat(5),
            ] {
                let known = known_abbreviation(&w);
                assert_eq!(known.class, lookup(&w), "{w}");
                assert_eq!(known.tokenizer_list, is_abbreviation(&w), "{w}");
                checked += 1;
            }
        }
        assert!(checked > 1000);
        for w in ["", "İ", "\u{212A}\u{212A}", "ǅ", "ΣΑ", "Ѡ", "ѡ", "Ґ"] {
            assert_eq!(known_abbreviation(w).class, lookup(w), "{w}");
            assert_eq!(
                known_abbreviation(w).tokenizer_list,
                is_abbreviation(w),
                "{w}"
            );
        }
    }

    #[test]
    fn lowercase_keys() {
        let mut buf = [0u8; MAX_KEY];
        assert_eq!(lowercase_key(&["Т", "Е"], &mut buf), Some("т.е"));
        let long = "а".repeat(30);
        assert_eq!(lowercase_key(&[&long], &mut buf), None);
    }
}
