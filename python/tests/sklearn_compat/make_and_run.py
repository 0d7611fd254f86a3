"""scikit-learn's own tests of its text vectorizers, run against slovo's.

Copies ``sklearn/feature_extraction/tests/test_text.py`` from the installed scikit-learn,
imports ``CountVectorizer``, ``HashingVectorizer``, ``TfidfTransformer`` and
``TfidfVectorizer`` from slovo instead (everything else — the test helpers, ``strip_tags``,
``ENGLISH_STOP_WORDS`` — stays scikit-learn's), marks the deliberate differences listed
in ``DELIBERATE`` as expected failures (strict: they must fail), and runs it with pytest.

    python python/tests/sklearn_compat/make_and_run.py [pytest options]

The pytest module ``test_sklearn_compat.py`` beside this file does the same inside the
suite. The differences are documented in python/README.md ("Differences from
scikit-learn").
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

#: Test ids that fail on purpose, with the reason (python/README.md lists them too).
DELIBERATE = {
    "test_word_analyzer_unigrams[CountVectorizer]": (
        "with default options slovo's vectorizers analyze with slovo's Russian analyzer, "
        "which keeps 'file-like' one word; the test expects scikit-learn's 'file', 'like'"
    ),
    "test_word_analyzer_unigrams[HashingVectorizer]": (
        "the same test, parametrized with HashingVectorizer"
    ),
    "test_vectorizer_stop_words_inconsistent": (
        "slovo's default analyzer keeps \"you've\" one word and matches stop words with "
        "case folded ('AND' removes 'and'), so the stop list is consistent and no warning "
        "is given"
    ),
}

NAMES = ("CountVectorizer", "HashingVectorizer", "TfidfTransformer", "TfidfVectorizer")


def source() -> str:
    """The installed scikit-learn's test_text.py."""
    import sklearn

    path = Path(sklearn.__file__).parent / "feature_extraction" / "tests" / "test_text.py"
    return path.read_text(encoding="utf-8")


def variant(text: str) -> str:
    """test_text.py with the four vectorizers imported from slovo."""
    pattern = re.compile(
        r"from sklearn\.feature_extraction\.text import \((?P<names>[^)]*)\)", re.S
    )
    match = pattern.search(text)
    if match is None:
        raise SystemExit("test_text.py no longer imports from sklearn.feature_extraction.text")
    names = [n.strip() for n in match.group("names").split(",") if n.strip()]
    missing = [n for n in NAMES if n not in names]
    if missing:
        raise SystemExit(f"test_text.py does not import {missing}")
    kept = [n for n in names if n not in NAMES]
    replacement = (
        "from sklearn.feature_extraction.text import (\n"
        + "".join(f"    {n},\n" for n in kept)
        + ")\nfrom slovo import (\n"
        + "".join(f"    {n},\n" for n in NAMES)
        + ")"
    )
    text = text[: match.start()] + replacement + text[match.end() :]
    return text + "\n\n_SLOVO_DELIBERATE = " + repr(DELIBERATE) + "\n"


CONFTEST = '''
import pytest

from test_text_slovo import _SLOVO_DELIBERATE


def pytest_collection_modifyitems(config, items):
    for item in items:
        reason = _SLOVO_DELIBERATE.get(item.name)
        if reason is not None:
            item.add_marker(pytest.mark.xfail(reason="deliberate: " + reason, strict=True))
'''


def write(folder: Path) -> Path:
    """Writes the variant (and a conftest marking the deliberate differences) to `folder`."""
    path = folder / "test_text_slovo.py"
    path.write_text(variant(source()), encoding="utf-8")
    (folder / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp))
        return subprocess.call(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", str(path), *argv],
            cwd=tmp,
        )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
