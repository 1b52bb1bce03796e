"""Operations as client methods: names, arguments, request shape, result kind.

:func:`plan_client` reads the typed operations and produces one
:class:`MethodPlan` per operation; every renderer that speaks of the client
(the client itself, the docs' examples) reads these plans, so they name what
the client has.  Types go through one :class:`~generator.plan.types.TypePlanner`,
so the arguments of a request body and the fields of its model class agree.

Rules worth knowing:

* Path parameters are positional (like the openai SDK: ``retrieve(file_id)``);
  everything else is keyword-only.  Optional arguments may be left out and
  are then not sent; an explicit null is sent where the schema (or its
  prose) accepts it.
* The request body is the first JSON or ``multipart/form-data`` media type.
  An object body is spread into one argument per property; any other body is
  one ``body`` argument.
* Body arguments are typed for requests (see
  :class:`~generator.plan.types.TypePlanner`): objects as TypedDicts, so
  dict literals type-check.  An argument also accepts the model classes
  its type names at the top (``author: AuthorParam | Author``).
* The first success response decides the result: JSON -> a typed value,
  binary media -> ``binary``, nothing -> ``none``.  A response that
  also declares ``text/event-stream`` streams when the request has a
  ``stream`` property (``stream_or_json``), or always when Server-Sent Events
  are its only media type; otherwise the other media type wins
  (``/audio/speech`` returns the audio bytes).  A ``GET`` with an ``after``
  query parameter whose response holds ``data`` and ``has_more`` returns a
  cursor ``page``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from generator.model import Api, MediaType, Operation, Parameter, Schema
from generator.model.media_types import (
    MULTIPART,
    is_json,
    request_media,
    success_content,
)
from generator.naming import field_identifiers, pascal_case
from generator.plan.resources import MethodPath, Naming, NamingOptions, name_methods
from generator.plan.types import (
    ANY,
    FILE,
    NONE,
    STRING,
    AliasPlan,
    ClassPlan,
    Declaration,
    FieldPlan,
    ListOf,
    Ref,
    TypeExpr,
    TypePlanner,
    UnionOf,
    union,
)

#: Names the generated method bodies use (locals and module names): an
#: argument of the same name would shadow them.  Signatures are resolved in
#: the module scope, so ``models`` itself may be an argument.
_BODY_NAMES = frozenset(
    {
        "_api_models",
        "request_options",
        "file_parts",
        "response",
        "RequestOptions",
        "path_param",
        "NotGiven",
        "FileTypes",
    }
)

#: Names a method's arguments never take: the body's names, ``self`` and
#: the arguments every method has.
RESERVED_ARGUMENTS = _BODY_NAMES | {
    "self",
    "extra_headers",
    "extra_query",
    "extra_body",
    "timeout",
}

#: Where an argument goes: a parameter (``path``, ``query``, ``header``), a
#: property of a JSON body (``json``), the whole JSON body (``body``), or a
#: multipart part (``form`` for values, ``file`` for files).
Location = Literal["path", "query", "header", "json", "body", "form", "file"]

#: What a call returns (see the module docstring).
ResultKind = Literal["json", "none", "binary", "stream", "page", "stream_or_json"]


@dataclass(frozen=True)
class Argument:
    name: str
    wire_name: str
    location: Location
    type: TypeExpr
    required: bool
    description: str | None


@dataclass(frozen=True)
class MethodPlan:
    #: The resource the method belongs to, from the client down
    #: (``("chat", "completions")``; empty for a method of the client itself).
    resource: tuple[str, ...]
    #: The method's name on its resource (``create``).
    name: str
    operation: Operation
    arguments: tuple[Argument, ...]
    result: ResultKind
    returns: TypeExpr
    #: The element type: streamed events or page items.
    element: TypeExpr
    #: The ``stream`` argument of a ``stream_or_json`` method.
    stream_argument: Argument | None = None
    #: Deprecated aliases of the method: names it had before a spec rename
    #: (see :mod:`generator.plan.deprecations`).
    deprecated_names: tuple[str, ...] = ()
    #: (old keyword, argument name) for path arguments renamed by the spec.
    renamed_keywords: tuple[tuple[str, str], ...] = ()

    def by_location(self, location: Location) -> list[Argument]:
        return [a for a in self.arguments if a.location == location]

    @property
    def dotted(self) -> str:
        """How a user reaches the method from the client: ``chat.completions.create``."""
        return ".".join((*self.resource, self.name))


@dataclass(frozen=True)
class ClientPlan:
    """Everything the client declares: methods, model classes, aliases, and
    the TypedDicts and aliases of request arguments (``params``)."""

    methods: tuple[MethodPlan, ...]
    classes: tuple[ClassPlan, ...]
    aliases: tuple[AliasPlan, ...]
    #: Method names changed to resolve a collision (see :mod:`.resources`).
    notes: tuple[str, ...] = ()
    #: (old class name, declared name) for model classes renamed by the spec,
    #: kept as deprecated aliases.
    renamed_models: tuple[tuple[str, str], ...] = ()
    param_classes: tuple[ClassPlan, ...] = ()
    param_aliases: tuple[AliasPlan, ...] = ()

    def method_for(self, operation: Operation) -> MethodPlan:
        """The client's method for ``operation`` (one of the plan's)."""
        return self._by_route[(operation.path, operation.method)]

    @cached_property
    def _by_route(self) -> Mapping[tuple[str, str], MethodPlan]:
        return {(m.operation.path, m.operation.method): m for m in self.methods}


def plan_client(api: Api, naming: NamingOptions = NamingOptions()) -> ClientPlan:
    """The client's plan for the selected operations of ``api``."""
    planner = TypePlanner(api.schemas)
    requests = TypePlanner(api.schemas, responses=planner)
    paths = name_methods(api, naming)
    methods = plan_methods(api, planner, paths, requests)
    classes, aliases = planner.finish()
    param_classes, param_aliases = requests.finish()
    used = _used_declarations(a.type for m in methods for a in m.arguments)
    return ClientPlan(
        tuple(methods),
        tuple(classes),
        tuple(aliases),
        paths.notes,
        param_classes=tuple(c for c in param_classes if c in used),
        param_aliases=tuple(a for a in param_aliases if a in used),
    )


