"""Type stubs of the compiled extension `slovo._slovo`."""
from os import PathLike
from typing import Iterable, Iterator, Literal, Mapping, Optional, Sequence, Union, final, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = [
    "_feature_analyzer_from_state",
    "_hashing_model_from_state",
    "Analyzer",
    "Detection",
    "Keyword",
    "Sentence",
    "detect",
    "detect_many",
    "detect_spans",
    "keywords",
    "keywords_many",
    "DocumentFrequencies",
    "FeatureAnalyzer",
    "HashingModel",
    "StopWords",
    "Term",
    "TfidfModel",
    "Token",
    "Tokens",
    "TokensIterator",
    "__version__",
    "fold",
    "normalize",
    "sentences",
    "sentences_many",
    "stem",
    "stem_many",
    "tfidf_idf",
    "tfidf_weigh",
    "tokenize",
    "tokenize_many",
    "Parse",
    "inflect",
    "lemma",
    "lemma_many",
    "lemmatize",
    "lemmatize_many",
    "normal_phrase",
    "normal_phrase_many",
    "parse",
    "parse_sentence",
    "parse_sentence_many",
]

__version__: str

@final
class Token:
    """One token: `text`, code-point offsets `start`/`end`, and `kind`."""
    @property
    def text(self) -> str:
        """The token as written."""
    @property
    def start(self) -> int:
        """Code-point offset of the token in the text."""
    @property
    def end(self) -> int:
        """Code-point offset just past the token."""
    @property
    def kind(self) -> str:
        """The token's kind: "word", "number", "punct", "email", "url", …"""
    def __new__(
        cls, text: str = "", start: int = 0, end: int = 0, kind: str = "word"
    ) -> Token: ...
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

@final
class Term:
    """One term: `stem`, `surface` text and its code-point offsets `start`/`end`."""
    @property
    def stem(self) -> str:
        """The counted form: the stem, or the normalized word without stemming."""
    @property
    def surface(self) -> str:
        """The token as written in the text."""
    @property
    def start(self) -> int:
        """Code-point offset of `surface` in the text."""
    @property
    def end(self) -> int:
        """Code-point offset just past `surface`."""
    def __new__(cls, stem: str = "", surface: str = "", start: int = 0, end: int = 0) -> Term: ...
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

@final
class Tokens(Sequence[Token]):
    """The tokens of one text: an immutable sequence of `Token` that stores the text and
    compact offset/kind arrays and makes each `Token` only when it is read. Equal to a
    `list` of the same tokens; slices are `Tokens`; `list(tokens)` is a plain list."""
    def __new__(cls) -> Tokens: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: int, /) -> Token: ...
    @overload
    def __getitem__(self, key: slice, /) -> Tokens: ...
    def __iter__(self) -> TokensIterator: ...
    def __contains__(self, key: object, /) -> bool: ...
    def index(self, value: object) -> int: ...  # type: ignore[override]
    def count(self, value: object) -> int:
        """The number of tokens equal to `value`."""
    def __eq__(self, value: object, /) -> bool: ...
    @property
    def source(self) -> str:
        """The text the tokens come from."""
    @property
    def starts(self) -> npt.NDArray[np.int64]:
        """Code-point start of each token (a new array each time)."""
    @property
    def ends(self) -> npt.NDArray[np.int64]:
        """Code-point end of each token (a new array each time)."""
    def texts(self) -> list[str]:
        """The text of each token."""
    def kinds(self) -> list[str]:
        """The kind of each token."""
    def to_pandas(self) -> "pd.DataFrame":
        """One row per token: columns text, start, end (code points), kind. Needs pandas."""
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

@final
class TokensIterator(Iterator[Token]):
    """Iterator over a `Tokens`, making each `Token` as it goes."""
    def __iter__(self) -> TokensIterator: ...
    def __next__(self) -> Token: ...
    def __length_hint__(self) -> int: ...

def tokenize(text: str) -> Tokens:
    """Split a text into tokens.

    Hyphenated words (``Ростов-на-Дону``), initials, numbers with separators, e-mails and
    URLs stay whole.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    Tokens
        A lazy, immutable sequence of :class:`Token` with code-point offsets.

    Examples
    --------
    >>> slovo.tokenize("Е. Казыхан посетил Брюссель.")[1]
    Token(text='Казыхан', start=3, end=10, kind='word')
    """
