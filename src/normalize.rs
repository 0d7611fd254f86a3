//! Text normalization: Unicode form, case, `ё`, stress marks and invisible characters.
//!
//! [`normalize`] applies a [`NormalizeOptions`] to a `&str` and returns
//! [`Cow::Borrowed`] when the text is already normal, so the common case costs one scan
//! and no allocation. [`fold`] is the preset later stages use to compare words.
//!
//! # How the steps fit together
//!
//! With a Unicode form the text is decomposed first (NFD, or NFKD for NFKC), then
//! lowercased, then filtered, then recomposed:
//!
//! ```text
//! chars ─▶ decompose ─▶ lowercase ─▶ filter (ё, stress, soft hyphen, zero-width) ─▶ compose
//! ```
//!
//! Working on the decomposed text is what makes the result the same whichever way the
//! input spelled a letter: `ѐ` (one code point) and `е` + U+0300 lose their stress mark
//! alike, `ё` and `е` + U+0308 both become `е`, and a mark separated from its letter by a
//! zero-width space is judged after the space is gone. Decomposing before lowercasing
//! keeps NFKC's fullwidth and compatibility letters (`Ｐ` → `P`) in reach of the
//! lowercase step. Every step maps normal text to itself, so [`normalize`] is idempotent.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::error::{Error, Result};

/// Which Unicode normalization form [`normalize`] produces.
///
/// ```
/// use slovo::UnicodeForm;
///
/// assert_eq!(UnicodeForm::default(), UnicodeForm::Nfc);
/// assert_eq!("nfkc".parse::<UnicodeForm>().unwrap(), UnicodeForm::Nfkc);
/// assert_eq!(UnicodeForm::None.as_str(), "none");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum UnicodeForm {
    /// Leave the text's Unicode form alone (the other steps still apply, letter by letter).
    None,
    /// Canonical composition (NFC): `е` + U+0308 becomes `ё`; what a reader sees is unchanged.
    #[default]
    Nfc,
    /// Compatibility composition (NFKC): also folds fullwidth letters (`Ｐｒｅｓｓ` → `Press`),
    /// ligatures (`ﬁ` → `fi`), superscripts (`²` → `2`) and the like.
    Nfkc,
}

impl UnicodeForm {
    /// The lowercase name of the form: `"none"`, `"nfc"` or `"nfkc"`.
    ///
    /// ```
    /// assert_eq!(slovo::UnicodeForm::Nfc.as_str(), "nfc");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            UnicodeForm::None => "none",
            UnicodeForm::Nfc => "nfc",
            UnicodeForm::Nfkc => "nfkc",
        }
    }
}

impl fmt::Display for UnicodeForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for UnicodeForm {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "none" => Ok(UnicodeForm::None),
            "nfc" => Ok(UnicodeForm::Nfc),
            "nfkc" => Ok(UnicodeForm::Nfkc),
            _ => Err(Error::invalid_option(
                "unicode form",
                s,
                "one of none, nfc, nfkc",
            )),
        }
    }
}

/// What [`normalize`] does to a text.
///
/// The fields are public; the same-named methods set them builder-style, and work in
/// `const` context. The [`Default`] is conservative: NFC, and strip the marks and
/// characters a reader does not see as part of the word (stress marks, soft hyphens,
/// zero-width characters); case and `ё` are kept. [`NormalizeOptions::none`] does nothing;
/// [`NormalizeOptions::folding`] is what [`fold`] uses.
///
/// Options deserialize from JSON or any serde format; missing fields take their defaults.
///
/// ```
/// use slovo::{normalize, NormalizeOptions, UnicodeForm};
///
/// let options = NormalizeOptions::default().form(UnicodeForm::Nfkc).lowercase(true);
/// assert_eq!(normalize("Ｐｒｅｓｓ Ёлку", &options), "press ёлку");
///
/// let mut options = NormalizeOptions::none();
/// options.yo_to_ye = true;
/// assert_eq!(normalize("Ёлка", &options), "Елка");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct NormalizeOptions {
    /// The Unicode normalization form of the result (default NFC).
    pub form: UnicodeForm,
    /// Lowercase every character (default off). Letter by letter, without locale rules:
    /// `Σ` becomes `σ` even at the end of a word, `İ` becomes `i` + U+0307.
    pub lowercase: bool,
    /// Replace `ё` with `е` and `Ё` with `Е` (default off).
    pub yo_to_ye: bool,
    /// Remove stress marks (default on): a combining acute (U+0301) or grave (U+0300)
    /// accent on a Cyrillic vowel, including the precomposed `ѐ` and `ѝ`. Accents on other
    /// letters (`é`, Macedonian `ќ`) are letters of their own and stay.
    pub strip_stress: bool,
    /// Remove soft hyphens, U+00AD (default on).
    pub strip_soft_hyphens: bool,
    /// Remove zero-width characters (default on): U+200B zero-width space, U+200C
    /// non-joiner, U+2060 word joiner, U+FEFF byte-order mark, and U+200D zero-width
    /// joiner where it follows a letter, digit or mark. A joiner between emoji
    /// (`👨‍👩‍👧`) is kept, since it makes them one picture. Joiners and non-joiners carry
    /// meaning in Persian and Indic scripts: turn this off for such text.
    pub strip_zero_width: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions::new()
    }
}

