//! # slovo — Russian text analysis
//!
//! `slovo` analyses Russian text in stages that compose as plain values; data flows one
//! way, `text → normalize → tokens → terms → counts → vectors / keywords`, and every
//! stage is usable on its own.
//!
//! ```
//! use slovo::{Analyzer, Lang, TokenKind};
//!
//! let text = "Е. Казыхан посетил Брюссель, сообщает «Ұлт ақпарат». Стороны обсудили \
//!             вопросы партнёрства.";
//!
//! // Tokens are slices of the text with byte spans and a kind.
//! let first = slovo::tokenize(text).next().unwrap();
//! assert_eq!((first.text, first.kind), ("Е.", TokenKind::Word));
//!
//! // Sentences: an initial does not end one.
//! assert_eq!(slovo::sentences(text).count(), 2);
//!
//! // Terms: normalized, without stop words, stemmed; each keeps its surface and span.
//! let terms: Vec<_> = Analyzer::default().terms(text).collect();
//! assert_eq!(terms[0].form, "казыха");
//! assert_eq!(&text[terms[0].span], "Казыхан");
//!
//! // Language, and the spans in other languages.
//! assert_eq!(slovo::detect(text).lang, Lang::Russian);
//! assert!(slovo::detect_spans(text).iter().any(|s| s.lang == Lang::Kazakh));
//!
//! // Keywords, as written in the text.
//! let keywords = slovo::keywords(text, 3);
//! assert!(keywords.iter().all(|k| text.contains(k.phrase.split(' ').next().unwrap())));
//! ```
//!
//! ## Untrusted input
//!
//! Functions on `&str` are total: any string, however odd (control characters, lone
//! combining marks, megabytes without a space), gives a result and never panics; spans
//! always slice the caller's text exactly. Reading files, parsing options and loading
//! saved models return [`Result`] with an [`Error`] that names the cause.
//!
//! ## The analyzer
//!
//! [`Analyzer`] is the pipeline every statistic stands on: tokenize, keep the chosen
//! token kinds, normalize each token (NFC, lowercase, `ё` → `е`), drop stop words and
//! short tokens, then count each word as its [`TermForm`]: its stem (a per-thread cached
//! [`Stemmer`], the default), the normalized word, or with feature `morph` its lemma, the
//! dictionary form. It is cheap to clone, `Send + Sync`, and its [`AnalyzerConfig`] is
//! serde-serializable. [`Analyzer::terms`] is an iterator of [`Term`]s; `for_each_term`
//! is the allocation-free path for counting.
//!
//! ```
//! use slovo::{Analyzer, TermForm};
//!
//! let analyzer = Analyzer::builder().min_chars(3).form(TermForm::Normalized).build();
//! let words: Vec<_> = analyzer.terms("Ёлки и ели").map(|t| t.form).collect();
//! assert_eq!(words, ["елки", "ели"]);
//! ```
//!
//! ## Language detection
//!
//! [`detect`] tells Russian from Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian,
//! Kazakh and Mongolian with a character n-gram model built from lingua's Apache-2.0
//! models, and passes other scripts to `whatlang`. [`Detection::is_reliable`] marks
//! answers that are right 99.7% of the time on two-word inputs; [`detect_spans`] finds
//! other-language runs in mixed text; [`Detector`] restricts the languages.
//!
//! ```
//! let d = slovo::detect("Вона прийшла додому");
//! assert_eq!(d.lang.code(), "uk");
//! assert_eq!(slovo::detect("").lang, slovo::Lang::Unknown);
//! ```
//!
//! ## Tokenization
//!
//! [`tokenize()`] splits a text into [`Token`]s in one pass: each is a `&str` slice of the
//! input with its byte span and a [`TokenKind`] (word, number, punctuation, symbol, URL,
//! e-mail, hashtag, mention, emoji). It follows Russian text as written: hyphenated words
//! (`кто-то`, `Ростов-на-Дону`, `2-й`), apostrophes (`Д'Артаньян`), stress marks and soft
//! hyphens inside words, decimals, dates and times as one number, domain-like names
//! (`Лента.ру`), initials before a name (`Л.`). White space, NBSP and zero-width spaces
//! separate tokens and are never part of one; every other character is in exactly one
//! token. [`Tokenizer`] holds options (SynTagRus-style periods on abbreviations). Measured
//! against the SynTagRus and OpenCorpora gold tokenizations it makes about 5 errors per
//! 1000 tokens (razdel: 8.6 and 8.4). On x86-64 it classifies 64-byte blocks with SIMD
//! (AVX-512BW, AVX2 or SSE2, detected at run time) and reads plain tokens from bitmaps,
//! leaving only the places where a rule applies to a byte-at-a-time pass with the same
//! result; on War and Peace that is about 8× the speed of `unicode_words` and about 0.8×
//! that of a rule-free SIMD tokenizer ([`examples/segmentation_score.rs`](https://github.com/slovo-nlp/slovo/blob/main/examples/segmentation_score.rs), [`benches/tokenize.rs`](https://github.com/slovo-nlp/slovo/blob/main/benches/tokenize.rs),
//! BENCHMARKS.md).
//!
//! ```
//! use slovo::TokenKind;
//!
//! let text = "В 19:30 Е. Казыхан прибыл в Ростов-на-Дону 🚆";
//! let tokens: Vec<(&str, TokenKind)> = slovo::tokenize(text).map(|t| (t.text, t.kind)).collect();
//! assert_eq!(tokens[1], ("19:30", TokenKind::Number));
//! assert_eq!(tokens[2], ("Е.", TokenKind::Word));
//! assert_eq!(tokens[6], ("Ростов-на-Дону", TokenKind::Word));
//! assert_eq!(tokens[7], ("🚆", TokenKind::Emoji));
//! ```
//!
//! ## Sentences
//!
//! [`sentences`] splits a text into [`Sentence`]s, each a slice of the text with its byte
//! span. It runs on the tokens, so abbreviations (`г.`, `т. е.`, `им.`), initials
//! (`А. С. Пушкин`), closing quotes after the period (`«…».`), dialogue (`— Привет! —
//! сказал он.`), list bullets (`1.`, `IV.`) and paragraph breaks are handled in one pass.
//!
//! ```
//! let text = "В 1999 г. проф. А. С. Иванов переехал в Москву. «Здесь и останусь!» — сказал он.";
//! let sentences: Vec<&str> = slovo::sentences(text).map(|s| s.text).collect();
//! assert_eq!(
//!     sentences,
//!     [
//!         "В 1999 г. проф. А. С. Иванов переехал в Москву.",
//!         "«Здесь и останусь!» — сказал он.",
//!     ]
//! );
//! ```
//!
//! ## Normalization
//!
//! [`normalize`] brings a text to one spelling before it is analysed: a Unicode form
//! (NFC by default, or NFKC, which also folds fullwidth and other compatibility letters),
//! optionally lowercase and `ё` → `е`, and without stress marks, soft hyphens and
//! zero-width characters. [`NormalizeOptions`] says which steps run. The result is a
//! [`Cow`](std::borrow::Cow): text that is already normal is returned borrowed, without
//! allocating. [`fold`] is the cheap preset for comparing words (lowercase, `ё` → `е`, no
//! stress marks).
//!
//! ```
//! use slovo::{fold, normalize, NormalizeOptions, UnicodeForm};
//!
//! let options = NormalizeOptions::default().form(UnicodeForm::Nfkc);
//! assert_eq!(normalize("Ｐｒｅｓｓ-рели\u{301}з", &options), "Press-релиз");
//! assert_eq!(fold("Ёлка"), fold("ЕЛКА"));
//! ```
//!
//! ## Reading text in legacy encodings
//!
//! Files are UTF-8 by default ([`read_text`]). A [`Decoder`] reads files
//! ([`Decoder::read_text`]), bytes ([`Decoder::decode`]) and readers
//! ([`Decoder::decode_reader`]) as its builder says: an [`Encoding`] (`utf-8`, `utf-16`,
//! `windows-1251`, `koi8-r`, `ibm866`, or `auto` to detect it) and whether invalid
//! bytes are an error naming the byte offset (the default) or replaced with U+FFFD and
//! counted (`lossy`). The result says which [`Charset`] was used and whether it was
//! detected. [`Decoder::read_lines`] does the same line by line, decoding as it reads, in
//! memory bounded by the longest line (auto-detection looks at the first 64 KiB). Detection looks at byte-order marks, the UTF-16 byte pattern and UTF-8
//! validity, then scores the single-byte Cyrillic code pages with a Russian
//! letter-bigram table.
//!
//! ```
//! # #[cfg(feature = "encodings")] { // the legacy code pages need it
//! use slovo::{Charset, Decoder, Encoding};
//!
//! let koi8 = b"\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2!"; // "Привет, мир!" in KOI8-R
//! let auto = Decoder::builder().encoding(Encoding::Auto).build()?;
//! let decoded = auto.decode(koi8, "letter.txt")?;
//! assert_eq!(decoded.text, "Привет, мир!");
//! assert_eq!(decoded.encoding, Charset::Koi8R);
//! assert!(decoded.detected);
//! # }
//! # Ok::<(), slovo::Error>(())
//! ```
//!
//! ## Repairing mojibake (opt-in)
//!
//! [`fix_mojibake`] undoes text decoded with the wrong table — UTF-8 read as cp1251
//! (`РџСЂРёРІРµС‚`) or as Latin-1 (`ÐŸÑ€Ð¸Ð²ÐµÑ‚`), cp1251 read as Latin-1 (`Ïðèâåò`),
//! KOI8-R read as cp1251 (`рТЙЧЕФ`) — span by span, and returns text that is fine
//! unchanged and borrowed.
//!
//! ```
//! assert_eq!(slovo::fix_mojibake("Рис. 1. Cðåäà îáèòàíèÿ"), "Рис. 1. Cреда обитания");
//! ```
//!
//! ## Stemming
//!
//! [`Stemmer`] is Snowball Russian (through `rust-stemmers`) with case and `ё` folding, so
//! it reproduces the current Snowball reference exactly, and a bounded memo cache, so running
//! text stems mostly by lookup. Give each thread its own `Stemmer`.
//!
//! ```
//! let mut stemmer = slovo::Stemmer::new();
//! let stems: Vec<String> = ["Европейского", "союза", "ещё"]
//!     .iter()
//!     .map(|w| stemmer.stem(w).to_owned())
//!     .collect();
//! assert_eq!(stems, ["европейск", "союз", "ещ"]); // `ё` is folded first
//! ```
//!
//! ## Stop words
//!
//! [`StopWords`] embeds a corrected Russian list (spaCy's, MIT) and matches with case and
//! `ё`/`е` folded; extend it, shrink it or load your own.
//!
//! ```
//! let mut stop = slovo::StopWords::russian();
//! assert!(stop.contains("Её") && !stop.contains("союз"));
//! stop.extend(["также"]);
//! let own = slovo::StopWords::parse("# one word a line\nтипа\n");
//! assert!(own.contains("Типа"));
//! ```
//!
//! ## TF-IDF
//!
//! [`tfidf::TfidfVectorizer`] gives scikit-learn's TF-IDF (same options, same vocabulary
//! order, weights equal within 1e-12) as a sparse [`tfidf::CsrMatrix`]. Corpus counts
//! ([`tfidf::DocumentFrequencies`]) merge exactly, so a corpus can be counted in pieces and
//! fitted once.
//!
//! ```
//! use slovo::tfidf::TfidfVectorizer;
//!
//! let mut vectorizer = TfidfVectorizer::builder().sublinear_tf(true).build()?;
//! let matrix = vectorizer.fit_transform_terms(&[["кот", "кот", "спать"], ["пёс", "спать", "и"]])?;
//! assert_eq!(matrix.shape(), (2, 4));
//! let column = |term| vectorizer.vocabulary().unwrap().get(term).unwrap();
//! // "кот" (twice, in one document) outweighs "спать" (once, in both)
//! assert!(matrix.get(0, column("кот")) > matrix.get(0, column("спать")));
//! // With the `ndarray` feature, `matrix.to_dense()` is an `ndarray::Array2<f64>`.
//! # Ok::<(), slovo::Error>(())
//! ```
//!
//! ## Keywords
//!
//! [`keywords()`](fn@keywords) picks the words and short phrases that say what one document is
//! about, with no corpus at hand (a small background table of word frequencies ships with
//! the crate); [`KeywordExtractor`] configures it, for instance with your own corpus's
//! [`tfidf::DocumentFrequencies`] as background. Phrases are ranked on stems and shown
//! as written in the text.
//!
//! ```
//! let text = "Казахстан и ЕС обсудили торговлю. Казахстан ценит партнёрство с ЕС. \
//!             Делегация Казахстана посетила Брюссель.";
//! let top = slovo::keywords(text, 3);
//! assert!(top.iter().any(|k| k.phrase == "ЕС"));
//! for kw in &top {
//!     // every occurrence, as a byte range into `text`: "Казахстан", "Казахстана", …
//!     let written: Vec<&str> = kw.spans.iter().map(|s| &text[s.clone()]).collect();
//!     assert!(written.contains(&kw.phrase.as_str()));
//! }
//! ```
//!
//! ## Morphology (feature `morph`)
//!
//! `Morph` (module `slovo::morph`) gives every analysis of a word form, ranked by probability, with its lemma,
//! part of speech (`Pos`, UD UPOS) and grammemes; puts words into a case or number; and puts
//! noun phrases into their dictionary form with agreement. It wraps
//! [`rumorph`](https://crates.io/crates/rumorph) and its OpenCorpora-based dictionary; lemma
//! accuracy on the UD dev sets is 96.7 % (GSD) and 95.9 % (Taiga) word by word, 97.7 % and
//! 96.8 % with `Morph::parse_sentence`'s context model ([`examples/morph_score.rs`](https://github.com/slovo-nlp/slovo/blob/main/examples/morph_score.rs)).
//!
//! ```
//! # #[cfg(feature = "morph")] {
//! use slovo::{Morph, Pos};
//!
//! let morph = Morph::new(); // the bundled dictionary, loaded once per process
//! assert_eq!(morph.lemma("коммуникаций"), "коммуникация");
//! let best = &morph.parse("стали")[0];
//! assert_eq!((best.lemma(), best.pos()), ("стать", Pos::Verb));
//! assert_eq!(morph.normal_phrase("Европейского союза"), "Европейский союз");
//! assert_eq!(morph.normal_phrase("Касым-Жомарта Токаева"), "Касым-Жомарт Токаев");
//! # }
//! ```
//!
//! Lemmas as terms: an [`Analyzer`] with [`TermForm`]`::Lemma` counts each word in its
//! dictionary form (analysed as written, then lowercased with `ё` → `е`), and
//! `AnalyzerBuilder::pos` keeps only some parts of speech, so TF-IDF feature names and term
//! counts are readable words. The CLI's `slovo lemmatize` prints each word's lemma, part of
//! speech and offsets.
//!
//! ```
//! # #[cfg(feature = "morph")] {
//! use slovo::{Analyzer, Pos, TermForm};
//!
//! let lemmas = Analyzer::builder().form(TermForm::Lemma).build();
//! let text = "Стороны обсудили вопросы партнерства в рамках Европейского союза.";
//! let forms: Vec<_> = lemmas.terms(text).map(|t| t.form).collect();
//! assert_eq!(forms, ["сторона", "обсудить", "вопрос", "партнерство", "рамка", "европейский", "союз"]);
//!
//! // Nouns only, as TF-IDF features.
//! let nouns = lemmas.to_builder().pos([Pos::Noun]).build();
//! let mut vectorizer = slovo::TfidfVectorizer::builder().analyzer(nouns).build()?;
//! vectorizer.fit(&[text])?;
//! let names: Vec<&str> = vectorizer.vocabulary().unwrap().iter().collect();
//! assert_eq!(names, ["вопрос", "партнерство", "рамка", "союз", "сторона"]);
//! # }
//! # Ok::<(), slovo::Error>(())
//! ```
//!
//! The dictionary is data under CC BY-SA 4.0 (crate `rumorph-dict-ru`: OpenCorpora, Russian
//! Wiktionary, UD GSD and Taiga; see `src/morph/NOTICE.md`). slovo's code stays MIT OR
//! Apache-2.0; a binary built with `morph` carries that data and its licence.
//!
//! ## Crate features
//!
//! * `parallel` (default): `TfidfVectorizer::transform` spreads documents over rayon's
//!   thread pool; results are identical to the sequential path.
//! * `ndarray` (off): `CsrMatrix::to_dense`, the matrix as a
//!   dense `ndarray::Array2<f64>`.
//! * `regex` (off): token patterns other than scikit-learn's default in
//!   [`tfidf::FeatureAnalyzer`].
//! * `morph` (off): `slovo::morph` — lemmas, parts of speech, grammemes, inflection, phrases in
//!   dictionary form. Adds the `rumorph` crate (MIT) and its dictionary `rumorph-dict-ru`
//!   (CC BY-SA 4.0, about 20 MB in the binary); needs Rust 1.88.
//! * `keyword-tuning` (off): unstable hooks to refit the keyword ranking model.
#![deny(missing_docs)]
#![deny(unsafe_code)]

