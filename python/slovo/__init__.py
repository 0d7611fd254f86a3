"""slovo — fast Russian text analysis (Rust core).

Offsets are code points, so ``text[token.start:token.end] == token.text``. Functions
named ``*_many`` take a list of texts, release the GIL and run in parallel.

``tokenize`` returns ``Tokens``: an immutable ``collections.abc.Sequence`` of ``Token``
that keeps the text and compact offset/kind arrays and makes each ``Token`` only when it
is read (indexing, iteration). It compares equal to a ``list`` of the same tokens; slices
are ``Tokens`` too; ``list(tokens)`` gives a plain list. Whole columns come at once:
``tokens.starts`` / ``tokens.ends`` (NumPy int64), ``tokens.texts()``, ``tokens.kinds()``.

Morphology: ``lemmatize(text)`` gives the lemmas of a text's words, ``lemma(word)`` one
lemma, ``parse(word)`` every analysis as a ``Parse`` (lemma, UD part of speech and
features, score), ``inflect`` puts a word into a case or number, ``normal_phrase`` a phrase
into its dictionary form with agreement.
"""
from collections.abc import Sequence as _Sequence

from slovo._slovo import (
    Analyzer,
    Detection,
    Keyword,
    Parse,
    Sentence,
    detect,
    detect_many,
    detect_spans,
    keywords,
    keywords_many,
    DocumentFrequencies,
    StopWords,
    Term,
    Token,
    Tokens,
    __version__,
    fold,
    inflect,
    lemma,
    lemma_many,
    lemmatize,
    lemmatize_many,
    normal_phrase,
    normal_phrase_many,
    normalize,
    parse,
    parse_sentence,
    parse_sentence_many,
    sentences,
    sentences_many,
    stem,
    stem_many,
    tokenize,
    tokenize_many,
)
from slovo._text import CountVectorizer, HashingVectorizer, TfidfTransformer, TfidfVectorizer

_Sequence.register(Tokens)


def __getattr__(name: str):
    # `NotFittedError` is made on first use: it subclasses scikit-learn's when scikit-learn
    # is installed, and importing scikit-learn takes a second (slovo does not need it).
    if name == "NotFittedError":
        from slovo._errors import not_fitted_error_class

        return not_fitted_error_class()
    raise AttributeError(f"module 'slovo' has no attribute {name!r}")

__all__ = [
    "Analyzer",
    "CountVectorizer",
    "Detection",
    "Keyword",
    "Parse",
    "Sentence",
    "detect",
    "detect_many",
    "detect_spans",
    "keywords",
    "keywords_many",
    "DocumentFrequencies",
    "HashingVectorizer",
    "NotFittedError",
    "StopWords",
    "Term",
    "TfidfTransformer",
    "TfidfVectorizer",
    "Token",
    "Tokens",
    "__version__",
    "fold",
    "inflect",
    "lemma",
    "lemma_many",
    "lemmatize",
    "lemmatize_many",
    "normal_phrase",
    "normal_phrase_many",
    "normalize",
    "parse",
    "parse_sentence",
    "parse_sentence_many",
    "sentences",
    "sentences_many",
    "stem",
    "stem_many",
    "tokenize",
    "tokenize_many",
]
