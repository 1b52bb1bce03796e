"""The contract of a schema node, without the form it is written in.

Two nodes whose :func:`canonical` forms are equal accept the same JSON: the
differences between them are annotations (``description``, ``example``,
``title``, ``x-*``...), key order, or the spelling of ``null``: OpenAPI 3.0
``nullable: true``, a 3.1 type list ``[T, "null"]`` and a 3.1 union
``anyOf: [T, {type: "null"}]`` all say the same.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

#: Keywords that document a schema without constraining it.
ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "externalDocs",
        "$comment",
        "deprecated",
    }
)
#: Combinators whose members may include a ``{type: null}`` branch.
UNIONS = ("anyOf", "oneOf")


def is_annotation(key: str) -> bool:
    return key in ANNOTATIONS or key.startswith("x-")


def is_null_schema(node: Any) -> bool:
    """``{type: null}`` (or ``{type: [null]}``, ``{enum: [null]}``), annotations aside."""
    if not isinstance(node, Mapping):
        return False
    keys = {k for k in node if not is_annotation(str(k))}
    type_ = node.get("type")
    if keys == {"type"}:
        return type_ == "null" or type_ == ["null"]
    return keys == {"enum"} and node.get("enum") == [None]


def split_null(node: Mapping[str, Any]) -> tuple[bool, Mapping[str, Any], str]:
    """``(accepts null, the node without null, how null is spelt)``.

    The spelling is ``""`` (no null), ``nullable`` (3.0), ``type-list``
    (``type: [T, "null"]``) or ``union`` (an ``anyOf``/``oneOf`` ``null``
    branch).  A union left with one branch is that branch, so
    ``anyOf: [{$ref: X}, {type: null}]`` is ``X`` plus null.
    """
    if node.get("nullable") is True:
        rest = {k: v for k, v in node.items() if k != "nullable"}
        return True, rest, "nullable"
    type_ = node.get("type")
    if isinstance(type_, list) and "null" in type_ and len(type_) > 1:
        kept = [t for t in type_ if t != "null"]
        rest = dict(node)
        rest["type"] = kept[0] if len(kept) == 1 else kept
        return True, rest, "type-list"
    for key in UNIONS:
        members = node.get(key)
        if not isinstance(members, list) or not any(map(is_null_schema, members)):
            continue
        kept = [m for m in members if not is_null_schema(m)]
        rest = {k: v for k, v in node.items() if k != key}
        if len(kept) == 1 and isinstance(kept[0], Mapping):
            if not any(not is_annotation(str(k)) for k in rest):
                return True, kept[0], "union"
            rest["allOf"] = [kept[0]]
        elif kept:
            rest[key] = kept
        return True, rest, "union"
    if "nullable" in node:
        return False, {k: v for k, v in node.items() if k != "nullable"}, ""
    return False, node, ""


def unwrap(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """The sole member of ``allOf: [X]`` written alone (a 3.0 idiom for
    putting a description or ``nullable`` beside a ``$ref``), else ``node``."""
    members = node.get("allOf")
    if (
        isinstance(members, list)
        and len(members) == 1
        and isinstance(members[0], Mapping)
        and all(k == "allOf" or is_annotation(str(k)) for k in node)
    ):
        return members[0]
    return node


def canonical(node: Any) -> Any:
    """A comparable value that is equal for equal contracts (see the module doc)."""
    if isinstance(node, list):
        return [canonical(item) for item in node]
    if not isinstance(node, Mapping):
        return node
    nullable, rest, _ = split_null(node)
    rest = unwrap(rest)
    result: dict[str, Any] = {
        str(k): canonical(v) for k, v in rest.items() if not is_annotation(str(k))
    }
    type_ = result.get("type")
    if isinstance(type_, list):
        result["type"] = sorted(map(str, type_)) if len(type_) != 1 else type_[0]
    if nullable:
        result["(null)"] = True
    return result


def fingerprint(node: Any) -> str:
    """:func:`canonical` as text, independent of key order: equal for equal
    contracts, usable as a dictionary key."""
    return json.dumps(canonical(node), sort_keys=True, default=str)


def local_annotations(node: Mapping[str, Any]) -> dict[str, Any]:
    """The annotation keywords of ``node`` itself."""
    return {str(k): v for k, v in node.items() if is_annotation(str(k))}
