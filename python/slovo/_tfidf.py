"""scikit-learn face of slovo's TF-IDF.

`TfidfVectorizer` follows scikit-learn's estimator conventions: ``__init__`` only stores
its parameters, ``get_params``/``set_params`` expose them (so ``sklearn.base.clone``,
``Pipeline`` and ``GridSearchCV`` work), fitted state lives in attributes ending in ``_``.
The work is done by the Rust ``slovo._slovo.TfidfModel`` built in ``fit``. SciPy is
imported only when a matrix is returned.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

import numpy as np

from slovo._slovo import Analyzer, DocumentFrequencies, TfidfModel

__all__ = ["NotFittedError", "TfidfVectorizer"]

_PARAMS = (
    "analyzer",
    "stop_words",
    "ngram_range",
    "max_df",
    "min_df",
    "max_features",
    "norm",
    "use_idf",
    "smooth_idf",
    "sublinear_tf",
    "dtype",
)


class NotFittedError(ValueError, AttributeError):
    """Raised when a vectorizer is used before it is fitted (like scikit-learn's)."""


def _documents(raw_documents: Any) -> list:
    """The documents as a list of str (scikit-learn rejects a single string too)."""
    if isinstance(raw_documents, (str, bytes)):
        raise ValueError(
            "Iterable over raw text documents expected, string object received."
        )
    if isinstance(raw_documents, list):
        return raw_documents
    try:
        return list(raw_documents)
    except TypeError:
        raise TypeError(
            "raw_documents must be an iterable of str, not "
            f"{type(raw_documents).__name__}"
        ) from None


def _csr(parts: tuple, dtype: Any):
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

    data, indices, indptr, shape = parts
    if np.dtype(dtype) != data.dtype:
        data = data.astype(dtype)
    return csr_matrix((data, indices, indptr), shape=shape, copy=False)


class TfidfVectorizer:
    """TF-IDF over slovo's terms with scikit-learn's parameters and results.

    Parameters are scikit-learn's (``ngram_range``, ``min_df``/``max_df`` as an ``int``
    document count or a ``float`` proportion, ``max_features``, ``norm`` ``"l2"``/``"l1"``/
    ``None``, ``use_idf``, ``smooth_idf``, ``sublinear_tf``, ``dtype``). ``analyzer`` is a
    :class:`slovo.Analyzer` (``None``: the Russian defaults); ``stop_words`` is an extra
    list of terms removed after analysis, before n-grams.

    Beyond scikit-learn: ``partial_fit`` + ``merge`` for corpus pieces, ``count`` (the map
    step: a :class:`slovo.DocumentFrequencies` of some documents), ``fit_frequencies`` /
    ``from_frequencies`` (fit from merged counts).

    Fitting releases the GIL and, when rayon has more than one thread
    (``RAYON_NUM_THREADS``) and there are at least 128 documents, analyzes pieces of the
    corpus in parallel. Each thread (the caller's and each of rayon's) keeps the word forms
    it has analyzed for the last analyzer configuration it fitted with (a memo of at most
    114,688 forms and 4 MB of long forms and terms, about 6 MB for news), so refits —
    cross-validation, ``GridSearchCV``, the next batch of similar text — are faster than
    the first fit of a process.
    """

    def __init__(
        self,
        *,
        analyzer: Optional[Analyzer] = None,
        stop_words: Optional[Iterable[str]] = None,
        ngram_range: tuple = (1, 1),
        max_df: float = 1.0,
        min_df: float = 1,
        max_features: Optional[int] = None,
        norm: Optional[str] = "l2",
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = False,
        dtype: Any = np.float64,
    ) -> None:
        self.analyzer = analyzer
        self.stop_words = stop_words
        self.ngram_range = ngram_range
        self.max_df = max_df
        self.min_df = min_df
        self.max_features = max_features
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf
        self.dtype = dtype

    # -- scikit-learn estimator protocol ------------------------------------------------

    def get_params(self, deep: bool = True) -> dict:
        """The constructor parameters (``deep`` is accepted for scikit-learn)."""
        return {name: getattr(self, name) for name in _PARAMS}

    def set_params(self, **params: Any) -> "TfidfVectorizer":
        """Sets constructor parameters; takes effect at the next fit."""
        for name, value in params.items():
            if name not in _PARAMS:
                raise ValueError(
                    f"Invalid parameter {name!r} for estimator {type(self).__name__}. "
                    f"Valid parameters are: {sorted(_PARAMS)!r}."
                )
            setattr(self, name, value)
        return self

    def __sklearn_tags__(self):
        from sklearn.utils import (  # type: ignore[import-untyped]
            InputTags,
            Tags,
            TargetTags,
            TransformerTags,
        )

        return Tags(
            estimator_type=None,
            target_tags=TargetTags(required=False),
            transformer_tags=TransformerTags(),
            input_tags=InputTags(two_d_array=False, string=True),
        )

    def __sklearn_is_fitted__(self) -> bool:
        return self.__dict__.get("_model") is not None

    def __repr__(self) -> str:
        defaults = TfidfVectorizer()
        changed = [
            f"{name}={getattr(self, name)!r}"
            for name in _PARAMS
            if getattr(self, name) is not getattr(defaults, name)
            and getattr(self, name) != getattr(defaults, name)
        ]
        return f"TfidfVectorizer({', '.join(changed)})"

    # -- building the Rust model --------------------------------------------------------

    def _new_model(self) -> TfidfModel:
        if self.analyzer is not None and not isinstance(self.analyzer, Analyzer):
            raise TypeError(
                "analyzer must be a slovo.Analyzer or None, not "
                f"{type(self.analyzer).__name__}"
            )
        if isinstance(self.stop_words, str):
            raise ValueError(
                "stop_words must be a list of terms or None; for a named list use "
                "slovo.Analyzer(stop_words='russian')"
            )
        if not isinstance(self.ngram_range, tuple) or len(self.ngram_range) != 2:
            raise ValueError(
                f"ngram_range must be a tuple (min_n, max_n), got {self.ngram_range!r}"
            )
        np.dtype(self.dtype)  # TypeError for something that is not a dtype
        return TfidfModel(
            ngram_range=self.ngram_range,
            min_df=self.min_df,
            max_df=self.max_df,
            max_features=self.max_features,
            sublinear_tf=self.sublinear_tf,
            smooth_idf=self.smooth_idf,
            use_idf=self.use_idf,
            norm=self.norm,
            stop_words=None if self.stop_words is None else list(self.stop_words),
            analyzer=self.analyzer,
        )

    def _fitted(self) -> TfidfModel:
        model = self.__dict__.get("_model")
        if model is None:
            raise NotFittedError(
                "This TfidfVectorizer instance is not fitted yet. Call 'fit' with "
                "appropriate arguments before using this estimator."
            )
        if not model.is_fitted:
            model.finalize()  # counts were added by partial_fit or merge
        return model

    def _forget(self) -> None:
        self.__dict__.pop("_vocabulary", None)

    # -- fitting ------------------------------------------------------------------------

    def fit(self, raw_documents: Iterable[str], y: Any = None) -> "TfidfVectorizer":
        """Learns vocabulary and idf from the documents."""
        model = self._new_model()
        model.fit(_documents(raw_documents))
        self._model = model
        self._forget()
        return self

    def fit_transform(self, raw_documents: Iterable[str], y: Any = None):
        """``fit`` then ``transform`` of the same documents, analyzing them once."""
        model = self._new_model()
        parts = model.fit_transform(_documents(raw_documents))
        self._model = model
        self._forget()
        return _csr(parts, self.dtype)

    def transform(self, raw_documents: Iterable[str]):
        """TF-IDF rows of the documents as a ``scipy.sparse.csr_matrix``."""
        return _csr(self._fitted().transform(_documents(raw_documents)), self.dtype)

    def partial_fit(self, raw_documents: Iterable[str], y: Any = None) -> "TfidfVectorizer":
        """Adds documents to the counts; the model is rebuilt from all counts on next use."""
        model = self.__dict__.get("_model")
        if model is None:
            model = self._model = self._new_model()
        model.partial_fit(_documents(raw_documents))
        self._forget()
        return self

    def count(self, raw_documents: Iterable[str]) -> DocumentFrequencies:
        """The document frequencies of some documents (this vectorizer is unchanged): the
        map step of a distributed fit."""
        return self._new_model().count(_documents(raw_documents))

    def fit_frequencies(self, frequencies: DocumentFrequencies) -> "TfidfVectorizer":
        """Fits from counts made by ``count`` (typically merged from corpus pieces)."""
        model = self._new_model()
        model.fit_frequencies(frequencies)
        self._model = model
        self._forget()
        return self

    @classmethod
    def from_frequencies(
        cls, frequencies: DocumentFrequencies, **params: Any
    ) -> "TfidfVectorizer":
        """A vectorizer with ``params`` fitted from ``frequencies``."""
        return cls(**params).fit_frequencies(frequencies)

    def merge(self, other: "TfidfVectorizer") -> "TfidfVectorizer":
        """Adds the counts of ``other`` (fitted or partially fitted on another piece of the
        corpus with the same parameters) and refits on the sum."""
        if not isinstance(other, TfidfVectorizer):
            raise TypeError(f"can only merge a TfidfVectorizer, not {type(other).__name__}")
        mine = self.__dict__.get("_model")
        theirs = other.__dict__.get("_model")
        if theirs is None:
            return self
        table = mine.frequencies if mine is not None else DocumentFrequencies()
        table.merge(theirs.frequencies)
        return self.fit_frequencies(table)

    # -- fitted attributes --------------------------------------------------------------

    @property
    def frequencies_(self) -> DocumentFrequencies:
        """The counts the model was built from (a copy)."""
        model = self.__dict__.get("_model")
        if model is None:
            raise NotFittedError("This TfidfVectorizer instance is not fitted yet.")
        return model.frequencies

    @property
    def vocabulary_(self) -> dict:
        """Feature → column."""
        cached = self.__dict__.get("_vocabulary")
        if cached is None:
            names = self._fitted().vocabulary or []
            cached = self._vocabulary = {term: i for i, term in enumerate(names)}
        return cached

    @property
    def idf_(self) -> np.ndarray:
        """The idf of each column (requires ``use_idf=True``)."""
        idf = self._fitted().idf
        if idf is None:
            raise AttributeError("idf_ is only defined when use_idf=True")
        return idf

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The features in column order, as a NumPy object array."""
        return np.asarray(self._fitted().vocabulary or [], dtype=object)

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_vocabulary", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
