"""The generated client modules are exactly what black makes of them.

The client renderer lays out its code the way black does
(``generator/render/python_layout.py``) instead of running black; these
tests run black over the generated modules of every loadable corpus spec,
the seed operation of the default spec and the synthetic and hostile specs,
and require black to change nothing.  A failure shows the first lines black
would change, which name the construct laid out differently.
"""

from __future__ import annotations

import csv
import difflib
import lzma
import multiprocessing
import tempfile
from pathlib import Path
from typing import Any

import black
import pytest

from generator.load import load_spec
from generator.model.build import build_api
from generator.render import RenderOptions
from generator.render.python_client import PACKAGE, render
from python_client_support import SEED, SPECS, SYNTHETIC_SPEC, default_spec_path
from test_hostile import SPEC as HOSTILE_SPEC

MODULES = ("__init__.py", "models.py", "_client.py")
#: Bounds the whole corpus run (black over ~400k generated lines).
CORPUS_SECONDS = 600

_LONG = "x" * 70
_ENUM = [f"value-{n}-{_LONG[:n]}" for n in range(12)]


def _object(properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties, **extra}


#: Text and names at the edges of the layout: long names, wide characters,
#: quotes, indentation and tabs in descriptions, one-line and exploded unions.
EDGE_SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": '"Quoted" API', "version": "1"},
    "servers": [{"url": "https://example.invalid/" + _LONG}],
    "paths": {
        f'/{_LONG}/"quoted"/{{item_id}}': {
            "post": {
                "operationId": "create" + "Very" * 20 + "LongThing",
                "description": '"Starts with a quote\n\n  indented\n\tand tabbed "',
                "parameters": [
                    {
                        "name": "item_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "wide",
                        "in": "query",
                        "schema": {
                            "type": "string",
                            "enum": ["漢字" * 12, "かな" * 12],
                        },
                    },
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/" + "Edge" * 22}
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "anyOf": [
                                        {"$ref": "#/components/schemas/" + "Edge" * 22},
                                        {"$ref": "#/components/schemas/Short"},
                                    ]
                                }
                            }
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Edge"
            * 22: _object(
                {
                    "mode": {"type": "string", "enum": _ENUM},
                    'say "hi"': {"type": "string", "description": "\t" + "漢" * 50},
                    "it's": {"type": "string", "enum": ['a"b', "c'd", "e\\f"]},
                    "nested": {
                        "type": "array",
                        "items": {
                            "anyOf": [
                                {"$ref": "#/components/schemas/Short"},
                                {"type": "object", "additionalProperties": True},
                                {"type": "string", "enum": _ENUM[:3]},
                            ]
                        },
                    },
                    "plain": {"type": "integer"},
                },
                required=["mode"],
                description="A line\n    indented\n      more\n" + "w " * 50,
            ),
            "Short": _object({"a": {"type": "string"}}, description='ends "quoted"'),
        }
    },
}


def loadable_corpus() -> list[str]:
    """The corpus specs that parse (``INDEX.tsv`` gives their operation counts)."""
    index = SPECS / "INDEX.tsv"
    if not index.exists():
        return []
    with index.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return sorted(r["file"] for r in rows if r["n_operations"] != "NA")


def black_changes(
    spec: dict[str, Any], selected: list[tuple[str, str]] | None = None
) -> list[str]:
    """For each generated module black would change, the start of its diff."""
    files = render(build_api(spec, selected), RenderOptions())
    changes = []
    for module in MODULES:
        text = files[f"{PACKAGE}/{module}"]
        formatted = black.format_str(text, mode=black.Mode())
        if formatted != text:
            diff = difflib.unified_diff(
                text.splitlines(),
                formatted.splitlines(),
                module,
                "black",
                n=1,
                lineterm="",
            )
            changes.append("\n".join(list(diff)[:40]))
    return changes


def _corpus_changes(name: str) -> list[str]:
    """Worker: the changes black makes to the client of corpus spec ``name``."""
    with tempfile.TemporaryDirectory() as directory:
        plain = Path(directory) / name.removesuffix(".xz")
        plain.write_bytes(lzma.open(SPECS / name).read())
        spec = load_spec(plain)
    return black_changes(spec)


@pytest.fixture(scope="module")
def corpus_changes() -> dict[str, list[str]]:
    """Black's changes for every loadable corpus spec, two specs at a time."""
    names = loadable_corpus()
    if not names:
        pytest.skip(f"no corpus specs (needs {SPECS})")
    with multiprocessing.get_context("fork").Pool(2) as pool:  # terminated on exit
        changes = pool.map_async(_corpus_changes, names).get(timeout=CORPUS_SECONDS)
    return dict(zip(names, changes))


@pytest.mark.parametrize("name", loadable_corpus() or ["(no corpus)"])
def test_corpus_client_is_black_stable(
    name: str, corpus_changes: dict[str, list[str]]
) -> None:
    assert corpus_changes[name] == []


def test_default_spec_seed_operation_is_black_stable() -> None:
    assert black_changes(load_spec(default_spec_path()), [SEED]) == []


@pytest.mark.parametrize(
    "spec",
    [SYNTHETIC_SPEC, HOSTILE_SPEC, EDGE_SPEC],
    ids=["synthetic", "hostile", "edges"],
)
def test_small_spec_clients_are_black_stable(spec: dict[str, Any]) -> None:
    assert black_changes(spec) == []
