"""The examples of python/README.md run and print what the README says."""
import doctest
from pathlib import Path

import pytest

import slovo

README = Path(__file__).parent.parent / "README.md"
ARTICLE = (Path(__file__).parent.parent.parent / "examples" / "data" / "kazinform_eu_ru.txt")


def test_readme_examples():
    pytest.importorskip("pandas")
    pytest.importorskip("sklearn")
    globs = {"slovo": slovo}
    if ARTICLE.exists():
        globs["text_of_an_article"] = ARTICLE.read_text(encoding="utf-8")
    result = doctest.testfile(
        str(README),
        module_relative=False,
        globs=globs,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
    )
    assert result.failed == 0, f"{result.failed} README examples failed (see the output)"


def test_docstring_examples():
    pytest.importorskip("sklearn")
    import slovo._errors
    import slovo._text

    for module in (slovo._text, slovo._errors):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__
