"""Compiled templates are cached beside the templates and never served stale."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator import templating


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "templates"
    (copy / "demo").mkdir(parents=True)
    (copy / "demo" / "page.j2").write_text("one {{ x }}\n")
    monkeypatch.setattr(templating, "templates_dir", lambda: copy)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    templating.environment.cache_clear()
    return copy


def _render() -> str:
    templating.environment.cache_clear()
    return templating.environment("demo").get_template("page.j2").render(x=1)


def test_cache_written_read_and_an_edited_template_recompiled(
    templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str | None] = []
    compile_source = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: str, name: str | None = None, *args: Any
    ) -> Any:
        compiled.append(name)
        return compile_source(self, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    assert _render() == "one 1\n"
    cached = sorted((templates / "__pycache__").iterdir())
    assert len(cached) == 1 and compiled == ["page.j2"]
    assert _render() == "one 1\n"
    assert compiled == ["page.j2"], "the second environment read the cache"
    (templates / "demo" / "page.j2").write_text("two {{ x }}\n")
    assert _render() == "two 1\n"
    assert compiled == ["page.j2", "page.j2"]
    assert sorted((templates / "__pycache__").iterdir()) == cached
    templating.environment.cache_clear()


def test_no_cache_written_when_bytecode_is_not_to_be_written(
    templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert _render() == "one 1\n"
    assert not (templates / "__pycache__").exists()
    (templates / "__pycache__").mkdir()
    assert _render() == "one 1\n"
    assert list((templates / "__pycache__").iterdir()) == []
    templating.environment.cache_clear()


def test_unwritable_cache_still_renders(templates: Path) -> None:
    (templates / "__pycache__").write_text("a file where the folder should be")
    assert _render() == "one 1\n"
    shutil.rmtree(templates)
    templating.environment.cache_clear()
