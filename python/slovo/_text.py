"""scikit-learn's text vectorizers, computed by slovo's Rust core.

`CountVectorizer`, `TfidfVectorizer`, `TfidfTransformer` and `HashingVectorizer` take
scikit-learn's parameters and give its attributes, methods, errors and warnings. Text is
analyzed, counted, hashed and weighted in Rust (``slovo._slovo``); Python code here checks
parameters, reads files and bytes, and calls the user's own callables (``preprocessor``,
``tokenizer``, ``analyzer``, ``strip_accents``).

The analyzer: slovo's Russian :class:`slovo.Analyzer` (tokenize, normalize, stop words,
stem) unless an option of scikit-learn's analyzers is stated — ``analyzer='word'`` /
``'char'`` / ``'char_wb'`` or a callable, ``preprocessor``, ``tokenizer``, ``lowercase=False``,
``strip_accents``, a ``token_pattern`` other than the default — in which case the analyzer is
scikit-learn's, with scikit-learn's defaults for everything not stated.
"""
from __future__ import annotations

import functools
import numbers
import os
import re
import threading
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple, Optional, Union

import numpy as np

from slovo._errors import not_fitted
from slovo._slovo import (
    Analyzer,
    DocumentFrequencies,
    FeatureAnalyzer,
    HashingModel,
    StopWords,
    TfidfModel,
    fold,
    normalize,
    tfidf_idf,
    tfidf_weigh,
    tokenize,
)

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = ["CountVectorizer", "HashingVectorizer", "TfidfTransformer", "TfidfVectorizer"]

DEFAULT_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_FLOAT_DTYPES: "tuple[Any, ...]" = (np.float64, np.float32, np.float16)
_STRING_INPUT = "Iterable over raw text documents expected, string object received."
_NAN_DOCUMENT = "np.nan is an invalid document, expected byte or unicode string."


def _csr(parts: tuple, dtype: Any) -> "csr_matrix":
    """A `scipy.sparse.csr_matrix` from the CSR parts the Rust side returns."""
    from scipy.sparse import csr_matrix

    data, indices, indptr, shape = parts
    if np.dtype(dtype) != data.dtype:
        data = data.astype(dtype)
    return csr_matrix((data, indices, indptr), shape=shape, copy=False)


def _check_stop_list(stop: Any) -> Optional[frozenset]:
    """scikit-learn's `_check_stop_list`, plus slovo's ``"russian"`` and `StopWords`."""
    if isinstance(stop, str):
        if stop == "english":
            from slovo._english import ENGLISH_STOP_WORDS

            return ENGLISH_STOP_WORDS
        if stop == "russian":
            return frozenset(StopWords.russian())
        raise ValueError("not a built-in stop list: %s" % stop)
    if stop is None:
        return None
    return frozenset(stop)


def _any(x: Any) -> Any:
    """`x`, typed as `Any` (SciPy's stubs type sparse inputs too narrowly for us)."""
    return x


def _is_nan(doc: Any) -> bool:
    return doc is np.nan or (isinstance(doc, float) and doc != doc)


class _Plan(NamedTuple):
    """How documents become features: which parts run in Python, which in Rust."""

    #: "slovo": slovo's Analyzer; "rust": FeatureAnalyzer; "terms": Python tokenizer, Rust
    #: stop words and n-grams; "features": the user's analyzer gives the features.
    mode: str
    #: Applied in Python to each decoded document before Rust (a callable preprocessor).
    pre: Optional[Callable[[Any], Any]]
    #: Python tokenizer ("terms") or analyzer ("features").
    split: Optional[Callable[[Any], Any]]
    slovo: Optional[Analyzer]
    features: Optional[FeatureAnalyzer]
    #: Stop words compared exactly with the tokens (scikit-learn's "word" analyzer).
    stop_words: Optional[list]
    ngram_range: tuple


class _Preprocess:
    """A callable preprocessor made of a Python step and slovo's (picklable)."""

    def __init__(self, lowercase: bool, strip: Optional[Callable[[str], str]]) -> None:
        self.lowercase = lowercase
        self.strip = strip

    def __call__(self, doc: str) -> str:
        if self.lowercase:
            doc = doc.lower()
        if self.strip is not None:
            doc = self.strip(doc)
        return doc


class _SlovoPreprocessor:
    """slovo's normalization of text before tokenizing (``build_preprocessor()`` of the
    default analyzer): the analyzer's Unicode form, case folding, ``ё`` → ``е``, no stress
    marks, soft hyphens or zero-width characters."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer

    def __call__(self, doc: str) -> str:
        a = self.analyzer
        return normalize(
            doc,
            form=a.unicode_form,
            lowercase=a.lowercase,
            yo_to_ye=a.yo_to_ye,
            strip_stress=a.strip_stress,
            strip_soft_hyphens=a.strip_soft_hyphens,
            strip_zero_width=a.strip_zero_width,
        )

    def __repr__(self) -> str:
        return f"<slovo preprocessor of {self.analyzer!r}>"


class _SlovoTokenizer:
    """slovo's tokenizer keeping the analyzer's token kinds (``build_tokenizer()`` of the
    default analyzer)."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer

    def __call__(self, doc: str) -> list:
        kinds = set(self.analyzer.kinds)
        return [t.text for t in tokenize(doc) if t.kind in kinds]

    def __repr__(self) -> str:
        return f"<slovo tokenizer of {self.analyzer!r}>"


class _BuiltAnalyzer:
    """The callable ``build_analyzer()`` returns: decode, then the document's features."""

    def __init__(self, decode: Callable[[Any], Any], plan: _Plan, model: Any) -> None:
        self.decode = decode
        self.plan = plan
        self.model = model

    def __call__(self, doc: Any) -> list:
        doc = self.decode(doc)
        plan = self.plan
        if plan.mode == "features":
            assert plan.split is not None
            return plan.split(doc)
        if plan.pre is not None:
            doc = plan.pre(doc)
        if plan.mode == "terms":
            assert plan.split is not None
            return _word_ngrams(list(plan.split(doc)), plan.stop_words, plan.ngram_range)
        if not isinstance(doc, str):
            raise TypeError(f"documents must be str or bytes, not {type(doc).__name__}")
        return self.model.analyze(doc)


def _word_ngrams(tokens: list, stop_words: Optional[Iterable], ngram_range: tuple) -> list:
    """scikit-learn's `_word_ngrams` for one document's tokens."""
    if stop_words is not None:
        stop = set(stop_words)
        tokens = [w for w in tokens if w not in stop]
    min_n, max_n = ngram_range
    if max_n == 1:
        return tokens
    out = list(tokens) if min_n == 1 else []
    for n in range(max(min_n, 2), min(max_n + 1, len(tokens) + 1)):
        out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return out


