"""`slovo.NotFittedError`, a subclass of scikit-learn's when scikit-learn is installed.

scikit-learn is not a dependency of slovo, and importing it takes a second or more, so the
class is made on first use (``slovo.NotFittedError`` or the first error raised): with
scikit-learn importable it derives from ``sklearn.exceptions.NotFittedError``, so
``except sklearn.exceptions.NotFittedError`` catches slovo's errors; without, it derives
from ``ValueError`` and ``AttributeError`` as scikit-learn's does.
"""
from __future__ import annotations

from typing import Optional

_CLASS: Optional[type] = None

_DOC = """Raised when a vectorizer or transformer is used before it is fitted.

A subclass of ``ValueError`` and ``AttributeError`` and, when scikit-learn is installed,
of ``sklearn.exceptions.NotFittedError``, so code written for scikit-learn catches it.

Examples
--------
>>> import slovo
>>> try:
...     slovo.TfidfVectorizer().transform(["текст"])
... except slovo.NotFittedError as error:
...     print("not fitted")
not fitted
"""


def not_fitted_error_class() -> type:
    """The `NotFittedError` class (made on the first call)."""
    global _CLASS
    if _CLASS is None:
        try:
            from sklearn.exceptions import NotFittedError as _Base  # type: ignore[import-untyped]

            bases: tuple = (_Base,)
        except Exception:  # scikit-learn missing or broken: slovo works without it
            bases = (ValueError, AttributeError)
        _CLASS = type("NotFittedError", bases, {"__doc__": _DOC, "__module__": "slovo"})
    return _CLASS


def not_fitted(message: str) -> Exception:
    """A `NotFittedError` with `message`, to raise."""
    return not_fitted_error_class()(message)
