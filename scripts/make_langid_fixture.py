#!/usr/bin/env python3
"""Writes tests/data/langid/sample.jsonl: a small slice of the langid dev set for the tests.

Takes, for every (lang, kind), the first PER_GROUP items with an ODD index within that group
(index = position in file order among items of the same lang and kind). Even-index items are the
half on which slovo's few hand-set detection constants were tuned, so the tests score unseen items.

Usage: python3 scripts/make_langid_fixture.py [../shared/data/langid/dev.jsonl]
"""
import collections
import json
import pathlib
import sys

PER_GROUP = 40

src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/langid/dev.jsonl")
out = pathlib.Path(__file__).resolve().parent.parent / "tests/data/langid/sample.jsonl"
seen = collections.Counter()
kept = collections.Counter()
lines = []
for line in src.read_text(encoding="utf-8").split("\n"):
    if not line.strip():
        continue
    item = json.loads(line)
    group = (item["lang"], item["kind"])
    index = seen[group]
    seen[group] += 1
    if index % 2 == 1 and kept[group] < PER_GROUP:
        kept[group] += 1
        lines.append(json.dumps(item, ensure_ascii=False))
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(lines)} items from {len(kept)} groups -> {out}")
