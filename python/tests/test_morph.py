"""Morphology: lemmas, analyses, inflection, phrases in dictionary form."""
import copy
import pickle
import threading
import time

import pytest

import slovo

# --- lemma / lemmatize ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("коммуникаций", "коммуникация"),
        ("Москвы", "москва"),
        ("стали", "стать"),
        # Unknown names: guessed from the ending.
        ("Токаева", "токаев"),
        ("Клинсмана", "клинсман"),
        # ё both ways: the lemma is in the dictionary's spelling.
        ("ёлками", "ёлка"),
        ("елками", "ёлка"),
        # Hyphenated words.
        ("Ростов-на-Дону", "ростов-на-дону"),
        ("кто-то", "кто-то"),
        ("интернет-кафе", "интернет-кафе"),
    ],
)
def test_lemma(word, lemma):
    assert slovo.lemma(word) == lemma


def test_lemma_is_total():
    for word in ["", " ", "123", "!!!", "a", "ё\u0308", "\u0301", "x" * 10_000, "\ud800"[:0]]:
        assert isinstance(slovo.lemma(word), str)
        assert isinstance(slovo.parse(word), list)


def test_lemmatize_text():
    assert slovo.lemmatize("Стороны обсудили вопросы партнёрства.") == [
        "сторона",
        "обсудить",
        "вопрос",
        "партнёрство",
    ]
    # Numbers and punctuation are not words; a single word is a text of one word.
    assert slovo.lemmatize("В 2024 году, в Ростове-на-Дону!") == ["в", "год", "в", "ростов-на-дону"]
    assert slovo.lemmatize("Москвы") == ["москва"]
    assert slovo.lemmatize("") == []
    assert slovo.lemmatize("... 42 !") == []


def test_lemmatize_type_errors():
    with pytest.raises(TypeError, match="lemmatize_many"):
        slovo.lemmatize(["Москвы"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="single str"):
        slovo.lemmatize_many("Москвы")
    with pytest.raises(TypeError, match="single str"):
        slovo.lemma_many("Москвы")
    with pytest.raises(TypeError):
        slovo.lemma_many([1, 2])  # type: ignore[list-item]


def test_lemmatize_in_context():
    text = "Я читаю книги. Мы купили мыла."
    plain = slovo.lemmatize(text)
    ranked = slovo.lemmatize(text, context=True)
    assert plain == ["я", "читать", "книга", "мы", "купить", "мыть"]
    assert ranked == ["я", "читать", "книга", "мы", "купить", "мыло"]  # the noun, in context


NEWS = [
    "Президент Казахстана Касым-Жомарт Токаев провёл переговоры с Европейским союзом.",
    "Стороны обсудили вопросы партнёрства и сотрудничества в сфере энергетики.",
    "",
    "В Ростове-на-Дону открылось новое интернет-кафе; кто-то уже пришёл.",
    "Ёлки и елки: ё пишут не все.",
] * 20


def test_batch_equals_single():
    assert slovo.lemmatize_many(NEWS) == [slovo.lemmatize(t) for t in NEWS]
    assert slovo.lemmatize_many(NEWS, context=True) == [
        slovo.lemmatize(t, context=True) for t in NEWS
    ]
    words = [w for t in NEWS for w in t.split()]
    assert slovo.lemma_many(words) == [slovo.lemma(w) for w in words]
    phrases = ["Европейского союза", "научных коммуникаций", "Касым-Жомарта Токаева"] * 10
    assert slovo.normal_phrase_many(phrases) == [slovo.normal_phrase(p) for p in phrases]
    sentences = [t.split() for t in NEWS]
    assert slovo.parse_sentence_many(sentences) == [slovo.parse_sentence(s) for s in sentences]
    assert slovo.parse_sentence_many(sentences, context=False) == [
        slovo.parse_sentence(s, context=False) for s in sentences
    ]


def test_lemma_many_long_list_is_parallel_and_ordered():
    words = [f"слово{i}" if i % 3 else "Москвы" for i in range(50_000)]
    lemmas = slovo.lemma_many(words)
    assert len(lemmas) == len(words)
    assert lemmas[0] == "москва"
    assert lemmas[1] == slovo.lemma("слово1")
    assert lemmas[49_999] == slovo.lemma(words[49_999])


def test_batch_forms_release_the_gil():
    """While `lemmatize_many` runs in one thread, Python code keeps running in another."""
    texts = NEWS * 100
    slovo.lemmatize_many(texts)  # dictionary loaded, caches warm
    ticks = 0
    done = threading.Event()

    def work():
        for _ in range(5):
            slovo.lemmatize_many(texts, context=True)
        done.set()

    thread = threading.Thread(target=work)
    thread.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.0005)
    thread.join()
    assert ticks > 5