class _Estimator:
    """scikit-learn's estimator protocol without scikit-learn: parameters are the
    constructor's keywords, `get_params`/`set_params`, a repr of the changed ones."""

    _PARAMS: "tuple[str, ...]" = ()

    def get_params(self, deep: bool = True) -> dict:
        """The constructor parameters.

        Parameters
        ----------
        deep : bool, default=True
            Accepted for scikit-learn's protocol; parameters hold no estimators.

        Returns
        -------
        dict
            Parameter name → value.
        """
        return {name: getattr(self, name) for name in self._PARAMS}

    def set_params(self, **params: Any) -> Any:
        """Sets constructor parameters; they take effect at the next fit.

        Parameters
        ----------
        **params
            Parameter name → new value.

        Returns
        -------
        self
            The estimator.

        Raises
        ------
        ValueError
            For a name that is not a parameter.
        """
        for name, value in params.items():
            if name not in self._PARAMS:
                raise ValueError(
                    f"Invalid parameter {name!r} for estimator {type(self).__name__}(). "
                    f"Valid parameters are: {sorted(self._PARAMS)!r}."
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        import inspect

        defaults = {
            name: p.default
            for name, p in inspect.signature(type(self).__init__).parameters.items()
            if p.default is not inspect.Parameter.empty
        }
        changed = []
        for name in self._PARAMS:
            value = getattr(self, name, None)
            default = defaults.get(name, inspect.Parameter.empty)
            if value is default:
                continue
            try:
                same = bool(value == default)
            except Exception:
                same = False
            if same and type(value) is type(default):
                continue
            shown = value.__name__ if isinstance(value, type) else repr(value)
            if isinstance(value, type) and value.__module__ == "numpy":
                shown = f"numpy.{value.__name__}"
            changed.append(f"{name}={shown}")
        return f"{type(self).__name__}({', '.join(changed)})"

    def _sync(self) -> None:
        """Builds counts added by ``partial_fit`` into the model; nothing to do here."""

    def __getstate__(self) -> dict:
        if self.__dict__.get("_model_pending"):
            # Counts added by partial_fit but not built into the model yet: build it now,
            # so the pickle holds the model the next transform would use.
            self._sync()
        state = self.__dict__.copy()
        for key in [k for k in state if k.startswith("_cache")]:
            del state[key]
        state.pop("_lock", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)


class _VectorizerMixin(_Estimator):
    """What the three text vectorizers share: decoding, the analyzer, stop words."""

    input: str
    encoding: str
    decode_error: str
    strip_accents: Any
    lowercase: bool
    preprocessor: Any
    tokenizer: Any
    stop_words: Any
    token_pattern: Optional[str]
    ngram_range: tuple
    analyzer: Any

    # -- scikit-learn's building blocks --------------------------------------------------

    def decode(self, doc: Any) -> Any:
        """Decode the input into a string of Unicode symbols.

        With ``input='filename'`` the document is a path to read, with ``input='file'`` an
        object with a ``read`` method; bytes are decoded with ``encoding`` and
        ``decode_error``.

        Parameters
        ----------
        doc : bytes or str
            The document (or file name, or file object).

        Returns
        -------
        str
            The text.

        Raises
        ------
        ValueError
            For ``np.nan`` (a missing value read by pandas).
        """
        if self.input == "filename":
            with open(doc, "rb") as fh:
                doc = fh.read()
        elif self.input == "file":
            doc = doc.read()
        if isinstance(doc, bytes):
            doc = doc.decode(self.encoding, self.decode_error)
        if _is_nan(doc):
            raise ValueError(_NAN_DOCUMENT)
        return doc

    def _uses_slovo(self) -> bool:
        """Whether the analyzer is slovo's (the default, or a `slovo.Analyzer`)."""
        if isinstance(self.analyzer, Analyzer):
            return True
        if self.analyzer is not None:
            return False
        return not (
            self.preprocessor is not None
            or self.tokenizer is not None
            or self.strip_accents
            or not self.lowercase
            or (self.token_pattern is not None and self.token_pattern != DEFAULT_TOKEN_PATTERN)
        )

    def _slovo_analyzer(self) -> Analyzer:
        """slovo's analyzer with this vectorizer's stop words (they replace the
        analyzer's own, with a warning when those differ)."""
        given = isinstance(self.analyzer, Analyzer)
        base = self.analyzer if given else Analyzer()
        stop = self.stop_words
        if isinstance(stop, str):
            if stop not in ("russian", "english"):
                raise ValueError("not a built-in stop list: %s" % stop)
            if stop == "english":
                from slovo._english import ENGLISH_STOP_WORDS

                stop = sorted(ENGLISH_STOP_WORDS)
        elif stop is not None and not isinstance(stop, StopWords):
            stop = list(stop)
        analyzer = base.with_stop_words(stop)
        if given and base.stop_words != analyzer.stop_words:
            warnings.warn(
                "The stop words of the slovo.Analyzer given as 'analyzer' are replaced by "
                f"the vectorizer's stop_words ({self.stop_words!r}); pass the list as the "
                "vectorizer's stop_words instead"
            )
        return analyzer

    def _kind(self) -> str:
        kind = "word" if self.analyzer is None else self.analyzer
        if kind not in ("word", "char", "char_wb"):
            raise ValueError("%s is not a valid tokenization scheme/analyzer" % self.analyzer)
        return kind

    def _strip_function(self) -> Optional[Callable[[str], str]]:
        if not self.strip_accents:
            return None
        if callable(self.strip_accents):
            return self.strip_accents
        if self.strip_accents in ("ascii", "unicode"):
            return FeatureAnalyzer(kind="char", lowercase=False, strip_accents=self.strip_accents).preprocess
        raise ValueError('Invalid value for "strip_accents": %s' % self.strip_accents)

    def _plan(self) -> _Plan:
        """How this vectorizer's documents become features."""
        if callable(self.analyzer) and not isinstance(self.analyzer, Analyzer):
            return _Plan("features", None, self.analyzer, None, None, None, (1, 1))
        if self._uses_slovo():
            return _Plan("slovo", None, None, self._slovo_analyzer(), None, None, tuple(self.ngram_range))
        kind = self._kind()
        strip = self._strip_function()  # validates strip_accents
        if self.preprocessor is not None:
            pre: Optional[Callable[[Any], Any]] = self.preprocessor
        elif callable(self.strip_accents):
            pre = _Preprocess(self.lowercase, self.strip_accents)
        else:
            pre = None
        rust_pre = pre is None
        lowercase = bool(self.lowercase) and rust_pre
        accents = self.strip_accents if rust_pre and self.strip_accents else None
        if kind != "word":
            features = FeatureAnalyzer(
                kind=kind,
                lowercase=lowercase,
                strip_accents=accents,
                ngram_range=tuple(self.ngram_range),
            )
            return _Plan("rust", pre, None, None, features, None, (1, 1))
        stop = self.get_stop_words()
        stop_list = None if stop is None else sorted(stop)
        ngram_range = tuple(self.ngram_range)
        if self.tokenizer is not None:
            if pre is None:
                pre = FeatureAnalyzer(kind="word", lowercase=lowercase, strip_accents=accents).preprocess
            return _Plan("terms", pre, self.tokenizer, None, None, stop_list, ngram_range)
        pattern = self.token_pattern
        compiled = re.compile(pattern)  # type: ignore[arg-type,type-var]
        if compiled.groups > 1:
            raise ValueError(
                "More than 1 capturing group in token pattern. Only a single "
                "group should be captured."
            )
        del strip
        try:
            features = FeatureAnalyzer(
                kind="word", lowercase=lowercase, strip_accents=accents, token_pattern=str(pattern)
            )
        except ValueError:
            # A pattern the regex crate cannot compile (look-around, back-references):
            # tokenize with Python's `re`, the rest stays in Rust.
            if pre is None:
                pre = FeatureAnalyzer(kind="word", lowercase=lowercase, strip_accents=accents).preprocess
            return _Plan("terms", pre, compiled.findall, None, None, stop_list, ngram_range)
        return _Plan("rust", pre, None, None, features, stop_list, ngram_range)

    def build_preprocessor(self) -> Callable[[str], str]:
        """Return a function to preprocess the text before tokenization.

        With slovo's analyzer this is its normalization (NFC, lowercase, ``ё`` → ``е``, no
        stress marks, soft hyphens or zero-width characters); otherwise scikit-learn's
        ``preprocessor`` or ``lowercase`` + ``strip_accents``.

        Returns
        -------
        callable
            ``str -> str``, picklable.
        """
        if self.preprocessor is not None:
            return self.preprocessor
        if self._uses_slovo():
            return _SlovoPreprocessor(self._slovo_analyzer())
        strip = self._strip_function()
        if strip is None or not callable(self.strip_accents):
            return FeatureAnalyzer(
                kind="word",
                lowercase=bool(self.lowercase),
                strip_accents=self.strip_accents or None,
            ).preprocess
        return _Preprocess(bool(self.lowercase), strip)

    def build_tokenizer(self) -> Callable[[str], list]:
        """Return a function that splits a string into a sequence of tokens.

        With slovo's analyzer this is :func:`slovo.tokenize` keeping the analyzer's token
        kinds; otherwise ``tokenizer`` or the matches of ``token_pattern``.

        Returns
        -------
        callable
            ``str -> list[str]``, picklable.
        """
        if self.tokenizer is not None:
            return self.tokenizer
        if self._uses_slovo():
            return _SlovoTokenizer(self._slovo_analyzer())
        compiled = re.compile(self.token_pattern)  # type: ignore[arg-type,type-var]
        if compiled.groups > 1:
            raise ValueError(
                "More than 1 capturing group in token pattern. Only a single "
                "group should be captured."
            )
        try:
            return FeatureAnalyzer(kind="word", token_pattern=self.token_pattern).tokenize  # type: ignore[arg-type,type-var]
        except ValueError:
            return compiled.findall

    def get_stop_words(self) -> Optional[frozenset]:
        """Build or fetch the effective stop words list.

        Returns
        -------
        frozenset or None
            ``'english'``: scikit-learn's list; ``'russian'``: slovo's; a list: its words;
            ``None``: none.

        Raises
        ------
        ValueError
            For a string that names no list.
        """
        return _check_stop_list(self.stop_words)

    def _stop_word_key(self) -> Callable[[str], str]:
        """How stop words are compared: folded with slovo's analyzer, exactly otherwise."""
        return fold if self._uses_slovo() else (lambda w: w)

    def _check_stop_words_consistency(
        self, stop_words: Any, preprocess: Callable, tokenize: Callable
    ) -> Union[bool, str, None]:
        """Check if stop words are consistent with the preprocessor and tokenizer.

        Returns
        -------
        bool, "error" or None
            ``True`` if consistent, ``False`` if not (with a warning), ``None`` if this
            list was checked before, ``"error"`` if the check could not run (e.g. a
            custom preprocessor).
        """
        if id(self.stop_words) == getattr(self, "_stop_words_id", None):
            return None
        try:
            key = self._stop_word_key()
            known = {key(w) for w in stop_words or ()}
            inconsistent = set()
            for w in stop_words or ():
                for token in list(tokenize(preprocess(w))):
                    if key(token) not in known:
                        inconsistent.add(token)
            self._stop_words_id = id(self.stop_words)
            if inconsistent:
                warnings.warn(
                    "Your stop_words may be inconsistent with "
                    "your preprocessing. Tokenizing the stop "
                    "words generated tokens %r not in "
                    "stop_words." % sorted(inconsistent)
                )
            return not inconsistent
        except Exception:
            self._stop_words_id = id(self.stop_words)
            return "error"

    def _analysis_model(self, plan: _Plan) -> Any:
        """A Rust model that analyzes text as `plan` says (for `build_analyzer`)."""
        return TfidfModel(
            ngram_range=plan.ngram_range,
            use_idf=False,
            norm=None,
            stop_words=plan.stop_words,
            analyzer=plan.slovo,
            features=plan.features,
        )

    def build_analyzer(self) -> Callable[[Any], list]:
        """Return a callable to process input data: decoding, preprocessing, tokenization,
        stop words and n-grams.

        Returns
        -------
        callable
            document → list of features (``str``), picklable.
        """
        plan = self._plan()
        if plan.mode == "slovo" or (plan.mode in ("rust", "terms") and self._kind() == "word"):
            self._check_stop_words_consistency(
                self.get_stop_words(), self.build_preprocessor(), self.build_tokenizer()
            )
        model = None if plan.mode in ("terms", "features") else self._analysis_model(plan)
        return _BuiltAnalyzer(self.decode, plan, model)

    def _validate_ngram_range(self) -> None:
        """Check validity of ngram_range parameter."""
        min_n, max_m = self.ngram_range
        if min_n > max_m:
            raise ValueError(
                "Invalid value for ngram_range=%s "
                "lower boundary larger than the upper boundary." % str(self.ngram_range)
            )

    def _warn_for_unused_params(self) -> None:
        if self.tokenizer is not None and self.token_pattern is not None:
            warnings.warn(
                "The parameter 'token_pattern' will not be used since 'tokenizer' is not None'"
            )
        callable_analyzer = callable(self.analyzer) and not isinstance(self.analyzer, Analyzer)
        if self.preprocessor is not None and callable_analyzer:
            warnings.warn(
                "The parameter 'preprocessor' will not be used since 'analyzer' is callable'"
            )
        if self.ngram_range != (1, 1) and self.ngram_range is not None and callable_analyzer:
            warnings.warn(
                "The parameter 'ngram_range' will not be used since 'analyzer' is callable'"
            )
        if isinstance(self.analyzer, Analyzer):
            for name in ("preprocessor", "tokenizer", "strip_accents"):
                if getattr(self, name):
                    warnings.warn(
                        f"The parameter {name!r} will not be used since 'analyzer' is a "
                        "slovo.Analyzer"
                    )
        elif self.analyzer is not None and self.analyzer != "word":
            if self.stop_words is not None and not (
                isinstance(self.stop_words, str) and self.stop_words == "russian"
            ):
                warnings.warn(
                    "The parameter 'stop_words' will not be used since 'analyzer' != 'word'"
                )
            if self.token_pattern is not None and self.token_pattern != DEFAULT_TOKEN_PATTERN:
                warnings.warn(
                    "The parameter 'token_pattern' will not be used since 'analyzer' != 'word'"
                )
            if self.tokenizer is not None:
                warnings.warn(
                    "The parameter 'tokenizer' will not be used since 'analyzer' != 'word'"
                )

    # -- documents -------------------------------------------------------------------------

    def _documents(self, raw_documents: Any) -> list:
        if isinstance(raw_documents, str):
            raise ValueError(_STRING_INPUT)
        if isinstance(raw_documents, list):
            return raw_documents
        try:
            return list(raw_documents)
        except TypeError:
            raise TypeError(
                "raw_documents must be an iterable of documents, not "
                f"{type(raw_documents).__name__}"
            ) from None

    def _prepared(self, docs: list, plan: _Plan) -> tuple:
        """`("text", list of str)` or `("terms", list of lists of str)` for Rust."""
        if plan.mode in ("slovo", "rust") and self.input == "content" and plan.pre is None:
            if all(type(d) is str for d in docs):
                return "text", docs
        decoded = [self.decode(d) for d in docs]
        if plan.mode == "features":
            assert plan.split is not None
            return "terms", [_str_list(plan.split(d), "analyzer") for d in decoded]
        if plan.pre is not None:
            decoded = [plan.pre(d) for d in decoded]
        if plan.mode == "terms":
            assert plan.split is not None
            return "terms", [_str_list(plan.split(d), "tokenizer") for d in decoded]
        for d in decoded:
            if not isinstance(d, str):
                raise TypeError(
                    f"documents must be str or bytes, not {type(d).__name__}"
                    + (" (a preprocessor must return str)" if plan.pre is not None else "")
                )
        return "text", decoded

    def _new_model(self, plan: _Plan, **weighting: Any) -> TfidfModel:
        return TfidfModel(
            ngram_range=plan.ngram_range,
            min_df=getattr(self, "min_df", None),
            max_df=getattr(self, "max_df", None),
            max_features=getattr(self, "max_features", None),
            stop_words=plan.stop_words,
            analyzer=plan.slovo,
            features=plan.features,
            binary=bool(getattr(self, "binary", False)),
            **weighting,
        )


def _str_list(tokens: Any, what: str) -> list:
    tokens = tokens if isinstance(tokens, list) else list(tokens)
    for t in tokens:
        if not isinstance(t, str):
            raise TypeError(f"the {what} must return str features, not {type(t).__name__}")
    return tokens


_COUNT_PARAMS = (
    "input",
    "encoding",
    "decode_error",
    "strip_accents",
    "lowercase",
    "preprocessor",
    "tokenizer",
    "stop_words",
    "token_pattern",
    "ngram_range",
    "analyzer",
    "max_df",
    "min_df",
    "max_features",
    "vocabulary",
    "binary",
    "dtype",
)


class CountVectorizer(_VectorizerMixin):
    """Convert a collection of text documents to a matrix of token counts.

    scikit-learn's ``CountVectorizer`` with the same parameters, attributes, methods,
    errors and warnings, computed in Rust. By default documents are analyzed by slovo's
    Russian :class:`slovo.Analyzer` (words, normalized, Russian stop words removed,
    stemmed); stating any option of scikit-learn's analyzers (``analyzer='word'``,
    ``'char'``, ``'char_wb'`` or a callable, ``preprocessor``, ``tokenizer``,
    ``lowercase=False``, ``strip_accents``, a non-default ``token_pattern``) gives
    scikit-learn's analyzer with scikit-learn's defaults for the rest.

    Parameters
    ----------
    input : {'filename', 'file', 'content'}, default='content'
        What the documents are: paths to read, objects with a ``read`` method, or the
        text itself (``str`` or ``bytes``).
    encoding : str, default='utf-8'
        Encoding of bytes and files.
    decode_error : {'strict', 'ignore', 'replace'}, default='strict'
        What to do with bytes that are not valid in ``encoding``.
    strip_accents : {'ascii', 'unicode'} or callable, default=None
        Remove accents after lowercasing (NFKD, then drop non-ASCII or combining
        characters). Note that ``'unicode'`` turns ``й`` into ``и``.
    lowercase : bool, default=True
        Lowercase before tokenizing (slovo's analyzer always folds case).
    preprocessor : callable, default=None
        Replaces lowercasing and accent stripping (scikit-learn's analyzer).
    tokenizer : callable, default=None
        Replaces the token pattern (scikit-learn's ``'word'`` analyzer).
    stop_words : {'russian', 'english'}, list, StopWords or None, default='russian'
        Words removed before n-grams are formed: slovo's Russian list, scikit-learn's
        English list, your words, or none. With slovo's analyzer they are matched
        against the normalized word forms (case and ``ё``/``е`` folded) before stemming;
        with scikit-learn's ``'word'`` analyzer against the tokens, exactly.
    token_pattern : str or None, default=r"(?u)\\b\\w\\w+\\b"
        Regular expression of a token (scikit-learn's ``'word'`` analyzer). The default
        is matched with Python's definition of ``\\w``; other patterns run on Rust's
        ``regex`` crate (Unicode's ``\\w``, which also counts combining marks), and
        patterns it cannot compile (look-around, back-references) on Python's ``re``.
        With one capturing group, the group is the token.
    ngram_range : tuple (min_n, max_n), default=(1, 1)
        Word n-grams (or character n-grams for ``'char'``/``'char_wb'``) with
        ``min_n <= n <= max_n``.
    analyzer : None, slovo.Analyzer, {'word', 'char', 'char_wb'} or callable, default=None
        ``None``: slovo's Russian analyzer unless an option of scikit-learn's analyzers is
        stated; a :class:`slovo.Analyzer`: that analyzer (with this vectorizer's
        ``stop_words``); a string or a callable: scikit-learn's meaning.
    max_df : float in [0.0, 1.0] or int, default=1.0
        Ignore features in more documents than this (a proportion or a count).
    min_df : float in [0.0, 1.0] or int, default=1
        Ignore features in fewer documents than this (a proportion or a count).
    max_features : int, default=None
        Keep only the most frequent features (total count over the corpus). Ties at the
        cut go to the feature that sorts first (scikit-learn's choice there depends on an
        unstable sort, so the two may keep different features only at a tie).
    vocabulary : Mapping or iterable, default=None
        A fixed vocabulary: term → column, or terms in column order.
    binary : bool, default=False
        Count each feature at most once per document.
    dtype : dtype, default=np.int64
        Type of the returned matrix.

    Attributes
    ----------
    vocabulary_ : dict
        Feature → column.
    fixed_vocabulary_ : bool
        Whether the vocabulary was given.

    See Also
    --------
    TfidfVectorizer : Counts weighted by inverse document frequency.
    HashingVectorizer : Counts in hashed columns, without a vocabulary.

    Examples
    --------
    >>> from slovo import CountVectorizer
    >>> corpus = ["Кошки спят.", "Кошка спит, собаки лают."]
    >>> vectorizer = CountVectorizer()
    >>> X = vectorizer.fit_transform(corpus)
    >>> vectorizer.get_feature_names_out()
    array(['кошк', 'лают', 'собак', 'спит', 'спят'], dtype=object)
    >>> X.toarray()
    array([[1, 0, 0, 0, 1],
           [1, 1, 1, 1, 0]])
    >>> CountVectorizer(analyzer="word").fit(corpus).get_feature_names_out()
    array(['кошка', 'кошки', 'лают', 'собаки', 'спит', 'спят'], dtype=object)
    """

    _PARAMS: "tuple[str, ...]" = _COUNT_PARAMS
    _WEIGHTED = False

    def _out_dtype(self) -> Any:
        return self.dtype

    def __init__(
        self,
        *,
        input: str = "content",
        encoding: str = "utf-8",
        decode_error: str = "strict",
        strip_accents: Any = None,
        lowercase: bool = True,
        preprocessor: Optional[Callable[[Any], str]] = None,
        tokenizer: Optional[Callable[[str], Iterable[str]]] = None,
        stop_words: Any = "russian",
        token_pattern: Optional[str] = DEFAULT_TOKEN_PATTERN,
        ngram_range: tuple = (1, 1),
        analyzer: Any = None,
        max_df: Union[float, int] = 1.0,
        min_df: Union[float, int] = 1,
        max_features: Optional[int] = None,
        vocabulary: Any = None,
        binary: bool = False,
        dtype: Any = np.int64,
    ) -> None:
        self.input = input
        self.encoding = encoding
        self.decode_error = decode_error
        self.strip_accents = strip_accents
        self.preprocessor = preprocessor
        self.tokenizer = tokenizer
        self.analyzer = analyzer
        self.lowercase = lowercase
        self.token_pattern = token_pattern
        self.stop_words = stop_words
        self.max_df = max_df
        self.min_df = min_df
        self.max_features = max_features
        self.ngram_range = ngram_range
        self.vocabulary = vocabulary
        self.binary = binary
        self.dtype = dtype

    # -- vocabulary ------------------------------------------------------------------------

    @property
    def vocabulary_(self) -> dict:
        """Feature → column of the fitted (or given) vocabulary."""
        vocabulary = self.__dict__.get("_vocabulary_")
        if vocabulary is None:
            model = self.__dict__.get("_model")
            if model is None or not self.__dict__.get("_model_learned", False):
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute 'vocabulary_'"
                )
            names = self._model_terms(model)
            vocabulary = {term: i for i, term in enumerate(names)}
            self.__dict__["_vocabulary_"] = vocabulary
        return vocabulary

    @vocabulary_.setter
    def vocabulary_(self, value: dict) -> None:
        self.__dict__["_vocabulary_"] = value
        self.__dict__["_model_learned"] = False
        self.__dict__.pop("_cache_counter", None)

    @staticmethod
    def _model_terms(model: TfidfModel) -> list:
        if not model.is_fitted:
            model.finalize()
        return model.vocabulary or []

    def _validate_vocabulary(self) -> None:
        vocabulary = self.vocabulary
        if vocabulary is not None:
            if isinstance(vocabulary, set):
                vocabulary = sorted(vocabulary)
            if not isinstance(vocabulary, Mapping):
                vocab: dict = {}
                for i, t in enumerate(vocabulary):
                    if vocab.setdefault(t, i) != i:
                        raise ValueError("Duplicate term in vocabulary: %r" % t)
                vocabulary = vocab
            else:
                indices = set(vocabulary.values())
                if len(indices) != len(vocabulary):
                    raise ValueError("Vocabulary contains repeated indices.")
                for i in range(len(vocabulary)):
                    if i not in indices:
                        raise ValueError(
                            "Vocabulary of size %d doesn't contain index %d."
                            % (len(vocabulary), i)
                        )
            if not vocabulary:
                raise ValueError("empty vocabulary passed to fit")
            self.fixed_vocabulary_ = True
            self.vocabulary_ = dict(vocabulary)
        else:
            self.fixed_vocabulary_ = False

    def _check_vocabulary(self) -> None:
        """Check if vocabulary is empty or missing (not fitted)."""
        if not self._has_vocabulary():
            self._validate_vocabulary()
            if not self.fixed_vocabulary_:
                raise not_fitted("Vocabulary not fitted or provided")
        if len(self.vocabulary_) == 0:
            raise ValueError("Vocabulary is empty")

    def _has_vocabulary(self) -> bool:
        return "_vocabulary_" in self.__dict__ or (
            self.__dict__.get("_model") is not None and self.__dict__.get("_model_learned", False)
        )

    def _counter(self) -> TfidfModel:
        """A Rust model that counts the features of the current vocabulary."""
        counter = self.__dict__.get("_cache_counter")
        if counter is None:
            if self.__dict__.get("_model_learned") and not self._WEIGHTED:
                counter = self.__dict__["_model"]
            else:
                plan = self._plan()
                counter = TfidfModel(
                    ngram_range=plan.ngram_range,
                    use_idf=False,
                    norm=None,
                    stop_words=plan.stop_words,
                    analyzer=plan.slovo,
                    features=plan.features,
                    binary=bool(self.binary),
                )
                vocabulary = self.vocabulary_
                terms = [t for t, _ in sorted(vocabulary.items(), key=lambda kv: kv[1])]
                counter.set_vocabulary(terms)
            self.__dict__["_cache_counter"] = counter
        return counter

    # -- fitting ---------------------------------------------------------------------------

    def _count(self, model: TfidfModel, docs: list, plan: _Plan, fit: bool) -> tuple:
        form, prepared = self._prepared(docs, plan)
        if fit:
            if form == "text":
                return model.fit_transform(prepared)
            return model.fit_transform_terms(prepared)
        if form == "text":
            return model.transform(prepared)
        return model.transform_terms(prepared)

    def _check_df_bounds(self, n_doc: int) -> None:
        max_df, min_df = self.max_df, self.min_df
        for name, value in (("max_df", max_df), ("min_df", min_df)):
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise TypeError(
                    f"{name} must be an int (a number of documents) or a float in "
                    f"[0.0, 1.0] (a proportion), not {type(value).__name__}"
                )
        max_doc_count = max_df if isinstance(max_df, numbers.Integral) else max_df * n_doc
        min_doc_count = min_df if isinstance(min_df, numbers.Integral) else min_df * n_doc
        if max_doc_count < min_doc_count:
            raise ValueError("max_df corresponds to < documents than min_df")

    def _fit_learned(self, docs: list, plan: _Plan, **weighting: Any) -> tuple:
        """Fits a vocabulary in Rust; returns the CSR parts of the documents' rows."""
        self.__dict__["_fit_weighting"] = weighting if self._WEIGHTED else None
        self.__dict__["_fit_dtype"] = self._out_dtype() if self._WEIGHTED else None
        self._check_df_bounds(len(docs))
        model = self._new_model(plan, **weighting)
        parts = self._count(model, docs, plan, fit=True)
        if parts[3][1] == 0:
            if len(model.frequencies) == 0:
                raise ValueError(
                    "empty vocabulary; perhaps the documents only contain stop words"
                )
            raise ValueError(
                "After pruning, no terms remain. Try a lower min_df or a higher max_df."
            )
        for key in ("_vocabulary_", "_cache_counter"):
            self.__dict__.pop(key, None)
        self.__dict__["_model"] = model
        self.__dict__["_model_learned"] = True
        return parts

    def _start_fit(self) -> None:
        self._validate_ngram_range()
        self._warn_for_unused_params()
        self._validate_vocabulary()
        if self.fixed_vocabulary_ and self.lowercase:
            for term in self.vocabulary:
                if any(map(str.isupper, term)):
                    warnings.warn(
                        "Upper case characters found in"
                        " vocabulary while 'lowercase'"
                        " is True. These entries will not"
                        " be matched with any documents"
                    )
                    break

    def fit(self, raw_documents: Iterable[Any], y: Any = None) -> "CountVectorizer":
        """Learn a vocabulary dictionary of all features in the raw documents.

        Parameters
        ----------
        raw_documents : iterable
            ``str``, ``bytes``, file names or file objects (see ``input``).
        y : None
            Ignored.

        Returns
        -------
        self
            The fitted vectorizer.
        """
        self.fit_transform(raw_documents)
        return self

    def fit_transform(self, raw_documents: Iterable[Any], y: Any = None) -> "csr_matrix":
        """Learn the vocabulary and return the document-term matrix.

        Parameters
        ----------
        raw_documents : iterable
            ``str``, ``bytes``, file names or file objects (see ``input``).
        y : None
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_samples, n_features)
            Counts, of type ``dtype``.
        """
        docs = self._documents(raw_documents)
        self._start_fit()
        plan = self._plan()
        if self.fixed_vocabulary_:
            return _csr(self._count(self._counter(), docs, plan, fit=False), self.dtype)
        parts = self._fit_learned(docs, plan, use_idf=False, norm=None)
        return _csr(parts, self.dtype)

    def transform(self, raw_documents: Iterable[Any]) -> "csr_matrix":
        """Count the features of documents over the fitted vocabulary.

        Parameters
        ----------
        raw_documents : iterable
            ``str``, ``bytes``, file names or file objects (see ``input``).

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_samples, n_features)
            Counts, of type ``dtype``.
        """
        docs = self._documents(raw_documents)
        self._check_vocabulary()
        return _csr(self._count(self._counter(), docs, self._plan(), fit=False), self.dtype)

    def inverse_transform(self, X: Any) -> list:
        """Return the terms of each document that have nonzero entries in `X`.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            Document-term matrix.

        Returns
        -------
        list of numpy.ndarray
            One array of terms per document.
        """
        import scipy.sparse as sp

        self._check_vocabulary()
        terms = np.array(list(self.vocabulary_.keys()))
        indices = np.array(list(self.vocabulary_.values()))
        inverse_vocabulary = terms[np.argsort(indices)]
        if sp.issparse(X):
            X = sp.csr_matrix(_any(X))
            return [
                inverse_vocabulary[X.indices[X.indptr[i] : X.indptr[i + 1]][
                    X.data[X.indptr[i] : X.indptr[i + 1]] != 0
                ]].ravel()
                for i in range(X.shape[0])
            ]
        X = np.asarray(X)
        if X.ndim != 2:
            raise ValueError(f"Expected 2D array, got {X.ndim}D array instead")
        return [inverse_vocabulary[np.flatnonzero(X[i, :])].ravel() for i in range(X.shape[0])]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Get output feature names for transformation.

        Parameters
        ----------
        input_features : array-like of str or None, default=None
            Not used, present for API consistency.

        Returns
        -------
        numpy.ndarray of str objects
            The features in column order.
        """
        self._check_vocabulary()
        if self.__dict__.get("_model_learned") and "_vocabulary_" not in self.__dict__:
            return np.asarray(self._model_terms(self.__dict__["_model"]), dtype=object)
        return np.asarray(
            [t for t, i in sorted(self.vocabulary_.items(), key=lambda kv: kv[1])],
            dtype=object,
        )

    def _sort_features(self, X: Any, vocabulary: dict) -> Any:
        """Sort features by name; returns the reordered matrix, updates `vocabulary`."""
        sorted_features = sorted(vocabulary.items())
        map_index = np.empty(len(sorted_features), dtype=X.indices.dtype)
        for new_val, (term, old_val) in enumerate(sorted_features):
            vocabulary[term] = new_val
            map_index[old_val] = new_val
        X.indices = map_index.take(X.indices, mode="clip")
        return X

    def __sklearn_is_fitted__(self) -> bool:
        return self._has_vocabulary()

    def __sklearn_tags__(self) -> Any:
        return _tags(string=True)


class TfidfTransformer(_Estimator):
    """Transform a count matrix to a normalized tf or tf-idf representation.

    scikit-learn's ``TfidfTransformer``, computed in Rust: ``idf = ln((1 + n) / (1 + df))
    + 1`` (``ln(n / df) + 1`` without ``smooth_idf``), rows are ``tf`` (``1 + ln(tf)``
    with ``sublinear_tf``) times idf, then normalized.

    Parameters
    ----------
    norm : {'l1', 'l2'} or None, default='l2'
        Row normalization.
    use_idf : bool, default=True
        Enable inverse-document-frequency reweighting.
    smooth_idf : bool, default=True
        Add one to document frequencies, as if one more document held every feature.
    sublinear_tf : bool, default=False
        Use ``1 + ln(tf)`` instead of ``tf``.

    Attributes
    ----------
    idf_ : numpy.ndarray of shape (n_features,)
        The inverse document frequencies (only with ``use_idf``); settable.
    n_features_in_ : int
        Number of features seen during fit.

    Examples
    --------
    >>> from slovo import TfidfTransformer
    >>> t = TfidfTransformer().fit([[1, 1], [1, 0]])
    >>> t.idf_.round(3)
    array([1.   , 1.405])
    """

    _PARAMS = ("norm", "use_idf", "smooth_idf", "sublinear_tf")

    def __init__(
        self,
        *,
        norm: Optional[str] = "l2",
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = False,
    ) -> None:
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    def _check_norm(self) -> None:
        if self.norm not in ("l1", "l2", None):
            raise ValueError(
                f"The 'norm' parameter of {type(self).__name__} must be a str among "
                f"{{'l1', 'l2'}} or None. Got {self.norm!r} instead."
            )

    @staticmethod
    def _as_csr(X: Any, copy: bool) -> Any:
        import scipy.sparse as sp

        if sp.issparse(X):
            X = _any(X)
            if X.format != "csr":
                return sp.csr_matrix(X.tocsr())
            if copy:
                X = X.copy()
            return X if isinstance(X, sp.csr_matrix) else sp.csr_matrix(X)
        array = np.asarray(X)
        if array.ndim != 2:
            raise ValueError(
                f"Expected 2D array, got {array.ndim}D array instead. Reshape your data "
                "either using array.reshape(-1, 1) if your data has a single feature or "
                "array.reshape(1, -1) if it contains a single sample."
            )
        return sp.csr_matrix(array)

    def fit(self, X: Any, y: Any = None) -> "TfidfTransformer":
        """Learn the idf vector (global term weights).

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            A matrix of term counts.
        y : None
            Ignored.

        Returns
        -------
        self
            The fitted transformer.
        """
        self._check_norm()
        X = self._as_csr(X, copy=False)
        dtype = X.dtype if X.dtype in (np.float64, np.float32) else np.float64
        self.n_features_in_ = X.shape[1]
        if self.use_idf:
            idf = tfidf_idf(
                X.shape[0],
                X.shape[1],
                np.asarray(X.indices, dtype=np.int64),
                smooth_idf=bool(self.smooth_idf),
            )
            if not self.smooth_idf and np.isinf(idf).any():
                warnings.warn("divide by zero encountered in divide", RuntimeWarning)
            self.idf_ = idf.astype(dtype, copy=False)
        else:
            self.__dict__.pop("_idf", None)
        return self

    @property
    def idf_(self) -> np.ndarray:
        """The inverse document frequency of each feature (only with ``use_idf``)."""
        idf = self.__dict__.get("_idf")
        if idf is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute 'idf_'")
        return idf

    @idf_.setter
    def idf_(self, value: Any) -> None:
        value = np.asarray(value)
        if value.dtype not in (np.float64, np.float32):
            value = value.astype(np.float64)
        self.__dict__["_idf"] = value
        self.n_features_in_ = len(value)

    def transform(self, X: Any, copy: bool = True) -> "csr_matrix":
        """Transform a count matrix to a tf or tf-idf representation.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            A matrix of term counts.
        copy : bool, default=True
            Work on a copy; ``False`` weights a CSR matrix's data in place.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_samples, n_features)
            Tf-idf weighted matrix (float64, or float32 for float32 input).
        """
        if not self.__sklearn_is_fitted__():
            raise not_fitted(
                f"This {type(self).__name__} instance is not fitted yet. Call 'fit' with "
                "appropriate arguments before using this estimator."
            )
        self._check_norm()
        X = self._as_csr(X, copy=copy)
        if X.dtype not in (np.float64, np.float32):
            X = X.astype(np.float64)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(
                f"X has {X.shape[1]} features, but {type(self).__name__} is expecting "
                f"{self.n_features_in_} features as input."
            )
        idf = self.__dict__.get("_idf") if self.use_idf else None
        if self.use_idf and idf is None:
            raise not_fitted(f"This {type(self).__name__} instance has no idf_: call fit")
        data = X.data if X.data.dtype == np.float64 else X.data.astype(np.float64)
        tfidf_weigh(
            np.asarray(X.indptr, dtype=np.int64),
            np.asarray(X.indices, dtype=np.int64),
            data,
            None if idf is None else np.asarray(idf, dtype=np.float64),
            sublinear_tf=bool(self.sublinear_tf),
            norm=self.norm,
        )
        if data is not X.data:
            X.data[...] = data
        return X

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> "csr_matrix":
        """`fit`, then `transform` of the same matrix.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            A matrix of term counts.
        y : None
            Ignored.
        **fit_params
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_samples, n_features)
            Tf-idf weighted matrix.
        """
        return self.fit(X).transform(X)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The output feature names: the input ones (one output per input).

        Parameters
        ----------
        input_features : array-like of str or None, default=None
            Input feature names; ``None`` gives ``x0``, ``x1``, ….

        Returns
        -------
        numpy.ndarray of str objects
            The names.
        """
        n = getattr(self, "n_features_in_", None)
        if input_features is None:
            if n is None:
                raise not_fitted(f"This {type(self).__name__} instance is not fitted yet.")
            return np.asarray([f"x{i}" for i in range(n)], dtype=object)
        names = np.asarray(input_features, dtype=object)
        if n is not None and len(names) != n:
            raise ValueError("input_features should have length equal to number of features")
        return names

    def __sklearn_is_fitted__(self) -> bool:
        return "n_features_in_" in self.__dict__

    def __sklearn_tags__(self) -> Any:
        return _tags(sparse=True, preserves_dtype=["float64", "float32"])


