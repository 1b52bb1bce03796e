"""Operations as client methods: arguments, request shape, return type, docstring.

:func:`plan_methods` reads the typed operations and produces one
:class:`MethodPlan` per operation; the ``_client.py`` template writes each
twice (``Client`` and ``AsyncClient``).  Types go through the shared
:class:`~generator.render.python_types.TypePlanner`, so the arguments of a
request body and the fields of its model class agree.

Rules worth knowing:

* Path parameters are positional (like the openai SDK: ``retrieve(file_id)``);
  everything else is keyword-only.  Optional arguments default to
  ``NOT_GIVEN`` and are then not sent; an explicit ``None`` is sent as
  ``null`` where the schema (or its prose) accepts it.
* The request body is the first JSON or ``multipart/form-data`` media type.
  An object body is spread into one argument per property; any other body is
  one ``body`` argument.
* The first success response decides the result: JSON -> a typed value,
  binary media -> ``BinaryResponse``, nothing -> ``None``.  A response that
  also declares ``text/event-stream`` streams when the request has a
  ``stream`` property (typed overloads on ``stream: Literal[True]``), or
  always when Server-Sent Events are its only media type; otherwise the
  other media type wins (``/audio/speech`` returns the audio bytes).  A ``GET`` with an
  ``after`` query parameter whose response holds ``data`` and ``has_more``
  returns a cursor page.
"""

from __future__ import annotations

import re
import textwrap
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.model import Api, MediaType, Operation, Parameter, Schema
from generator.naming import field_identifiers, pascal_case, snake_case, unique_name
from generator.render.media_types import (
    MULTIPART,
    is_json,
    request_media,
    success_content,
)
from generator.render.python_layout import string_literal
from generator.render.python_types import (
    ANY,
    NONE,
    AliasPlan,
    ClassPlan,
    FieldPlan,
    Generic,
    Lit,
    Plain,
    TypeExpr,
    TypePlanner,
    UnionOf,
    python_literal,
    union,
)

#: How ``_client.py`` signatures refer to the models module.
MODELS = "models."
#: How method bodies refer to it: an argument may be called ``models``.
BODY_MODELS = "_api_models."

#: Names the generated method bodies use (locals and module names): an
#: argument of the same name would shadow them.  Signatures are resolved in
#: the module scope, so ``models`` itself may be an argument.
_BODY_NAMES = frozenset(
    {
        "_api_models",
        "spec",
        "file_parts",
        "response",
        "RequestSpec",
        "path_param",
        "NotGiven",
        "FileTypes",
    }
)

#: Attributes of the runtime client classes that a method must not shadow.
_CLIENT_ATTRIBUTES = frozenset(
    {
        "close",
        "aclose",
        "api_key",
        "organization",
        "project",
        "base_url",
        "timeout",
        "max_retries",
        "default_headers",
        "http_client",
    }
)

#: Characters a docstring shows escaped (line breaks and tabs excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Argument:
    name: str
    wire_name: str
    #: ``path``, ``query``, ``header``, ``json`` (a body property), ``body``
    #: (the whole JSON body), ``form`` or ``file`` (multipart parts).
    location: str
    type: TypeExpr
    required: bool
    description: str | None

    @property
    def wire_literal(self) -> str:
        return python_literal(self.wire_name)

    @property
    def annotation(self) -> str:
        text = self.type.render(MODELS)
        return text if self.required else f"{text} | NotGiven"


@dataclass(frozen=True)
class Signature:
    """One ``def`` line's arguments and return annotation."""

    positional: tuple[Argument, ...]
    keyword: tuple[Argument, ...]
    returns: str


