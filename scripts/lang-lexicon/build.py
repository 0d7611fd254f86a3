#!/usr/bin/env python3
"""Builds src/lang/lexicon.bin: word-membership bits for the eight Cyrillic languages of the
language detector, and how often each list holds the words of each language.

    python3 scripts/lang-lexicon/build.py [--dev ../shared/data/langid/dev.jsonl] [--work DIR]

What it does (see src/lang/NOTICE.md for the sources and their licences):

1. Fetches pinned packages with the ordinary clients and checks their sha256: Debian's hunspell
   dictionaries (`apt-get download`), npm's `dictionary-mk` (`npm pack`) and PyPI's `wordfreq`
   (`pip download --no-deps`; needs the `msgpack` module to read it).
2. Word lists, one per language, lowercase, Cyrillic letters only:
   ru, uk, mk — forms of the hunspell dictionary (stems expanded with their affix rules) among
   wordfreq's 200,000 most frequent words; bg — the same with wordfreq's small list; sr —
   wordfreq's Serbo-Croatian list transliterated to Cyrillic, kept where the Serbian hunspell
   dictionary has the form; be, kk — the hunspell headwords; mn — the hunspell headwords of at
   most 7 letters.
3. The table: 2^20 one-byte slots; a word sets bit `l` (language `l` in the model's order) of the
   slot its FNV-1a hash picks. The word itself is not stored: a slot tells only that some word of
   those languages hashes there (so about a third of the slots answer yes to any string).
4. Evidence: for each of the 256 bit patterns a slot can hold and each language L, the
   log-probability that a word of text in L finds that pattern, counted over the words of L's
   items in the even half of dev.jsonl (the tuning half) and smoothed towards the naive-Bayes
   estimate from the eight per-list rates. Only these counts come from dev; no word from it
   enters the table.

The hash is FNV-1a (64-bit) over the word's letters as the model reads them: each letter
lowercased and written as one byte, its code point minus 0x400 (`cyrillic_letter_byte` in
src/lang/model.rs); the slot is the hash's top 20 bits.
"""
import argparse
import gzip
import hashlib
import json
import math
import os
import re
import struct
import subprocess
import sys
import tarfile
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from hunspell_expand import expand  # noqa: E402

LANGS = ["ru", "uk", "be", "bg", "mk", "sr", "kk", "mn"]
CODES = [b"rus", b"ukr", b"bel", b"bul", b"mkd", b"srp", b"kaz", b"mon"]
BITS = 20
FORMAT_VERSION = 1

