"""``keep_renamed``: a spec bump's renames kept as deprecated aliases.

Two synthetic specs: ``replaceThing`` becomes ``putThing`` (same route; its
method, named after the operationId because ``things.update`` is taken,
becomes ``things.put_thing``), the path parameter ``thing_id`` of
``/things/{thing_id}`` becomes ``id`` and the schema ``Thing`` becomes
``ThingObject`` (same body).  Pulled one after the other with
``keep_renamed = true``, the renames are recorded beside the spec; the
client generated from it answers to the old names with a
``DeprecationWarning`` naming the new ones, and to the new ones silently.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import shutil
import tomllib
import uuid
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from python_client_support import import_package, run_black_check, run_mypy
from spec_builder import obj, ok, operation, param, ref, spec, string

from generator.cli import main


def _specs() -> tuple[dict[str, Any], dict[str, Any]]:
    thing = obj({"id": string(), "name": string()}, required=["id"])

    def build(put_id: str, parameter: str, schema: str) -> dict[str, Any]:
        def item(operation_id: str) -> dict[str, Any]:
            return operation(
                operation_id,
                parameters=[param(parameter, "path")],
                responses=ok(ref(schema)),
            )

        return spec(
            {
                "/things": {"get": operation("listThings", responses=ok(ref(schema)))},
                f"/things/{{{parameter}}}": {
                    "get": item("retrieveThing"),
                    "post": item("updateThing"),
                    "put": item(put_id),
                },
            },
            schemas={schema: thing},
        )

    return (
        build("replaceThing", "thing_id", "Thing"),
        build("putThing", "id", "ThingObject"),
    )


SPEC = "specs/openapi.yaml"
RENAMES = Path("specs/openapi.renames.toml")
THING = {"id": "t1", "name": "one"}


def _pull_both(keep: bool, capsys: pytest.CaptureFixture[str]) -> str:
    """Pull the old spec, then the new one; return what the second pull printed."""
    old, new = _specs()
    Path("old.json").write_text(json.dumps(old))
    Path("new.json").write_text(json.dumps(new))
    Path("pyproject.toml").write_text(
        f"[tool.generator]\nkeep_renamed = {'true' if keep else 'false'}\n"
    )
    assert main(["pull", "old.json", "--spec", SPEC]) == 0
    capsys.readouterr()
    assert main(["pull", "new.json", "--spec", SPEC]) == 0
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_pull_records_the_renames_beside_the_spec(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _pull_both(True, capsys)
    entries = tomllib.loads(RENAMES.read_text())["renamed"]
    found = [
        (
            e["kind"],
            e["from"],
            e["to"],
            e.get("operation"),
            e.get("client_from"),
            e.get("client_to"),
        )
        for e in entries
    ]
    parameter = ("parameter", "thing_id", "id")
    assert found == [  # the report's order: operations in spec order, then schemas
        (*parameter, "retrieveThing", "thing_id", "id"),
        (*parameter, "updateThing", "thing_id", "id"),
        (
            "operation",
            "replaceThing",
            "putThing",
            None,
            "things.replace_thing",
            "things.put_thing",
        ),
        (*parameter, "putThing", "thing_id", "id"),
        ("schema", "Thing", "ThingObject", None, "Thing", "ThingObject"),
    ]
    pulled = hashlib.sha256(Path("new.json").read_bytes()).hexdigest()
    previous = hashlib.sha256(Path("old.json").read_bytes()).hexdigest()
    assert {(e["old_sha256"], e["new_sha256"]) for e in entries} == {(previous, pulled)}
    assert all(e["old_version"] == e["new_version"] == "1" for e in entries)
    assert "things.replace_thing kept as deprecated alias of things.put_thing" in out
    assert "Thing kept as deprecated alias of ThingObject" in out
    # Old calls still run: only the old keywords fail a type check.
    assert "breaking: wire 0, calls 0, types" in out
    # Pulling the same spec again records nothing twice; the file is appended to.
    before = RENAMES.read_bytes()
    assert main(["pull", "new.json", "--spec", SPEC]) == 0
    assert RENAMES.read_bytes() == before


def _generate(root: Path) -> tuple[ModuleType, str]:
    """Generate the client, import it under a unique name; (package, its name)."""
    assert main([SPEC, "--all", "--output", "out", "-q"]) == 0
    name = f"renamed_{uuid.uuid4().hex[:8]}"
    shutil.copytree(Path("out/python/openai_client"), root / name)
    return import_package(root, name), name


def _client(package: ModuleType, seen: list[str]) -> Any:
    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url.path}")
        return httpx.Response(200, json=THING)

    http = httpx.Client(transport=httpx.MockTransport(reply))
    return package.Client(
        api_key="k", base_url="http://127.0.0.1:9", http_client=http, max_retries=0
    )


@pytest.fixture
def kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[ModuleType, str]:
    """The client generated after pulling both specs with ``keep_renamed``."""
    _pull_both(True, capsys)
    return _generate(tmp_path)


def test_old_names_warn_and_name_the_new_ones(kept: tuple[ModuleType, str]) -> None:
    package, _ = kept
    seen: list[str] = []
    things = _client(package, seen).things
    with pytest.warns(DeprecationWarning, match=r"replace_thing\(\).*put_thing\(\)"):
        assert things.replace_thing("t0").id == "t1"
    with pytest.warns(DeprecationWarning, match=r"thing_id=.*renamed it id="):
        assert things.retrieve(thing_id="t1").name == "one"
    with pytest.warns(DeprecationWarning) as both:
        things.replace_thing(thing_id="t2")
    assert [str(w.message) for w in both] == [
        "replace_thing() is deprecated: the API renamed it put_thing()",
        "put_thing(): argument thing_id= is deprecated: the API renamed it id=",
    ]
    with pytest.warns(DeprecationWarning, match=r"models\.Thing .*ThingObject"):
        assert package.models.Thing is package.models.ThingObject
    assert seen == ["PUT /things/t0", "GET /things/t1", "PUT /things/t2"]
    with pytest.raises(TypeError, match="pass id= only"):
        things.update(thing_id="a", id="b")
    with pytest.raises(AttributeError):
        package.models.Nothing  # noqa: B018
    docs = Path("out/markdown/paths/things-id.md").read_text()
    assert (
        "- Deprecated aliases (renamed by the spec; they warn): "
        "`client.things.replace_thing()`, `thing_id=` (now `id=`)\n" in docs
    )


def test_new_names_do_not_warn(kept: tuple[ModuleType, str]) -> None:
    package, _ = kept
    seen: list[str] = []
    things = _client(package, seen).things
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert isinstance(things.put_thing(id="t0"), package.models.ThingObject)
        assert things.retrieve(id="t1").id == "t1"
        assert things.update("t2").id == "t1"
    assert seen == ["PUT /things/t0", "GET /things/t1", "POST /things/t2"]


def test_the_async_client_keeps_the_old_names(kept: tuple[ModuleType, str]) -> None:
    package, _ = kept

    async def calls() -> list[Any]:
        http = httpx.AsyncClient(
            transport=httpx.MockTransport(lambda _: httpx.Response(200, json=THING))
        )
        client = package.AsyncClient(
            api_key="k", base_url="http://127.0.0.1:9", http_client=http
        )
        with pytest.warns(DeprecationWarning, match=r"put_thing\(\)"):
            first = await client.things.replace_thing("t0")
        with pytest.warns(DeprecationWarning, match="renamed it id="):
            second = await client.things.retrieve(thing_id="t0")
        await http.aclose()
        return [first, second]

    results = asyncio.run(calls())
    assert [type(r) for r in results] == [package.models.ThingObject] * 2


def test_the_client_with_aliases_is_black_stable_and_type_checks(
    tmp_path: Path, kept: tuple[ModuleType, str]
) -> None:
    """New names and old method and class names type-check; an old keyword does not."""
    _, name = kept
    (tmp_path / "usage.py").write_text(
        f"from {name} import Client, models\n\n\n"
        "def use(client: Client) -> str:\n"
        "    thing: models.ThingObject = client.things.put_thing('t0')\n"
        "    other = client.things.retrieve(id=thing.id)\n"
        "    old: models.Thing = client.things.replace_thing('t0')\n"
        "    return other.id + old.id\n"
    )
    (tmp_path / "old_keyword.py").write_text(
        f"from {name} import Client\n\n\n"
        "def use(client: Client) -> str:\n"
        "    return client.things.retrieve(thing_id='t0').id\n"
    )
    result = run_black_check(tmp_path, name)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_mypy(tmp_path, name, "usage.py", "old_keyword.py")
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert errors[0].startswith("old_keyword.py:5:") and '"thing_id"' in errors[0]


def test_with_the_option_off_nothing_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _pull_both(False, capsys)
    assert not RENAMES.exists()
    assert "deprecated alias" not in out
    package, name = _generate(tmp_path)
    assert not (tmp_path / name / "_deprecated.py").exists()
    assert not hasattr(_client(package, []).things, "replace_thing")
    assert not hasattr(package.models, "Thing")
    assert not any(
        "Deprecated aliases" in p.read_text() for p in Path("out").rglob("*.md")
    )
    manifest = json.loads(Path("out/.generator-manifest.json").read_text())
    assert not any("renames" in key for key in json.dumps(manifest).split('"'))


@pytest.mark.parametrize("keep", [True, False])
def test_the_diff_report_lists_the_aliases(
    keep: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    _pull_both(keep, capsys)
    assert main(["diff", "old.json", "new.json", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    verdicts = {
        r["kind"]: (r["alias"], r["calls"], r["types"]) for r in report["renamed"]
    }
    if keep:
        assert verdicts == {
            "operation": (True, "compatible", "compatible"),
            "parameter": (True, "compatible", "breaking"),
            "schema": (True, "compatible", "compatible"),
        }
    else:
        assert set(verdicts.values()) == {(False, "breaking", "breaking")}
    assert main(["diff", "old.json", "new.json"]) == 0
    text = capsys.readouterr().out
    assert text.count("(old name kept as deprecated alias)") == (5 if keep else 0)