class TfidfVectorizer(CountVectorizer):
    """Convert a collection of raw documents to a matrix of TF-IDF features.

    scikit-learn's ``TfidfVectorizer`` (``CountVectorizer`` followed by
    ``TfidfTransformer``) with the same parameters, attributes, methods, errors and
    warnings, computed in Rust in one pass. The analyzer is chosen as for
    :class:`CountVectorizer`: slovo's Russian analyzer by default, scikit-learn's when one
    of its options is stated.

    Parameters
    ----------
    input, encoding, decode_error, strip_accents, lowercase, preprocessor, tokenizer, analyzer, stop_words, token_pattern, ngram_range, max_df, min_df, max_features, vocabulary, binary
        As in :class:`CountVectorizer`.
    dtype : {np.float64, np.float32}, default=np.float64
        Type of the returned matrix and of ``idf_``; other types warn and give float64.
    norm : {'l1', 'l2'} or None, default='l2'
        Row normalization.
    use_idf : bool, default=True
        Enable inverse-document-frequency reweighting.
    smooth_idf : bool, default=True
        Add one to document frequencies, as if one more document held every feature.
    sublinear_tf : bool, default=False
        Use ``1 + ln(tf)`` instead of ``tf``.

    Attributes
    ----------
    vocabulary_ : dict
        Feature → column.
    fixed_vocabulary_ : bool
        Whether the vocabulary was given.
    idf_ : numpy.ndarray of shape (n_features,)
        The inverse document frequencies (only with ``use_idf``); settable.

    Notes
    -----
    Beyond scikit-learn: ``partial_fit`` and ``merge`` fit a corpus in pieces, ``count``
    makes the :class:`slovo.DocumentFrequencies` of some documents (the map step of a
    distributed fit), ``fit_frequencies`` / ``from_frequencies`` fit from merged counts.
    Fitting releases the GIL and analyzes pieces of a corpus of at least 128 documents on
    rayon's threads (``RAYON_NUM_THREADS``); with slovo's analyzer each thread keeps a memo
    of the word forms it analyzed (at most 114,688 forms and 4 MB of long forms and terms),
    so refits are faster than a process's first fit.

    Examples
    --------
    >>> from slovo import TfidfVectorizer
    >>> corpus = ["Кошки спят.", "Кошка спит, собаки лают."]
    >>> vectorizer = TfidfVectorizer()
    >>> X = vectorizer.fit_transform(corpus)
    >>> X.shape
    (2, 5)
    >>> vectorizer.idf_.round(3)
    array([1.   , 1.405, 1.405, 1.405, 1.405])
    """

    _PARAMS = _COUNT_PARAMS + ("norm", "use_idf", "smooth_idf", "sublinear_tf")
    _WEIGHTED = True

    def __init__(
        self,
        *,
        input: str = "content",
        encoding: str = "utf-8",
        decode_error: str = "strict",
        strip_accents: Any = None,
        lowercase: bool = True,
        preprocessor: Optional[Callable[[Any], str]] = None,
        tokenizer: Optional[Callable[[str], Iterable[str]]] = None,
        analyzer: Any = None,
        stop_words: Any = "russian",
        token_pattern: Optional[str] = DEFAULT_TOKEN_PATTERN,
        ngram_range: tuple = (1, 1),
        max_df: Union[float, int] = 1.0,
        min_df: Union[float, int] = 1,
        max_features: Optional[int] = None,
        vocabulary: Any = None,
        binary: bool = False,
        dtype: Any = np.float64,
        norm: Optional[str] = "l2",
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = False,
    ) -> None:
        super().__init__(
            input=input,
            encoding=encoding,
            decode_error=decode_error,
            strip_accents=strip_accents,
            lowercase=lowercase,
            preprocessor=preprocessor,
            tokenizer=tokenizer,
            analyzer=analyzer,
            stop_words=stop_words,
            token_pattern=token_pattern,
            ngram_range=ngram_range,
            max_df=max_df,
            min_df=min_df,
            max_features=max_features,
            vocabulary=vocabulary,
            binary=binary,
            dtype=dtype,
        )
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    @property
    def _tfidf(self) -> TfidfTransformer:
        # The fitted weighting; made from the Rust model when first needed.
        if self.__dict__.get("_model_pending"):
            self._sync()
        tfidf = self.__dict__.get("_tfidf_")
        if tfidf is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute '_tfidf'")
        return tfidf

    @_tfidf.setter
    def _tfidf(self, value: TfidfTransformer) -> None:
        self.__dict__["_tfidf_"] = value

    @property
    def idf_(self) -> np.ndarray:
        """The inverse document frequency of each feature (only with ``use_idf``)."""
        if "_tfidf_" not in self.__dict__:
            raise not_fitted(
                f"{type(self).__name__} is not fitted yet. Call 'fit' with "
                "appropriate arguments before using this attribute."
            )
        return self._tfidf.idf_

    @idf_.setter
    def idf_(self, value: Any) -> None:
        if not self.use_idf:
            raise ValueError("`idf_` cannot be set when `user_idf=False`.")
        if "_tfidf_" not in self.__dict__:
            self._tfidf = self._transformer()
        self._validate_vocabulary()
        if self._has_vocabulary():
            if len(self.vocabulary_) != len(value):
                raise ValueError(
                    "idf length = %d must be equal to vocabulary size = %d"
                    % (len(value), len(self.vocabulary_))
                )
        self._tfidf.idf_ = value
        self.__dict__["_fused"] = False

    def _transformer(self) -> TfidfTransformer:
        return TfidfTransformer(
            norm=self.norm,
            use_idf=self.use_idf,
            smooth_idf=self.smooth_idf,
            sublinear_tf=self.sublinear_tf,
        )

    def _out_dtype(self) -> Any:
        return np.float32 if np.dtype(self.dtype) == np.float32 else np.float64

    def _check_params(self) -> None:
        if self.dtype not in _FLOAT_DTYPES:
            warnings.warn(
                "Only {} 'dtype' should be used. {} 'dtype' will "
                "be converted to np.float64.".format(_FLOAT_DTYPES, self.dtype),
                UserWarning,
            )

    def _weighting(self) -> dict:
        return dict(
            norm=self.norm,
            use_idf=bool(self.use_idf),
            smooth_idf=bool(self.smooth_idf),
            sublinear_tf=bool(self.sublinear_tf),
        )

    def _sync(self) -> None:
        """`_tfidf` from the fused Rust model (after a fit, or counts added since)."""
        model = self.__dict__["_model"]
        if not model.is_fitted:
            model.finalize()
        weighting = self.__dict__.get("_fit_weighting") or self._weighting()
        tfidf = TfidfTransformer(**weighting)
        tfidf.n_features_in_ = model.n_features
        if weighting["use_idf"]:
            dtype = self.__dict__.get("_fit_dtype") or self._out_dtype()
            tfidf.idf_ = np.asarray(model.idf, dtype=dtype)
        self.__dict__["_tfidf_"] = tfidf
        self.__dict__["_fused"] = True
        self.__dict__["_model_pending"] = False

    def fit(self, raw_documents: Iterable[Any], y: Any = None) -> "TfidfVectorizer":
        """Learn vocabulary and idf from the documents.

        Parameters
        ----------
        raw_documents : iterable
            ``str``, ``bytes``, file names or file objects (see ``input``).
        y : None
            Ignored.

        Returns
        -------
        self
            The fitted vectorizer.
        """
        self.fit_transform(raw_documents)
        return self

    def fit_transform(self, raw_documents: Iterable[Any], y: Any = None) -> "csr_matrix":
        """Learn vocabulary and idf, return the document-term matrix.

        Equivalent to `fit` followed by `transform`, analyzing each document once.

        Parameters
        ----------
        raw_documents : iterable
            ``str``, ``bytes``, file names or file objects (see ``input``).
        y : None
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_samples, n_features)
            Tf-idf weighted document-term matrix.
        """
        docs = self._documents(raw_documents)
        self._check_params()
        self._start_fit()
        plan = self._plan()
        if self.fixed_vocabulary_:
            counts = _csr(self._count(self._counter(), docs, plan, fit=False), np.float64)
            tfidf = self._transformer().fit(counts)
            if self.use_idf:
                tfidf.idf_ = tfidf.idf_.astype(self._out_dtype())
            self._tfidf = tfidf
            self.__dict__["_fused"] = False
            return tfidf.transform(counts, copy=False).astype(self._out_dtype(), copy=False)
        parts = self._fit_learned(docs, plan, **self._weighting())
        # `_tfidf` (with `idf_`) is made from the model when first asked for.
        self.__dict__["_tfidf_"] = None
        self.__dict__["_model_pending"] = True
        self.__dict__["_fused"] = True
        return _csr(parts, self._out_dtype())

    def transform(self, raw_documents: Iterable[Any]) -> "csr_matrix":
        """Transform documents to a document-term matrix with the fitted vocabulary and idf.

        Parameters
        ----------
        raw_documents : iterable
            ``str``, ``bytes``, file names or file objects (see ``input``).

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_samples, n_features)
            Tf-idf weighted document-term matrix.
        """
        docs = self._documents(raw_documents)
        if "_tfidf_" not in self.__dict__:
            raise not_fitted("The TF-IDF vectorizer is not fitted")
        if self.__dict__.get("_model_pending"):
            self._sync()
        if self.__dict__.get("_fused") and self.__dict__.get("_model_learned"):
            model = self.__dict__["_model"]
            return _csr(self._count(model, docs, self._plan(), fit=False), self._out_dtype())
        self._check_vocabulary()
        counts = _csr(self._count(self._counter(), docs, self._plan(), fit=False), np.float64)
        out = self._tfidf.transform(counts, copy=False)
        return out.astype(self._out_dtype(), copy=False)

    # -- slovo's extras: corpora in pieces ---------------------------------------------------

    def partial_fit(self, raw_documents: Iterable[str], y: Any = None) -> "TfidfVectorizer":
        """Add documents to the counts; the model is rebuilt from all counts on next use.

        Parameters
        ----------
        raw_documents : iterable of str
            Documents (text).
        y : None
            Ignored.

        Returns
        -------
        self
            The vectorizer.
        """
        docs = self._documents(raw_documents)
        model = self.__dict__.get("_model")
        if model is None or not self.__dict__.get("_model_learned"):
            self._validate_ngram_range()
            model = self._new_model(self._plan(), **self._weighting())
            self.__dict__["_model"] = model
            self.__dict__["_model_learned"] = True
            self.fixed_vocabulary_ = False
        model.partial_fit(self._text_only(docs))
        self.__dict__["_model_pending"] = True
        self.__dict__.setdefault("_tfidf_", None)
        for key in ("_vocabulary_", "_cache_counter"):
            self.__dict__.pop(key, None)
        return self

    def _text_only(self, docs: list) -> list:
        form, prepared = self._prepared(docs, self._plan())
        if form != "text":
            raise ValueError(
                "partial_fit, count and merge need documents that are analyzed in Rust "
                "(no callable tokenizer or analyzer)"
            )
        return prepared

    def count(self, raw_documents: Iterable[str]) -> DocumentFrequencies:
        """The document frequencies of some documents (this vectorizer is unchanged): the
        map step of a distributed fit.

        Parameters
        ----------
        raw_documents : iterable of str
            Documents (text).

        Returns
        -------
        DocumentFrequencies
            Their counts.
        """
        docs = self._documents(raw_documents)
        model = self._new_model(self._plan(), **self._weighting())
        return model.count(self._text_only(docs))

    def fit_frequencies(self, frequencies: DocumentFrequencies) -> "TfidfVectorizer":
        """Fit from counts made by `count` (typically merged from corpus pieces).

        Parameters
        ----------
        frequencies : DocumentFrequencies
            The counts.

        Returns
        -------
        self
            The fitted vectorizer.
        """
        self._validate_ngram_range()
        model = self._new_model(self._plan(), **self._weighting())
        model.fit_frequencies(frequencies)
        self.__dict__["_model"] = model
        self.__dict__["_model_learned"] = True
        self.fixed_vocabulary_ = False
        for key in ("_vocabulary_", "_cache_counter"):
            self.__dict__.pop(key, None)
        self._sync()
        return self

    @classmethod
    def from_frequencies(
        cls, frequencies: DocumentFrequencies, **params: Any
    ) -> "TfidfVectorizer":
        """A vectorizer with `params` fitted from `frequencies`.

        Parameters
        ----------
        frequencies : DocumentFrequencies
            The counts.
        **params
            Constructor parameters.

        Returns
        -------
        TfidfVectorizer
            The fitted vectorizer.
        """
        return cls(**params).fit_frequencies(frequencies)

    def merge(self, other: "TfidfVectorizer") -> "TfidfVectorizer":
        """Add the counts of `other` (fitted or partially fitted on another piece of the
        corpus with the same parameters) and refit on the sum.

        Parameters
        ----------
        other : TfidfVectorizer
            The other piece's vectorizer.

        Returns
        -------
        self
            The refitted vectorizer.
        """
        if not isinstance(other, TfidfVectorizer):
            raise TypeError(f"can only merge a TfidfVectorizer, not {type(other).__name__}")
        mine_params, their_params = self.get_params(), other.get_params()
        if mine_params != their_params:
            differ = sorted(k for k in mine_params if mine_params[k] != their_params.get(k))
            raise ValueError(
                "can only merge vectorizers with the same parameters; these differ: "
                + ", ".join(differ)
            )
        mine = self.__dict__.get("_model")
        theirs = other.__dict__.get("_model")
        if theirs is None:
            return self
        table = mine.frequencies if mine is not None else DocumentFrequencies()
        table.merge(theirs.frequencies)
        return self.fit_frequencies(table)

    @property
    def frequencies_(self) -> DocumentFrequencies:
        """The counts the model was built from (a copy)."""
        model = self.__dict__.get("_model")
        if model is None or not self.__dict__.get("_model_learned"):
            raise not_fitted("This TfidfVectorizer instance is not fitted yet.")
        return model.frequencies

    def __sklearn_is_fitted__(self) -> bool:
        return "_tfidf_" in self.__dict__


