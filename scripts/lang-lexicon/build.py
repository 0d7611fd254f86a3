#!/usr/bin/env python3
"""Builds src/lang/lexicon.bin: word-membership bits for the eight Cyrillic languages of the
language detector, and how often each list holds the words of each language.

    python3 scripts/lang-lexicon/build.py [--dev ../shared/data/langid/dev.jsonl] [--work DIR]

What it does (see src/lang/NOTICE.md for the sources and their licences):

1. Fetches the pinned Debian packages of Tesseract OCR's `tessdata_fast` language data
   (Apache-2.0; `apt-get download`) and checks their sha256. Needs `combine_tessdata` and
   `dawg2wordlist` from Debian's `tesseract-ocr` (`apt-get install tesseract-ocr`).
2. Word lists, one per language: the words of each traineddata file's LSTM word DAWG, lowercased,
   kept when every character is a Cyrillic letter. Nothing else is read: no GPL, LGPL or
   CC BY-SA source (the hunspell dictionaries and wordfreq ranks of earlier versions are gone).
3. The table: 2^20 one-byte slots; a word sets bit `l` (language `l` in the model's order) of the
   slot its FNV-1a hash picks. The word itself is not stored: a slot tells only that some word of
   those languages hashes there (so about half of the slots answer yes to any string).
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
import hashlib
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys

LANGS = ["ru", "uk", "be", "bg", "mk", "sr", "kk", "mn"]
CODES = [b"rus", b"ukr", b"bel", b"bul", b"mkd", b"srp", b"kaz", b"mon"]
BITS = 20
FORMAT_VERSION = 1

# Tesseract's word lists (tessdata_fast, Apache-2.0): one Debian package per language.
TESSDATA_VERSION = "1:4.1.0-2"
TESSDATA = {
    "ru": ("tesseract-ocr-rus", "115f30363bacd85ba48f1e4d038f3d942e6d2afe271198ea3204bbf67ab2d3f1"),
    "uk": ("tesseract-ocr-ukr", "fb4f49c5866bf0d4ded9682f5a9fef484969f08ea399272d3d78fc8626e6af5d"),
    "be": ("tesseract-ocr-bel", "5d2255273155d6eed7fb344672c90336aa6f2afc605cc95218957cb3dd6a8431"),
    "bg": ("tesseract-ocr-bul", "73be0cf3fe9e2dd5f4371012c2cfa704b0b56c56550ee4a11addaa440bc108b3"),
    "mk": ("tesseract-ocr-mkd", "373f95412d189b7f92323a737873c8985ae9d1a5fee15501ef8ce9ce934ecbd9"),
    "sr": ("tesseract-ocr-srp", "7d4df5e6b193799f27b94c8008dcbbb35686a921882c38c2f6156c3c952ca11d"),
    "kk": ("tesseract-ocr-kaz", "75b0a40dbd69c59ea95cc3a263ba72dc696121e1845a546c3f7a860d94b4bbde"),
    "mn": ("tesseract-ocr-mon", "e241d90e547b5b10205cea8d44a8eb4ef1d385dfbf177d0d9f746725f149e5ea"),
}
# The tools that unpack a traineddata file and list its word DAWG (Debian `tesseract-ocr`).
TESSERACT_TOOLS = "5.3.0-2"
# Smoothing of the pattern counts towards the naive-Bayes estimate, in words.
ALPHA = 100


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_deb(work, name, version, digest):
    """Downloads a pinned Debian package, checks its sha256 and unpacks it; returns the
    directory it was unpacked to."""
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
    return out


def check_tools():
    for tool in ["combine_tessdata", "dawg2wordlist"]:
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not found: apt-get install tesseract-ocr (version {TESSERACT_TOOLS})")
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "tesseract-ocr"], capture_output=True, text=True)
    if out.stdout != TESSERACT_TOOLS:
        print(f"warning: tesseract-ocr {out.stdout or '?'} installed, the table was built with {TESSERACT_TOOLS}", file=sys.stderr)


def tesseract_words(work, lang):
    """The words of the LSTM word DAWG of a tessdata package, as dawg2wordlist lists them."""
    name, digest = TESSDATA[lang]
    root = fetch_deb(work, name, TESSDATA_VERSION, digest)
    code = name.rsplit("-", 1)[1]
    traineddata = os.path.join(root, "usr/share/tesseract-ocr/5/tessdata", f"{code}.traineddata")
    parts = os.path.join(work, f"{code}-parts")
    os.makedirs(parts, exist_ok=True)
    prefix = os.path.join(parts, code + ".")
    subprocess.run(["combine_tessdata", "-u", traineddata, prefix], check=True, stdout=subprocess.DEVNULL)
    listing = os.path.join(parts, "words.txt")
    subprocess.run(
        ["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", listing],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with open(listing, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


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


def slot(word, bits=BITS):
    key = letter_bytes(word)
    return None if key is None else fnv1a(key) >> (64 - bits)


def word_lists(work):
    check_tools()
    lists = {}
    for lang in LANGS:
        words = {w.lower() for w in tesseract_words(work, lang)}
        lists[lang] = sorted(w for w in words if letter_bytes(w))
        print(f"{lang}: {len(lists[lang])} words", file=sys.stderr)
    return lists


def cyrillic_words(text):
    return [w for w in re.split(r"[^\u0400-\u04ff]+", text) if w and letter_bytes(w)]


def pattern_model(table, dev, bits):
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
                counts[table[slot(w, bits)]][l] += 1
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
    ap.add_argument("--bits", type=int, default=BITS, help="log2 of the number of slots")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    lists = word_lists(args.work)
    table = bytearray(1 << args.bits)
    for l, lang in enumerate(LANGS):
        for w in lists[lang]:
            s = slot(w, args.bits)
            if s is not None:
                table[s] |= 1 << l
    logp, rates = pattern_model(table, args.dev, args.bits)
    with open(args.out, "wb") as f:
        f.write(b"SLVLEX\0\0")
        f.write(struct.pack("<III", FORMAT_VERSION, len(LANGS), args.bits))
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
