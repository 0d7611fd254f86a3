//! The tokenizer: one left-to-right pass over the bytes of the text.
//!
//! Two paths give the same tokens. The *block path* ([`crate::segment::blocks`]) takes 64
//! bytes at a time, turns them into bitmaps of byte classes with SIMD where the CPU has it
//! (AVX-512BW, AVX2, SSE2; [`crate::segment::simd`], the crate's only `unsafe` code) and
//! reads the plain tokens — runs of letters and digits, punctuation, quotes, dashes —
//! straight from the bitmaps. Wherever a rule could apply (a hyphen or apostrophe after a
//! word, a period that may belong to an abbreviation, `@ # _`, an unusual character …) it
//! stops, and the *scalar path* below takes over for those tokens. The scalar path is the
//! specification: tests and a fuzz target compare the two on everything (`TokenizerPath`).
//!
//! The scalar path looks at one byte at a time through a 256-entry class table (one bit per class, so the
//! hot loops test bits instead of jumping through a table). ASCII letters and digits and
//! the two-byte Cyrillic letters (lead bytes `D0`, `D1`, `D3`, `D4`, plus `D2` after a
//! one-byte check for the symbol ҂: Russian, Ukrainian, Belarusian, Kazakh …) are consumed
//! without decoding; every other character is decoded once and classified with `char`
//! methods, and grapheme clusters (`unicode-segmentation`) decide combining marks and
//! emoji sequences. A plain word followed by a space, a comma or a final period leaves
//! after one extra byte test; everything else (hyphens, dots between letters, digits
//! around `.,:`, e-mails, URLs) goes through `word_tail`.
//!
//! Rules that are lists live in data files under `src/segment/data/`: `abbreviations.txt` (also
//! used by the sentence splitter through [`crate::segment::abbrev`]), `domain_suffixes.txt`,
//! `hyphen_particles.txt`, `indefinite_pronoun_stems.txt`, `numerals.txt`.
//!
//! The choices where the SynTagRus and OpenCorpora gold tokenizations disagree (measured
//! with [`examples/segmentation_score.rs`](https://github.com/slovo-nlp/slovo/blob/main/examples/segmentation_score.rs) on the razdel-format dev files): SynTagRus keeps
//! the period on abbreviations and initials, OpenCorpora never does; by default the
//! period stays with an initial that begins a name and is a token of its own elsewhere
//! ([`TokenizerBuilder::abbreviation_periods`] switches to the SynTagRus style).

use std::iter::FusedIterator;

use unicode_segmentation::UnicodeSegmentation;

use crate::segment::abbrev::is_abbreviation;
use crate::segment::blocks::{WindowTokens, Windows};
use crate::segment::simd::Classifier;
use crate::segment::token::{Token, TokenKind};
use crate::segment::wordlist::EmbeddedList;
use crate::span::Span;

/// Splits `text` into tokens with the default rules ([`Tokenizer::new`]).
///
/// Returns a lazy, zero-copy iterator ([`Tokens`]); every token borrows from `text`.
///
/// What is a token:
///
/// * **Words** ([`TokenKind::Word`]): letters and digits of any script, with combining marks
///   (stress U+0301), soft hyphens (U+00AD), ZWJ/ZWNJ inside and underscores between them
///   (`К_тому_же`). A hyphen (`-`, U+2010, U+2011) with a letter or digit on both sides
///   joins (`кто-то`, `Ростов-на-Дону`, `2-й`, `COVID-19`, `iPhone-ах`), except before a
///   final particle (`он-то`, `посмотрите-ка`; `кто-то` stays whole) or a numeral
///   (`два-три`), which are separate words. An apostrophe (`'`, `’`) between letters joins
///   (`Д'Артаньян`). Domain-like names are one word when the last part is a known suffix
///   or every part after a dot starts lowercase (`Лента.ру`, `NEWSru.com`,
///   `news.mail.ru`, `robots.txt`).
/// * **Periods**: an initial that begins a name keeps its period (`Л.` in `Л. Н. Толстой`);
///   other periods are [`TokenKind::Punct`] tokens, also after abbreviations (`г`, `.`),
///   so the sentence splitter decides whether they end a sentence.
///   [`TokenizerBuilder::abbreviation_periods`] attaches them instead (`г.`, `т.е.`).
/// * **Numbers** ([`TokenKind::Number`]): digits, with `.` or `,` between digits (`3.5`,
///   `1,5`, `26.11.2026`), times (`19:30`, `9:05:17`), and codes of three or more groups
///   joined by hyphens (`5-9551-0077-6`). A hyphen between two numbers is a range and
///   splits (`1941`, `-`, `1945`), and so does a colon in scores and ratios (`2:1`).
/// * **Punctuation** ([`TokenKind::Punct`]): a run of `.`, `?`, `!`, `…` is one token
///   (`?!`, `...`); an emoticon such as `:)` or `;-(((` is one token; any other mark is
///   one token per run of the same mark (`«`, `--`, `))`).
/// * **Symbols** ([`TokenKind::Symbol`]): other characters (`%`, `+`, `№`, `©`, control
///   characters), one token per run of the same symbol.
/// * **URLs**, **e-mails**, **hashtags**, **mentions** ([`TokenKind::Url`] …): `https://…`,
///   `www.…` (trailing punctuation is not part of the URL), `имя@example.ru`, `#тег`,
///   `@user`.
/// * **Emoji** ([`TokenKind::Emoji`]): one grapheme cluster each, so ZWJ sequences, flags,
///   keycaps and skin tones are one token.
///
/// Separators are dropped and never part of a token: Unicode `White_Space` (space, tab,
/// line ends, NBSP U+00A0, U+2000–U+200A, U+202F, U+3000, …) plus the zero-width space
/// U+200B, the word joiner U+2060 and U+FEFF. Every other character is inside exactly one
/// token, tokens come in text order and never overlap, `&text[t.span] == t.text`, and a
/// token never ends inside a grapheme cluster unless a separator starts that cluster.
///
/// ```
/// use slovo::TokenKind;
///
/// let text = "Кто-то в 19:30 написал на info@example.ru: «Смотри www.example.ru!» 👍🏽";
/// let tokens: Vec<_> = slovo::tokenize(text).map(|t| (t.text, t.kind)).collect();
/// assert_eq!(
///     tokens,
///     [
///         ("Кто-то", TokenKind::Word),
///         ("в", TokenKind::Word),
///         ("19:30", TokenKind::Number),
///         ("написал", TokenKind::Word),
///         ("на", TokenKind::Word),
///         ("info@example.ru", TokenKind::Email),
///         (":", TokenKind::Punct),
///         ("«", TokenKind::Punct),
///         ("Смотри", TokenKind::Word),
///         ("www.example.ru", TokenKind::Url),
///         ("!", TokenKind::Punct),
///         ("»", TokenKind::Punct),
///         ("👍🏽", TokenKind::Emoji),
///     ]
/// );
/// ```
#[must_use]
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokenizer::new().tokenize(text)
}

