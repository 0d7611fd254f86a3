//! Repair of mojibake: Russian text whose bytes were decoded with the wrong table.
//!
//! Four mix-ups are recognised, each undone span by span:
//!
//! | seen as | bytes were | looks like |
//! |---|---|---|
//! | cp1251 | UTF-8 | `РџСЂРёРІРµС‚` (twice: `Р В Р’` …) |
//! | Latin-1 / cp1252 | UTF-8 | `ÐŸÑ€Ð¸Ð²ÐµÑ‚` |
//! | Latin-1 / cp1252 | cp1251 | `Ïðèâåò` |
//! | cp1251 | KOI8-R | `рТЙЧЕФ` |
//!
//! The UTF-8 cases are recognised structurally: a run of characters whose bytes in the
//! display table form valid multi-byte UTF-8 (legitimate text practically never does).
//! The single-byte cases are recognised by scoring words with a Russian letter-bigram
//! model before and after the conversion. Spans that do not convincingly improve are
//! left alone, so text that is already fine comes back unchanged (and borrowed).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::input::tables;

use crate::input::ru_stats::{score, Scorer};

/// Repairs mojibake in `text`: Russian text that was decoded with the wrong table
/// (UTF-8 read as cp1251 or Latin-1, cp1251 read as Latin-1, KOI8-R read as cp1251).
///
/// Works span by span, so one broken passage in a good document is repaired in place;
/// text that is already fine is returned unchanged as [`Cow::Borrowed`]. Doubly
/// broken text (`Р В Р’…`) is repaired by repeating until nothing changes, so the
/// function is idempotent. It is opt-in: legitimate text that happens to look like
/// mojibake (a line of Latin-1 `Ïðèâåò` on purpose) would be "repaired" too.
///
/// Limits: characters lost in the first mix-up (cp1252 has no character for byte
/// 0x81, so `с` shown as cp1252 often becomes a bare `Ñ`; non-breaking spaces turned
/// into spaces) cannot be restored and leave that span as it is; single short words
/// between good text may be too weak evidence to touch.
///
/// ```
/// use std::borrow::Cow;
/// use slovo::fix_mojibake;
///
/// assert_eq!(fix_mojibake("Ïðèâåò, ìèð!"), "Привет, мир!");            // cp1251 as Latin-1
/// assert_eq!(fix_mojibake("РџСЂРёРІРµС‚, РјРёСЂ!"), "Привет, мир!");    // UTF-8 as cp1251
/// assert_eq!(fix_mojibake("ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€!"), "Привет, мир!");  // UTF-8 as cp1252
/// assert_eq!(fix_mojibake("рТЙЧЕФ, НЙТ! лБЛ ДЕМБ?"), "Привет, мир! Как дела?"); // KOI8-R as cp1251
///
/// // Only the broken span changes.
/// assert_eq!(fix_mojibake("Рис. 1. Cðåäà îáèòàíèÿ"), "Рис. 1. Cреда обитания");
///
/// // Good text (French included) is returned as it is, without copying.
/// let fine = "«Будь здоров», — сказал он. Gênes et Lucques, à propos.";
/// assert!(matches!(fix_mojibake(fine), Cow::Borrowed(_)));
/// ```
#[must_use]
pub fn fix_mojibake(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut current = Cow::Borrowed(text);
    for _ in 0..MAX_ROUNDS {
        match repair_once(&current) {
            Some(next) => current = Cow::Owned(next),
            None => break,
        }
    }
    current
}

/// Enough for text broken three times over; each round shrinks or settles the text.
const MAX_ROUNDS: usize = 8;

