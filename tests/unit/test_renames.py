"""The renames file (read, appended) and the aliases the plan keeps from it."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from spec_builder import obj, ok, operation, param, ref, spec, string

from generator.cli import main
from generator.errors import GeneratorError
from generator.model.build import build_api
from generator.pipeline import RunOptions, run
from generator.plan import ClientPlan, plan_client
from generator.plan.deprecations import KeptRename, keep_renamed
from generator.renames import Stamp, appended, read_renames, renames_path_for
from generator.selection import Selection

OLD = Stamp("a" * 64, "1")
NEW = Stamp("b" * 64, None)


def _plan(document: dict[str, Any]) -> ClientPlan:
    return plan_client(build_api(document))


def _document() -> dict[str, Any]:
    return spec(
        {
            "/things": {"get": operation("listAllThings", responses=ok(ref("Node")))},
            "/things/{id}": {
                "get": operation(
                    "getThing",
                    parameters=[param("id", "path"), param("limit")],
                    responses=ok(ref("Node")),
                )
            },
        },
        schemas={"Node": obj({"id": string()})},
    )


def test_the_file_is_appended_to_and_read_back(tmp_path: Path) -> None:
    path = renames_path_for(tmp_path / "openapi.yaml")
    assert path.name == "openapi.renames.toml"
    first = [KeptRename("schema", "Thing", "Node", "Thing", "Node")]
    text, fresh = appended(None, first, OLD, NEW)
    assert fresh == first
    path.write_bytes(text + b"# reviewed\n")
    existing = read_renames(path)
    assert existing is not None and existing.renames == tuple(first)
    second = [
        *first,
        KeptRename("parameter", "thing_id", "id", "thing_id", "id", "getThing"),
    ]
    text, fresh = appended(existing, second, NEW, Stamp("c" * 64, "2"))
    assert fresh == second[1:]
    assert text.startswith(path.read_bytes())  # appended, comments kept
    entries = tomllib.loads(text.decode())["renamed"]
    assert [e["to"] for e in entries] == ["Node", "id"]
    assert entries[0]["old_version"] == "1" and "new_version" not in entries[0]
    assert entries[1] == {
        "kind": "parameter",
        "from": "thing_id",
        "to": "id",
        "operation": "getThing",
        "client_from": "thing_id",
        "client_to": "id",
        "old_sha256": "b" * 64,
        "new_sha256": "c" * 64,
        "new_version": "2",
    }
    assert appended(existing, first, OLD, NEW) == (existing.raw, [])


def test_a_missing_file_keeps_nothing(tmp_path: Path) -> None:
    assert read_renames(tmp_path / "none.renames.toml") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("renamed = [", "not a TOML file"),
        ("renamed = 1", "'renamed' must be an array of tables"),
        ("renamed = [1]", "entry 1: must be a table"),
        ('[[renamed]]\nkind = "operation"\nfrom = "a"', "entry 1: to is missing"),
        ('[[renamed]]\nkind = "path"\nfrom = "a"\nto = "b"', "kind must be one of"),
        ('[[renamed]]\nkind = "schema"\nfrom = "a"\nto = 2', "to must be a string"),
        ('[[renamed]]\nkind = "schema"\nfrom = "a"\nto = "b"\nx = "1"', "key 'x'"),
        (
            '[[renamed]]\nkind = "parameter"\nfrom = "a"\nto = "b"',
            "needs its operation",
        ),
        (
            '[[renamed]]\nkind = "schema"\nfrom = "a"\nto = "b"\n'
            'client_from = "import os"',
            "client_from must be a Python identifier",
        ),
        (
            '[[renamed]]\nkind = "operation"\nfrom = "a"\nto = "b"\n'
            'client_from = "things._request"',
            "client_from must be a Python identifier .* method path",
        ),
        (
            '[[renamed]]\nkind = "schema"\nfrom = "a"\nto = "b"\n'
            'client_to = "models.B"',
            "client_to must be a Python identifier not starting with '_'$",
        ),
        ("\xff", "not a TOML file"),
    ],
)
def test_a_broken_file_is_one_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "openapi.renames.toml"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(GeneratorError, match=message):
        read_renames(path)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project directory (the working directory) with ``keep_renamed`` on."""
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text("[tool.generator]\nkeep_renamed = true\n")
    return tmp_path


