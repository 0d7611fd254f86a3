"""With scikit-learn's analyzer, slovo's vectorizers give scikit-learn's matrices."""
import numpy as np
import pytest

pytest.importorskip("sklearn")
from sklearn.feature_extraction import text as sk  # noqa: E402

import slovo  # noqa: E402

OPTIONS = [
    {"analyzer": "word"},
    {"analyzer": "word", "ngram_range": (1, 3), "min_df": 2, "max_df": 0.8},
    {"analyzer": "word", "lowercase": False, "sublinear_tf": True, "norm": "l1"},
    {"analyzer": "word", "strip_accents": "unicode", "binary": True},
    {"analyzer": "word", "strip_accents": "ascii", "smooth_idf": False, "use_idf": True},
    {"analyzer": "word", "token_pattern": r"(?u)\b\w+\b", "stop_words": ["и", "в", "на"]},
    {"analyzer": "word", "token_pattern": r"[А-Яа-яЁё]{3,}", "ngram_range": (2, 2)},
    {"analyzer": "word", "stop_words": "english", "norm": None},
    {"analyzer": "char", "ngram_range": (2, 4), "min_df": 3},
    {"analyzer": "char_wb", "ngram_range": (1, 5), "max_df": 0.5},
    {"analyzer": "word", "tokenizer": str.split, "token_pattern": None},
    {"analyzer": "word", "preprocessor": str.upper, "lowercase": False},
]

TFIDF_ONLY = {"sublinear_tf", "norm", "smooth_idf", "use_idf"}


def ids(o):
    return ",".join(f"{k}={getattr(v, '__name__', v)}" for k, v in o.items())


def slovo_options(options):
    out = dict(options)
    out.setdefault("stop_words", None)
    return out


@pytest.mark.parametrize("options", OPTIONS, ids=ids)
def test_tfidf_matrix_equals_scikit_learn(docs, options):
    ours = slovo.TfidfVectorizer(**slovo_options(options))
    theirs = sk.TfidfVectorizer(**options)
    x, y = ours.fit_transform(docs), theirs.fit_transform(docs)
    assert list(ours.get_feature_names_out()) == list(theirs.get_feature_names_out())
    assert x.shape == y.shape and x.shape[1] > 50
    assert abs(x - y).max() <= 1e-12
    np.testing.assert_allclose(ours.idf_, theirs.idf_, rtol=0, atol=1e-12)
    assert abs(ours.transform(docs[:30]) - theirs.transform(docs[:30])).max() <= 1e-12


@pytest.mark.parametrize("options", OPTIONS, ids=ids)
def test_counts_equal_scikit_learn(docs, options):
    options = {k: v for k, v in options.items() if k not in TFIDF_ONLY}
    x = slovo.CountVectorizer(**slovo_options(options)).fit_transform(docs)
    y = sk.CountVectorizer(**options).fit_transform(docs)
    assert x.dtype == y.dtype and x.shape == y.shape and (x != y).nnz == 0


@pytest.mark.parametrize("options", OPTIONS, ids=ids)
def test_hashing_equals_scikit_learn(docs, options):
    options = {k: v for k, v in options.items() if k not in TFIDF_ONLY | {"min_df", "max_df"}}
    options["n_features"] = 2**12
    x = slovo.HashingVectorizer(**slovo_options(options)).transform(docs)
    y = sk.HashingVectorizer(**options).transform(docs)
    assert x.nnz == y.nnz and (x.indices == y.indices).all() and abs(x - y).max() <= 1e-12


def test_max_features_ties_go_to_the_first_feature():
    docs = ["bb aa dd cc", "cc dd"]  # aa, bb: once each; cc, dd: twice each
    v = slovo.CountVectorizer(analyzer="word", max_features=3).fit(docs)
    assert list(v.get_feature_names_out()) == ["aa", "cc", "dd"]
    v = slovo.CountVectorizer(analyzer="word", max_features=3).fit(docs[::-1])
    assert list(v.get_feature_names_out()) == ["aa", "cc", "dd"]


def test_not_fitted_error_is_scikit_learns():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        slovo.TfidfVectorizer().transform(["текст"])
    with pytest.raises(slovo.NotFittedError):
        slovo.CountVectorizer().transform(["текст"])
    assert issubclass(slovo.NotFittedError, NotFittedError)


def test_stop_words_default_and_meaning():
    assert slovo.TfidfVectorizer().get_params()["stop_words"] == "russian"
    docs = ["Россия заявила о помощи", "Президент России заявил", "В России"]
    v = slovo.CountVectorizer(stop_words=["россия", "заявил"]).fit(docs)
    # matched against the normalized words before stemming: "России", "заявила" stay out,
    # since their normalized forms "россии", "заявила" are not in the list
    assert "росс" in v.vocabulary_ and "заяв" in v.vocabulary_
    v = slovo.CountVectorizer(stop_words=["россия", "россии", "заявил", "заявила"]).fit(docs)
    assert "росс" not in v.vocabulary_ and "заяв" not in v.vocabulary_
    v = slovo.CountVectorizer(stop_words=None).fit(docs)
    assert "в" not in v.vocabulary_  # one letter: below min_chars
    assert "о" not in v.vocabulary_


def test_integer_dtype_warns_and_gives_float64():
    with pytest.warns(UserWarning, match="'dtype' should be used"):
        x = slovo.TfidfVectorizer(dtype=np.int32).fit_transform(["кот", "пёс"])
    assert x.dtype == np.float64
    v = slovo.TfidfVectorizer(dtype=np.float32).fit(["кот", "пёс"])
    assert v.idf_.dtype == np.float32


def test_nan_document():
    with pytest.raises(ValueError, match="np.nan is an invalid document"):
        slovo.TfidfVectorizer().fit(["кот", np.nan])


def test_look_around_pattern_falls_back_to_python_re(docs):
    pattern = r"(?u)\b\w+(?=\s)"
    x = slovo.CountVectorizer(token_pattern=pattern, stop_words=None).fit_transform(docs[:50])
    y = sk.CountVectorizer(token_pattern=pattern).fit_transform(docs[:50])
    assert x.shape == y.shape and (x != y).nnz == 0