DEBS = {
    "hunspell-ru": ("1:7.5.0-1", "ef3f0a54a8e52682be80932e414b97d7d268d4a33dfcb5b27b46142b5d84cfe3"),
    "hunspell-uk": ("1:7.5.0-1", "8191ea5162b30f7ce5ad1bedd618590d1a8094bffeffb9745fd2035b6631a14a"),
    "hunspell-be": ("0.53-3.1", "1b4d8b79fd3d9c73afde7602a7aba44840deafce494c657d3fc15c114d7c0de3"),
    "hunspell-bg": ("1:7.5.0-1", "594f9605281ca46d24d70ccb29ed09fea83f461d2f0b12fbcf999975183b402a"),
    "hunspell-sr": ("1:7.5.0-1", "1d4695df8aeceb9a49f218d05c8eb2c31cabea2fd2580a6f3c968af577fbfb56"),
    "hunspell-kk": ("1.1-3", "290453bcb22f13733ab0e0043890dcf5f705ebfbd03a1a10049a6e30b1c71b90"),
    "hunspell-mn": ("1:7.5.0-1", "349c86e718cd40fa35561b33418739db0e64d7f85af256290f6143940807371b"),
}
NPM_MK = ("dictionary-mk", "2.0.0", "d12371dd50e1e9d8a7aa60a6e1f3a96100e541ba0d090184147d49779db25490")
WORDFREQ = ("wordfreq", "3.1.1", "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473")
TOP = 200_000
MN_MAX_LETTERS = 7
# Smoothing of the pattern counts towards the naive-Bayes estimate, in words.
ALPHA = 100


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(work):
    os.makedirs(work, exist_ok=True)
    files = {}
    for name, (version, digest) in DEBS.items():
        have = [f for f in os.listdir(work) if f.startswith(name + "_") and f.endswith(".deb")]
        if not have:
            subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=work, check=True)
            have = [f for f in os.listdir(work) if f.startswith(name + "_") and f.endswith(".deb")]
        path = os.path.join(work, have[0])
        if sha256(path) != digest:
            sys.exit(f"{path}: checksum mismatch")
        out = os.path.join(work, name)
        if not os.path.isdir(out):
            subprocess.run(["dpkg-deb", "-x", path, out], check=True)
        files[name] = out
    name, version, digest = NPM_MK
    tgz = os.path.join(work, f"{name}-{version}.tgz")
    if not os.path.exists(tgz):
        subprocess.run(["npm", "pack", f"{name}@{version}"], cwd=work, check=True)
    if sha256(tgz) != digest:
        sys.exit(f"{tgz}: checksum mismatch")
    with tarfile.open(tgz) as t:
        t.extractall(os.path.join(work, name))
    files[name] = os.path.join(work, name, "package")
    name, version, digest = WORDFREQ
    whl = os.path.join(work, f"{name}-{version}-py3-none-any.whl")
    if not os.path.exists(whl):
        subprocess.run(["pip", "download", "--no-deps", "-d", work, f"{name}=={version}"], check=True)
    if sha256(whl) != digest:
        sys.exit(f"{whl}: checksum mismatch")
    files[name] = whl
    return files


def wordfreq_list(whl, name):
    import msgpack  # pip install msgpack

    with zipfile.ZipFile(whl) as z:
        data = msgpack.unpackb(gzip.decompress(z.read(f"wordfreq/data/{name}.msgpack.gz")), raw=False)
    return [w for bucket in data[1:] for w in bucket]


def letter_bytes(word):
    """The word as the model reads it, one byte per letter; None if a character is no
    Cyrillic letter."""
    out = bytearray()
    for c in word:
        cp = ord(c.lower())
        if not (0x430 <= cp <= 0x45F or 0x460 <= cp <= 0x4FF) or not c.isalpha():
            return None
        out.append(cp - 0x400)
    return bytes(out)


def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def slot(word):
    key = letter_bytes(word)
    return None if key is None else fnv1a(key) >> (64 - BITS)


def headwords(dic):
    out = set()
    with open(dic, encoding="utf-8", errors="replace") as f:
        next(f, None)
        for line in f:
            if line.startswith("#"):
                continue
            word = line.split("/")[0].split("\t")[0].strip().lower()
            if word:
                out.add(word)
    return out


