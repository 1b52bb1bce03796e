"""The spec slice artifact: ``openapi/openapi.yaml``.

The contract the client and docs were made from, as a valid OpenAPI document
of the same version: the selected operations (path-level keys kept), every
component they reach through ``$ref`` (transitively, references intact, in
the spec's order), all security schemes, and the document's ``openapi``,
``info``, ``jsonSchemaDialect``, ``servers``, ``security``, ``tags`` and
``externalDocs``.  Top-level extensions (``x-...``) and webhooks are left
out: they describe the whole API, not the selection.

Generating ``--all`` from the slice gives the same POD, Markdown and client
as generating the selection from the whole spec (the tests hold this on real
specs).  Key order is the spec's, so a spec bump shows in the vendored diff
as the contract change it is.

This is the one renderer that reads :attr:`Api.document`: its output is the
document itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.model import Api
from generator.openapi import HTTP_METHODS, pointer_key
from generator.render import Files, RenderOptions
from generator.render.slice.yaml_text import dump

SLICE_PATH = "openapi/openapi.yaml"

#: Top-level keys kept as they are, in the document's order.
_KEPT = frozenset(
    {"openapi", "info", "jsonSchemaDialect", "servers", "security", "tags"}
    | {"externalDocs"}
)


def render(api: Api, plan: object, options: RenderOptions) -> Files:
    """The slice of ``api.document`` that ``api``'s operations need."""
    del plan, options  # the slice is the spec's own text, not the client's
    selected = {(op.path, op.method) for op in api.operations}
    return {SLICE_PATH: dump(slice_document(api.document, selected))}


def slice_document(
    document: Mapping[str, Any], selected: set[tuple[str, str]]
) -> dict[str, Any]:
    """``document`` cut down to the ``(path, method)`` operations in ``selected``."""
    paths = _paths(document.get("paths"), selected)
    components = document.get("components")
    components = components if isinstance(components, Mapping) else {}
    reached = _reached(paths, components)
    result: dict[str, Any] = {}
    for key, value in document.items():
        if key in _KEPT:
            result[key] = value
        elif key == "paths":
            result[key] = paths
        elif key == "components":
            kept = _components(components, reached)
            if kept:
                result[key] = kept
    return result


def _paths(raw: object, selected: set[tuple[str, str]]) -> dict[str, Any]:
    """The path items with a selected operation, other operations dropped."""
    if not isinstance(raw, Mapping):
        return {}
    result: dict[str, Any] = {}
    for path, item in raw.items():
        if not isinstance(item, Mapping):
            continue
        if not any((str(path), m) in selected for m in item if isinstance(m, str)):
            continue
        result[path] = {
            key: value
            for key, value in item.items()
            if key not in HTTP_METHODS or (str(path), key) in selected
        }
    return result


def _reached(
    paths: Mapping[str, Any], components: Mapping[str, Any]
) -> set[tuple[str, str]]:
    """The ``(kind, name)`` components reachable from ``paths`` through ``$ref``."""
    reached: set[tuple[str, str]] = set()
    pending: list[object] = [paths]
    while pending:
        for target in _component_refs(pending.pop()):
            kind, name = target
            entries = components.get(kind)
            if target in reached or not isinstance(entries, Mapping):
                continue
            if name in entries:
                reached.add(target)
                pending.append(entries[name])
    return reached


def _component_refs(node: object) -> Iterator[tuple[str, str]]:
    """``(kind, name)`` of every ``#/components/<kind>/<name>`` reference in ``node``.

    ``$ref`` values count, and so do the values of discriminator mappings,
    which name schemas the same way.  The walk is iterative: specs nest deep.
    """
    stack = [node]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        # ``dict``, not the ``Mapping`` ABC: a loaded spec is JSON data, and
        # this walk visits every node of the selection.
        if isinstance(current, dict):
            if id(current) in seen:  # YAML aliases share nodes
                continue
            seen.add(id(current))
            ref = current.get("$ref")
            if isinstance(ref, str):
                yield from _target(ref)
            mapping = current.get("mapping")
            if isinstance(mapping, dict):
                for value in mapping.values():
                    if isinstance(value, str):
                        yield from _target(value)
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def _target(ref: str) -> Iterator[tuple[str, str]]:
    tokens = ref.split("/")
    if len(tokens) >= 4 and tokens[0] == "#" and tokens[1] == "components":
        yield tokens[2], pointer_key(tokens[3])


def _components(
    components: Mapping[str, Any], reached: set[tuple[str, str]]
) -> dict[str, Any]:
    """The reached entries of each kind, in the spec's order; every security scheme."""
    result: dict[str, Any] = {}
    for kind, entries in components.items():
        if kind == "securitySchemes":
            result[kind] = entries
            continue
        if not isinstance(entries, Mapping):
            continue
        kept = {
            name: value for name, value in entries.items() if (kind, name) in reached
        }
        if kept:
            result[kind] = kept
    return result
