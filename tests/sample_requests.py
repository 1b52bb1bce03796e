"""Build a request an OpenAPI validator accepts, from the typed model alone.

The values are minimal: required properties and parameters only (or, with
``full``, every writable property and parameter as well), the first allowed
enum value, numbers inside their bounds, one item per array (or
``minItems``).  ``oneOf``/``anyOf`` take the first non-null branch whose
sample matches that branch and, for ``oneOf``, no other branch, so a
validator that insists on exactly one match accepts it.  Schemas may be
recursive graphs: the walk keeps the chain of schemas it is inside and stops
descending when a schema repeats.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from generator.model import Operation, Schema
from generator.model.api import MediaType
from generator.model.schema import JsonValue, _Missing

#: A multipart file part as httpx and the generated client accept it.
FilePart = tuple[str, bytes, str]

#: Content of every uploaded sample file.
SAMPLE_FILE_BYTES = b"sample file content\n"

_FORMATTED_STRINGS = {
    "date-time": "2025-01-01T00:00:00Z",
    "date": "2025-01-01",
    "uri": "https://example.com/sample",
    "url": "https://example.com/sample",
    "email": "user@example.com",
    "uuid": "00000000-0000-4000-8000-000000000000",
}
_MAX_DEPTH = 64


@dataclass
class SampleRequest:
    """A valid request for one operation, by wire names."""

    #: The path with every path parameter filled in (URL-quoted).
    path: str
    path_params: dict[str, JsonValue] = field(default_factory=dict)
    query: dict[str, JsonValue] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    #: The media type of the body, or ``None`` when the operation has none.
    content_type: str | None = None
    #: JSON body properties (or the whole body when it is not an object).
    body: JsonValue = None
    #: Multipart file fields: wire name -> one part or a list of parts.
    files: dict[str, FilePart | list[FilePart]] = field(default_factory=dict)

    @property
    def is_multipart(self) -> bool:
        return self.content_type == "multipart/form-data"

    def query_pairs(self) -> list[tuple[str, str]]:
        """The query string's pairs, in order (objects as ``name[key]=value``)."""
        return [pair for k, v in self.query.items() for pair in _query_pairs(k, v)]

    def form_parts(self) -> list[tuple[str, str | None, bytes]]:
        """The multipart parts, sorted: (field name, file name or None, content)."""
        texts = _form_fields(self.body if isinstance(self.body, dict) else {})
        parts: list[tuple[str, str | None, bytes]] = [
            (name, None, text.encode())
            for name, value in texts.items()
            for text in (value if isinstance(value, list) else [value])
        ]
        parts += [
            (name, filename, content)
            for name, value in self.files.items()
            for filename, content, _ in (value if isinstance(value, list) else [value])
        ]
        return sorted(parts, key=lambda part: (part[0], part[1] or "", part[2]))

    def httpx_arguments(self) -> dict[str, Any]:
        """Keyword arguments for ``httpx.Client.request`` sending this request."""
        arguments: dict[str, Any] = {
            "params": self.query_pairs(),
            "headers": self.headers,
        }
        if self.is_multipart:
            assert isinstance(self.body, dict)
            arguments["data"] = _form_fields(self.body)
            arguments["files"] = [
                (name, part)
                for name, parts in self.files.items()
                for part in (parts if isinstance(parts, list) else [parts])
            ]
        elif self.content_type is not None:
            arguments["content"] = json.dumps(self.body).encode()
            arguments["headers"] = {**self.headers, "Content-Type": self.content_type}
        return arguments


def sample_request(operation: Operation, *, full: bool = False) -> SampleRequest:
    """A valid request of ``operation``: minimal, or with every optional input too."""
    sampler = _Sampler(full=full)
    request = SampleRequest(path=operation.path)
    for parameter in operation.parameters:
        if not (parameter.required or full):
            continue
        value = sampler.value(parameter.schema or Schema(type="string"))
        if parameter.location == "path":
            request.path_params[parameter.name] = value
            request.path = request.path.replace(
                "{" + parameter.name + "}", quote(str(value), safe="")
            )
        elif parameter.location == "query":
            request.query[parameter.name] = value
        elif parameter.location == "header":
            request.headers[parameter.name] = str(value)
    media = _request_media(operation)
    if media is not None:
        request.content_type = media.content_type
        schema = media.schema or Schema(type="object")
        if media.content_type == "multipart/form-data":
            request.body, request.files = _multipart_sample(sampler, schema)
        else:
            request.body = sampler.value(schema)
    return request


