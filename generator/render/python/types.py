"""The plan's type expressions printed as Python annotations."""

from __future__ import annotations

from collections.abc import Iterable

from generator.plan.types import (
    EnumValues,
    ListOf,
    MapOf,
    Ref,
    Scalar,
    TypeExpr,
    UnionOf,
)
from generator.python_syntax import python_literal

_SCALARS = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
    "any": "Any",
    "file": "FileTypes",
}


#: The builtins annotations name: a method of the same name (``list``)
#: shadows them in the signatures of its class.
BUILTINS = frozenset({"str", "int", "float", "bool", "list", "dict"})


def annotation(
    expr: TypeExpr,
    qualifier: str = "",
    shadowed: frozenset[str] = frozenset(),
    params: str = "",
) -> str:
    """``expr`` as a Python annotation; ``qualifier`` prefixes the names the
    models module declares (``models.``), ``params`` those of the params
    module (``params.``), ``builtins.`` the builtins in ``shadowed``."""

    if isinstance(expr, Scalar):
        return _builtin(_SCALARS[expr.kind], shadowed)
    if isinstance(expr, Ref):
        return (params if expr.target.request else qualifier) + expr.target.name
    if isinstance(expr, EnumValues):
        return "Literal[" + ", ".join([python_literal(v) for v in expr.values]) + "]"
    if isinstance(expr, ListOf):
        container = "Iterable" if expr.iterable else _builtin("list", shadowed)
        return f"{container}[{annotation(expr.item, qualifier, shadowed, params)}]"
    if isinstance(expr, MapOf):
        value = annotation(expr.value, qualifier, shadowed, params)
        return f"{_builtin('dict', shadowed)}[{_builtin('str', shadowed)}, {value}]"
    if isinstance(expr, UnionOf):
        return " | ".join(
            [annotation(m, qualifier, shadowed, params) for m in expr.members]
        )
    raise TypeError(f"not a type expression: {expr!r}")


def _builtin(name: str, shadowed: frozenset[str]) -> str:
    return f"builtins.{name}" if name in shadowed else name


def names(exprs: Iterable[TypeExpr]) -> set[str]:
    """The plain names (``Any``, ``Literal``, ``str``...) the annotations of
    ``exprs`` mention, besides declarations."""
    found: set[str] = set()
    pending = list(exprs)
    while pending:
        expr = pending.pop()
        if isinstance(expr, Scalar):
            found.add(_SCALARS[expr.kind])
        elif isinstance(expr, EnumValues):
            found.add("Literal")
        elif isinstance(expr, ListOf):
            found.add("Iterable" if expr.iterable else "list")
            pending.append(expr.item)
        elif isinstance(expr, MapOf):
            found.update(("dict", "str"))
            pending.append(expr.value)
        elif isinstance(expr, UnionOf):
            pending.extend(expr.members)
    return found


def mentions_declarations(exprs: Iterable[TypeExpr], request: bool = False) -> bool:
    """Whether any of ``exprs`` names a declaration of the models module (of
    the params module with ``request``)."""
    return any(ref.request == request for expr in exprs for ref in expr.refs())
