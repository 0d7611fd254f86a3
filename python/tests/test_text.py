"""Tokens, normalization, stemming, stop words and the analyzer."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import slovo

KINDS = {"word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"}


def check_tokens(text, tokens):
    last = 0
    for t in tokens:
        assert text[t.start : t.end] == t.text
        assert t.start >= last and t.end > t.start
        assert t.kind in KINDS
        last = t.end


def test_tokenize_sample_offsets(sample, docs):
    tokens = slovo.tokenize(sample)
    assert len(tokens) > 500
    check_tokens(sample, tokens)
    for doc in docs:
        check_tokens(doc, slovo.tokenize(doc))


def test_tokenize_kinds():
    text = "Е. Казыхан, 5 мая: https://kazinform.kz #ЕС @mfa 🙂"
    kinds = {t.text: t.kind for t in slovo.tokenize(text)}
    assert kinds["Казыхан"] == "word"
    assert kinds["5"] == "number"
    assert kinds[","] == "punct"
    assert kinds["https://kazinform.kz"] == "url"
    assert kinds["#ЕС"] == "hashtag"
    assert kinds["@mfa"] == "mention"
    assert kinds["🙂"] == "emoji"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tokenize_offsets_random_unicode(text):
    check_tokens(text, slovo.tokenize(text))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБЁЯ .,!?-\u0301\u00ad😀1")))
def test_analyzer_offsets_random_russian(text):
    for term in slovo.Analyzer(stop_words=None, min_chars=1).terms(text):
        assert text[term.start : term.end] == term.surface


def test_tokens_is_a_lazy_sequence(sample):
    import collections.abc
    import pickle

    import numpy as np

    tokens = slovo.tokenize(sample)
    as_list = list(tokens)
    assert isinstance(tokens, collections.abc.Sequence) and isinstance(tokens, slovo.Tokens)
    assert len(tokens) == len(as_list) > 500
    assert tokens == as_list and as_list == tokens and not (tokens != as_list)
    assert tokens != as_list[:-1] and tokens != as_list[::-1] and tokens != "text"
    assert tokens[0] == as_list[0] and tokens[-1] == as_list[-1] and tokens[-len(tokens)] == as_list[0]
    for index in (len(tokens), -len(tokens) - 1, 2**70):
        with pytest.raises(IndexError):
            tokens[index]
    with pytest.raises(TypeError):
        tokens["0"]
    for s in (slice(3, 9), slice(None, None, -1), slice(-5, None), slice(1, 100, 7), slice(9, 3)):
        view = tokens[s]
        assert isinstance(view, slovo.Tokens) and view == as_list[s]
    assert tokens[2:9][1:3] == as_list[3:5]
    assert as_list[7] in tokens and tokens.index(as_list[7]) == 7 and tokens.count(as_list[7]) == 1
    stranger = slovo.Token(as_list[7].text + "x", as_list[7].start, as_list[7].end, as_list[7].kind)
    assert stranger not in tokens and tokens.count(stranger) == 0 and "text" not in tokens
    with pytest.raises(ValueError):
        tokens.index(stranger)
    assert list(reversed(tokens)) == as_list[::-1]
    # Columns.
    assert tokens.starts.dtype == np.int64 and tokens.starts.tolist() == [t.start for t in as_list]
    assert tokens.ends.tolist() == [t.end for t in as_list]
    assert tokens.texts() == [t.text for t in as_list] == [sample[t.start : t.end] for t in as_list]
    assert tokens.kinds() == [t.kind for t in as_list]
    assert tokens.source is sample
    # The same tokens of an equal text in another object are equal; of another text not.
    assert slovo.tokenize("".join(sample)) == tokens
    assert slovo.tokenize("да нет") != slovo.tokenize("но нет")
    assert pickle.loads(pickle.dumps(tokens[5:50])) == as_list[5:50]
    assert repr(slovo.tokenize("да")) == "Tokens([Token(text='да', start=0, end=2, kind='word')])"
    # reprs are Python expressions
    token = slovo.tokenize("кот's \"x\"")[0]
    assert eval(repr(token), {"Token": slovo.Token}) == token
    assert repr(tokens).endswith(f"... ({len(tokens)} tokens)])")
    assert slovo.Tokens() == [] and len(slovo.tokenize("")) == 0


def test_tokenize_many_equals_tokenize(docs):
    assert slovo.tokenize_many(docs[:50]) == [slovo.tokenize(d) for d in docs[:50]]
    assert slovo.tokenize_many([]) == []


def test_normalize_and_fold():
    assert slovo.normalize("Приве\u0301т,\u00ad ми\u200bр") == "Привет, мир"
    assert slovo.normalize("Ｐｒｅｓｓ Ёлка", form="NFKC", lowercase=True, yo_to_ye=True) == "press елка"
    assert slovo.normalize("е\u0301", strip_stress=False, form=None) == "е\u0301"
    assert slovo.fold("ЁЛКА") == "елка"
    with pytest.raises(ValueError, match="nfd"):
        slovo.normalize("x", form="nfd")


def test_stem_and_stem_many(docs):
    assert slovo.stem("Европейского") == "европейск"
    assert slovo.stem("ещё") == "ещ"
    words = [t.text for d in docs for t in slovo.tokenize(d) if t.kind == "word"]
    assert len(words) > 20_000  # long enough for the parallel path
    stems = slovo.stem_many(words)
    assert stems == [slovo.stem(w) for w in words]
    assert slovo.stem_many([]) == []


def test_stop_words():
    stop = slovo.StopWords.russian()
    assert "Её" in stop and "союз" not in stop
    own = slovo.StopWords(["Типа", "ещё"])
    assert "типа" in own and "еще" in own and len(own) == 2
    own.add("вот")
    own.update(("ну", "да"))
    own.discard("да")
    own.remove("ну")
    with pytest.raises(KeyError):
        own.remove("ну")
    assert list(own) == own.to_list() == sorted(own.to_list())
    assert slovo.StopWords.parse("# comment\nтипа\n") == slovo.StopWords(["типа"])


def test_analyzer_terms(analyzer):
    text = "Стороны обсудили вопросы партнёрства в рамках визита."
    assert analyzer.stems(text) == ["сторон", "обсуд", "вопрос", "партнерств", "рамк", "визит"]
    assert analyzer(text) == analyzer.stems(text)
    terms = analyzer.terms(text)
    assert terms[3].surface == "партнёрства" and text[terms[3].start : terms[3].end] == "партнёрства"
    keep = slovo.Analyzer(kinds=["word", "number"], stop_words=None, min_chars=1, stem=False)
    assert keep.stems("В 2021 году") == ["в", "2021", "году"]
    assert slovo.Analyzer(stop_words=["стороны"]).stems(text)[0] == "обсуд"
    assert slovo.Analyzer(stop_words=slovo.StopWords(["Стороны"])).stems(text)[0] == "обсуд"


def test_analyzer_many(analyzer, docs):
    assert analyzer.terms_many(docs[:40]) == [analyzer.terms(d) for d in docs[:40]]
    assert analyzer.stems_many(docs[:40]) == [analyzer.stems(d) for d in docs[:40]]


def test_analyzer_properties():
    a = slovo.Analyzer(kinds=("word", "hashtag"), min_chars=3, stem=False, unicode_form="NFKC", lowercase=False)
    assert a.kinds == ["word", "hashtag"]
    assert (a.min_chars, a.stem, a.form, a.unicode_form) == (3, False, "normalized", "NFKC")
    assert (a.lowercase, a.yo_to_ye, a.pos) == (False, True, None)
    assert a.stop_words == slovo.StopWords.russian()
    assert slovo.Analyzer(stop_words=None).stop_words == slovo.StopWords()
    assert slovo.Analyzer() == slovo.Analyzer() and slovo.Analyzer() != a


@pytest.mark.parametrize(
    "call",
    [
        lambda: slovo.tokenize(1),
        lambda: slovo.tokenize(b"bytes"),
        lambda: slovo.tokenize_many("not a list"),
        lambda: slovo.tokenize_many([1, 2]),
        lambda: slovo.stem(None),
        lambda: slovo.stem_many("слово"),
        lambda: slovo.normalize(3),
        lambda: slovo.Analyzer().terms(3.5),
        lambda: slovo.Analyzer(min_chars="2"),
        lambda: slovo.Analyzer(stop_words=5),
        lambda: slovo.Analyzer(stop_words=["да", 5]),
        lambda: slovo.StopWords("одна строка"),
        lambda: slovo.DocumentFrequencies().merge("x"),
        lambda: slovo.TfidfVectorizer(analyzer=lambda doc: [1, 2]).fit(["а"]),
        lambda: slovo.TfidfVectorizer(min_df="2").fit(["а"]),
        lambda: slovo.TfidfVectorizer().fit(5),
    ],
)
def test_wrong_types_raise_type_error(call):
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: slovo.Analyzer(kinds=["noun"]),
        lambda: slovo.Analyzer(unicode_form="NFD"),
        lambda: slovo.Analyzer(form="root"),
        lambda: slovo.Analyzer(pos=["NOUNS"]),
        lambda: slovo.Analyzer(form="lemma", stem=True),
        lambda: slovo.Analyzer(stop_words="english"),
        lambda: slovo.Token("x", kind="verb"),
        lambda: slovo.TfidfVectorizer(ngram_range=(2, 1)).fit(["а"]),
        lambda: slovo.TfidfVectorizer(ngram_range=(-1, 1)).fit(["а"]),
        lambda: slovo.TfidfVectorizer(min_df=1.5).fit(["а"]),
        lambda: slovo.TfidfVectorizer(min_df=-1).fit(["а"]),
        lambda: slovo.TfidfVectorizer(max_features=0).fit(["а"]),
        lambda: slovo.TfidfVectorizer(norm="l3").fit(["а"]),
        lambda: slovo.TfidfVectorizer(stop_words="russian").fit(["а"]),
        lambda: slovo.TfidfVectorizer().fit("одна строка"),
        lambda: slovo.TfidfVectorizer().transform(["а"]),
        lambda: slovo.DocumentFrequencies.from_bytes(b"garbage"),
    ],
)
def test_bad_values_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_missing_file_raises_os_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such"):
        slovo.StopWords.from_file(tmp_path / "no-such.txt")
    with pytest.raises(IsADirectoryError):
        slovo.StopWords.from_file(tmp_path)
    path = tmp_path / "stop.txt"
    path.write_text("вот\n# c\nну\n", encoding="utf-8")
    assert slovo.StopWords.from_file(path) == slovo.StopWords(["вот", "ну"])
    path.write_bytes(b"\xff\xfe\xfa")
    with pytest.raises(ValueError, match="UTF-8"):
        slovo.StopWords.from_file(str(path))


def test_sentences(sample, docs):
    text = "Е. Казыхан посетил Брюссель. Стороны обсудили вопросы партнёрства!"
    got = slovo.sentences(text)
    assert [s.text for s in got] == ["Е. Казыхан посетил Брюссель.", "Стороны обсудили вопросы партнёрства!"]
    for doc in [sample, *docs[:50]]:
        for s in slovo.sentences(doc):
            assert doc[s.start : s.end] == s.text
    assert slovo.sentences_many(docs[:20]) == [slovo.sentences(d) for d in docs[:20]]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_sentences_offsets_random_unicode(text):
    last = 0
    for s in slovo.sentences(text):
        assert text[s.start : s.end] == s.text and s.start >= last
        last = s.end