def tokenize_many(texts: Sequence[str]) -> list[Tokens]:
    """`tokenize` of each text of a list, in parallel without the GIL.

    Parameters
    ----------
    texts : iterable of str
        The texts.

    Returns
    -------
    list of Tokens
        The tokens of each text.
    """
def normalize(
    text: str,
    form: Optional[str] = "NFC",
    lowercase: bool = False,
    yo_to_ye: bool = False,
    strip_stress: bool = True,
    strip_soft_hyphens: bool = True,
    strip_zero_width: bool = True,
) -> str:
    """Bring a text to one spelling.

    Parameters
    ----------
    text : str
        The text.
    form : {'NFC', 'NFKC'} or None, default='NFC'
        Unicode normalization form.
    lowercase : bool, default=False
        Lowercase.
    yo_to_ye : bool, default=False
        Write ``ё`` as ``е``.
    strip_stress, strip_soft_hyphens, strip_zero_width : bool, default=True
        Remove stress marks (U+0301, U+0300), soft hyphens, zero-width characters.

    Returns
    -------
    str
        The normalized text.

    Examples
    --------
    >>> slovo.normalize("Приве\\u0301т, Ёлка", lowercase=True, yo_to_ye=True)
    'привет, елка'
    """
def fold(text: str) -> str:
    """Fold a word for comparison: lowercase, ``ё`` → ``е``, no stress marks, soft hyphens or
    zero-width characters.

    Parameters
    ----------
    text : str
        The word (or text).

    Returns
    -------
    str
        The folded form.

    Examples
    --------
    >>> slovo.fold("Ёлка")
    'елка'
    """
def stem(word: str) -> str:
    """The Snowball Russian stem of a word (case and ``ё`` folded first).

    Parameters
    ----------
    word : str
        The word.

    Returns
    -------
    str
        Its stem.

    Examples
    --------
    >>> slovo.stem("партнёрства")
    'партнерств'
    """
def stem_many(words: Iterable[str]) -> list[str]:
    """`stem` of each word of a list.

    Each distinct word is stemmed once (without the GIL, in parallel for long lists) and
    each distinct stem becomes one Python ``str``.

    Parameters
    ----------
    words : iterable of str
        The words.

    Returns
    -------
    list of str
        The stems, in order.
    """

@final
class StopWords:
    """A stop-word set matched with case and ё/е folded."""
    def __new__(cls, words: Optional[Iterable[str]] = None) -> StopWords: ...
    @staticmethod
    def russian() -> StopWords:
        """The embedded Russian list."""
    @staticmethod
    def parse(text: str) -> StopWords:
        """One word a line; `#` starts a comment."""
    @staticmethod
    def from_file(path: Union[str, PathLike[str]]) -> StopWords:
        """Reads a list in the `parse` format from a UTF-8 file."""
    def __contains__(self, word: str, /) -> bool: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[str]: ...
    def to_list(self) -> list[str]:
        """The words, sorted."""
    def add(self, word: str) -> None:
        """Adds a word."""
    def update(self, words: Iterable[str]) -> None:
        """Adds every word of an iterable."""
    def discard(self, word: str) -> None:
        """Removes a word if present."""
    def remove(self, word: str) -> None:
        """Removes a word; `KeyError` if absent."""
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

