"""Reruns with unchanged inputs render nothing, and never serve stale output.

Each input of a run is changed in turn (a spec byte, an option, the
selection, a template, the generator's code, a library version, a file
edited or deleted on disk) and must lead to a full run; ``--check`` takes the
same shortcut.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sample_specs import MINI_SPEC

from generator import fingerprint
from generator.cli import main
from generator.errors import GeneratorError
from generator.pipeline import RunOptions, RunResult, run
from generator.render import RenderOptions
from generator.selection import Selection
from generator.templating import templates_dir
from generator.write import MANIFEST_NAME

PACKAGE = Path(fingerprint.__file__).resolve().parent


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_SPEC)
    return path


@pytest.fixture
def code_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The fingerprint reads a copy of the generator's code and templates."""
    copy = tmp_path / "code"
    shutil.copytree(PACKAGE, copy / "generator")
    shutil.copytree(templates_dir(), copy / "templates")
    monkeypatch.setattr(fingerprint, "_PACKAGE_DIR", copy / "generator")
    monkeypatch.setattr(fingerprint, "templates_dir", lambda: copy / "templates")
    fingerprint.tool.cache_clear()
    yield copy
    fingerprint.tool.cache_clear()


def _run(
    spec: Path,
    out: Path,
    check: bool = False,
    render: RenderOptions = RenderOptions(),
    selection: Selection = Selection(all=True),
) -> RunResult:
    return run(RunOptions(spec, out, selection, render=render, check=check))


