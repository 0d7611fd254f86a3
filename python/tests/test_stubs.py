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
    """`mypy --strict` passes on the examples, with slovo's precise types (e.g.
    `fit_transform` is a `scipy.sparse.csr_matrix`, checked by `reveal_type` below)."""
    import importlib.metadata

    try:
        importlib.metadata.version("scipy-stubs")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("scipy-stubs is not installed")
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import slovo\n"
        "reveal_type(slovo.TfidfVectorizer().fit_transform(['а']))\n"
        "reveal_type(slovo.CountVectorizer().transform(['а']))\n"
        "reveal_type(slovo.tokenize('а').to_pandas())\n",
        encoding="utf-8",
    )
    revealed = run("mypy", "--cache-dir", str(tmp_path / "mypy"), str(probe), cwd=tmp_path)
    assert revealed.stdout.count("scipy.sparse._csr.csr_matrix") == 2, revealed.stdout
    assert "DataFrame" in revealed.stdout, revealed.stdout
    result = run(
        "mypy",
        "--strict",
        "--cache-dir",
        str(tmp_path / "mypy"),
        *(str(p) for p in sorted((PACKAGE / "examples").glob("*.py"))),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
