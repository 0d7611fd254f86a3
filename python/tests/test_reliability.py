"""Reliability under fork, threads, memory limits and hostile parameters (issue 14)."""

import multiprocessing as mp
import pickle
import subprocess
import sys
import textwrap
import threading

import numpy as np
import pytest

import slovo


def _docs():
    words = "кот пёс дом лес река гора поле город море небо".split()
    return [" ".join(words[(i * 7 + j) % len(words)] for j in range(12)) for i in range(600)]


def _child_work(_=None):
    docs = _docs()
    slovo.tokenize_many(docs)
    slovo.detect_many(docs)
    vectorizer = slovo.TfidfVectorizer().fit(docs)
    return vectorizer.transform(docs).shape


@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_a_child_process_runs_parallel_calls_after_the_parent_did(method):
    if method not in mp.get_all_start_methods():
        pytest.skip(f"no {method} here")
    # The parent makes parallel calls first: rayon's pool exists when the child forks.
    expected = _child_work()
    with mp.get_context(method).Pool(1) as pool:
        assert pool.apply_async(_child_work).get(timeout=60) == expected


def test_tokenize_out_of_memory_raises_memory_error_and_the_interpreter_survives():
    script = textwrap.dedent(
        """
        import resource, slovo
        text = "а " * 20_000_000          # 20M tokens: ~340 MB of spans
        slovo.tokenize("warm up")
        size = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
        limit = size + 200 * 2**20         # room for the UTF-8 copy, not for the spans
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            slovo.tokenize(text)
        except MemoryError:
            print("MemoryError")
        print("alive", len(slovo.tokenize("кот спит")))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["MemoryError", "alive", "2"], out.stdout + out.stderr


def test_one_vectorizer_from_eight_threads_matches_sequential_use():
    docs = _docs()
    expected = slovo.TfidfVectorizer().partial_fit(docs[:300]).partial_fit(docs[300:])
    expected_rows = expected.transform(docs[:50]).toarray()
    expected_vocabulary = expected.vocabulary_

    shared = slovo.TfidfVectorizer().partial_fit(docs[:300])
    errors, results = [], []
    barrier = threading.Barrier(8)

    def work(i):
        try:
            barrier.wait()
            if i == 0:
                shared.partial_fit(docs[300:])
            for _ in range(5):
                rows = shared.transform(docs[:50]).toarray()
                vocabulary = shared.vocabulary_
                results.append((rows, vocabulary))
        except Exception as e:  # noqa: BLE001 - every exception is a failure
            errors.append(repr(e))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    # Every result is the model before or after the second partial_fit, consistently.
    before = slovo.TfidfVectorizer().partial_fit(docs[:300])
    states = [
        (expected_rows, expected_vocabulary),
        (before.transform(docs[:50]).toarray(), before.vocabulary_),
    ]
    for rows, vocabulary in results:
        assert any(
            rows.shape == r.shape and np.allclose(rows, r) and vocabulary == v for r, v in states
        )
    assert np.allclose(shared.transform(docs[:50]).toarray(), expected_rows)
    assert shared.vocabulary_ == expected_vocabulary


def test_pickling_after_partial_fit_before_first_use_round_trips():
    docs = _docs()
    vectorizer = slovo.TfidfVectorizer().partial_fit(docs)
    restored = pickle.loads(pickle.dumps(vectorizer))
    rows = restored.transform(docs[:5])
    assert rows.shape[1] > 0
    assert np.allclose(rows.toarray(), vectorizer.transform(docs[:5]).toarray())


def test_merge_refuses_different_settings():
    docs = _docs()
    left = slovo.TfidfVectorizer(ngram_range=(1, 2)).partial_fit(docs[:300])
    right = slovo.TfidfVectorizer().partial_fit(docs[300:])
    with pytest.raises(ValueError, match="ngram_range"):
        left.merge(right)


def test_transform_work_does_not_follow_a_huge_ngram_range():
    # A vocabulary of one word: transform forms unigrams only, whatever ngram_range says
    # (the work is checked in the Rust test; here the result and a generous bound).
    vectorizer = slovo.TfidfVectorizer(ngram_range=(1, 10**9)).fit(["кот"])
    restored = pickle.loads(pickle.dumps(vectorizer))
    doc = " ".join(["кот", "пёс", "дом"] * 1000)
    for v in (vectorizer, restored):
        row = v.transform([doc])
        assert row.shape == (1, 1) and row.nnz == 1


@pytest.mark.parametrize("analyzer", [None, "word", "char", "char_wb"])
def test_hashing_refuses_a_huge_ngram_range_also_from_a_pickle(analyzer):
    # No vocabulary bounds a HashingVectorizer's n-grams: (1, 10**9) made transform cubic
    # in the document. It is refused at transform, however the vectorizer was made.
    doc = " ".join(["кот", "пёс", "дом"] * 1000)
    huge = slovo.HashingVectorizer(analyzer=analyzer, ngram_range=(1, 10**9))
    bounded = slovo.HashingVectorizer(analyzer=analyzer, ngram_range=(1, 2))
    crafted = pickle.loads(pickle.dumps(bounded))
    crafted.__dict__["ngram_range"] = (1, 10**9)
    for vectorizer in (huge, pickle.loads(pickle.dumps(crafted))):
        with pytest.raises(ValueError, match="at most 64"):
            vectorizer.transform([doc])
    longest = slovo.HashingVectorizer(analyzer=analyzer, ngram_range=(1, 64), n_features=2**10)
    assert longest.transform([doc]).shape == (1, 2**10)


def test_huge_document_frequencies_overflow_with_an_error():
    table = slovo.DocumentFrequencies()
    table.add_document(["кот"])
    doubled = table
    for _ in range(60):
        try:
            doubled = doubled + doubled
        except OverflowError as err:
            assert "2^53" in str(err)
            break
    else:
        pytest.fail("counts passed 2^53 without an error")
    assert doubled.n_docs <= 2**53
    restored = pickle.loads(pickle.dumps(doubled))
    assert restored == doubled
    vectorizer = slovo.TfidfVectorizer().fit_frequencies(doubled)
    assert np.isfinite(vectorizer.idf_).all()