def _request_media(operation: Operation) -> MediaType | None:
    """The body media type to send: JSON when offered, else the first one."""
    if operation.request_body is None or not operation.request_body.content:
        return None
    content = operation.request_body.content
    return next(
        (m for m in content if m.content_type == "application/json"), content[0]
    )


def _multipart_sample(
    sampler: _Sampler, schema: Schema
) -> tuple[JsonValue, dict[str, FilePart | list[FilePart]]]:
    """The sample body with its binary properties moved to file parts."""
    fields = sampler.value(schema)
    files: dict[str, FilePart | list[FilePart]] = {}
    if not isinstance(fields, dict):
        return {}, files
    for name in list(fields):
        prop = _property_in(schema, name)
        branch = _first_non_null_branch(prop) if prop is not None else Schema()
        if _is_binary(branch):
            files[name] = _sample_file(name)
        elif branch.is_array and branch.items is not None and _is_binary(branch.items):
            files[name] = [_sample_file(name)]
        else:
            continue
        del fields[name]
    return fields, files


def _sample_file(field_name: str) -> FilePart:
    return (f"{field_name}.bin", SAMPLE_FILE_BYTES, "application/octet-stream")


def _property_in(schema: Schema, name: str) -> Schema | None:
    """A property declared on ``schema`` or any of its ``allOf`` members."""
    for part in (schema, *schema.all_of):
        if name in part.properties:
            return part.properties[name]
    return None


def _is_binary(schema: Schema) -> bool:
    return "string" in schema.types and schema.format == "binary"


def _first_non_null_branch(schema: Schema) -> Schema:
    branches = [s for s in (*schema.any_of, *schema.one_of) if s.types != ("null",)]
    return branches[0] if branches else schema


@dataclass(frozen=True)
class _Sampler:
    #: Include optional properties too (those not recursing into an enclosing schema).
    full: bool

    def value(
        self,
        schema: Schema,
        chain: tuple[int, ...] = (),
        inherited: Mapping[str, Schema] = {},
    ) -> JsonValue:
        """A sample of ``schema``; ``inherited`` declares the properties a composition
        branch requires without declaring them itself (the parent's)."""
        if id(schema) in chain or len(chain) > _MAX_DEPTH:
            # A required cycle: the emptiest value of the declared type ends it.
            return [] if schema.is_array else {} if schema.is_object else None
        chain = (*chain, id(schema))
        if not isinstance(schema.const, _Missing):
            return schema.const
        if schema.enum is not None:
            return next((v for v in schema.enum if v is not None), None)
        branches = [s for s in (*schema.one_of, *schema.any_of) if s.types != ("null",)]
        if branches:
            branch = self._branch(schema, branches, chain)
            value = _merge(self._own(schema, chain, inherited), branch)
            if self.full and not conforms(value, schema):
                # Optional properties can make several oneOf branches match.
                value = _merge(
                    _Sampler(full=False)._own(schema, chain, inherited), branch
                )
            return value
        value = self._own(schema, chain, inherited)
        for part in schema.all_of:
            value = _merge(value, self.value(part, chain, schema.properties))
        return value

    def _branch(
        self, schema: Schema, branches: list[Schema], chain: tuple[int, ...]
    ) -> JsonValue:
        """The first branch sample that a strict ``oneOf`` check accepts."""
        exclusive = bool(schema.one_of)
        samples = [self.value(b, chain, schema.properties) for b in branches]
        for branch, value in zip(branches, samples, strict=True):
            others = [b for b in schema.one_of if b is not branch]
            if conforms(value, branch) and not (
                exclusive and any(conforms(value, o) for o in others)
            ):
                return value
        return samples[0]

    def _own(
        self,
        schema: Schema,
        chain: tuple[int, ...],
        inherited: Mapping[str, Schema] = {},
    ) -> JsonValue:
        """The sample for the node's own keywords (no composition)."""
        types = [t for t in schema.types if t != "null"]
        kind = types[0] if types else None
        if kind == "object" or (
            kind is None and (schema.properties or schema.required)
        ):
            chosen = self._properties(schema, chain, inherited)
            value = {name: self.value(prop, chain) for name, prop in chosen.items()}
            extra = schema.additional_properties
            if (
                self.full
                and not value
                and isinstance(extra, Schema)
                and id(extra) not in chain
            ):
                value["key"] = self.value(extra, chain)  # a map: one entry
            return value
        if kind == "array" or (kind is None and schema.items is not None):
            count = max(schema.min_items or 1, 1)
            if schema.max_items is not None:
                count = min(count, schema.max_items)
            item = (
                self.value(schema.items, chain)
                if schema.items is not None
                else "sample"
            )
            return [item] * count
        if kind in ("integer", "number"):
            return _number_in_bounds(schema, integer=kind == "integer")
        if kind == "boolean":
            return schema.default if isinstance(schema.default, bool) else False
        if kind == "string":
            return _FORMATTED_STRINGS.get(schema.format or "", "sample")
        if kind == "null" or schema.types == ("null",):
            return None
        return None if (schema.all_of or schema.any_of or schema.one_of) else "sample"

    def _properties(
        self, schema: Schema, chain: tuple[int, ...], inherited: Mapping[str, Schema]
    ) -> dict[str, Schema]:
        """The properties to send: the required ones, plus (``full``) the optional
        ones that are writable and do not recurse."""
        declared = {**inherited, **schema.properties}
        chosen = {name: declared.get(name, Schema()) for name in schema.required}
        if self.full:
            for name, prop in schema.properties.items():
                if name not in chosen and not prop.read_only and id(prop) not in chain:
                    chosen[name] = prop
        return chosen


