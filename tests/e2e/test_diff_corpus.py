"""The change report on real OpenAI spec bumps (from ``../shared``)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.diff import Report, compare
from generator.diff.normalise import split_null
from generator.load import load_spec

APRIL_2025 = "openai-openapi-2025-04-29-498c71d.yaml.xz"
MAY_2026 = "openai-openapi-2026-05-13-5162af9.yaml.xz"
JULY_2026 = "openai-openapi-2026-07-15-535f5dc.yaml.xz"
AUGUST_2026 = "openai-openapi-2026-08-21-f85dbe2.yaml.xz"
SPECS = Path(__file__).resolve().parents[2].parent / "shared" / "specs" / "openai"


@functools.cache
def spec(name: str) -> dict[str, Any]:
    """A corpus spec read by the generator's own loader (as ``diff`` reads it)."""
    path = SPECS / name
    if not path.is_file():
        pytest.skip(f"{name} not found in {SPECS} (needs ../shared beside the repo)")
    return load_spec(path)


@functools.cache
def report(old: str, new: str) -> Report:
    return compare(spec(old), spec(new), old, new)


def nodes(node: Any, pointer: str = "#") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            token = str(key).replace("~", "~0").replace("/", "~1")
            yield from nodes(value, f"{pointer}/{token}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from nodes(value, f"{pointer}/{i}")


def at(document: Any, pointer: str) -> Any:
    node = document
    for token in pointer[2:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            return None
    return node


def test_2025_04_to_2026_05_operations_schemas_and_renames() -> None:
    r = report(APRIL_2025, MAY_2026)
    assert (r.old.version, r.new.version) == ("2.3.0", "2.3.0")
    assert (r.old.openapi, r.new.openapi) == ("3.0.0", "3.1.0")
    assert len(r.added) == 94 and r.removed == ()
    assert 450 <= len(r.schemas_added) <= 550
    parameters = {
        (x.operation, x.old, x.new) for x in r.renamed if x.kind == "parameter"
    }
    assert parameters == {
        ("retrieve-project-api-key", "key_id", "api_key_id"),
        ("delete-project-api-key", "key_id", "api_key_id"),
    }
    assert set(r.deprecated) == {
        "listAssistants",
        "createAssistant",
        "getAssistant",
        "modifyAssistant",
        "deleteAssistant",
    }


def test_2025_04_to_2026_05_enum_values_once_each_model_ids_open() -> None:
    r = report(APRIL_2025, MAY_2026)
    added = [c for c in r.changes if c.kind == "enum-value-added"]
    values = [c.summary.split("'")[1] for c in added]
    assert len(values) == len(set(values)) >= 110
    models = [
        c
        for c in added
        if any(
            "Model" in p or p.endswith("/properties/model/anyOf/1") for p in c.places
        )
    ]
    assert len(models) >= 40
    # Model ids sit in open enums (anyOf [string, enum]): never a break.
    assert all(c.types == "compatible" for c in models)


def test_2025_04_to_2026_05_nullable_rewrites_are_form_only() -> None:
    """Every ``nullable: true`` of the 3.0 spec that the 3.1 spec writes as
    a null union at the same place is counted as form, never a change."""
    old, new = spec(APRIL_2025), spec(MAY_2026)
    rewritten = [
        pointer
        for pointer, node in nodes(old)
        if node.get("nullable") is True
        and isinstance(at(new, pointer), dict)
        and split_null(at(new, pointer))[2] == "union"
    ]
    assert len(rewritten) >= 150
    r = report(APRIL_2025, MAY_2026)
    null_changes = {
        c.pointer for c in r.changes if c.kind in ("nullable-added", "nullable-removed")
    }
    assert not null_changes.intersection(rewritten)
    form = r.form_only[
        "null spelt another way (3.0 nullable, 3.1 type list or null union)"
    ]
    assert form >= len(rewritten)


def test_2026_07_to_2026_08_renames_and_a_deprecated_resource() -> None:
    r = report(JULY_2026, AUGUST_2026)
    assert (r.old.version, r.new.version) == ("2.3.0", "2.3.0")
    operations = [(x.old, x.new) for x in r.renamed if x.kind == "operation"]
    assert operations == [
        ("create-project-service-account-api-key", "CreateanAPIkeyforaserviceaccount")
    ]
    assert "CreateanAPIkeyforaserviceaccount" not in r.added
    schemas = {(x.old, x.new) for x in r.renamed if x.kind == "schema"}
    assert schemas == {
        ("Conversation-2", "ResponseConversation"),
        ("BetaConversation-2", "BetaResponseConversation"),
    }
    assert not {"Conversation-2", "BetaConversation-2"} & set(r.schemas_removed)
    videos = [
        op["operationId"]
        for path, item in spec(AUGUST_2026)["paths"].items()
        if path.startswith("/videos")
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    ]
    assert len(videos) == 10 and set(r.deprecated) == set(videos)


@pytest.mark.parametrize(
    ("old", "new"),
    [(APRIL_2025, MAY_2026), (MAY_2026, JULY_2026), (JULY_2026, AUGUST_2026)],
)
def test_no_change_is_only_a_difference_of_form(old: str, new: str) -> None:
    """A reported change always has two sides that differ in contract."""
    r = report(old, new)
    for change in r.changes:
        assert change.summary and change.pointer.startswith("#/")
        assert (
            change.operations
            or change.kind in ("schema-removed",)
            or not (change.breaking)
        ), change
