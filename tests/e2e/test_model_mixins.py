"""Hand-written members on generated models (``[tool.generator.model_mixins]``).

The SDK computes conveniences such as ``Response.output_text`` in code it
owns; a generated client needs a place for such code that regeneration does
not overwrite.  A mixin class lives in the user's own package, and the
configuration makes the model class of a schema derive from it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from golden_cases import FEATURE_SPECS
from python_client_support import MYPY_SECONDS

from generator.cli import main

CONFIG = """\
[tool.generator.model_mixins]
Book = "library_extras.books:BookExtras"
"""

#: The hand-written code: attributes the mixin reads are declared for the
#: type checker only (the model defines them).
MIXIN = """\
from __future__ import annotations

from typing import TYPE_CHECKING


class BookExtras:
    if TYPE_CHECKING:
        title: str
        subtitle: str | None

    @property
    def full_title(self) -> str:
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title
"""

USAGE = """\
from openai_client import models

book = models.Book.from_data(
    {"id": "book_abc", "object": "book", "title": "Dune", "subtitle": "A novel"}
)
title: str = book.full_title
print(title)
"""


def _generate(root: Path) -> Path:
    out = root / "out"
    spec = FEATURE_SPECS / "feature.yaml"
    assert main([str(spec), "--all", "-o", str(out), "-q"]) == 0
    return out / "python"


def _run(root: Path, python_dir: Path, *command: str) -> str:
    env = {
        **os.environ,
        "PYTHONPATH": f"{python_dir}{os.pathsep}{root}",
        "MYPYPATH": f"{python_dir}{os.pathsep}{root}",
    }
    result = subprocess.run(
        [sys.executable, *command],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=MYPY_SECONDS,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_mixin_adds_typed_members_that_survive_regeneration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.generator]\n" + CONFIG)
    package = tmp_path / "library_extras"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "books.py").write_text(MIXIN)
    (tmp_path / "usage.py").write_text(USAGE)

    python_dir = _generate(tmp_path)
    models = (python_dir / "openai_client" / "models.py").read_text()
    assert "\nimport library_extras.books\n" in models
    assert "class Book(library_extras.books.BookExtras, BaseModel):" in models
    # Only the configured schema's class gains the base.
    assert models.count("library_extras.books.BookExtras") == 1

    assert _run(tmp_path, python_dir, "usage.py") == "Dune: A novel\n"
    _run(tmp_path, python_dir, "-m", "mypy", "--strict", "--no-incremental", "usage.py")

    # Regeneration writes the same models: the mixin is configuration.
    again = _generate(tmp_path)
    assert (again / "openai_client" / "models.py").read_text() == models
    assert (package / "books.py").read_text() == MIXIN


@pytest.mark.parametrize(
    "target", ["library_extras.books", "library-extras:Books", "pkg:class"]
)
def test_a_malformed_mixin_is_one_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    target: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.generator.model_mixins]\nBook = "{target}"\n'
    )
    spec = FEATURE_SPECS / "feature.yaml"
    assert main([str(spec), "--all", "-o", "out", "-q"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "package.module:ClassName" in lines[0]
    assert not Path("out").exists()