@final
class Analyzer:
    """Text → terms: tokenize, keep `kinds`, normalize, drop stop words and short tokens,
    then stem or lemmatize (`form`: 'stem', 'lemma' or 'normalized'; `pos`: UPOS kept)."""
    def __new__(
        cls,
        *,
        kinds: Optional[Sequence[str]] = None,
        stop_words: Union[str, StopWords, Iterable[str], None] = "russian",
        min_chars: int = 2,
        form: str = "stem",
        pos: Optional[Sequence[str]] = None,
        stem: Optional[bool] = None,
        unicode_form: Optional[str] = "NFC",
        lowercase: bool = True,
        yo_to_ye: bool = True,
        strip_stress: bool = True,
        strip_soft_hyphens: bool = True,
        strip_zero_width: bool = True,
    ) -> Analyzer: ...
    def with_stop_words(
        self, stop_words: Union[str, StopWords, Iterable[str], None]
    ) -> Analyzer:
        """A copy of this analyzer with other stop words: `"russian"`, a `StopWords`, an
        iterable of words, or `None` for none.
        """
    def terms(self, text: str) -> list[Term]:
        """The terms of `text`, in order."""
    def stems(self, text: str) -> list[str]:
        """The counted forms of `text`'s terms (stems, lemmas …), in order."""
    def __call__(self, text: str) -> list[str]: ...
    def terms_many(self, texts: Sequence[str]) -> list[list[Term]]:
        """`terms` of each text, in parallel without the GIL."""
    def stems_many(self, texts: Sequence[str]) -> list[list[str]]:
        """`stems` of each text, in parallel without the GIL."""
    @property
    def kinds(self) -> list[str]:
        """Token kinds that become terms."""
    @property
    def stop_words(self) -> StopWords:
        """The stop words (a copy)."""
    @property
    def min_chars(self) -> int:
        """Tokens with fewer characters are dropped."""
    @property
    def stem(self) -> bool:
        """Whether terms are stems (``form == 'stem'``)."""
    @property
    def form(self) -> str:
        """The term counted: 'stem', 'lemma' or 'normalized'."""
    @property
    def pos(self) -> Optional[list[str]]:
        """Parts of speech kept (UD UPOS), or None for all."""
    @property
    def unicode_form(self) -> Optional[str]:
        """Unicode normalization form ('NFC', 'NFKC' or None)."""
    @property
    def lowercase(self) -> bool:
        """Whether text is lowercased."""
    @property
    def yo_to_ye(self) -> bool:
        """Whether ё is written as е."""
    @property
    def strip_stress(self) -> bool:
        """Whether stress marks are removed."""
    @property
    def strip_soft_hyphens(self) -> bool:
        """Whether soft hyphens are removed."""
    @property
    def strip_zero_width(self) -> bool:
        """Whether zero-width characters are removed."""
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

@final
class DocumentFrequencies:
    """Document counts of a corpus; tables of corpus pieces merge exactly."""
    def __new__(cls) -> DocumentFrequencies: ...
    @property
    def n_docs(self) -> int:
        """Number of documents counted."""
    def __len__(self) -> int: ...
    def __contains__(self, term: str, /) -> bool: ...
    def df(self, term: str) -> int:
        """Number of documents that contain `term`."""
    def total_count(self, term: str) -> int:
        """Occurrences of `term` in the whole corpus."""
    def items(self) -> list[tuple[str, int, int]]:
        """`(term, df, total_count)` for every term."""
    def add_document(self, features: Iterable[str]) -> None:
        """Counts one document given as its features (with repeats)."""
    def merge(self, other: DocumentFrequencies) -> None:
        """Adds the counts of `other` to this table (in place); `OverflowError`, and the
        table unchanged, if a count would pass 2**53."""
    def __add__(self, other: DocumentFrequencies, /) -> DocumentFrequencies: ...
    def __radd__(self, other: DocumentFrequencies, /) -> DocumentFrequencies: ...
    def __iadd__(self, other: DocumentFrequencies, /) -> None: ...
    def to_bytes(self) -> bytes:
        """Compact versioned bytes."""
    @staticmethod
    def from_bytes(data: bytes) -> DocumentFrequencies:
        """Reads bytes written by `to_bytes`; `ValueError` if they are not such a table."""
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

_CsrParts = tuple[
    npt.NDArray[np.float64], npt.NDArray[np.integer], npt.NDArray[np.integer], tuple[int, int]
]

