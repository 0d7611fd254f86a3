#!/usr/bin/env python3
"""Side by side: scikit-learn's TfidfVectorizer and slovo's `fit_transform` on one corpus.

scikit-learn gets an analyzer equivalent to slovo's default Russian one: lowercase, ё → е,
regex word tokens (letters, inner hyphens), the stop words of src/terms/data/stopwords_ru.txt
(spaCy's list), words of at least 2 characters, PyStemmer's Russian Snowball stemmer (the
same algorithm as slovo's). n-grams are scikit-learn's own (`tokenizer=`, so
`ngram_range` applies). slovo runs `examples/tfidf_corpus.rs` (release build).

Each measurement runs in its own process: best wall time of --repeat runs, MB/s of text
(10^6 bytes), and peak resident memory (ru_maxrss / VmHWM) of that process, whole and
above what it held after loading the corpus.

    python3 -m venv /work/wt/venv-tfidf2
    /work/wt/venv-tfidf2/bin/pip install scikit-learn PyStemmer numpy scipy
    cargo build --release --example tfidf_corpus
    /work/wt/venv-tfidf2/bin/python scripts/compare_tfidf_sklearn.py [CORPUS.jsonl] [--repeat 3]

CORPUS defaults to $SLOVO_BENCH_NEWS, else shared/data/corpus/opencorpora_docs.jsonl beside
the checkout (JSON lines with "text").
Prints a Markdown table.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOPWORDS = ROOT / "src" / "terms" / "data" / "stopwords_ru.txt"
EXAMPLE = ROOT / "target" / "release" / "examples" / "tfidf_corpus"
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def default_corpus():
    """$SLOVO_BENCH_NEWS, else shared/data/corpus/opencorpora_docs.jsonl beside the checkout
    (or beside the folder holding it), as benches/common/mod.rs looks for it."""
    if os.environ.get("SLOVO_BENCH_NEWS"):
        return os.environ["SLOVO_BENCH_NEWS"]
    for parent in list(ROOT.parents)[:3]:
        path = parent / "shared/data/corpus/opencorpora_docs.jsonl"
        if path.exists():
            return str(path)
    return str(ROOT.parent / "shared/data/corpus/opencorpora_docs.jsonl")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def stop_words():
    words = set()
    for line in STOPWORDS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
    return words


def make_tokenizer():
    import Stemmer

    stemmer = Stemmer.Stemmer("russian")
    stop = stop_words()

    def tokenize(text):
        words = WORD.findall(text.lower().replace("ё", "е"))
        return stemmer.stemWords([w for w in words if len(w) >= 2 and w not in stop])

    return tokenize


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sklearn_child(corpus, ngram, repeat):
    """Runs in a subprocess: one scikit-learn measurement, printed as JSON."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = load(corpus)
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    before = rss_mb()
    best = float("inf")
    for _ in range(repeat):
        vectorizer = TfidfVectorizer(
            tokenizer=make_tokenizer(),
            token_pattern=None,
            lowercase=False,
            ngram_range=ngram,
        )
        start = time.perf_counter()
        matrix = vectorizer.fit_transform(docs)
        best = min(best, time.perf_counter() - start)
        shape = (matrix.shape[1], matrix.nnz)
        del vectorizer, matrix
    print(json.dumps({
        "tool": "scikit-learn", "ngram_range": list(ngram), "docs": len(docs),
        "bytes": nbytes, "seconds": best, "mb_per_s": nbytes / best / 1e6,
        "vocabulary": shape[0], "nnz": shape[1],
        "rss_after_load_mb": before, "peak_rss_mb": rss_mb(),
    }))


def run_sklearn(corpus, ngram, repeat):
    out = subprocess.run(
        [sys.executable, __file__, corpus, "--child", f"{ngram[0]},{ngram[1]}",
         "--repeat", str(repeat)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_slovo(corpus, ngram, repeat, parallel):
    cmd = [str(EXAMPLE), corpus, "--ngram-range", f"{ngram[0]},{ngram[1]}",
           "--repeat", str(repeat)]
    if not parallel:
        cmd.append("--sequential")
    env = dict(os.environ)
    if not parallel:
        env["RAYON_NUM_THREADS"] = "1"
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=default_corpus())
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        lo, hi = args.child.split(",")
        sklearn_child(args.corpus, (int(lo), int(hi)), args.repeat)
        return
    if not EXAMPLE.exists():
        sys.exit(f"build the example first: cargo build --release --example tfidf_corpus ({EXAMPLE})")
    print("| ngram_range | tool | threads | vocabulary | nnz | seconds | MB/s | × sklearn | peak RSS MB | peak above loaded corpus MB |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for ngram in [(1, 1), (1, 2)]:
        sk = run_sklearn(args.corpus, ngram, args.repeat)
        rows = [(sk, "1")]
        for parallel in (False, True):
            rows.append((run_slovo(args.corpus, ngram, args.repeat, parallel),
                         "2 (rayon)" if parallel else "1"))
        for r, threads in rows:
            print(f"| ({ngram[0]},{ngram[1]}) | {r['tool']} | {threads} | {r['vocabulary']} | {r['nnz']} "
                  f"| {r['seconds']:.3f} | {r['mb_per_s']:.1f} | {r['mb_per_s'] / sk['mb_per_s']:.1f} "
                  f"| {r['peak_rss_mb']:.0f} | {r['peak_rss_mb'] - r['rss_after_load_mb']:.0f} |",
                  flush=True)


if __name__ == "__main__":
    main()