/// One pass of every repair; `None` when nothing changed.
fn repair_once(text: &str) -> Option<String> {
    let mut current = Cow::Borrowed(text);
    let mut changed = false;
    for pass in [
        utf8_shown_as_cp1251 as fn(&str) -> Vec<Edit>,
        utf8_shown_as_latin1,
        cp1251_shown_as_latin1,
        koi8r_shown_as_cp1251,
    ] {
        let edits = pass(&current);
        if !edits.is_empty() {
            current = Cow::Owned(apply(&current, &edits));
            changed = true;
        }
    }
    changed.then(|| current.into_owned())
}

/// A replacement of `range` (byte offsets, char boundaries) by `text`.
#[derive(Debug)]
struct Edit {
    range: Range<usize>,
    text: String,
}

/// Applies non-overlapping edits sorted by position.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        debug_assert!(text.is_char_boundary(edit.range.start));
        debug_assert!(text.is_char_boundary(edit.range.end));
        out.push_str(text.get(at..edit.range.start).unwrap_or_default());
        out.push_str(&edit.text);
        at = edit.range.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

// ---------------------------------------------------------------------------------
// Display tables: which byte a character stands for when it was shown through a
// single-byte table.

/// A single-byte table as a sorted (char, byte) list for the high half.
struct Table {
    high: [char; 128],
    sorted: Vec<(char, u8)>,
}

impl Table {
    /// The table whose bytes 0x80–0xFF show as the 128 characters of `high_half`.
    fn new(high_half: &str, extra: &[(char, u8)]) -> Table {
        let decoded = high_half;
        let mut high = ['\u{FFFD}'; 128];
        for (slot, c) in high.iter_mut().zip(decoded.chars()) {
            *slot = c;
        }
        let mut sorted: Vec<(char, u8)> = high
            .iter()
            .zip(0x80u8..=0xFF)
            .map(|(&c, b)| (c, b))
            .chain(extra.iter().copied())
            .collect();
        sorted.sort_unstable();
        sorted.dedup_by_key(|(c, _)| *c);
        Table { high, sorted }
    }

    /// The byte `c` stands for, if the table can show it.
    fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        self.sorted
            .binary_search_by_key(&c, |&(k, _)| k)
            .ok()
            .map(|i| self.sorted[i].1)
    }

    /// The character byte `b` shows as.
    fn char(&self, b: u8) -> char {
        if b < 0x80 {
            char::from(b)
        } else {
            self.high[usize::from(b - 0x80)]
        }
    }
}

fn cp1251() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(tables::CP1251_HIGH, &[]))
}

/// cp1252 as browsers show it, plus the C1 controls of plain Latin-1 (so both
/// "cp1252" and "ISO-8859-1" displays reverse to the same bytes).
fn latin1() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let c1: Vec<(char, u8)> = (0x80u8..=0x9F).map(|b| (char::from(b), b)).collect();
        Table::new(tables::CP1252_HIGH, &c1)
    })
}

fn koi8r() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(tables::KOI8_R_HIGH, &[]))
}

// ---------------------------------------------------------------------------------
// UTF-8 shown through a single-byte table.

fn utf8_shown_as_cp1251(text: &str) -> Vec<Edit> {
    utf8_shown_as(text, cp1251())
}

fn utf8_shown_as_latin1(text: &str) -> Vec<Edit> {
    utf8_shown_as(text, latin1())
}

/// A maximal run of non-ASCII characters the display table can show, with its bytes
/// valid UTF-8 that decodes to plausible characters.
struct Utf8Chunk {
    range: Range<usize>,
    decoded: String,
    /// Source characters in the chunk (2 = one letter's worth: weak evidence).
    chars: usize,
}

/// Longest stretch of ASCII punctuation/space/digits between a weak chunk and the
/// chunk that vouches for it.
const WEAK_GAP: usize = 8;