/// A tokenizer with options. [`tokenize`] uses the defaults.
///
/// The defaults follow what the OpenCorpora and SynTagRus gold segmentations agree on;
/// where they disagree (periods of abbreviations), they keep the period apart, which
/// leaves the sentence decision to the sentence splitter. A `Tokenizer` is `Copy`, so
/// sharing one between threads costs nothing.
///
/// ```
/// use slovo::Tokenizer;
///
/// let text = "в 1812 г. под ред. Л. Н. Толстого";
/// let default: Vec<_> = Tokenizer::new().tokenize(text).map(|t| t.text).collect();
/// assert_eq!(default, ["в", "1812", "г", ".", "под", "ред", ".", "Л.", "Н.", "Толстого"]);
///
/// let attached: Vec<_> = Tokenizer::builder()
///     .abbreviation_periods(true)
///     .build()?
///     .tokenize(text)
///     .map(|t| t.text)
///     .collect();
/// assert_eq!(attached, ["в", "1812", "г.", "под", "ред.", "Л.", "Н.", "Толстого"]);
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Tokenizer {
    abbreviation_periods: bool,
}

/// Builds a [`Tokenizer`]; see [`Tokenizer::builder`].
///
/// ```
/// let tokenizer = slovo::Tokenizer::builder().abbreviation_periods(true).build()?;
/// assert!(tokenizer.abbreviation_periods());
/// # Ok::<(), slovo::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct TokenizerBuilder {
    config: Tokenizer,
}

impl TokenizerBuilder {
    /// Whether abbreviations and every initial keep their period, as in the SynTagRus
    /// (Universal Dependencies) tokenization: `г.`, `тыс.`, `им.`, `Е.`, and lowercase
    /// abbreviations written together as one token (`т.е.`, `т.д.`). The list is
    /// `src/segment/data/abbreviations.txt`. Off by default: then only an initial that begins a
    /// name keeps its period. Either way a period that ends the text is its own token.
    ///
    /// ```
    /// let t = slovo::Tokenizer::builder().abbreviation_periods(true).build()?;
    /// let words: Vec<_> = t.tokenize("и т.д. и т. п. Конец.").map(|t| t.text).collect();
    /// assert_eq!(words, ["и", "т.д.", "и", "т.", "п.", "Конец", "."]);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn abbreviation_periods(mut self, yes: bool) -> Self {
        self.config.abbreviation_periods = yes;
        self
    }

    /// The tokenizer. Every combination of options is valid today; the `Result` is the
    /// builders' common shape (see `CONTRIBUTING.md`), so a future option can be checked.
    ///
    /// # Errors
    ///
    /// None today; an invalid option would be [`Error::InvalidOption`](crate::Error::InvalidOption).
    ///
    /// ```
    /// assert_eq!(slovo::Tokenizer::builder().build()?, slovo::Tokenizer::new());
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn build(self) -> crate::Result<Tokenizer> {
        Ok(self.config)
    }
}

impl Tokenizer {
    /// The default options.
    ///
    /// ```
    /// assert_eq!(slovo::Tokenizer::new(), slovo::Tokenizer::default());
    /// ```
    #[must_use]
    pub const fn new() -> Tokenizer {
        Tokenizer {
            abbreviation_periods: false,
        }
    }

    /// Starts from the defaults and changes what you name.
    ///
    /// ```
    /// let t = slovo::Tokenizer::builder().abbreviation_periods(true).build()?;
    /// assert_eq!(t.tokenize("т.е. так").count(), 2);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::default()
    }

    /// A builder preset to this tokenizer's options.
    ///
    /// ```
    /// let a = slovo::Tokenizer::builder().abbreviation_periods(true).build()?;
    /// let b = a.to_builder().build()?;
    /// assert_eq!(a, b);
    /// # Ok::<(), slovo::Error>(())
    /// ```
    pub fn to_builder(&self) -> TokenizerBuilder {
        TokenizerBuilder { config: *self }
    }

    /// Whether abbreviations keep their period
    /// ([`TokenizerBuilder::abbreviation_periods`]).
    ///
    /// ```
    /// assert!(!slovo::Tokenizer::new().abbreviation_periods());
    /// ```
    #[must_use]
    pub const fn abbreviation_periods(&self) -> bool {
        self.abbreviation_periods
    }

    /// Splits `text` into tokens with these options; see [`tokenize`] for the rules.
    ///
    /// ```
    /// let t = slovo::Tokenizer::new();
    /// assert_eq!(t.tokenize("Привет, мир!").count(), 4);
    /// ```
    #[must_use]
    pub fn tokenize<'a>(&self, text: &'a str) -> Tokens<'a> {
        self.tokens(text, Classifier::best())
    }

    /// Tokens of `text` through the implementation `path`, or `None` if this CPU cannot
    /// run it. Every path gives the same tokens; this exists so tests and fuzz targets can
    /// compare them.
    #[doc(hidden)]
    #[must_use]
    pub fn tokenize_with<'a>(&self, text: &'a str, path: TokenizerPath) -> Option<Tokens<'a>> {
        let classifier = match path {
            TokenizerPath::Scalar => None,
            TokenizerPath::Portable => Some(Classifier::portable()),
            TokenizerPath::Sse2 => Some(Classifier::sse2()?),
            TokenizerPath::Avx2 => Some(Classifier::avx2()?),
            TokenizerPath::Avx512 => Some(Classifier::avx512()?),
        };
        Some(self.tokens(text, classifier))
    }

    fn tokens<'a>(&self, text: &'a str, classifier: Option<Classifier>) -> Tokens<'a> {
        Tokens {
            text,
            pos: 0,
            config: *self,
            email_memo: None,
            domain_memo: None,
            classifier,
            current: WindowTokens::default(),
            windows: Windows::new(),
            scalar_before: 0,
        }
    }
}

/// The implementations of the tokenizer, for tests that compare them
/// ([`Tokenizer::tokenize_with`]).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenizerPath {
    /// One token at a time, byte by byte: the specification.
    Scalar,
    /// Plain tokens from bitmaps of 64-byte blocks, classified without SIMD.
    Portable,
    /// Block bitmaps classified with SSE2 (x86-64).
    Sse2,
    /// Block bitmaps classified with AVX2 (x86-64 CPUs that have it).
    Avx2,
    /// Block bitmaps classified with AVX-512BW (x86-64 CPUs that have it).
    Avx512,
}