_HASHING_PARAMS = (
    "input",
    "encoding",
    "decode_error",
    "strip_accents",
    "lowercase",
    "preprocessor",
    "tokenizer",
    "stop_words",
    "token_pattern",
    "ngram_range",
    "analyzer",
    "n_features",
    "binary",
    "norm",
    "alternate_sign",
    "dtype",
)


#: The longest n-gram a HashingVectorizer forms (slovo::tfidf::HashingVectorizer's limit).
_MAX_HASHED_NGRAM = 64


class HashingVectorizer(_VectorizerMixin):
    """Convert a collection of text documents to a matrix of hashed feature counts.

    scikit-learn's ``HashingVectorizer``, computed in Rust: each feature goes to column
    ``abs(murmurhash3_32(feature)) % n_features`` (scikit-learn's hash, so the same
    features give the same matrix), with the sign of the hash when ``alternate_sign``.
    Stateless: nothing to fit, nothing learned. The analyzer is chosen as for
    :class:`CountVectorizer`.

    Parameters
    ----------
    input, encoding, decode_error, strip_accents, lowercase, preprocessor, tokenizer, stop_words, token_pattern, analyzer
        As in :class:`CountVectorizer`.
    n_features : int, default=2**20
        Number of columns.
    ngram_range : tuple (min_n, max_n), default=(1, 1)
        As in :class:`CountVectorizer`, with ``max_n`` at most 64: with no vocabulary to
        bound them, n-grams of every length up to ``max_n`` are formed at each position.
    binary : bool, default=False
        Every stored value becomes 1 (before normalization).
    norm : {'l1', 'l2'} or None, default='l2'
        Row normalization.
    alternate_sign : bool, default=True
        Count a feature as -1 when its hash is negative, so collisions tend to cancel.
    dtype : dtype, default=np.float64
        Type of the returned matrix.

    Examples
    --------
    >>> from slovo import HashingVectorizer
    >>> X = HashingVectorizer(n_features=2**10).transform(["Кошки спят.", "Собаки лают."])
    >>> X.shape
    (2, 1024)
    """

    _PARAMS = _HASHING_PARAMS

    def __init__(
        self,
        *,
        input: str = "content",
        encoding: str = "utf-8",
        decode_error: str = "strict",
        strip_accents: Any = None,
        lowercase: bool = True,
        preprocessor: Optional[Callable[[Any], str]] = None,
        tokenizer: Optional[Callable[[str], Iterable[str]]] = None,
        stop_words: Any = "russian",
        token_pattern: Optional[str] = DEFAULT_TOKEN_PATTERN,
        ngram_range: tuple = (1, 1),
        analyzer: Any = None,
        n_features: int = 2**20,
        binary: bool = False,
        norm: Optional[str] = "l2",
        alternate_sign: bool = True,
        dtype: Any = np.float64,
    ) -> None:
        self.input = input
        self.encoding = encoding
        self.decode_error = decode_error
        self.strip_accents = strip_accents
        self.preprocessor = preprocessor
        self.tokenizer = tokenizer
        self.analyzer = analyzer
        self.lowercase = lowercase
        self.token_pattern = token_pattern
        self.stop_words = stop_words
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.binary = binary
        self.norm = norm
        self.alternate_sign = alternate_sign
        self.dtype = dtype

    def _hasher(self, plan: _Plan) -> HashingModel:
        if not isinstance(self.n_features, numbers.Integral) or not (
            1 <= self.n_features <= 2**31 - 1
        ):
            raise ValueError(
                "The 'n_features' parameter of HashingVectorizer must be an int in the "
                f"range [1, 2147483647]. Got {self.n_features!r} instead."
            )
        if self.ngram_range is not None and self.ngram_range[1] > _MAX_HASHED_NGRAM:
            # Without a vocabulary nothing else bounds the n-grams formed at each position:
            # (1, 10**9), from a constructor or a pickle, made transform cubic in the text.
            raise ValueError(
                f"ngram_range={tuple(self.ngram_range)!r}: HashingVectorizer forms n-grams of "
                f"at most {_MAX_HASHED_NGRAM} terms (or characters), so that its work stays "
                "linear in the document"
            )
        return HashingModel(
            n_features=int(self.n_features),
            alternate_sign=bool(self.alternate_sign),
            binary=bool(self.binary),
            norm=self.norm,
            ngram_range=plan.ngram_range,
            stop_words=plan.stop_words,
            analyzer=plan.slovo,
            features=plan.features,
        )

    def _analysis_model(self, plan: _Plan) -> Any:
        return self._hasher(plan)

    def partial_fit(self, X: Any, y: Any = None) -> "HashingVectorizer":
        """Does nothing: this vectorizer is stateless.

        Parameters
        ----------
        X : iterable
            Ignored.
        y : None
            Ignored.

        Returns
        -------
        self
            The vectorizer.
        """
        return self

    def fit(self, X: Any, y: Any = None) -> "HashingVectorizer":
        """Only checks the parameters: this vectorizer is stateless.

        Parameters
        ----------
        X : iterable
            Ignored (not read).
        y : None
            Ignored.

        Returns
        -------
        self
            The vectorizer.
        """
        if isinstance(X, str):
            raise ValueError(_STRING_INPUT)
        self._warn_for_unused_params()
        self._validate_ngram_range()
        return self

    def transform(self, X: Iterable[Any]) -> "csr_matrix":
        """Transform documents to a document-term matrix.

        Parameters
        ----------
        X : iterable
            ``str``, ``bytes``, file names or file objects (see ``input``).

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_samples, n_features)
            Document-term matrix, of type ``dtype``.
        """
        docs = self._documents(X)
        self._validate_ngram_range()
        plan = self._plan()
        model = self._hasher(plan)
        form, prepared = self._prepared(docs, plan)
        parts = model.transform(prepared) if form == "text" else model.transform_terms(prepared)
        return _csr(parts, self.dtype)

    def fit_transform(self, X: Iterable[Any], y: Any = None) -> "csr_matrix":
        """`fit` (checks only), then `transform`.

        Parameters
        ----------
        X : iterable
            ``str``, ``bytes``, file names or file objects (see ``input``).
        y : None
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_samples, n_features)
            Document-term matrix, of type ``dtype``.
        """
        return self.fit(X, y).transform(X)

    def __sklearn_is_fitted__(self) -> bool:
        return True

    def __sklearn_tags__(self) -> Any:
        return _tags(string=True, requires_fit=False)


