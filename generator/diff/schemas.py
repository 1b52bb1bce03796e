"""Schema comparison: one walk over an old and a new schema, side by side.

The walk stops at a ``$ref`` to a component schema that both sides name (or
that was renamed): components are compared once, at their own pointer, and
their changes reach every operation that uses them.  Everything else is
compared node by node, contract first (:mod:`generator.diff.normalise`), so
that a difference of form is counted and never reported as a change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from generator.diff.normalise import (
    canonical,
    fingerprint,
    is_annotation,
    local_annotations,
    split_null,
    unwrap,
)
from generator.diff.report import Finding

SCHEMA_REF = "#/components/schemas/"
#: Constraint keywords where a smaller value is tighter / a larger value is tighter.
_UPPER = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
_LOWER = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
_OTHER = ("pattern", "format", "multipleOf", "uniqueItems")

#: Form-only kinds, as the report counts them.
FORM_NULL = "null spelt another way (3.0 nullable, 3.1 type list or null union)"
FORM_ANNOTATIONS = "descriptions, titles, examples or x- extensions"
FORM_ORDER = "key order"
FORM_INLINE = "inline schema vs $ref to an identical component"
FORM_ALIAS = "$ref to a component vs $ref to an alias of it"


def escape(token: str) -> str:
    """One JSON-pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def component_schemas(spec: Mapping[str, Any]) -> dict[str, Any]:
    """``components/schemas`` by name (empty when absent or malformed)."""
    components = spec.get("components")
    schemas = components.get("schemas") if isinstance(components, Mapping) else None
    return (
        {str(k): v for k, v in schemas.items()} if isinstance(schemas, Mapping) else {}
    )


def component_name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
        return ref[len(SCHEMA_REF) :].replace("~1", "/").replace("~0", "~")
    return None


def resolve(spec: Mapping[str, Any], node: Any, depth: int = 0) -> Any:
    """``node`` with local ``$ref`` followed (sibling keys override, as the
    model builder reads them); unresolvable references are left as they are."""
    if not isinstance(node, Mapping) or depth > 32:
        return node
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return node
    target: Any = spec
    for token in ref[2:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, Mapping) or token not in target:
            return node
        target = target[token]
    resolved = resolve(spec, target, depth + 1)
    if not isinstance(resolved, Mapping):
        return node
    siblings = {k: v for k, v in node.items() if k != "$ref"}
    return {**resolved, **siblings} if siblings else resolved


def _types(spec: Mapping[str, Any], node: Any, depth: int = 0) -> set[str] | None:
    """The JSON types a node accepts, ``None`` when it does not say (a union
    accepts its members' types; ``number`` includes ``integer``)."""
    node = resolve(spec, node)
    if not isinstance(node, Mapping) or depth > 8:
        return None
    type_ = node.get("type")
    found: set[str] = set()
    if isinstance(type_, str):
        found.add(type_)
    elif isinstance(type_, list):
        found.update(str(t) for t in type_)
    else:
        members = [m for key in ("anyOf", "oneOf") for m in node.get(key) or ()]
        if not isinstance(node.get("anyOf", []), list) or not members:
            return None
        for member in members:
            member_types = _types(spec, member, depth + 1)
            if member_types is None:
                return None
            found |= member_types
    if "number" in found:
        found.add("integer")
    return found


def accepts_any_string(spec: Mapping[str, Any], node: Any, depth: int = 0) -> bool:
    """``{type: string}`` with nothing restricting it, or a union with such a
    member (references followed): what makes an enum beside it open."""
    node = resolve(spec, node)
    if not isinstance(node, Mapping) or depth > 8:
        return False
    if node.get("type") == "string":
        return not any(k in node for k in ("enum", "const", "pattern", "format"))
    return is_open_union(spec, node, depth)


def is_open_union(
    spec: Mapping[str, Any], node: Mapping[str, Any], depth: int = 0
) -> bool:
    """An ``anyOf``/``oneOf`` one member of which takes any string."""
    return any(
        isinstance(node.get(key), list)
        and any(accepts_any_string(spec, m, depth + 1) for m in node[key])
        for key in ("anyOf", "oneOf")
    )