impl NormalizeOptions {
    /// The default options, usable in `const` context (same as [`Default::default`]).
    ///
    /// ```
    /// use slovo::NormalizeOptions;
    ///
    /// const OPTIONS: NormalizeOptions = NormalizeOptions::new().lowercase(true);
    /// assert!(OPTIONS.lowercase && OPTIONS.strip_stress);
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        NormalizeOptions {
            form: UnicodeForm::Nfc,
            lowercase: false,
            yo_to_ye: false,
            strip_stress: true,
            strip_soft_hyphens: true,
            strip_zero_width: true,
        }
    }

    /// Options that change nothing: every text comes back borrowed.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use slovo::{normalize, NormalizeOptions};
    ///
    /// let text = "мо\u{301}локо";
    /// assert!(matches!(normalize(text, &NormalizeOptions::none()), Cow::Borrowed(_)));
    /// ```
    #[must_use]
    pub const fn none() -> Self {
        NormalizeOptions {
            form: UnicodeForm::None,
            lowercase: false,
            yo_to_ye: false,
            strip_stress: false,
            strip_soft_hyphens: false,
            strip_zero_width: false,
        }
    }

    /// The options [`fold`] uses to compare words: no Unicode form (cheap), lowercase,
    /// `ё` → `е`, and strip stress marks, soft hyphens and zero-width characters.
    ///
    /// ```
    /// use slovo::{normalize, NormalizeOptions};
    ///
    /// let folded = normalize("Ёлка\u{AD}ми", &NormalizeOptions::folding());
    /// assert_eq!(folded, "елками");
    /// ```
    #[must_use]
    pub const fn folding() -> Self {
        NormalizeOptions {
            form: UnicodeForm::None,
            lowercase: true,
            yo_to_ye: true,
            strip_stress: true,
            strip_soft_hyphens: true,
            strip_zero_width: true,
        }
    }

    /// Whether the result is already [folded](fold): these options do everything
    /// [`NormalizeOptions::folding`] does (and at most add a Unicode form), so
    /// `fold(&normalize(text, self)) == normalize(text, self)`.
    pub(crate) const fn folds(&self) -> bool {
        self.lowercase
            && self.yo_to_ye
            && self.strip_stress
            && self.strip_soft_hyphens
            && self.strip_zero_width
    }

    /// Sets [`form`](Self::form).
    ///
    /// ```
    /// use slovo::{NormalizeOptions, UnicodeForm};
    /// assert_eq!(NormalizeOptions::new().form(UnicodeForm::Nfkc).form, UnicodeForm::Nfkc);
    /// ```
    #[must_use]
    pub const fn form(mut self, form: UnicodeForm) -> Self {
        self.form = form;
        self
    }

    /// Sets [`lowercase`](Self::lowercase).
    ///
    /// ```
    /// assert!(slovo::NormalizeOptions::new().lowercase(true).lowercase);
    /// ```
    #[must_use]
    pub const fn lowercase(mut self, on: bool) -> Self {
        self.lowercase = on;
        self
    }

    /// Sets [`yo_to_ye`](Self::yo_to_ye).
    ///
    /// ```
    /// assert!(slovo::NormalizeOptions::new().yo_to_ye(true).yo_to_ye);
    /// ```
    #[must_use]
    pub const fn yo_to_ye(mut self, on: bool) -> Self {
        self.yo_to_ye = on;
        self
    }

    /// Sets [`strip_stress`](Self::strip_stress).
    ///
    /// ```
    /// assert!(!slovo::NormalizeOptions::new().strip_stress(false).strip_stress);
    /// ```
    #[must_use]
    pub const fn strip_stress(mut self, on: bool) -> Self {
        self.strip_stress = on;
        self
    }

    /// Sets [`strip_soft_hyphens`](Self::strip_soft_hyphens).
    ///
    /// ```
    /// assert!(!slovo::NormalizeOptions::new().strip_soft_hyphens(false).strip_soft_hyphens);
    /// ```
    #[must_use]
    pub const fn strip_soft_hyphens(mut self, on: bool) -> Self {
        self.strip_soft_hyphens = on;
        self
    }

    /// Sets [`strip_zero_width`](Self::strip_zero_width).
    ///
    /// ```
    /// assert!(!slovo::NormalizeOptions::new().strip_zero_width(false).strip_zero_width);
    /// ```
    #[must_use]
    pub const fn strip_zero_width(mut self, on: bool) -> Self {
        self.strip_zero_width = on;
        self
    }
}

