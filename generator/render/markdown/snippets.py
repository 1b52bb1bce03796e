"""An operation's example request, and the same request as ``curl`` and as Python.

:func:`example_request` picks the values (see :mod:`markdown_examples`: every
value is valid for its schema); :func:`curl_command` and :func:`python_call`
spell that one request out, so the three examples on a page always agree.

The Python call follows the generated client's conventions: the method is
the client's own (:class:`~generator.plan.ClientPlan`), path parameters are positional (as in the
openai SDK), everything else is a keyword argument named as the client names
it, query and header parameters first, then the body's properties; a body the
client takes whole is passed as one argument; multipart file parts are
passed as paths.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from generator.model import (
    MISSING,
    Api,
    JsonValue,
    MediaType,
    Operation,
    Parameter,
    Schema,
)
from generator.model.examples import conforms, example_value
from generator.model.media_types import MULTIPART, is_json, request_media
from generator.model.shape import is_binary, object_shape
from generator.plan import MethodPlan
from generator.python_syntax import LINE_LENGTH, python_literal, width


@dataclass(frozen=True)
class ExampleRequest:
    path: str
    #: Path, query and header parameters with their example values, in order.
    parameters: tuple[tuple[Parameter, JsonValue], ...]
    media: MediaType | None
    body: JsonValue
    #: The body is the spec's own example (else: required fields only, synthesised).
    body_from_spec: bool = False

    def values(self, location: str) -> list[tuple[Parameter, JsonValue]]:
        return [(p, v) for p, v in self.parameters if p.location == location]

    @property
    def is_json(self) -> bool:
        return self.media is not None and is_json(self.media.content_type)

    @property
    def is_multipart(self) -> bool:
        return self.media is not None and self.media.content_type == MULTIPART


def example_request(operation: Operation) -> ExampleRequest:
    """Required parameters, and the spec's example body or else the smallest valid one."""
    parameters = tuple(
        (p, _parameter_value(p))
        for p in operation.parameters
        if p.location in ("path", "query", "header") and p.required
    )
    media = request_media(operation)
    body: JsonValue = None
    declared: JsonValue = None
    if media is not None and media.schema is not None:
        declared = _declared_body(media)
        body = declared if declared is not None else example_value(media.schema, "body")
    return ExampleRequest(
        path=operation.path,
        parameters=parameters,
        media=media,
        body=body,
        body_from_spec=declared is not None,
    )


def _declared_body(media: MediaType) -> JsonValue:
    """The media type's own example, when it is valid for its schema."""
    assert media.schema is not None
    for value in (media.example, *media.examples.values()):
        if value is not MISSING and value is not None and conforms(media.schema, value):
            return value
    return None


def _parameter_value(parameter: Parameter) -> JsonValue:
    schema = parameter.schema or Schema(type="string")
    if parameter.example is not MISSING and conforms(schema, parameter.example):
        return parameter.example
    return example_value(schema, parameter.name)


# -- curl ------------------------------------------------------------------------
def curl_command(api: Api, operation: Operation, request: ExampleRequest) -> str:
    """The request as a ``curl`` command line (continued with backslashes)."""
    url = api.default_server.rstrip("/") + filled_path(request)
    query = [
        (parameter.name, _query_text(item))
        for parameter, value in request.values("query")
        for item in (value if isinstance(value, list) else [value])
    ]
    if query:
        url += ("&" if "?" in url else "?") + urlencode(query)
    first = (
        "curl" if operation.method == "get" else f"curl -X {operation.method.upper()}"
    )
    lines = [f"{first} {shlex.quote(url)}"]
    if _uses_bearer(api, operation):
        lines.append('-H "Authorization: Bearer $OPENAI_API_KEY"')
    lines.extend(
        "-H " + shlex.quote(f"{p.name}: {_query_text(v)}")
        for p, v in request.values("header")
    )
    lines.extend(_curl_body(request))
    return " \\\n  ".join(lines) + "\n"


def filled_path(request: ExampleRequest) -> str:
    """The request path with its parameters' example values, URL-quoted.

    A ``{name}`` the spec declares no parameter for stays, its braces quoted
    as the client sends them (curl would read bare braces as a URL glob).
    """
    path = request.path
    for parameter, value in request.values("path"):
        path = path.replace(
            "{" + parameter.name + "}", quote(_query_text(value), safe="")
        )
    return path.replace("{", "%7B").replace("}", "%7D")


