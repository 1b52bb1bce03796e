"""Short builders for the synthetic OpenAPI specs of the tests.

A spec literal spends most of its lines on nesting that never varies
(``requestBody.content["application/json"].schema``, ``"$ref":
"#/components/schemas/..."``).  These functions write that nesting; what a
test is about stays visible::

    spec(
        {"/nodes/{id}": {"get": operation("getNode", parameters=[param("id", "path")],
                                          responses=ok(ref("Node")))}},
        schemas={"Node": obj({"children": array(ref("Node"))})},
    )

Every builder returns plain dicts (what the loader produces), so a test can
still write any part by hand.  Extra keyword arguments are copied into the
object as written (``deprecated=True``).  Nothing is added that the arguments do
not ask for, except ``info`` (title ``T``, version ``1``) and ``required:
true`` on path parameters, as OpenAPI demands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

JsonObject = dict[str, Any]

JSON = "application/json"
MULTIPART = "multipart/form-data"
SSE = "text/event-stream"


def spec(
    paths: Mapping[str, JsonObject] | None = None,
    *,
    schemas: Mapping[str, JsonObject] | None = None,
    openapi: str = "3.1.0",
    title: str = "T",
    version: str = "1",
    description: str | None = None,
    servers: Sequence[str] = (),
    components: Mapping[str, JsonObject] | None = None,
    **fields: Any,
) -> JsonObject:
    """A whole document; ``schemas`` and ``components`` (its other sections)
    make ``components``; ``fields`` are further top-level keys (``tags``...)."""
    info = {"title": title, "version": version}
    if description is not None:
        info["description"] = description
    document: JsonObject = {"openapi": openapi, "info": info}
    if servers:
        document["servers"] = [{"url": url} for url in servers]
    document.update(fields)
    document["paths"] = dict(paths or {})
    sections = {**(components or {}), **({"schemas": dict(schemas)} if schemas else {})}
    if sections:
        document["components"] = sections
    return document


def operation(
    operation_id: str | None = None,
    *,
    parameters: Sequence[JsonObject] = (),
    body: JsonObject | None = None,
    responses: JsonObject | None = None,
    oai_meta: JsonObject | None = None,
    **fields: Any,
) -> JsonObject:
    """An operation object; keys are left out when their argument is.

    ``oai_meta`` is the ``x-oaiMeta`` extension (title, code samples).
    """
    result: JsonObject = {}
    if operation_id is not None:
        result["operationId"] = operation_id
    result.update(fields)
    if parameters:
        result["parameters"] = list(parameters)
    if body is not None:
        result["requestBody"] = body
    if responses is not None:
        result["responses"] = responses
    if oai_meta is not None:
        result["x-oaiMeta"] = oai_meta
    return result


def param(
    name: str,
    location: str = "query",
    schema: JsonObject | None = None,
    *,
    required: bool = False,
    **fields: Any,
) -> JsonObject:
    """A parameter; ``schema`` defaults to ``{"type": "string"}``."""
    result: JsonObject = {"name": name, "in": location}
    if required or location == "path":
        result["required"] = True
    result.update(fields)
    result["schema"] = {"type": "string"} if schema is None else schema
    return result


def media(
    schema: JsonObject | None, content_type: str = JSON, **fields: Any
) -> JsonObject:
    """``{content_type: {schema, **fields}}``: the ``content`` of a body or response."""
    entry: JsonObject = {} if schema is None else {"schema": schema}
    entry.update(fields)
    return {content_type: entry}


def request_body(
    schema: JsonObject,
    content_type: str = JSON,
    *,
    required: bool = False,
    **fields: Any,
) -> JsonObject:
    """A request body of one media type; ``fields`` go beside its schema (``example``)."""
    result: JsonObject = {"required": True} if required else {}
    result["content"] = media(schema, content_type, **fields)
    return result


def response(
    schema: JsonObject | None = None,
    content_type: str = JSON,
    *,
    description: str = "OK",
    **fields: Any,
) -> JsonObject:
    """A response object; without ``schema`` it has no ``content``."""
    result: JsonObject = {"description": description}
    if schema is not None:
        result["content"] = media(schema, content_type)
    result.update(fields)
    return result


def ok(
    schema: JsonObject | None = None,
    content_type: str = JSON,
    *,
    status: str = "200",
    description: str = "OK",
) -> JsonObject:
    """``responses`` with one entry: ``{status: response(...)}``."""
    return {status: response(schema, content_type, description=description)}


def no_content(description: str = "No content") -> JsonObject:
    """``responses`` of an operation that answers ``204`` without a body."""
    return {"204": {"description": description}}


def ref(name: str, **siblings: Any) -> JsonObject:
    """A ``$ref`` to ``components/schemas/<name>``, sibling keywords after it."""
    return {"$ref": f"#/components/schemas/{name}", **siblings}


def obj(
    properties: Mapping[str, JsonObject] | None = None,
    required: Sequence[str] = (),
    **fields: Any,
) -> JsonObject:
    """An object schema (``type: object``)."""
    result: JsonObject = {"type": "object"}
    result.update(fields)
    if required:
        result["required"] = list(required)
    if properties is not None:
        result["properties"] = dict(properties)
    return result


def array(items: JsonObject, **fields: Any) -> JsonObject:
    return {"type": "array", "items": items, **fields}


def string(**fields: Any) -> JsonObject:
    """``{"type": "string", **fields}`` (``enum=[...]``, ``format="binary"``...)."""
    return {"type": "string", **fields}