impl TokenizerPath {
    /// Every path this CPU can run, the scalar one first.
    #[must_use]
    pub fn available() -> Vec<TokenizerPath> {
        let mut paths = vec![TokenizerPath::Scalar, TokenizerPath::Portable];
        if Classifier::sse2().is_some() {
            paths.push(TokenizerPath::Sse2);
        }
        if Classifier::avx2().is_some() {
            paths.push(TokenizerPath::Avx2);
        }
        if Classifier::avx512().is_some() {
            paths.push(TokenizerPath::Avx512);
        }
        paths
    }

    /// The path [`Tokenizer::tokenize`] takes on this CPU.
    pub fn best() -> TokenizerPath {
        match Classifier::best().map(Classifier::name) {
            Some("avx512") => TokenizerPath::Avx512,
            Some("avx2") => TokenizerPath::Avx2,
            Some("sse2") => TokenizerPath::Sse2,
            _ => TokenizerPath::Scalar,
        }
    }
}

/// The iterator returned by [`tokenize`] and [`Tokenizer::tokenize`]: yields [`Token`]s
/// borrowing from the text.
///
/// It is cheap to create and to clone (a reference, an offset and the options), never
/// allocates, and is fused: after the last token it keeps returning `None`.
///
/// ```
/// let mut tokens = slovo::tokenize("Лента.ру сообщает");
/// assert_eq!(tokens.next().map(|t| t.text), Some("Лента.ру"));
/// assert_eq!(tokens.next().map(|t| t.text), Some("сообщает"));
/// assert_eq!(tokens.next(), None);
/// assert_eq!(tokens.next(), None);
/// ```
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    /// Byte offset where scanning resumes; always a char boundary.
    pos: usize,
    config: Tokenizer,
    /// The last e-mail scan, reused by tokens that start inside its local part: in
    /// `a.a.a.a…` every `a` would otherwise read the whole run again looking for an `@`.
    email_memo: Option<EmailMemo>,
    /// The last chain of domain labels read, reused by the words inside it: in
    /// `Аб.Вг.Де…` every word would otherwise read all the labels after it again.
    domain_memo: Option<DomainMemo>,
    /// The block path's classifier; `None` runs the scalar path alone.
    classifier: Option<Classifier>,
    /// Plain tokens the block path found ahead of `pos`, handed out first: those of the
    /// current window, then those of the windows queued after it.
    current: WindowTokens,
    windows: Windows,
    /// Tokens that start before this offset go through the scalar path: the block path
    /// found a rule position there.
    scalar_before: usize,
}

/// [`Tokens::email_end`] from a start in `from..at`: the local part ends at `at` for each
/// of them, so the answer is the same.
#[derive(Debug, Clone, Copy)]
struct EmailMemo {
    from: usize,
    at: usize,
    end: Option<usize>,
}

/// A chain of domain labels `.label.label…` from the dot `first_dot` to `end`.
#[derive(Debug, Clone, Copy)]
struct DomainMemo {
    first_dot: usize,
    end: usize,
    /// Where the last label that does not start lowercase starts, if any.
    last_capital_label: Option<usize>,
    /// The last label is a known domain suffix.
    known_suffix: bool,
}

// Byte classes: one bit each, so that hot paths test bits (`class & CYR != 0`) and the
// compiler keeps them as predictable branches instead of a jump table. A class describes
// the byte at a char boundary.
/// ASCII white space: `\t \n \x0B \x0C \r` and space.
const SPACE: u8 = 1;
/// ASCII letter.
const ALPHA: u8 = 2;
/// ASCII digit.
const DIGIT: u8 = 4;
/// Lead byte of a two-byte Cyrillic letter (lead bytes `D0`, `D1`, `D3`, `D4`).
const CYR: u8 = 8;
/// ASCII punctuation, symbols and control characters.
const ASCII_OTHER: u8 = 16;
/// Any other lead byte: decoded and classified with `char` methods.
const NON_ASCII: u8 = 32;
/// Continuation byte: never seen at a char boundary.
const CONTINUATION: u8 = 64;

static CLASS: [u8; 256] = class_table();

const fn class_table() -> [u8; 256] {
    let mut table = [ASCII_OTHER; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => ALPHA,
            b'0'..=b'9' => DIGIT,
            0x00..=0x7F => ASCII_OTHER,
            0x80..=0xBF => CONTINUATION,
            // U+0400–U+047F and U+04C0–U+053F (U+0530, unassigned, rides along as a
            // letter). D2 (U+0480–U+04BF) holds the symbol ҂ and combining marks besides
            // Kazakh letters: it takes the decoding path, with a shortcut in `scan_run`.
            0xD0 | 0xD1 | 0xD3 | 0xD4 => CYR,
            _ => NON_ASCII,
        };
        b += 1;
    }
    table
}

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// Separators that are dropped: Unicode White_Space, ZWSP, word joiner, BOM/ZWNBSP.
#[inline]
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether `c` continues the grapheme cluster of a preceding letter (combining marks,
/// variation selectors, ZWJ/ZWNJ, emoji modifiers, spacing marks).
fn is_extender(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x300 {
        return false;
    }
    if cp <= 0x36F {
        return true;
    }
    if matches!(cp, 0x2010..=0x2027 | 0x2030..=0x205E) {
        // General Punctuation: dashes, quotes, ellipsis … never extend.
        return false;
    }
    let mut buf = [0u8; 8];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    std::str::from_utf8(&buf[..len]).is_ok_and(|s| s.graphemes(true).nth(1).is_none())
}

/// Unicode punctuation outside ASCII (the common blocks: Latin-1, General Punctuation,
/// Supplemental Punctuation, CJK and fullwidth forms); other non-alphanumeric characters
/// are symbols.
fn is_non_ascii_punctuation(c: char) -> bool {
    matches!(c,
        '\u{A1}' | '\u{A7}' | '\u{AB}' | '\u{B6}' | '\u{B7}' | '\u{BB}' | '\u{BF}'
        | '\u{37E}' | '\u{387}' | '\u{55A}'..='\u{55F}' | '\u{589}' | '\u{58A}'
        | '\u{5BE}' | '\u{5C0}' | '\u{5C3}' | '\u{5C6}' | '\u{5F3}' | '\u{5F4}'
        | '\u{60C}' | '\u{60D}' | '\u{61B}' | '\u{61F}' | '\u{66A}'..='\u{66D}' | '\u{6D4}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}'
        | '\u{2053}'..='\u{205E}' | '\u{207D}' | '\u{207E}' | '\u{208D}' | '\u{208E}'
        | '\u{2308}'..='\u{230B}' | '\u{2329}' | '\u{232A}' | '\u{2768}'..='\u{2775}'
        | '\u{27C5}' | '\u{27C6}' | '\u{27E6}'..='\u{27EF}' | '\u{2983}'..='\u{2998}'
        | '\u{29D8}'..='\u{29DB}' | '\u{29FC}' | '\u{29FD}' | '\u{2E00}'..='\u{2E4F}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{30FB}' | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE52}'
        | '\u{FE54}'..='\u{FE61}' | '\u{FE63}' | '\u{FE68}' | '\u{FE6A}' | '\u{FE6B}'
        | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}')
}

