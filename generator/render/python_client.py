"""The Python client artifact: ``python/openai_client/``.

Three modules are generated per spec (``models.py``, ``_client.py``,
``__init__.py``), laid out as black would format them (the templates' filters
``statement``, ``parameter``, ``return_tail`` and ``docstring`` come from
:mod:`~generator.render.python_layout`); the runtime modules in
``templates/python/runtime/`` are copied as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Api
from generator.render import Files, RenderOptions
from generator.render import python_layout
from generator.render.python_methods import escape_docstring, plan_methods
from generator.render.python_types import (
    AliasPlan,
    ClassPlan,
    TypePlanner,
    optional,
    python_literal,
)
from generator.templating import environment, templates_dir

PACKAGE = "python/openai_client"


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
    planner = TypePlanner(api.schemas)
    methods = plan_methods(api, planner)
    classes, aliases = planner.finish()
    declared = frozenset(d.name for d in (*classes, *aliases))
    env = environment("python")
    env.filters.update(
        statement=python_layout.statement,
        parameter=python_layout.parameter,
        return_tail=python_layout.return_tail,
        docstring=python_layout.docstring,
    )
    context = {
        "title": escape_docstring(api.title),
        "base_url": python_literal(api.default_server),
        "methods": methods,
        "classes": [_class_view(c, declared) for c in classes],
        "aliases": [_alias_view(a) for a in aliases],
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