def _query_text(value: JsonValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _uses_bearer(api: Api, operation: Operation) -> bool:
    return any(
        s.name in operation.security
        and s.type == "http"
        and (s.scheme or "").lower() == "bearer"
        for s in api.security_schemes
    )


def _curl_body(request: ExampleRequest) -> list[str]:
    if request.media is None:
        return []
    if request.is_multipart and isinstance(request.body, dict):
        return [
            "-F " + shlex.quote(part)
            for name, value in request.body.items()
            for part in _form_parts(request, name, value)
        ]
    content_type = "-H " + shlex.quote(f"Content-Type: {request.media.content_type}")
    if request.is_json:
        return [
            content_type,
            "-d " + shlex.quote(json.dumps(request.body, indent=2, ensure_ascii=False)),
        ]
    return [content_type, "--data-binary @" + shlex.quote(_file_name("body"))]


def _form_parts(request: ExampleRequest, name: str, value: JsonValue) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if _is_file(request, name):
        return [f"{name}=@{_file_name(name)}" for _ in values]
    return [f"{name}={_query_text(v)}" for v in values]


def _is_file(request: ExampleRequest, name: str) -> bool:
    """Whether the multipart part ``name`` is a file (as the client decides)."""
    if request.media is None or request.media.schema is None:
        return False
    prop = object_shape(request.media.schema)[0].get(name)
    return prop is not None and is_binary(prop)


def _file_name(name: str) -> str:
    return f"path/to/{name}"


# -- Python ------------------------------------------------------------------------
def python_call(
    operation: Operation, request: ExampleRequest, method: MethodPlan
) -> str:
    """The request as a call of ``method`` of the generated client: a small
    script black leaves as is."""
    arguments: list[tuple[str, object]] = [
        ("", value) for _, value in request.values("path")
    ]
    arguments.extend(
        (f"{name}=", value) for name, value in _keyword_values(request, method)
    )
    uses_files = (
        request.is_multipart
        and isinstance(request.body, dict)
        and any(_is_file(request, name) for name in request.body)
    )
    imports = ["from pathlib import Path", ""] if uses_files else []
    kind = {"page": "json"}.get(method.result, method.result)
    if kind == "stream_or_json":
        # The client streams when the example's body sets ``stream`` to true.
        streams = isinstance(request.body, dict) and request.body.get("stream") is True
        kind = "stream" if streams else "json"
    target = {"none": "", "stream": "stream = "}.get(kind, "response = ")
    call = f"{target}client.{method.dotted}("
    one_line = (
        call
        + ", ".join(prefix + _py_inline(value) for prefix, value in arguments)
        + ")"
    )
    if width(one_line) <= LINE_LENGTH:
        call = one_line
    else:
        # One argument per line, with the trailing comma black keeps.
        call += (
            "\n"
            + "".join(
                f"    {prefix}{_py(value, 4, len(prefix) + 1)},\n"
                for prefix, value in arguments
            )
            + ")"
        )
    after = {
        "none": [],
        "binary": ['response.write_to_file("output.bin")'],
        "stream": ["for event in stream:", "    print(event)"],
        "json": ["print(response)"],
    }[kind]
    return (
        "\n".join(
            [
                *imports,
                "from openai_client import Client",
                "",
                "client = Client()",
                call,
                *after,
            ]
        )
        + "\n"
    )


def _keyword_values(
    request: ExampleRequest, method: MethodPlan
) -> list[tuple[str, object]]:
    """(Python argument name, value) for the query, header and body values.

    The names are the client's own (``method``'s arguments); a body the client
    takes whole is passed as its one body argument.
    """
    names: dict[tuple[str, str], str] = {
        (a.location, a.wire_name): a.name for a in method.arguments
    }
    result: list[tuple[str, object]] = [
        (names[(p.location, p.name)], v)
        for p, v in request.parameters
        if p.location != "path"
    ]
    if request.media is None or request.media.schema is None:
        return result
    whole = method.by_location("body")
    if whole:
        result.append((whole[0].name, request.body))
    elif isinstance(request.body, dict):
        properties = {
            a.wire_name: a.name
            for a in method.arguments
            if a.location in ("json", "form", "file")
        }
        result.extend(
            (
                properties[wire],
                _file_paths(value, wire) if _is_file(request, wire) else value,
            )
            for wire, value in request.body.items()
            if wire in properties
        )
    return result


def _file_paths(value: JsonValue, name: str) -> object:
    """A file part's Python value: a ``Path``, or a list of them for a list of files."""
    path = _PyCode(f'Path("{_file_name(name)}")')
    return [path for _ in value] if isinstance(value, list) else path


class _PyCode(str):
    """Python source text to emit as is (not as a string literal)."""


def _py(value: object, indent: int, overhead: int) -> str:
    """A Python literal for a JSON value, split the way black splits it.

    ``indent`` is the column the value's line starts at and ``overhead`` the
    other characters on that line (``name=`` and the trailing comma): a
    literal that fits in black's line length stays on one line; a longer list
    or dict gets one item per line and a trailing comma, which black keeps.
    """
    inline = _py_inline(value)
    if indent + overhead + width(inline) <= LINE_LENGTH or not isinstance(
        value, (list, dict)
    ):
        return inline
    inner = indent + 4
    if isinstance(value, list):
        items = [_py(v, inner, 1) for v in value]
        opening, closing = "[", "]"
    else:
        items = []
        for key, item in value.items():
            prefix = python_literal(key) + ": "
            items.append(prefix + _py(item, inner, len(prefix) + 1))
        opening, closing = "{", "}"
    body = "".join(f"{' ' * inner}{item},\n" for item in items)
    return f"{opening}\n{body}{' ' * indent}{closing}"


def _py_inline(value: object) -> str:
    """A Python literal for a JSON value, on one line."""
    if isinstance(value, _PyCode):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_py_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(
                f"{python_literal(k)}: {_py_inline(v)}" for k, v in value.items()
            )
            + "}"
        )
    assert value is None or isinstance(value, (str, bool, int, float))
    return python_literal(value)
