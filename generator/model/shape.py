"""Structural reading of typed schemas shared by the renderers.

Specs wrap schemas in ways that mean "this other schema": ``allOf: [X]``
(written to attach a description to a ``$ref``) and ``anyOf: [X, {type:
null}]`` (OpenAPI 3.1's nullable).  :func:`unwrap_chain` sees through those
wrappers; :func:`object_shape` flattens ``allOf`` into one property list.
:func:`implied_null` decides, for the client and the docs alike, which
optional properties accept ``null`` without saying so in their type.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from generator.model import MISSING, Schema

#: Prose that says a property accepts ``null`` although the schema does not.
_PROSE_NULL = re.compile(
    r"(?<!\bnot\s)(?<!\bcannot\s)(?<!n't\s)(?<!\bnever\s)\b(?:set|be|to)\s+`?null`?(?![\w-])",
    re.IGNORECASE,
)


def is_null(schema: Schema) -> bool:
    """True for the ``{type: null}`` member of a nullable union."""
    return schema.type == "null" or schema.type == ["null"]


def union_members(schema: Schema) -> list[Schema]:
    """The non-null ``anyOf``/``oneOf`` members of ``schema``."""
    return [s for s in (*schema.any_of, *schema.one_of) if not is_null(s)]


def _is_wrapper(schema: Schema) -> bool:
    """True when ``schema`` only stands for one other schema (see module doc)."""
    if (
        schema.type
        or schema.properties
        or schema.items is not None
        or schema.enum is not None
        or schema.const is not MISSING
    ):
        return False
    members = union_members(schema)
    if schema.all_of:
        return len(schema.all_of) == 1 and not members
    return len(members) == 1 and len(members) < len(schema.any_of) + len(schema.one_of)


def unwrap_chain(schema: Schema) -> list[Schema]:
    """``schema`` and the schemas it wraps, outermost first; the last is the real one."""
    chain = [schema]
    while _is_wrapper(chain[-1]):
        inner = (chain[-1].all_of or union_members(chain[-1]))[0]
        if any(inner is seen for seen in chain):
            break
        chain.append(inner)
    return chain


def unwrap(schema: Schema) -> Schema:
    """The schema a wrapper stands for (``schema`` itself when it is no wrapper)."""
    return unwrap_chain(schema)[-1]


def object_shape(schema: Schema) -> tuple[dict[str, Schema], set[str]]:
    """Properties and required names of ``schema``, ``allOf`` parts merged in order."""
    node = schema if schema.properties else unwrap(schema)  # properties: no wrapper
    if not node.all_of:  # the common case, without the walk
        return dict(node.properties), set(node.required)
    properties: dict[str, Schema] = {}
    required: set[str] = set()
    _merge_shape(schema, properties, required, set())
    return properties, required


def _merge_shape(
    schema: Schema, properties: dict[str, Schema], required: set[str], seen: set[int]
) -> None:
    """Add the properties and required names of ``schema`` and its ``allOf`` parts.

    A plain function rather than a closure: a recursive closure is a reference
    cycle, garbage that only the cyclic collector frees, once per call.
    """
    node = unwrap(schema)
    if id(node) in seen:
        return
    seen.add(id(node))
    for part in node.all_of:
        _merge_shape(part, properties, required, seen)
    properties.update(node.properties)
    required.update(node.required)


def implied_null(schema: Schema) -> Literal["default", "description"] | None:
    """Why an optional property accepts ``null`` although not declared nullable.

    ``"default"``: its default is ``null``; ``"description"``: its prose
    says it can be set to ``null`` (``turn_detection``: "Can be set to
    `null` to turn off"); ``None``: neither, or it is declared nullable
    anyway.  The generated client then accepts ``None`` (sent as JSON
    ``null``) for such a property, and the docs' field tables say why.
    """
    if schema.nullable:
        return None
    if schema.default is None:
        return "default"
    if schema.description is not None and _says_null(schema.description):
        return "description"
    return None


@lru_cache(maxsize=1 << 14)
def _says_null(description: str) -> bool:
    """Whether prose says ``null`` is accepted; cached, as the same
    descriptions recur on many properties and the pattern is costly."""
    # The pattern's look-behinds run at every position: a quick test for
    # the word it needs first (no other character folds to n, u or l).
    return "null" in description.lower() and _PROSE_NULL.search(description) is not None


def is_binary(schema: Schema, seen: frozenset[Schema] = frozenset()) -> bool:
    """A file upload: ``format: binary``, possibly in a list or among the
    members of a union, at any depth (wrappers seen through)."""
    node = unwrap(schema)
    if node in seen:
        return False
    if node.format == "binary":
        return True
    inner = (
        [node.items]
        if node.is_array and node.items is not None
        else union_members(node)
    )
    return any(is_binary(member, seen | {node}) for member in inner)