def _tags(
    *,
    string: bool = False,
    sparse: bool = False,
    requires_fit: bool = True,
    preserves_dtype: Optional[list] = None,
) -> Any:
    """scikit-learn's `Tags` of a slovo estimator (scikit-learn is imported only here)."""
    from sklearn.utils import (  # type: ignore[import-untyped]
        InputTags,
        Tags,
        TargetTags,
        TransformerTags,
    )

    return Tags(
        estimator_type=None,
        target_tags=TargetTags(required=False),
        transformer_tags=TransformerTags(preserves_dtype=preserves_dtype or ["float64"]),
        input_tags=InputTags(one_d_array=False, two_d_array=not string, string=string, sparse=sparse),
        requires_fit=requires_fit,
    )


# -- thread safety -------------------------------------------------------------------------
#
# One vectorizer may be used from several threads: each public method and fitted attribute
# runs under the instance's reentrant lock, so a `transform` never sees a half-made refit
# and a first read of `vocabulary_` never caches a stale one. The Rust work inside runs
# without the GIL (other objects and other vectorizers proceed in parallel); calls on the
# same vectorizer are serialized.

_LOCK_GUARD = threading.Lock()
os.register_at_fork(after_in_child=lambda: globals().update(_LOCK_GUARD=threading.Lock()))