/// ASCII punctuation (Unicode `P*`, except `%`, which [`TokenKind::Symbol`] documents as a
/// symbol); the other printable ASCII non-alphanumerics (`$ % + < = > ^ ` | ~`) and
/// control characters are symbols.
#[inline]
pub(crate) const fn ascii_kind(b: u8) -> TokenKind {
    match b {
        b'!'..=b'#'
        | b'&'..=b'*'
        | b','..=b'/'
        | b':'
        | b';'
        | b'?'
        | b'@'
        | b'['..=b']'
        | b'_'
        | b'{'
        | b'}' => TokenKind::Punct,
        _ => TokenKind::Symbol,
    }
}

/// Whether a grapheme cluster is an emoji: a pictograph (U+1F000–U+1FAFF, the
/// miscellaneous symbols and dingbats, a few others), a flag, or anything made an emoji by
/// VS16 (U+FE0F) or the keycap mark (U+20E3).
fn is_emoji_cluster(cluster: &str) -> bool {
    let Some(first) = cluster.chars().next() else {
        return false;
    };
    matches!(first,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{231A}' | '\u{231B}'
        | '\u{2328}' | '\u{23CF}' | '\u{23E9}'..='\u{23F3}' | '\u{23F8}'..='\u{23FA}'
        | '\u{2B05}'..='\u{2B07}' | '\u{2B1B}' | '\u{2B1C}' | '\u{2B50}' | '\u{2B55}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}')
        || cluster.contains(['\u{FE0F}', '\u{20E3}'])
}

/// Last labels that make `name.label` one token (`Лента.ру`, `news.mail.ru`).
static DOMAIN_SUFFIXES: EmbeddedList = EmbeddedList::new(include_str!("data/domain_suffixes.txt"));
/// Particles split off the end of a hyphenated word (`он-то`, `посмотрите-ка`).
static HYPHEN_PARTICLES: EmbeddedList =
    EmbeddedList::new(include_str!("data/hyphen_particles.txt"));
/// Words that keep `-то` (`кто-то`, `какой-то`).
static INDEFINITE_PRONOUN_STEMS: EmbeddedList =
    EmbeddedList::new(include_str!("data/indefinite_pronoun_stems.txt"));
/// Numerals: a hyphen before one is a range (`два-три`).
static NUMERALS: EmbeddedList = EmbeddedList::new(include_str!("data/numerals.txt"));

/// What the last alphanumeric character of a word was (decides what may join next).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Letter,
    AsciiDigit,
    /// Underscore, mark or non-ASCII digit: joins nothing by itself.
    Other,
}