@final
class TfidfModel:
    """The Rust half of `slovo.TfidfVectorizer` (use that class instead)."""
    def __new__(
        cls,
        *,
        ngram_range: tuple[int, int] = (1, 1),
        min_df: Union[int, float, None] = None,
        max_df: Union[int, float, None] = None,
        max_features: Optional[int] = None,
        sublinear_tf: bool = False,
        smooth_idf: bool = True,
        use_idf: bool = True,
        norm: Optional[str] = "l2",
        stop_words: Optional[Iterable[str]] = None,
        analyzer: Optional[Analyzer] = None,
        binary: bool = False,
        features: Optional[FeatureAnalyzer] = None,
    ) -> TfidfModel: ...
    def fit(self, docs: Sequence[str]) -> None:
        """Learns vocabulary and idf from `docs`."""
    def fit_transform(self, docs: Sequence[str]) -> _CsrParts:
        """`fit`, then the CSR parts `(data, indices, indptr, shape)` of `transform(docs)`."""
    def transform(self, docs: Sequence[str]) -> _CsrParts:
        """The CSR parts `(data, indices, indptr, shape)` of the TF-IDF rows of `docs`."""
    def fit_terms(self, docs: Sequence[Sequence[str]]) -> None:
        """`fit` for documents given as lists of terms (stop words and n-grams still apply)."""
    def fit_transform_terms(self, docs: Sequence[Sequence[str]]) -> _CsrParts:
        """`fit_transform` for documents given as lists of terms."""
    def transform_terms(self, docs: Sequence[Sequence[str]]) -> _CsrParts:
        """`transform` for documents given as lists of terms."""
    def analyze(self, text: str) -> list[str]:
        """The features of one text, in order (what fitting counts)."""
    def set_vocabulary(
        self, terms: Sequence[str], idf: Optional[Sequence[float]] = None
    ) -> None:
        """Replaces the fitted model with `terms` (in column order) and `idf` (one per term,
        required exactly when `use_idf`); the counts are emptied.
        """
    def partial_fit(self, docs: Sequence[str]) -> None:
        """Adds `docs` to the counts; `finalize` builds the model."""
    def finalize(self) -> None:
        """Builds vocabulary and idf from the counts gathered so far."""
    def count(self, docs: Sequence[str]) -> DocumentFrequencies:
        """The counts of `docs` as a new table (this model is not changed)."""
    def fit_frequencies(self, frequencies: DocumentFrequencies) -> None:
        """Replaces the counts with `frequencies` and builds the model."""
    @property
    def frequencies(self) -> DocumentFrequencies:
        """A copy of the counts gathered by fitting."""
    @property
    def is_fitted(self) -> bool:
        """`True` once `transform` can run."""
    @property
    def n_features(self) -> int:
        """Number of features (columns) of the fitted model; 0 before fitting."""
    @property
    def vocabulary(self) -> Optional[list[str]]:
        """The features in column order, or `None` before fitting."""
    @property
    def idf(self) -> Optional[npt.NDArray[np.float64]]:
        """The idf of each column (a new NumPy array), or `None` before fitting or without
        `use_idf`.
        """
    @property
    def analyzer(self) -> Optional[Analyzer]:
        """The slovo analyzer that turns text into terms (`None` with scikit-learn's)."""
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

@final
class FeatureAnalyzer:
    """scikit-learn's "word", "char" and "char_wb" analyzers (lowercase, strip_accents,
    token pattern or character n-grams), without stop words and word n-grams."""
    def __new__(
        cls,
        kind: str = "word",
        lowercase: bool = True,
        strip_accents: Optional[str] = None,
        token_pattern: str = "(?u)\\b\\w\\w+\\b",
        ngram_range: tuple[int, int] = (1, 1),
    ) -> FeatureAnalyzer: ...
    def preprocess(self, text: str) -> str:
        """`str.lower()` (with `lowercase`), then `strip_accents`."""
    def tokenize(self, text: str) -> list[str]:
        """The token pattern's matches in `text` (`re.findall`), without preprocessing."""
    def features(self, text: str) -> list[str]:
        """Tokens of the preprocessed text, or its character n-grams."""
    def __reduce__(self) -> tuple[object, tuple[bytes]]: ...

def _feature_analyzer_from_state(state: object) -> FeatureAnalyzer: ...

@final
class HashingModel:
    """The Rust half of `slovo.HashingVectorizer` (use that class instead)."""
    def __new__(
        cls,
        *,
        n_features: int = 1048576,
        alternate_sign: bool = True,
        binary: bool = False,
        norm: Optional[str] = "l2",
        ngram_range: tuple[int, int] = (1, 1),
        stop_words: Optional[Iterable[str]] = None,
        analyzer: Optional[Analyzer] = None,
        features: Optional[FeatureAnalyzer] = None,
    ) -> HashingModel: ...
    def transform(self, docs: Sequence[str]) -> _CsrParts:
        """The CSR parts `(data, indices, indptr, shape)` of the hashed rows of `docs`."""
    def transform_terms(self, docs: Sequence[Sequence[str]]) -> _CsrParts:
        """Like `transform`, for documents given as lists of terms."""
    def analyze(self, text: str) -> list[str]:
        """The features of one text, in order."""
    def __getstate__(self) -> bytes: ...
    def __reduce__(self) -> tuple[object, tuple[bytes]]: ...

