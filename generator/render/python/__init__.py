"""The Python client artifact: ``python/openai_client/``.

Three modules are generated per spec (``models.py``, ``_client.py``,
``__init__.py``), laid out as black would format them (the templates' filters
``statement``, ``parameter``, ``return_tail`` and ``docstring`` come from
:mod:`~generator.render.python.layout`) and importing only the names their
code uses (computed from the plans); the runtime modules in
``templates/python/runtime/`` are copied as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.model import Api
from generator.plan import ClientPlan, MethodPlan
from generator.plan.types import AliasPlan, ClassPlan, TypeExpr, optional
from generator.python_syntax import python_literal
from generator.render import Files, RenderOptions
from generator.render.python import layout
from generator.render.python.methods import MethodView, escape_docstring
from generator.render.python.types import annotation, mentions_declarations, names
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


def render(api: Api, plan: ClientPlan, options: RenderOptions) -> Files:
    """The files of the client package for ``api``, as ``plan`` lays it out."""
    del options  # nothing in the client depends on the options
    methods, classes, aliases = plan.methods, plan.classes, plan.aliases
    declared = frozenset(d.name for d in (*classes, *aliases))
    env = environment("python")
    env.filters.update(
        statement=layout.statement,
        parameter=layout.parameter,
        return_tail=layout.return_tail,
        docstring=layout.docstring,
    )
    class_views = [_class_view(c, declared) for c in classes]
    context = {
        "title": escape_docstring(api.title),
        "base_url": python_literal(api.default_server),
        "methods": [MethodView(m) for m in methods],
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
    attributes = plan.attribute_names(declared)
    fields = []
    for f in plan.fields:
        name = attributes[f.wire_name]
        wire = "" if name == f.wire_name else f"wire_name={python_literal(f.wire_name)}"
        if f.required:
            text = annotation(f.type)
            default = f" = field({wire})" if wire else ""
        else:
            text = annotation(optional(f.type))
            default = f" = field(default=None, {wire})" if wire else " = None"
        fields.append(
            FieldView(
                name=name,
                annotation=text,
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
        target=annotation(plan.target),
        docstring=escape_docstring(plan.description or ""),
    )


# -- imports ------------------------------------------------------------------------
def _imports(table: _ImportTable, used: set[str]) -> list[list[str]]:
    """The import lines of ``table`` binding a name in ``used``, by non-empty group."""
    groups = []
    for group in table:
        lines = []
        for module, imported in group:
            kept = [n for n in imported if n.split(" as ")[-1] in used]
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
        used |= names(signature)
        if mentions_declarations(signature):
            used.add("models")
        if mentions_declarations(body):
            used.add("_api_models")
    return used


def _models_names(
    classes: Sequence[ClassPlan],
    views: Sequence[ClassView],
    aliases: Sequence[AliasPlan],
) -> set[str]:
    """The names ``models.py`` uses for these declarations."""
    used = names(
        [*(f.type for c in classes for f in c.fields), *(a.target for a in aliases)]
    )
    if classes:
        used.add("BaseModel")
    if aliases:
        used.add("TypeAlias")
    if any(f.default.startswith(" = field(") for v in views for f in v.fields):
        used.add("field")
    return used