def _lock_of(obj: Any) -> "threading.RLock":
    # Keyed by process: a child forked while another thread held the lock gets a new one.
    pid = os.getpid()
    entry = obj.__dict__.get("_lock")
    if entry is None or entry[0] != pid:
        with _LOCK_GUARD:
            entry = obj.__dict__.get("_lock")
            if entry is None or entry[0] != pid:
                entry = (pid, threading.RLock())
                obj.__dict__["_lock"] = entry
    return entry[1]


def _locked(function: Callable) -> Callable:
    @functools.wraps(function)
    def under_lock(self: Any, *args: Any, **kwargs: Any) -> Any:
        with _lock_of(self):
            return function(self, *args, **kwargs)

    return under_lock


def _lock_methods(cls: type) -> None:
    for name, member in list(vars(cls).items()):
        if isinstance(member, property):
            setattr(
                cls,
                name,
                property(
                    _locked(member.fget) if member.fget else None,
                    _locked(member.fset) if member.fset else None,
                    member.fdel,
                    member.__doc__,
                ),
            )
        elif callable(member) and not isinstance(member, (type, classmethod, staticmethod)) and (
            not name.startswith("_") or name in ("__getstate__", "__setstate__", "_sync")
        ):
            setattr(cls, name, _locked(member))


for _cls in (_Estimator, _VectorizerMixin, CountVectorizer, TfidfTransformer, TfidfVectorizer, HashingVectorizer):
    _lock_methods(_cls)
del _cls
