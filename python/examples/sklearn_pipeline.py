"""Text classification with slovo's TfidfVectorizer inside a scikit-learn Pipeline.

The task is a toy one made from the bundled OpenCorpora slice: does a document mention
Russia (росси…)? The word itself is hidden from the model, which must learn it from context.

    python examples/sklearn_pipeline.py
"""
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import (  # type: ignore[import-untyped]
    GridSearchCV,
    train_test_split,
)
from sklearn.pipeline import Pipeline  # type: ignore[import-untyped]

import slovo

data = Path(__file__).parent.parent / "tests" / "data" / "opencorpora_200.jsonl"
docs = [json.loads(line)["text"] for line in data.read_text(encoding="utf-8").splitlines()]
y = np.array([int("росси" in d.lower()) for d in docs])
# Hide the label word: stop words are removed before counting (matched against the
# normalized words, before stemming).
stop_words = slovo.StopWords.russian().to_list() + ["россия", "россии", "российский"]

pipeline = Pipeline(
    [
        ("tfidf", slovo.TfidfVectorizer(stop_words=stop_words, sublinear_tf=True)),
        ("clf", LogisticRegression(max_iter=1000)),
    ]
)
search = GridSearchCV(
    pipeline,
    {"tfidf__ngram_range": [(1, 1), (1, 2)], "tfidf__min_df": [1, 2], "clf__C": [1.0, 10.0]},
    cv=3,
)
train_docs, test_docs, y_train, y_test = train_test_split(docs, y, random_state=0, stratify=y)
search.fit(train_docs, y_train)
print("best parameters:", search.best_params_)
print(f"held-out accuracy: {search.score(test_docs, y_test):.3f} (majority class {max(y_test.mean(), 1 - y_test.mean()):.3f})")