def _used_declarations(types: Iterable[TypeExpr]) -> set[Declaration]:
    """The declarations ``types`` mention, directly or through others.

    Only request declarations are asked about, and the models' mention only
    models': those are not walked."""
    pending = [ref for expr in types for ref in expr.refs()]
    used: set[Declaration] = set()
    while pending:
        declaration = pending.pop()
        if declaration in used:
            continue
        used.add(declaration)
        if not declaration.request:
            continue
        if isinstance(declaration, ClassPlan):
            pending.extend(r for f in declaration.fields for r in f.type.refs())
        elif isinstance(declaration, AliasPlan):
            pending.extend(declaration.target.refs())
    return used


def plan_methods(
    api: Api,
    planner: TypePlanner,
    paths: Naming,
    requests: TypePlanner | None = None,
) -> list[MethodPlan]:
    """One method per operation, in spec order, where ``paths`` puts it.

    Every schema of the operations is planned too, including those no method
    uses (error bodies, alternative media types), so ``models.py`` has a
    model for each schema reachable from the selected operations.
    ``requests`` plans the JSON body arguments (``planner`` when not given).
    """
    methods = [
        _method(paths.of(op), op, planner, requests or planner) for op in api.operations
    ]
    for operation in api.operations:
        _plan_remaining_schemas(operation, planner)
    return methods


def _plan_remaining_schemas(operation: Operation, planner: TypePlanner) -> None:
    base_name = pascal_case(operation.operation_id)
    if operation.request_body is not None:
        for media in operation.request_body.content:
            planner.annotation(media.schema, None, base_name + "Request")
    for response in operation.responses:
        for media in response.content:
            planner.annotation(media.schema, None, base_name + "Response")


def _method(
    path: MethodPath, operation: Operation, planner: TypePlanner, requests: TypePlanner
) -> MethodPlan:
    base_name = pascal_case(operation.operation_id)
    arguments = _arguments(operation, planner, requests, base_name)
    result, returns, element = _result(operation, planner, base_name, arguments)
    stream = None
    if result == "stream_or_json":
        stream = next(
            a
            for a in arguments
            if a.location in ("json", "form") and a.wire_name == "stream"
        )
    return MethodPlan(
        resource=path.resource,
        name=path.name,
        operation=operation,
        arguments=tuple(arguments),
        result=result,
        returns=returns,
        element=element,
        stream_argument=stream,
    )


# -- arguments --------------------------------------------------------------
def _arguments(
    operation: Operation, planner: TypePlanner, requests: TypePlanner, base_name: str
) -> list[Argument]:
    taken = set(_BODY_NAMES)
    arguments: list[Argument] = []
    locations: tuple[Location, ...] = ("path", "query", "header")
    for location in locations:
        parameters = [p for p in operation.parameters if p.location == location]
        names = field_identifiers([p.name for p in parameters], frozenset(taken))
        taken.update(names.values())
        arguments.extend(
            _parameter_argument(p, location, names[p.name], planner, base_name)
            for p in parameters
        )
    media = request_media(operation)
    if media is not None:
        required = (
            operation.request_body is not None and operation.request_body.required
        )
        arguments.extend(
            _body_arguments(media, required, (planner, requests), base_name, taken)
        )
    return arguments