impl<'a> Tokens<'a> {
    #[inline]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    #[inline]
    fn token(&mut self, start: usize, end: usize, kind: TokenKind) -> Token<'a> {
        self.pos = end;
        make_token(self.text, start, end, kind)
    }

    /// Queues the windows of plain tokens from `pos` on, up to the next rule position
    /// (which the scalar path takes).
    #[inline(never)]
    fn refill(&mut self, classifier: Classifier) {
        self.pos = classifier.fill(
            self.text.as_bytes(),
            self.pos,
            self.config.abbreviation_periods,
            &mut self.windows,
            &mut self.scalar_before,
        );
    }

    /// If a letter or digit (or a mark continuing one) starts at `i`: the end of that char
    /// and what it is.
    #[inline]
    fn word_char_at(&self, i: usize) -> Option<(usize, Last)> {
        let &b = self.bytes().get(i)?;
        match class(b) {
            ALPHA => Some((i + 1, Last::Letter)),
            DIGIT => Some((i + 1, Last::AsciiDigit)),
            CYR => Some((i + 2, Last::Letter)),
            NON_ASCII => {
                let c = self.char_at(i)?;
                if c.is_alphanumeric() {
                    let last = if c.is_numeric() {
                        Last::Other
                    } else {
                        Last::Letter
                    };
                    Some((i + c.len_utf8(), last))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Whether a letter starts at `i`.
    #[inline]
    fn letter_at(&self, i: usize) -> bool {
        matches!(self.word_char_at(i), Some((_, Last::Letter)))
    }

    /// Whether an ASCII digit is at `i`.
    #[inline]
    fn digit_at(&self, i: usize) -> bool {
        self.bytes().get(i).is_some_and(u8::is_ascii_digit)
    }

    /// Scans a run of word characters from `i`; returns its end and updates `last`,
    /// `letters`, `digits`.
    #[inline(always)]
    fn scan_run(
        &self,
        mut i: usize,
        last: &mut Last,
        letters: &mut bool,
        digits: &mut bool,
    ) -> usize {
        let bytes = self.bytes();
        while let Some(&b) = bytes.get(i) {
            // An if-chain, most frequent first: cheaper than a jump table per character.
            let class = class(b);
            if class & CYR != 0 {
                i += 2;
                *last = Last::Letter;
                *letters = true;
            } else if class & ALPHA != 0 {
                i += 1;
                *last = Last::Letter;
                *letters = true;
            } else if class & DIGIT != 0 {
                i += 1;
                *last = Last::AsciiDigit;
                *digits = true;
            } else if class & NON_ASCII != 0 {
                // Kazakh and other letters of U+0480–U+04BF, without decoding; U+0482 ҂
                // is a symbol.
                if b == 0xD2 && bytes.get(i + 1).is_some_and(|&b| b != 0x82) {
                    i += 2;
                    *last = Last::Letter;
                    *letters = true;
                    continue;
                }
                let Some(c) = self.char_at(i) else { break };
                if c.is_alphanumeric() {
                    if c.is_numeric() {
                        *digits = true;
                        *last = Last::Other;
                    } else {
                        *letters = true;
                        *last = Last::Letter;
                    }
                } else if !(c == '\u{AD}' || is_extender(c)) {
                    break;
                }
                // Marks, soft hyphens and ZWJ keep `last`: `а́-то` still joins.
                i += c.len_utf8();
            } else if b == b'_' && self.word_char_at(i + 1).is_some() {
                // An underscore joins word characters (`К_тому_же`), it does not end a word.
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// A word or number starting at `start` (a letter or digit).
    #[inline]
    fn word(&mut self, start: usize) -> Token<'a> {
        let mut last = Last::Other;
        let mut letters = false;
        let mut digits = false;
        let end = self.scan_run(start, &mut last, &mut letters, &mut digits);
        if self.may_go_on(start, end, last) {
            self.word_tail(start, end, last, letters, digits)
        } else {
            let kind = if letters {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            self.token(start, end, kind)
        }
    }

    /// Whether the word whose first run is `start..end` may go on past `end` (or become a
    /// URL, an e-mail, take a period): a cheap test that sends the common cases (a word
    /// followed by a space, a comma, a sentence-final period) straight out.
    #[inline(always)]
    fn may_go_on(&self, start: usize, end: usize, last: Last) -> bool {
        let bytes = self.bytes();
        let Some(&b) = bytes.get(end) else {
            return false;
        };
        let ascii_start = bytes[start].is_ascii();
        match b {
            b'-' | b'\'' => true,
            b',' => last == Last::AsciiDigit,
            b'.' => {
                last == Last::AsciiDigit
                    || ascii_start
                    || self.config.abbreviation_periods
                    || end - start <= 4
                    || bytes
                        .get(end + 1)
                        .is_some_and(|&next| class(next) & (SPACE | ASCII_OTHER) == 0)
            }
            b':' => last == Last::AsciiDigit || ascii_start,
            b'@' => true,
            b'+' | b'%' => ascii_start,
            // ’ U+2019, ‐ U+2010, ‑ U+2011 (not — or …)
            0xE2 => matches!(
                bytes.get(end + 1..end + 3),
                Some([0x80, 0x90 | 0x91 | 0x99])
            ),
            _ => false,
        }
    }

    /// The rest of [`Tokens::word`] when the first run of word characters `start..end` is
    /// followed by something that may join (hyphen, apostrophe, dot …).
    #[inline(never)]
    fn word_tail(
        &mut self,
        start: usize,
        end: usize,
        mut last: Last,
        mut letters: bool,
        mut digits: bool,
    ) -> Token<'a> {
        let bytes = self.bytes();
        let mut i = end;
        let mut run_start = start;
        while let Some(&b) = bytes.get(i) {
            // What joins two runs into one token.
            let next = match b {
                b'-' => match self.word_char_at(i + 1) {
                    // Two numbers are a range (`1941-1945`), three or more groups a code
                    // (`5-9551-0077-6`).
                    Some((_, Last::AsciiDigit)) if last == Last::AsciiDigit => {
                        match self.digit_chain_end(i) {
                            Some(end) => end,
                            None => break,
                        }
                    }
                    Some((_, Last::Letter))
                        if last == Last::Letter && self.hyphen_splits_words(run_start, i) =>
                    {
                        break
                    }
                    Some(_) => i + 1,
                    None => break,
                },
                b'.' | b',' if last == Last::AsciiDigit && self.digit_at(i + 1) => i + 1,
                b':' if last == Last::AsciiDigit => match self.time_end(run_start, i) {
                    Some(end) => {
                        i = end;
                        break;
                    }
                    None => break,
                },
                b'.' if (last == Last::Letter || letters) && self.letter_at(i + 1) => {
                    match self.domain_end(run_start, i) {
                        Some(end) => {
                            i = end;
                            break;
                        }
                        None => break,
                    }
                }
                b'\'' if last == Last::Letter && self.letter_at(i + 1) => i + 1,
                // U+2019 ’ (apostrophe), U+2010 ‐ and U+2011 ‑ (hyphens)
                0xE2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
                    (Some(0x80), Some(0x99)) if last == Last::Letter && self.letter_at(i + 3) => {
                        i + 3
                    }
                    (Some(0x80), Some(0x90 | 0x91)) if self.word_char_at(i + 3).is_some() => i + 3,
                    _ => break,
                },
                _ => break,
            };
            run_start = next;
            i = self.scan_run(next, &mut last, &mut letters, &mut digits);
        }

        // Tokens that begin like a word: URLs, e-mails.
        if let Some(&b) = bytes.get(i) {
            if bytes[start].is_ascii() {
                if b == b':' || matches!(bytes[start], b'w' | b'W') {
                    if let Some(end) = self.url_end(start, i) {
                        return self.token(start, end, TokenKind::Url);
                    }
                }
                if matches!(b, b'@' | b'.' | b'+' | b'-' | b'%') {
                    if let Some(end) = self.email_end(start) {
                        return self.token(start, end, TokenKind::Email);
                    }
                }
            } else if b == b'@' {
                if let Some(end) = self.email_end(start) {
                    return self.token(start, end, TokenKind::Email);
                }
            }
            if b == b'.' && letters && !digits {
                i = self.abbreviation_end(start, i);
            }
        }
        let kind = if letters {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        // Rules that stop at a letter or digit (domains, times) leave marks behind.
        let i = self.absorb_extenders(i);
        self.token(start, i, kind)
    }

    /// `hyphen` joins two digit groups: if at least three groups are chained by hyphens
    /// (`5-9551-0077-6`, `8-800-555-35-35`), the end of the chain; two are a range.
    fn digit_chain_end(&self, hyphen: usize) -> Option<usize> {
        let bytes = self.bytes();
        let mut groups = 1;
        let mut end = hyphen;
        while bytes.get(end) == Some(&b'-') && self.digit_at(end + 1) {
            end += 1;
            while self.digit_at(end) {
                end += 1;
            }
            groups += 1;
        }
        (groups >= 3).then_some(end)
    }

    /// `hyphen` is between the letters `left_start..hyphen` and a letter. Whether it
    /// separates two words instead of joining one: when the part after it ends the
    /// sequence and is a particle (`он-то`, but `кто-то` stays) or a numeral (`два-три`).
    fn hyphen_splits_words(&self, left_start: usize, hyphen: usize) -> bool {
        let right_start = hyphen + 1;
        let (mut last, mut letters, mut digits) = (Last::Other, false, false);
        let right_end = self.scan_run(right_start, &mut last, &mut letters, &mut digits);
        let bytes = self.bytes();
        let continues =
            bytes.get(right_end) == Some(&b'-') && self.word_char_at(right_end + 1).is_some();
        if digits || continues {
            return false;
        }
        let right = &self.text[right_start..right_end];
        if HYPHEN_PARTICLES.contains(right) {
            let keeps = matches!(right, "то" | "То" | "ТО" | "тО");
            return !(keeps && INDEFINITE_PRONOUN_STEMS.contains(&self.text[left_start..hyphen]));
        }
        NUMERALS.contains(right)
    }

    /// `colon` follows the digits `run_start..colon`: if they read as a time (`9:05`,
    /// `19:30`, `05:03:44`: one or two digits, then groups of exactly two), its end. Other
    /// digit pairs around a colon are scores or ratios (`2:1`, `16:9`) and split.
    fn time_end(&self, run_start: usize, colon: usize) -> Option<usize> {
        let bytes = self.bytes();
        let hours = &bytes[run_start..colon];
        if hours.is_empty() || hours.len() > 2 || !hours.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut end = colon;
        while bytes.get(end) == Some(&b':')
            && self.digit_at(end + 1)
            && self.digit_at(end + 2)
            && !self.digit_at(end + 3)
        {
            end += 3;
        }
        (end > colon).then_some(end)
    }

    /// `dot` is a `.` after the name `name_start..dot` and before a letter: if the name
    /// goes on as `.label.label…` and the last label is a known domain suffix
    /// (`Лента.ру`, `NEWSru.com`) or every label starts lowercase (`files.bbs`,
    /// `news.mail.ru`), the end of the domain-like name. A dot before a capital letter is
    /// otherwise a missing space after a sentence (`конец.Начало`).
    fn domain_end(&mut self, name_start: usize, dot: usize) -> Option<usize> {
        let name = &self.text[name_start..dot];
        let mut chars = name.chars();
        if chars.next().is_none() || chars.next().is_none() || is_abbreviation(name) {
            // `т.е`, `тыс.рублей`: an abbreviation's period, not a domain.
            return None;
        }
        let chain = match self.domain_memo {
            Some(memo) if memo.first_dot <= dot && dot < memo.end => memo,
            _ => {
                let memo = self.domain_labels(dot)?;
                self.domain_memo = Some(memo);
                memo
            }
        };
        let lowercase_labels = !matches!(chain.last_capital_label, Some(label) if label > dot);
        (lowercase_labels || chain.known_suffix).then_some(chain.end)
    }

    /// Reads the labels `.label.label…` from the dot `first_dot` on.
    fn domain_labels(&self, first_dot: usize) -> Option<DomainMemo> {
        let bytes = self.bytes();
        let mut dot = first_dot;
        let mut last_capital_label = None;
        loop {
            let label_start = dot + 1;
            let mut end = label_start;
            while let Some((next, _)) = self.word_char_at(end) {
                end = next;
                if bytes.get(end) == Some(&b'-') && self.word_char_at(end + 1).is_some() {
                    end += 1;
                }
            }
            let label = &self.text[label_start..end];
            let first = label.chars().next()?;
            if !first.is_lowercase() {
                last_capital_label = Some(label_start);
            }
            if bytes.get(end) == Some(&b'.') && self.word_char_at(end + 1).is_some() {
                dot = end;
                continue;
            }
            return Some(DomainMemo {
                first_dot,
                end,
                last_capital_label,
                known_suffix: DOMAIN_SUFFIXES.contains(label),
            });
        }
    }

    /// A word at `start..end` is followed by `.`: the end of the token with the period if
    /// the word is an initial that begins a name or (with
    /// [`TokenizerBuilder::abbreviation_periods`]) an abbreviation or any initial; else `end`.
    fn abbreviation_end(&self, start: usize, end: usize) -> usize {
        let word = &self.text[start..end];
        let mut chars = word.chars();
        let first = chars.next();
        let single = chars.next().is_none();
        let takes_period = match first {
            Some(c) if single && c.is_uppercase() => {
                self.config.abbreviation_periods || self.initial_begins_name(start, end)
            }
            Some(_) => self.config.abbreviation_periods && is_abbreviation(word),
            None => false,
        };
        if !takes_period || !self.period_may_attach(end) {
            return end;
        }
        // Lowercase abbreviations written together chain: "т.е.", "т.д.", "н.э.".
        let mut end = end + 1;
        if first.is_some_and(char::is_lowercase) {
            loop {
                let mut part_end = end;
                while let Some((next, Last::Letter)) = self.word_char_at(part_end) {
                    part_end = next;
                }
                let part = &self.text[end..part_end];
                if part.is_empty()
                    || self.bytes().get(part_end) != Some(&b'.')
                    || !part.chars().all(char::is_lowercase)
                    || !is_abbreviation(part)
                {
                    break;
                }
                if !self.period_may_attach(part_end) {
                    return part_end;
                }
                end = part_end + 1;
            }
        }
        end
    }

    /// The capital letter `start..dot` is followed by `.`: whether it reads as the initial
    /// of a name that follows (`Л. Н. Толстой`, `им. А. Сахарова`): a capitalized word
    /// comes next, and no capitalized word comes before (after a surname, `Щерба Л. В.`,
    /// the last initial's period may as well end the sentence).
    fn initial_begins_name(&self, start: usize, dot: usize) -> bool {
        let next = self.text[dot + 1..].chars().find(|&c| !is_separator(c));
        if !next.is_some_and(char::is_uppercase) {
            return false;
        }
        let before = self.text[..start].trim_end_matches(is_separator);
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || is_extender(c) || c == '-')
            .last()
            .map(|(i, _)| i);
        match word_start {
            Some(i) => !before[i..].starts_with(char::is_uppercase),
            None => true,
        }
    }

    /// Whether the `.` at `dot` may be part of a word token: not the start of `..`, and not
    /// the last non-separator of the text (that period ends the last sentence).
    fn period_may_attach(&self, dot: usize) -> bool {
        let rest = &self.text[dot + 1..];
        if rest.starts_with('.') {
            return false;
        }
        rest.chars().any(|c| !is_separator(c))
    }

    /// A URL starting at `start`: `scheme://…` (the word `start..scheme_end` followed by
    /// `://`) or `www.…`. Returns its end, trailing punctuation excluded.
    fn url_end(&self, start: usize, word_end: usize) -> Option<usize> {
        let bytes = self.bytes();
        let word = &self.text[start..word_end];
        let body_start = if bytes[word_end..].starts_with(b"://") {
            if !word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+') {
                return None;
            }
            word_end + 3
        } else if word
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("www."))
        {
            start + 4
        } else if word.eq_ignore_ascii_case("www") {
            word_end + 1
        } else {
            return None;
        };
        // The body must start with a letter or digit.
        self.word_char_at(body_start)?;
        let mut end = body_start;
        for (offset, c) in self.text[body_start..].char_indices() {
            if is_separator(c)
                || c.is_control()
                || matches!(
                    c,
                    '<' | '>' | '"' | '«' | '»' | '“' | '”' | '„' | '|' | '\\'
                )
            {
                break;
            }
            end = body_start + offset + c.len_utf8();
        }
        // Trailing punctuation belongs to the sentence, a closing bracket to the URL only
        // if the URL opened it. The brackets are counted once, and the closers trimmed
        // are taken off the count (openers are never trimmed).
        let mut brackets: Option<[usize; 6]> = None;
        loop {
            let url = &self.text[start..end];
            let Some(c) = url.chars().next_back() else {
                break;
            };
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '…' => true,
                ')' | ']' | '}' => {
                    let counts = brackets.get_or_insert_with(|| count_brackets(url));
                    let pair = match c {
                        ')' => 0,
                        ']' => 2,
                        _ => 4,
                    };
                    let unbalanced = counts[pair] < counts[pair + 1];
                    if unbalanced {
                        counts[pair + 1] -= 1;
                    }
                    unbalanced
                }
                _ => false,
            };
            if !trim || end - c.len_utf8() <= body_start {
                break;
            }
            end -= c.len_utf8();
        }
        Some(end)
    }

    /// An e-mail address starting at `start`: `local@domain.tld`. Returns its end.
    fn email_end(&mut self, start: usize) -> Option<usize> {
        if let Some(memo) = self.email_memo {
            if memo.from <= start && start < memo.at {
                return memo.end;
            }
        }
        let bytes = self.bytes();
        let mut at = start;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-') {
                at += 1;
            } else {
                break;
            }
        }
        let end = self.email_domain_end(start, at);
        self.email_memo = Some(EmailMemo {
            from: start,
            at,
            end,
        });
        end
    }

    /// The end of an e-mail address whose local part `start..at` is followed by `at`.
    fn email_domain_end(&self, start: usize, at: usize) -> Option<usize> {
        let bytes = self.bytes();
        if bytes.get(at) != Some(&b'@') || at == start || bytes[at - 1] == b'.' {
            return None;
        }
        // Domain: labels of letters, digits and inner hyphens, at least two, joined by dots.
        let mut end = at + 1;
        let mut labels = 0;
        loop {
            let label_start = end;
            while let Some((next, _)) = self.word_char_at(end) {
                end = next;
                if bytes.get(end) == Some(&b'-') && self.word_char_at(end + 1).is_some() {
                    end += 1;
                }
            }
            if end == label_start {
                return None;
            }
            labels += 1;
            if bytes.get(end) == Some(&b'.') && self.word_char_at(end + 1).is_some() {
                end += 1;
            } else {
                break;
            }
        }
        (labels >= 2).then(|| self.absorb_extenders(end))
    }

    /// A token starting with ASCII punctuation, a symbol or a control character.
    fn ascii_other(&mut self, start: usize, b: u8) -> Token<'a> {
        let bytes = self.bytes();
        match b {
            b'.' | b'?' | b'!' => {
                let end = self.terminal_run_end(start);
                return self.token(start, end, TokenKind::Punct);
            }
            b':' | b';' | b'=' => {
                let mut i = start + 1;
                if bytes.get(i) == Some(&b'-') {
                    i += 1;
                }
                if let Some(&bracket @ (b')' | b'(')) = bytes.get(i) {
                    let end = self.absorb_extenders(same_byte_run(bytes, i, bracket));
                    return self.token(start, end, TokenKind::Punct);
                }
            }
            b'#' | b'@' if self.word_char_at(start + 1).is_some() => {
                let (mut last, mut letters, mut digits) = (Last::Other, false, false);
                let end = self.scan_run(start + 1, &mut last, &mut letters, &mut digits);
                let kind = if b == b'#' {
                    TokenKind::Hashtag
                } else {
                    TokenKind::Mention
                };
                return self.token(start, end, kind);
            }
            _ => {}
        }
        if matches!(b, b'#' | b'*') {
            if let Some(end) = self.keycap_end(start) {
                return self.token(start, end, TokenKind::Emoji);
            }
        }
        let end = same_byte_run(bytes, start, b);
        let end = self.absorb_extenders(end);
        self.token(start, end, ascii_kind(b))
    }

    /// End of a run of `.`, `?`, `!`, `…` starting at `start`.
    fn terminal_run_end(&self, start: usize) -> usize {
        let bytes = self.bytes();
        let mut i = start;
        loop {
            match bytes.get(i) {
                Some(b'.' | b'?' | b'!') => i += 1,
                Some(0xE2) if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => i += 3,
                _ => break,
            }
        }
        self.absorb_extenders(i)
    }

    /// A keycap emoji (`1️⃣`, `#️⃣`) starting at `start`: the end of its grapheme cluster.
    #[inline]
    fn keycap_end(&self, start: usize) -> Option<usize> {
        if !matches!(self.bytes().get(start + 1), Some(0xEF | 0xE2)) {
            return None;
        }
        let cluster = self.text[start..].graphemes(true).next()?;
        cluster
            .contains('\u{20E3}')
            .then_some(start + cluster.len())
    }

    /// Extends `end` over combining marks and other grapheme extenders.
    #[inline]
    fn absorb_extenders(&self, mut end: usize) -> usize {
        while let Some(&b) = self.bytes().get(end) {
            if b < 0x80 || class(b) & CYR != 0 {
                break;
            }
            match self.char_at(end) {
                Some(c) if is_extender(c) => end += c.len_utf8(),
                _ => break,
            }
        }
        end
    }

    /// A token starting with a non-ASCII character `c` that is not a separator.
    fn non_ascii(&mut self, start: usize, c: char) -> Token<'a> {
        if c.is_alphanumeric() {
            return self.word(start);
        }
        match c {
            '…' => {
                let end = self.terminal_run_end(start);
                return self.token(start, end, TokenKind::Punct);
            }
            '«' | '»' | '—' | '–' | '„' | '“' | '”' | '‘' | '’' | '\u{AD}' => {
                let end = self.same_char_run(start, c);
                let end = self.absorb_extenders(end);
                let kind = if c == '\u{AD}' {
                    TokenKind::Symbol
                } else {
                    TokenKind::Punct
                };
                return self.token(start, end, kind);
            }
            _ => {}
        }
        let cluster = self.text[start..]
            .graphemes(true)
            .next()
            .unwrap_or(&self.text[start..start + c.len_utf8()]);
        // A prepended mark (U+0600–U+0605, U+06DD …) joins the next character into its
        // cluster even when that is a space; a separator is never part of a token.
        let cluster = match cluster
            .char_indices()
            .skip(1)
            .find(|&(_, c)| is_separator(c))
        {
            Some((cut, _)) => &cluster[..cut],
            None => cluster,
        };
        if is_emoji_cluster(cluster) {
            return self.token(start, start + cluster.len(), TokenKind::Emoji);
        }
        let mut end = start + cluster.len();
        while self.text[end..].starts_with(cluster) {
            end += cluster.len();
        }
        let end = self.absorb_extenders(end);
        let kind = if is_non_ascii_punctuation(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        self.token(start, end, kind)
    }

    fn same_char_run(&self, start: usize, c: char) -> usize {
        let len = c.len_utf8();
        let mut end = start + len;
        while self.text[end..].starts_with(c) {
            end += len;
        }
        end
    }
}