def test_a_broken_file_stops_the_run_with_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("openapi.yaml").write_text(json.dumps(_document()))
    Path("openapi.renames.toml").write_text('[[renamed]]\nkind = "x"\n')
    assert main(["openapi.yaml", "--all", "--output", "out", "--unlocked"]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith("error: openapi.renames.toml")
    assert not Path("out").exists()
    Path("pyproject.toml").write_text("[tool.generator]\nkeep_renamed = 1\n")
    assert main(["openapi.yaml", "--all", "--output", "out", "--unlocked"]) == 2
    assert "keep_renamed must be true or false" in capsys.readouterr().err


def test_a_pull_with_a_broken_renames_file_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("old.json").write_text(json.dumps(_document()))
    assert main(["pull", "old.json", "--spec", "api.yaml"]) == 0
    Path("api.renames.toml").write_text("renamed = 1\n")
    before = {p.name: p.read_bytes() for p in project.iterdir()}
    renamed = json.dumps(_document()).replace("getThing", "fetchThing")
    Path("new.json").write_text(renamed)
    capsys.readouterr()
    assert main(["pull", "new.json", "--spec", "api.yaml"]) == 2
    assert "error: api.renames.toml: 'renamed'" in capsys.readouterr().err
    after = {p.name: p.read_bytes() for p in project.iterdir() if p.name != "new.json"}
    assert after == before


def test_aliases_follow_later_renames_and_reach_only_the_plan() -> None:
    kept = keep_renamed(
        _plan(_document()),
        [
            KeptRename("operation", "listThings", "listEvery", "things.list_things"),
            KeptRename("operation", "listEvery", "listAllThings", "things.list_every"),
            KeptRename("operation", "retrieveThing", "getThing", "things.get_thing"),
            KeptRename(
                "parameter", "thing_id", "tid", "thing_id", operation="retrieveThing"
            ),
            KeptRename("parameter", "tid", "id", "tid", operation="getThing"),
            KeptRename("schema", "Thing", "Item", "Thing"),
            KeptRename("schema", "Item", "Node", "Item"),
            KeptRename("operation", "deleteThing", "removeThing", "things.delete_it"),
            KeptRename("schema", "Gone", "Elsewhere", "Gone"),
            KeptRename("schema", "Same", "Node", None),
        ],
    )
    methods = {m.dotted: m for m in kept.methods}
    assert methods["things.list"].deprecated_names == ("list_things", "list_every")
    assert methods["things.retrieve"].deprecated_names == ("get_thing",)
    assert methods["things.retrieve"].renamed_keywords == (
        ("thing_id", "id"),
        ("tid", "id"),
    )
    assert kept.renamed_models == (("Thing", "Node"), ("Item", "Node"))


def test_an_alias_never_takes_a_name_the_client_uses() -> None:
    plan = _plan(_document())
    kept = keep_renamed(
        plan,
        [
            KeptRename("operation", "a", "listAllThings", "things.retrieve"),
            KeptRename("operation", "b", "listAllThings", "things.with_raw_response"),
            KeptRename("operation", "c", "listAllThings", "things.overload"),
            KeptRename("operation", "d", "listAllThings", "list_things"),
            KeptRename("operation", "e", "listAllThings", "stuff.list"),
            KeptRename("parameter", "x", "id", "limit", operation="getThing"),
            KeptRename("parameter", "y", "id", "timeout", operation="getThing"),
            KeptRename("parameter", "z", "limit", "lim", operation="getThing"),
            KeptRename("schema", "A", "Node", "Node"),
            KeptRename("schema", "B", "Node", "BaseModel"),
            KeptRename("schema", "C", "Node", "TYPE_CHECKING"),
        ],
    )
    assert kept == plan
    assert keep_renamed(plan, []) is plan


def test_the_renames_file_is_an_input_of_the_run(tmp_path: Path) -> None:
    """Its bytes are in the manifest: a rerun renders again when it changes."""
    spec_path, out = tmp_path / "api.json", tmp_path / "out"
    spec_path.write_text(json.dumps(_document()))
    path = renames_path_for(spec_path)
    options = RunOptions(spec_path, out, Selection(all=True), renames=path)
    assert run(options).rendered
    assert not run(options).rendered  # no file: nothing kept, nothing changes
    text, _ = appended(None, [KeptRename("schema", "Old", "Node", "Old")], OLD, NEW)
    path.write_bytes(text)
    assert run(options).rendered
    assert '"Old": "Node"' in (out / "python/openai_client/models.py").read_text()
    assert not run(options).rendered
    path.write_bytes(text + b"# reviewed\n")
    assert run(options).rendered
    manifest = json.loads((out / ".generator-manifest.json").read_text())
    recorded = manifest["source"][f"renames_sha256:{path.as_posix()}"]
    assert recorded == hashlib.sha256(path.read_bytes()).hexdigest()
    path.unlink()
    assert run(options).rendered
    assert "_RENAMED" not in (out / "python/openai_client/models.py").read_text()
