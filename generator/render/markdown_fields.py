"""Schemas as Markdown: type names with links, constraints, and field tables.

A component schema (a ``components/schemas`` entry, shared by reference) is
always shown as a link to its own page; anything else is expanded in place:
the properties of an inline object become rows named with a dotted path
(``turn_detection.type``, ``tools[].function.name``).  Since cycles in the
model always pass through component schemas, expansion stops at links and
cannot recurse forever; a ``seen`` guard makes that explicit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from generator.model import MISSING, JsonValue, Schema
from generator.render.markdown_text import cell, code_span, json_code
from generator.render.schema_shape import object_shape, union_members, unwrap, unwrap_chain


@dataclass(frozen=True)
class FieldRow:
    """One row of a field table; every cell is ready-made Markdown."""

    name: str
    type: str
    required: str
    nullable: str
    default: str
    allowed: str
    description: str


@dataclass
class SchemaFormatter:
    """Formats schemas for one page, remembering which component pages it links."""

    components: Mapping[str, Schema]
    #: Relative URL prefix from the page to the schema pages (``../schemas/``).
    schema_dir: str
    linked: set[str] = field(default_factory=set)

    def is_component(self, schema: Schema) -> bool:
        return schema.name is not None and self.components.get(schema.name) is schema

    def link(self, schema: Schema) -> str:
        """A Markdown link to a component schema's page."""
        assert schema.name is not None
        self.linked.add(schema.name)
        return f"[{schema.name}]({schema_page(schema.name, self.schema_dir)})"

    # -- one-cell facts ----------------------------------------------------------
    def type_of(self, schema: Schema) -> str:
        """The type as a short Markdown phrase (component names are links)."""
        node = unwrap(schema)
        return self.link(node) if self.is_component(node) else self.describe(node)

    def describe(self, node: Schema) -> str:
        """The type of ``node`` itself, even when it is a component (its own page)."""
        members = union_members(node)
        if members:
            return " or ".join(_unique(self._member_type(m, i) for i, m in enumerate(members, 1)))
        if node.is_array:
            return "array" if node.items is None else "array of " + self.type_of(node.items)
        if isinstance(node.additional_properties, Schema) and not object_shape(node)[0]:
            return "map of " + self.type_of(node.additional_properties)
        types = [t for t in node.types if t != "null"]
        if types:
            suffix = f" ({node.format})" if node.format else ""
            return " or ".join(code_span(t + suffix) for t in types)
        if node.all_of or node.properties:
            return code_span("object")
        return code_span("any")

    def _member_type(self, member: Schema, index: int) -> str:
        if self.inline_object(member):
            return f"{code_span('object')} (variant {index})"
        return self.type_of(member)

    def inline_object(self, schema: Schema) -> bool:
        """Whether ``schema`` is an object whose fields are shown in place."""
        node = unwrap(schema)
        return not self.is_component(node) and bool(object_shape(node)[0])

    @staticmethod
    def nullable(schema: Schema) -> bool:
        return any(s.nullable for s in unwrap_chain(schema))

    @staticmethod
    def default(schema: Schema) -> str:
        value = next((s.default for s in unwrap_chain(schema) if s.default is not MISSING), MISSING)
        return "" if value is MISSING else json_code(value)

    def allowed(self, schema: Schema) -> str:
        """Allowed values and ranges: enum values, constants, bounds, item counts."""
        node = unwrap(schema)
        parts = [_values(node)] if _values(node) else []
        parts.extend(v for v in (_values(m) for m in union_members(node)) if v)
        parts.extend(_bounds(node))
        if node.is_array and node.items is not None:
            inner = self.allowed(node.items)
            if inner:
                parts.append("each: " + inner)
        return "; ".join(_unique(parts))

    @staticmethod
    def description(schema: Schema) -> str:
        chain = unwrap_chain(schema)
        text = next((s.description for s in chain if s.description), None) or next(
            (s.title for s in chain if s.title), ""
        )
        notes = [
            note
            for flag, note in (
                (any(s.deprecated for s in chain), "**Deprecated.**"),
                (any(s.read_only for s in chain), "*Read-only.*"),
                (any(s.write_only for s in chain), "*Write-only.*"),
            )
            if flag
        ]
        return " ".join([*notes, cell(text)]).strip()

    # -- tables --------------------------------------------------------------------
    def rows(self, schema: Schema) -> list[FieldRow]:
        """The field table of an object schema, inline objects expanded."""
        result: list[FieldRow] = []
        self._object_rows(schema, "", result, {id(unwrap(schema))}, "")
        return result

    def _object_rows(
        self, schema: Schema, prefix: str, out: list[FieldRow], seen: set[int], note: str
    ) -> None:
        properties, required = object_shape(schema)
        for name, prop in properties.items():
            path = prefix + name
            description = self.description(prop)
            out.append(
                FieldRow(
                    name=code_span(path),
                    type=self.type_of(prop),
                    required="yes" if name in required else "no",
                    nullable="yes" if self.nullable(prop) else "no",
                    default=self.default(prop),
                    allowed=self.allowed(prop),
                    description=f"*{note}* {description}".strip() if note else description,
                )
            )
            self._expand(prop, path, out, seen)

    def _expand(self, schema: Schema, path: str, out: list[FieldRow], seen: set[int]) -> None:
        """Rows for what lies inside ``schema`` (shown at ``path``), if inline."""
        node = unwrap(schema)
        if self.is_component(node) or id(node) in seen:
            return
        inner = seen | {id(node)}
        if node.is_array and node.items is not None:
            self._expand(node.items, path + "[]", out, inner)
            return
        if isinstance(node.additional_properties, Schema) and not object_shape(node)[0]:
            self._expand(node.additional_properties, path + ".*", out, inner)
            return
        for index, member in enumerate(union_members(node), 1):
            member_node = unwrap(member)
            if self.inline_object(member_node) and id(member_node) not in inner:
                self._object_rows(
                    member_node, path + ".", out, inner | {id(member_node)}, f"variant {index}:"
                )
        if object_shape(node)[0]:
            self._object_rows(node, path + ".", out, inner, "")


def schema_page(name: str, schema_dir: str) -> str:
    """The relative URL of a component schema's page."""
    return f"{schema_dir}{quote(name)}.md"


def _values(schema: Schema) -> str:
    if schema.const is not MISSING:
        return json_code(schema.const)
    values: list[JsonValue] = [v for v in schema.enum or () if v is not None]
    return ", ".join(json_code(v) for v in values)


def _bounds(schema: Schema) -> list[str]:
    parts = []
    if schema.minimum is not None:
        parts.append(f"≥ {_number(schema.minimum)}")
    if schema.maximum is not None:
        parts.append(f"≤ {_number(schema.maximum)}")
    if schema.min_items is not None:
        parts.append(f"at least {schema.min_items} items")
    if schema.max_items is not None:
        parts.append(f"at most {schema.max_items} items")
    return parts


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _unique(items: Iterable[str]) -> list[str]:
    result: list[str] = []
    for item in items:
        if item not in result:
            result.append(item)
    return result