/// Normalizes `text` as `options` say; borrows when nothing changes.
///
/// The result is idempotent: `normalize(&normalize(x, o), o) == normalize(x, o)` for every
/// text and every option set. It is [`Cow::Borrowed`] exactly when it equals the input;
/// otherwise one `String` is allocated.
///
/// ```
/// use std::borrow::Cow;
/// use slovo::{normalize, NormalizeOptions, UnicodeForm};
///
/// let options = NormalizeOptions::default();
/// // Stress marks, soft hyphens and zero-width spaces go; the letters stay.
/// assert_eq!(normalize("Приве\u{301}т, ми\u{AD}р\u{200B}!", &options), "Привет, мир!");
/// // Already normal: no allocation.
/// assert!(matches!(normalize("Привет, мир!", &options), Cow::Borrowed(_)));
///
/// let options = options.form(UnicodeForm::Nfkc).lowercase(true).yo_to_ye(true);
/// assert_eq!(normalize("Ｐｒｅｓｓ ЁЖ", &options), "press еж");
/// ```
#[must_use]
pub fn normalize<'a>(text: &'a str, options: &NormalizeOptions) -> Cow<'a, str> {
    let plan = match survey(text, options) {
        Survey::Unchanged => return Cow::Borrowed(text),
        Survey::Change { simple } => simple,
    };
    let mut out = String::with_capacity(text.len());
    let recompose = options.form != UnicodeForm::None && !plan;
    if recompose {
        normalize_decomposed(text, options, &mut out);
    } else if plan {
        // A text of ASCII, Cyrillic letters and common punctuation only: such a text is
        // already NFC and NFKC, and stays so after lowercasing and filtering, so the
        // decompose/compose machinery would change nothing.
        normalize_simple(text, options, &mut out);
    } else {
        // No Unicode form: lowercase and filter only. Precomposed letters with a mark to
        // drop (`ѐ`, `ё`) are taken apart one at a time by the filter.
        let mut filter = Filter::new(options, true);
        for c in text.chars() {
            push_lowercased(c, options.lowercase, |c| filter.push(c, &mut out));
        }
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Folds a word (or any text) for comparison: lowercase, `ё` → `е`, no stress marks, soft
/// hyphens or zero-width characters. Borrows when the word is already folded.
///
/// This is [`normalize`] with [`NormalizeOptions::folding`]; it does not change the Unicode
/// form, so apply [`normalize`] with NFC first if the text may mix composed and decomposed
/// letters.
///
/// ```
/// use std::borrow::Cow;
///
/// assert_eq!(slovo::fold("Ёлка"), "елка");
/// assert_eq!(slovo::fold("ЗА\u{301}МОК"), "замок");
/// assert!(matches!(slovo::fold("замок"), Cow::Borrowed(_)));
/// ```
#[must_use]
pub fn fold(word: &str) -> Cow<'_, str> {
    const FOLDING: NormalizeOptions = NormalizeOptions::folding();
    normalize(word, &FOLDING)
}

/// The outcome of the cheap first scan.
enum Survey {
    /// The text is already normal.
    Unchanged,
    /// Something may change; `simple` says the text is only ASCII and Cyrillic letters.
    Change { simple: bool },
}

const SOFT_HYPHEN: char = '\u{AD}';
const ZERO_WIDTH_JOINER: char = '\u{200D}';
const COMBINING_GRAVE: char = '\u{300}';
const COMBINING_ACUTE: char = '\u{301}';
const COMBINING_DIAERESIS: char = '\u{308}';

/// Vowel letters of the Cyrillic alphabets (Russian, Ukrainian, Belarusian, Kazakh …) in
/// both cases, without their own diacritics: precomposed vowels such as `ё`, `ї`, `ӧ`
/// are matched through their canonical decomposition.
const CYRILLIC_VOWELS: &str = "аеиоуыэюяієәөүұѣӕАЕИОУЫЭЮЯІЄӘӨҮҰѢӔ";

/// Zero-width characters that are always removed (the joiner U+200D has its own rule).
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}')
}

