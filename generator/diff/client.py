"""The generated client before and after: method signatures, side by side.

The client plan is what users' code is written against, so the calls and
types verdicts of a method come from comparing plans, not spec text: the
method name, the positional path arguments (order and names), keyword
arguments (removed, added as required, made required), argument types
(narrowed: a value the old annotation accepted is no longer accepted) and the
return type (widened: it may now hold a value the old one did not).  Aliases
are expanded and ``Literal`` values are accepted by their scalar type, so
``Literal["a"] | str`` losing ``"a"`` narrows nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.diff.report import BREAKING, COMPATIBLE, ClientChange, Verdict
from generator.model.build import ModelBuilder
from generator.plan import Argument, MethodPlan, NamingOptions, plan_client
from generator.plan.types import (
    ANY,
    AliasPlan,
    EnumValues,
    ListOf,
    MapOf,
    Ref,
    Scalar,
    TypeExpr,
    UnionOf,
)
from generator.render.python.methods import PARAMS, MethodView
from generator.render.python.types import annotation
from generator.selection import Selection, index_operations, select

#: How the generated signatures name the models module.
MODELS = "models."
#: (old, new) method result kinds that existing calls see as the same.
_SAME_RESULT = frozenset(
    {("json", "stream_or_json")}
    | {(k, k) for k in ("json", "none", "binary", "stream", "page", "stream_or_json")}
)


@dataclass(frozen=True)
class ClientView:
    """The names a user's code sees in the client generated from one spec."""

    #: The method of every operation, by ``(path, method)``.
    methods: Mapping[tuple[str, str], MethodPlan]
    #: Component schema -> the model class or alias ``models.py`` declares.
    declarations: Mapping[str, str]


def client_view(
    spec: Mapping[str, Any], naming: NamingOptions = NamingOptions()
) -> ClientView:
    """Plan the client of every operation of ``spec``."""
    if not index_operations(spec):
        return ClientView({}, {})
    api = ModelBuilder(spec).build(select(spec, Selection(all=True)))
    plan = plan_client(api, naming)
    return ClientView(
        methods={(m.operation.path, m.operation.method): m for m in plan.methods},
        declarations={
            d.component: d.name
            for d in (*plan.classes, *plan.aliases)
            if d.component is not None
        },
    )


def compare_methods(old: MethodPlan, new: MethodPlan) -> list[ClientChange]:
    """How the method's signature changed (renames of the method itself and of
    path arguments are reported as renames, not here)."""
    changes: list[ClientChange] = []
    old_positional = [a.name for a in old.arguments if a.location == "path"]
    new_positional = [a.name for a in new.arguments if a.location == "path"]
    if len(old_positional) != len(new_positional):
        changes.append(
            _change(
                f"positional arguments ({', '.join(old_positional)}) -> "
                f"({', '.join(new_positional)})",
                BREAKING,
                BREAKING,
            )
        )
    old_keywords = {a.name: a for a in old.arguments if a.location != "path"}
    new_keywords = {a.name: a for a in new.arguments if a.location != "path"}
    for name, before in old_keywords.items():
        after = new_keywords.get(name)
        if after is None:
            changes.append(_change(f"argument {name} removed", BREAKING, BREAKING))
            continue
        if after.required and not before.required:
            changes.append(_change(f"argument {name} now required", BREAKING, BREAKING))
        if not _accepts(after.type, before.type):
            was, now = _annotation(before), _annotation(after)
            lost = ", ".join(_not_accepted(after.type, before.type))
            summary = f"{now} (was {was})" if was != now else f"{now}, narrowed"
            changes.append(
                _change(
                    f"argument {name}: {summary}; no longer accepts {lost}",
                    COMPATIBLE,
                    BREAKING,
                )
            )
    for name, after in new_keywords.items():
        if name not in old_keywords and after.required:
            changes.append(
                _change(f"required argument {name} added", BREAKING, BREAKING)
            )
    old_returns = MethodView(old).return_annotation("sync")
    new_returns = MethodView(new).return_annotation("sync")
    if old_returns != new_returns:
        # A JSON result that may now also stream (a new ``stream`` argument)
        # is unchanged for calls that do not ask for a stream.
        kind_changed = (old.result, new.result) not in _SAME_RESULT
        gained = not _accepts(old.returns, new.returns)
        changes.append(
            _change(
                f"returns {new_returns} (was {old_returns})",
                BREAKING if kind_changed else COMPATIBLE,
                BREAKING if gained or kind_changed else COMPATIBLE,
            )
        )
    return changes


def _annotation(argument: Argument) -> str:
    """The argument's annotation as the generated signature writes it."""
    text = annotation(argument.type, MODELS, params=PARAMS)
    return text if argument.required else f"{text} | NotGiven"


def _change(summary: str, calls: Verdict, types: Verdict) -> ClientChange:
    return ClientChange(summary=summary, calls=calls, types=types)


def _members(expr: TypeExpr, depth: int = 0) -> list[TypeExpr]:
    """The members of a type: unions flattened, aliases expanded (an alias is
    its target to a type checker), each ``Literal`` value on its own."""
    if isinstance(expr, Ref) and isinstance(expr.target, AliasPlan) and depth < 16:
        return _members(expr.target.target, depth + 1)
    if isinstance(expr, UnionOf):
        return [m for member in expr.members for m in _members(member, depth)]
    if isinstance(expr, EnumValues):
        return [EnumValues((value,)) for value in expr.values]
    return [expr]


def _accepts(wide: TypeExpr, narrow: TypeExpr, depth: int = 0) -> bool:
    """Whether every value of ``narrow`` is a value of ``wide`` (lists and
    maps compared by their items; classes by name)."""
    options = _members(wide)
    if ANY in options or depth > 16:
        return True
    return all(
        any(_member_accepts(option, member, depth) for option in options)
        for member in _members(narrow)
    )


def _not_accepted(wide: TypeExpr, narrow: TypeExpr) -> list[str]:
    """The members of ``narrow`` that ``wide`` does not accept, as annotations
    (inside a list or map when both sides are one)."""
    lost = [m for m in _members(narrow) if not _accepts(wide, m)]
    containers = [m for m in _members(wide) if isinstance(m, (ListOf, MapOf))]
    if len(lost) == 1 and len(containers) == 1:
        inner, outer = lost[0], containers[0]
        if isinstance(inner, ListOf) and isinstance(outer, ListOf):
            return _not_accepted(outer.item, inner.item)
        if isinstance(inner, MapOf) and isinstance(outer, MapOf):
            return _not_accepted(outer.value, inner.value)
    return [annotation(m, MODELS, params=PARAMS) for m in lost]


def _member_accepts(wide: TypeExpr, narrow: TypeExpr, depth: int) -> bool:
    if isinstance(narrow, EnumValues) and isinstance(wide, Scalar):
        value = narrow.values[0]
        kind = {str: "string", bool: "boolean", int: "integer"}[type(value)]
        return wide.kind == kind or (wide.kind == "number" and kind == "integer")
    if isinstance(wide, ListOf) and isinstance(narrow, ListOf):
        return _accepts(wide.item, narrow.item, depth + 1)
    if isinstance(wide, MapOf) and isinstance(narrow, MapOf):
        return _accepts(wide.value, narrow.value, depth + 1)
    if isinstance(wide, Ref) and isinstance(narrow, Ref):
        return wide.target.name == narrow.target.name
    if wide == Scalar("number") and narrow == Scalar("integer"):
        return True
    return wide == narrow