def test_threads_agree():
    """Many Python threads lemmatizing at once (each with its own cache) agree with one."""
    expected = [slovo.lemmatize(t) for t in NEWS]
    results: list = [None] * 8

    def work(i):
        results[i] = [slovo.lemmatize(t) for t in NEWS]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


# --- parse / Parse --------------------------------------------------------------------------


def test_parse():
    parses = slovo.parse("коммуникаций")
    best = parses[0]
    assert (best.word, best.lemma, best.pos) == ("коммуникаций", "коммуникация", "NOUN")
    assert best.feats == "Animacy=Inan|Case=Gen|Gender=Fem|Number=Plur"
    assert best.features == {"Animacy": "Inan", "Case": "Gen", "Gender": "Fem", "Number": "Plur"}
    assert (best.case, best.number, best.gender, best.animacy) == ("Gen", "Plur", "Fem", "Inan")
    assert best.tense is None and best.person is None
    assert best.origin == "dictionary"
    assert abs(sum(p.score for p in parses) - 1) < 1e-6
    assert [p.score for p in parses] == sorted((p.score for p in parses), reverse=True)


def test_parse_unknown_and_special_words():
    tokaev = slovo.parse("Токаева")[0]
    assert (tokaev.lemma, tokaev.pos) == ("токаев", "PROPN")
    klinsman = slovo.parse("Клинсмана")[0]
    assert (klinsman.lemma, klinsman.pos, klinsman.origin) == ("клинсман", "PROPN", "guess")
    assert slovo.parse("ТЮРКСОЙ")[0].pos == "PROPN"
    assert slovo.parse("2024")[0].origin == "rule"
    assert slovo.parse("Елки")[0].word == "ёлки"
    assert [(p.lemma, p.pos) for p in slovo.parse("Ростов-на-Дону")][0] == (
        "ростов-на-дону",
        "PROPN",
    )
    assert slovo.parse("кто-то")[0].pos == "PRON"
    assert slovo.parse("интернет-кафе")[0].pos == "NOUN"
    # Capitalised names: `Вера` is first a name, `вера` a noun.
    assert slovo.parse("Вера")[0].pos == "PROPN"
    assert slovo.parse("вера")[0].pos == "NOUN"
    verb = slovo.parse("обсудили")[0]
    assert (verb.pos, verb.tense, verb.number, verb.aspect) == ("VERB", "Past", "Plur", "Perf")
    assert slovo.parse("") == []


def test_parse_is_frozen_hashable_picklable():
    p = slovo.parse("союза")[0]
    with pytest.raises(AttributeError):
        p.lemma = "x"  # type: ignore[misc]
    assert p == slovo.parse("союза")[0]
    assert hash(p) == hash(slovo.parse("союза")[0])
    assert len({p, slovo.parse("союза")[0], slovo.parse("стали")[0]}) == 2
    assert p != slovo.parse("стали")[0]
    assert p != "союза"
    for q in (pickle.loads(pickle.dumps(p)), copy.copy(p), copy.deepcopy(p)):
        assert q == p and hash(q) == hash(p)
        # The round-tripped analysis still inflects.
        assert q.inflect(case="dat").word == "союзу"


