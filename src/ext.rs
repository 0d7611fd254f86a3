//! [`RuStr`]: the pipeline's entry points as methods on `str`.

use std::borrow::Cow;

use crate::input::mojibake::fix_mojibake;
use crate::keywords::{keywords, Keyword};
use crate::lang::{detect, detect_spans, Detection, LangSpan};
use crate::normalize::fold;
use crate::segment::sentence::{sentences, Sentences};
use crate::segment::token::TokenKind;
use crate::segment::tokenize::{tokenize, Tokens};

mod sealed {
    pub trait Sealed {}
    impl Sealed for str {}
}

/// Russian text analysis as methods on `str`, in the style of unicode-segmentation's
/// `UnicodeSegmentation`: bring the trait into scope and call the pipeline's stages on any
/// string slice. Each method uses the stage's defaults; build the stage (such as
/// [`Tokenizer`](crate::Tokenizer)) for other options.
///
/// Every method is total: it never fails and never panics.
///
/// ```
/// use slovo::RuStr;
///
/// let text = "Кто-то приехал в Ростов-на-Дону. Пишите на info@example.ru!";
/// let words: Vec<&str> = text.ru_words().collect();
/// assert_eq!(words[..3], ["Кто-то", "приехал", "в"]);
/// assert_eq!(text.ru_sentences().count(), 2);
/// assert_eq!(text.ru_lang().lang, slovo::Lang::Russian);
/// ```
///
/// The trait is sealed: it is implemented for `str` only, so methods can be added without
/// breaking anyone.
pub trait RuStr: sealed::Sealed {
    /// The tokens of the text ([`tokenize`](crate::tokenize)).
    ///
    /// ```
    /// use slovo::RuStr;
    ///
    /// let text = "Привет, мир!";
    /// let spans: Vec<&str> = text.ru_tokens().map(|t| &text[t.span]).collect();
    /// assert_eq!(spans, ["Привет", ",", "мир", "!"]);
    /// ```
    #[must_use]
    fn ru_tokens(&self) -> Tokens<'_>;

    /// The text of every word-like token: words, numbers, e-mails, URLs …, not punctuation
    /// symbols or emoji.
    ///
    /// ```
    /// use slovo::RuStr;
    ///
    /// let words: Vec<&str> = "COVID-19, кто-то; 3,5 %".ru_words().collect();
    /// assert_eq!(words, ["COVID-19", "кто-то", "3,5"]);
    /// ```
    #[must_use]
    fn ru_words(&self) -> impl Iterator<Item = &str>;

    /// The sentences of the text ([`sentences`](crate::sentences)).
    ///
    /// ```
    /// use slovo::RuStr;
    ///
    /// let first = "Привет! Как дела?".ru_sentences().next().unwrap();
    /// assert_eq!(first.text, "Привет!");
    /// ```
    #[must_use]
    fn ru_sentences(&self) -> Sentences<'_>;

    /// The text folded to one spelling for comparison ([`fold`](crate::fold)): lowercase,
    /// `ё` → `е`, Unicode-normalized.
    ///
    /// ```
    /// use slovo::RuStr;
    ///
    /// assert_eq!("Ёлка".ru_fold(), "елка");
    /// ```
    #[must_use]
    fn ru_fold(&self) -> Cow<'_, str>;

    /// The text with mojibake repaired ([`fix_mojibake`](crate::fix_mojibake)).
    ///
    /// ```
    /// use slovo::RuStr;
    ///
    /// assert_eq!("Привет".ru_fix_mojibake(), "Привет");
    /// ```
    #[must_use]
    fn ru_fix_mojibake(&self) -> Cow<'_, str>;

    /// The language of the text ([`detect`](crate::detect)).
    ///
    /// ```
    /// use slovo::RuStr;
    ///
    /// assert_eq!("Доброе утро, как спалось?".ru_lang().lang, slovo::Lang::Russian);
    /// ```
    #[must_use]
    fn ru_lang(&self) -> Detection;

    /// The languages of the text's parts ([`detect_spans`](crate::detect_spans)).
    ///
    /// ```
    /// use slovo::RuStr;
    ///
    /// let text = "Доброе утро, как спалось?";
    /// assert_eq!(text.ru_lang_spans()[0].span.range(), 0..text.len());
    /// ```
    #[must_use]
    fn ru_lang_spans(&self) -> Vec<LangSpan>;

    /// The `k` best keywords of the text as one document ([`keywords`](crate::keywords())).
    ///
    /// ```
    /// use slovo::RuStr;
    ///
    /// let text = "Казахстан и ЕС обсудили сотрудничество. Казахстан ценит ЕС.";
    /// assert!(text.ru_keywords(3).len() <= 3);
    /// ```
    #[must_use]
    fn ru_keywords(&self, k: usize) -> Vec<Keyword>;
}

impl RuStr for str {
    fn ru_tokens(&self) -> Tokens<'_> {
        tokenize(self)
    }

    fn ru_words(&self) -> impl Iterator<Item = &str> {
        tokenize(self)
            .filter(|t| {
                !matches!(
                    t.kind,
                    TokenKind::Punct | TokenKind::Symbol | TokenKind::Emoji
                )
            })
            .map(|t| t.text)
    }

    fn ru_sentences(&self) -> Sentences<'_> {
        sentences(self)
    }

    fn ru_fold(&self) -> Cow<'_, str> {
        fold(self)
    }

    fn ru_fix_mojibake(&self) -> Cow<'_, str> {
        fix_mojibake(self)
    }

    fn ru_lang(&self) -> Detection {
        detect(self)
    }

    fn ru_lang_spans(&self) -> Vec<LangSpan> {
        detect_spans(self)
    }

    fn ru_keywords(&self, k: usize) -> Vec<Keyword> {
        keywords(self, k)
    }
}
