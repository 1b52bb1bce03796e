"""The example payloads of the POD pages, built as the Perl builder builds them.

An example comes, in order of preference, from the schema's
``x-oaiMeta.example``, from its ``example``, from its properties (each
property's own example, one-item lists for arrays, nested objects built the
same way) or, for an array schema, from its items.  Built values print as
Perl's JSON::PP does with ``pretty`` and ``canonical`` (keys sorted, three
spaces per level, ``"key" : value``); every line is then indented by four
spaces to make a POD verbatim block.

The builder compares ``type`` with a plain string, so a 3.1 type list such as
``[object, "null"]`` neither counts as an object nor as an array here either.
"""

from __future__ import annotations

import json
import math
import re
from typing import TypeGuard

from generator.model import MISSING, JsonValue, Schema
from generator.model.schema import _Missing

_INDENT = "   "
_BLOCK_INDENT = "    "
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\f": "\\f",
    "\b": "\\b",
}
#: What JSON::PP escapes: the characters above and the other control characters.
_ESCAPED = re.compile(r'["\\\x00-\x1f]')


def request_example(schema: Schema | None) -> str:
    """The request body example block, ``""`` when none can be built.

    An ``x-oaiMeta.example`` (a JSON text) is encoded once more, as the builder does.
    """
    value = _example_value(schema, frozenset())
    return "" if isinstance(value, _Missing) else indent_block(perl_json(value))


def response_example(schema: Schema | None) -> str:
    """The response example block: an ``x-oaiMeta.example`` text is printed as is."""
    if schema is not None:
        meta = schema.oai_meta.get("example")
        if isinstance(meta, str) and meta:
            return indent_block(meta)
    return request_example(schema)


class ResponseExamples:
    """:func:`response_example` for one render, once per schema.

    Responses share their schemas (errors, lists, deletions): three calls in
    five on OpenAI's spec repeat one.
    """

    def __init__(self) -> None:
        #: By the schema's identity, kept alive here.
        self._known: dict[int, tuple[Schema | None, str]] = {}

    def __call__(self, schema: Schema | None) -> str:
        """See :func:`response_example`."""
        known = self._known.get(id(schema))
        if known is None:
            known = self._known[id(schema)] = (schema, response_example(schema))
        return known[1]


def _example_value(schema: Schema | None, seen: frozenset[int]) -> JsonValue | _Missing:
    """The example value, or ``MISSING`` when none can be built.

    ``seen`` holds the schemas being built further up: a recursive schema
    stops there (the Perl builder never meets one on the pages it wrote).
    """
    if schema is None or id(schema) in seen:
        return MISSING
    meta = schema.oai_meta.get("example")
    if perl_true(meta):
        return meta
    if _defined(schema.example):
        return schema.example
    if schema.properties:
        built = _from_properties(schema, seen)
        return built if built else MISSING
    if schema.type == "array" and schema.items is not None:
        return [_item_example(schema.items, seen | {id(schema)})]
    return MISSING


def _from_properties(schema: Schema, seen: frozenset[int]) -> dict[str, JsonValue]:
    """An object made of what the properties tell (possibly empty)."""
    seen = seen | {id(schema)}
    built: dict[str, JsonValue] = {}
    for name, prop in schema.properties.items():
        if _defined(prop.example):
            built[name] = prop.example
        elif prop.type == "array" and prop.items is not None:
            built[name] = [_item_example(prop.items, seen)]
        elif prop.type == "object" and prop.properties:
            nested = {} if id(prop) in seen else _from_properties(prop, seen)
            built[name] = nested or None
    return built


def _item_example(items: Schema, seen: frozenset[int]) -> JsonValue:
    """The single item of an example list: the items' own example, else ``null``."""
    value = _example_value(items, seen)
    return None if isinstance(value, _Missing) else value


def _defined(value: JsonValue | _Missing) -> TypeGuard[JsonValue]:
    """Perl's ``defined``: present and not ``null``."""
    return not isinstance(value, _Missing) and value is not None


def perl_true(value: object) -> bool:
    """Perl's truthiness of a loaded YAML value (``0``, ``""``, ``"0"``, false, null are false)."""
    if isinstance(value, (list, dict)):
        return True
    return perl_text(value) not in ("", "0")


def perl_text(value: object) -> str:
    """A loaded YAML value interpolated into a Perl string.

    ``true`` prints ``1``, ``false`` and ``null`` print nothing; a list or a
    mapping (which Perl prints as a reference address) prints as compact JSON.
    """
    if value is None or value is False or value is MISSING:
        return ""
    if value is True:
        return "1"
    if isinstance(value, (int, float)):
        return perl_number(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)


def indent_block(text: str) -> str:
    """Indent every line (empty ones included) by four spaces, keeping the final newline."""
    body, end = (text[:-1], "\n") if text.endswith("\n") else (text, "")
    return _BLOCK_INDENT + body.replace("\n", "\n" + _BLOCK_INDENT) + end


def perl_json(value: JsonValue) -> str:
    """``JSON::PP->new->pretty->canonical->encode``: sorted keys, 3-space indent, final newline."""
    return _encode(value, 0) + "\n"


def _encode(value: JsonValue, level: int) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = _INDENT * (level + 1)
        members = [
            f"{inner}{_string(str(key))} : {_encode(value[key], level + 1)}"
            for key in sorted(value, key=str)
        ]
        return "{\n" + ",\n".join(members) + "\n" + _INDENT * level + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = _INDENT * (level + 1)
        items = [inner + _encode(item, level + 1) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + _INDENT * level + "]"
    return perl_scalar_json(value)


def perl_scalar_json(value: JsonValue) -> str:
    """A JSON scalar as JSON::PP prints it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return perl_number(value)
    return _string(str(value))


def perl_number(value: int | float) -> str:
    """A number as Perl prints it (``%.15g`` for floating point values)."""
    if isinstance(value, int):
        return str(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Inf" if value > 0 else "-Inf"
    return f"{value:.15g}"


def _string(text: str) -> str:
    return '"' + _ESCAPED.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"
