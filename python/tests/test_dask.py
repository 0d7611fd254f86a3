"""The map → merge → broadcast pattern on a real two-process Dask cluster."""
import json
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")

import slovo  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent.parent / "examples"))
import dask_tfidf  # noqa: E402

# The workers cannot import the examples directory: ship its functions by value.
cloudpickle.register_pickle_by_value(dask_tfidf)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def test_distributed_equals_single_process(client, docs, tmp_path):
    # Partitions of unequal sizes, written to files the workers read themselves.
    bounds = [0, 23, 90, 91, 150, 200]
    paths = []
    for i, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        path = tmp_path / f"part{i}.jsonl"
        path.write_text(
            "".join(json.dumps({"text": d}, ensure_ascii=False) + "\n" for d in docs[lo:hi]),
            encoding="utf-8",
        )
        paths.append(str(path))
    params = dict(ngram_range=(1, 2), min_df=2, max_df=0.9, sublinear_tf=True)

    vectorizer, matrix = dask_tfidf.distributed_fit_transform(client, paths, **params)

    single = slovo.TfidfVectorizer(**params)
    expected = single.fit_transform(docs)
    assert vectorizer.vocabulary_ == single.vocabulary_
    assert (vectorizer.idf_ == single.idf_).all()
    assert matrix.shape == expected.shape and matrix.nnz == expected.nnz > 0
    assert (matrix != expected).nnz == 0  # exactly equal, not just close
    # the work happened on both worker processes
    assert len(client.scheduler_info()["workers"]) == 2
