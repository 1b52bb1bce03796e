"""Operations side by side: matched by route, with their parameters, bodies
and responses compared; and which operations reach each component schema.

A route is the method plus the path with its parameter names blanked
(``get /files/{}``), so an operation whose ``operationId`` or path-parameter
names changed is still the same operation: those are renames.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.diff.schemas import (
    SchemaWalk,
    component_name,
    component_schemas,
    escape,
    is_open_union,
    resolve,
)
from generator.openapi import HTTP_METHODS, fallback_operation_id

_PATH_PARAMETER = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True)
class ParameterInfo:
    #: Where the parameter is declared (on the path item or the operation).
    pointer: str
    #: The parameter object, its reference resolved.
    raw: Mapping[str, Any]


@dataclass(frozen=True)
class OperationInfo:
    operation_id: str
    method: str
    path: str
    raw: Mapping[str, Any]
    #: Parameters (path-item ones first, overridden by the operation's), by
    #: ``(location, name)``.
    parameters: Mapping[tuple[str, str], ParameterInfo]

    @property
    def pointer(self) -> str:
        return f"#/paths/{escape(self.path)}/{self.method}"

    @property
    def route(self) -> tuple[str, str]:
        return self.method, _PATH_PARAMETER.sub("{}", self.path)

    @property
    def path_parameters(self) -> list[str]:
        return _PATH_PARAMETER.findall(self.path)

    @property
    def deprecated(self) -> bool:
        return self.raw.get("deprecated") is True


def index(spec: Mapping[str, Any]) -> dict[tuple[str, str], OperationInfo]:
    """Every operation of ``spec`` by route, in spec order."""
    found: dict[tuple[str, str], OperationInfo] = {}
    paths = spec.get("paths")
    for path, item in (paths if isinstance(paths, Mapping) else {}).items():
        item = resolve(spec, item)
        if not isinstance(item, Mapping):
            continue
        item_pointer = f"#/paths/{escape(str(path))}"
        shared = _parameters(spec, item.get("parameters"), item_pointer)
        for method, raw in item.items():
            if method not in HTTP_METHODS or not isinstance(raw, Mapping):
                continue
            op_id = raw.get("operationId")
            info = OperationInfo(
                operation_id=(
                    op_id
                    if isinstance(op_id, str)
                    else fallback_operation_id(str(method), str(path))
                ),
                method=str(method),
                path=str(path),
                raw=raw,
                parameters={
                    **shared,
                    **_parameters(
                        spec, raw.get("parameters"), f"{item_pointer}/{method}"
                    ),
                },
            )
            found.setdefault(info.route, info)
    return found


def _parameters(
    spec: Mapping[str, Any], raw: Any, pointer: str
) -> dict[tuple[str, str], ParameterInfo]:
    found = {}
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        parameter = resolve(spec, item)
        if isinstance(parameter, Mapping):
            key = (str(parameter.get("in")), str(parameter.get("name")))
            found[key] = ParameterInfo(f"{pointer}/parameters/{i}", parameter)
    return found


# -- reach ---------------------------------------------------------------------
@dataclass(frozen=True)
class Reach:
    """Which operations use each component schema, on which side."""

    #: component -> side (``request``/``response``) -> operation ids.
    uses: Mapping[str, Mapping[str, frozenset[str]]]
    #: Components every use of which sits in a union that also takes any
    #: string (an open enum such as the model ids).
    open_components: frozenset[str]

    def sides(self, component: str) -> list[str]:
        return sorted(side for side, ops in self.uses.get(component, {}).items() if ops)

    def operations(self, component: str) -> frozenset[str]:
        return frozenset().union(*self.uses.get(component, {}).values())


def reach(spec: Mapping[str, Any], operations: Mapping[Any, OperationInfo]) -> Reach:
    schemas = component_schemas(spec)
    direct: dict[str, set[str]] = {}
    open_refs: set[str] = set()
    closed_refs: set[str] = set()
    for name, body in schemas.items():
        direct[str(name)] = set(_refs(spec, body, open_refs, closed_refs))
    uses: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for info in operations.values():
        for side, roots in _operation_roots(spec, info, open_refs, closed_refs):
            pending, seen = list(roots), set()
            while pending:
                name = pending.pop()
                if name in seen:
                    continue
                seen.add(name)
                uses[name][side].add(info.operation_id)
                pending.extend(direct.get(name, ()))
    return Reach(
        uses={
            name: {side: frozenset(ops) for side, ops in by_side.items()}
            for name, by_side in uses.items()
        },
        open_components=frozenset(open_refs - closed_refs),
    )


def _operation_roots(
    spec: Mapping[str, Any],
    info: OperationInfo,
    open_refs: set[str],
    closed_refs: set[str],
) -> Iterator[tuple[str, list[str]]]:
    request = [[p.raw for p in info.parameters.values()], info.raw.get("requestBody")]
    yield "request", list(_refs(spec, request, open_refs, closed_refs))
    yield "response", list(
        _refs(spec, info.raw.get("responses"), open_refs, closed_refs)
    )


def _refs(
    spec: Mapping[str, Any],
    node: Any,
    open_refs: set[str],
    closed_refs: set[str],
    depth: int = 0,
) -> Iterator[str]:
    """Component schema names ``node`` refers to (other local references
    followed); records each reference as open (beside a free string) or not."""
    if isinstance(node, Mapping):
        name = component_name(node)
        if name is not None:
            yield name
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and depth < 8:
            yield from _refs(
                spec, resolve(spec, node), open_refs, closed_refs, depth + 1
            )
            return
        open_union = is_open_union(spec, node)
        for key, value in node.items():
            if key in ("anyOf", "oneOf") and isinstance(value, list):
                for member in value:
                    member_name = component_name(member)
                    if member_name is not None:
                        (open_refs if open_union else closed_refs).add(member_name)
            elif isinstance(value, Mapping):
                member_name = component_name(value)
                if member_name is not None:
                    closed_refs.add(member_name)
            yield from _refs(spec, value, open_refs, closed_refs, depth)
    elif isinstance(node, list):
        for item in node:
            if component_name(item) is not None:
                closed_refs.add(str(component_name(item)))
            yield from _refs(spec, item, open_refs, closed_refs, depth)


# -- operation comparison -------------------------------------------------------
def compare_operation(walk: SchemaWalk, old: OperationInfo, new: OperationInfo) -> None:
    """Parameters, request body and responses of one matched operation."""
    renamed = dict(zip(old.path_parameters, new.path_parameters, strict=True))
    old_params = {
        (loc, renamed.get(name, name) if loc == "path" else name): p
        for (loc, name), p in old.parameters.items()
    }
    for key in [*old_params, *(k for k in new.parameters if k not in old_params)]:
        old_info, new_info = old_params.get(key), new.parameters.get(key)
        where = (new_info or old_info or ParameterInfo("", {})).pointer
        before = None if old_info is None else old_info.raw
        after = None if new_info is None else new_info.raw
        label = f"{key[0]} parameter {key[1]!r}"
        if after is None:
            walk.note(where, "parameter-removed", f"{label} removed", new.operation_id)
        elif before is None:
            required = after.get("required") is True
            walk.note(
                where,
                "parameter-added-required" if required else "parameter-added",
                f"{'required' if required else 'optional'} {label} added",
                new.operation_id,
            )
        else:
            was, now = before.get("required") is True, after.get("required") is True
            if now and not was:
                walk.note(
                    where,
                    "parameter-now-required",
                    f"{label} now required",
                    new.operation_id,
                )
            elif was and not now:
                walk.note(
                    where,
                    "parameter-now-optional",
                    f"{label} now optional",
                    new.operation_id,
                )
            if after.get("deprecated") is True and before.get("deprecated") is not True:
                walk.note(where, "deprecated", f"{label} deprecated", new.operation_id)
            walk.compare(
                before.get("schema"),
                after.get("schema"),
                f"{where}/schema",
                operation=new.operation_id,
                side="request",
            )
    _request_body(walk, old, new)
    _responses(walk, old, new)


def _request_body(walk: SchemaWalk, old: OperationInfo, new: OperationInfo) -> None:
    before = resolve(walk.old_spec, old.raw.get("requestBody"))
    after = resolve(walk.new_spec, new.raw.get("requestBody"))
    before = before if isinstance(before, Mapping) else {}
    after = after if isinstance(after, Mapping) else {}
    where = f"{new.pointer}/requestBody"
    was, now = before.get("required") is True, after.get("required") is True
    if now and not was:
        walk.note(
            where, "body-now-required", "request body now required", new.operation_id
        )
    elif was and not now:
        walk.note(
            where, "body-now-optional", "request body now optional", new.operation_id
        )
    _content(walk, before, after, where, new.operation_id, "request")


def _responses(walk: SchemaWalk, old: OperationInfo, new: OperationInfo) -> None:
    before, after = old.raw.get("responses"), new.raw.get("responses")
    before = before if isinstance(before, Mapping) else {}
    after = after if isinstance(after, Mapping) else {}
    for status in [*before, *(s for s in after if s not in before)]:
        where = f"{new.pointer}/responses/{escape(str(status))}"
        if status not in after:
            walk.note(
                where,
                "response-removed",
                f"response {status} removed",
                new.operation_id,
                "response",
            )
        elif status not in before:
            walk.note(
                where,
                "response-added",
                f"response {status} added",
                new.operation_id,
                "response",
            )
        else:
            old_response = resolve(walk.old_spec, before[status])
            new_response = resolve(walk.new_spec, after[status])
            if isinstance(old_response, Mapping) and isinstance(new_response, Mapping):
                _content(
                    walk,
                    old_response,
                    new_response,
                    where,
                    new.operation_id,
                    "response",
                )


def _content(
    walk: SchemaWalk,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    where: str,
    operation: str,
    side: str,
) -> None:
    old_content, new_content = before.get("content"), after.get("content")
    old_content = old_content if isinstance(old_content, Mapping) else {}
    new_content = new_content if isinstance(new_content, Mapping) else {}
    for media in [*old_content, *(m for m in new_content if m not in old_content)]:
        pointer = f"{where}/content/{escape(str(media))}"
        if media not in new_content:
            kind, summary = "media-type-removed", f"{side} media type {media} removed"
        elif media not in old_content:
            kind, summary = "media-type-added", f"{side} media type {media} added"
        else:
            old_media, new_media = old_content[media], new_content[media]
            if isinstance(old_media, Mapping) and isinstance(new_media, Mapping):
                walk.compare(
                    old_media.get("schema"),
                    new_media.get("schema"),
                    f"{pointer}/schema",
                    operation=operation,
                    side=side,
                )
            continue
        walk.note(pointer, kind, summary, operation, side)
