"""TF-IDF over a corpus split into files, with Dask: map → merge → broadcast.

Each worker reads its own partition (the client only sends file paths), counts document
frequencies with `TfidfVectorizer.count`, the tables are merged in a tree, the vectorizer is
fitted once on the sum and broadcast, and every partition is transformed where it lives.
The stacked result equals a single-process `fit_transform` exactly.

    python examples/dask_tfidf.py [FILE.jsonl ...]   # default: the test fixture, split in 4
"""
from __future__ import annotations

import json
import operator
import sys
import tempfile
from pathlib import Path
from typing import Any

import scipy.sparse as sp

import slovo


def read_partition(path: str) -> list[str]:
    """One document per line: a JSON object with a "text" field."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def count_partition(path: str, vectorizer: slovo.TfidfVectorizer) -> slovo.DocumentFrequencies:
    return vectorizer.count(read_partition(path))


def transform_partition(path: str, vectorizer: slovo.TfidfVectorizer) -> sp.csr_matrix:
    return vectorizer.transform(read_partition(path))


def tree_merge(client: Any, futures: list[Any]) -> Any:
    """Pairwise merge on the workers (`DocumentFrequencies.__add__`), like Spark's treeReduce."""
    while len(futures) > 1:
        pairs = [
            client.submit(operator.add, futures[i], futures[i + 1])
            for i in range(0, len(futures) - 1, 2)
        ]
        futures = pairs + futures[len(futures) - len(futures) % 2 :]
    return futures[0]


def distributed_fit_transform(
    client: Any, paths: list[str], **params: Any
) -> tuple[slovo.TfidfVectorizer, sp.csr_matrix]:
    vectorizer = slovo.TfidfVectorizer(**params)  # unfitted: carries options + analyzer
    counts = client.map(count_partition, paths, vectorizer=vectorizer)
    vectorizer.fit_frequencies(tree_merge(client, counts).result())
    shared = client.scatter(vectorizer, broadcast=True)
    parts = client.gather(client.map(transform_partition, paths, vectorizer=shared))
    return vectorizer, sp.csr_matrix(sp.vstack(parts, format="csr"))


def main(argv: list[str]) -> None:
    from distributed import Client, LocalCluster

    paths = argv
    if not paths:
        fixture = Path(__file__).parent.parent / "tests" / "data" / "opencorpora_200.jsonl"
        lines = fixture.read_text(encoding="utf-8").splitlines(keepends=True)
        tmp = Path(tempfile.mkdtemp())
        for i in range(4):
            (tmp / f"part{i}.jsonl").write_text("".join(lines[i::4]), encoding="utf-8")
        paths = [str(tmp / f"part{i}.jsonl") for i in range(4)]
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, processes=True, host="127.0.0.1", dashboard_address=None
    )
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        vectorizer, matrix = distributed_fit_transform(client, paths, ngram_range=(1, 2), min_df=2)
    print(f"{matrix.shape[0]} documents × {matrix.shape[1]} features, {matrix.nnz} non-zeros")
    single = slovo.TfidfVectorizer(ngram_range=(1, 2), min_df=2).fit_transform(
        [d for p in paths for d in read_partition(p)]
    )
    print("equal to single-process fit_transform:", (single - matrix).count_nonzero() == 0)


if __name__ == "__main__":
    main(sys.argv[1:])
