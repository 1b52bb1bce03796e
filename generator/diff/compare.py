"""The comparison: specs and client plans in, a :class:`Report` out."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from generator.diff.client import ClientView, client_view, compare_methods
from generator.diff.operations import (
    OperationInfo,
    Reach,
    compare_operation,
    index,
    reach,
)
from generator.diff.renames import schema_renames
from generator.diff.report import (
    BREAKING,
    COMPATIBLE,
    Change,
    Finding,
    OperationChange,
    Rename,
    Report,
    SpecInfo,
)
from generator.diff.schemas import (
    SCHEMA_REF,
    SchemaWalk,
    allof_uses,
    component_schemas,
    escape,
    flatten,
)
from generator.diff.verdicts import semver, verdicts, worst
from generator.plan import MethodPlan, NamingOptions

_ENUM_KINDS = ("enum-value-added", "enum-value-removed")
#: The schema of a request body: its model is spread into the method's
#: arguments, which the client comparison reports.
_REQUEST_BODY = re.compile(r"/requestBody/content/[^/]+/schema$")


def compare(
    old_spec: Mapping[str, Any],
    new_spec: Mapping[str, Any],
    old_label: str = "old",
    new_label: str = "new",
    naming: NamingOptions = NamingOptions(),
    keep_renamed: bool = False,
) -> Report:
    """Compare two loaded OpenAPI documents and the clients generated from them
    (methods placed by ``naming``, the project's ``[tool.generator]`` tables).

    ``keep_renamed``: the client keeps renamed names as deprecated aliases
    (``[tool.generator] keep_renamed``), so their old call sites still run.
    """
    old_ops, new_ops = index(old_spec), index(new_spec)
    old_schemas, new_schemas = component_schemas(old_spec), component_schemas(new_spec)
    renamed_schemas = schema_renames(old_schemas, new_schemas)
    walk = SchemaWalk(old_spec, new_spec, renamed_schemas)
    matched = [(old_ops[r], new_ops[r]) for r in new_ops if r in old_ops]
    for old, new in matched:
        compare_operation(walk, old, new)
    for old_name, old_body in old_schemas.items():
        new_name = renamed_schemas.get(old_name, old_name)
        if new_name in new_schemas:
            walk.compare(
                old_body,
                new_schemas[new_name],
                SCHEMA_REF + escape(new_name),
                component=new_name,
            )
    old_reach, new_reach = reach(old_spec, old_ops), reach(new_spec, new_ops)
    findings = _moved_properties(walk.findings, new_spec, new_schemas)
    changes = _changes(findings, old_reach, new_reach, renamed_schemas)
    changes.extend(
        _removed_schemas(old_schemas, new_schemas, renamed_schemas, old_reach)
    )
    removed = [old_ops[r] for r in old_ops if r not in new_ops]
    changes.extend(
        Change(
            info.pointer,
            "operation-removed",
            f"operation {info.operation_id} removed",
            *verdicts("operation-removed", ("request",)),
            operations=(info.operation_id,),
        )
        for info in removed
    )
    changes.sort(key=lambda c: (c.pointer, c.kind, c.summary))
    old_client = client_view(old_spec, naming)
    new_client = client_view(new_spec, naming)
    renames = _renames(matched, renamed_schemas, old_client, new_client)
    if keep_renamed:
        renames = [_kept_as_alias(r) for r in renames]
    changed = _changed(matched, changes, old_client, new_client)
    report = Report(
        old=_info(old_label, old_spec, old_ops, old_schemas),
        new=_info(new_label, new_spec, new_ops, new_schemas),
        added=tuple(new_ops[r].operation_id for r in new_ops if r not in old_ops),
        removed=tuple(info.operation_id for info in removed),
        renamed=tuple(renames),
        deprecated=tuple(
            new.operation_id
            for old, new in matched
            if new.deprecated and not old.deprecated
        ),
        changed=tuple(changed),
        changes=tuple(c for c in changes if c.kind != "deprecated"),
        schemas_added=tuple(
            n
            for n in new_schemas
            if n not in old_schemas and n not in renamed_schemas.values()
        ),
        schemas_removed=tuple(
            n for n in old_schemas if n not in new_schemas and n not in renamed_schemas
        ),
        form_only=dict(sorted(walk.form.items())),
        deprecated_elsewhere=tuple(
            c.pointer for c in changes if c.kind == "deprecated"
        ),
    )
    return _with_semver(report)


def _info(
    label: str,
    spec: Mapping[str, Any],
    operations: Mapping[Any, OperationInfo],
    schemas: Mapping[str, Any],
) -> SpecInfo:
    info = spec.get("info")
    version = info.get("version") if isinstance(info, Mapping) else None
    return SpecInfo(
        label=label,
        openapi=str(spec.get("openapi", "")),
        version=str(version or ""),
        operations=len(operations),
        schemas=len(schemas),
    )


def _changes(
    findings: Iterable[Finding],
    old_reach: Reach,
    new_reach: Reach,
    renamed: Mapping[str, str],
) -> list[Change]:
    """Findings with verdicts, grouped: one change per enum value, and one
    change for the same change to many operations (``response 429 added``)."""
    back = {new: old for old, new in renamed.items()}
    groups: dict[tuple[str, ...], list[Change]] = defaultdict(list)
    for finding in findings:
        if finding.component is not None:
            old_name = back.get(finding.component, finding.component)
            sides = sorted(
                set(new_reach.sides(finding.component)) | set(old_reach.sides(old_name))
            )
            operations = new_reach.operations(
                finding.component
            ) or old_reach.operations(old_name)
            open_enum = finding.open_enum or (
                finding.component in new_reach.open_components
                and finding.pointer == SCHEMA_REF + escape(finding.component)
            )
        else:
            sides = [finding.side or "request"]
            operations = frozenset([finding.operation or ""])
            open_enum = finding.open_enum
        kind = finding.kind
        if kind == "ref-changed" and _REQUEST_BODY.search(finding.pointer):
            kind = "body-ref-changed"
        change = Change(
            finding.pointer,
            kind,
            finding.summary,
            *verdicts(kind, sides, open_enum),
            operations=tuple(sorted(operations)),
            value=finding.value,
        )
        if finding.kind in _ENUM_KINDS:
            key: tuple[str, ...] = (finding.kind, repr(finding.value))
        elif finding.component is None:
            # The same change at the same place of several operations.
            tail = "/".join(finding.pointer.split("/")[4:])
            key = ("operations", finding.kind, finding.summary, tail)
        else:
            key = ("one", str(len(groups)))
        groups[key].append(change)
    return [_merged(group) for group in groups.values()]


def _merged(group: list[Change]) -> Change:
    """One change for a group: every place, every operation, worst verdicts."""
    first = min(group, key=lambda c: c.pointer)
    if len(group) == 1 and first.kind not in _ENUM_KINDS:
        return first
    places = tuple(sorted({c.pointer for c in group}))
    where = "" if len(places) == 1 else f" ({len(places)} places)"
    return Change(
        first.pointer,
        first.kind,
        first.summary + where,
        wire=worst(c.wire for c in group),
        calls=worst(c.calls for c in group),
        types=worst(c.types for c in group),
        operations=tuple(sorted({op for c in group for op in c.operations})),
        places=places,
        value=first.value,
    )


def _moved_properties(
    findings: list[Finding], spec: Mapping[str, Any], schemas: Mapping[str, Any]
) -> list[Finding]:
    """A property removed from a component that is only ever an ``allOf``
    member, while every schema including it still has the property (from
    another member), moved: the composites, which are what the client
    sees, keep it."""
    uses = allof_uses(spec)
    kept = []
    for finding in findings:
        name, prefix = finding.component, ""
        if finding.kind == "property-removed" and name is not None:
            prefix = SCHEMA_REF + escape(name) + "/properties/"
        property_ = finding.pointer[len(prefix) :] if prefix else ""
        if not prefix or not finding.pointer.startswith(prefix) or "/" in property_:
            kept.append(finding)
            continue
        property_ = property_.replace("~1", "/").replace("~0", "~")
        composites = sorted(uses.get(str(name)) or ())
        if composites and all(
            _keeps(spec, schemas, uses, c, property_, set()) for c in composites
        ):
            finding = replace(
                finding,
                kind="property-moved",
                summary=f"property {property_!r} moved to the other allOf members "
                f"of {', '.join(composites)}",
            )
        kept.append(finding)
    return kept


def _keeps(
    spec: Mapping[str, Any],
    schemas: Mapping[str, Any],
    uses: Mapping[str, set[str] | None],
    name: str,
    property_: str,
    seen: set[str],
) -> bool:
    """Whether schema ``name`` has ``property_`` (through its ``allOf``
    members), or is itself only an ``allOf`` member of schemas that all do."""
    if name in seen or name not in schemas:
        return False
    seen = seen | {name}
    if property_ in (flatten(spec, schemas[name]).get("properties") or {}):
        return True
    composites = uses.get(name)
    return bool(composites) and all(
        _keeps(spec, schemas, uses, c, property_, seen)
        for c in sorted(composites or ())
    )


def _removed_schemas(
    old_schemas: Mapping[str, Any],
    new_schemas: Mapping[str, Any],
    renamed: Mapping[str, str],
    old_reach: Reach,
) -> list[Change]:
    """A component the old client had a model for (an operation reached it)
    and the new spec drops: imports of its class break."""
    return [
        Change(
            SCHEMA_REF + escape(name),
            "schema-removed",
            f"schema {name} removed",
            *verdicts("schema-removed", old_reach.sides(name)),
            operations=tuple(sorted(old_reach.operations(name))),
        )
        for name in old_schemas
        if name not in new_schemas and name not in renamed and old_reach.sides(name)
    ]


def _renames(
    matched: list[tuple[OperationInfo, OperationInfo]],
    renamed_schemas: Mapping[str, str],
    old_client: ClientView,
    new_client: ClientView,
) -> list[Rename]:
    """Renames, each with what it does to the client's names."""
    renames: list[Rename] = []
    for old, new in matched:
        old_method = old_client.methods.get((old.path, old.method))
        new_method = new_client.methods.get((new.path, new.method))
        if old.operation_id != new.operation_id:
            moved = _renamed(old_method, new_method, lambda m: [m.dotted])
            renames.append(
                Rename(
                    "operation",
                    old.operation_id,
                    new.operation_id,
                    new.pointer,
                    client=f"{moved[0][0]}() -> {moved[0][1]}()" if moved else None,
                    client_names=moved[0] if moved else None,
                    calls=BREAKING if moved else COMPATIBLE,
                    types=BREAKING if moved else COMPATIBLE,
                )
            )
        arguments = _renamed(old_method, new_method, _positional)
        for before, after in zip(old.path_parameters, new.path_parameters, strict=True):
            if before == after:
                continue
            names = _argument_names(old_method, before, new_method, after)
            client = ", ".join(f"argument {a} -> {b}" for a, b in arguments)
            renames.append(
                Rename(
                    "parameter",
                    before,
                    after,
                    new.pointer,
                    operation=new.operation_id,
                    client=(
                        f"{client}: positional calls still run, keyword calls break"
                        if client
                        else None
                    ),
                    client_names=names,
                    calls=BREAKING if arguments else COMPATIBLE,
                    types=BREAKING if arguments else COMPATIBLE,
                )
            )
    for before, after in renamed_schemas.items():
        old_name = old_client.declarations.get(before)
        new_name = new_client.declarations.get(after)
        moved_class = old_name is not None and old_name != new_name
        renames.append(
            Rename(
                "schema",
                before,
                after,
                SCHEMA_REF + escape(after),
                client=(
                    f"models.{old_name} -> models.{new_name}" if moved_class else None
                ),
                client_names=(
                    (old_name, new_name)
                    if old_name is not None and new_name is not None and moved_class
                    else None
                ),
                calls=BREAKING if moved_class else COMPATIBLE,
                types=BREAKING if moved_class else COMPATIBLE,
            )
        )
    return renames


def _kept_as_alias(rename: Rename) -> Rename:
    """``rename`` when the client keeps its old name as a deprecated alias.

    Old calls still run (with a ``DeprecationWarning``).  A method or model
    class alias has the new one's type, so old code still type-checks; an
    old keyword argument is not in the typed signature, so ``mypy`` flags it.
    """
    if rename.client_names is None:
        return rename
    if rename.kind != "parameter":
        return replace(rename, alias=True, calls=COMPATIBLE, types=COMPATIBLE)
    before, after = rename.client_names
    return replace(
        rename,
        alias=True,
        calls=COMPATIBLE,
        client=f"argument {before} -> {after}: mypy flags the old keyword",
    )


def _positional(method: MethodPlan) -> list[str]:
    return [a.name for a in method.arguments if a.location == "path"]


def _argument_names(
    old: MethodPlan | None, before: str, new: MethodPlan | None, after: str
) -> tuple[str, str] | None:
    """The client's names of a renamed path parameter, when they differ."""
    if old is None or new is None:
        return None
    old_name = _path_argument(old, before)
    new_name = _path_argument(new, after)
    if old_name is None or new_name is None or old_name == new_name:
        return None
    return old_name, new_name


def _path_argument(method: MethodPlan, wire_name: str) -> str | None:
    return next(
        (a.name for a in method.by_location("path") if a.wire_name == wire_name),
        None,
    )


def _renamed(
    old: MethodPlan | None,
    new: MethodPlan | None,
    names: Callable[[MethodPlan], list[str]],
) -> list[tuple[str, str]]:
    """Pairs of client names that differ (by position) between two methods."""
    if old is None or new is None:
        return []
    return [(a, b) for a, b in zip(names(old), names(new), strict=False) if a != b]


def _changed(
    matched: list[tuple[OperationInfo, OperationInfo]],
    changes: list[Change],
    old_client: ClientView,
    new_client: ClientView,
) -> list[OperationChange]:
    """Every matched operation that a change reaches or whose method changed."""
    reaching: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        for operation in change.operations:
            reaching[operation].append(change)
    found = []
    for old, new in matched:
        old_method = old_client.methods.get((old.path, old.method))
        new_method = new_client.methods.get((new.path, new.method))
        if old_method is None or new_method is None:
            continue
        client = compare_methods(old_method, new_method)
        spec_changes = reaching.get(new.operation_id, [])
        if not client and not spec_changes:
            continue
        found.append(
            OperationChange(
                operation_id=new.operation_id,
                method=new_method.dotted,
                breaking=any(c.breaking for c in spec_changes)
                or any(c.calls == BREAKING for c in client),
                client=tuple(client),
            )
        )
    return found


def _with_semver(report: Report) -> Report:
    additions = bool(
        report.added
        or report.schemas_added
        or report.deprecated
        or report.changes
        or report.changed
    )
    return replace(
        report,
        semver=semver(
            breaks=report.breaking,
            types_break=report.count("types") > 0,
            additions=additions or bool(report.renamed),
            form_only=bool(report.form_only),
        ),
    )