/// ASCII, a Cyrillic letter of the basic block (not its combining marks U+0483..U+0489),
/// or common punctuation of Russian text (`«»`, `°`, `§`, `©`, dashes, quotes, bullets).
/// All of these are NFC and NFKC on their own, never combine with what precedes them and
/// lowercase to characters of the same set (the tests check every one of them).
fn is_simple(c: char) -> bool {
    c.is_ascii()
        || matches!(
            c,
            '\u{400}'..='\u{482}'
                | '\u{48A}'..='\u{4FF}'
                | '«'
                | '»'
                | '°'
                | '§'
                | '©'
                | '\u{2010}'
                | '\u{2012}'..='\u{2015}'
                | '\u{2018}'..='\u{2022}'
        )
}

/// [`Filter::strip_precomposed`] for simple characters, without a table lookup: the only
/// ones with a removable mark are `ѐ ѝ` (stress) and `ё` (diaeresis), in both cases.
fn strip_precomposed_simple(c: char, options: &NormalizeOptions) -> Option<char> {
    match c {
        'ѐ' if options.strip_stress => Some('е'),
        'Ѐ' if options.strip_stress => Some('Е'),
        'ѝ' if options.strip_stress => Some('и'),
        'Ѝ' if options.strip_stress => Some('И'),
        'ё' if options.yo_to_ye => Some('е'),
        'Ё' if options.yo_to_ye => Some('Е'),
        _ => None,
    }
}

/// The first code point of `c`'s canonical decomposition: `ё` → `е`, `a` → `a`.
fn base_letter(c: char) -> char {
    let mut first = None;
    decompose_canonical(c, |d| {
        first.get_or_insert(d);
    });
    first.unwrap_or(c)
}

fn is_cyrillic_vowel(c: char) -> bool {
    CYRILLIC_VOWELS.contains(base_letter(c))
}

fn is_ye(c: char) -> bool {
    matches!(base_letter(c), 'е' | 'Е')
}

/// Whether lowercasing changes `c`.
fn changes_when_lowercased(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() != Some(c) || lower.next().is_some()
}

/// Whether the canonical decomposition of `c` holds a mark the options remove.
fn has_removable_mark(c: char, options: &NormalizeOptions) -> bool {
    let mut found = false;
    decompose_canonical(c, |d| {
        found |= (options.strip_stress && matches!(d, COMBINING_GRAVE | COMBINING_ACUTE))
            || (options.yo_to_ye && d == COMBINING_DIAERESIS);
    });
    found
}

/// One pass over the text deciding whether anything can change. It may say "change" when
/// nothing does (the caller compares), but never "unchanged" when something does.
fn survey(text: &str, options: &NormalizeOptions) -> Survey {
    // Byte-level fast path over the prefix that no option can change: ASCII (but capitals
    // when lowercasing) and the lowercase Russian letters other than `ё` (`а`–`п` are
    // D0 B0–BF, `р`–`я` D1 80–8F). Such text is NFC and NFKC already.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match (b, bytes.get(i + 1)) {
            (b'A'..=b'Z', _) if options.lowercase => break,
            (0x00..=0x7F, _) => i += 1,
            (0xD0, Some(0xB0..=0xBF)) | (0xD1, Some(0x80..=0x8F)) => i += 2,
            _ => break,
        }
    }
    // `i` stands at a char boundary: only whole characters were skipped.
    let Some(rest) = text.get(i..).filter(|rest| !rest.is_empty()) else {
        return Survey::Unchanged;
    };
    let mut change = false;
    let mut simple = true;
    // The rest, byte by byte for ASCII and the two-byte Cyrillic range.
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            change |= options.lowercase && b.is_ascii_uppercase();
            i += 1;
            continue;
        }
        // Two-byte sequences starting D0 or D1 are U+0400..U+047F: Cyrillic letters.
        // Decoding them here skips the general decoder for most Russian text.
        let c = match (b, bytes.get(i + 1)) {
            (0xD0 | 0xD1, Some(&next)) => {
                let code = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
                i += 2;
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => {
                    i += c.len_utf8();
                    c
                }
                None => break, // not reached: `i` is always at a character boundary
            },
        };
        if is_simple(c) {
            change |= (options.lowercase && c.is_uppercase())
                || (options.yo_to_ye && matches!(c, 'ё' | 'Ё'))
                || (options.strip_stress && matches!(c, 'ѐ' | 'ѝ' | 'Ѐ' | 'Ѝ'));
            continue;
        }
        simple = false;
        change |= (options.strip_zero_width && (is_zero_width(c) || c == ZERO_WIDTH_JOINER))
            || (options.strip_soft_hyphens && c == SOFT_HYPHEN)
            || (options.lowercase && changes_when_lowercased(c))
            || ((options.strip_stress || options.yo_to_ye) && has_removable_mark(c, options));
    }
    if !change && !simple {
        // The skipped prefix is normal and ends with a starter; a mark at the start of
        // `rest` that could compose with it has quick-check value "maybe", so checking
        // `rest` alone is enough.
        let normal = match options.form {
            UnicodeForm::None => IsNormalized::Yes,
            UnicodeForm::Nfc => is_nfc_quick(rest.chars()),
            UnicodeForm::Nfkc => is_nfkc_quick(rest.chars()),
        };
        change = normal != IsNormalized::Yes;
    }
    if change {
        Survey::Change { simple }
    } else {
        Survey::Unchanged
    }
}