def _parameter_argument(
    parameter: Parameter,
    location: Location,
    name: str,
    planner: TypePlanner,
    base_name: str,
) -> Argument:
    type_ = planner.annotation(
        parameter.schema, None, base_name + pascal_case(parameter.name)
    )
    if type_ == ANY and parameter.schema is None:
        type_ = STRING
    return Argument(
        name=name,
        wire_name=parameter.name,
        location=location,
        type=type_,
        required=parameter.required,
        description=parameter.description,
    )


def _body_arguments(
    media: MediaType,
    required: bool,
    planners: tuple[TypePlanner, TypePlanner],
    base_name: str,
    taken: set[str],
) -> list[Argument]:
    """The body's arguments; ``planners``: the models' and the requests' planner."""
    multipart = media.content_type == MULTIPART
    planner, requests = planners
    schema, request_name = media.schema, base_name + "Request"
    model = None if schema is None else planner.class_for(schema, request_name)
    if model is None or schema is None:
        names = field_identifiers(["body"], frozenset(taken))
        return [
            Argument(
                name=names["body"],
                wire_name="body",
                location="body",
                type=_accepting_models(
                    requests.annotation(schema, None, request_name),
                    planner.annotation(schema, None, request_name),
                ),
                required=required,
                description=None if schema is None else schema.description,
            )
        ]
    request_model = requests.class_for(schema, request_name)
    assert request_model is not None  # the same schema: a class for both
    request_types = {f.wire_name: f.type for f in request_model.fields}
    names = field_identifiers([f.wire_name for f in model.fields], frozenset(taken))
    return [
        _field_argument(
            f,
            names[f.wire_name],
            multipart,
            _accepting_models(request_types[f.wire_name], f.type),
        )
        for f in model.fields
    ]


def _accepting_models(request: TypeExpr, model: TypeExpr) -> TypeExpr:
    """``request`` or any declaration ``model`` names at its top (the models of
    a union, the model class of an object)."""
    members = model.members if isinstance(model, UnionOf) else (model,)
    return union([request, *(m for m in members if isinstance(m, Ref))])


def _field_argument(
    plan: FieldPlan, name: str, multipart: bool, type_: TypeExpr
) -> Argument:
    """The argument of a body property; ``type_``: its type as an argument."""
    location: Location = "json"
    if multipart:
        location = "file" if plan.binary else "form"
        if plan.binary:
            type_ = _file_type(type_)
    return Argument(
        name=name,
        wire_name=plan.wire_name,
        location=location,
        type=type_,
        required=plan.required,
        description=plan.description,
    )


def _file_type(expr: TypeExpr) -> TypeExpr:
    """The file forms of a multipart property's type (``None`` and text dropped).

    A file part cannot be ``null`` or text, so only files and lists
    of them remain; the runtime accepts exactly these.
    """
    members = expr.members if isinstance(expr, UnionOf) else (expr,)
    kept = [m for m in members if m in (FILE, ListOf(FILE))]
    return union(kept) if kept else FILE


# -- results ----------------------------------------------------------------
def _result(
    operation: Operation,
    planner: TypePlanner,
    base_name: str,
    arguments: list[Argument],
) -> tuple[ResultKind, TypeExpr, TypeExpr]:
    """``(kind, return type, element type)`` from the first success response."""
    events, others = success_content(operation)
    event_type = (
        planner.annotation(events.schema, None, base_name + "Event") if events else ANY
    )
    has_stream_argument = any(
        a.location in ("json", "form") and a.wire_name == "stream" for a in arguments
    )
    if events is not None and not others:
        return "stream", ANY, event_type
    if not others:
        return "none", NONE, ANY
    media = others[0]
    if not is_json(media.content_type) and not media.content_type.startswith("text/"):
        return "binary", ANY, ANY
    returns = planner.annotation(media.schema, None, base_name + "Response")
    if events is not None and has_stream_argument and is_json(media.content_type):
        return "stream_or_json", returns, event_type
    item = _page_item(operation, media.schema, planner)
    if item is not None:
        return "page", returns, item
    return "json", returns, ANY


def _page_item(
    operation: Operation, schema: Schema | None, planner: TypePlanner
) -> TypeExpr | None:
    """The item type of a cursor-paginated list operation, else ``None``."""
    if operation.method != "get" or schema is None:
        return None
    if not any(
        p.location == "query" and p.name == "after" for p in operation.parameters
    ):
        return None
    model = planner.class_for(schema, "")
    by_name = {f.wire_name: f for f in (model.fields if model else [])}
    data = by_name.get("data")
    if data is None or "has_more" not in by_name:
        return None
    return data.type.item if isinstance(data.type, ListOf) else None