@dataclass(frozen=True)
class MethodPlan:
    name: str
    http_method: str
    #: The path as a Python expression (an f-string when it has parameters).
    path: str
    arguments: tuple[Argument, ...]
    #: ``json``, ``none``, ``binary``, ``stream``, ``page`` or ``stream_or_json``.
    result: str
    returns: TypeExpr
    #: The element type: streamed events or page items.
    element: TypeExpr
    docstring: str
    #: The name of the ``stream`` argument for ``stream_or_json``.
    stream_argument: str = ""

    def by_location(self, location: str) -> list[Argument]:
        return [a for a in self.arguments if a.location == location]

    def signature(self, flavour: str) -> Signature:
        """The implementation's signature; ``flavour`` is ``sync`` or ``async``."""
        return _signature(self.arguments, self.return_annotation(flavour))

    def overloads(self, flavour: str) -> tuple[Signature, ...]:
        """For ``stream_or_json``: ``stream`` false or omitted -> the JSON type,
        true -> a stream, a ``bool`` -> either."""
        if self.result != "stream_or_json":
            return ()
        stream = next(a for a in self.arguments if a.name == self.stream_argument)
        nullable = isinstance(stream.type, UnionOf) and NONE in stream.type.members

        def with_stream(type_: TypeExpr, required: bool, returns: str) -> Signature:
            arguments = [
                replace(a, type=type_, required=required) if a is stream else a
                for a in self.arguments
            ]
            return _signature(arguments, returns)

        events = self._stream(flavour)
        return (
            with_stream(
                union([Lit((False,)), *([NONE] if nullable else [])]),
                False,
                self.cast_to,
            ),
            with_stream(Lit((True,)), True, events),
            with_stream(Plain("bool"), True, f"{self.cast_to} | {events}"),
        )

    @property
    def cast_to(self) -> str:
        return self.returns.render(MODELS)

    @property
    def element_type(self) -> str:
        return self.element.render(MODELS)

    @property
    def body_cast_to(self) -> str:
        """``cast_to`` as written in the method body."""
        return self.returns.render(BODY_MODELS)

    @property
    def body_element_type(self) -> str:
        return self.element.render(BODY_MODELS)

    def return_annotation(self, flavour: str) -> str:
        if self.result == "binary":
            return "BinaryResponse"
        if self.result == "stream":
            return self._stream(flavour)
        if self.result == "page":
            page = "AsyncCursorPage" if flavour == "async" else "SyncCursorPage"
            return f"{page}[{self.element_type}]"
        if self.result == "stream_or_json":
            return f"{self.cast_to} | {self._stream(flavour)}"
        return self.cast_to

    def _stream(self, flavour: str) -> str:
        return f"{'Async' if flavour == 'async' else ''}Stream[{self.element_type}]"


def _signature(arguments: Sequence[Argument], returns: str) -> Signature:
    return Signature(
        positional=tuple(a for a in arguments if a.location == "path"),
        keyword=tuple(a for a in arguments if a.location != "path"),
        returns=returns,
    )


@dataclass(frozen=True)
class ClientPlan:
    """Everything the client package declares: methods, model classes, aliases."""

    methods: list[MethodPlan]
    classes: list[ClassPlan]
    aliases: list[AliasPlan]


#: One plan per model object: the client renderer and the Markdown docs both
#: read it, and planning the whole API is the costly part of either.
_PLANS: dict[int, tuple[weakref.ref[Api], ClientPlan]] = {}


def plan_client(api: Api) -> ClientPlan:
    """The client's plan for ``api``, computed once per :class:`Api` object."""
    key = id(api)
    cached = _PLANS.get(key)
    if cached is not None and cached[0]() is api:
        return cached[1]
    planner = TypePlanner(api.schemas)
    methods = plan_methods(api, planner)
    classes, aliases = planner.finish()
    plan = ClientPlan(methods, classes, aliases)
    _PLANS[key] = (weakref.ref(api, lambda _: _PLANS.pop(key, None)), plan)
    return plan


def client_methods(api: Api) -> dict[tuple[str, str], MethodPlan]:
    """The generated client's method for each operation, by ``(path, method)``.

    The Markdown docs name methods and arguments from these plans, so what
    they show is what the client has.
    """
    methods = plan_client(api).methods
    return {
        (operation.path, operation.method): method
        for operation, method in zip(api.operations, methods, strict=True)
    }


def plan_methods(api: Api, planner: TypePlanner) -> list[MethodPlan]:
    """One method per operation, in spec order, with distinct names.

    Every schema of the operations is planned too, including those no method
    uses (error bodies, alternative media types), so ``models.py`` has a
    model for each schema reachable from the selected operations.
    """
    used = set(_CLIENT_ATTRIBUTES)
    methods = []
    for operation in api.operations:
        name = unique_name(snake_case(operation.operation_id), used, "_")
        methods.append(_method(name, operation, planner))
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


def _method(name: str, operation: Operation, planner: TypePlanner) -> MethodPlan:
    base_name = pascal_case(operation.operation_id)
    arguments = _arguments(operation, planner, base_name)
    result, returns, element = _result(operation, planner, base_name, arguments)
    plan = MethodPlan(
        name=name,
        http_method=operation.method.upper(),
        path=_path_expression(operation.path, arguments),
        arguments=tuple(arguments),
        result=result,
        returns=returns,
        element=element,
        docstring=_docstring(operation, arguments),
    )
    if result == "stream_or_json":
        stream = next(
            a
            for a in arguments
            if a.location in ("json", "form") and a.wire_name == "stream"
        )
        plan = replace(plan, stream_argument=stream.name)
    return plan