fn utf8_shown_as(text: &str, table: &Table) -> Vec<Edit> {
    let mut chunks: Vec<Utf8Chunk> = Vec::new();
    let mut bytes = Vec::new();
    let mut start = None;
    let mut chars = 0;
    let mut close = |start: usize, end: usize, bytes: &mut Vec<u8>, chars: usize| {
        if let Ok(decoded) = std::str::from_utf8(bytes) {
            if decoded.chars().count() < chars && decoded.chars().all(plausible_decoded) {
                chunks.push(Utf8Chunk {
                    range: start..end,
                    decoded: decoded.to_owned(),
                    chars,
                });
            }
        }
        bytes.clear();
    };
    for (i, c) in text.char_indices() {
        let byte = if c.is_ascii() { None } else { table.byte(c) };
        match (byte, start) {
            (Some(b), _) => {
                start.get_or_insert(i);
                bytes.push(b);
                chars += 1;
            }
            (None, Some(s)) => {
                close(s, i, &mut bytes, chars);
                start = None;
                chars = 0;
            }
            (None, None) => {}
        }
    }
    if let Some(s) = start {
        close(s, text.len(), &mut bytes, chars);
    }

    let strong = |c: &Utf8Chunk| c.chars >= 3;
    // Only ASCII punctuation, digits and spaces between: no letters, no other text.
    let near = |a: &Utf8Chunk, b: &Utf8Chunk| {
        let gap = text.get(a.range.end..b.range.start).unwrap_or("x");
        gap.len() <= WEAK_GAP
            && gap
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_alphabetic())
    };
    // `cafÃ©`: one broken accented letter inside a Latin word.
    let in_latin_word = |c: &Utf8Chunk| {
        let before = text
            .get(..c.range.start)
            .and_then(|s| s.chars().next_back());
        let after = text.get(c.range.end..).and_then(|s| s.chars().next());
        c.decoded.chars().all(char::is_alphabetic)
            && (before.is_some_and(|b| b.is_ascii_alphabetic())
                || after.is_some_and(|a| a.is_ascii_alphabetic()))
    };
    let mut edits = Vec::new();
    for (i, chunk) in chunks.iter().enumerate() {
        let vouched = (i > 0 && near(&chunks[i - 1], chunk))
            || chunks.get(i + 1).is_some_and(|next| near(chunk, next))
            || in_latin_word(chunk);
        if strong(chunk) || vouched {
            edits.push(Edit {
                range: chunk.range.clone(),
                text: chunk.decoded.clone(),
            });
        }
    }
    edits
}

/// Characters a repaired UTF-8 chunk may contain: Cyrillic, Latin-1, typographic
/// punctuation, №, €, ™, and the C1 controls that browsers show for the bytes
/// cp1251/cp1252 leave undefined (a doubly broken text passes through them). Anything
/// else (NKo, CJK …) means the bytes were not UTF-8.
fn plausible_decoded(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{FF}'
        | '\u{400}'..='\u{4FF}'
        | '\u{2010}'..='\u{203A}'
        | '€' | '№' | '™')
}

// ---------------------------------------------------------------------------------
// Single-byte text shown through another single-byte table: scored word by word.

/// Mean bigram cost (quarter bits per letter) a converted run must reach to count as
/// Russian. Real prose averages about 17.
const GOOD_COST: u32 = 22;

/// Mean cost above which a run is implausible as it stands.
const BAD_COST: u32 = 26;

/// Words in a run may be this far apart (bytes); farther words start a new run.
const RUN_GAP: usize = 40;

