"""The cost of the per-object lock that makes one vectorizer safe to share between threads.

    python python/bench/lock_cost.py [--calls 10000] [--repeat 5]

Times `--calls` calls of `transform` on a one-document batch (where the lock's fixed cost
weighs most), and of the `vocabulary_` attribute, through the public, locked method and
through the same method without any lock: `__wrapped__` (what the lock decorator wraps),
with the locks it takes inside (`_sync`, attributes) made no-ops for the measurement.
Prints the best of `--repeat` runs per row (CPU time of the process, which a busy machine
disturbs less than wall-clock time), the cost per call, how many times one call takes
the lock, and the load average.
"""

import argparse
import contextlib
import os
import time

import slovo
import slovo._text as text

_NO_LOCK = contextlib.nullcontext()


@contextlib.contextmanager
def locks_off(off):
    real = text._lock_of
    if off:
        text._lock_of = lambda obj: _NO_LOCK
    try:
        yield
    finally:
        text._lock_of = real


def per_call(function, calls, unlocked=False):
    with locks_off(unlocked):
        start = time.process_time()
        for _ in range(calls):
            function()
        return (time.process_time() - start) / calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    words = "кот пёс дом лес река гора поле город море небо".split()
    docs = [" ".join(words[(i * 7 + j) % len(words)] for j in range(12)) for i in range(600)]
    one = [docs[0]]
    rows = []
    for cls in (slovo.TfidfVectorizer, slovo.CountVectorizer, slovo.HashingVectorizer):
        vectorizer = cls().fit(docs)
        transform = cls.transform
        rows.append((
            f"{cls.__name__}.transform (1 doc)",
            lambda: transform(vectorizer, one),
            lambda: transform.__wrapped__(vectorizer, one),
        ))
    tfidf = slovo.TfidfVectorizer().fit(docs)
    vocabulary = slovo.TfidfVectorizer.vocabulary_
    rows.append((
        "TfidfVectorizer.vocabulary_",
        lambda: vocabulary.fget(tfidf),
        lambda: vocabulary.fget.__wrapped__(tfidf),
    ))
    print(f"load average {os.getloadavg()[0]:.1f}, {args.calls} calls, best of {args.repeat}")
    print("| call | locked (µs) | without lock (µs) | lock cost (µs) | cost | locks taken |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, locked, unlocked in rows:
        # Interleaved, so that a change of load hits both alike.
        with_lock = without = float("inf")
        for _ in range(args.repeat):
            with_lock = min(with_lock, per_call(locked, args.calls))
            without = min(without, per_call(unlocked, args.calls, unlocked=True))
        cost = with_lock - without
        print(
            f"| {name} | {with_lock * 1e6:.1f} | {without * 1e6:.1f} | {cost * 1e6:.2f} "
            f"| {cost / without:+.1%} | {locks_taken(locked)} |"
        )


def locks_taken(function):
    taken = 0
    real = text._lock_of

    def counting(obj):
        nonlocal taken
        taken += 1
        return real(obj)

    text._lock_of = counting
    try:
        function()
    finally:
        text._lock_of = real
    return taken


if __name__ == "__main__":
    main()
