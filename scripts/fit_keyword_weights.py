#!/usr/bin/env python3
"""Refits the keyword ranking weights (`WEIGHTS` in src/keywords/rank.rs).

The gold data (keywords/dev.jsonl in the shared data folder) has no licence: it is read in
place, never copied. Needs PyStemmer, numpy and scikit-learn (in a venv).

    cargo build --release --features keyword-tuning --example keywords_eval
    export SLOVO_DATA=../shared/data
    target/release/examples/keywords_eval --dump /tmp/kw_features.jsonl
    python3 scripts/fit_keyword_weights.py /tmp/kw_features.jsonl [--ascent]

Step 1, logistic regression: every candidate of the even-numbered documents (line 0, 2, …
of dev.jsonl) is labelled 1 when its phrase, normalised like score_kw.py (lowercase, ё→е,
Snowball stems), equals a gold keyword; weights are fitted on standardised features and
mapped back. Step 2 (--ascent): coordinate ascent on exact F1@10 + partial F1@10 of the
even half, run through keywords_eval, starting from the regression's weights (two rounds,
30 % steps). The odd half is left for reporting. Prints the `--set` arguments and the Rust
array to paste.
"""
import json
import os
import re
import subprocess
import sys

import numpy as np
import Stemmer
from sklearn.linear_model import LogisticRegression

STEM = Stemmer.Stemmer("russian")
WORD = re.compile(r"[^\W_]+")
HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "target", "release", "examples", "keywords_eval")
DATA = os.environ.get("SLOVO_DATA", os.path.join(HERE, "..", "..", "shared", "data"))


def norm(phrase):
    return tuple(STEM.stemWords(WORD.findall(phrase.lower().replace("ё", "е"))))


def regression(features_path):
    gold = {}
    with open(os.path.join(DATA, "keywords", "dev.jsonl"), encoding="utf-8") as f:
        for line_no, line in enumerate(f):
            doc = json.loads(line)
            gold[doc["id"]] = (line_no, {norm(k) for k in doc["keywords"]})
    xs, ys = [], []
    with open(features_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            line_no, keys = gold[rec["id"]]
            if line_no % 2:
                continue
            for phrase, features in rec["c"]:
                xs.append(features[:33])  # the rest: features of the morph ranking model
                ys.append(int(norm(phrase) in keys))
    x = np.array(xs)[:, 1:]  # column 0 is the constant 1
    y = np.array(ys)
    mu, sd = x.mean(0), x.std(0) + 1e-9
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mu) / sd, y)
    coef = model.coef_[0] / sd
    bias = model.intercept_[0] - (model.coef_[0] * mu / sd).sum()
    return {"w0": bias, **{"w%d" % (i + 1): c for i, c in enumerate(coef)}}


def evaluate(params, half="even"):
    args = [EVAL, "--half", half]
    for name, value in params.items():
        args += ["--set", "%s=%g" % (name, value)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    cells = out.splitlines()[1].split()
    return float(cells[4]), float(cells[7])


def ascent(params):
    best = evaluate(params)
    print("start", best, file=sys.stderr)
    names = sorted((k for k in params if k != "w0"), key=lambda k: int(k[1:])) + ["absorb"]
    params.setdefault("absorb", 0.75)
    for _ in range(2):
        for name in names:
            step = 0.1 if name == "absorb" else max(abs(params[name]) * 0.3, 0.1)
            for delta in (step, -step):
                trial = dict(params, **{name: params[name] + delta})
                result = evaluate(trial)
                if sum(result) > sum(best) + 0.05:
                    params, best = trial, result
                    print(name, params[name], best, file=sys.stderr)
                    break
    print("even", best, "odd", evaluate(params, "odd"), file=sys.stderr)
    return params


def main():
    params = regression(sys.argv[1])
    if "--ascent" in sys.argv[2:]:
        params = ascent(params)
    print(" ".join("--set %s=%.5f" % kv for kv in params.items()))
    weights = [params["w%d" % i] for i in range(len([k for k in params if k.startswith("w")]))]
    print("const WEIGHTS: [f64; NF] = [" + ", ".join("%.5f" % w for w in weights) + "];")


if __name__ == "__main__":
    main()
