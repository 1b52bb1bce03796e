"""Schemas as Markdown: type names with links, constraints, and field tables.

A component schema (a ``components/schemas`` entry, shared by reference) is
always shown as a link to its own page; anything else is expanded in place:
the properties of an inline object become rows named with a dotted path
(``turn_detection.type``, ``tools[].function.name``).  Since cycles in the
model always pass through component schemas, expansion stops at links and
cannot recurse forever; a ``seen`` guard makes that explicit.

One :class:`SchemaFormatter` serves a whole render and memoises per schema
node (the same schemas recur on many pages).  That is possible because every
page sits one folder below ``markdown/``, so a link to a schema page reads
the same on all of them: ``../schemas/<Name>.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from operator import attrgetter
from typing import NamedTuple

from generator.model import MISSING, JsonValue, Schema
from generator.model.shape import (
    implied_null,
    object_shape,
    union_members,
    unwrap_chain,
)
from generator.render.markdown.text import (
    cell,
    code_span,
    escape_cell,
    first_paragraph,
    json_code,
    plain_text,
)

_UNSAFE_FILE_CHARACTERS = re.compile(r"[^A-Za-z0-9_.-]")
#: The schema pages' folder as seen from any page (all pages are one level deep).
SCHEMA_DIR = "../schemas/"
_NO_LINKS: frozenset[str] = frozenset()
_NULLABLE = attrgetter("nullable")


class FieldRow(NamedTuple):
    """One row of a field table; every cell is ready-made Markdown.

    A tuple, cheap to build (tables have thousands of rows) and unpacked by
    the template's loop in the order of the table's columns.
    """

    name: str
    type: str
    required: str
    nullable: str
    default: str
    allowed: str
    description: str


class _Field(NamedTuple):
    """What a property's rows show wherever the property is (its name and
    whether it is required depend on the table)."""

    type: str
    #: The components :attr:`type` links to.
    linked: frozenset[str]
    default: str
    allowed: str
    description: str
    #: The Nullable cell when the property is required, and when it is optional.
    nullable_required: str
    nullable_optional: str
    #: Whether :meth:`SchemaFormatter._expand` may add rows below the property's.
    expands: bool


def schema_file_stems(names: Iterable[str]) -> dict[str, str]:
    """A page file name (without ``.md``) per component name: safe, distinct, not the index.

    Real names are already safe (``CreateChatCompletionRequest``); others lose
    what could leave the folder or need quoting, and clashes (also ignoring
    case, for case-insensitive file systems) get ``-2``, ``-3``... in order.
    """
    used = {"readme"}
    stems: dict[str, str] = {}
    for name in names:
        base = _UNSAFE_FILE_CHARACTERS.sub("_", name).strip(".") or "_"
        stem, counter = base, 2
        while stem.lower() in used:
            stem, counter = f"{base}-{counter}", counter + 1
        used.add(stem.lower())
        stems[name] = stem
    return stems


class SchemaFormatter:
    """Formats schemas for every page of one render, tracking the links it makes."""

    def __init__(self, components: Mapping[str, Schema]) -> None:
        self.components = components
        #: Component name -> its page's file name without ``.md``.
        self.stems = schema_file_stems(components)
        self._chains: dict[Schema, list[Schema]] = {}
        self._members: dict[Schema, list[Schema]] = {}
        self._nodes: dict[Schema, Schema] = {}
        self._shapes: dict[Schema, tuple[dict[str, Schema], set[str]]] = {}
        self._types: dict[Schema, tuple[str, frozenset[str]]] = {}
        self._rows: dict[Schema, tuple[list[FieldRow], frozenset[str]]] = {}
        self._allowed: dict[Schema, str] = {}
        self._fields: dict[Schema, _Field] = {}
        self._linked: set[str] = set()

    @contextmanager
    def tracking_links(self) -> Iterator[set[str]]:
        """Collect the names of the component pages linked inside the block."""
        outer, self._linked = self._linked, set()
        try:
            yield self._linked
        finally:
            outer |= self._linked
            self._linked = outer

    def page(self, name: str) -> str:
        """The URL of a component's page, relative to any page."""
        return f"{SCHEMA_DIR}{self.stems[name]}.md"

    def link(self, name: str) -> str:
        """A Markdown link to a component's page."""
        return f"[{plain_text(name)}]({self.page(name)})"

    # -- memoised structure ----------------------------------------------------------
    def chain(self, schema: Schema) -> list[Schema]:
        found = self._chains.get(schema)
        if found is None:
            found = self._chains[schema] = unwrap_chain(schema)
        return found

    def unwrap(self, schema: Schema) -> Schema:
        found = self._nodes.get(schema)
        if found is None:
            found = self._nodes[schema] = self.chain(schema)[-1]
        return found

    def members(self, schema: Schema) -> list[Schema]:
        """:func:`~generator.model.shape.union_members`, memoised."""
        if not (schema.any_of or schema.one_of):
            return []  # most schemas: no lookup
        found = self._members.get(schema)
        if found is None:
            found = self._members[schema] = union_members(schema)
        return found

    def shape(self, schema: Schema) -> tuple[dict[str, Schema], set[str]]:
        found = self._shapes.get(schema)
        if found is None:
            found = self._shapes[schema] = object_shape(schema)
        return found

    def is_component(self, schema: Schema) -> bool:
        return schema.name is not None and self.components.get(schema.name) is schema

    def inline_object(self, schema: Schema) -> bool:
        """Whether ``schema`` is an object whose fields are shown in place."""
        node = self.unwrap(schema)
        return not self.is_component(node) and bool(self.shape(node)[0])

    # -- one-cell facts ----------------------------------------------------------------
    def type_of(self, schema: Schema) -> str:
        """The type as a short Markdown phrase (component names are links)."""
        text, linked = self._type(schema)
        if linked:
            self._linked |= linked
        return text

    def describe(self, node: Schema) -> str:
        """The type of ``node`` itself, even when it is a component (its own page)."""
        text, linked = self._described(node)
        if linked:
            self._linked |= linked
        return text

    def _type(self, schema: Schema) -> tuple[str, frozenset[str]]:
        """:meth:`type_of`'s text and the components it links to, memoised."""
        found = self._types.get(schema)
        if found is None:
            node = self.unwrap(schema)
            if self.is_component(node):
                assert node.name is not None
                found = (self.link(node.name), frozenset((node.name,)))
            else:
                found = self._described(node)
            self._types[schema] = found
        return found

    def _described(self, node: Schema) -> tuple[str, frozenset[str]]:
        """:meth:`describe`'s text and the components it links to."""
        members = self.members(node)
        if members:
            parts = [self._member_type(m, i) for i, m in enumerate(members, 1)]
            return (
                " or ".join(_unique(text for text, _ in parts)),
                _NO_LINKS.union(*(linked for _, linked in parts)),
            )
        if node.is_array:
            if node.items is None:
                return "array", _NO_LINKS
            text, linked = self._type(node.items)
            return "array of " + text, linked
        if isinstance(node.additional_properties, Schema) and not self.shape(node)[0]:
            text, linked = self._type(node.additional_properties)
            return "map of " + text, linked
        scalar = _scalar_type(node.types, node.format)
        if scalar:
            return scalar, _NO_LINKS
        if node.all_of or node.properties:
            return code_span("object"), _NO_LINKS
        return code_span("any"), _NO_LINKS

    def _member_type(self, member: Schema, index: int) -> tuple[str, frozenset[str]]:
        if self.inline_object(member):
            return f"{code_span('object')} (variant {index})", _NO_LINKS
        return self._type(member)

    def default(self, schema: Schema) -> str:
        return _default(self.chain(schema))

    def allowed(self, schema: Schema) -> str:
        """Allowed values and ranges: enum values, constants, bounds, item counts."""
        found = self._allowed.get(schema)
        if found is None:
            node = self.unwrap(schema)
            parts = []
            for member in (node, *self.members(node)):
                values = _values(member)
                if values:
                    parts.append(values)
            parts.extend(_bounds(node))
            if node.items is not None and node.is_array:
                inner = self.allowed(node.items)
                if inner:
                    parts.append("each: " + inner)
            found = self._allowed[schema] = "; ".join(_unique(parts)) if parts else ""
        return found

    def description(self, schema: Schema) -> str:
        """The field's own description; for a bare component, its first paragraph.

        A component's full description is on its page; repeating it in every
        table that uses the component would bury the tables.
        """
        chain = self.chain(schema)
        return self._description(chain, self.is_component(chain[-1]))

    def _description(self, chain: list[Schema], component: bool) -> str:
        """:meth:`description` of the schema that ``chain`` unwraps;
        ``component``: whether the schema at its end is a component."""
        last = chain[-1]
        text: str | None = None
        for link in chain[:-1] if component else chain:
            text = link.description or link.title
            if text:
                break
        text = cell(text) if text else first_paragraph(last.description or last.title)
        deprecated = read_only = write_only = False
        for link in chain:
            deprecated = deprecated or link.deprecated
            read_only = read_only or link.read_only
            write_only = write_only or link.write_only
        if not (deprecated or read_only or write_only):
            return text.strip()
        notes = [
            note
            for flag, note in (
                (deprecated, "**Deprecated.**"),
                (read_only, "*Read-only.*"),
                (write_only, "*Write-only.*"),
            )
            if flag
        ]
        return " ".join([*notes, text]).strip()

    # -- tables ------------------------------------------------------------------------
    def rows(self, schema: Schema) -> list[FieldRow]:
        """The field table of an object schema, inline objects expanded."""
        found = self._rows.get(schema)
        if found is None:
            rows: list[FieldRow] = []
            linked: set[str] = set()
            self._object_rows(schema, "", rows, linked, {self.unwrap(schema)}, "")
            found = self._rows[schema] = (rows, frozenset(linked))
        self._linked |= found[1]
        return found[0]

    def _object_rows(
        self,
        schema: Schema,
        prefix: str,
        out: list[FieldRow],
        linked: set[str],
        seen: set[Schema],
        note: str,
    ) -> None:
        """Append the rows of ``schema``'s properties (and of what they hold) to
        ``out``, and the components they link to to ``linked``."""
        properties, required = self.shape(schema)
        for name, prop in properties.items():
            field = self._field(prop)
            if field.linked:
                linked |= field.linked
            path = prefix + name
            is_required = name in required
            out.append(
                FieldRow(
                    escape_cell(code_span(path)),
                    field.type,
                    "yes" if is_required else "no",
                    field.nullable_required if is_required else field.nullable_optional,
                    field.default,
                    field.allowed,
                    (
                        f"*{note}* {field.description}".strip()
                        if note
                        else field.description
                    ),
                )
            )
            if field.expands:
                self._expand(prop, path, out, linked, seen)

    def _field(self, schema: Schema) -> _Field:
        """The cells of a property's row that do not depend on the row, memoised."""
        found = self._fields.get(schema)
        if found is None:
            type_, linked = self._type(schema)
            chain = self.chain(schema)
            node = chain[-1]
            component = self.is_component(node)
            nullable = any(map(_NULLABLE, chain))
            found = self._fields[schema] = _Field(
                type=escape_cell(type_),
                linked=linked,
                default=escape_cell(_default(chain)),
                allowed=escape_cell(self.allowed(schema)),
                description=self._description(chain, component),
                nullable_required="yes" if nullable else "no",
                nullable_optional="yes" if nullable else _implied_null_cell(schema),
                # Anything :meth:`_expand` could look into; when it finds nothing
                # to show, it adds no rows.
                expands=not component
                and bool(
                    node.items is not None
                    or isinstance(node.additional_properties, Schema)
                    or node.properties
                    or node.all_of
                    or node.any_of
                    or node.one_of
                ),
            )
        return found

    def _expand(
        self,
        schema: Schema,
        path: str,
        out: list[FieldRow],
        linked: set[str],
        seen: set[Schema],
    ) -> None:
        """Rows for what lies inside ``schema`` (shown at ``path``), if inline.

        ``seen`` holds the inline schemas being expanded further up: each is
        added on the way down and removed on the way back, so one set serves
        the whole table.
        """
        node = self.unwrap(schema)
        if self.is_component(node) or node in seen:
            return
        seen.add(node)
        if node.items is not None and node.is_array:
            self._expand(node.items, path + "[]", out, linked, seen)
        elif isinstance(node.additional_properties, Schema) and not self.shape(node)[0]:
            self._expand(node.additional_properties, path + ".*", out, linked, seen)
        else:
            for index, member in enumerate(self.members(node), 1):
                member_node = self.unwrap(member)
                if self.inline_object(member_node) and member_node not in seen:
                    seen.add(member_node)
                    self._object_rows(
                        member_node, path + ".", out, linked, seen, f"variant {index}:"
                    )
                    seen.remove(member_node)
            if self.shape(node)[0]:
                self._object_rows(node, path + ".", out, linked, seen, "")
        seen.remove(node)


@cache
def _scalar_type(types: tuple[str, ...], format_: str | None) -> str:
    """Declared JSON types (``null`` aside) as code, with the format:
    ``string (date-time)``; empty when there are none.  Cached: a few
    combinations serve thousands of fields."""
    suffix = f" ({format_})" if format_ else ""
    return " or ".join(code_span(t + suffix) for t in types if t != "null")


def _default(chain: list[Schema]) -> str:
    """The first default along ``chain`` (outermost first), as code."""
    for link in chain:
        if link.default is not MISSING:
            return json_code(link.default)
    return ""


def _implied_null_cell(schema: Schema) -> str:
    """``no``, or why an optional field not declared nullable accepts ``null``
    anyway (as the client does: :func:`~generator.model.shape.implied_null`)."""
    reason = implied_null(schema)
    if reason == "default":
        return "yes (default is null)"
    if reason == "description":
        return "yes (per description)"
    return "no"


def _values(schema: Schema) -> str:
    if schema.const is not MISSING:
        return json_code(schema.const)
    if not schema.enum:
        return ""
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
