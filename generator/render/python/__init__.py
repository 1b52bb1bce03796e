"""The Python client artifact: ``python/openai_client/``.

Four modules are generated per spec (``models.py``, ``params.py``,
``_client.py``, ``__init__.py``), laid out as black would format them (the
templates' filters ``statement``, ``parameter``, ``return_tail`` and
``docstring`` come from :mod:`~generator.render.python.layout`) and importing
only the names their code uses (computed from the plans); the runtime modules
in ``templates/python/runtime/`` are copied as they are.
"""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator import __version__
from generator.model import Api
from generator.plan import ClientPlan, MethodPlan
from generator.plan.types import (
    PARAMS_MODULE_NAMES,
    AliasPlan,
    ClassPlan,
    ListOf,
    TypeExpr,
    optional,
)
from generator.python_syntax import LINE_LENGTH, python_literal, string_literal, width
from generator.render import Files, RenderOptions
from generator.render.python import layout
from generator.render.python.methods import MODELS, MethodView, escape_docstring
from generator.render.python.resources import fits, resource_tree
from generator.render.python.types import (
    BUILTINS,
    annotation,
    mentions_declarations,
    names,
)
from generator.templating import environment, templates_dir

PACKAGE = "python/openai_client"
#: The package's distribution name (``pip install`` / ``pip uninstall``).
DISTRIBUTION = "openai-client"
_RELEASE = re.compile(r"\d+(?:\.\d+)*")
_NOT_LOCAL = re.compile(r"[^A-Za-z0-9]+")

#: Import groups, each a list of (module, names), in the order written;
#: no names: ``import module``.
_ImportTable = tuple[tuple[tuple[str, tuple[str, ...]], ...], ...]