def _hashing_model_from_state(state: object) -> HashingModel: ...
def tfidf_idf(
    n_rows: int, n_cols: int, indices: npt.NDArray[np.int64], smooth_idf: bool = True
) -> npt.NDArray[np.float64]:
    """idf of the columns of a CSR count matrix, from its column indices."""
def tfidf_weigh(
    indptr: npt.NDArray[np.int64],
    indices: npt.NDArray[np.int64],
    data: npt.NDArray[np.float64],
    idf: Optional[npt.NDArray[np.float64]] = None,
    sublinear_tf: bool = False,
    norm: Optional[str] = "l2",
) -> None:
    """Weights a CSR count matrix's data in place (sublinear tf, idf, norm)."""

@final
class Keyword:
    """A keyword: `phrase` (dictionary form with the morphology), `stem_key`, `score` in (0, 1), code-point `spans`."""
    @property
    def phrase(self) -> str:
        """The phrase to show: in its dictionary form when the package is built with the
        morphology (``Европейский союз``), as written (its most frequent form) otherwise."""
    @property
    def stem_key(self) -> str:
        """Its stems joined by spaces."""
    @property
    def score(self) -> float:
        """Score in (0, 1); higher is more important."""
    @property
    def spans(self) -> list[tuple[int, int]]:
        """Code-point `(start, end)` of every occurrence."""
    def __new__(
        cls, phrase: str = "", stem_key: str = "", score: float = 0.0, spans: Sequence[tuple[int, int]] = []
    ) -> Keyword: ...
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

def keywords(
    text: str,
    top: int = 10,
    *,
    max_phrase_len: int = 2,
    min_score: float = 0.15,
    title: str | None = None,
) -> list[Keyword]:
    """The keywords of one text, best first (needs no corpus).

    Parameters
    ----------
    text : str
        The text.
    top : int, default=10
        How many keywords at most.
    max_phrase_len : int, default=2
        Longest phrase, in words.
    min_score : float, default=0.15
        Leave out keywords scoring lower (a probability; 0.0 always gives `top` when
        the text has that many candidates).
    title : str or None, default=None
        The document's title, if it has one: read as its first sentence, which makes its
        words more likely keywords. Spans still point into ``text`` (occurrences inside the
        title are not listed).

    Returns
    -------
    list of Keyword
        Best first.
    """
def keywords_many(
    texts: Sequence[str],
    top: int = 10,
    *,
    max_phrase_len: int = 2,
    min_score: float = 0.15,
    titles: Sequence[str] | None = None,
) -> list[list[Keyword]]:
    """`keywords` of each text of a list, in parallel without the GIL.

    Parameters
    ----------
    texts : iterable of str
        The texts.
    top, max_phrase_len, min_score
        As in :func:`keywords`.
    titles : list of str or None, default=None
        The title of each text (``""`` for none), as many as there are texts.

    Returns
    -------
    list of list of Keyword
        The keywords of each text.

    Raises
    ------
    ValueError
        If ``titles`` does not have one entry per text.
    """

@final
class Detection:
    """A language decision: `lang` (ISO 639-1, "und" if unknown), `script`, `confidence`,
    `reliable` (always False for `detect_spans` results) and code-point `start`/`end`."""
    @property
    def lang(self) -> str:
        """ISO 639-1 code (`"und"` if unknown)."""
    @property
    def script(self) -> str:
        """The writing system (`"Cyrillic"`, `"Latin"`, …)."""
    @property
    def confidence(self) -> float:
        """Confidence in [0, 1]."""
    @property
    def reliable(self) -> bool:
        """Whether the decision is reliable (always False for `detect_spans`)."""
    @property
    def start(self) -> int:
        """Code-point offset of the start of the text decided on."""
    @property
    def end(self) -> int:
        """Code-point offset of its end."""
    def __new__(
        cls,
        lang: str = "und",
        script: str = "",
        confidence: float = 0.0,
        reliable: bool = False,
        start: int = 0,
        end: int = 0,
    ) -> Detection: ...
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

def detect(text: str, languages: Optional[Sequence[str]] = None) -> Detection:
    """The language of a text.

    Parameters
    ----------
    text : str
        The text.
    languages : list of str, optional
        Only these languages (ISO 639-1 codes or English names).

    Returns
    -------
    Detection
        The decision.

    Examples
    --------
    >>> slovo.detect("Добрый день, как дела?").lang
    'ru'
    """
