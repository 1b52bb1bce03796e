"""Broken and hostile specs: one clear error line, exit 2, output untouched.

Each file in ``tests/broken_specs/`` is a document the generator must refuse;
EXPECTED maps it to the words its error line must contain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

BROKEN = Path(__file__).parent / "broken_specs"

EXPECTED = {
    "alias_bomb.yaml": "alias replay limit exceeded",
    "duplicate_key.yaml": "duplicate mapping key: '/a'",
    "empty.yaml": "the file is empty",
    "malformed.yaml": "line 8, column 17",
    "no_openapi_field.yaml": "not an OpenAPI document",
    "no_paths.yaml": "no 'paths' mapping",
    "not_utf8.yaml": "not UTF-8",
    "swagger2.yaml": "OpenAPI 2.0 is not supported",
    "top_level_list.yaml": "the top level is not a mapping",
    "truncated.json": "invalid JSON",
    "unquoted_version.yaml": 'must be a string such as "3.1.0", not 3.1',
}


def test_every_broken_spec_has_an_expectation() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in directory.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_spec_is_refused_cleanly(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("a user's file\n")
    before = _snapshot(out)

    status = main([str(BROKEN / name), "--output", str(out), "--all"])

    captured = capsys.readouterr()
    assert status == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("error: ")
    assert EXPECTED[name] in lines[0]
    assert "Traceback" not in captured.err
    assert _snapshot(out) == before
