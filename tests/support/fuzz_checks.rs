//! Invariants checked on arbitrary input, one function per fuzz target.
//!
//! Each function takes the fuzzer's raw bytes, turns them into the input of one part of
//! slovo (text: the bytes as UTF-8, invalid sequences replaced; options: taken from the
//! first byte) and panics if a documented invariant fails — not only if slovo panics.
//! `tests/fuzz_seeds.rs` includes this file and replays the committed seed corpus through
//! the same functions on every `cargo test`.

use std::borrow::Cow;
use std::ops::Range;

use slovo::{
    Analyzer, Detector, DocumentFrequencies, Lang, NormalizeOptions, TfidfVectorizer, Tokenizer,
    TokenizerPath, UnicodeForm,
};

/// Characters that separate tokens and belong to none: White_Space, ZWSP, word joiner,
/// BOM. Everything else must be inside exactly one token.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// The fuzzer's bytes as text: valid UTF-8 as it is, invalid sequences as U+FFFD.
fn text_of(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Splits off the first byte as option flags; the rest is the payload.
fn flags_and_rest(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&flags, rest)) => (flags, rest),
        None => (0, data),
    }
}

/// Spans come in text order, do not overlap, lie on char boundaries and slice `text`
/// to `expected` (when given).
fn check_spans<'a>(text: &str, spans: impl IntoIterator<Item = (Range<usize>, Option<&'a str>)>) {
    let mut end = 0;
    for (span, expected) in spans {
        assert!(
            span.start >= end,
            "span {span:?} overlaps or goes back before {end}"
        );
        assert!(span.start <= span.end, "reversed span {span:?}");
        let slice = text.get(span.clone()).unwrap_or_else(|| {
            panic!(
                "span {span:?} does not slice a text of {} bytes",
                text.len()
            )
        });
        if let Some(expected) = expected {
            assert_eq!(slice, expected, "span {span:?} does not slice to its text");
        }
        end = span.end;
    }
}

/// Tokens (both period styles): non-empty slices of the text in order, covering every
/// character that is not a separator, and containing no separator at either end.
pub fn tokenize(data: &[u8]) {
    let (flags, rest) = flags_and_rest(data);
    let text = text_of(rest);
    let tokenizer = Tokenizer::builder()
        .abbreviation_periods(flags & 1 == 1)
        .build()
        .unwrap();
    let mut covered = 0;
    for token in tokenizer.tokenize(&text) {
        assert!(!token.text.is_empty(), "empty token at {:?}", token.span);
        assert!(
            token.span.start >= covered,
            "token {token:?} overlaps the previous one"
        );
        assert_eq!(text.get(token.span.range()), Some(token.text), "{token:?}");
        let gap = &text[covered..token.span.start];
        assert!(
            gap.chars().all(is_separator),
            "{gap:?} before {token:?} is in no token"
        );
        let first = token.text.chars().next();
        let last = token.text.chars().next_back();
        assert!(
            !first.is_some_and(is_separator) && !last.is_some_and(is_separator),
            "{token:?} starts or ends with a separator"
        );
        covered = token.span.end;
    }
    let tail = &text[covered..];
    assert!(
        tail.chars().all(is_separator),
        "tail {tail:?} is in no token"
    );
    // The iterator is fused.
    let mut tokens = tokenizer.tokenize(&text);
    tokens.by_ref().for_each(drop);
    assert!(tokens.next().is_none());
}

/// Every implementation of the tokenizer this CPU runs (the block path with each of its
/// classifiers) gives exactly the scalar path's tokens: text, span and kind.
pub fn tokenize_paths(data: &[u8]) {
    let (flags, rest) = flags_and_rest(data);
    let text = text_of(rest);
    let tokenizer = Tokenizer::builder()
        .abbreviation_periods(flags & 1 == 1)
        .build()
        .unwrap();
    let Some(scalar) = tokenizer.tokenize_with(&text, TokenizerPath::Scalar) else {
        panic!("the scalar path is always available");
    };
    let expected: Vec<slovo::Token<'_>> = scalar.collect();
    for path in TokenizerPath::available() {
        let Some(tokens) = tokenizer.tokenize_with(&text, path) else {
            continue;
        };
        let got: Vec<slovo::Token<'_>> = tokens.collect();
        if got != expected {
            let i = got
                .iter()
                .zip(&expected)
                .position(|(a, b)| a != b)
                .unwrap_or(got.len().min(expected.len()));
            panic!(
                "{path:?} differs from the scalar path at token {i}: {:?} instead of {:?}",
                got.get(i),
                expected.get(i)
            );
        }
    }
}

