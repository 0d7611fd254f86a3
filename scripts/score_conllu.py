#!/usr/bin/env python3
"""Lemma and UPOS accuracy of a tagged CoNLL-U file against its gold file.

    slovo morph --conllu gold.conllu > tagged.conllu
    python3 scripts/score_conllu.py gold.conllu tagged.conllu

The convention of examples/morph_score.rs (and shared/data/ud/README.md): multiword-token
lines (1-2) and empty nodes (1.1) are skipped; lemmas are compared lowercased with ё → е;
accuracy is over the words whose gold UPOS is not PUNCT, SYM or X.
"""
import sys


def words(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4 or "-" in cols[0] or "." in cols[0]:
                continue
            yield cols[1], cols[2], cols[3]


def fold(s):
    return s.lower().replace("ё", "е")


def main(gold_path, tagged_path):
    gold, tagged = list(words(gold_path)), list(words(tagged_path))
    if len(gold) != len(tagged):
        sys.exit(f"{tagged_path}: {len(tagged)} words, {gold_path}: {len(gold)}")
    n = lemma = upos = 0
    for (form, g_lemma, g_upos), (t_form, t_lemma, t_upos) in zip(gold, tagged):
        if form != t_form:
            sys.exit(f"forms differ: {form!r} / {t_form!r}")
        if g_upos in ("PUNCT", "SYM", "X"):
            continue
        n += 1
        lemma += fold(g_lemma) == fold(t_lemma)
        upos += g_upos == t_upos
    print(f"{gold_path}: {n} words | lemma {100 * lemma / n:.2f} | UPOS {100 * upos / n:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
