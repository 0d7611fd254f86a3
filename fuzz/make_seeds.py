#!/usr/bin/env python3
"""Writes the text seed corpora of the fuzz targets into fuzz/seeds/<target>/.

Seeds are short pieces of real Russian text (the bundled sample document and test
fixtures) and the hostile shapes slovo must survive. The first byte of a seed is the
option byte most targets read (see fuzz/src/checks.rs), so each text seed is written
with a few option bytes. The saved-model seeds (fuzz/seeds/model/*.bin) are written by
`SLOVO_BLESS=1 cargo test --test integration fuzz_seeds`.

Run from the repository root: python3 fuzz/make_seeds.py
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
TEXT_TARGETS = ["tokenize", "tokenize_paths", "sentences", "sentence_paths", "normalize", "terms", "detect", "keywords"]

HOSTILE = {
    "hyphens": "-" * 300 + "кто-то--нибудь---" + "‐" * 50,
    "dots": "т.е.т.е.т.е." * 20 + "." * 200 + "…" * 30,
    "at_hash": "@" * 100 + "#" * 100 + "a@b@c@d.ru #тег#тег @имя@имя",
    "urls": "http://" * 50 + "https://пример.рф/путь?x=1&y=2#якорь www.a.b.c",
    "quotes": "«" * 80 + "„" * 40 + "слово" + "“" * 40 + "»" * 80 + "(" * 50 + ")" * 50,
    "combining": "е" + "\u0301" * 500 + "ё\u0308\u0301а\u0300",
    "zwj": "👨\u200d👩\u200d👧\u200d👦" * 30 + "\u200d" * 200 + "🏳️\u200d🌈",
    "flags": "🇷🇺🇰🇿🇺" * 20 + "👍🏽" * 20,
    "numbers": "1,1,1,1," * 30 + "1.1.1." * 30 + "12:30:45 1 000 000,5 −3,14",
    "mojibake": "ÐŸÑ€Ð¸Ð²ÐµÑ‚ ÂÿÌåñëàâ Ïðèâåò ðÒÉ×ÅÔ",
    "controls": "\x00\x01\x7f\u0085\u2028\u2029\ufeff\u200b\u2060\u00ad\ufffd",
    "mixed": "Ұлт ақпарат хабарлады: Назарбаев. Вона прийшла. Hello, мир! 日本",
    "initials": "Е. Казыхан, А. С. Пушкин и т. д. и т. п., т.е. 1999 г. ул. Ленина, д. 5",
    "email": "ivan.petrov@mail.ru, пётр@почта.рф; x@y; @@@.ru",
    "surrogate_like": "\ufffd\ufffd" + "\U0010ffff" * 10 + "\ue000",
}


def chunks(text, size, count):
    """Up to `count` pieces of about `size` characters from `text`, cut at spaces."""
    out, start = [], 0
    while start < len(text) and len(out) < count:
        end = text.find(" ", start + size)
        end = len(text) if end < 0 else end
        out.append(text[start:end])
        start = end + 1
    return out


def main():
    sample = (ROOT / "examples" / "data" / "kazinform_eu_ru.txt").read_text(encoding="utf-8")
    pushkin = (ROOT / "tests" / "data" / "pushkin_pikovaya_ch1.txt").read_text(encoding="utf-8")
    cases = (ROOT / "tests" / "data" / "token_cases.tsv").read_text(encoding="utf-8")
    texts = {f"sample_{i}": t for i, t in enumerate(chunks(sample, 400, 6))}
    texts.update({f"pushkin_{i}": t for i, t in enumerate(chunks(pushkin, 600, 4))})
    texts.update({f"token_cases_{i}": t for i, t in enumerate(chunks(cases, 500, 3))})
    texts.update(HOSTILE)
    for target in TEXT_TARGETS:
        folder = SEEDS / target
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in sorted(texts.items()):
            for flags in (0, 0x3F):
                (folder / f"{name}_{flags:02x}").write_bytes(bytes([flags]) + text.encode("utf-8"))
    decode = SEEDS / "decode"
    decode.mkdir(parents=True, exist_ok=True)
    piece = chunks(sample, 300, 1)[0]
    for flags, encoding in enumerate(["utf-8", "utf-8", "utf-16-le", "cp1251", "koi8-r", "cp866"]):
        data = piece.encode(encoding, errors="replace")
        (decode / f"sample_{encoding}_{flags}").write_bytes(bytes([flags]) + data)
        (decode / f"sample_{encoding}_auto").write_bytes(bytes([0]) + data)
    (decode / "bom_utf8").write_bytes(b"\x01\xef\xbb\xbf" + piece.encode("utf-8"))
    (decode / "bom_utf16be").write_bytes(b"\x02\xfe\xff" + piece.encode("utf-16-be"))
    (decode / "broken_utf8").write_bytes(b"\x01ok\xff\xc3(\xed\xa0\x80\xf0\x9f\x98")
    (decode / "odd_utf16").write_bytes(b"\x02\xff\xfeA\x00\x00\xd8B")


if __name__ == "__main__":
    main()
