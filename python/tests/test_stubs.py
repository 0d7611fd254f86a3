"""The shipped stubs match the compiled module (mypy's stubtest) and type-check."""
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

PACKAGE = Path(__file__).parent.parent


def run(*args, cwd):
    # Never from python/: `python -m` would import the source folder python/slovo (no
    # compiled extension there) instead of the installed package and its shipped stubs.
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, cwd=cwd
    )


def test_stubtest(tmp_path):
    result = run("mypy.stubtest", "slovo._slovo", "slovo._text", "slovo._errors", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_examples_type_check(tmp_path):
    result = run(
        "mypy",
        "--ignore-missing-imports",
        "--cache-dir",
        str(tmp_path / "mypy"),
        str(PACKAGE / "examples" / "tour.py"),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
