"""The typed schema node every renderer works from.

A :class:`Schema` is one JSON Schema object of the spec after ``$ref``
resolution.  References are resolved the way the OpenAI tooling (and the Perl
documentation builder) read them: the referenced component's keys, overridden
by the keys written beside the ``$ref``.  A bare ``$ref`` to a component yields
the very same :class:`Schema` object everywhere, so the model is a graph that
may contain cycles (recursive schemas); walk it with a ``seen`` set.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Union

#: A JSON value as it stands in the spec (after YAML loading).
JsonValue = Union[  # noqa: UP007 (a recursive alias needs the string forward references)
    None, bool, int, float, str, list["JsonValue"], dict[str, "JsonValue"]
]


class _Missing(enum.Enum):
    """Marks an absent keyword, distinct from an explicit ``null``.

    A one-member enum, so ``value is MISSING`` narrows types under mypy.
    """

    MISSING = "MISSING"

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Final = _Missing.MISSING


@dataclass(frozen=True)
class Discriminator:
    property_name: str
    #: discriminator value -> the schema it selects (from ``mapping``).
    mapping: Mapping[str, Schema]


@dataclass(eq=False)
class Schema:
    """One schema node.  ``eq=False``: identity matters (shared component nodes)."""

    #: ``components/schemas`` name when this node is (a merge based on) a component.
    name: str | None = None
    #: The ``type`` keyword as written: a string, a list of strings (3.1) or absent.
    type: str | list[str] | None = None
    format: str | None = None
    title: str | None = None
    description: str | None = None
    #: Allowed values when the schema has an ``enum``.
    enum: list[JsonValue] | None = None
    const: JsonValue | _Missing = MISSING
    default: JsonValue | _Missing = MISSING
    #: The ``example`` keyword (3.0 style).
    example: JsonValue | _Missing = MISSING
    #: The ``examples`` keyword (3.1 / JSON Schema style: a list of values).
    examples: list[JsonValue] = field(default_factory=list)
    #: OpenAPI 3.0 ``nullable: true``.
    nullable_flag: bool = False
    properties: dict[str, Schema] = field(default_factory=dict)
    required: list[str] = field(default_factory=list)
    #: ``additionalProperties``: a schema, ``True``/``False``, or ``None`` when absent.
    additional_properties: Schema | bool | None = None
    items: Schema | None = None
    all_of: list[Schema] = field(default_factory=list)
    any_of: list[Schema] = field(default_factory=list)
    one_of: list[Schema] = field(default_factory=list)
    discriminator: Discriminator | None = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    minimum: float | None = None
    maximum: float | None = None
    min_items: int | None = None
    max_items: int | None = None
    #: ``x-oaiMeta`` of the schema, as written (its ``example`` is a JSON string).
    oai_meta: Mapping[str, JsonValue] = field(default_factory=dict)

    # -- derived facts -------------------------------------------------
    @property
    def types(self) -> tuple[str, ...]:
        """The declared JSON types, normalised to a tuple (``()`` when none)."""
        if self.type is None:
            return ()
        if isinstance(self.type, str):
            return (self.type,)
        return tuple(t for t in self.type if isinstance(t, str))

    @property
    def nullable(self) -> bool:
        """True when the schema itself admits JSON ``null``."""
        type_ = self.type  # ``"null" in self.types``, without building the tuple
        if self.nullable_flag or type_ == "null":
            return True
        if isinstance(type_, list) and "null" in type_:
            return True
        if self.enum is not None and None in self.enum:
            return True
        if not (self.any_of or self.one_of):
            return False
        for member in (*self.any_of, *self.one_of):
            member_type = member.type  # a ``{type: null}`` member, read directly
            if member_type == "null" or (
                isinstance(member_type, list) and member.types == ("null",)
            ):
                return True
        return False

    @property
    def is_object(self) -> bool:
        types = self.types
        return "object" in types or (not types and bool(self.properties))

    @property
    def is_array(self) -> bool:
        types = self.types
        return "array" in types or (not types and self.items is not None)

    @property
    def oai_meta_example(self) -> str | None:
        value = self.oai_meta.get("example")
        return value if isinstance(value, str) else None