/// Sentences: non-empty, trimmed slices of the text in order; what lies between them is
/// white space; every token lies inside one sentence.
pub fn sentences(data: &[u8]) {
    let text = text_of(data);
    let sentences: Vec<slovo::Sentence<'_>> = slovo::sentences(&text).collect();
    check_spans(
        &text,
        sentences.iter().map(|s| (s.span.range(), Some(s.text))),
    );
    let mut covered = 0;
    for s in &sentences {
        assert!(!s.text.is_empty());
        assert_eq!(s.text, s.text.trim_matches(is_separator), "untrimmed {s:?}");
        let gap = &text[covered..s.span.start];
        assert!(gap.chars().all(is_separator), "{gap:?} is in no sentence");
        covered = s.span.end;
    }
    assert!(
        text[covered..].chars().all(is_separator),
        "tail is in no sentence"
    );
    let mut current = sentences.iter().peekable();
    for token in slovo::tokenize(&text) {
        while current
            .peek()
            .is_some_and(|s| s.span.end <= token.span.start)
        {
            current.next();
        }
        let s = current
            .peek()
            .unwrap_or_else(|| panic!("{token:?} is after the last sentence"));
        assert!(
            s.span.start <= token.span.start && token.span.end <= s.span.end,
            "{token:?} straddles {s:?}"
        );
    }
}

/// The skipping sentence splitter gives exactly the full splitter's sentences.
pub fn sentence_paths(data: &[u8]) {
    let text = text_of(data);
    let full: Vec<_> = slovo::sentences_with(&text, slovo::SentencePath::Full).collect();
    let skipping: Vec<_> = slovo::sentences_with(&text, slovo::SentencePath::Skipping).collect();
    assert_eq!(skipping, full, "the sentence splitters differ on {text:?}");
}

/// The normalization options encoded in the low six bits of `flags`.
fn normalize_options(flags: u8) -> NormalizeOptions {
    NormalizeOptions::none()
        .form(if flags & 1 == 1 {
            UnicodeForm::Nfkc
        } else {
            UnicodeForm::Nfc
        })
        .lowercase(flags & 2 != 0)
        .yo_to_ye(flags & 4 != 0)
        .strip_stress(flags & 8 != 0)
        .strip_soft_hyphens(flags & 16 != 0)
        .strip_zero_width(flags & 32 != 0)
}

/// Normalization is idempotent for every option set, borrows exactly when nothing
/// changed, and `fold` is idempotent. `fix_mojibake` borrows when it changes nothing
/// and never touches text that is already normal Russian.
pub fn normalize(data: &[u8]) {
    let (flags, rest) = flags_and_rest(data);
    let text = text_of(rest);
    let options = normalize_options(flags);
    let once = slovo::normalize(&text, &options);
    match &once {
        Cow::Borrowed(s) => assert_eq!(*s, &*text),
        Cow::Owned(s) => assert_ne!(s, &*text, "allocated without a change"),
    }
    let twice = slovo::normalize(&once, &options);
    assert_eq!(once, twice, "normalize is not idempotent with {options:?}");
    assert!(matches!(twice, Cow::Borrowed(_)), "normal text was copied");

    let folded = slovo::fold(&text);
    assert_eq!(slovo::fold(&folded), folded, "fold is not idempotent");

    let fixed = slovo::fix_mojibake(&text);
    if let Cow::Owned(s) = &fixed {
        assert_ne!(s, &*text, "fix_mojibake allocated without a change");
    }
}