/// [`normalize`] of a text of [simple](is_simple) characters only. None of them is a mark,
/// a soft hyphen or a zero-width character, so the filter has nothing to do but take
/// apart the precomposed `ѐ ѝ ё` ([`strip_precomposed_simple`]), and each character is
/// handled on its own. ASCII and the Russian alphabet (`А`–`я`, `Ё`, `ё`), nearly all of
/// Russian text, are lowercased by arithmetic on their code points; the rest goes through
/// the general per-character steps.
fn normalize_simple(text: &str, options: &NormalizeOptions, out: &mut String) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            out.push(char::from(if options.lowercase {
                b.to_ascii_lowercase()
            } else {
                b
            }));
            i += 1;
            continue;
        }
        // Lead bytes D0 and D1 start U+0400..U+047F.
        if let (0xD0 | 0xD1, Some(&next)) = (b, bytes.get(i + 1)) {
            let code = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
            let russian = match code {
                // А–Я: lowercase is 0x20 higher.
                0x410..=0x42F if options.lowercase => Some(code + 0x20),
                0x410..=0x44F => Some(code),
                0x401 if options.yo_to_ye => Some(if options.lowercase { 0x435 } else { 0x415 }),
                0x401 if options.lowercase => Some(0x451),
                0x451 if options.yo_to_ye => Some(0x435),
                0x401 | 0x451 => Some(code),
                _ => None,
            };
            if let Some(c) = russian.and_then(char::from_u32) {
                out.push(c);
                i += 2;
                continue;
            }
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break; // not reached: `i` is always at a character boundary
        };
        i += c.len_utf8();
        push_lowercased(c, options.lowercase, |c| {
            out.push(strip_precomposed_simple(c, options).unwrap_or(c));
        });
    }
}

/// The general path: decompose, lowercase, filter, compose.
fn normalize_decomposed(text: &str, options: &NormalizeOptions, out: &mut String) {
    let mut filtered = String::with_capacity(text.len());
    let mut filter = Filter::new(options, false);
    let mut push =
        |c: char| push_lowercased(c, options.lowercase, |c| filter.push(c, &mut filtered));
    match options.form {
        UnicodeForm::Nfkc => text.chars().nfkd().for_each(&mut push),
        _ => text.chars().nfd().for_each(&mut push),
    }
    // The filtered text is fully decomposed (lowercasing a decomposed letter gives a
    // decomposed letter; the tests check this for every code point), so canonical
    // composition of it is NFC, or NFKC when it was compatibility-decomposed.
    out.extend(filtered.chars().nfc());
}

fn push_lowercased(c: char, lowercase: bool, mut push: impl FnMut(char)) {
    if lowercase && !c.is_lowercase() {
        c.to_lowercase().for_each(push);
    } else {
        push(c);
    }
}

/// The stateful filter: drops stress marks and `ё`'s diaeresis in the run of combining
/// marks after a letter, soft hyphens and zero-width characters. Removed characters are
/// transparent: the letter before them still owns the marks after them, so removing
/// them cannot expose new work for a second pass.
struct Filter {
    options: NormalizeOptions,
    /// Take apart precomposed letters (`ѐ` → `е`) when a mark of theirs is removed. Off on
    /// the decomposed path, where there are none.
    precomposed: bool,
    /// The last starter (combining class 0) written, whose marks are being read.
    base: Option<char>,
    /// The last character written.
    last: Option<char>,
}

impl Filter {
    fn new(options: &NormalizeOptions, precomposed: bool) -> Self {
        Filter {
            options: *options,
            precomposed,
            base: None,
            last: None,
        }
    }

