"""Every class pickles (versioned bytes) and rejects damaged state with ValueError."""
import copy
import pickle

import numpy as np
import pytest

import slovo


def fitted_vectorizer(docs):
    v = slovo.TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, analyzer=slovo.Analyzer(min_chars=3), dtype=np.float32
    )
    v.fit(docs[:30])
    return v


def objects(docs):
    table = slovo.TfidfVectorizer().count(docs[:10])
    return [
        slovo.Token("Брюссель", 3, 11, "word"),
        slovo.Term("брюссел", "Брюсселе", 0, 8),
        slovo.StopWords(["ещё", "вот"]),
        slovo.StopWords.russian(),
        slovo.Analyzer(kinds=["word", "number"], stop_words=["да"], min_chars=1, stem=False, unicode_form="NFKC"),
        table,
        slovo.keywords(docs[0], 1)[0],
        slovo.detect(docs[0]),
        slovo.sentences(docs[0])[0],
        slovo.tokenize(docs[0]),
        slovo.tokenize(docs[1])[10:3:-2],
    ]


def test_round_trips(docs):
    for obj in objects(docs):
        for protocol in (2, pickle.HIGHEST_PROTOCOL):
            back = pickle.loads(pickle.dumps(obj, protocol=protocol))
            assert type(back) is type(obj) and back == obj
        assert copy.deepcopy(obj) == obj


def test_analyzer_round_trip_behaves_the_same(docs):
    a = slovo.Analyzer(kinds=["word", "number"], stop_words=["год"], min_chars=1)
    b = pickle.loads(pickle.dumps(a))
    assert b.terms_many(docs[:5]) == a.terms_many(docs[:5])


def test_vectorizer_round_trip(docs):
    v = fitted_vectorizer(docs)
    back = pickle.loads(pickle.dumps(v))
    assert back.get_params().keys() == v.get_params().keys()
    assert back.analyzer == v.analyzer and back.ngram_range == v.ngram_range
    assert back.vocabulary_ == v.vocabulary_
    np.testing.assert_array_equal(back.idf_, v.idf_)
    a, b = v.transform(docs[30:40]), back.transform(docs[30:40])
    assert a.dtype == b.dtype == np.float32
    assert (a != b).nnz == 0
    # An unfitted vectorizer pickles too, and stays unfitted.
    with pytest.raises(slovo.NotFittedError):
        pickle.loads(pickle.dumps(slovo.TfidfVectorizer())).transform(["а"])


def test_model_round_trip(docs):
    model = fitted_vectorizer(docs)._model
    back = pickle.loads(pickle.dumps(model))
    assert back.vocabulary == model.vocabulary and back.analyzer == model.analyzer


def damaged_states(state):
    yield b""
    yield b"garbage"
    yield state[: len(state) // 2]
    yield state + b"\x00"
    yield "not bytes"
    yield None


@pytest.mark.parametrize("index", range(11))
def test_damaged_state_raises_value_error(docs, index):
    obj = objects(docs)[index]
    state = obj.__getstate__()
    for bad in damaged_states(state):
        fresh = type(obj).__new__(type(obj))
        with pytest.raises(ValueError):
            fresh.__setstate__(bad)


def test_damaged_model_state_raises_value_error(docs):
    model = fitted_vectorizer(docs)._model
    state = model.__getstate__()
    for bad in damaged_states(state):
        with pytest.raises(ValueError):
            type(model).__new__(type(model)).__setstate__(bad)


def test_state_of_another_class_or_version_is_rejected():
    token_state = slovo.Token("а", 0, 1).__getstate__()
    with pytest.raises(ValueError, match="Term"):
        slovo.Term().__setstate__(token_state)
    # The version follows the class name (postcard: length-prefixed str, varint u32).
    newer = bytearray(token_state)
    newer[1 + len("Token")] = 99
    with pytest.raises(ValueError, match="version 99"):
        slovo.Token().__setstate__(bytes(newer))


def test_tokens_state_must_describe_its_text():
    """Spans beyond the text, unequal columns or unknown kinds are refused."""
    from slovo._slovo import Tokens

    def state(source, starts, ends, kinds):
        # postcard: str = varint length + bytes, seq = varint length + items.
        def uvar(n):
            out = bytearray()
            while True:
                byte = n & 0x7F
                n >>= 7
                out.append(byte | (0x80 if n else 0))
                if not n:
                    return bytes(out)

        def seq(items):
            return uvar(len(items)) + b"".join(uvar(i) for i in items)

        def text(s):
            return uvar(len(s.encode())) + s.encode()

        return text("Tokens") + uvar(1) + text(source) + seq(starts) + seq(ends) + seq(kinds)

    good = state("да нет", [0, 3], [2, 6], [0, 0])
    fresh = Tokens()
    fresh.__setstate__(good)
    assert fresh == slovo.tokenize("да нет")
    for bad in (
        state("да нет", [0, 3], [2, 7], [0, 0]),
        state("да нет", [3], [2], [0]),
        state("да нет", [0, 3], [2], [0, 0]),
        state("да нет", [0], [2], [200]),
    ):
        with pytest.raises(ValueError):
            Tokens().__setstate__(bad)