/// Words of `text`: maximal runs of characters for which `is_word` holds.
fn words(text: &str, is_word: impl Fn(char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Converts each character shown by `shown` back to its byte and reads it with `real`;
/// characters `shown` cannot produce stay as they are.
fn convert(text: &str, shown: &Table, real: &Table) -> String {
    text.chars()
        .map(|c| shown.byte(c).map_or(c, |b| real.char(b)))
        .collect()
}

/// How a word takes part in a run of mojibake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Looks broken: starts or extends a run.
    Candidate,
    /// Too short to judge (`У`, `тл`): rides along inside a run, never starts one.
    Neutral,
    /// Fine or foreign: ends the run.
    Breaker,
}

/// Groups words into runs — candidates, and the neutral words around and between
/// them, no further apart than [`RUN_GAP`] — and hands each run's span and its
/// candidates to `accept`, which adds the edits for it.
fn runs(
    text: &str,
    words: &[Range<usize>],
    classify: impl Fn(&str) -> Role,
    mut accept: impl FnMut(Range<usize>, &[Range<usize>], &mut Vec<Edit>),
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut candidates: Vec<Range<usize>> = Vec::new();
    let mut span = 0..0;
    let mut lead: Option<usize> = None;
    let mut last_end: Option<usize> = None;
    let mut flush =
        |candidates: &mut Vec<Range<usize>>, span: &Range<usize>, edits: &mut Vec<Edit>| {
            if !candidates.is_empty() {
                accept(span.clone(), candidates, edits);
            }
            candidates.clear();
        };
    for w in words {
        let role = classify(text.get(w.clone()).unwrap_or_default());
        let far = last_end.is_some_and(|end| w.start - end > RUN_GAP);
        if role == Role::Breaker || far {
            flush(&mut candidates, &span, &mut edits);
            lead = None;
            last_end = None;
        }
        match role {
            Role::Candidate => {
                if candidates.is_empty() {
                    span.start = lead.unwrap_or(w.start);
                }
                candidates.push(w.clone());
                span.end = w.end;
                last_end = Some(w.end);
            }
            Role::Neutral => {
                if candidates.is_empty() {
                    lead.get_or_insert(w.start);
                } else {
                    span.end = w.end;
                }
                last_end = Some(w.end);
            }
            Role::Breaker => {}
        }
    }
    flush(&mut candidates, &span, &mut edits);
    edits
}

/// cp1251 bytes shown as Latin-1/cp1252: `Ïðèâåò` → `Привет`.
fn cp1251_shown_as_latin1(text: &str) -> Vec<Edit> {
    let (shown, real) = (latin1(), cp1251());
    let is_word = |c: char| c.is_alphabetic() || matches!(c, '¨' | '¸' | '×' | '÷');
    let high = |c: char| matches!(c, 'À'..='ÿ' | '¨' | '¸');
    let classify = |word: &str| {
        let (mut hi, mut ascii, mut other) = (0, 0, 0);
        for c in word.chars() {
            if high(c) {
                hi += 1;
            } else if c.is_ascii_alphabetic() {
                ascii += 1;
            } else {
                other += 1;
            }
        }
        // `Cðåäà`: a Latin look-alike capital is common in PDF extractions.
        if other == 0 && hi >= 1 && (ascii == 0 || (ascii == 1 && hi >= 2)) {
            Role::Candidate
        } else {
            Role::Breaker
        }
    };
    let ws = words(text, is_word);
    runs(text, &ws, classify, |span, run, edits| {
        let Some(original) = text.get(span.clone()) else {
            return;
        };
        let converted = convert(original, shown, real);
        let scored = score_words(&converted);
        let longest = run
            .iter()
            .map(|w| {
                text.get(w.clone())
                    .map_or(0, |s| s.chars().filter(|&c| high(c)).count())
            })
            .max()
            .unwrap_or(0);
        if scored.letters >= 3 && longest >= 2 && scored.per_letter() <= GOOD_COST {
            edits.push(Edit {
                range: span,
                text: converted,
            });
        }
    })
}

/// Letters in tell-tale words a KOI8-R run must have before it is converted: short
/// all-caps abbreviations can look better converted by chance.
const KOI8_MIN_LETTERS: usize = 12;

/// KOI8-R bytes shown as cp1251: `рТЙЧЕФ` → `Привет`.
///
/// KOI8-R puts lower case where cp1251 has upper case, so a mix-up turns `Привет` into
/// `рТЙЧЕФ` and `привет` into `ТЙЧЕФ`: candidate words are all upper case after
/// their first letter, and must read better converted.
fn koi8r_shown_as_cp1251(text: &str) -> Vec<Edit> {
    // KOI8-R's no-break space shows as `љ`: a separator, not a letter.
    let ws = words(text, |c| c.is_alphabetic() && c != KOI8_NBSP_SHOWN);
    let classify = |word: &str| {
        if !word.chars().all(koi8_letter) {
            return Role::Breaker;
        }
        // `рТЙЧЕФ`, `ТЙЧЕФ`, or a short all-caps abbreviation turned lower case (`тл`).
        let shape = word.chars().skip(1).all(char::is_uppercase)
            || (word.chars().count() <= 4 && word.chars().all(char::is_lowercase));
        if !shape {
            Role::Breaker
        } else if score_words(&convert_letters(word)).cost < score_words(word).cost {
            Role::Candidate
        } else {
            // The run as a whole decides.
            Role::Neutral
        }
    };
    runs(text, &ws, classify, |span, run, edits| {
        let Some(original) = text.get(span.clone()) else {
            return;
        };
        // Evidence is counted in words of the telling shape (`рТЙЧЕФ`, `ДЕМБ`) only:
        // short lower-case words ride along but vouch for nothing.
        let evidence: usize = run
            .iter()
            .filter_map(|w| text.get(w.clone()))
            .filter(|w| w.chars().skip(1).all(char::is_uppercase))
            .map(|w| w.chars().count())
            .sum();
        let converted = convert_letters(original);
        let before = score_words(original);
        let after = score_words(&converted);
        if evidence >= KOI8_MIN_LETTERS
            && after.per_letter() <= GOOD_COST
            && before.per_letter() >= BAD_COST
        {
            edits.push(Edit {
                range: span,
                text: converted,
            });
        }
    })
}

/// Letters KOI8-R text shows as in cp1251: А..я, and Ј/і for its ё/Ё.
fn koi8_letter(c: char) -> bool {
    matches!(c, 'А'..='я' | 'Ј' | 'і')
}

/// How cp1251 shows KOI8-R's no-break space (byte 0x9A).
const KOI8_NBSP_SHOWN: char = 'љ';

/// Reads the letters (and no-break spaces) of cp1251-shown text as the KOI8-R bytes
/// they are; everything else (punctuation the span may hold) stays.
fn convert_letters(text: &str) -> String {
    let (shown, real) = (cp1251(), koi8r());
    text.chars()
        .map(|c| match shown.byte(c) {
            Some(b) if koi8_letter(c) || c == KOI8_NBSP_SHOWN => real.char(b),
            _ => c,
        })
        .collect()
}

fn score_words(text: &str) -> Scorer {
    score(text.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_reverse() {
        assert_eq!(cp1251().byte('П'), Some(0xCF));
        assert_eq!(latin1().byte('Ï'), Some(0xCF));
        assert_eq!(latin1().byte('\u{81}'), Some(0x81));
        assert_eq!(latin1().byte('Ÿ'), Some(0x9F));
        assert_eq!(koi8r().char(0xF0), 'П');
        assert_eq!(cp1251().byte('ゆ'), None);
        assert_eq!(cp1251().char(0xC0), 'А');
    }
}

#[cfg(test)]
mod table_tests {
    use super::tables::*;

    #[test]
    fn written_out_tables_are_encoding_rs_tables() {
        let bytes: Vec<u8> = (0x80..=0xFF).collect();
        for (table, encoding) in [
            (CP1251_HIGH, encoding_rs::WINDOWS_1251),
            (CP1252_HIGH, encoding_rs::WINDOWS_1252),
            (KOI8_R_HIGH, encoding_rs::KOI8_R),
            (IBM866_HIGH, encoding_rs::IBM866),
        ] {
            let (decoded, _) = encoding.decode_without_bom_handling(&bytes);
            assert_eq!(table, decoded, "{}", encoding.name());
        }
    }
}