mod error;
mod ext;
mod input;
pub mod keywords;
mod lang;
#[cfg(feature = "morph")]
pub mod morph;
mod normalize;
mod segment;
mod span;
mod terms;
#[cfg(test)]
mod test_text;
pub mod tfidf;

pub use error::{Error, Result};
pub use ext::RuStr;
pub use input::encoding::{detect_encoding, Charset, Decoded, Decoder, DecoderBuilder, Encoding};
pub use input::mojibake::fix_mojibake;
pub use input::read::{decode_utf8, read_lines, read_text, Lines};
pub use keywords::{keywords, Keyword, KeywordExtractor, KeywordExtractorBuilder};
pub use lang::{
    detect, detect_spans, Detection, Detector, DetectorBuilder, Lang, LangSpan, Script,
};
#[cfg(feature = "morph")]
pub use morph::{Morph, MorphBuilder, MorphConfig, Parse, Pos};
pub use normalize::{fold, normalize, NormalizeOptions, UnicodeForm};
pub use segment::sentence::{sentences, sentences_with, Sentence, SentencePath, Sentences};
pub use segment::token::{CharOffsets, Token, TokenKind};
#[doc(hidden)]
pub use segment::tokenize::TokenizerPath;
pub use segment::tokenize::{tokenize, Tokenizer, TokenizerBuilder, Tokens};
pub use span::Span;
pub use terms::{
    Analyzer, AnalyzerBuilder, AnalyzerConfig, Stemmer, StopWords, Term, TermForm, Terms,
};
pub use tfidf::{CsrMatrix, DocumentFrequencies, TfidfConfig, TfidfVectorizer, Vocabulary};

/// The README's Rust examples, compiled and run as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
