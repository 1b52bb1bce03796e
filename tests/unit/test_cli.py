"""The command line: errors, selection defaults, --check, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sample_specs import MINI_SPEC

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def mini_spec(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_SPEC)
    return path


def _tree(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def test_missing_spec_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main([str(tmp_path / "nope.yaml"), "--all", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.strip() == f"error: {tmp_path / 'nope.yaml'}: spec file not found"
    assert not (tmp_path / "out").exists()


def test_unknown_operation_suggests(
    mini_spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [str(mini_spec), "--operation", "getThings", "-o", str(tmp_path / "out")]
    )
    err = capsys.readouterr().err.strip()
    assert status == 2
    assert (
        err
        == "error: unknown operation id 'getThings'; did you mean getThing, createThing?"
    )


def test_generates_all_artifacts_and_check(
    mini_spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main([str(mini_spec), "--all", "-o", str(out), "--quiet"]) == 0
    files = _tree(out)
    assert "pod/OpenAPI/Client/OpenAI/Path.pod" in files
    assert "pod/OpenAPI/Client/OpenAI/Path/things-thing_id.pod" in files
    assert "markdown/README.md" in files
    assert "python/openai_client/__init__.py" in files
    assert "python/openai_client/py.typed" in files
    assert main([str(mini_spec), "--all", "-o", str(out), "--check"]) == 0
    (out / "markdown" / "README.md").write_text("edited\n")
    capsys.readouterr()
    assert main([str(mini_spec), "--all", "-o", str(out), "--check"]) == 1
    err = capsys.readouterr().err
    assert "M markdown/README.md" in err
    assert (out / "markdown" / "README.md").read_text() == "edited\n"


def test_selection_default_comes_from_pyproject(
    mini_spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[tool.generator]\noperations = ["createThing"]\n'
    )
    monkeypatch.chdir(project)
    assert main([str(mini_spec), "--quiet"]) == 0
    pods = sorted(
        p.name for p in (project / "generated/pod/OpenAPI/Client/OpenAI/Path").iterdir()
    )
    assert pods == ["things.pod"]


def test_bad_copyright_years(
    mini_spec: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for years in ("twenty", "2025-2023"):
        assert main([str(mini_spec), "--all", "--copyright-years", years]) == 2
        assert "copyright years must look like 2023-2025" in capsys.readouterr().err


def test_same_bytes_from_two_working_directories(
    mini_spec: Path, tmp_path: Path
) -> None:
    """Two runs from different directories, with different hash seeds, write the same bytes."""
    outputs = []
    for n in (1, 2):
        cwd = tmp_path / f"cwd{n}"
        cwd.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": str(n), "PYTHONPATH": str(REPO)}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                str(mini_spec),
                "--all",
                "-o",
                "out",
                "-q",
            ],
            cwd=cwd,
            env=env,
            check=True,
            timeout=120,
        )
        outputs.append(_tree(cwd / "out"))
    assert outputs[0] == outputs[1]
    assert all(
        str(tmp_path) not in v.decode("utf-8", "replace") for v in outputs[0].values()
    )


def test_help_teaches() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    for words in (
        "--operation ID",
        "--check",
        "[tool.generator]",
        "exit status",
        "examples:",
    ):
        assert words in result.stdout


def test_validate_reports_findings_as_warnings(
    mini_spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(
        MINI_SPEC.replace('info: {title: Mini, version: "1"}', 'info: {version: "1"}')
    )
    assert main([str(invalid), "--all", "-o", str(tmp_path / "out"), "--validate"]) == 0
    err = capsys.readouterr().err
    assert "warning: spec validation: 'title' is a required property (at info)" in err
    assert (
        main([str(mini_spec), "--all", "-o", str(tmp_path / "out"), "--validate"]) == 0
    )
    # (the project's overlays may warn about this small spec; validation does not)
    assert "warning: spec validation" not in capsys.readouterr().err
