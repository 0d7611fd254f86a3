"""slovo's Python API against the Python tools people use today, on the same inputs.

    pip install ./python razdel PyStemmer scikit-learn
    python python/bench/compare.py              # all cores
    RAYON_NUM_THREADS=1 python python/bench/compare.py   # slovo on one thread

Inputs (as the Rust benches): War and Peace (`Tolstoi_VoynaIMir1..4.txt` concatenated) from
`$SLOVO_BENCH_TEXT` (a file or the classics folder), else `shared/data/corpus/classics/`
beside the checkout or beside its parent folder; the OpenCorpora documents from
`$SLOVO_BENCH_NEWS`, else `shared/data/corpus/opencorpora_docs.jsonl` likewise.

Each row times the same work on the same input: best of `--repeat` runs (slow baselines run
once). Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

import slovo

ROOT = Path(__file__).resolve().parents[2]


def shared(rel: str) -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared" / "data" / rel
        if path.exists():
            return path
    return None


def war_and_peace() -> str:
    env = os.environ.get("SLOVO_BENCH_TEXT")
    location = Path(env) if env else shared("corpus/classics")
    if location is None:
        sys.exit("War and Peace not found: set SLOVO_BENCH_TEXT to the classics folder or a file")
    if location.is_file():
        return location.read_text(encoding="utf-8")
    return "".join(
        (location / f"Tolstoi_VoynaIMir{i}.txt").read_text(encoding="utf-8") for i in range(1, 5)
    )


def news() -> list[str]:
    env = os.environ.get("SLOVO_BENCH_NEWS")
    path = Path(env) if env else shared("corpus/opencorpora_docs.jsonl")
    if path is None:
        sys.exit("OpenCorpora documents not found: set SLOVO_BENCH_NEWS")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def row(rows, task, unit, n, ours_name, ours_s, theirs_name, theirs_s):
    rows.append(
        f"| {task} | {ours_name} | {n / ours_s / 1e6:.2f} M {unit}/s ({ours_s:.3f} s) "
        f"| {theirs_name} | {n / theirs_s / 1e6:.3f} M {unit}/s ({theirs_s:.3f} s) "
        f"| **{theirs_s / ours_s:.1f}×** |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[str] = []

    text = war_and_peace()
    chars = len(text)

    # 1. Tokenization: token objects with offsets, whole text.
    import razdel

    tokens = slovo.tokenize(text)
    ours = best(lambda: slovo.tokenize(text), args.repeat)
    theirs = best(lambda: list(razdel.tokenize(text)), 1)
    row(rows, f"tokenize War and Peace ({chars / 1e6:.1f} M chars, {len(tokens) / 1e6:.2f} M tokens)",
        "chars", chars, "`slovo.tokenize`", ours, "`razdel.tokenize`", theirs)

    # 2. Stemming the words of the text, lowercased beforehand (PyStemmer does not fold case).
    import Stemmer

    words = [t.text.lower() for t in tokens if t.kind == "word"]
    py_stemmer = Stemmer.Stemmer("russian")
    ours = best(lambda: slovo.stem_many(words), args.repeat)
    theirs = best(lambda: py_stemmer.stemWords(words), args.repeat)
    row(rows, f"stem {len(words) / 1e6:.2f} M words of War and Peace", "words", len(words),
        "`slovo.stem_many`", ours, "PyStemmer `stemWords`", theirs)

    # 3. TF-IDF on the OpenCorpora documents: the same pipeline in both (tokenize, lowercase,
    #    ё → е, Russian stop words, Snowball stem), scikit-learn's fed by a Python analyzer.
    from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf

    docs = news()
    n_bytes = sum(len(d.encode()) for d in docs)
    stop = set(slovo.StopWords.russian())
    word = re.compile(r"\w+(?:-\w+)*")

    def py_analyzer(doc: str) -> list[str]:
        tokens = [w for w in word.findall(doc.lower().replace("ё", "е")) if len(w) >= 2 and w not in stop]
        return py_stemmer.stemWords(tokens)

    for ngram_range in ((1, 1), (1, 2)):
        ours = best(lambda: slovo.TfidfVectorizer(ngram_range=ngram_range).fit_transform(docs), args.repeat)
        theirs = best(lambda: SkTfidf(analyzer=py_analyzer if ngram_range == (1, 1) else "word",
                                      tokenizer=None if ngram_range == (1, 1) else py_analyzer,
                                      lowercase=False, token_pattern=None,
                                      ngram_range=ngram_range).fit_transform(docs), 1)
        row(rows, f"TF-IDF fit_transform, {len(docs)} news docs ({n_bytes / 1e6:.1f} MB), ngram_range={ngram_range}",
            "bytes", n_bytes, "`slovo.TfidfVectorizer`", ours, "scikit-learn + Python analyzer", theirs)

    threads = os.environ.get("RAYON_NUM_THREADS", f"all ({os.cpu_count()})")
    print(f"slovo {slovo.__version__}, Python {sys.version.split()[0]}, slovo threads: {threads}\n")
    print("| task | slovo | speed | baseline | speed | ratio |")
    print("|---|---|---:|---|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
