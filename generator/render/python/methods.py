"""The client's method plans as the ``_client.py`` template writes them.

A :class:`MethodView` holds the Python text of one method: its signatures
(with the typed overloads of a method that may stream), the request path as
an f-string, the docstring and the names its body uses.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from generator.plan import Argument, Location, MethodPlan
from generator.plan.types import NONE, EnumValues, Scalar, TypeExpr, UnionOf, union
from generator.python_syntax import python_literal, string_literal
from generator.render.python.types import annotation

#: How ``_client.py`` signatures refer to the models module.
MODELS = "models."
#: How method bodies refer to it: an argument may be called ``models``.
BODY_MODELS = "_api_models."
#: How ``_client.py`` signatures refer to the params module.
PARAMS = "params."

#: Characters a docstring shows escaped (line breaks and tabs excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class ArgumentView:
    name: str
    location: Location
    required: bool
    #: The wire name as a Python string literal.
    wire_literal: str
    #: The annotation, ``| NotGiven`` included for an optional argument.
    annotation: str


@dataclass(frozen=True)
class Signature:
    """One ``def`` line's arguments and return annotation."""

    positional: tuple[ArgumentView, ...]
    keyword: tuple[ArgumentView, ...]
    returns: str


@dataclass(frozen=True)
class ArgumentsAt:
    """A method's argument views by :data:`Location` (attributes, which the
    template reads faster than it calls a method), files also by requirement."""

    path: tuple[ArgumentView, ...] = ()
    query: tuple[ArgumentView, ...] = ()
    header: tuple[ArgumentView, ...] = ()
    json: tuple[ArgumentView, ...] = ()
    body: tuple[ArgumentView, ...] = ()
    form: tuple[ArgumentView, ...] = ()
    file: tuple[ArgumentView, ...] = ()
    required_files: tuple[ArgumentView, ...] = ()
    optional_files: tuple[ArgumentView, ...] = ()


class MethodView:
    """One method plan with the Python text the template writes."""

    def __init__(
        self, plan: MethodPlan, shadowed: frozenset[str] = frozenset()
    ) -> None:
        self.plan = plan
        #: Builtins that methods of the module shadow in signatures (``list``).
        self.shadowed = shadowed

    @property
    def name(self) -> str:
        return self.plan.name

    @property
    def result(self) -> str:
        return self.plan.result

    @property
    def http_method(self) -> str:
        return self.plan.operation.method.upper()

    @property
    def deprecated_names(self) -> tuple[str, ...]:
        return self.plan.deprecated_names

    @property
    def renamed_keywords(self) -> str:
        """The arguments of ``renamed_keywords(...)``: ``old="new", ...``."""
        return ", ".join(
            f"{old}={python_literal(new)}" for old, new in self.plan.renamed_keywords
        )

    @property
    def stream_argument(self) -> str:
        stream = self.plan.stream_argument
        return "" if stream is None else stream.name

    @cached_property
    def path(self) -> str:
        """The request path as a Python string or f-string with quoted parameters."""
        return _path_expression(self.plan.operation.path, self.plan.arguments)

    @cached_property
    def docstring(self) -> str:
        return _docstring(self.plan)

    @cached_property
    def arguments(self) -> tuple[ArgumentView, ...]:
        """The views of the plan's arguments, in order (each made once: both
        flavours and every overload write them)."""
        return tuple(_view(a, self.shadowed) for a in self.plan.arguments)

    @cached_property
    def at(self) -> ArgumentsAt:
        """The argument views by location: ``m.at.query`` in the template."""
        groups: dict[Location, list[ArgumentView]] = {}
        for view in self.arguments:
            groups.setdefault(view.location, []).append(view)
        files = groups.get("file", [])
        return ArgumentsAt(
            **{location: tuple(views) for location, views in groups.items()},
            required_files=tuple(a for a in files if a.required),
            optional_files=tuple(a for a in files if not a.required),
        )

    def signature(self, flavour: str) -> Signature:
        """The implementation's signature; ``flavour`` is ``sync`` or ``async``."""
        return self._signature(self.arguments, self.return_annotation(flavour))

    def overloads(self, flavour: str) -> tuple[Signature, ...]:
        """For ``stream_or_json``: ``stream`` false or omitted -> the JSON type,
        true -> a stream, a ``bool`` -> either."""
        stream = self.plan.stream_argument
        if self.plan.result != "stream_or_json" or stream is None:
            return ()
        nullable = isinstance(stream.type, UnionOf) and NONE in stream.type.members

        def with_stream(type_: TypeExpr, required: bool, returns: str) -> Signature:
            retyped = _view(
                replace(stream, type=type_, required=required), self.shadowed
            )
            arguments = [
                retyped if a is stream else view
                for a, view in zip(self.plan.arguments, self.arguments, strict=True)
            ]
            return self._signature(arguments, returns)

        events = self._stream(flavour)
        return (
            with_stream(
                union([EnumValues((False,)), *([NONE] if nullable else [])]),
                False,
                self.cast_to,
            ),
            with_stream(EnumValues((True,)), True, events),
            with_stream(Scalar("boolean"), True, f"{self.cast_to} | {events}"),
        )

    @cached_property
    def cast_to(self) -> str:
        return annotation(self.plan.returns, MODELS, self.shadowed)

    @cached_property
    def element_type(self) -> str:
        return annotation(self.plan.element, MODELS, self.shadowed)

    @cached_property
    def body_cast_to(self) -> str:
        """``cast_to`` as written in the method body."""
        return annotation(self.plan.returns, BODY_MODELS)

    @cached_property
    def body_element_type(self) -> str:
        return annotation(self.plan.element, BODY_MODELS)

    def return_annotation(self, flavour: str) -> str:
        result = self.plan.result
        if result == "binary":
            return "BinaryResponse"
        if result == "stream":
            return self._stream(flavour)
        if result == "page":
            # Asynchronous list methods are plain functions returning an
            # AsyncPaginator: awaited for a page, or ``async for`` every item.
            page = "AsyncPaginator" if flavour == "async" else "SyncCursorPage"
            return f"{page}[{self.element_type}]"
        if result == "stream_or_json":
            return f"{self.cast_to} | {self._stream(flavour)}"
        return self.cast_to

    def _stream(self, flavour: str) -> str:
        return f"{'Async' if flavour == 'async' else ''}Stream[{self.element_type}]"

    @staticmethod
    def _signature(arguments: Sequence[ArgumentView], returns: str) -> Signature:
        return Signature(
            positional=tuple(a for a in arguments if a.location == "path"),
            keyword=tuple(a for a in arguments if a.location != "path"),
            returns=returns,
        )


