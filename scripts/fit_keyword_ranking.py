#!/usr/bin/env python3
"""Refits the keyword ranking model used with morphology (`MORPH_RANK_WEIGHTS` and the
`overlap` threshold in src/keywords/rank.rs).

The gold data (keywords/dev.jsonl in the shared data folder) has no licence: it is read in
place, never copied. Needs PyStemmer, numpy and scikit-learn (in a venv).

    cargo build --release --features "morph keyword-tuning" --example keywords_eval
    export SLOVO_DATA=../shared/data
    target/release/examples/keywords_eval --dump /tmp/kw_features.jsonl
    python3 scripts/fit_keyword_ranking.py /tmp/kw_features.jsonl [--mix 0.35] [--overlap -3]  # overlap: off unless given

Each dumped candidate carries its 45 features (33–44 are built on the evidence score of
`MORPH_WEIGHTS`) and, after them, what the final choice needs (words' term ids, count,
nominal, noun phrase). Two logistic regressions are fitted on the nominal candidates of the
even-numbered documents: one for "equals a gold keyword", one for "overlaps a gold keyword"
(stem sequences as in score_kw.py: one a contiguous part of the other); the ranking weights
are `mix` × the first + (1 − mix) × the second. The script then replays the extractor's
choice (absorbed words, full names, no shared lemma unless the score exceeds `overlap`) and
prints exact / partial / written-form F1@10 on the even half and, for reporting, the odd one.
"""
import json
import math
import os
import re
import sys

import numpy as np
import Stemmer
from sklearn.linear_model import LogisticRegression

NF = 45
STEM = Stemmer.Stemmer("russian")
WORD = re.compile(r"[^\W_]+")
WRITTEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("SLOVO_DATA", os.path.join(HERE, "..", "..", "shared", "data"))


def norm(phrase):
    return tuple(STEM.stemWords(WORD.findall(phrase.lower().replace("ё", "е"))))


def written(phrase):
    return " ".join(WRITTEN.findall(phrase.lower().replace("ё", "е")))


def contiguous(a, b):
    return 0 < len(a) <= len(b) and any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))


def load(features_path):
    gold = {}
    with open(os.path.join(DATA, "keywords", "dev.jsonl"), encoding="utf-8") as f:
        for line_no, line in enumerate(f):
            doc = json.loads(line)
            gold[doc["id"]] = (line_no, doc["keywords"])
    docs = []
    with open(features_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            line_no, keywords = gold[rec["id"]]
            g = [norm(k) for k in keywords]
            cands = []
            for phrase, v in rec["c"]:
                e = v[NF:]
                n = int(e[0])
                q = norm(phrase)
                cands.append({
                    "phrase": phrase,
                    "x": np.array(v[:NF]),
                    "terms": tuple(int(t) for t in e[1:1 + n]),
                    "count": e[1 + n],
                    "ok": e[2 + n] > 0 and e[3 + n] > 0,
                    "exact": int(q in g),
                    "partial": int(any(contiguous(q, y) or contiguous(y, q) for y in g)),
                })
            docs.append({"line": line_no, "gold": keywords, "cands": cands})
    return docs


def fit(docs, label):
    xs, ys = [], []
    for d in docs:
        if d["line"] % 2 == 0:
            for c in d["cands"]:
                if c["ok"]:
                    xs.append(c["x"][1:])
                    ys.append(c[label])
    x, y = np.array(xs), np.array(ys)
    mu, sd = x.mean(0), x.std(0) + 1e-9
    model = LogisticRegression(C=1.0, max_iter=3000).fit((x - mu) / sd, y)
    coef = model.coef_[0] / sd
    return np.concatenate([[model.intercept_[0] - (model.coef_[0] * mu / sd).sum()], coef])


def choose(cands, scores, overlap, k=10, absorb=0.75):
    """Replays rank::rank with morphology."""
    nt = sum(1 for c in cands if len(c["terms"]) == 1)
    sc = list(scores)
    phrases = sorted(range(nt, len(cands)), key=lambda i: (-sc[i], cands[i]["terms"]))
    uni = sc[:nt]
    slot = [None] * nt
    for i in phrases:
        for t in cands[i]["terms"]:
            share = cands[i]["count"] / max(cands[t]["count"], 1)
            if share >= absorb and (slot[t] is None or share > slot[t][0]):
                slot[t] = (share, i)
    forced = set()
    for t, s in enumerate(slot):
        if s:
            forced.add(s[1])
            sc[s[1]] = max(sc[s[1]], uni[t])
            uni[t] = -math.inf
    for i in phrases:
        if cands[i]["x"][32] > 0:
            forced.add(i)
            for t in cands[i]["terms"]:
                sc[i] = max(sc[i], uni[t])
                uni[t] = -math.inf
    for t in range(nt):
        sc[t] = uni[t] if cands[t]["ok"] else -math.inf
    keep = [t for t in range(nt) if sc[t] > -math.inf] + [
        i for i in phrases
        if i in forced or cands[i]["x"][32] > 0 or all(sc[i] > uni[t] for t in cands[i]["terms"])
    ]
    keep.sort(key=lambda i: (-sc[i], cands[i]["terms"]))
    chosen, used = [], set()
    for i in keep:
        if len(chosen) == k:
            break
        c = cands[i]
        if sc[i] <= overlap and any(t in used for t in c["terms"]):
            continue
        if len(c["terms"]) > 1 and not c["ok"]:
            continue
        used.update(c["terms"])
        chosen.append(c["phrase"])
    return chosen


def f1(matched_p, n_p, matched_g, n_g):
    p = matched_p / n_p if n_p else 0.0
    r = matched_g / n_g if n_g else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def unique(items, key, k=0):
    out = []
    for item in items:
        q = key(item)
        if q and q not in out:
            out.append(q)
        if k and len(out) == k:
            break
    return out


def scores(gold, pred, k=10):
    g, p = unique(gold, norm), unique(pred, norm, k)
    close = lambda a, b: contiguous(a, b) or contiguous(b, a)
    exact = f1(sum(x in g for x in p), len(p), sum(y in p for y in g), len(g))
    partial = f1(sum(any(close(x, y) for y in g) for x in p), len(p),
                 sum(any(close(x, y) for x in p) for y in g), len(g))
    gw, pw = set(unique(gold, written)), unique(pred, written, k)
    m = sum(x in gw for x in pw)
    return np.array([exact, partial, f1(m, len(pw), m, len(gw))])


def evaluate(docs, w, overlap, half):
    total, n = np.zeros(3), 0
    for d in docs:
        if d["line"] % 2 == half:
            pred = choose(d["cands"], [float(c["x"] @ w) for c in d["cands"]], overlap)
            total += scores(d["gold"], pred)
            n += 1
    return 100 * total / max(n, 1)


def main():
    args = sys.argv[1:]
    mix = float(args[args.index("--mix") + 1]) if "--mix" in args else 0.35
    overlap = float(args[args.index("--overlap") + 1]) if "--overlap" in args else math.inf
    docs = load(args[0])
    w = mix * fit(docs, "exact") + (1 - mix) * fit(docs, "partial")
    for name, half in (("even", 0), ("odd", 1)):
        print(name, "exact / partial / written F1:",
              " / ".join("%.2f" % v for v in evaluate(docs, w, overlap, half)), file=sys.stderr)
    print("const MORPH_RANK_WEIGHTS: [f64; NF] = [" + ", ".join("%.5f" % v for v in w) + "];")


if __name__ == "__main__":
    main()