# -- arguments --------------------------------------------------------------
def _arguments(
    operation: Operation, planner: TypePlanner, base_name: str
) -> list[Argument]:
    taken = set(_BODY_NAMES)
    arguments: list[Argument] = []
    for location in ("path", "query", "header"):
        parameters = [p for p in operation.parameters if p.location == location]
        names = field_identifiers([p.name for p in parameters], frozenset(taken))
        taken.update(names.values())
        arguments.extend(
            _parameter_argument(p, names[p.name], planner, base_name)
            for p in parameters
        )
    media = request_media(operation)
    if media is not None:
        required = (
            operation.request_body is not None and operation.request_body.required
        )
        arguments.extend(_body_arguments(media, required, planner, base_name, taken))
    return arguments


def _parameter_argument(
    parameter: Parameter, name: str, planner: TypePlanner, base_name: str
) -> Argument:
    type_ = planner.annotation(
        parameter.schema, None, base_name + pascal_case(parameter.name)
    )
    if type_ == ANY and parameter.schema is None:
        type_ = Plain("str")
    return Argument(
        name=name,
        wire_name=parameter.name,
        location=parameter.location,
        type=type_,
        required=parameter.required,
        description=parameter.description,
    )


def _body_arguments(
    media: MediaType,
    required: bool,
    planner: TypePlanner,
    base_name: str,
    taken: set[str],
) -> list[Argument]:
    multipart = media.content_type == MULTIPART
    model = (
        None
        if media.schema is None
        else planner.class_for(media.schema, base_name + "Request")
    )
    if model is None:
        names = field_identifiers(["body"], frozenset(taken))
        return [
            Argument(
                name=names["body"],
                wire_name="body",
                location="body",
                type=planner.annotation(media.schema, None, base_name + "Request"),
                required=required,
                description=None if media.schema is None else media.schema.description,
            )
        ]
    names = field_identifiers([f.wire_name for f in model.fields], frozenset(taken))
    return [_field_argument(f, names[f.wire_name], multipart) for f in model.fields]


def _field_argument(plan: FieldPlan, name: str, multipart: bool) -> Argument:
    location = "json"
    type_ = plan.type
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

    A file part cannot be ``null`` or text, so only ``FileTypes`` and lists
    of them remain; the runtime accepts exactly these.
    """
    file = Plain("FileTypes")
    members = expr.members if isinstance(expr, UnionOf) else (expr,)
    kept = [
        m
        for m in members
        if m == file
        or (isinstance(m, Generic) and m.origin == "list" and m.args == (file,))
    ]
    return union(kept) if kept else file


# -- results ----------------------------------------------------------------
def _result(
    operation: Operation,
    planner: TypePlanner,
    base_name: str,
    arguments: list[Argument],
) -> tuple[str, TypeExpr, TypeExpr]:
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
    data_type = data.type
    if isinstance(data_type, Generic) and data_type.origin == "list":
        return data_type.args[0]
    return None


# -- path and docs ------------------------------------------------------------
def _path_expression(path: str, arguments: Sequence[Argument]) -> str:
    """The request path as a Python string or f-string with quoted parameters."""
    names = {a.wire_name: a.name for a in arguments if a.location == "path"}
    text = path.replace("\\", "\\\\").replace('"', '\\"')
    if not names:
        return string_literal(text)
    text = text.replace("{", "{{").replace("}", "}}")
    for wire, name in names.items():
        text = text.replace("{{" + wire + "}}", "{path_param(" + name + ")}")
    return string_literal(text, prefix="f")


def _docstring(operation: Operation, arguments: Sequence[Argument]) -> str:
    """Plain-text docstring body: summary, description, deprecation, arguments."""
    parts = [
        text.strip() for text in (operation.summary, operation.description) if text
    ]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts.pop()
    if not parts:
        parts.append(f"{operation.method.upper()} {operation.path}")
    if operation.deprecated:
        parts.append("Deprecated.")
    documented = [a for a in arguments if a.description]
    if documented:
        lines = ["Args:"]
        for argument in documented:
            text = " ".join((argument.description or "").split())
            wrapped = textwrap.wrap(f"{argument.name}: {text}", width=80)
            lines.append("  " + wrapped[0])
            lines.extend("    " + line for line in wrapped[1:])
        parts.append("\n".join(lines))
    return escape_docstring("\n\n".join(parts))


def escape_docstring(text: str) -> str:
    """``text`` safe inside a triple-double-quoted docstring, trailing spaces removed.

    Backslashes are doubled, ``\"\"\"`` broken up, control characters
    escaped, and a final ``"`` spaced off the closing quotes.
    """
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return text + " " if text.endswith('"') else text
