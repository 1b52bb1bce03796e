"""Spec pairs for the change report's rules (built with ``spec_builder``):
one operation ``createThing`` sending ``Req`` and receiving ``Resp`` unless
told otherwise."""

from __future__ import annotations

import copy
from typing import Any

import spec_builder
from spec_builder import JsonObject, ok, ref, request_body, string

from generator.diff import Report

STRING = string()


def obj(required: list[str] | None = None, **properties: Any) -> JsonObject:
    """An object schema with ``properties`` given as keywords."""
    return spec_builder.obj(properties, required or ())


def operation(
    op_id: str = "createThing",
    request: Any = None,
    response: Any = None,
    parameters: list[Any] | None = None,
    **extra: Any,
) -> JsonObject:
    """An operation replying ``response`` (default ``Resp``), sending
    ``request`` as a required JSON body when given."""
    return spec_builder.operation(
        op_id,
        parameters=parameters or (),
        body=None if request is None else request_body(request, required=True),
        responses=ok(response or ref("Resp")),
        **extra,
    )


def spec(
    schemas: dict[str, Any],
    paths: dict[str, Any] | None = None,
    openapi: str = "3.1.0",
) -> JsonObject:
    """A spec with ``schemas``; by default ``post /things`` sends ``Req``
    and receives ``Resp``."""
    if paths is None:
        paths = {"/things": {"post": operation(request=ref("Req"))}}
    return spec_builder.spec(paths, schemas=schemas, openapi=openapi)


def base() -> JsonObject:
    """``Req {name (required), size}`` -> ``Resp {id (required), status}``."""
    return spec(
        {
            "Req": obj(["name"], name=STRING, size={"type": "integer"}),
            "Resp": obj(["id"], id=STRING, status=string(enum=["queued", "done"])),
        }
    )


def edited(
    old: JsonObject, *path: str | int, value: Any = None, delete: bool = False
) -> JsonObject:
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