def _view(argument: Argument, shadowed: frozenset[str]) -> ArgumentView:
    text = annotation(argument.type, MODELS, shadowed, PARAMS)
    return ArgumentView(
        name=argument.name,
        location=argument.location,
        required=argument.required,
        wire_literal=python_literal(argument.wire_name),
        annotation=text if argument.required else f"{text} | NotGiven",
    )


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


def _docstring(method: MethodPlan) -> str:
    """Plain-text docstring body: summary, description, deprecation, arguments."""
    operation = method.operation
    parts = [
        text.strip() for text in (operation.summary, operation.description) if text
    ]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts.pop()
    if not parts:
        parts.append(f"{operation.method.upper()} {operation.path}")
    if operation.deprecated:
        parts.append("Deprecated.")
    documented = [a for a in method.arguments if a.description]
    if documented:
        entries = [_argument_doc(a.name, a.description or "") for a in documented]
        parts.append("\n".join(["Args:", *entries]))
    return escape_docstring("\n\n".join(parts))


@lru_cache(maxsize=4096)  # a pure function of strings: arguments recur across methods
def _argument_doc(name: str, description: str) -> str:
    """The ``Args:`` entry of an argument: wrapped at 80 columns, indented."""
    wrapped = _wrap(f"{name}: {' '.join(description.split())}", 80)
    return "\n".join(["  " + wrapped[0], *("    " + line for line in wrapped[1:])])


def _wrap(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width)`` of a text whose only whitespace is single
    spaces: its words packed greedily into lines, as textwrap packs them.

    textwrap itself (several times slower) runs only where it could break a
    word: one longer than a line, or a word with a hyphen that does not fit
    on the end of a line (it may split there).
    """
    words = text.split()
    if not words or max(map(len, words)) > width:
        return textwrap.wrap(text, width=width)
    lines: list[str] = []
    line = [words[0]]
    length = len(words[0])
    for word in words[1:]:
        length += 1 + len(word)
        if length <= width:
            line.append(word)
        elif "-" in word:
            return textwrap.wrap(text, width=width)
        else:
            lines.append(" ".join(line))
            line = [word]
            length = len(word)
    lines.append(" ".join(line))
    return lines


@lru_cache(maxsize=4096)  # a pure function of a string: descriptions recur
def escape_docstring(text: str) -> str:
    """``text`` safe inside a triple-double-quoted docstring, trailing spaces removed.

    Backslashes are doubled, ``\"\"\"`` broken up, control characters
    escaped, and a final ``"`` spaced off the closing quotes.
    """
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    text = "\n".join([line.rstrip() for line in text.strip().splitlines()])
    return text + " " if text.endswith('"') else text
