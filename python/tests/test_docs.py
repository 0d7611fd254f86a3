"""Every public name has a docstring (for help() and IDEs), and their examples run."""
import doctest
import inspect

import pytest

import slovo


def public_names():
    return [n for n in slovo.__all__ if n != "__version__"]


@pytest.mark.parametrize("name", public_names())
def test_public_name_has_a_docstring(name):
    obj = getattr(slovo, name)
    assert (obj.__doc__ or "").strip(), f"slovo.{name} has no docstring"


@pytest.mark.parametrize("name", [n for n in public_names() if inspect.isclass(getattr(slovo, n))])
def test_public_members_have_docstrings(name):
    cls = getattr(slovo, name)
    if issubclass(cls, BaseException):
        return
    missing = []
    for attr in dir(cls):
        if attr.startswith("_"):
            continue
        member = inspect.getattr_static(cls, attr)
        doc = getattr(member, "__doc__", None) or getattr(getattr(cls, attr, None), "__doc__", None)
        if not (doc or "").strip():
            missing.append(attr)
    assert not missing, f"slovo.{name}: no docstring on {missing}"


def test_runtime_docstring_examples():
    """The examples in the compiled module's docstrings (what help() shows) run."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    n = 0
    for name in public_names():
        obj = getattr(slovo, name)
        for test in finder.find(obj, f"slovo.{name}", globs={"slovo": slovo}):
            n += len(test.examples)
            runner.run(test)
    assert n >= 10
    assert runner.failures == 0
