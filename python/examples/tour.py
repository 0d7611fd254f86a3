"""A quick tour of slovo's Python API on a short news text.

    python examples/tour.py
"""
import pickle

import slovo

text = "Е. Казыхан посетил Брюссель. Стороны обсудили вопросы партнёрства в рамках визита."

# Tokens carry code-point offsets: slicing the text gives the token back.
for token in slovo.tokenize(text)[:4]:
    print(token.kind, repr(token.text), text[token.start : token.end] == token.text)

print(slovo.normalize("Приве\u0301т, Ёлка", lowercase=True, yo_to_ye=True))  # привет, елка
print(slovo.stem("партнёрства"), slovo.stem_many(["Стороны", "обсудили"]))

# The analyzer: tokenize → normalize → stop words → stem, with the source span of each term.
analyzer = slovo.Analyzer(min_chars=3)
for term in analyzer.terms(text)[:3]:
    print(term.stem, term.surface, term.start, term.end)

# Lists of documents are processed in parallel, without the GIL.
docs = [text, "Брюссель принял делегацию.", "Вопросы партнёрства обсудят снова."]
print(analyzer.stems_many(docs))

# TF-IDF with scikit-learn's options, returning scipy.sparse.csr_matrix.
vectorizer = slovo.TfidfVectorizer(analyzer=analyzer, ngram_range=(1, 2))
matrix = vectorizer.fit_transform(docs)
print(matrix.shape, list(vectorizer.get_feature_names_out()[:5]))

# Everything pickles.
restored = pickle.loads(pickle.dumps(vectorizer))
assert (restored.transform(docs) != matrix).nnz == 0