def _number_in_bounds(schema: Schema, *, integer: bool) -> int | float:
    """A number strictly inside the bounds when possible (exclusive bounds are not modelled)."""
    low, high = schema.minimum, schema.maximum
    if low is not None and high is not None:
        value = (low + high) / 2
    elif low is not None:
        value = low + 1
    elif high is not None:
        value = min(1.0, high - 1)
    else:
        value = 1
    return int(value) if integer else value


def _merge(left: JsonValue, right: JsonValue) -> JsonValue:
    """Combine the samples of ``allOf`` members: objects merge, else the defined one wins."""
    if isinstance(left, dict) and isinstance(right, dict):
        return {**left, **right}
    if left is None or left == {}:
        return right
    return left


def conforms(value: JsonValue, schema: Schema, _depth: int = 0) -> bool:
    """A lenient JSON Schema check: types, enum/const, required, properties, items, composition.

    It is only used to tell ``oneOf`` branches apart, so keywords that never
    separate branches in practice (bounds, formats) are ignored.
    """
    if _depth > _MAX_DEPTH:
        return True
    depth = _depth + 1
    if value is None and schema.nullable:
        return True
    if not isinstance(schema.const, _Missing) and value != schema.const:
        return False
    if schema.enum is not None and value not in schema.enum:
        return False
    if schema.types and not any(_has_type(value, t) for t in schema.types):
        return False
    if not all(conforms(value, part, depth) for part in schema.all_of):
        return False
    if schema.any_of and not any(conforms(value, b, depth) for b in schema.any_of):
        return False
    if schema.one_of and sum(conforms(value, b, depth) for b in schema.one_of) != 1:
        return False
    if isinstance(value, dict):
        return _object_conforms(value, schema, depth)
    if isinstance(value, list) and schema.items is not None:
        return all(conforms(item, schema.items, depth) for item in value)
    return True


def _object_conforms(
    value: Mapping[str, JsonValue], schema: Schema, depth: int
) -> bool:
    if any(name not in value for name in schema.required):
        return False
    for name, item in value.items():
        prop = schema.properties.get(name)
        if prop is not None:
            if not conforms(item, prop, depth):
                return False
        elif schema.additional_properties is False:
            return False
        elif isinstance(schema.additional_properties, Schema):
            if not conforms(item, schema.additional_properties, depth):
                return False
    return True


def _has_type(value: JsonValue, json_type: str) -> bool:
    if json_type == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if json_type == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    checks: dict[str, type | tuple[type, ...]] = {
        "string": str,
        "boolean": bool,
        "object": dict,
        "array": list,
        "null": type(None),
    }
    expected = checks.get(json_type)
    return expected is None or isinstance(value, expected)


def _query_pairs(name: str, value: JsonValue) -> list[tuple[str, str]]:
    """A query parameter as pairs: arrays repeat it, objects go ``name[key]=value``."""
    if isinstance(value, list):
        return [pair for item in value for pair in _query_pairs(name, item)]
    if isinstance(value, dict):
        return [
            pair for k, v in value.items() for pair in _query_pairs(f"{name}[{k}]", v)
        ]
    return [(name, _form_text(value))]


def _form_fields(fields: Mapping[str, JsonValue]) -> dict[str, str | list[str]]:
    """Multipart text fields: arrays become repeated fields, objects JSON text."""
    return {
        k: (
            [_form_text(v) for v in value]
            if isinstance(value, list)
            else _form_text(value)
        )
        for k, value in fields.items()
    }


def _form_text(value: JsonValue) -> str:
    """A form/query value as text: JSON for numbers, booleans, objects and null."""
    if isinstance(value, str):
        return value
    return json.dumps(value)
