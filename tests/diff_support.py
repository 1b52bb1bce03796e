"""Small specs for the change report's rules: one operation writing ``Req``
and reading ``Resp`` unless told otherwise."""

from __future__ import annotations

import copy
from typing import Any

from generator.diff import Report

Spec = dict[str, Any]


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def body(schema: Any) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def operation(
    op_id: str = "createThing",
    request: Any = None,
    response: Any = None,
    parameters: list[Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    op: dict[str, Any] = {"operationId": op_id, **extra}
    if parameters:
        op["parameters"] = parameters
    if request is not None:
        op["requestBody"] = {"required": True, **body(request)}
    op["responses"] = {"200": {"description": "OK", **body(response or ref("Resp"))}}
    return op


def spec(
    schemas: dict[str, Any],
    paths: dict[str, Any] | None = None,
    openapi: str = "3.1.0",
) -> Spec:
    """A spec with ``schemas``; by default ``post /things`` sends ``Req`` and
    receives ``Resp``."""
    if paths is None:
        paths = {"/things": {"post": operation(request=ref("Req"))}}
    return {
        "openapi": openapi,
        "info": {"title": "T", "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def obj(required: list[str] | None = None, **properties: Any) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        node["required"] = required
    return node


STRING = {"type": "string"}


def base() -> Spec:
    """``Req {name (required), size}`` -> ``Resp {id (required), status}``."""
    return spec(
        {
            "Req": obj(["name"], name=STRING, size={"type": "integer"}),
            "Resp": obj(
                ["id"],
                id=STRING,
                status={"type": "string", "enum": ["queued", "done"]},
            ),
        }
    )


def edited(
    old: Spec, *path: str | int, value: Any = None, delete: bool = False
) -> Spec:
    """A deep copy of ``old`` with the node at ``path`` set (or deleted)."""
    new = copy.deepcopy(old)
    node: Any = new
    for key in path[:-1]:
        node = node[key]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return new


def only(report: Report, kind: str) -> list[Any]:
    return [c for c in report.changes if c.kind == kind]


def verdicts(change: Any) -> tuple[str, str, str]:
    return change.wire, change.calls, change.types
