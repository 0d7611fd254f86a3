"""slovo's Python API against the Python tools people use today, on the same inputs.

    pip install ./python razdel PyStemmer scikit-learn lingua-language-detector langdetect \
        pymorphy3 pymorphy3-dicts-ru DAWG2   # DAWG2: pymorphy3's C extension (its "fast" extra)
    python python/bench/compare.py              # all cores
    RAYON_NUM_THREADS=1 python python/bench/compare.py   # slovo on one thread
    python python/bench/compare.py --only tokenize,langid   # some sections only

Inputs (as the Rust benches): War and Peace (`Tolstoi_VoynaIMir1..4.txt` concatenated) from
`$SLOVO_BENCH_TEXT` (a file or the classics folder), else `shared/data/corpus/classics/`
beside the checkout or beside its parent folder; the OpenCorpora documents from
`$SLOVO_BENCH_NEWS`, else `shared/data/corpus/opencorpora_docs.jsonl` likewise; the
language-identification items from `$SLOVO_BENCH_LANGID`, else
`shared/data/langid/dev.jsonl` likewise (a section whose data or baseline package is
missing is skipped with a message).

Each row times the same work on the same input: best of `--repeat` runs (razdel, lingua and
langdetect, which take seconds, run once). Repeated runs find slovo's per-thread caches warm
(stemmer, TF-IDF word-form memo) and CPython's UTF-8 copy of each `str` made, as a program
that refits the same documents would (a parameter search, cross-validation): for TF-IDF that
is the best case. Two more TF-IDF rows time one fit per new interpreter, each side alike,
taking turns (`--repeat` processes each, best taken): the first fit of a process, and a fit
of the second half of the corpus after one of the first half (caches warm from similar text,
not the same documents). Prints a Markdown table.

The `lemmatize` section (`--only lemmatize`) takes the first 100,000 word tokens of the news
documents, as written (what the Rust morph bench uses), and times `--repeat` runs of each
side, printing the median: `slovo.lemma_many` on the tokens, `slovo.lemmatize_many` on the
documents that hold them (tokenizing included), and pymorphy3's
`MorphAnalyzer().parse(w)[0].normal_form` for each token (which DAWG implementation it runs
on is printed). slovo's first call of the process (cold per-thread caches) is printed too.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
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


def langid_items() -> list[dict] | None:
    env = os.environ.get("SLOVO_BENCH_LANGID")
    path = Path(env) if env else shared("langid/dev.jsonl")
    if path is None or not path.exists():
        return None
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


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
    parser.add_argument("--only", help="comma-separated sections: tokenize,stem,tfidf,langid,"
                        "lemmatize "
                        "(tfidf-sk: only the TF-IDF rows with scikit-learn's analyzer)")
    parser.add_argument("--langid-limit", type=int, default=None,
                        help="use only the first N items per (language, kind) of the langid data")
    parser.add_argument("--single-fit", choices=["slovo", "sklearn", "slovo-sk", "sklearn-sk"],
                        help=argparse.SUPPRESS)
    parser.add_argument("--ngram-range", default="1,1", help=argparse.SUPPRESS)
    parser.add_argument("--warm-up", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single_fit:
        low, high = (int(n) for n in args.ngram_range.split(","))
        single_fit(args.single_fit, (low, high), args.warm_up)
        return
    rows: list[str] = []

    sections = set(args.only.split(",")) if args.only else {"tokenize", "stem", "tfidf", "langid", "lemmatize"}
    notes: list[str] = []
    langid_table: list[str] = []

    # Lemmas first, so slovo's first call finds its caches cold.
    if "lemmatize" in sections:
        lemmatize_rows(rows, notes, args.repeat)

    if sections & {"tokenize", "stem"}:
        text = war_and_peace()
        chars = len(text)
        tokens = slovo.tokenize(text)

    # 1. Tokenization, whole text. razdel gives a list of Substring objects; slovo gives a
    #    lazy `Tokens` sequence (offset and kind arrays; a `Token` made when read), so it is
    #    timed twice: the sequence alone, and the sequence plus every `Token` made (list()).
    if "tokenize" in sections:
        try:
            import razdel
        except ImportError:
            notes.append("tokenize: razdel is not installed, skipped")
        else:
            view = best(lambda: slovo.tokenize(text), args.repeat)
            full = best(lambda: list(slovo.tokenize(text)), args.repeat)
            theirs = best(lambda: list(razdel.tokenize(text)), 1)
            what = f"tokenize War and Peace ({chars / 1e6:.1f} M chars, {len(tokens) / 1e6:.2f} M tokens)"
            row(rows, what, "chars", chars, "`slovo.tokenize` (Tokens sequence)", view,
                "`list(razdel.tokenize)`", theirs)
            row(rows, what, "chars", chars, "`list(slovo.tokenize)` (every Token made)", full,
                "`list(razdel.tokenize)`", theirs)

    # 2. Stemming the words of the text, lowercased beforehand (PyStemmer does not fold case).
    try:
        import Stemmer
    except ImportError:
        Stemmer = None
        notes.append("stem, tfidf: PyStemmer is not installed, skipped")
    if "stem" in sections and Stemmer is not None:
        stem_rows(rows, tokens, Stemmer, args.repeat)
    if "tfidf" in sections and Stemmer is not None:
        tfidf_rows(rows, Stemmer, args.repeat)
    if sections & {"tfidf", "tfidf-sk"}:
        sklearn_style_rows(rows, notes, args.repeat)
    if "langid" in sections:
        langid_rows(langid_table, notes, args.langid_limit, args.repeat)

    threads = os.environ.get("RAYON_NUM_THREADS", f"all ({os.cpu_count()})")
    print(f"slovo {slovo.__version__}, Python {sys.version.split()[0]}, slovo threads: {threads}, "
          f"load average {os.getloadavg()[0]:.1f}\n")
    if rows:
        print("| task | slovo | speed | baseline | speed | ratio |")
        print("|---|---|---:|---|---:|---:|")
        print("\n".join(rows))
    if langid_table:
        print()
        print("\n".join(langid_table))
    for note in notes:
        print(f"\nnote: {note}")


def median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def lemmatize_rows(rows, notes, repeat) -> None:
    try:
        import pymorphy3
    except ImportError:
        notes.append("lemmatize: pymorphy3 is not installed, skipped")
        return
    limit = 100_000
    docs: list[str] = []
    words: list[str] = []
    for doc in news():
        tokens = [t for t in slovo.tokenize(doc) if t.kind == "word"]
        room = limit - len(words)
        if len(tokens) >= room:
            # The documents hold exactly the tokens timed: the last one is cut after them.
            words.extend(t.text for t in tokens[:room])
            if room:
                docs.append(doc[: tokens[room - 1].end])
            break
        words.extend(t.text for t in tokens)
        docs.append(doc)
    if len(words) < limit:
        notes.append("lemmatize: fewer than 100,000 news tokens, skipped")
        return
    assert sum(len(x) for x in slovo.lemmatize_many(docs)) == limit

    start = time.perf_counter()
    first = slovo.lemma_many(words)
    cold = time.perf_counter() - start
    ours_words = median(lambda: slovo.lemma_many(words), repeat)
    ours_docs = median(lambda: slovo.lemmatize_many(docs), repeat)
    morph = pymorphy3.MorphAnalyzer()
    # `dawg` is the C extension (DAWG2), `dawg_python` the pure-Python fallback.
    dawg = type(morph.dictionary.words).__mro__[1].__module__
    theirs_lemmas = [morph.parse(w)[0].normal_form for w in words]
    theirs = median(lambda: [morph.parse(w)[0].normal_form for w in words], repeat)
    agree = sum(a.replace("ё", "е") == b.replace("ё", "е") for a, b in zip(first, theirs_lemmas))
    what = f"lemmas of {limit:,} news tokens ({len(set(words)):,} distinct)"
    base = f"pymorphy3 `parse(w)[0].normal_form` ({dawg})"
    row(rows, what, "words", limit, "`slovo.lemma_many` (tokens), median", ours_words, base, theirs)
    row(rows, what, "words", limit, "`slovo.lemmatize_many` (documents, tokenizing), median",
        ours_docs, base, theirs)
    row(rows, what, "words", limit, "`slovo.lemma_many`, first call (cold caches)", cold,
        base, theirs)
    notes.append(f"lemmatize: slovo and pymorphy3 give the same lemma (ё = е) for "
                 f"{agree / limit:.1%} of the tokens")


def stem_rows(rows, tokens, Stemmer, repeat) -> None:
    words = [w.lower() for w, k in zip(tokens.texts(), tokens.kinds()) if k == "word"]
    py_stemmer = Stemmer.Stemmer("russian")
    ours = best(lambda: slovo.stem_many(words), repeat)
    theirs = best(lambda: py_stemmer.stemWords(words), repeat)
    row(rows, f"stem {len(words) / 1e6:.2f} M words of War and Peace", "words", len(words),
        "`slovo.stem_many`", ours, "PyStemmer `stemWords`", theirs)


def tfidf_fit(which: str, ngram_range: tuple[int, int], Stemmer):
    """A function that runs one `fit_transform` of `which` ("slovo" or "sklearn")."""
    # 3. TF-IDF on the OpenCorpora documents: the same pipeline in both (tokenize, lowercase,
    #    ё → е, Russian stop words, Snowball stem), scikit-learn's fed by a Python analyzer.
    from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf

    # scikit-learn's own analyzer on both sides (default token_pattern, lowercase, no stop
    # words, no stemming): the drop-in case, same matrix.
    if which == "slovo-sk":
        return lambda docs: slovo.TfidfVectorizer(
            analyzer="word", stop_words=None, ngram_range=ngram_range).fit_transform(docs)
    if which == "sklearn-sk":
        return lambda docs: SkTfidf(ngram_range=ngram_range).fit_transform(docs)
    if which == "slovo":
        return lambda docs: slovo.TfidfVectorizer(ngram_range=ngram_range).fit_transform(docs)
    py_stemmer = Stemmer.Stemmer("russian")
    stop = set(slovo.StopWords.russian())
    word = re.compile(r"\w+(?:-\w+)*")

    def py_analyzer(doc: str) -> list[str]:
        tokens = [w for w in word.findall(doc.lower().replace("ё", "е")) if len(w) >= 2 and w not in stop]
        return py_stemmer.stemWords(tokens)

    if ngram_range == (1, 1):
        return lambda docs: SkTfidf(analyzer=py_analyzer).fit_transform(docs)
    return lambda docs: SkTfidf(tokenizer=py_analyzer, lowercase=False, token_pattern=None,
                                ngram_range=ngram_range).fit_transform(docs)


def fit_in_new_process(which: str, ngram_range: tuple[int, int], warm_up: bool) -> float:
    """One timed `fit_transform` in a new Python process (`--single-fit`). Without `warm_up`
    it is the process's first fit: nothing is cached yet, neither slovo's stemmer cache and
    word-form memo nor CPython's UTF-8 copies of the documents, nor PyStemmer's cache. With
    `warm_up` the process first fits the first half of the corpus (untimed) and the timed
    fit is of the other half: caches warm from similar text, not from the same documents.
    Imports and reading the corpus are not timed."""
    import subprocess

    command = [sys.executable, __file__, "--single-fit", which, "--ngram-range", "%d,%d" % ngram_range]
    if warm_up:
        command.append("--warm-up")
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-2])


def cpu_fit_in_new_process(which: str, ngram_range: tuple[int, int]) -> float:
    """CPU seconds (all threads) of the first fit of a new process: less disturbed than
    wall time by other work on a busy machine."""
    import subprocess

    command = [sys.executable, __file__, "--single-fit", which, "--ngram-range", "%d,%d" % ngram_range]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


def single_fit(which: str, ngram_range: tuple[int, int], warm_up: bool) -> None:
    """The child side of `fit_in_new_process`: prints the seconds of one timed fit."""
    Stemmer = None if which.endswith("-sk") else __import__("Stemmer")

    docs = news()
    fit = tfidf_fit(which, ngram_range, Stemmer)
    if warm_up:
        half = len(docs) // 2
        fit(docs[:half])
        docs = docs[half:]
    start, cpu = time.perf_counter(), time.process_time()
    fit(docs)
    print(time.perf_counter() - start, time.process_time() - cpu)


def tfidf_rows(rows, Stemmer, repeat) -> None:
    docs = news()
    n_bytes = sum(len(d.encode()) for d in docs)
    what = f"TF-IDF fit_transform, {len(docs)} news docs ({n_bytes / 1e6:.1f} MB)"
    for ngram_range in ((1, 1), (1, 2)):
        ours_fit = tfidf_fit("slovo", ngram_range, Stemmer)
        theirs_fit = tfidf_fit("sklearn", ngram_range, Stemmer)
        ours = best(lambda: ours_fit(docs), repeat)
        theirs = best(lambda: theirs_fit(docs), repeat)
        row(rows, f"{what}, ngram_range={ngram_range}", "bytes", n_bytes,
            "`slovo.TfidfVectorizer`", ours, "scikit-learn + Python analyzer", theirs)
    # The same fit in new processes, both sides alike and taking turns: the process's first
    # fit, and a fit of the second half of the corpus after one of the first half.
    half_bytes = sum(len(d.encode()) for d in docs[len(docs) // 2:])
    for warm_up, label, n in ((False, "first fit in a new process", n_bytes),
                              (True, "second half after fitting the first half, new process",
                               half_bytes)):
        times = {"slovo": [], "sklearn": []}
        for _ in range(repeat):
            for which in times:
                times[which].append(fit_in_new_process(which, (1, 1), warm_up))
        row(rows, f"{what}, ngram_range=(1, 1), {label}", "bytes", n,
            "`slovo.TfidfVectorizer`", min(times["slovo"]), "scikit-learn + Python analyzer",
            min(times["sklearn"]))


def sklearn_style_rows(rows, notes, repeat) -> None:
    """slovo.TfidfVectorizer with scikit-learn's analyzer (analyzer="word", stop_words=None:
    default token_pattern, lowercase, no stemming) against scikit-learn's TfidfVectorizer()
    on the news documents: the matrices must agree to 1e-12 (checked here, the parity line is
    printed under the table), then warm fits and the first fit of a new process."""
    try:
        import scipy.sparse  # noqa: F401
        from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: F401
    except ImportError:
        notes.append("tfidf (scikit-learn analyzer): scikit-learn is not installed, skipped")
        return
    import numpy as np

    docs = news()
    n_bytes = sum(len(d.encode()) for d in docs)
    what = f"TF-IDF fit_transform, {len(docs)} news docs ({n_bytes / 1e6:.1f} MB), scikit-learn's analyzer"
    for ngram_range in ((1, 1), (1, 2)):
        ours_fit = tfidf_fit("slovo-sk", ngram_range, None)
        theirs_fit = tfidf_fit("sklearn-sk", ngram_range, None)
        x, y = ours_fit(docs), theirs_fit(docs)
        diff = abs(x - y).max() if x.shape == y.shape else float("inf")
        notes.append(f"parity, ngram_range={ngram_range}: shapes {x.shape} / {y.shape}, "
                     f"max |slovo - scikit-learn| = {diff:.1e}")
        if not np.isfinite(diff) or diff > 1e-12:
            notes.append("PARITY FAILED")
        ours = best(lambda: ours_fit(docs), repeat)
        theirs = best(lambda: theirs_fit(docs), repeat)
        row(rows, f"{what}, ngram_range={ngram_range}", "bytes", n_bytes,
            '`slovo.TfidfVectorizer(analyzer="word", stop_words=None)`', ours,
            "`sklearn TfidfVectorizer()`", theirs)
    times = {"slovo-sk": [], "sklearn-sk": []}
    for _ in range(repeat):
        for which in times:
            times[which].append(fit_in_new_process(which, (1, 1), False))
    row(rows, f"{what}, ngram_range=(1, 1), first fit in a new process", "bytes", n_bytes,
        '`slovo.TfidfVectorizer(analyzer="word", stop_words=None)`', min(times["slovo-sk"]),
        "`sklearn TfidfVectorizer()`", min(times["sklearn-sk"]))
    cpu = {"slovo-sk": [], "sklearn-sk": []}
    for _ in range(repeat):
        for which in cpu:
            cpu[which].append(cpu_fit_in_new_process(which, (1, 1)))
    ours, theirs = min(cpu["slovo-sk"]), min(cpu["sklearn-sk"])
    notes.append(f"first fit in a new process, scikit-learn's analyzer, CPU time of all threads "
                 f"(best of {repeat}): slovo {ours:.3f} s, scikit-learn {theirs:.3f} s, "
                 f"{theirs / ours:.1f}×")


CYRILLIC = ["ru", "uk", "be", "bg", "mk", "sr", "kk", "mn"]
LATIN = ["en", "de", "pl", "cs", "tr"]


def langid_rows(table, notes, limit, repeat) -> None:
    """slovo.detect vs lingua and langdetect: throughput on the sentences, accuracy on the
    sentences and on the word pairs, over all 13 languages of the data and over its 8
    Cyrillic ones. slovo and lingua are restricted to the 13 languages of the data (slovo
    also unrestricted); langdetect cannot be restricted (55 languages)."""
    items = langid_items()
    if items is None:
        notes.append("langid: shared/data/langid/dev.jsonl not found (set SLOVO_BENCH_LANGID), skipped")
        return
    langs = CYRILLIC + LATIN
    by_kind: dict[str, list[dict]] = {"sentences": [], "word-pairs": []}
    seen: dict[tuple[str, str], int] = {}
    for item in items:
        key = (item["lang"], item["kind"])
        if item["kind"] in by_kind and item["lang"] in langs:
            seen[key] = seen.get(key, 0) + 1
            if limit is None or seen[key] <= limit:
                by_kind[item["kind"]].append(item)

    systems = []  # (name, languages, batch?, fn(list[str]) -> list[str])
    systems.append(("`slovo.detect` (loop)", "13 of the data", lambda ts: [slovo.detect(t, langs).lang for t in ts]))
    systems.append(("`slovo.detect_many`", "13 of the data", lambda ts: [d.lang for d in slovo.detect_many(ts, langs)]))
    systems.append(("`slovo.detect_many`", "all slovo knows", lambda ts: [d.lang for d in slovo.detect_many(ts)]))
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:
        notes.append("langid: lingua-language-detector is not installed, lingua skipped")
    else:
        codes = [getattr(IsoCode639_1, c.upper()) for c in langs]
        lingua = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()

        def code(lang) -> str:
            return "und" if lang is None else lang.iso_code_639_1.name.lower()

        systems.append(("lingua `detect_language_of` (loop)", "13 of the data",
                        lambda ts: [code(lingua.detect_language_of(t)) for t in ts]))
        systems.append(("lingua `detect_languages_in_parallel_of`", "13 of the data",
                        lambda ts: [code(x) for x in lingua.detect_languages_in_parallel_of(ts)]))
    try:
        import langdetect
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:
        notes.append("langid: langdetect is not installed, langdetect skipped")
    else:
        langdetect.DetectorFactory.seed = 0

        def one(t: str) -> str:
            try:
                return langdetect.detect(t)
            except LangDetectException:
                return "und"

        one("прогрев")  # loads the profiles outside the timing
        systems.append(("langdetect `detect` (loop)", "all 55 it knows", lambda ts: [one(t) for t in ts]))

    def accuracy(items, got, subset) -> str:
        pairs = [(i["lang"], g) for i, g in zip(items, got) if i["lang"] in subset]
        return f"{100 * sum(a == b for a, b in pairs) / len(pairs):.1f} %"

    n = len(by_kind["sentences"])
    table.append(f"Language identification, `shared/data/langid/dev.jsonl` ({n} sentences, "
                 f"{len(by_kind['word-pairs'])} word pairs; 13 languages, 8 Cyrillic):\n")
    table.append("| detector | languages | sentences/s | accuracy sentences: 13 / Cyrillic 8 "
                 "| accuracy word pairs: 13 / Cyrillic 8 |")
    table.append("|---|---|---:|---:|---:|")
    for name, scope, fn in systems:
        texts = [i["text"] for i in by_kind["sentences"]]
        # Best of `repeat` for slovo, as in the other sections; the slow baselines run once.
        seconds = float("inf")
        for _ in range(repeat if name.startswith("`slovo") else 1):
            start = time.perf_counter()
            got = fn(texts)
            seconds = min(seconds, time.perf_counter() - start)
        pairs = by_kind["word-pairs"]
        got_pairs = fn([i["text"] for i in pairs])
        table.append(
            f"| {name} | {scope} | {n / seconds:,.0f} | {accuracy(by_kind['sentences'], got, langs)} / "
            f"{accuracy(by_kind['sentences'], got, CYRILLIC)} | {accuracy(pairs, got_pairs, langs)} / "
            f"{accuracy(pairs, got_pairs, CYRILLIC)} |"
        )


if __name__ == "__main__":
    main()