/// Analyzer terms (default and non-stemming analyzers): spans slice the text to the
/// surface, in order, every term non-empty; `for_each_term` agrees with `terms`.
pub fn terms(data: &[u8]) {
    let (flags, rest) = flags_and_rest(data);
    let text = text_of(rest);
    let analyzer = if flags & 1 == 0 {
        Analyzer::default()
    } else {
        Analyzer::builder()
            .form(slovo::TermForm::Normalized)
            .min_chars(usize::from(flags >> 4))
            .normalize(normalize_options(flags >> 1))
            .build()
    };
    let terms: Vec<slovo::Term> = analyzer.terms(&text).collect();
    check_spans(
        &text,
        terms.iter().map(|t| (t.span.range(), Some(t.surface))),
    );
    assert!(terms.iter().all(|t| !t.form.is_empty()), "empty term");
    let mut streamed = Vec::new();
    analyzer.for_each_term(&text, |stem, token| {
        streamed.push((stem.to_owned(), token.span.range()))
    });
    let collected: Vec<(String, Range<usize>)> = terms
        .into_iter()
        .map(|t| (t.form.into_owned(), t.span.range()))
        .collect();
    assert_eq!(streamed, collected, "for_each_term and terms disagree");
}

/// Detection: confidence in `[0, 1]` (zero for Unknown), a restricted detector answers
/// only its languages, spans slice the text in order and are never empty.
pub fn detect(data: &[u8]) {
    let (flags, rest) = flags_and_rest(data);
    let text = text_of(rest);
    let detection = slovo::detect(&text);
    let c = detection.confidence;
    assert!((0.0..=1.0).contains(&c), "confidence {c}");
    if detection.lang == Lang::Unknown {
        assert_eq!(c, 0.0);
        assert!(!detection.is_reliable());
    }
    let allowed = [Lang::Russian, Lang::Ukrainian, Lang::Kazakh, Lang::English];
    let restricted = Detector::builder()
        .languages(allowed.iter().copied().take(1 + usize::from(flags % 4)))
        .build()
        .unwrap();
    let d = restricted.detect(&text);
    assert!(
        d.lang == Lang::Unknown || restricted.allows(d.lang),
        "{d:?} not allowed"
    );
    let spans = if flags & 4 == 0 {
        slovo::detect_spans(&text)
    } else {
        restricted.detect_spans(&text)
    };
    check_spans(&text, spans.iter().map(|s| (s.span.range(), None)));
    for s in &spans {
        assert!(!s.span.is_empty(), "empty span {s:?}");
        assert!((0.0..=1.0).contains(&s.confidence), "{s:?}");
    }
}

/// Keywords: at most `k`, scores in `(0, 1)` and sorted best first, distinct stem keys,
/// every occurrence span slices the text in order, the phrase is written as at one of
/// them (up to white space).
pub fn keywords(data: &[u8]) {
    let (flags, rest) = flags_and_rest(data);
    let text = text_of(rest);
    let k = usize::from(flags % 16);
    let keywords = slovo::keywords(&text, k);
    assert!(
        keywords.len() <= k,
        "{} keywords for k = {k}",
        keywords.len()
    );
    let mut keys = std::collections::HashSet::new();
    for (i, kw) in keywords.iter().enumerate() {
        assert!(kw.score > 0.0 && kw.score < 1.0, "score of {kw:?}");
        if let Some(next) = keywords.get(i + 1) {
            assert!(kw.score >= next.score, "not sorted: {kw:?} before {next:?}");
        }
        assert!(keys.insert(kw.stem_key.clone()), "stem key twice: {kw:?}");
        assert!(
            !kw.phrase.trim().is_empty() && !kw.spans.is_empty(),
            "{kw:?}"
        );
        check_spans(&text, kw.spans.iter().map(|s| (s.range(), None)));
        // the surface is one of the occurrences as written (the phrase may be its
        // dictionary form, with the `morph` feature)
        let words: Vec<&str> = kw.surface.split_whitespace().collect();
        assert!(
            kw.spans
                .iter()
                .any(|s| text[*s].split_whitespace().eq(words.iter().copied())),
            "{:?} is not written so at any of its spans",
            kw.surface
        );
    }
}