/// How many `(`, `)`, `[`, `]`, `{`, `}` the text holds, in that order.
fn count_brackets(text: &str) -> [usize; 6] {
    let mut counts = [0; 6];
    for b in text.bytes() {
        if let Some(i) = b"()[]{}".iter().position(|&p| p == b) {
            counts[i] += 1;
        }
    }
    counts
}

fn same_byte_run(bytes: &[u8], start: usize, b: u8) -> usize {
    let mut end = start + 1;
    while bytes.get(end) == Some(&b) {
        end += 1;
    }
    end
}

/// The token `start..end` of `text`: the one place tokens are made.
#[inline]
fn make_token(text: &str, start: usize, end: usize, kind: TokenKind) -> Token<'_> {
    debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    debug_assert!(start < end);
    Token {
        text: &text[start..end],
        span: Span::new(start, end),
        kind,
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline(always)]
    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.text.as_bytes();
        if let Some((start, end, kind)) = self.current.pop(bytes) {
            return Some(make_token(self.text, start, end, kind));
        }
        // The next queued window, without a call.
        if let Some(window) = self.windows.pop() {
            self.current = window;
            if let Some((start, end, kind)) = self.current.pop(bytes) {
                return Some(make_token(self.text, start, end, kind));
            }
        }
        self.next_unbatched()
    }
}