    fn push(&mut self, c: char, out: &mut String) {
        let o = &self.options;
        if is_simple(c) {
            // A starter with nothing to strip, unless it is one of the few precomposed
            // letters handled without a table lookup.
            let c = if self.precomposed {
                strip_precomposed_simple(c, o).unwrap_or(c)
            } else {
                c
            };
            self.emit(c, out);
            return;
        }
        if (o.strip_soft_hyphens && c == SOFT_HYPHEN)
            || (o.strip_zero_width && is_zero_width(c))
            || (o.strip_zero_width && c == ZERO_WIDTH_JOINER && !self.joins_pictures())
        {
            return;
        }
        if canonical_combining_class(c) != 0 {
            if let Some(base) = self.base {
                let stress = o.strip_stress
                    && matches!(c, COMBINING_GRAVE | COMBINING_ACUTE)
                    && is_cyrillic_vowel(base);
                let yo = o.yo_to_ye && c == COMBINING_DIAERESIS && is_ye(base);
                if stress || yo {
                    return;
                }
            }
            self.last = Some(c);
            out.push(c);
            return;
        }
        if self.precomposed && (o.strip_stress || o.yo_to_ye) {
            if let Some(base) = self.strip_precomposed(c) {
                self.emit(base, out);
                return;
            }
        }
        self.emit(c, out);
    }

    /// A starter: written, and the owner of the marks that follow.
    fn emit(&mut self, c: char, out: &mut String) {
        self.base = Some(c);
        self.last = Some(c);
        out.push(c);
    }

    /// A zero-width joiner is kept only after a character that is not a letter, digit,
    /// space or mark: that is, between emoji and symbols.
    fn joins_pictures(&self) -> bool {
        self.last.is_some_and(|p| {
            !p.is_alphanumeric() && !p.is_whitespace() && canonical_combining_class(p) == 0
        })
    }