def test_parse_repr_is_python():
    p = slovo.parse("союза")[0]
    r = repr(p)
    assert r.startswith("Parse(word='союза', lemma='союз', pos='NOUN', feats='Animacy=Inan|")
    assert eval(r, {"Parse": slovo.Parse}) == p


def test_parse_constructor():
    p = slovo.Parse("кошек", "кошка", "NOUN", "Case=Gen|Number=Plur", 0.5, "guess")
    assert (p.case, p.number, p.score, p.origin) == ("Gen", "Plur", 0.5, "guess")
    assert slovo.Parse("а", "а").pos == "X"
    with pytest.raises(ValueError, match="part of speech"):
        slovo.Parse("а", "а", pos="NOUNS")
    with pytest.raises(ValueError, match="origin"):
        slovo.Parse("а", "а", origin="magic")
    with pytest.raises(ValueError, match="feats"):
        slovo.Parse("а", "а", feats="Case")


def test_parse_sentence():
    alone = slovo.parse("книги")[0]
    in_context = slovo.parse_sentence(["Я", "читаю", "книги"])
    assert [p.lemma for p in in_context] == ["я", "читать", "книга"]
    assert in_context[2].case == "Acc" and alone.case == "Gen"
    assert slovo.parse_sentence(["Я", "читаю", "книги"], context=False)[2] == alone
    assert slovo.parse_sentence([]) == []
    with pytest.raises(TypeError, match="single str"):
        slovo.parse_sentence("Я читаю книги")


def test_forms():
    forms = slovo.parse("союз")[0].forms()
    assert {p.word for p in forms} >= {"союз", "союза", "союзу", "союзом", "союзе", "союзы"}
    assert all(p.lemma == "союз" for p in forms)


# --- inflect --------------------------------------------------------------------------------


def test_inflect():
    assert slovo.inflect("кошка", case="gen", number="plur") == "кошек"
    assert slovo.inflect("Москва", case="gen") == "Москвы"
    assert slovo.inflect("МОСКВА", case="ins") == "МОСКВОЙ"
    assert slovo.inflect("кошка", {"case": "dat"}) == "кошке"
    assert slovo.inflect("кошка", {"Case": "Dat", "Number": "Plur"}) == "кошкам"
    # OpenCorpora grammemes, as pymorphy writes them.
    assert slovo.inflect("кошка", case="ablt", number="plur") == "кошками"
    # The first analysis that has the form: `быстро` as an adverb has no case.
    assert slovo.inflect("быстро", case="gen") == "быстрого"
    assert slovo.inflect("читать", tense="past", gender="fem") == "читала"
    assert slovo.inflect("и", case="gen") is None
    assert slovo.inflect("Вера", case="dat") == "Вере"
    parse = slovo.parse("кошка")[0]
    assert slovo.inflect(parse, case="gen", number="plur") == "кошек"
    cats = parse.inflect(case="gen", number="plur")
    assert cats is not None and (cats.word, cats.lemma, cats.case) == ("кошек", "кошка", "Gen")


