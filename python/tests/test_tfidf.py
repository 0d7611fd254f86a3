"""TfidfVectorizer: parity with scikit-learn, estimator protocol, corpus pieces."""
import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline

import slovo


def sklearn_twin(analyzer, **options):
    """scikit-learn's vectorizer fed slovo's terms: the analyzer as tokenizer, so that
    scikit-learn applies its own stop words and n-grams on top, as slovo does."""
    return SkTfidf(tokenizer=analyzer, preprocessor=None, lowercase=False, token_pattern=None, **options)


def max_features_without_tie(docs, analyzer, ngram_range, start):
    counts = CountVectorizer(
        tokenizer=analyzer, lowercase=False, token_pattern=None, ngram_range=ngram_range
    ).fit_transform(docs)
    totals = np.sort(np.asarray(counts.sum(axis=0)).ravel())[::-1]
    k = start
    while totals[k - 1] == totals[k]:
        k -= 1
    return k


OPTION_SETS = [
    {},
    {"sublinear_tf": True, "norm": "l1"},
    {"use_idf": False, "smooth_idf": False},
    {"smooth_idf": False, "norm": None},
    {"min_df": 2, "max_df": 0.5},
    {"min_df": 0.02, "max_df": 30},
    {"ngram_range": (1, 2), "min_df": 2},
    {"ngram_range": (2, 3), "sublinear_tf": True},
    {"stop_words": ["год", "который", "так"], "ngram_range": (1, 2)},
    {"max_features": "auto"},
    {"max_features": "auto", "ngram_range": (1, 2), "max_df": 0.9},
]


def assert_same(ours, theirs, x, y, tol=1e-12):
    assert list(ours.get_feature_names_out()) == list(theirs.get_feature_names_out())
    assert ours.vocabulary_ == theirs.vocabulary_
    if getattr(theirs, "use_idf", True):
        np.testing.assert_allclose(ours.idf_, theirs.idf_, rtol=0, atol=tol)
    assert isinstance(x, sp.csr_matrix) and x.shape == y.shape
    assert abs(x - sp.csr_matrix(y)).max() <= tol if x.nnz else y.nnz == 0


@pytest.mark.parametrize("options", OPTION_SETS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()) or "default")
def test_parity_with_sklearn(docs, analyzer, options):
    options = dict(options)
    if options.get("max_features") == "auto":
        options["max_features"] = max_features_without_tie(
            docs, analyzer, options.get("ngram_range", (1, 1)), 500
        )
    ours = slovo.TfidfVectorizer(analyzer=analyzer, **options)
    if "stop_words" in options:
        # slovo's stop words are matched against the normalized words, before stemming:
        # scikit-learn's twin gets them inside the analyzer it tokenizes with.
        analyzer = slovo.Analyzer(stop_words=options.pop("stop_words"))
    theirs = sklearn_twin(analyzer, **options)
    x = ours.fit_transform(docs)
    y = theirs.fit_transform(docs)
    assert x.shape[1] > 100
    assert_same(ours, theirs, x, y)
    # transform of unseen text after fit agrees too
    assert abs(ours.transform(docs[:20]) - sp.csr_matrix(theirs.transform(docs[:20]))).max() <= 1e-12


def test_parity_with_callable_analyzer(docs, analyzer):
    """With the Analyzer itself as scikit-learn's `analyzer` (unigrams)."""
    ours = slovo.TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)
    theirs = SkTfidf(analyzer=analyzer, sublinear_tf=True)
    assert_same(ours, theirs, ours.fit_transform(docs), theirs.fit_transform(docs))


def test_default_analyzer_is_slovo_analyzer(docs):
    a = slovo.TfidfVectorizer().fit(docs[:50])
    b = slovo.TfidfVectorizer(analyzer=slovo.Analyzer()).fit(docs[:50])
    assert a.vocabulary_ == b.vocabulary_


def test_dtype_and_index_types(docs):
    x = slovo.TfidfVectorizer(dtype=np.float32).fit_transform(docs[:20])
    assert x.dtype == np.float32
    assert x.indices.dtype == x.indptr.dtype == np.int32
    x.check_format(full_check=True)
    assert x.has_sorted_indices


def test_fit_then_transform_equals_fit_transform(docs):
    v = slovo.TfidfVectorizer(ngram_range=(1, 2))
    assert (v.fit(docs).transform(docs) != v.fit_transform(docs)).nnz == 0


