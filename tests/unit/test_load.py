"""The load stage: yaml-rs and the PyYAML fallback agree; dates stay text."""

from __future__ import annotations

import lzma
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.load import _allocator_options, load_spec

SHARED = Path(__file__).resolve().parents[3] / "shared" / "specs" / "openai"

DATED = """\
openapi: 3.0.0
info: {title: t, version: 2024-01-01}
paths:
  /a:
    get:
      responses:
        200: {description: ok}
"""


def _without_yaml_rs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yaml_rs", None)  # import now raises ImportError


@pytest.mark.parametrize("fallback", [False, True], ids=["yaml-rs", "pyyaml"])
def test_dates_stay_strings(
    fallback: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fallback:
        _without_yaml_rs(monkeypatch)
    spec_file = tmp_path / "s.yaml"
    spec_file.write_text(DATED)
    spec = load_spec(spec_file)
    assert spec["info"]["version"] == "2024-01-01"
    assert list(spec["paths"]["/a"]["get"]["responses"]) == [200]


def _corpus(name: str, tmp_path: Path) -> Path:
    source = SHARED / name
    if not source.is_file():
        pytest.skip(f"../shared/specs/openai/{name} is not available")
    target = tmp_path / "spec.yaml"
    target.write_bytes(lzma.open(source).read())
    return target


def test_yaml_rs_and_pyyaml_give_identical_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("yaml_rs")
    path = _corpus("perl-client-2025-04-11-8f2ef4f.yaml.xz", tmp_path)
    fast = load_spec(path)
    _without_yaml_rs(monkeypatch)
    assert load_spec(path) == fast


def test_redefined_anchor_loads_with_yaml_rs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("yaml_rs")
    path = _corpus("openai-openapi-2024-07-19-cd3c3fe.yaml.xz", tmp_path)
    assert len(load_spec(path)["paths"]) > 0
    _without_yaml_rs(monkeypatch)
    with pytest.raises(SpecError, match="invalid YAML: found duplicate anchor"):
        load_spec(path)


def test_json_spec(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(
        '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}'
    )
    assert load_spec(path)["openapi"] == "3.1.0"


def test_compressed_specs_are_read(tmp_path: Path) -> None:
    import gzip

    xz = SHARED / "perl-client-2025-04-11-8f2ef4f.yaml.xz"
    if xz.is_file():
        assert len(load_spec(xz)["paths"]) == 85
    gz = tmp_path / "spec.yaml.gz"
    gz.write_bytes(gzip.compress(DATED.encode()))
    assert load_spec(gz)["info"]["version"] == "2024-01-01"


def test_broken_and_oversized_archives_are_refused(tmp_path: Path) -> None:
    import gzip

    broken = tmp_path / "spec.yaml.xz"
    broken.write_bytes(b"not xz at all")
    with pytest.raises(SpecError, match="cannot decompress"):
        load_spec(broken)
    bomb = tmp_path / "bomb.yaml.gz"
    bomb.write_bytes(gzip.compress(b" " * (65 * 1024 * 1024), compresslevel=1))
    with pytest.raises(SpecError, match="decompresses to more than"):
        load_spec(bomb)


_ALLOCATOR_PROBE = """\
import os, sys
from pathlib import Path
from generator.load import _allocator_options, load_spec
load_spec(Path(sys.argv[1]))
print(sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith("MIMALLOC_")))
"""


@pytest.mark.parametrize(
    ("users", "expected_delay"),
    [({}, "0"), ({"MIMALLOC_PURGE_DELAY": "50"}, "50")],
    ids=["ours", "the user's win"],
)
def test_yaml_rs_allocator_returns_freed_memory(
    tmp_path: Path, users: dict[str, str], expected_delay: str
) -> None:
    pytest.importorskip("yaml_rs", reason="yaml-rs is not installed (PyYAML loads)")
    """yaml-rs's mimalloc gets the options that hand the parse's freed pages
    back (as its verbose start-up report shows), and the environment is left
    as it was: a user's own setting wins and is kept, ours are gone."""
    spec = tmp_path / "dated.yaml"
    spec.write_text(DATED)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIMALLOC_")}
    done = subprocess.run(
        [sys.executable, "-c", _ALLOCATOR_PROBE, str(spec)],
        env={**env, **users, "MIMALLOC_VERBOSE": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    options = dict(re.findall(r"option '(\w+)': (\S+)", done.stderr))
    assert options, f"no mimalloc options in yaml-rs's report:\n{done.stderr[:2000]}"
    assert options["purge_delay"] == expected_delay
    assert options["arena_eager_commit"] == "0"
    left = sorted(f"{k}={v}" for k, v in users.items()) + ["MIMALLOC_VERBOSE=1"]
    assert done.stdout.strip() == repr(sorted(left))


def test_allocator_options_are_set_only_for_the_first_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once yaml-rs is imported, a parse leaves the environment alone."""
    pytest.importorskip("yaml_rs", reason="yaml-rs is not installed (PyYAML loads)")
    monkeypatch.delenv("MIMALLOC_PURGE_DELAY", raising=False)
    with _allocator_options():
        assert "MIMALLOC_PURGE_DELAY" not in os.environ
    monkeypatch.delitem(sys.modules, "yaml_rs")
    with _allocator_options():
        assert os.environ["MIMALLOC_PURGE_DELAY"] == "0"
    assert "MIMALLOC_PURGE_DELAY" not in os.environ
