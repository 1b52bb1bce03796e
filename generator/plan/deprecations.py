"""Deprecated aliases: names an earlier spec gave, kept after a rename.

With ``keep_renamed = true`` in ``[tool.generator]``, ``pull`` records the
renames it finds (see :mod:`generator.renames`); :func:`keep_renamed` turns
the recorded renames into aliases of the plan, which the client renderer
prints as thin wrappers that warn:

* an operation rename that changed the client's method name keeps the old
  method name (:attr:`MethodPlan.deprecated_names`);
* a path-parameter rename that changed the argument's name keeps the old
  keyword (:attr:`MethodPlan.renamed_keywords`);
* a schema rename that changed the model class name keeps the old class
  name (:attr:`ClientPlan.renamed_models`).

A later rename of the same name is followed (``A -> B``, then ``B -> C``
keeps ``A`` for ``C``).  An alias is dropped when its target is not in the
plan (an operation not selected) or when the old name is taken by something
the client declares: the client's own names always win.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from generator.plan.client import RESERVED_ARGUMENTS, ClientPlan
from generator.plan.resources import CLIENT_ATTRIBUTES, RESOURCE_ATTRIBUTES
from generator.plan.types import MODULE_NAMES

#: The kinds of rename, as the change report names them.
RENAME_KINDS = ("operation", "parameter", "schema")

#: Names the client classes' bodies look up as they are built (decorators):
#: a method alias of the same name would shadow them.
_CLASS_BODY_NAMES = frozenset({"overload", "renamed_keywords", "renamed_method"})
#: Names the models module uses besides :data:`MODULE_NAMES` for its aliases.
_MODELS_MODULE_NAMES = MODULE_NAMES | {"TYPE_CHECKING", "renamed_attribute"}


@dataclass(frozen=True)
class KeptRename:
    """One rename recorded by ``pull``: spec names and the client's old name."""

    #: ``operation``, ``parameter`` or ``schema``.
    kind: str
    #: The spec's names: operationId, path parameter or component schema.
    old: str
    new: str
    #: The client's name before the rename (method, argument or class), or
    #: ``None`` when the rename did not change it.
    client_old: str | None = None
    #: The client's name after it (what the alias warns about).
    client_new: str | None = None
    #: For a parameter: the operation (its id in the spec that renamed it).
    operation: str | None = None


def keep_renamed(plan: ClientPlan, renames: Sequence[KeptRename]) -> ClientPlan:
    """``plan`` with deprecated aliases for the ``renames`` that reach it."""
    if not renames:
        return plan
    old_methods = _methods(plan, renames)
    keywords = _keywords(plan, renames)
    return replace(
        plan,
        methods=tuple(
            replace(
                m,
                deprecated_names=tuple(old_methods.get(m.dotted, ())),
                renamed_keywords=tuple(keywords.get(m.dotted, {}).items()),
            )
            for m in plan.methods
        ),
        renamed_models=_models(plan, renames),
    )


def _methods(plan: ClientPlan, renames: Sequence[KeptRename]) -> dict[str, list[str]]:
    """Method path -> its former names on the same resource, in the order recorded.

    A method whose former path is on another resource keeps no alias (the
    alias would be a method of a resource it does not belong to).
    """
    operations = _renamed(renames, "operation")
    methods = {m.operation.operation_id: m for m in plan.methods}
    taken = _taken(plan)
    kept: dict[str, list[str]] = {}
    for rename in renames:
        if rename.kind != "operation" or rename.client_old is None:
            continue
        method = methods.get(_follow(operations, rename.new))
        if method is None:
            continue
        *resource, old = rename.client_old.split(".")
        names = taken.setdefault(method.resource, set())
        if tuple(resource) == method.resource and old not in names:
            names.add(old)
            kept.setdefault(method.dotted, []).append(old)
    return kept


def _taken(plan: ClientPlan) -> dict[tuple[str, ...], set[str]]:
    """Resource -> the names its class declares (methods, sub-resources,
    attributes) and those its body looks up."""
    taken: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for method in plan.methods:
        taken[method.resource].add(method.name)
        for depth, name in enumerate(method.resource):
            taken[method.resource[:depth]].add(name)
    for resource, names in taken.items():
        names |= _CLASS_BODY_NAMES
        names |= RESOURCE_ATTRIBUTES if resource else CLIENT_ATTRIBUTES
    return taken


def _keywords(
    plan: ClientPlan, renames: Sequence[KeptRename]
) -> dict[str, dict[str, str]]:
    """Method name -> {former keyword: path argument}, in the order recorded.

    A parameter's operation and the parameter itself may have been renamed
    again later: both are followed to today's names.
    """
    operations = _renamed(renames, "operation")
    methods = {m.operation.operation_id: m for m in plan.methods}
    parameters: dict[str, dict[str, str]] = {}
    for rename in renames:
        if rename.kind == "parameter" and rename.operation is not None:
            here = _follow(operations, rename.operation)
            parameters.setdefault(here, {})[rename.old] = rename.new
    kept: dict[str, dict[str, str]] = {}
    for rename in renames:
        if rename.kind != "parameter" or rename.operation is None:
            continue
        if rename.client_old is None:
            continue
        here = _follow(operations, rename.operation)
        method = methods.get(here)
        if method is None:
            continue
        wire_name = _follow(parameters[here], rename.new)
        argument = next(
            (a for a in method.by_location("path") if a.wire_name == wire_name), None
        )
        pending = kept.setdefault(method.dotted, {})
        taken = {a.name for a in method.arguments} | RESERVED_ARGUMENTS | set(pending)
        if argument is not None and rename.client_old not in taken:
            pending[rename.client_old] = argument.name
    return kept


def _models(
    plan: ClientPlan, renames: Sequence[KeptRename]
) -> tuple[tuple[str, str], ...]:
    """(old class name, declared name) for the schema renames the plan reaches."""
    schemas = _renamed(renames, "schema")
    declared = {
        d.component: d.name
        for d in (*plan.classes, *plan.aliases)
        if d.component is not None
    }
    taken = {d.name for d in (*plan.classes, *plan.aliases)} | _MODELS_MODULE_NAMES
    kept: dict[str, str] = {}
    for rename in renames:
        if rename.kind != "schema" or rename.client_old is None:
            continue
        target = declared.get(_follow(schemas, rename.new))
        old = rename.client_old
        if target is not None and old not in taken and old not in kept:
            kept[old] = target
    return tuple(kept.items())


def _renamed(renames: Sequence[KeptRename], kind: str) -> dict[str, str]:
    """Old spec name -> new, for the renames of ``kind``."""
    return {r.old: r.new for r in renames if r.kind == kind}


def _follow(renamed: Mapping[str, str], name: str) -> str:
    """``name`` after every later rename of it (a cycle stops where it began)."""
    seen = {name}
    while name in renamed and renamed[name] not in seen:
        name = renamed[name]
        seen.add(name)
    return name