def detect_many(
    texts: Sequence[str], languages: Optional[Sequence[str]] = None
) -> list[Detection]:
    """`detect` of each text of a list, in parallel without the GIL.

    Parameters
    ----------
    texts : iterable of str
        The texts.
    languages : list of str, optional
        Only these languages.

    Returns
    -------
    list of Detection
        One decision per text.
    """
def detect_spans(text: str, languages: Optional[Sequence[str]] = None) -> list[Detection]:
    """The stretches of a text in one language, covering it in order.

    Parameters
    ----------
    text : str
        The text.
    languages : list of str, optional
        Only these languages.

    Returns
    -------
    list of Detection
        One per stretch, with code-point ``start``/``end``.
    """

@final
class Sentence:
    """One sentence: `text` and code-point offsets `start`/`end` in the input."""
    @property
    def text(self) -> str:
        """The sentence as written."""
    @property
    def start(self) -> int:
        """Code-point offset of its first character in the input."""
    @property
    def end(self) -> int:
        """Code-point offset just past its last character."""
    def __new__(cls, text: str = "", start: int = 0, end: int = 0) -> Sentence: ...
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: object) -> None: ...

def sentences(text: str) -> list[Sentence]:
    """Split a text into sentences.

    Abbreviations (``г.``, ``т. е.``, ``млн.``), initials and numbers do not end a sentence.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Sentence
        The sentences in order, with code-point offsets.

    Examples
    --------
    >>> [s.text for s in slovo.sentences("Встреча в г. Москве. Всё решено!")]
    ['Встреча в г. Москве.', 'Всё решено!']
    """
def sentences_many(texts: Sequence[str]) -> list[list[Sentence]]:
    """`sentences` of each text of a list, in parallel without the GIL.

    Parameters
    ----------
    texts : iterable of str
        The texts.

    Returns
    -------
    list of list of Sentence
        The sentences of each text.
    """