class SchemaWalk:
    """Compares schema nodes of two specs; collects findings and form counts."""

    def __init__(
        self,
        old_spec: Mapping[str, Any],
        new_spec: Mapping[str, Any],
        renamed: Mapping[str, str],
    ) -> None:
        self.old_spec = old_spec
        self.new_spec = new_spec
        #: Old component name -> new name, for components renamed.
        self.renamed = renamed
        self.findings: list[Finding] = []
        self.form: Counter[str] = Counter()
        self._context: dict[str, Any] = {}
        self._active: set[tuple[int, int]] = set()

    def compare(
        self,
        old: Any,
        new: Any,
        pointer: str,
        *,
        component: str | None = None,
        operation: str | None = None,
        side: str | None = None,
    ) -> None:
        """Compare two schema nodes found at ``pointer`` (the new spec's)."""
        self._context = {"component": component, "operation": operation, "side": side}
        self._node(old, new, pointer, False)

    # -- findings -----------------------------------------------------------------
    def note(
        self,
        pointer: str,
        kind: str,
        summary: str,
        operation: str,
        side: str = "request",
    ) -> None:
        """Record a finding of an operation outside its schemas."""
        self.findings.append(
            Finding(pointer, kind, summary, operation=operation, side=side)
        )

    def _add(
        self,
        pointer: str,
        kind: str,
        summary: str,
        value: Any = None,
        open_enum: bool = False,
    ) -> None:
        self.findings.append(
            Finding(
                pointer=pointer,
                kind=kind,
                summary=summary,
                value=value,
                open_enum=open_enum,
                **self._context,
            )
        )

    # -- the walk -------------------------------------------------------------------
    def _node(
        self, old: Any, new: Any, pointer: str, open_enum: bool, null_done: bool = False
    ) -> None:
        """Compare two nodes at ``pointer``; ``null_done``: whether null was
        already compared at this pointer (the walk is inside a null union or
        a reference it met there)."""
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            if old != new:
                self._add(pointer, "type-changed", "schema replaced")
            return
        if not null_done:
            self._null(old, new, pointer)
        old_null, old_rest, old_spelling = split_null(old)
        new_null, new_rest, new_spelling = split_null(new)
        if old_null and new_null and old_spelling != new_spelling:
            self.form[FORM_NULL] += 1
        old_rest, new_rest = unwrap(old_rest), unwrap(new_rest)
        if ("allOf" in old_rest) != ("allOf" in new_rest):
            old_rest = flatten(self.old_spec, old_rest)
            new_rest = flatten(self.new_spec, new_rest)
        if old_rest is not old or new_rest is not new:
            self._node(old_rest, new_rest, pointer, open_enum, True)
            return
        old_name, new_name = component_name(old), component_name(new)
        if old_name is not None and new_name is not None:
            if self.renamed.get(old_name, old_name) == new_name:
                self._count_annotations(old, new)
                return
            old_final = final_component(self.old_spec, old)
            new_final = final_component(self.new_spec, new)
            if self.renamed.get(old_final, old_final) == new_final:
                self.form[FORM_ALIAS] += 1
                return
        old_union = _union_body(self.old_spec, old)
        new_union = _union_body(self.new_spec, new)
        if (old_union is None) != (new_union is None):
            # One side became (or stopped being) a union: the other side is
            # compared as a union of one, so a kept member is matched.
            key, union = old_union or new_union or ("", {})
            old_members = {key: [old]} if old_union is None else union
            new_members = {key: [new]} if new_union is None else union
            union_open = is_open_union(self.new_spec, new_members)
            self._members(old_members, new_members, pointer, key, union_open, False)
            return
        if old_name is not None and new_name is not None:
            self._add(pointer, "ref-changed", f"now {new_name} (was {old_name})")
        if old_name is not None or new_name is not None:
            self._resolved(old, new, pointer, open_enum, (old_name, new_name))
            return
        self._count_annotations(old, new)
        self._deprecation(old, new, pointer)
        retyped = self._type(old, new, pointer)
        self._enum(old, new, pointer, open_enum)
        self._constraints(old, new, pointer)
        self._properties(old, new, pointer)
        for key in ("items", "additionalProperties", "not"):
            if isinstance(old.get(key), Mapping) and isinstance(new.get(key), Mapping):
                self._node(old[key], new[key], f"{pointer}/{key}", False)
        union_open = is_open_union(self.new_spec, new)
        for key in ("anyOf", "oneOf", "allOf"):
            self._members(old, new, pointer, key, union_open, retyped)

    def _null(
        self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str
    ) -> None:
        """Report ``null`` accepted or refused here.  A component's own change
        of nullability is reported at the component, so a use reports only
        what its own spelling changes (``{$ref: X, nullable: true}``)."""
        old_local, new_local = split_null(old)[0], split_null(new)[0]
        if old_local == new_local:
            return
        old_null = nullable(self.old_spec, old)
        new_null = nullable(self.new_spec, new)
        if old_null != new_null:
            self._add(
                pointer,
                "nullable-added" if new_null else "nullable-removed",
                "now accepts null" if new_null else "no longer accepts null",
            )

    def _resolved(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        pointer: str,
        open_enum: bool,
        names: tuple[str | None, str | None],
    ) -> None:
        """Compare what two references (or a reference and an inline schema)
        stand for, at the place of use."""
        key = (id(old), id(new))
        if key in self._active:
            return
        self._active.add(key)
        try:
            old_body = resolve(self.old_spec, old)
            new_body = resolve(self.new_spec, new)
            if None in names:
                if _without_null(canonical(old_body)) == _without_null(
                    canonical(new_body)
                ):
                    self.form[FORM_INLINE] += 1
                    return
                self._add(
                    pointer,
                    "ref-changed",
                    f"now {names[1] or 'an inline schema'}"
                    f" (was {names[0] or 'an inline schema'})",
                )
            self._node(old_body, new_body, pointer, open_enum, True)
        finally:
            self._active.discard(key)

    def _count_annotations(
        self, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        if local_annotations(old) != local_annotations(new):
            self.form[FORM_ANNOTATIONS] += 1
        if list(old) != list(new) and set(old) == set(new):
            self.form[FORM_ORDER] += 1

    def _deprecation(
        self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str
    ) -> None:
        if new.get("deprecated") is True and old.get("deprecated") is not True:
            self._add(pointer, "deprecated", "deprecated")

    def _type(
        self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str
    ) -> bool:
        """Report a change of JSON type; whether there was one."""
        old_types = _types(self.old_spec, old)
        new_types = _types(self.new_spec, new)
        if old_types is None or new_types is None or old_types == new_types:
            return False
        added, removed = sorted(new_types - old_types), sorted(old_types - new_types)
        if added and removed:
            shown = (", ".join(sorted(old_types)), ", ".join(sorted(new_types)))
            self._add(pointer, "type-changed", "type {} -> {}".format(*shown))
        elif added:
            self._add(pointer, "type-widened", f"now also of type {', '.join(added)}")
        else:
            self._add(
                pointer, "type-narrowed", f"no longer of type {', '.join(removed)}"
            )
        return True

    def _enum(
        self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str, open_: bool
    ) -> None:
        if old.get("const", ...) != new.get("const", ...):
            self._add(
                pointer,
                "const-changed",
                f"constant {old.get('const')!r} -> {new.get('const')!r}",
            )
        old_values, new_values = old.get("enum"), new.get("enum")
        if not isinstance(old_values, list) or not isinstance(new_values, list):
            if isinstance(new_values, list) and old_values is None:
                self._add(
                    pointer,
                    "enum-introduced",
                    f"now restricted to {len(new_values)} values",
                )
            elif isinstance(old_values, list) and new_values is None:
                self._add(pointer, "enum-dropped", "no longer an enum")
            return
        for value in new_values:
            if value not in old_values and value is not None:
                self._add(
                    pointer,
                    "enum-value-added",
                    f"enum value {value!r} added",
                    value,
                    open_,
                )
        for value in old_values:
            if value not in new_values and value is not None:
                self._add(
                    pointer,
                    "enum-value-removed",
                    f"enum value {value!r} removed",
                    value,
                    open_,
                )

    def _constraints(
        self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str
    ) -> None:
        for key in (*_UPPER, *_LOWER, *_OTHER):
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if before is None:
                tighter = True
            elif after is None:
                tighter = False
            elif key in _UPPER or key in _LOWER:
                try:
                    tighter = (after < before) if key in _UPPER else (after > before)
                except TypeError:
                    tighter = True
            else:
                tighter = True
            self._add(
                pointer,
                "constraint-tightened" if tighter else "constraint-loosened",
                f"{key} {_shown(before)} -> {_shown(after)}",
            )
        if old.get("default", ...) != new.get("default", ...):
            self._add(
                pointer,
                "default-changed",
                f"default {_shown(old.get('default'))} -> {_shown(new.get('default'))}",
            )

    def _properties(
        self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str
    ) -> None:
        old_props, new_props = old.get("properties"), new.get("properties")
        old_props = old_props if isinstance(old_props, Mapping) else {}
        new_props = new_props if isinstance(new_props, Mapping) else {}
        old_required = set(_names(old.get("required")))
        new_required = set(_names(new.get("required")))
        for name in [*old_props, *(n for n in new_props if n not in old_props)]:
            where = f"{pointer}/properties/{escape(str(name))}"
            if name not in new_props:
                self._add(where, "property-removed", f"property {name!r} removed")
            elif name not in old_props:
                required = name in new_required
                self._add(
                    where,
                    "property-added-required" if required else "property-added",
                    f"{'required' if required else 'optional'} property {name!r} added",
                )
            else:
                if name in new_required and name not in old_required:
                    self._add(where, "property-now-required", f"{name!r} now required")
                elif name in old_required and name not in new_required:
                    self._add(where, "property-now-optional", f"{name!r} now optional")
                self._node(old_props[name], new_props[name], where, False)

    def _members(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        pointer: str,
        key: str,
        open_: bool,
        retyped: bool,
    ) -> None:
        old_members, new_members = old.get(key), new.get(key)
        old_list = old_members if isinstance(old_members, list) else []
        new_list = new_members if isinstance(new_members, list) else []
        if not old_list and not new_list:
            return
        all_of = key == "allOf"
        if not old_list or not new_list:
            if retyped:
                return
            # A union appears (or an allOf where the other side has none and
            # could not be flattened): the node now says more than it did.
            names = ", ".join(_label(m) for m in new_list or old_list)
            self._add(
                f"{pointer}/{key}",
                "constraint-tightened" if new_list else "constraint-loosened",
                f"now {key} {names}" if new_list else f"no longer {key} {names}",
            )
            return
        pairs, gone, fresh = self._match(old_list, new_list)
        for i, j in pairs:
            self._node(old_list[i], new_list[j], f"{pointer}/{key}/{j}", open_)
        if not all_of:
            gone, fresh = self._absorbed(old_list, new_list, gone, fresh, pointer, key)
        for i in gone:
            self._add(
                f"{pointer}/{key}",
                "allof-member-removed" if all_of else "variant-removed",
                f"{key} member {_label(old_list[i])} removed",
            )
        for j in fresh:
            self._add(
                f"{pointer}/{key}/{j}",
                "allof-member-added" if all_of else "variant-added",
                f"{key} member {_label(new_list[j])} added",
            )

    def _absorbed(
        self,
        old_list: list[Any],
        new_list: list[Any],
        gone: list[int],
        fresh: list[int],
        pointer: str,
        key: str,
    ) -> tuple[list[int], list[int]]:
        """A union branch that takes any value of a type (``{type: object}``)
        replaced by branches of that type is a narrowing, not branches added
        (and the other way round).  Returns the members left to report."""
        for free_side, other_side in ((gone, fresh), (fresh, gone)):
            free_list = old_list if free_side is gone else new_list
            other_list = new_list if free_side is gone else old_list
            other_spec = self.new_spec if free_side is gone else self.old_spec
            for i in list(free_side):
                type_ = _free_type(free_list[i])
                if type_ is None:
                    continue
                inside = [
                    j
                    for j in other_side
                    if _types(other_spec, other_list[j]) == {type_}
                ]
                if not inside:
                    continue
                names = ", ".join(_label(other_list[j]) for j in inside)
                narrowed = free_side is gone
                self._add(
                    f"{pointer}/{key}",
                    "constraint-tightened" if narrowed else "constraint-loosened",
                    (
                        f"any {type_} narrowed to {names}"
                        if narrowed
                        else f"{names} widened to any {type_}"
                    ),
                )
                free_side.remove(i)
                for j in inside:
                    other_side.remove(j)
        return gone, fresh

    def _match(
        self, old_list: list[Any], new_list: list[Any]
    ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
        """Pair union members: by component name (renames followed), then by
        equal contract, then by kind of node in order."""
        pairs: list[tuple[int, int]] = []
        free_old = list(range(len(old_list)))
        free_new = list(range(len(new_list)))

        def pair_by(key_old: Any, key_new: Any) -> None:
            for i in list(free_old):
                k = key_old(old_list[i])
                if k is None:
                    continue
                for j in free_new:
                    if key_new(new_list[j]) == k:
                        pairs.append((i, j))
                        free_old.remove(i)
                        free_new.remove(j)
                        break

        def old_ref(node: Any) -> str | None:
            name = component_name(node)
            return None if name is None else self.renamed.get(name, name)

        pair_by(old_ref, component_name)
        pair_by(
            lambda n: fingerprint(resolve(self.old_spec, n)),
            lambda n: fingerprint(resolve(self.new_spec, n)),
        )
        pair_by(_shape, _shape)
        return sorted(pairs, key=lambda p: p[1]), free_old, free_new


def flatten(
    spec: Mapping[str, Any], node: Mapping[str, Any], depth: int = 0
) -> Mapping[str, Any]:
    """``node`` with its ``allOf`` object members merged into it (properties
    and required lists), for comparing against a node written without
    ``allOf``; left as it is when a member is not a plain object schema."""
    members = node.get("allOf")
    if not isinstance(members, list) or depth > 8:
        return node
    merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
    properties = dict(merged.get("properties") or {})
    required = list(_names(merged.get("required")))
    for member in members:
        body = flatten(spec, resolve(spec, member), depth + 1)
        if not isinstance(body, Mapping) or any(
            k in body for k in ("anyOf", "oneOf", "allOf", "$ref")
        ):
            return node
        properties.update(body.get("properties") or {})
        required += [n for n in _names(body.get("required")) if n not in required]
        for key, value in body.items():
            if key not in ("properties", "required"):
                merged.setdefault(key, value)
    merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged


def final_component(spec: Mapping[str, Any], node: Any) -> str:
    """The component a reference ends at, through components that are only
    a reference themselves (aliases); ``""`` when ``node`` is no reference."""
    schemas = component_schemas(spec)
    name, seen = "", set()
    while (ref := component_name(node)) is not None and ref not in seen:
        seen.add(ref)
        name = ref
        node = schemas.get(ref)
        if not isinstance(node, Mapping) or not all(
            k == "$ref" or is_annotation(str(k)) for k in node
        ):
            break
    return name


def _union_body(
    spec: Mapping[str, Any], node: Any
) -> tuple[str, Mapping[str, Any]] | None:
    """``(anyOf or oneOf, the union)`` when ``node`` stands for a union (a
    ``null`` branch aside, references followed)."""
    body = resolve(spec, node)
    if isinstance(body, Mapping):
        body = unwrap(split_null(body)[1])
        for key in ("anyOf", "oneOf"):
            if isinstance(body.get(key), list):
                return key, body
    return None


def nullable(spec: Mapping[str, Any], node: Any, depth: int = 0) -> bool:
    """Whether ``node`` accepts ``null``, through references and ``allOf: [X]``."""
    if not isinstance(node, Mapping) or depth > 16:
        return False
    accepts, rest, _ = split_null(node)
    if accepts:
        return True
    rest = unwrap(rest)
    if rest is not node:
        return nullable(spec, rest, depth + 1)
    if "$ref" in node:
        target = resolve(spec, {"$ref": node["$ref"]})
        return target is not node and nullable(spec, target, depth + 1)
    return False


def _without_null(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "(null)"}
    return value


def allof_uses(spec: Mapping[str, Any]) -> dict[str, set[str] | None]:
    """Component -> the components that include it as an ``allOf`` member,
    or ``None`` when it is also used any other way."""
    uses: dict[str, set[str] | None] = {}

    def visit(node: Any, owner: str | None, in_all_of: bool) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item, owner, in_all_of)
            return
        if not isinstance(node, Mapping):
            return
        name = component_name(node)
        if name is not None:
            known = uses.setdefault(name, set())
            if in_all_of and owner is not None and known is not None:
                known.add(owner)
            else:
                uses[name] = None
        for key, value in node.items():
            visit(value, owner, key == "allOf")

    for name, body in component_schemas(spec).items():
        visit(body, name, False)
    visit(spec.get("paths"), None, False)
    return uses


def _free_type(node: Any) -> str | None:
    """``T`` for a schema that takes any value of type ``T`` (``{type: T}``
    and annotations), else ``None``."""
    contract = canonical(node)
    if isinstance(contract, dict) and set(contract) == {"type"}:
        type_ = contract["type"]
        return type_ if isinstance(type_, str) else None
    return None


def _shape(node: Any) -> str | None:
    """What kind of union member a node is, for pairing the ones left over."""
    if not isinstance(node, Mapping) or "$ref" in node:
        return None
    return repr(
        (node.get("type"), "properties" in node, "enum" in node, "items" in node)
    )


def _names(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _label(node: Any) -> str:
    name = component_name(node)
    if name is not None:
        return name
    if isinstance(node, Mapping) and "type" in node:
        return f"of type {node['type']}"
    return "(inline)"


def _shown(value: Any) -> str:
    return "(none)" if value is None else repr(value)