def test_pieces_equal_whole(docs):
    params = dict(ngram_range=(1, 2), min_df=2, max_df=0.8, sublinear_tf=True)
    whole = slovo.TfidfVectorizer(**params).fit_transform(docs)

    partial = slovo.TfidfVectorizer(**params)
    for i in range(0, len(docs), 64):
        partial.partial_fit(docs[i : i + 64])
    assert (partial.transform(docs) != whole).nnz == 0

    left = slovo.TfidfVectorizer(**params).partial_fit(docs[:70])
    right = slovo.TfidfVectorizer(**params).partial_fit(docs[70:])
    assert (left.merge(right).transform(docs) != whole).nnz == 0

    proto = slovo.TfidfVectorizer(**params)
    tables = [proto.count(docs[i : i + 50]) for i in range(0, len(docs), 50)]
    total = tables[0] + tables[1]
    total += tables[2]
    total.merge(tables[3])
    assert total.n_docs == len(docs)
    assert total == proto.count(docs)
    fitted = slovo.TfidfVectorizer.from_frequencies(total, **params)
    assert (fitted.transform(docs) != whole).nnz == 0
    assert fitted.frequencies_ == total


def test_frequencies_table(docs):
    table = slovo.TfidfVectorizer().count(docs[:10])
    items = table.items()
    assert len(items) == len(table) > 100
    term, df, n = max(items, key=lambda it: it[1])
    assert table.df(term) == df and table.total_count(term) == n and term in table
    assert slovo.DocumentFrequencies.from_bytes(table.to_bytes()) == table
    own = slovo.DocumentFrequencies()
    own.add_document(["кот", "кот", "пес"])
    assert (own.n_docs, own.df("кот"), own.total_count("кот")) == (1, 1, 2)


def test_not_fitted():
    v = slovo.TfidfVectorizer()
    for attr in ("vocabulary_", "idf_"):
        assert not hasattr(v, attr)
    with pytest.raises(slovo.NotFittedError):
        v.get_feature_names_out()
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    with pytest.raises(NotFittedError):
        check_is_fitted(v)
    check_is_fitted(v.fit(["кот спит"]))


def test_estimator_protocol():
    v = slovo.TfidfVectorizer(ngram_range=(1, 2), analyzer=slovo.Analyzer(min_chars=3))
    params = v.get_params()
    assert params["ngram_range"] == (1, 2) and params["min_df"] == 1
    c = clone(v)
    assert c is not v and c.get_params()["ngram_range"] == (1, 2)
    assert c.analyzer == v.analyzer and c.analyzer is not v.analyzer
    assert v.set_params(min_df=3) is v and v.min_df == 3
    with pytest.raises(ValueError, match="Invalid parameter"):
        v.set_params(no_such_option=True)
    assert "ngram_range=(1, 2)" in repr(v)


def labels(docs):
    # A learnable target: documents that talk about Russia's regions/government.
    return np.array([int("росси" in d.lower()) for d in docs])


def test_pipeline_and_grid_search_match_sklearn(docs, analyzer):
    y = labels(docs)
    assert 20 < y.sum() < len(y) - 20

    def pipeline(vectorizer):
        return Pipeline([("tfidf", vectorizer), ("clf", LogisticRegression(C=10.0, max_iter=1000))])

    ours = pipeline(slovo.TfidfVectorizer(analyzer=analyzer, min_df=2)).fit(docs[:150], y[:150])
    theirs = pipeline(sklearn_twin(analyzer, min_df=2)).fit(docs[:150], y[:150])
    np.testing.assert_allclose(
        ours.decision_function(docs[150:]), theirs.decision_function(docs[150:]), atol=1e-6
    )

    grid = {"tfidf__ngram_range": [(1, 1), (1, 2)], "tfidf__sublinear_tf": [False, True]}
    docs, y = docs[:120], y[:120]
    ours = GridSearchCV(pipeline(slovo.TfidfVectorizer(analyzer=analyzer)), grid, cv=3).fit(docs, y)
    theirs = GridSearchCV(pipeline(sklearn_twin(analyzer)), grid, cv=3).fit(docs, y)
    assert ours.best_params_ == theirs.best_params_
    np.testing.assert_allclose(
        ours.cv_results_["mean_test_score"], theirs.cv_results_["mean_test_score"], atol=1e-9
    )