    /// If `c` is a letter plus one removable mark (`ѐ`, `ё`), its letter.
    fn strip_precomposed(&self, c: char) -> Option<char> {
        let mut parts = ['\0'; 2];
        let mut len = 0;
        decompose_canonical(c, |d| {
            if len < parts.len() {
                parts[len] = d;
            }
            len += 1;
        });
        if len != 2 {
            return None;
        }
        let [base, mark] = parts;
        let o = &self.options;
        let stress = o.strip_stress
            && matches!(mark, COMBINING_GRAVE | COMBINING_ACUTE)
            && is_cyrillic_vowel(base);
        let yo = o.yo_to_ye && mark == COMBINING_DIAERESIS && is_ye(base);
        (stress || yo).then_some(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::char::decompose_compatible;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    fn nfd(s: &str) -> String {
        s.chars().nfd().collect()
    }

    fn nfkd(s: &str) -> String {
        s.chars().nfkd().collect()
    }

    /// What the decomposed path relies on: lowercasing keeps decomposed text decomposed,
    /// and lowercasing twice is lowercasing once.
    #[test]
    fn lowercase_keeps_decomposed_text_decomposed() {
        for c in all_chars() {
            let lower: String = c.to_lowercase().collect();
            let relower: String = lower.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(lower, relower, "lowercase of {c:?} is not stable");
            let mut one = [0u8; 4];
            let s = c.encode_utf8(&mut one);
            if nfd(s) == *s {
                assert_eq!(nfd(&lower), lower, "lowercase of NFD {c:?} is not NFD");
            }
            if nfkd(s) == *s {
                assert_eq!(nfkd(&lower), lower, "lowercase of NFKD {c:?} is not NFKD");
            }
            if canonical_combining_class(c) != 0 {
                assert_eq!(lower, *s, "mark {c:?} changes when lowercased");
            }
        }
    }

    /// No decomposition creates a character the filter removes, so removing them before
    /// or after decomposing is the same.
    #[test]
    fn no_decomposition_makes_invisible_characters() {
        for c in all_chars() {
            decompose_compatible(c, |d| {
                assert!(
                    !is_zero_width(d) && d != ZERO_WIDTH_JOINER && d != SOFT_HYPHEN || d == c,
                    "{c:?} decomposes to {d:?}"
                );
            });
        }
    }

    /// The "simple" fast path is sound: such characters are NFC and NFKC, never combine
    /// with what precedes them, and lowercase to simple characters.
    #[test]
    fn simple_characters_are_normal() {
        for c in all_chars().filter(|&c| is_simple(c)) {
            let one = c.to_string();
            assert_eq!(is_nfc_quick(one.chars()), IsNormalized::Yes, "{c:?}");
            assert_eq!(is_nfkc_quick(one.chars()), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0);
            assert!(c.to_lowercase().all(is_simple), "{c:?}");
        }
    }

    /// The lookup-free mapping for simple characters agrees with the general one.
    #[test]
    fn simple_precomposed_letters_match_their_decomposition() {
        for bits in 0..4u8 {
            let options = NormalizeOptions::none()
                .strip_stress(bits & 1 != 0)
                .yo_to_ye(bits & 2 != 0);
            let filter = Filter::new(&options, true);
            for c in all_chars().filter(|&c| is_simple(c)) {
                assert_eq!(
                    strip_precomposed_simple(c, &options),
                    filter.strip_precomposed(c),
                    "{c:?}"
                );
            }
        }
    }

    fn forms() -> impl Strategy<Value = UnicodeForm> {
        prop_oneof![
            Just(UnicodeForm::None),
            Just(UnicodeForm::Nfc),
            Just(UnicodeForm::Nfkc)
        ]
    }

    fn options() -> impl Strategy<Value = NormalizeOptions> {
        options_with(forms())
    }

    fn options_with(
        forms: impl Strategy<Value = UnicodeForm>,
    ) -> impl Strategy<Value = NormalizeOptions> {
        (forms, any::<[bool; 5]>()).prop_map(|(form, b)| NormalizeOptions {
            form,
            lowercase: b[0],
            yo_to_ye: b[1],
            strip_stress: b[2],
            strip_soft_hyphens: b[3],
            strip_zero_width: b[4],
        })
    }

    /// Characters that exercise every rule, mixed with arbitrary ones.
    fn tricky_text() -> impl Strategy<Value = String> {
        let tricky = prop::sample::select(vec![
            'е',
            'Е',
            'ё',
            'Ё',
            'и',
            'И',
            'ѐ',
            'ѝ',
            'Ѐ',
            'Ѝ',
            'ќ',
            'ѓ',
            'й',
            'ї',
            'ӧ',
            'а',
            'к',
            'a',
            'e',
            'A',
            'é',
            'I',
            'İ',
            'Σ',
            'ß',
            'ǅ',
            'Ω',
            'Å',
            '\u{300}',
            '\u{301}',
            '\u{308}',
            '\u{306}',
            '\u{316}',
            '\u{323}',
            '\u{340}',
            '\u{341}',
            '\u{344}',
            '\u{34F}',
            '\u{AD}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{FE0F}',
            '´',
            '¨',
            '℃',
            'ﬁ',
            'Ｐ',
            'ｒ',
            '①',
            '😀',
            '👨',
            '\u{1F3FD}',
            ' ',
            '\u{A0}',
            '«',
            '—',
            '°',
            '가',
            '\u{1100}',
            '\u{1161}',
            '\u{11A8}',
            '\u{94D}',
            'क',
            '1',
        ]);
        let any_char = any::<char>();
        prop::collection::vec(prop_oneof![4 => tricky, 1 => any_char], 0..24)
            .prop_map(|v| v.into_iter().collect())
    }

    /// Cyrillic and ASCII only: the fast path.
    fn simple_text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 .,«»°§©\u{2010}\u{2012}-\u{2015}\u{2018}-\u{2022}\u{400}-\u{482}\u{48A}-\u{4FF}]{0,24}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn idempotent(text in tricky_text(), options in options()) {
            let once = normalize(&text, &options).into_owned();
            let twice = normalize(&once, &options);
            prop_assert_eq!(&*twice, &*once, "input {:?}", text);
        }

        #[test]
        fn idempotent_on_arbitrary_unicode(text in any::<String>(), options in options()) {
            let once = normalize(&text, &options).into_owned();
            prop_assert_eq!(&*normalize(&once, &options), &*once);
        }

        #[test]
        fn borrowed_iff_unchanged(text in tricky_text(), options in options()) {
            let out = normalize(&text, &options);
            prop_assert_eq!(matches!(out, Cow::Borrowed(_)), *out == *text);
        }

        /// The survey never skips work: its answer matches the full pipeline's.
        #[test]
        fn survey_agrees_with_the_full_pipeline(text in tricky_text(), options in options()) {
            let mut full = String::new();
            if options.form == UnicodeForm::None {
                let mut filter = Filter::new(&options, true);
                for c in text.chars() {
                    push_lowercased(c, options.lowercase, |c| filter.push(c, &mut full));
                }
            } else {
                normalize_decomposed(&text, &options, &mut full);
            }
            prop_assert_eq!(&*normalize(&text, &options), &*full);
        }

        /// The fast path for ASCII and Cyrillic gives what the general path gives.
        #[test]
        fn fast_path_agrees_with_general_path(
            text in simple_text(),
            options in options_with(prop_oneof![Just(UnicodeForm::Nfc), Just(UnicodeForm::Nfkc)]),
        ) {
            let mut general = String::new();
            normalize_decomposed(&text, &options, &mut general);
            prop_assert_eq!(&*normalize(&text, &options), &*general);
        }

        /// The per-byte simple path gives what the stateful filter gives, character by
        /// character, for any options (simple text is in every Unicode form already).
        #[test]
        fn simple_path_agrees_with_the_filter(
            text in prop_oneof![simple_text(), "[a-zA-Z0-9 .,«»—А-Яа-яЁёЀѐЍѝЇїІі]{0,24}"],
            options in options(),
        ) {
            let mut filtered = String::new();
            let mut filter = Filter::new(&options, true);
            for c in text.chars() {
                push_lowercased(c, options.lowercase, |c| filter.push(c, &mut filtered));
            }
            let mut simple = String::new();
            normalize_simple(&text, &options, &mut simple);
            prop_assert_eq!(&simple, &filtered);
            prop_assert_eq!(&*normalize(&text, &options), &*filtered);
        }

        /// Options that [fold](NormalizeOptions::folds) give folded text, whatever their
        /// Unicode form (the stop-word check relies on this).
        #[test]
        fn folding_options_give_folded_text(text in tricky_text(), options in options()) {
            let mut options = options;
            options.lowercase = true;
            options.yo_to_ye = true;
            options.strip_stress = true;
            options.strip_soft_hyphens = true;
            options.strip_zero_width = true;
            prop_assert!(options.folds());
            let out = normalize(&text, &options);
            prop_assert_eq!(&*fold(&out), &*out, "input {:?}", text);
        }

        /// The result is in the requested Unicode form.
        #[test]
        fn result_is_in_the_requested_form(text in tricky_text(), options in options()) {
            let out = normalize(&text, &options);
            match options.form {
                UnicodeForm::None => {}
                UnicodeForm::Nfc => prop_assert!(unicode_normalization::is_nfc(&out)),
                UnicodeForm::Nfkc => prop_assert!(unicode_normalization::is_nfkc(&out)),
            }
        }
    }

