"""Overlays (OpenAPI Overlay 1.0): validation, update/remove semantics, and a run with them."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from sample_specs import MINI_SPEC

from generator.cli import main
from generator.overlay import OverlayError, apply_overlays, parse_overlay

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "paths": {
        "/a": {"get": {"operationId": "a", "tags": ["x"], "x-meta": {"k": 1}}},
        "/b": {"post": {"operationId": "b", "tags": ["x", "y", "x"]}},
    },
}


def overlay(actions: str, name: str = "fix.yaml") -> Any:
    text = f"overlay: 1.0.0\ninfo: {{title: Fixes, version: '1'}}\nactions:\n{actions}"
    return parse_overlay(Path(name), text.encode())


def applied(actions: str) -> tuple[dict[str, Any], list[str]]:
    spec = copy.deepcopy(SPEC)
    warnings = apply_overlays(spec, [overlay(actions)])
    return spec, warnings


def test_update_merges_objects_recursively_and_replaces_other_values() -> None:
    spec, warnings = applied(
        "  - target: $.paths['/a'].get\n"
        "    update: {summary: S, x-meta: {j: 2}, tags: [z]}\n"
    )
    assert warnings == []
    assert spec["paths"]["/a"]["get"] == {
        "operationId": "a",
        "tags": ["z"],
        "x-meta": {"k": 1, "j": 2},
        "summary": "S",
    }


def test_update_on_an_array_appends_and_values_are_not_shared() -> None:
    spec, _ = applied("  - target: $.paths.*.*.tags\n    update: {name: new}\n")
    a, b = spec["paths"]["/a"]["get"]["tags"], spec["paths"]["/b"]["post"]["tags"]
    assert a[-1] == b[-1] == {"name": "new"} and a[-1] is not b[-1]


def test_remove_takes_keys_and_array_items_out() -> None:
    spec, _ = applied(
        "  - target: $.paths['/b'].post.tags[?@ == 'x']\n    remove: true\n"
        "  - target: $.paths['/a'].get['x-meta']\n    remove: true\n"
    )
    assert spec["paths"]["/b"]["post"]["tags"] == ["y"]
    assert "x-meta" not in spec["paths"]["/a"]["get"]


def test_actions_apply_in_order() -> None:
    spec, warnings = applied(
        "  - target: $.paths['/a']\n    remove: true\n"
        "  - target: $.paths['/a'].get\n    update: {summary: never}\n"
    )
    assert "/a" not in spec["paths"]
    assert len(warnings) == 1 and "actions[1]" in warnings[0]


def test_a_target_matching_nothing_is_a_warning_naming_the_action() -> None:
    spec, warnings = applied(
        "  - target: $.components.schemas.Response.properties.output_text\n"
        "    description: SDK-only property\n    remove: true\n"
    )
    assert spec == SPEC
    assert warnings == [
        "overlay fix.yaml: actions[0]: target "
        "$.components.schemas.Response.properties.output_text matches nothing in "
        "this spec (SDK-only property); if upstream fixed it, remove the action"
    ]


def test_merging_into_a_scalar_is_an_error() -> None:
    with pytest.raises(OverlayError, match=r"actions\[0\] at .*operationId"):
        applied("  - target: $.paths['/a'].get.operationId\n    update: {x: 1}\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("overlay: 2.0.0\ninfo: {title: t, version: '1'}\nactions: []\n", "1.0.x"),
        ("overlay: 1.0.0\nactions: [{target: $, remove: true}]\n", "'info'"),
        ("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []\n", "non-empty"),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
            'actions: [{target: "$.a[?@.b ==]", remove: true}]\n',
            "invalid JSONPath",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
            "actions: [{target: $.a, remove: true, update: {}}]\n",
            "either",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.a}]\n",
            "either",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
            "actions: [{target: a.b, remove: true}]\n",
            "starting with $",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
            "actions: [{target: $.a, remove: yes please}]\n",
            "'remove'",
        ),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
            "actions: [{target: $.a, remove: true, value: 1}]\n",
            "unknown field 'value'",
        ),
        ("- just\n- a list\n", "not a mapping"),
        ("overlay: [unclosed\n", "invalid YAML"),
    ],
)
def test_broken_overlays_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(OverlayError, match="^overlay broken.yaml") as caught:
        parse_overlay(Path("broken.yaml"), text.encode())
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_extensions_and_extends_are_accepted() -> None:
    parsed = parse_overlay(
        Path("ok.yaml"),
        b"overlay: 1.0.2\ninfo: {title: t, version: '1', x-a: 1}\n"
        b"extends: https://example.test/openapi.yaml\nx-owner: me\n"
        b"actions: [{target: $.info, update: {x-b: 2}, x-why: because}]\n",
    )
    assert parsed.title == "t" and len(parsed.actions) == 1


# -- through the command line, configured in [tool.generator] ---------------------
FIX = """\
overlay: 1.0.0
info: {title: Fixes, version: "1"}
actions:
  - target: $.paths['/things'].post
    description: rename for the test
    update: {operationId: makeThing}
  - target: $.paths['/gone']
    description: a defect fixed upstream
    remove: true
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.generator]\noverlays = ["overlays/fix.yaml"]\n'
    )
    (tmp_path / "overlays").mkdir()
    (tmp_path / "overlays" / "fix.yaml").write_text(FIX)
    (tmp_path / "spec.yaml").write_text(MINI_SPEC)
    return tmp_path


def test_configured_overlays_apply_before_selection_on_every_run(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        assert main(["spec.yaml", "--operation", "makeThing", "-o", "out"]) == 0
        err = capsys.readouterr().err
        assert "overlays/fix.yaml: actions[1]: target $.paths['/gone'] matches" in err
    page = (project / "out/markdown/paths/things.md").read_text()
    assert "`makeThing`" in page and "`createThing`" not in page
    manifest = (project / "out/.generator-manifest.json").read_text()
    assert '"overlay_sha256:overlays/fix.yaml"' in manifest


def test_a_broken_overlay_stops_the_run_and_leaves_the_output(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["spec.yaml", "--all", "-o", "out", "-q"]) == 0
    before = {p: p.read_bytes() for p in (project / "out").rglob("*") if p.is_file()}
    (project / "overlays" / "fix.yaml").write_text(FIX.replace("1.0.0", "9"))
    assert main(["spec.yaml", "--all", "-o", "out"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "error: overlay overlays/fix.yaml: 'overlay' must be the version string "
        '"1.0.x", not 9'
    ]
    after = {p: p.read_bytes() for p in (project / "out").rglob("*") if p.is_file()}
    assert after == before


def test_a_missing_overlay_file_is_an_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "overlays" / "fix.yaml").unlink()
    assert main(["spec.yaml", "--all", "-o", "out"]) == 2
    assert "overlays/fix.yaml: cannot read" in capsys.readouterr().err
