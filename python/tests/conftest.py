import json
from pathlib import Path

import pytest

import slovo

DATA = Path(__file__).parent / "data"


def load_docs():
    with open(DATA / "opencorpora_200.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


@pytest.fixture(scope="session")
def docs():
    return load_docs()


@pytest.fixture(scope="session")
def sample():
    return (DATA / "pushkin_pikovaya_ch1.txt").read_text(encoding="utf-8")


@pytest.fixture()
def analyzer():
    return slovo.Analyzer()
