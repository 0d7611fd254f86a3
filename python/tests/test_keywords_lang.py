"""Keywords and language detection."""
import pytest

import slovo


def test_keywords_spans_and_order(docs):
    for doc in docs[:40]:
        top = slovo.keywords(doc, 5)
        assert len(top) <= 5
        assert [k.score for k in top] == sorted((k.score for k in top), reverse=True)
        for k in top:
            assert 0 < k.score < 1 and k.spans
            for start, end in k.spans:
                # every occurrence is the phrase up to inflection: same stems
                assert slovo.Analyzer(stop_words=None, min_chars=1).stems(doc[start:end])


def test_keywords_example():
    text = (
        "Вакцина QazVac прошла испытания. Казахстанская вакцина QazVac может стать основой "
        "сотрудничества. Испытания вакцины продолжатся."
    )
    top = slovo.keywords(text, 3)
    assert top[0].stem_key == "вакцин"
    assert [text[a:b] for a, b in top[0].spans] == ["Вакцина", "вакцина", "вакцины"]
    assert all(len(k.phrase.split()) == 1 for k in slovo.keywords(text, 5, max_phrase_len=1))
    assert slovo.keywords("") == []


def test_keywords_many(docs):
    assert slovo.keywords_many(docs[:20], 4) == [slovo.keywords(d, 4) for d in docs[:20]]


def test_keywords_title():
    title = "Вакцина QazVac"
    text = "Испытания продлятся месяц. Испытания идут в Алматы."
    # every candidate (a toy text scores low): the title's effect, not the threshold's
    plain = slovo.keywords(text, min_score=0.0)
    titled = slovo.keywords(text, title=title, min_score=0.0)
    # the title's words count, and spans still point into the text
    assert any("QazVac" in k.phrase for k in titled)
    assert not any("QazVac" in k.phrase for k in plain)
    for k in titled:
        assert all(0 <= a < b <= len(text) for a, b in k.spans)
    assert slovo.keywords(text, title=None, min_score=0.0) == plain
    assert slovo.keywords(text, title="", min_score=0.0) == plain
    many = slovo.keywords_many([text, text], titles=[title, ""], min_score=0.0)
    assert many == [titled, plain]
    with pytest.raises(ValueError, match="titles"):
        slovo.keywords_many([text, text], titles=[title])


def test_detect():
    d = slovo.detect("Это предложение, несомненно, написано по-русски.")
    assert (d.lang, d.script, d.reliable) == ("ru", "Cyrillic", True)
    assert d.confidence > 0.9
    assert slovo.detect("  123 ").lang == "und"
    kz = slovo.detect("Сәлеметсіз бе, қалыңыз қалай?", languages=["ru", "Kazakh"])
    assert kz.lang == "kk"
    with pytest.raises(ValueError, match="klingon"):
        slovo.detect("текст", languages=["klingon"])
    with pytest.raises(TypeError):
        slovo.detect(b"bytes")


def test_detect_many_and_spans(docs):
    assert slovo.detect_many(docs[:30]) == [slovo.detect(d) for d in docs[:30]]
    assert sum(d.lang == "ru" for d in slovo.detect_many(docs)) >= 195
    text = "Сообщает «Ұлт ақпарат». Hello, this is an English sentence for sure."
    spans = slovo.detect_spans(text)
    assert spans[0].start == 0 and spans[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
    assert {s.lang for s in spans} >= {"ru", "en"}
