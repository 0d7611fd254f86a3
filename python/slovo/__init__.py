"""slovo — fast Russian text analysis (Rust core).

Offsets are code points, so ``text[token.start:token.end] == token.text``. Functions
named ``*_many`` take a list of texts, release the GIL and run in parallel.
"""
from slovo._slovo import (
    Analyzer,
    Detection,
    Keyword,
    detect,
    detect_many,
    detect_spans,
    keywords,
    keywords_many,
    DocumentFrequencies,
    StopWords,
    Term,
    Token,
    __version__,
    fold,
    normalize,
    stem,
    stem_many,
    tokenize,
    tokenize_many,
)
from slovo._tfidf import NotFittedError, TfidfVectorizer

__all__ = [
    "Analyzer",
    "Detection",
    "Keyword",
    "detect",
    "detect_many",
    "detect_spans",
    "keywords",
    "keywords_many",
    "DocumentFrequencies",
    "NotFittedError",
    "StopWords",
    "Term",
    "TfidfVectorizer",
    "Token",
    "__version__",
    "fold",
    "normalize",
    "stem",
    "stem_many",
    "tokenize",
    "tokenize_many",
]
