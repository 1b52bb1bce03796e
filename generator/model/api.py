"""Typed model of the API surface: paths, operations, parameters, bodies, responses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.model.schema import MISSING, JsonValue, Schema, _Missing


@dataclass(frozen=True)
class Parameter:
    name: str
    #: ``path``, ``query``, ``header`` or ``cookie``.
    location: str
    required: bool
    description: str | None
    schema: Schema | None
    deprecated: bool = False
    example: JsonValue | _Missing = MISSING


@dataclass(frozen=True)
class MediaType:
    content_type: str
    schema: Schema | None
    example: JsonValue | _Missing = MISSING
    #: Named examples (``examples``): name -> value.
    examples: Mapping[str, JsonValue] = field(default_factory=dict)


@dataclass(frozen=True)
class RequestBody:
    description: str | None
    required: bool
    content: tuple[MediaType, ...]


@dataclass(frozen=True)
class Response:
    #: The status code as written (``"200"``, ``"4XX"``, ``"default"``).
    status: str
    description: str | None
    content: tuple[MediaType, ...]


@dataclass(frozen=True)
class CodeSample:
    """One request example from ``x-oaiMeta.examples`` (language -> source)."""

    title: str | None
    request: Mapping[str, str]
    response: str | None


@dataclass(frozen=True)
class Operation:
    operation_id: str
    #: Lower-case HTTP method, as in the spec.
    method: str
    path: str
    summary: str | None
    description: str | None
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    request_body: RequestBody | None
    responses: tuple[Response, ...]
    deprecated: bool = False
    #: Names of the security schemes that may authenticate the call
    #: (empty tuple: none declared; ``None`` in a requirement means optional).
    security: tuple[str, ...] = ()
    #: ``x-oaiMeta.name`` / ``returns`` when present.
    meta_name: str | None = None
    meta_returns: str | None = None
    #: ``x-oaiMeta.beta``: the operation belongs to a beta API.
    meta_beta: bool = False
    code_samples: tuple[CodeSample, ...] = ()


@dataclass(frozen=True)
class PathItem:
    path: str
    summary: str | None
    description: str | None
    #: Operations in the order their methods appear in the spec.
    operations: tuple[Operation, ...]
    #: Every HTTP method the spec declares on the path, selected or not.
    declared_methods: tuple[str, ...] = ()


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    type: str
    scheme: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Tag:
    name: str
    description: str | None


@dataclass(frozen=True)
class Api:
    """The whole parsed spec."""

    title: str
    version: str
    description: str | None
    servers: tuple[str, ...]
    #: Every path item, in spec order.
    paths: tuple[PathItem, ...]
    #: The ``components/schemas`` the selected operations reach, by name, in
    #: the order the spec declares them.
    schemas: Mapping[str, Schema]
    security_schemes: tuple[SecurityScheme, ...]
    tags: tuple[Tag, ...]
    #: The document the model was built from (overlays applied), as loaded.
    #: Only an artifact that reproduces the spec itself reads it (the spec
    #: slice); the client and the docs read the typed model.
    document: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for item in self.paths for op in item.operations)

    @property
    def default_server(self) -> str:
        return self.servers[0] if self.servers else "https://api.openai.com/v1"