#: What ``_client.py`` may import.
#: Method bodies name the models module ``_api_models``: an argument (of
#: the signature, resolved in the module scope) may be called ``models``.
_CLIENT_IMPORTS: _ImportTable = (
    (
        ("builtins", ()),
        ("collections.abc", ("Iterable", "Mapping")),
        ("functools", ("cached_property",)),
        ("typing", ("Any", "Literal", "overload")),
    ),
    (
        (".", ("models", "params")),
        (".", ("models as _api_models",)),
        ("._base_client", ("AsyncAPIClient", "SyncAPIClient")),
        ("._deprecated", ("renamed_keywords", "renamed_method")),
        ("._pagination", ("AsyncPaginator", "SyncCursorPage")),
        ("._request", ("RequestOptions", "path_param")),
        (
            "._response",
            (
                "BinaryResponse",
                "async_to_raw_response_wrapper",
                "async_to_streamed_response_wrapper",
                "to_raw_response_wrapper",
                "to_streamed_response_wrapper",
            ),
        ),
        ("._streaming", ("AsyncStream", "Stream")),
        (
            "._types",
            ("NOT_GIVEN", "FileTypes", "Headers", "NotGiven", "Query", "Timeout"),
        ),
    ),
)
#: What ``models.py`` may import.
_MODELS_IMPORTS: _ImportTable = (
    (("typing", ("TYPE_CHECKING", "Any", "Literal", "TypeAlias")),),
    (
        ("._deprecated", ("renamed_attribute",)),
        ("._models", ("BaseModel", "IterableData", "field")),
        ("._types", ("FileTypes",)),
    ),
)
#: The runtime module of deprecated aliases, written only when there are some.
_DEPRECATED_RUNTIME = "_deprecated.py"
#: What ``params.py`` may import.
_PARAMS_IMPORTS: _ImportTable = (
    (
        ("collections.abc", ("Iterable",)),
        ("typing", ("Any", "Literal", "Required", "TypeAlias", "TypedDict")),
    ),
    ((".", ("models",)), ("._types", ("FileTypes",))),
)
#: Names each kind of result adds to a method's signature or body.
_RESULT_NAMES = {
    "binary": {"BinaryResponse"},
    "stream": {"Stream", "AsyncStream"},
    "page": {"SyncCursorPage", "AsyncPaginator"},
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
    #: The base classes, as written in the class statement.
    bases: str = "BaseModel"


@dataclass(frozen=True)
class ParamsClassView:
    """A TypedDict; ``functional`` when a key cannot be a class attribute (the
    fields' names and annotations are then string literals)."""

    name: str
    docstring: str
    functional: bool
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class AliasView:
    name: str
    target: str
    docstring: str


def render(api: Api, plan: ClientPlan, options: RenderOptions) -> Files:
    """The files of the client package for ``api``, as ``plan`` lays it out."""
    methods, classes, aliases = plan.methods, plan.classes, plan.aliases
    declared = frozenset(d.name for d in (*classes, *aliases))
    env = environment("python")
    env.filters.update(
        statement=layout.statement,
        parameter=layout.parameter,
        return_tail=layout.return_tail,
        docstring=layout.docstring,
        python_literal=python_literal,
        fits=fits,
    )
    mixins = dict(options.model_mixins)
    class_views = [
        _class_view(c, declared, mixins.get(c.component or "")) for c in classes
    ]
    mixin_modules = sorted(
        {
            mixins[c.component].partition(":")[0]
            for c in classes
            if c.component in mixins
        }
    )
    shadowed = BUILTINS & {m.name for m in methods}
    root, nodes = resource_tree([MethodView(m, shadowed) for m in methods])
    param_declared = frozenset(
        d.name for d in (*plan.param_classes, *plan.param_aliases)
    )
    context = {
        "title": escape_docstring(api.title),
        "base_url": python_literal(api.default_server),
        "root": root,
        "nodes": nodes,
        "classes": class_views,
        "aliases": [_alias_view(a) for a in aliases],
        "renamed_models": plan.renamed_models,
        "param_classes": [
            _params_class_view(c, param_declared) for c in plan.param_classes
        ],
        "param_aliases": [_alias_view(a) for a in plan.param_aliases],
        "client_imports": _imports(_CLIENT_IMPORTS, _client_names(methods, shadowed)),
        "models_imports": _with_group(
            _imports(
                _MODELS_IMPORTS,
                _models_names(classes, class_views, aliases, bool(plan.renamed_models)),
            ),
            [f"import {module}" for module in mixin_modules],
        ),
        "params_imports": _imports(_PARAMS_IMPORTS, _params_names(plan)),
    }
    files: Files = {}
    for module in ("__init__.py", "models.py", "params.py", "_client.py"):
        files[f"{PACKAGE}/{module}"] = env.get_template(module + ".j2").render(context)
    files[f"{PACKAGE.rpartition('/')[0]}/pyproject.toml"] = env.get_template(
        "pyproject.toml.j2"
    ).render(
        distribution=DISTRIBUTION,
        module=PACKAGE.rpartition("/")[2],
        version=package_version(api.version),
        description=json.dumps(f"Typed Python client of the {api.title}"),
    )
    runtime = templates_dir() / "python" / "runtime"
    deprecated = bool(plan.renamed_models) or any(
        m.deprecated_names or m.renamed_keywords for m in methods
    )
    for path in sorted(runtime.iterdir()):
        if path.name == _DEPRECATED_RUNTIME and not deprecated:
            continue
        if path.is_file() and (path.suffix == ".py" or path.name == "py.typed"):
            files[f"{PACKAGE}/{path.name}"] = path.read_text(encoding="utf-8")
    return files


def package_version(spec_version: str) -> str:
    """The package's PEP 440 version: the spec's release, the generator's
    version as local label (``2.3.0+generator.0.1.0``).

    A spec version that is not a plain release (``2024-10-01-preview``)
    gives its leading numbers (or ``0``) and joins the label whole.
    """
    spec_version = spec_version.strip()
    label = f"generator.{__version__}"
    if _RELEASE.fullmatch(spec_version):
        return f"{spec_version}+{label}"
    match = _RELEASE.match(spec_version)
    rest = _NOT_LOCAL.sub(".", spec_version).strip(".")
    return f"{match.group() if match else '0'}+{rest + '.' if rest else ''}{label}"


def _class_view(
    plan: ClassPlan, declared: frozenset[str], mixin: str | None
) -> ClassView:
    """The class statement's view; ``mixin`` is a hand-written base class
    (``package.module:Class``), written first so its members take effect."""
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
        bases=(f"{mixin.replace(':', '.')}, " if mixin else "")
        + (
            "IterableData, BaseModel"
            if _lists_without_cursor(plan, attributes)
            else "BaseModel"
        ),
    )


def _lists_without_cursor(plan: ClassPlan, attributes: dict[str, str]) -> bool:
    """Whether ``plan`` is a list result without a cursor (``data`` is an array,
    no ``has_more``), which the runtime's ``IterableData`` makes iterable."""
    fields = {f.wire_name: f for f in plan.fields}
    data = fields.get("data")
    return (
        data is not None
        and attributes["data"] == "data"
        and isinstance(data.type, ListOf)
        and "has_more" not in fields
    )