    #[test]
    fn stress_marks_go_only_from_cyrillic_vowels() {
        let o = NormalizeOptions::default();
        assert_eq!(normalize("мо\u{301}локо", &o), "молоко");
        assert_eq!(normalize("ѐ ѝ Ѐ", &o), "е и Е");
        assert_eq!(normalize("е\u{200B}\u{301}", &o), "е");
        assert_eq!(normalize("café", &o), "café");
        assert_eq!(normalize("ќ к\u{301}", &o), "ќ ќ");
        assert_eq!(normalize("\u{301}a", &o), "\u{301}a");
        assert_eq!(
            normalize("мо\u{301}локо", &NormalizeOptions::none()),
            "мо\u{301}локо"
        );
    }

    #[test]
    fn yo_in_every_spelling() {
        let o = NormalizeOptions::new().yo_to_ye(true);
        assert_eq!(normalize("ёЁ е\u{308} Е\u{308}", &o), "еЕ е Е");
        let none = NormalizeOptions::none().yo_to_ye(true);
        assert_eq!(normalize("ёЁ е\u{308}", &none), "еЕ е");
        // Without the option, NFC composes a decomposed ё.
        assert_eq!(normalize("е\u{308}", &NormalizeOptions::new()), "ё");
    }

    #[test]
    fn zero_width_joiner_between_emoji_stays() {
        let o = NormalizeOptions::default();
        let family = "👨\u{200D}👩\u{200D}👧";
        assert!(matches!(normalize(family, &o), Cow::Borrowed(_)));
        assert_eq!(normalize("при\u{200D}вет\u{FEFF}", &o), "привет");
    }

    #[test]
    fn nfkc_folds_compatibility_letters_before_lowercasing() {
        let o = NormalizeOptions::new()
            .form(UnicodeForm::Nfkc)
            .lowercase(true);
        assert_eq!(normalize("Ｐｒｅｓｓ ﬁ ²", &o), "press fi 2");
        assert_eq!(normalize("İ", &o), "i\u{307}");
    }

    #[test]
    fn options_deserialize_with_defaults_for_missing_fields() {
        let o: NormalizeOptions =
            serde_json::from_str(r#"{"form":"nfkc","lowercase":true}"#).unwrap();
        assert_eq!(
            o,
            NormalizeOptions::new()
                .form(UnicodeForm::Nfkc)
                .lowercase(true)
        );
        let back = serde_json::to_string(&o).unwrap();
        assert_eq!(serde_json::from_str::<NormalizeOptions>(&back).unwrap(), o);
        assert!(serde_json::from_str::<NormalizeOptions>(r#"{"form":"nfd"}"#).is_err());
    }
}
