"""Example values built from typed schemas, valid for the schema they illustrate.

For every schema node the candidates are, in order: its ``const``, its
``default``, its ``example``, its ``enum`` values, then a value synthesised
from its type (a union tries each member).  The first candidate that
:func:`conforms` to the schema wins, so an example never carries ``null``
where the schema forbids it, always uses an allowed enum value, respects
``minimum``/``maximum`` and item counts, and matches exactly one ``oneOf``
member.  Objects carry their required properties only: the example shows the
smallest valid request, and every optional field is listed in the tables.

Only what the typed model records is checked (no ``pattern``/``minLength``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from generator.model import MISSING, JsonValue, Schema
from generator.model.shape import is_null, object_shape

#: Placeholder strings for well-known ``format`` values.
_FORMAT_EXAMPLES: dict[str, str] = {
    "date-time": "2025-01-01T00:00:00Z",
    "date": "2025-01-01",
    "time": "12:00:00",
    "uri": "https://example.com",
    "url": "https://example.com",
    "email": "user@example.com",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
}
#: How deep an example object may nest before optional arrays are left empty.
_MAX_DEPTH = 12


def example_value(schema: Schema, name: str = "value") -> JsonValue:
    """A valid example value for ``schema``; ``name`` seeds placeholder strings."""
    return _Examples().value(schema, name, ())


class _Examples:
    def value(self, schema: Schema, name: str, stack: tuple[int, ...]) -> JsonValue:
        candidates = self._declared(schema)
        for candidate in candidates:
            if conforms(schema, candidate):
                return candidate
        if id(schema) in stack or len(stack) > _MAX_DEPTH:
            return self._shallow(schema, name)
        inner = (*stack, id(schema))
        first: list[JsonValue] = []
        for candidate in self._synthesised(schema, name, inner):
            if conforms(schema, candidate):
                return candidate
            if not first:
                first.append(candidate)
        # No valid value (a self-contradictory schema): the closest attempt.
        return first[0] if first else self._shallow(schema, name)

    @staticmethod
    def _declared(schema: Schema) -> list[JsonValue]:
        found: list[JsonValue] = []
        for value in (schema.const, schema.default, schema.example, *schema.examples):
            if value is not MISSING:
                found.append(value)
        found.extend(v for v in schema.enum or () if v is not None)
        return found

    def _synthesised(
        self, schema: Schema, name: str, stack: tuple[int, ...]
    ) -> Iterator[JsonValue]:
        """Values built from the schema's structure, in order of preference.

        Built one at a time: the first valid one ends the search, and a
        union's members can be many, each a deep object.
        """
        members = [s for s in (*schema.one_of, *schema.any_of) if not is_null(s)]
        if members and (schema.properties or schema.all_of):
            # An object whose members add constraints (``anyOf: [{required: [a]}, ...]``).
            for member in members:
                yield self._object(schema, stack, member)
        elif members:
            # Members with declared values first (``anyOf: [string, enum]`` shows
            # a real value); ``null`` last, only when no member gives a valid value.
            members.sort(key=lambda member: not self._declared(member))
            for member in members:
                yield self.value(member, name, stack)
            if schema.nullable:
                yield None
        elif schema.all_of or schema.is_object:
            yield self._object(schema, stack)
        elif schema.is_array:
            yield self._array(schema, name, stack)
        else:
            for type_ in _types_to_try(schema):
                yield self._scalar(schema, name, type_)

    def _object(
        self, schema: Schema, stack: tuple[int, ...], member: Schema | None = None
    ) -> JsonValue:
        properties, required = object_shape(schema)
        if member is not None:
            member_properties, member_required = object_shape(member)
            properties = {**properties, **member_properties}
            required = required | member_required
        return {
            key: self.value(prop, key, stack)
            for key, prop in properties.items()
            if key in required
        } | {
            # A required name without a property schema: any value is valid.
            key: key
            for key in sorted(required - properties.keys())
        }

    def _array(self, schema: Schema, name: str, stack: tuple[int, ...]) -> JsonValue:
        count = max(schema.min_items or 0, 1)
        if schema.max_items is not None:
            count = min(count, schema.max_items)
        if schema.items is None:
            return [name] * count
        if id(schema.items) in stack and not schema.min_items:
            return []
        distinct: list[JsonValue] = [
            v for v in schema.items.enum or () if v is not None
        ]
        if len(distinct) >= count:
            return distinct[:count]
        return [self.value(schema.items, name, stack)] * count

    @staticmethod
    def _scalar(schema: Schema, name: str, type_: str) -> JsonValue:
        if type_ == "string":
            return _FORMAT_EXAMPLES.get(schema.format or "", name)
        if type_ in ("integer", "number"):
            return _number_in_range(schema, integer=type_ == "integer")
        if type_ == "boolean":
            return True
        if type_ == "null":
            return None
        return name

    def _shallow(self, schema: Schema, name: str) -> JsonValue:
        """A value that needs no recursion: used to stop on recursive schemas."""
        if schema.is_array:
            return []
        if schema.is_object:
            return {}
        return self._scalar(schema, name, _types_to_try(schema)[0])


def _types_to_try(schema: Schema) -> Sequence[str]:
    types = [t for t in schema.types if t != "null"]
    return types or ["string"]


def _number_in_range(schema: Schema, *, integer: bool) -> JsonValue:
    low = schema.minimum
    high = schema.maximum
    if low is not None:
        value = math.ceil(low) if integer else low
    elif high is not None and high < 1:
        value = math.floor(high) if integer else high
    else:
        value = 1
    if integer or float(value).is_integer():
        return int(value)
    return float(value)


def conforms(schema: Schema, value: JsonValue) -> bool:
    """Whether ``value`` satisfies the constraints the typed ``schema`` records."""
    return _conforms(schema, value, ())


def _conforms(
    schema: Schema, value: JsonValue, stack: tuple[tuple[int, int], ...]
) -> bool:
    key = (id(schema), id(value))
    if key in stack:
        return True  # the same check is already under way further up
    stack = (*stack, key)
    if value is None and schema.nullable_flag:
        return True
    if schema.const is not MISSING and not _same(schema.const, value):
        return False
    if schema.enum is not None and not any(_same(e, value) for e in schema.enum):
        return False
    types = schema.types
    if types and not any(_has_type(value, t) for t in types):
        return False
    if not (
        _number_ok(schema, value)
        and _array_ok(schema, value, stack)
        and _object_ok(schema, value, stack)
    ):
        return False
    if schema.all_of and not all(_conforms(s, value, stack) for s in schema.all_of):
        return False
    if schema.any_of and not any(_conforms(s, value, stack) for s in schema.any_of):
        return False
    return (
        not schema.one_of or sum(_conforms(s, value, stack) for s in schema.one_of) == 1
    )


def _same(a: JsonValue, b: JsonValue) -> bool:
    """JSON equality: ``True`` is not ``1``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def _has_type(value: JsonValue, type_: str) -> bool:
    if type_ == "null":
        return value is None
    if type_ == "boolean":
        return isinstance(value, bool)
    if type_ == "integer":
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            or (isinstance(value, float) and value.is_integer())
        )
    if type_ == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if type_ == "string":
        return isinstance(value, str)
    if type_ == "array":
        return isinstance(value, list)
    if type_ == "object":
        return isinstance(value, dict)
    return True


def _number_ok(schema: Schema, value: JsonValue) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return True
    if schema.minimum is not None and value < schema.minimum:
        return False
    return schema.maximum is None or value <= schema.maximum


def _array_ok(
    schema: Schema, value: JsonValue, stack: tuple[tuple[int, int], ...]
) -> bool:
    if not isinstance(value, list):
        return True
    if schema.min_items is not None and len(value) < schema.min_items:
        return False
    if schema.max_items is not None and len(value) > schema.max_items:
        return False
    return schema.items is None or all(_conforms(schema.items, v, stack) for v in value)


def _object_ok(
    schema: Schema, value: JsonValue, stack: tuple[tuple[int, int], ...]
) -> bool:
    if not isinstance(value, dict):
        return True
    if any(name not in value for name in schema.required):
        return False
    for name, item in value.items():
        prop = schema.properties.get(name)
        if prop is not None:
            if not _conforms(prop, item, stack):
                return False
        elif schema.additional_properties is False:
            return False
        elif isinstance(schema.additional_properties, Schema) and not _conforms(
            schema.additional_properties, item, stack
        ):
            return False
    return True
