"""The Python client artifact: ``python/openai_client/``.

Three modules are generated per spec (``models.py``, ``_client.py``,
``__init__.py``), laid out as black would format them (the templates' filters
``statement``, ``parameter``, ``return_tail`` and ``docstring`` come from
:mod:`~generator.render.python_layout`) and importing only the names their
code uses (computed from the plans); the runtime modules in
``templates/python/runtime/`` are copied as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.model import Api
from generator.render import Files, RenderOptions
from generator.render import python_layout
from generator.render.python_methods import MethodPlan, escape_docstring, plan_client
from generator.render.python_types import (
    AliasPlan,
    ClassPlan,
    TypeExpr,
    optional,
    python_literal,
)
from generator.templating import environment, templates_dir

PACKAGE = "python/openai_client"

#: Import groups, each a list of (module, names), in the order written.
_ImportTable = tuple[tuple[tuple[str, tuple[str, ...]], ...], ...]

#: What ``_client.py`` may import.
#: Method bodies name the models module ``_api_models``: an argument (of
#: the signature, resolved in the module scope) may be called ``models``.
_CLIENT_IMPORTS: _ImportTable = (
    (("collections.abc", ("Mapping",)), ("typing", ("Any", "Literal", "overload"))),
    (
        (".", ("models",)),
        (".", ("models as _api_models",)),
        ("._base_client", ("AsyncAPIClient", "SyncAPIClient")),
        ("._pagination", ("AsyncCursorPage", "SyncCursorPage")),
        ("._request", ("RequestSpec", "path_param")),
        ("._response", ("BinaryResponse",)),
        ("._streaming", ("AsyncStream", "Stream")),
        (
            "._types",
            ("NOT_GIVEN", "FileTypes", "Headers", "NotGiven", "Query", "Timeout"),
        ),
    ),
)
#: What ``models.py`` may import.
_MODELS_IMPORTS: _ImportTable = (
    (("typing", ("Any", "Literal", "TypeAlias")),),
    (("._models", ("BaseModel", "field")), ("._types", ("FileTypes",))),
)
#: Names each kind of result adds to a method's signature or body.
_RESULT_NAMES = {
    "binary": {"BinaryResponse"},
    "stream": {"Stream", "AsyncStream"},
    "page": {"SyncCursorPage", "AsyncCursorPage"},
    "stream_or_json": {"Stream", "AsyncStream", "overload", "Literal"},
}


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: str
    #: `` = ...`` after the annotation, or empty for a required field.
    default: str
    docstring: str


@dataclass(frozen=True)
class ClassView:
    name: str
    docstring: str
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class AliasView:
    name: str
    target: str
    docstring: str


def render(api: Api, options: RenderOptions) -> Files:
    """The files of the client package for ``api``."""
    plan = plan_client(api)
    methods, classes, aliases = plan.methods, plan.classes, plan.aliases
    declared = frozenset(d.name for d in (*classes, *aliases))
    env = environment("python")
    env.filters.update(
        statement=python_layout.statement,
        parameter=python_layout.parameter,
        return_tail=python_layout.return_tail,
        docstring=python_layout.docstring,
    )
    class_views = [_class_view(c, declared) for c in classes]
    context = {
        "title": escape_docstring(api.title),
        "base_url": python_literal(api.default_server),
        "methods": methods,
        "classes": class_views,
        "aliases": [_alias_view(a) for a in aliases],
        "client_imports": _imports(_CLIENT_IMPORTS, _client_names(methods)),
        "models_imports": _imports(
            _MODELS_IMPORTS, _models_names(classes, class_views, aliases)
        ),
    }
    files: Files = {}
    for module in ("__init__.py", "models.py", "_client.py"):
        files[f"{PACKAGE}/{module}"] = env.get_template(module + ".j2").render(context)
    runtime = templates_dir() / "python" / "runtime"
    for path in sorted(runtime.iterdir()):
        if path.is_file() and (path.suffix == ".py" or path.name == "py.typed"):
            files[f"{PACKAGE}/{path.name}"] = path.read_text(encoding="utf-8")
    return files


def _class_view(plan: ClassPlan, declared: frozenset[str]) -> ClassView:
    names = plan.python_names(declared)
    fields = []
    for f in plan.fields:
        name = names[f.wire_name]
        wire = "" if name == f.wire_name else f"wire_name={python_literal(f.wire_name)}"
        if f.required:
            annotation = f.type.render()
            default = f" = field({wire})" if wire else ""
        else:
            annotation = optional(f.type).render()
            default = f" = field(default=None, {wire})" if wire else " = None"
        fields.append(
            FieldView(
                name=name,
                annotation=annotation,
                default=default,
                docstring=escape_docstring(f.description or ""),
            )
        )
    return ClassView(
        name=plan.name,
        docstring=escape_docstring(plan.description or ""),
        fields=tuple(fields),
    )


def _alias_view(plan: AliasPlan) -> AliasView:
    return AliasView(
        name=plan.name,
        target=plan.target.render(),
        docstring=escape_docstring(plan.description or ""),
    )


# -- imports ------------------------------------------------------------------------
def _imports(table: _ImportTable, used: set[str]) -> list[list[str]]:
    """The import lines of ``table`` binding a name in ``used``, by non-empty group."""
    groups = []
    for group in table:
        lines = []
        for module, names in group:
            kept = [n for n in names if n.split(" as ")[-1] in used]
            if kept:
                lines.append(f"from {module} import {', '.join(kept)}")
        if lines:
            groups.append(lines)
    return groups


def _client_names(methods: Sequence[MethodPlan]) -> set[str]:
    """The names ``_client.py`` uses, as its template writes the ``methods``."""
    used = {"AsyncAPIClient", "SyncAPIClient"}
    for method in methods:
        used |= {"Mapping", "RequestSpec", "NOT_GIVEN", "NotGiven"}
        used |= {"Headers", "Query", "Timeout"}
        used |= _RESULT_NAMES.get(method.result, set())
        if method.by_location("path"):
            used.add("path_param")
        if method.by_location("file"):
            used.add("FileTypes")  # the ``file_parts`` annotation
        # Types written in the method body: ``cast_to`` and the element type.
        body: list[TypeExpr] = []
        if method.result in ("json", "stream_or_json"):
            body.append(method.returns)
        if method.result in ("stream", "page", "stream_or_json"):
            body.append(method.element)
        signature = [*(a.type for a in method.arguments), *body]
        used |= _names(signature)
        if _mentions_models(signature):
            used.add("models")
        if _mentions_models(body):
            used.add("_api_models")
    return used


def _models_names(
    classes: Sequence[ClassPlan],
    views: Sequence[ClassView],
    aliases: Sequence[AliasPlan],
) -> set[str]:
    """The names ``models.py`` uses for these declarations."""
    used = _names(
        [*(f.type for c in classes for f in c.fields), *(a.target for a in aliases)]
    )
    if classes:
        used.add("BaseModel")
    if aliases:
        used.add("TypeAlias")
    if any(f.default.startswith(" = field(") for v in views for f in v.fields):
        used.add("field")
    return used


def _names(exprs: Iterable[TypeExpr]) -> set[str]:
    return {name for expr in exprs for name in expr.names()}


def _mentions_models(exprs: Iterable[TypeExpr]) -> bool:
    """Whether any of ``exprs`` names a declaration of ``models.py``."""
    return any(next(expr.refs(), None) is not None for expr in exprs)