impl<'a> Tokens<'a> {
    /// Goes on from `pos` as if every token before it had been read (for the sentence
    /// splitter, which skips stretches that cannot end a sentence). `pos` must be where a
    /// token of the whole text may start: the end of a token, or just after a separator.
    /// The tokens from there on are the same as those the whole text gives.
    pub(crate) fn restart_at(&mut self, pos: usize) {
        debug_assert!(self.text.is_char_boundary(pos));
        self.pos = pos.min(self.text.len());
        self.email_memo = None;
        self.domain_memo = None;
        self.current = WindowTokens::default();
        self.windows = Windows::new();
        self.scalar_before = 0;
    }
}

impl<'a> Tokens<'a> {
    /// The next token when the batch is empty: refill it, or take one token by the
    /// scalar path.
    #[inline(never)]
    fn next_unbatched(&mut self) -> Option<Token<'a>> {
        if let Some(classifier) = self.classifier {
            if self.windows.is_empty() && self.pos >= self.scalar_before {
                self.refill(classifier);
            }
            if let Some(window) = self.windows.pop() {
                self.current = window;
                let (start, end, kind) = self.current.pop(self.text.as_bytes())?;
                return Some(make_token(self.text, start, end, kind));
            }
        }
        self.next_scalar()
    }

    /// The next token by the scalar path.
    #[inline]
    fn next_scalar(&mut self) -> Option<Token<'a>> {
        let bytes = self.bytes();
        let mut i = self.pos;
        while let Some(&b) = bytes.get(i) {
            if b == b' ' {
                i += 1;
                continue;
            }
            let class = class(b);
            if class & SPACE != 0 {
                i += 1;
            } else if class & (CYR | ALPHA) != 0 {
                return Some(self.word(i));
            } else if class & ASCII_OTHER != 0 {
                return Some(self.ascii_other(i, b));
            } else if class & DIGIT != 0 {
                if let Some(end) = self.keycap_end(i) {
                    return Some(self.token(i, end, TokenKind::Emoji));
                }
                return Some(self.word(i));
            } else {
                let c = self.char_at(i)?;
                if is_separator(c) {
                    i += c.len_utf8();
                } else {
                    return Some(self.non_ascii(i, c));
                }
            }
        }
        self.pos = bytes.len();
        None
    }
}

