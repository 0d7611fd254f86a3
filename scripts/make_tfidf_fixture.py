#!/usr/bin/env python3
"""Build the scikit-learn parity fixture for slovo's TF-IDF tests.

Two steps, both reproducible:

1. ``--make-terms``: turn the first 200 documents of the shared OpenCorpora document file
   into term lists: lowercase, then split on anything that is not a letter (the regex
   ``[^\\W\\d_]+``: runs of Unicode letters; digits, punctuation and ``_`` separate terms),
   keep at most the first ``MAX_TERMS`` terms of each document so the fixture stays small.
   The terms only need to be realistic (Zipfian, repeated function words), not linguistically
   right — the Analyzer is tested elsewhere. Output: ``tests/data/tfidf/docs_terms.jsonl``.

2. (default) read ``docs_terms.jsonl`` and run scikit-learn's ``TfidfVectorizer`` with several
   option sets. Output: ``tests/data/tfidf/sklearn_fixture.json`` with, per option set, the
   options, the vocabulary (in column order), ``idf_`` (when ``use_idf``) and the CSR matrix
   of ``fit_transform`` (``indptr``, ``indices``, ``data``; indices sorted per row). A set whose
   vocabulary, ``indptr`` and ``indices`` equal an earlier set's names it in ``structure_of``
   instead of repeating them (and ``"idf": "same"`` when ``idf_`` is equal too). The n-gram
   sets use the first ``NGRAM_DOCS`` documents only (``n_docs`` in each set).

How terms reach scikit-learn: each term list is joined with single spaces and fed to
``analyzer="word", tokenizer=str.split, preprocessor=None, lowercase=False,
token_pattern=None``. Terms never contain whitespace, so ``str.split`` gives back exactly
the term list, and scikit-learn's own word path then applies ``stop_words`` and
``ngram_range`` (``_word_ngrams``: stop words removed first, n-grams joined with one space).
A callable ``analyzer`` would skip both, so it would not test our n-gram code.

Usage (from the repository root, in a venv with scikit-learn, numpy, scipy):
    python scripts/make_tfidf_fixture.py --make-terms \
        --corpus ../shared/data/corpus/opencorpora_docs.jsonl   # only to rebuild the terms
    python scripts/make_tfidf_fixture.py                        # rebuild the fixture
"""

import argparse
import json
import re
import sys
from pathlib import Path

N_DOCS = 200
MAX_TERMS = 30
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "tfidf"
TERMS = DATA / "docs_terms.jsonl"
FIXTURE = DATA / "sklearn_fixture.json"
LETTERS = re.compile(r"[^\W\d_]+")

# Frequent Russian function words, only to exercise stop-word removal before n-grams.
STOP_WORDS = ["в", "и", "на", "не", "с", "что", "по"]

# N-gram vocabularies are large; those sets use only the first NGRAM_DOCS documents.
NGRAM_DOCS = 100

# name -> TfidfVectorizer keyword arguments (scikit-learn spelling).
OPTION_SETS = {
    "defaults": {},
    "sublinear_no_smooth": {"sublinear_tf": True, "smooth_idf": False},
    "l1": {"norm": "l1"},
    "norm_none": {"norm": None},
    "no_idf": {"use_idf": False},
    "ngram_1_2": {"ngram_range": [1, 2]},
    "ngram_2_3_stop_words": {"ngram_range": [2, 3], "stop_words": STOP_WORDS},
    "min_df_2_max_df_0.5": {"min_df": 2, "max_df": 0.5},
    "max_features_43": {"max_features": 43},
}


def make_terms(corpus):
    with open(corpus, encoding="utf-8") as src, open(TERMS, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i == N_DOCS:
                break
            doc = json.loads(line)
            terms = LETTERS.findall(doc["text"].lower())[:MAX_TERMS]
            out.write(json.dumps({"id": doc["id"], "terms": terms}, ensure_ascii=False) + "\n")


def max_features_cut(docs, kwargs):
    """Describe ties at the max_features cut (scikit-learn's argsort there is unstable)."""
    from sklearn.feature_extraction.text import CountVectorizer

    counts = CountVectorizer(**common_args(), **{k: v for k, v in kwargs.items()
                                                if k in ("ngram_range", "stop_words")})
    X = counts.fit_transform(docs)
    totals = sorted(X.sum(axis=0).A1.tolist(), reverse=True)
    k = kwargs["max_features"]
    return {"count_at_cut": totals[k - 1], "count_after_cut": totals[k]}


def common_args():
    return dict(analyzer="word", tokenizer=str.split, preprocessor=None,
                lowercase=False, token_pattern=None)


def make_fixture():
    import numpy as np
    import sklearn
    from sklearn.feature_extraction.text import TfidfVectorizer

    with open(TERMS, encoding="utf-8") as f:
        term_lists = [json.loads(line)["terms"] for line in f]
    docs = [" ".join(terms) for terms in term_lists]
    assert all(t.split() == [t] for terms in term_lists for t in terms)

    sets = []
    first_of_shape = {}  # (vocabulary, indptr, indices) -> name of the first set with them
    for name, kwargs in OPTION_SETS.items():
        args = dict(kwargs)
        if "ngram_range" in args:
            args["ngram_range"] = tuple(args["ngram_range"])
        n_docs = NGRAM_DOCS if "ngram_range" in args else len(docs)
        vec = TfidfVectorizer(**common_args(), **args)
        X = vec.fit_transform(docs[:n_docs]).tocsr()
        X.sort_indices()
        vocab = [None] * len(vec.vocabulary_)
        for term, col in vec.vocabulary_.items():
            vocab[col] = term
        entry = {
            "name": name,
            "options": kwargs,
            "n_docs": n_docs,
            "vocabulary": vocab,
            "idf": vec.idf_.tolist() if vec.use_idf else None,
            "shape": list(X.shape),
            "indptr": X.indptr.tolist(),
            "indices": X.indices.tolist(),
            "data": X.data.tolist(),
        }
        # Sets that differ only in weighting share vocabulary and sparsity pattern:
        # store those once and point to them, to keep the fixture small.
        key = (tuple(vocab), tuple(entry["indptr"]), tuple(entry["indices"]))
        if key in first_of_shape:
            entry["structure_of"] = first_of_shape[key]
            del entry["vocabulary"], entry["indptr"], entry["indices"]
            first = next(e for e in sets if e["name"] == first_of_shape[key])
            if entry["idf"] is not None and entry["idf"] == first["idf"]:
                entry["idf"] = "same"
        else:
            first_of_shape[key] = name
        if "max_features" in kwargs:
            entry["ties"] = max_features_cut(docs, kwargs)
            assert entry["ties"]["count_at_cut"] > entry["ties"]["count_after_cut"], (
                "ties at the max_features cut: pick another max_features")
        sets.append(entry)

    fixture = {
        "generator": "scripts/make_tfidf_fixture.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "terms_file": "tests/data/tfidf/docs_terms.jsonl",
        "option_sets": sets,
    }
    with open(FIXTURE, "w", encoding="utf-8") as f:
        json.dump(fixture, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--make-terms", action="store_true",
                    help="rebuild docs_terms.jsonl from the OpenCorpora document file")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/data/corpus/opencorpora_docs.jsonl"))
    args = ap.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    if args.make_terms:
        make_terms(args.corpus)
    make_fixture()


if __name__ == "__main__":
    sys.exit(main())