def _params_class_view(plan: ClassPlan, declared: frozenset[str]) -> ParamsClassView:
    """Required keys are marked (``total=False``, ``Required[...]``); a key
    that is not a plain identifier, or would shadow a name the annotations
    use, makes the TypedDict functional."""
    functional = not all(
        f.wire_name.isidentifier()
        and f.wire_name.isascii()
        and not keyword.iskeyword(f.wire_name)
        and not f.wire_name.startswith("__")
        and f.wire_name not in PARAMS_MODULE_NAMES
        and f.wire_name not in declared
        for f in plan.fields
    )
    fields = []
    for f in plan.fields:
        text = annotation(f.type, MODELS)
        text = f"Required[{text}]" if f.required else text
        fields.append(
            FieldView(
                name=python_literal(f.wire_name) if functional else f.wire_name,
                annotation=_quoted(text) if functional else text,
                default="",
                docstring="",
            )
        )
    return ParamsClassView(
        name=plan.name,
        docstring=escape_docstring(plan.description or ""),
        functional=functional,
        fields=tuple(fields),
    )


def _quoted(text: str) -> str:
    """``text`` as a string literal (a forward reference)."""
    return string_literal(text.replace("\\", "\\\\").replace('"', '\\"'))


def _alias_view(plan: AliasPlan) -> AliasView:
    return AliasView(
        name=plan.name,
        target=annotation(plan.target, MODELS if plan.request else ""),
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
            if not imported and module in used:
                lines.append(f"import {module}")
            elif kept:
                lines.append(_import_line(module, kept))
        if lines:
            groups.append(lines)
    return groups


def _with_group(groups: list[list[str]], lines: list[str]) -> list[list[str]]:
    """``groups`` with ``lines`` (imports of hand-written code) before the
    package's own, relative imports: the last group."""
    if not lines:
        return groups
    return [*groups[:-1], lines, *groups[-1:]]


def _import_line(module: str, names: Sequence[str]) -> str:
    """``from module import names``, parenthesised one name a line if too long."""
    line = f"from {module} import {', '.join(names)}"
    if width(line) <= LINE_LENGTH:
        return line
    return f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"


def _client_names(methods: Sequence[MethodPlan], shadowed: frozenset[str]) -> set[str]:
    """The names ``_client.py`` uses, as its template writes the ``methods``
    (``builtins`` for the ``shadowed`` builtins of signatures)."""
    used = {"AsyncAPIClient", "SyncAPIClient", "cached_property"}
    if methods:
        used |= {
            "to_raw_response_wrapper",
            "to_streamed_response_wrapper",
            "async_to_raw_response_wrapper",
            "async_to_streamed_response_wrapper",
        }
    for method in methods:
        used |= {"Mapping", "RequestOptions", "NOT_GIVEN", "NotGiven"}
        used |= {"Headers", "Query", "Timeout"}
        used |= _RESULT_NAMES.get(method.result, set())
        if method.by_location("path"):
            used.add("path_param")
        if method.by_location("file"):
            used.add("FileTypes")  # the ``file_parts`` annotation
        if method.renamed_keywords:
            used.add("renamed_keywords")
        if method.deprecated_names:
            used.add("renamed_method")
        # Types written in the method body: ``cast_to`` and the element type.
        body: list[TypeExpr] = []
        if method.result in ("json", "stream_or_json"):
            body.append(method.returns)
        if method.result in ("stream", "page", "stream_or_json"):
            body.append(method.element)
        signature = [*(a.type for a in method.arguments), *body]
        mentioned = names(signature)
        used |= mentioned
        if shadowed & mentioned:
            used.add("builtins")
        if mentions_declarations(signature):
            used.add("models")
        if mentions_declarations(signature, request=True):
            used.add("params")
        if mentions_declarations(body):
            used.add("_api_models")
    return used


def _params_names(plan: ClientPlan) -> set[str]:
    """The names ``params.py`` uses for the plan's request declarations."""
    types = [
        *(f.type for c in plan.param_classes for f in c.fields),
        *(a.target for a in plan.param_aliases),
    ]
    used = names(types)
    if plan.param_classes:
        used.add("TypedDict")
    if any(f.required for c in plan.param_classes for f in c.fields):
        used.add("Required")
    if plan.param_aliases:
        used.add("TypeAlias")
    if mentions_declarations(types):
        used.add("models")
    return used


def _models_names(
    classes: Sequence[ClassPlan],
    views: Sequence[ClassView],
    aliases: Sequence[AliasPlan],
    renamed: bool,
) -> set[str]:
    """The names ``models.py`` uses for these declarations (and the
    deprecated aliases, when ``renamed``)."""
    used = names(
        [*(f.type for c in classes for f in c.fields), *(a.target for a in aliases)]
    )
    if classes:
        used.add("BaseModel")
    if any(v.bases != "BaseModel" for v in views):
        used.add("IterableData")
    if aliases or renamed:
        used.add("TypeAlias")
    if renamed:
        used |= {"TYPE_CHECKING", "Any", "renamed_attribute"}
    if any(f.default.startswith(" = field(") for v in views for f in v.fields):
        used.add("field")
    return used