@final
class Parse:
    """One analysis of a word form: `word`, `lemma`, `pos` (UPOS), `feats`, `score`, `origin`.

    Immutable, hashable and picklable. ``case``, ``number``, ``gender`` … give one UD
    feature's value or None; ``features`` gives them all as a dict.

    Examples
    --------
    >>> p = slovo.parse("коммуникаций")[0]
    >>> p.lemma, p.pos, p.case, p.number
    ('коммуникация', 'NOUN', 'Gen', 'Plur')
    """
    def __new__(
        cls,
        word: str,
        lemma: str,
        pos: str = "X",
        feats: str = "",
        score: float = 1.0,
        origin: str = "dictionary",
    ) -> Parse: ...
    @property
    def word(self) -> str:
        """The form as the dictionary spells it."""
    @property
    def lemma(self) -> str:
        """The lemma (dictionary form), lowercase."""
    @property
    def pos(self) -> str:
        """The part of speech (UD UPOS: 'NOUN', 'VERB', …)."""
    @property
    def feats(self) -> str:
        """The UD features as CoNLL-U writes them ('Case=Gen|Number=Sing'), '' if none."""
    @property
    def features(self) -> dict[str, str]:
        """The UD features as a dict ({'Case': 'Gen', 'Number': 'Sing'})."""
    @property
    def score(self) -> float:
        """The probability of this analysis."""
    @property
    def origin(self) -> str:
        """Where the analysis comes from: 'dictionary', 'rule' or 'guess'."""
    @property
    def case(self) -> Optional[str]:
        """Case ('Nom', 'Gen', 'Dat', 'Acc', 'Ins', 'Loc', 'Par', 'Voc') or None."""
    @property
    def number(self) -> Optional[str]:
        """Number ('Sing', 'Plur') or None."""
    @property
    def gender(self) -> Optional[str]:
        """Gender ('Masc', 'Fem', 'Neut') or None."""
    @property
    def animacy(self) -> Optional[str]:
        """Animacy ('Anim', 'Inan') or None."""
    @property
    def person(self) -> Optional[str]:
        """Person ('1', '2', '3') or None."""
    @property
    def tense(self) -> Optional[str]:
        """Tense ('Past', 'Pres', 'Fut') or None."""
    @property
    def aspect(self) -> Optional[str]:
        """Aspect ('Imp', 'Perf') or None."""
    @property
    def mood(self) -> Optional[str]:
        """Mood ('Ind', 'Imp', 'Cnd') or None."""
    @property
    def verb_form(self) -> Optional[str]:
        """Verb form ('Fin', 'Inf', 'Part', 'Conv') or None."""
    @property
    def voice(self) -> Optional[str]:
        """Voice ('Act', 'Pass', 'Mid') or None."""
    @property
    def degree(self) -> Optional[str]:
        """Degree ('Pos', 'Cmp', 'Sup') or None."""
    @property
    def variant(self) -> Optional[str]:
        """'Short' for a short adjective or participle, else None."""
    @property
    def name_type(self) -> Optional[str]:
        """Kind of proper name ('Giv', 'Sur', 'Pat', 'Geo', 'Com', 'Prs') or None."""
    def inflect(
        self,
        features: Optional[Mapping[str, Union[str, int]]] = None,
        *,
        case: Optional[str] = None,
        number: Optional[str] = None,
        gender: Optional[str] = None,
        animacy: Optional[str] = None,
        person: Optional[Union[str, int]] = None,
        tense: Optional[str] = None,
        aspect: Optional[str] = None,
        mood: Optional[str] = None,
        verb_form: Optional[str] = None,
        voice: Optional[str] = None,
        degree: Optional[str] = None,
    ) -> Optional[Parse]:
        """This analysis put into another form, or None if the word has no such form.

        Examples
        --------
        >>> slovo.parse("кошка")[0].inflect(case="gen", number="plur").word
        'кошек'
        """
    def forms(self) -> list[Parse]:
        """Every form of this analysis's word (its paradigm)."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Parse], tuple[str, str, str, str, float, str]]: ...

def parse(word: str) -> list[Parse]:
    """The analyses of a word form, most probable first.

    Examples
    --------
    >>> [(p.lemma, p.pos) for p in slovo.parse("стали")][:2]
    [('стать', 'VERB'), ('сталь', 'NOUN')]
    """
def lemma(word: str) -> str:
    """The lemma (dictionary form) of a word form, lowercase.

    Examples
    --------
    >>> slovo.lemma("коммуникаций")
    'коммуникация'
    """
def lemma_many(words: Iterable[str]) -> list[str]:
    """`lemma` of each word of a list (each distinct word looked up once, without the GIL)."""
def lemmatize(text: str, *, context: bool = False) -> list[str]:
    """The lemmas of the words of a text, in order.

    Examples
    --------
    >>> slovo.lemmatize("Стороны обсудили вопросы партнёрства.")
    ['сторона', 'обсудить', 'вопрос', 'партнёрство']
    """
def lemmatize_many(texts: Iterable[str], *, context: bool = False) -> list[list[str]]:
    """`lemmatize` of each text of a list, in parallel without the GIL."""
def parse_sentence(words: Iterable[str], *, context: bool = True) -> list[Parse]:
    """The best analysis of each word of one sentence (given as its tokens), ranked in context."""
def parse_sentence_many(
    sentences: Iterable[Iterable[str]], *, context: bool = True
) -> list[list[Parse]]:
    """`parse_sentence` of each sentence of a list, in parallel without the GIL."""
def inflect(
    word: Union[str, Parse],
    features: Optional[Mapping[str, Union[str, int]]] = None,
    *,
    case: Optional[str] = None,
    number: Optional[str] = None,
    gender: Optional[str] = None,
    animacy: Optional[str] = None,
    person: Optional[Union[str, int]] = None,
    tense: Optional[str] = None,
    aspect: Optional[str] = None,
    mood: Optional[str] = None,
    verb_form: Optional[str] = None,
    voice: Optional[str] = None,
    degree: Optional[str] = None,
) -> Optional[str]:
    """A word put into another form, written as the word is; None if it has no such form.

    Examples
    --------
    >>> slovo.inflect("Москва", case="gen")
    'Москвы'
    """
def normal_phrase(phrase: str) -> str:
    """A phrase in its dictionary form, with agreement.

    Examples
    --------
    >>> slovo.normal_phrase("Европейского союза")
    'Европейский союз'
    """
def normal_phrase_many(phrases: Iterable[str]) -> list[str]:
    """`normal_phrase` of each phrase of a list, in parallel without the GIL."""