def test_inflect_errors():
    with pytest.raises(ValueError, match="unknown case 'genitive'"):
        slovo.inflect("кошка", case="genitive")
    with pytest.raises(ValueError, match="Nom, Gen"):
        slovo.inflect("кошка", case="xx")
    with pytest.raises(ValueError, match="unknown feature 'kase'"):
        slovo.inflect("кошка", {"kase": "gen"})
    with pytest.raises(ValueError, match="no features"):
        slovo.inflect("кошка")
    with pytest.raises(TypeError):
        slovo.inflect("кошка", kase="gen")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="mapping"):
        slovo.inflect("кошка", ["gen"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str or a Parse"):
        slovo.inflect(42, case="gen")  # type: ignore[arg-type]


# --- normal_phrase --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "normal"),
    [
        ("Европейского союза", "Европейский союз"),
        ("научных коммуникаций", "научные коммуникации"),
        ("системы научных коммуникаций", "система научных коммуникаций"),
        ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев"),
        ("Ростов-на-Дону", "Ростов-на-Дону"),
        ("интернет-кафе", "интернет-кафе"),
        ("зелёной ёлки", "зелёная ёлка"),
        ("", ""),
    ],
)
def test_normal_phrase(phrase, normal):
    assert slovo.normal_phrase(phrase) == normal


def test_dictionary_notice_ships_with_the_package():
    """The wheel carries the dictionary's attribution (CC BY-SA 4.0), a copy of the crate's."""
    from pathlib import Path

    shipped = Path(slovo.__file__).parent / "NOTICE-morph.md"
    assert "CC BY-SA 4.0" in shipped.read_text(encoding="utf-8")
    source = Path(__file__).parents[2] / "src" / "morph" / "NOTICE.md"
    if source.exists():
        assert shipped.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


# --- Analyzer(form="lemma", pos=...) and readable TF-IDF features ---------------------------


def test_analyzer_lemma_form():
    text = "Стороны обсудили вопросы партнёрства."
    a = slovo.Analyzer(form="lemma")
    assert a.form == "lemma" and not a.stem
    assert a.stems(text) == ["сторона", "обсудить", "вопрос", "партнерство"]
    terms = a.terms(text)
    assert (terms[0].stem, terms[0].surface, terms[0].start, terms[0].end) == ("сторона", "Стороны", 0, 7)
    assert a.stems_many([text] * 3) == [a.stems(text)] * 3
    assert slovo.Analyzer().form == "stem"
    assert slovo.Analyzer(form="normalized").stems("Стороны обсудили") == ["стороны", "обсудили"]
    assert slovo.Analyzer(stem=False).form == "normalized"


def test_analyzer_pos_filter():
    a = slovo.Analyzer(form="lemma", pos=["NOUN", "PROPN"])
    assert a.pos == ["NOUN", "PROPN"]
    assert a.stems("Президент Токаев быстро обсудил новые вопросы.") == ["президент", "токаев", "вопрос"]
    assert slovo.Analyzer(pos=["adj"]).pos == ["ADJ"]
    assert slovo.Analyzer().pos is None


def test_analyzer_lemma_repr_pickle():
    a = slovo.Analyzer(form="lemma", pos=["NOUN"], min_chars=3)
    assert "form='lemma', pos=['NOUN']" in repr(a)
    b = pickle.loads(pickle.dumps(a))
    assert b == a and b.form == "lemma" and b.pos == ["NOUN"]
    assert a != slovo.Analyzer(form="lemma", min_chars=3)


def test_analyzer_old_unicode_form_keyword_warns():
    with pytest.warns(DeprecationWarning, match="unicode_form"):
        a = slovo.Analyzer(form="NFKC")
    assert (a.form, a.unicode_form) == ("stem", "NFKC")


def test_tfidf_feature_names_are_lemmas():
    docs = [
        "Стороны обсудили вопросы партнёрства и сотрудничества.",
        "Вопрос партнёрства обсуждали стороны.",
        "Люди задержаны, задержание людей продлено.",
    ]
    vectorizer = slovo.TfidfVectorizer(analyzer=slovo.Analyzer(form="lemma"))
    matrix = vectorizer.fit_transform(docs)
    names = list(vectorizer.get_feature_names_out())
    assert {"сторона", "вопрос", "партнерство", "обсудить", "человек"} <= set(names)
    assert matrix.shape == (3, len(names))
    nouns = slovo.CountVectorizer(analyzer=slovo.Analyzer(form="lemma", pos=["NOUN"]))
    nouns.fit(docs)
    assert "обсудить" not in nouns.vocabulary_ and "сторона" in nouns.vocabulary_
    copy_ = pickle.loads(pickle.dumps(vectorizer))
    assert (copy_.transform(docs) != matrix).nnz == 0
