"""The shipped stubs match the compiled module (mypy's stubtest) and type-check."""
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

PACKAGE = Path(__file__).parent.parent


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, cwd=PACKAGE
    )


def test_stubtest():
    result = run("mypy.stubtest", "slovo._slovo", "slovo._tfidf")
    assert result.returncode == 0, result.stdout + result.stderr


def test_examples_type_check():
    result = run("mypy", "--ignore-missing-imports", "examples/tour.py")
    assert result.returncode == 0, result.stdout + result.stderr