/// Saved models from untrusted bytes: an error or a model; a model loaded from bytes
/// saves to bytes that load to the same model, and transforms text into a well-formed
/// matrix.
pub fn model(data: &[u8]) {
    if let Ok(model) = TfidfVectorizer::from_bytes(data) {
        let again = TfidfVectorizer::from_bytes(&model.to_bytes()).expect("re-saved model loads");
        assert_eq!(again.vocabulary(), model.vocabulary());
        assert_eq!(again.idf(), model.idf());
        // Cost: whatever `ngram_range` the bytes hold, transform forms n-grams no longer
        // than the longest vocabulary entry, so its work per input term is bounded by
        // the model's size, not by a number written in it.
        let limit = model.transform_ngram_limit();
        let longest = (model.vocabulary().into_iter().flat_map(|v| v.iter()))
            .map(|t| t.matches(' ').count() + 1)
            .max()
            .unwrap_or(1);
        assert!(limit <= longest.max(1), "{limit} > {longest}");
        assert!(
            limit <= data.len(),
            "an n-gram limit {limit} above the model's size"
        );
        let docs = ["Кот спит на окне.", "", "кот и пёс, пёс и кот"];
        if let Ok(matrix) = model.transform(&docs) {
            assert_eq!(matrix.n_rows(), docs.len());
            let indptr = matrix.indptr();
            assert_eq!(indptr.len(), docs.len() + 1);
            assert!(indptr.windows(2).all(|w| w[0] <= w[1]));
            assert_eq!(indptr.last().copied(), Some(matrix.nnz()));
            assert!(matrix
                .indices()
                .iter()
                .all(|&c| (c as usize) < matrix.n_cols()));
            assert!(matrix.data().iter().all(|v| !v.is_nan()));
        }
    }
    if let Ok(frequencies) = DocumentFrequencies::from_bytes(data) {
        let again = DocumentFrequencies::from_bytes(&frequencies.to_bytes())
            .expect("re-saved frequencies load");
        assert_eq!(again, frequencies);
        let mut merged = frequencies.clone();
        match merged.merge(&again) {
            Ok(()) => {
                assert_eq!(merged.len(), frequencies.len());
                assert_eq!(merged.n_docs(), 2 * frequencies.n_docs());
            }
            // A sum above 2^53 is refused and leaves the table as it was.
            Err(slovo::Error::CountOverflow { .. }) => assert_eq!(merged, frequencies),
            Err(e) => panic!("merge failed with {e}"),
        }
    }
}

/// Decoding untrusted bytes in every encoding: lossy decoding never fails; strict UTF-8
/// either gives the bytes back unchanged (without a BOM) or fails with an offset inside
/// them; single-byte code pages decode every byte.
#[cfg(feature = "encodings")]
pub fn decode(data: &[u8]) {
    use slovo::Encoding;
    let (flags, rest) = flags_and_rest(data);
    let encoding = Encoding::ALL[usize::from(flags) % Encoding::ALL.len()];
    let strict = slovo::Decoder::builder()
        .encoding(encoding)
        .build()
        .unwrap();
    let lossy = strict
        .to_builder()
        .lossy(true)
        .build()
        .unwrap()
        .decode(rest.to_vec(), "fuzz")
        .expect("lossy decoding never fails");
    match strict.decode(rest.to_vec(), "fuzz") {
        Ok(decoded) => {
            assert_eq!(decoded.replacements, 0);
            assert_eq!(
                decoded.text, lossy.text,
                "strict and lossy disagree on valid input"
            );
            if encoding == Encoding::Utf8 {
                let body = rest.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(rest);
                assert_eq!(decoded.text.as_bytes(), body);
            }
        }
        Err(slovo::Error::InvalidUtf8 { offset, .. }) => {
            assert!(
                offset < rest.len(),
                "offset {offset} past {} bytes",
                rest.len()
            );
            assert!(lossy.replacements > 0);
        }
        Err(_) => assert!(lossy.replacements > 0 || lossy.text.contains('\u{FFFD}')),
    }
    if matches!(
        encoding,
        Encoding::Windows1251 | Encoding::Koi8R | Encoding::Ibm866
    ) {
        assert_eq!(lossy.text.chars().count(), rest.len(), "a byte lost");
    }
}