SR_LATIN = [("dž", "џ"), ("lj", "љ"), ("nj", "њ")]
SR_LETTERS = dict(zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж"))


def sr_cyrillic(word):
    for a, b in SR_LATIN:
        word = word.replace(a, b)
    out = []
    for c in word:
        if c in SR_LETTERS:
            out.append(SR_LETTERS[c])
        elif "\u0400" <= c <= "\u04ff":
            out.append(c)
        else:
            return None
    return "".join(out)


def word_lists(files):
    hs = "usr/share/hunspell"
    dic = lambda pkg, stem: (f"{files[pkg]}/{hs}/{stem}.dic", f"{files[pkg]}/{hs}/{stem}.aff")
    lists = {}
    for lang, pkg, stem, wf in [
        ("ru", "hunspell-ru", "ru_RU", "large_ru"),
        ("uk", "hunspell-uk", "uk_UA", "large_uk"),
        ("bg", "hunspell-bg", "bg_BG", "small_bg"),
    ]:
        forms = {f.lower() for f in expand(*dic(pkg, stem))}
        lists[lang] = [w for w in wordfreq_list(files["wordfreq"], wf)[:TOP] if w in forms]
        print(f"{lang}: {len(forms)} hunspell forms, {len(lists[lang])} kept", file=sys.stderr)
    mk = files["dictionary-mk"]
    forms = {f.lower() for f in expand(f"{mk}/index.dic", f"{mk}/index.aff")}
    lists["mk"] = [w for w in wordfreq_list(files["wordfreq"], "large_mk")[:TOP] if w in forms]
    forms = {f.lower() for f in expand(*dic("hunspell-sr", "sr_RS"))}
    sr = (sr_cyrillic(w) for w in wordfreq_list(files["wordfreq"], "small_sh"))
    lists["sr"] = [w for w in dict.fromkeys(sr) if w and w in forms]
    lists["be"] = sorted(headwords(dic("hunspell-be", "be_BY")[0]))
    lists["kk"] = sorted(headwords(dic("hunspell-kk", "kk_KZ")[0]))
    lists["mn"] = sorted(w for w in headwords(dic("hunspell-mn", "mn_MN")[0]) if len(w) <= MN_MAX_LETTERS)
    for lang in ["mk", "sr", "be", "kk", "mn"]:
        print(f"{lang}: {len(lists[lang])} kept", file=sys.stderr)
    return lists


def cyrillic_words(text):
    return [w for w in re.split(r"[^\u0400-\u04ff]+", text) if w and letter_bytes(w)]


def pattern_model(table, dev):
    """logp[pattern][l]: log-probability that a word of text in language l finds the bit
    pattern `pattern` in its slot, measured on the even half of dev. Counts are smoothed
    towards the naive-Bayes estimate from the eight per-list rates (ALPHA words' worth), so
    a rare pattern still gets a sensible value."""
    seen = {}
    n = len(LANGS)
    counts = [[0] * n for _ in range(256)]
    words = [0] * n
    with open(dev, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if item["lang"] not in LANGS:
                continue
            key = (item["lang"], item["kind"])
            index = seen.get(key, 0)
            seen[key] = index + 1
            if index % 2:
                continue
            l = LANGS.index(item["lang"])
            for w in cyrillic_words(item["text"]):
                counts[table[slot(w)]][l] += 1
                words[l] += 1
    # Per-list rates (add-one smoothed): share of language l's words with bit k set.
    rates = [
        [(sum(counts[p][l] for p in range(256) if p >> k & 1) + 1) / (words[l] + 2) for l in range(n)]
        for k in range(n)
    ]

    def naive(p, l):
        prob = 1.0
        for k in range(n):
            prob *= rates[k][l] if p >> k & 1 else 1 - rates[k][l]
        return prob

    logp = [
        [math.log((counts[p][l] + ALPHA * naive(p, l)) / (words[l] + ALPHA)) for l in range(n)]
        for p in range(256)
    ]
    return logp, rates


def main():
    ap = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--dev", default=os.path.join(root, "..", "shared", "data", "langid", "dev.jsonl"))
    ap.add_argument("--work", default=os.path.join(root, "target", "lang-lexicon"))
    ap.add_argument("--out", default=os.path.join(root, "src", "lang", "lexicon.bin"))
    args = ap.parse_args()
    lists = word_lists(fetch(args.work))
    table = bytearray(1 << BITS)
    for l, lang in enumerate(LANGS):
        for w in lists[lang]:
            s = slot(w)
            if s is not None:
                table[s] |= 1 << l
    logp, rates = pattern_model(table, args.dev)
    with open(args.out, "wb") as f:
        f.write(b"SLVLEX\0\0")
        f.write(struct.pack("<III", FORMAT_VERSION, len(LANGS), BITS))
        for code in CODES:
            f.write(code + b"\0")
        for row in logp:
            f.write(struct.pack(f"<{len(LANGS)}f", *row))
        f.write(table)
    filled = sum(1 for b in table if b)
    print(f"wrote {args.out}: {len(table)} slots, {100 * filled / len(table):.1f}% set", file=sys.stderr)
    for k, lang in enumerate(LANGS):
        print(lang, " ".join(f"{100 * r:5.1f}" for r in rates[k]), file=sys.stderr)


if __name__ == "__main__":
    main()