def _tree(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def test_unchanged_rerun_and_check_render_nothing(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _run(spec, out)
    assert first.rendered and first.changes.added
    before = _tree(out)
    again = _run(spec, out)
    assert not again.rendered
    assert again.changes.clean and sorted(again.changes.unchanged) == sorted(before)
    assert _tree(out) == before
    check = _run(spec, out, check=True)
    assert not check.rendered and check.changes.clean


def _append_to_spec(spec: Path) -> None:
    spec.write_bytes(spec.read_bytes() + b"\n")


def _add_operation(spec: Path) -> None:
    spec.write_text(
        MINI_SPEC.replace(
            "  /things:\n",
            "  /ping:\n    get:\n      operationId: ping\n"
            '      responses: {"204": {description: No content}}\n'
            "  /things:\n",
        )
    )


@pytest.mark.parametrize(
    "change",
    [_append_to_spec, _add_operation],
    ids=["one spec byte", "a new operation"],
)
def test_changed_spec_renders(
    spec: Path, tmp_path: Path, change: Callable[[Path], None]
) -> None:
    out = tmp_path / "out"
    _run(spec, out)
    change(spec)
    assert _run(spec, out, check=True).rendered
    assert _run(spec, out).rendered
    assert not _run(spec, out).rendered


def test_changed_option_or_selection_renders(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(spec, out)
    years = RenderOptions(copyright_years="2024-2026")
    assert _run(spec, out, render=years).rendered
    assert not _run(spec, out, render=years).rendered
    one = Selection(operations=("getThing",))
    result = _run(spec, out, render=years, selection=one)
    assert result.rendered and result.changes.removed
    assert not _run(spec, out, render=years, selection=one).rendered


def test_edited_or_deleted_output_file_renders_and_is_restored(
    spec: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _run(spec, out)
    before = _tree(out)
    edited = out / "markdown" / "README.md"
    edited.write_bytes(edited.read_bytes() + b" ")
    check = _run(spec, out, check=True)
    assert check.rendered and check.changes.changed == ["markdown/README.md"]
    assert _run(spec, out).rendered
    assert _tree(out) == before
    deleted = out / "pod" / "OpenAPI" / "Client" / "OpenAI" / "Path.pod"
    deleted.unlink()
    assert _run(spec, out).changes.added == ["pod/OpenAPI/Client/OpenAI/Path.pod"]
    assert _tree(out) == before


def test_foreign_files_do_not_matter(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(spec, out)
    (out / "markdown" / "notes.md").write_text("mine\n")
    assert not _run(spec, out).rendered


def test_tampered_manifest_renders(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(spec, out)
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["files"]["../outside.txt"] = "0" * 64
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    assert _run(spec, out).rendered
    assert not (tmp_path / "outside.txt").exists()


@pytest.mark.parametrize(
    "where", ["templates/pod/path_page.pod.j2", "generator/naming.py"]
)
def test_changed_template_or_code_renders(
    spec: Path, tmp_path: Path, code_copy: Path, where: str
) -> None:
    out = tmp_path / "out"
    _run(spec, out)
    assert not _run(spec, out).rendered
    edited = code_copy / where
    edited.write_bytes(edited.read_bytes() + b"\n")
    fingerprint.tool.cache_clear()
    assert _run(spec, out, check=True).rendered
    assert _run(spec, out).rendered
    assert not _run(spec, out).rendered


def test_new_code_file_renders(spec: Path, tmp_path: Path, code_copy: Path) -> None:
    out = tmp_path / "out"
    _run(spec, out)
    (code_copy / "generator" / "render" / "extra.py").write_text("X = 1\n")
    fingerprint.tool.cache_clear()
    assert _run(spec, out).rendered


def test_changed_library_version_renders(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _run(spec, out)
    real = fingerprint.version
    monkeypatch.setattr(
        fingerprint,
        "version",
        lambda name: "0.0.0" if name == "jinja2" else real(name),
    )
    fingerprint.tool.cache_clear()
    try:
        assert _run(spec, out).rendered
    finally:
        fingerprint.tool.cache_clear()


def test_code_hash_covers_every_module_and_template(code_copy: Path) -> None:
    """A source checkout's files, and nothing else, feed the hash."""
    first = fingerprint.code_sha256()
    pycache = code_copy / "generator" / "__pycache__"
    pycache.mkdir(exist_ok=True)
    (pycache / "x.cpython-311.pyc").write_bytes(b"bytecode")
    assert fingerprint.code_sha256() == first
    for path in sorted(code_copy.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        original = path.read_bytes()
        path.write_bytes(original + b"#")
        assert fingerprint.code_sha256() != first, path
        path.write_bytes(original)
    assert fingerprint.code_sha256() == first


def test_versions_match_importlib_metadata() -> None:
    import importlib.metadata

    for name in (*fingerprint.LIBRARIES, "pytest"):
        try:
            expected: str | None = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            expected = None
        assert fingerprint.version(name) == expected
    assert fingerprint.version("no-such-distribution-here") is None


def test_check_ignores_a_different_generator_but_a_write_records_it(
    spec: Path, tmp_path: Path, code_copy: Path
) -> None:
    """Same files from another generator build: current for --check; a run notes the build."""
    out = tmp_path / "out"
    _run(spec, out)
    (code_copy / "generator" / "naming.py").write_text("# another build\n")
    fingerprint.tool.cache_clear()
    check = _run(spec, out, check=True)
    assert check.rendered and check.changes.clean
    write = _run(spec, out)
    assert write.changes.changed == [MANIFEST_NAME]
    assert not _run(spec, out).rendered


def test_cli_says_nothing_was_rendered(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main([str(spec), "--all", "-o", str(out)]) == 0
    assert "2 operations" in capsys.readouterr().err
    assert main([str(spec), "--all", "-o", str(out), "--check"]) == 0
    assert "nothing rendered" in capsys.readouterr().err
    assert main([str(spec), "--all", "-o", str(out), "--validate"]) == 0
    assert "nothing rendered" not in capsys.readouterr().err


OVERLAY = """\
overlay: 1.0.0
info: {title: Fixes, version: "1"}
actions:
  - target: $.paths['/gone']
    description: matches nothing here
    remove: true
"""


def test_changed_overlay_renders_and_a_rerun_repeats_the_warnings(
    spec: Path, tmp_path: Path
) -> None:
    out, fix = tmp_path / "out", tmp_path / "fix.yaml"
    fix.write_text(OVERLAY)
    options = RunOptions(spec, out, Selection(all=True), overlays=(fix,))
    first = run(options)
    assert first.rendered and any("matches nothing" in w for w in first.warnings)
    again = run(options)
    assert not again.rendered and again.warnings == first.warnings
    fix.write_text(OVERLAY.replace("matches nothing here", "still nothing"))
    assert run(options).rendered
    assert not run(options).rendered
    fix.unlink()
    with pytest.raises(GeneratorError, match="fix.yaml"):
        run(options)