impl FusedIterator for Tokens<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table_matches_char_properties() {
        for b in 0u8..0x80 {
            let c = b as char;
            let expected = if c.is_ascii_whitespace() || b == 0x0B {
                SPACE
            } else if c.is_ascii_alphabetic() {
                ALPHA
            } else if c.is_ascii_digit() {
                DIGIT
            } else {
                ASCII_OTHER
            };
            assert_eq!(class(b), expected, "{b:#x}");
            assert_eq!(class(b) == SPACE, is_separator(c), "{b:#x}");
        }
        for cp in (0x400u32..0x480).chain(0x4C0..0x540) {
            let c = char::from_u32(cp).unwrap();
            let mut buf = [0u8; 4];
            c.encode_utf8(&mut buf);
            assert_eq!(class(buf[0]), CYR);
            assert!(c.is_alphabetic() || cp == 0x530, "{c:?}");
        }
    }

    /// Every path this CPU runs gives the scalar path's tokens. Small, so that it also runs
    /// under Miri (`cargo +nightly miri test --lib paths_`); the differential tests on large
    /// inputs are in [`tests/tokens.rs`](https://github.com/slovo-nlp/slovo/blob/main/tests/tokens.rs).
    #[test]
    fn paths_give_the_scalar_tokens() {
        let long = "Кто-то в 19:30 написал на info@example.ru: «Смотри www.example.ru!» 👍🏽 \
                    и т.д. и т. п. Л. Н. Толстой, «Война и мир» — роман… Ну?! Да. \
                    Mon cher, c'est l'été; 2-й раз, 1,5 км/ч, (см. рис. 3) :-) -- ";
        let texts = [
            "",
            " ",
            "Привет, мир!",
            long,
            &long.repeat(3),
            "а\u{301}\u{A0}б\u{200B}в  \n\n«»——……",
        ];
        for text in texts {
            for abbreviation_periods in [false, true] {
                let t = Tokenizer {
                    abbreviation_periods,
                };
                let spec: Vec<Token<'_>> = t
                    .tokenize_with(text, TokenizerPath::Scalar)
                    .unwrap()
                    .collect();
                for path in TokenizerPath::available() {
                    let got: Vec<Token<'_>> = t.tokenize_with(text, path).unwrap().collect();
                    assert_eq!(got, spec, "{path:?} on {text:?}");
                }
            }
        }
    }

    #[test]
    fn extenders() {
        for c in ['\u{301}', '\u{200D}', '\u{FE0F}', '\u{1F3FB}', '\u{483}'] {
            assert!(is_extender(c), "{c:?}");
        }
        for c in ['a', 'я', '-', '\u{AD}', '😀', ' '] {
            assert!(!is_extender(c), "{c:?}");
        }
    }
}
