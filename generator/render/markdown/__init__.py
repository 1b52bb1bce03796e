"""The Markdown reference docs: an index, one page per API path, one per schema.

Layout (all under ``markdown/``):

* ``README.md``: the API, its authentication, and every operation grouped by
  tag, each linked to its section;
* ``paths/<page name>.md`` (the POD page name): one page per path, one section per
  operation (anchor: the method's path on the client, ``chat.completions.create``);
* ``schemas/<Name>.md``: one page per component schema, and
  ``schemas/README.md`` listing them.

Why one page per *path* rather than per tag: a path is the API's own stable
identity, so a page's name never changes when OpenAI re-tags an operation,
the pages line up one to one with the POD pages of the same paths, and a
change to one endpoint shows up in the diff of one small file.  Component
schemas get pages of their own because many operations share them: every page
links to them instead of repeating (or endlessly expanding) them, and each
schema page lists what uses it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import NamedTuple
from urllib.parse import quote

import jinja2

from generator.model import (
    MISSING,
    Api,
    Operation,
    Parameter,
    Response,
    Schema,
)
from generator.model.media_types import is_json, request_media
from generator.model.shape import union_members
from generator.naming import page_names
from generator.plan import ClientPlan, MethodPlan
from generator.render import Files, RenderOptions
from generator.render.markdown.fields import FieldRow, SchemaFormatter
from generator.render.markdown.snippets import (
    curl_command,
    example_request,
    python_call,
)
from generator.render.markdown.text import (
    block,
    cell,
    code_block,
    code_span,
    escape_cell,
    first_paragraph,
    plain_text,
)
from generator.templating import environment

#: Heading level of an operation's section on a path page.
_OPERATION_LEVEL = 2
_UNTAGGED = "Other"

# What the templates show is handed to them as named tuples: immutable like
# frozen dataclasses, and several times cheaper to build (a render builds
# thousands of rows and links).


class Link(NamedTuple):
    label: str
    url: str


class ParameterRow(NamedTuple):
    name: str
    location: str
    type: str
    required: str
    default: str
    allowed: str
    description: str


class ResponseRow(NamedTuple):
    status: str
    content_types: str
    type: str
    description: str


class Body(NamedTuple):
    """A request or response body: its type and, for objects, its field table."""

    heading: str
    content_types: str
    description: str
    type: str
    rows: Sequence[FieldRow]


class OperationView(NamedTuple):
    anchor: str
    title: str
    method: str
    path: str
    #: ``METHOD /path`` as a code span.
    endpoint: str
    text: str
    #: The operation ID as a code span.
    operation_id: str
    python_method: str
    #: The method's deprecated aliases (names before a spec rename), as code.
    python_aliases: Sequence[str]
    tags: Sequence[str]
    deprecated: bool
    authentication: Sequence[str]
    parameters: Sequence[ParameterRow]
    request: Body | None
    responses: Sequence[ResponseRow]
    #: What the call returns, in the spec's words (``x-oaiMeta.returns``).
    returns: str
    response: Body | None
    example_body: str
    #: Where the example body comes from, for its caption.
    example_body_from_spec: bool
    curl: str
    python: str
    example_response: str


class SchemaView(NamedTuple):
    name: str
    text: str
    type: str
    variants: Sequence[Variant]
    discriminator: str
    rows: Sequence[FieldRow]
    allowed: str
    example: str


class _FieldTables:
    """The ``fields`` macro of ``_tables.md.j2``, each table rendered once.

    Field tables are memoised by the formatter (a request schema's table is
    on its operation's page and on the schema's own page): rendering each
    list of rows once keeps the whole render fast.
    """

    def __init__(self, env: jinja2.Environment) -> None:
        self._macro = env.get_template("_tables.md.j2").module.fields  # type: ignore[attr-defined]
        self._done: dict[int, tuple[Sequence[FieldRow], str]] = {}

    def __call__(self, rows: Sequence[FieldRow]) -> str:
        found = self._done.get(id(rows))
        if found is None or found[0] is not rows:
            found = self._done[id(rows)] = (rows, str(self._macro(rows)))
        return found[1]


def _page_macro(env: jinja2.Environment, template: str) -> Callable[..., str]:
    """The ``page`` macro of ``template``: one page per call.

    The templates of the pages written by the hundred hold their layout in a
    macro, as a macro call costs a third of a template render.
    """
    return env.get_template(template).module.page  # type: ignore[attr-defined,no-any-return]


def render(api: Api, plan: ClientPlan, options: RenderOptions) -> Files:
    """Every Markdown page of ``api``: relative path -> text.

    The examples and the "Python:" lines name the client's methods and
    arguments as ``plan`` does.
    """
    del options  # nothing in the Markdown docs depends on the options
    return _DocsBuild(api, plan).files()


class _DocsBuild:
    """One render: the pages, and who links to which schema ("Used by")."""

    def __init__(self, api: Api, plan: ClientPlan) -> None:
        self.api = api
        self.plan = plan
        self.env = environment("markdown")
        self.formatter = SchemaFormatter(api.schemas)
        self.field_table = _FieldTables(self.env)
        self.page_names = page_names(item.path for item in api.paths)
        #: Component name -> the pages that link to it.
        self.users: dict[str, set[Link]] = defaultdict(set)
        #: Tag -> (operation, Python method, URL of its section), in spec order.
        self.index: dict[str, list[tuple[Operation, str, str]]] = defaultdict(list)

    def files(self) -> Files:
        files = self._path_pages()
        files.update(self._schema_pages())  # after the paths: their links are known
        files["markdown/README.md"] = self.env.get_template("index.md.j2").render(
            api=self.api,
            title=plain_text(f"{self.api.title} {self.api.version}"),
            server=code_span(self.api.default_server),
            description=block(self.api.description, 1) if self.api.description else "",
            authentication=_authentication(
                self.api, [s.name for s in self.api.security_schemes]
            ),
            tags=_tag_sections(self.api, self.index),
            has_schemas=bool(self.api.schemas),
        )
        return dict(sorted(files.items()))

    def _path_pages(self) -> Files:
        page = _page_macro(self.env, "path.md.j2")
        files: Files = {}
        for item in self.api.paths:
            name = self.page_names[item.path]
            views = []
            for operation in item.operations:
                with self.formatter.tracking_links() as linked:
                    view = _operation_view(
                        self.api,
                        operation,
                        self.plan.method_for(operation),
                        self.formatter,
                    )
                views.append(view)
                url = f"paths/{quote(name)}.md#{view.anchor}"
                for tag in operation.tags or (_UNTAGGED,):
                    self.index[tag].append((operation, view.python_method, url))
                user = Link(plain_text(f"{view.method} {view.path}"), f"../{url}")
                for schema_name in linked:
                    self.users[schema_name].add(user)
            files[f"markdown/paths/{name}.md"] = page(
                path=code_span(item.path),
                operations=views,
                field_table=self.field_table,
            )
        return files

    def _schema_pages(self) -> Files:
        schemas = self.api.schemas
        views = []
        for name, schema in schemas.items():
            with self.formatter.tracking_links() as linked:
                views.append(_schema_view(name, schema, self.formatter))
            user = Link(plain_text(name), self.formatter.page(name))
            for target in linked - {name}:
                self.users[target].add(user)
        page = _page_macro(self.env, "schema.md.j2")
        files = {
            f"markdown/schemas/{self.formatter.stems[view.name]}.md": page(
                schema=view,
                title=plain_text(view.name),
                used_by=sorted(self.users[view.name]),
                field_table=self.field_table,
            )
            for view in views
        }
        if schemas:
            index = self.env.get_template("schemas_index.md.j2")
            files["markdown/schemas/README.md"] = index.render(
                schemas=[
                    (
                        self.formatter.link(name),
                        first_paragraph(
                            schemas[name].description or schemas[name].title
                        ),
                    )
                    for name in sorted(schemas)
                ],
            )
        return files


# -- operations ------------------------------------------------------------------
def _operation_view(
    api: Api, operation: Operation, method: MethodPlan, formatter: SchemaFormatter
) -> OperationView:
    """An operation's section; its anchor is the method's path on the client (unique)."""
    request = example_request(operation)
    media = request_media(operation)
    texts = [t for t in (operation.summary, operation.description) if t]
    title = _title(operation)
    if texts and " ".join(texts[0].split()) == title:
        texts = texts[1:]
    return OperationView(
        anchor=method.dotted,
        title=plain_text(title),
        method=operation.method.upper(),
        path=operation.path,
        endpoint=code_span(f"{operation.method.upper()} {operation.path}"),
        text="\n\n".join(block(t, _OPERATION_LEVEL) for t in texts),
        operation_id=code_span(operation.operation_id),
        python_method=method.dotted,
        python_aliases=[
            *(
                code_span(f"client.{'.'.join((*method.resource, old))}()")
                for old in method.deprecated_names
            ),
            *(
                f"{code_span(old + '=')} (now {code_span(new + '=')})"
                for old, new in method.renamed_keywords
            ),
        ],
        tags=[plain_text(tag) for tag in operation.tags],
        deprecated=operation.deprecated,
        authentication=_authentication(api, operation.security),
        parameters=[_parameter_row(p, formatter) for p in operation.parameters],
        request=(
            None
            if operation.request_body is None
            else _body(
                "Request body",
                [m.content_type for m in operation.request_body.content],
                operation.request_body.description,
                None if media is None else media.schema,
                formatter,
            )
        ),
        responses=[_response_row(r, formatter) for r in operation.responses],
        returns=(
            block(operation.meta_returns, _OPERATION_LEVEL + 1)
            if operation.meta_returns
            else ""
        ),
        response=_success_body(operation, formatter),
        example_body=(
            code_block(json.dumps(request.body, indent=2, ensure_ascii=False), "json")
            if request.is_json
            else ""
        ),
        example_body_from_spec=request.body_from_spec,
        curl=code_block(curl_command(api, operation, request), "sh"),
        python=code_block(python_call(operation, request, method), "python"),
        example_response=_example_response(operation),
    )


def _title(operation: Operation) -> str:
    """A one-line heading: ``x-oaiMeta`` name, a one-line summary, or the operation ID."""
    if operation.meta_name:
        return " ".join(operation.meta_name.split())
    summary = " ".join((operation.summary or "").split())
    if summary and "\n" not in (operation.summary or "").strip() and len(summary) <= 80:
        return summary
    return operation.operation_id


def _authentication(api: Api, names: Sequence[str]) -> list[str]:
    """One line per security scheme that can authenticate the call."""
    lines = []
    for scheme in api.security_schemes:
        if scheme.name not in names:
            continue
        if scheme.type == "http" and (scheme.scheme or "").lower() == "bearer":
            how = "HTTP bearer token, sent as `Authorization: Bearer <key>`"
        elif scheme.type == "http":
            how = f"HTTP {plain_text(scheme.scheme or 'authentication')}"
        else:
            how = plain_text(scheme.type)
        description = f" {cell(scheme.description)}" if scheme.description else ""
        lines.append(f"{code_span(scheme.name)}: {how}.{description}")
    return lines


def _parameter_row(parameter: Parameter, formatter: SchemaFormatter) -> ParameterRow:
    schema = parameter.schema or Schema()
    description = cell(parameter.description or "") or formatter.description(schema)
    if parameter.deprecated:
        description = f"**Deprecated.** {description}".strip()
    return ParameterRow(
        name=escape_cell(code_span(parameter.name)),
        location=plain_text(parameter.location),
        type=escape_cell(formatter.type_of(schema)),
        required="yes" if parameter.required else "no",
        default=escape_cell(formatter.default(schema)),
        allowed=escape_cell(formatter.allowed(schema)),
        description=description,
    )


def _body(
    heading: str,
    content_types: Sequence[str],
    description: str | None,
    schema: Schema | None,
    formatter: SchemaFormatter,
) -> Body:
    """A body: described by its component link (if any) and its expanded fields."""
    return Body(
        heading=heading,
        content_types=", ".join(code_span(c) for c in content_types),
        description=block(description, _OPERATION_LEVEL + 1) if description else "",
        type="" if schema is None else formatter.type_of(schema),
        rows=[] if schema is None else formatter.rows(schema),
    )


def _response_row(response: Response, formatter: SchemaFormatter) -> ResponseRow:
    schemas = [m.schema for m in response.content if m.schema is not None]
    return ResponseRow(
        status=escape_cell(code_span(response.status)),
        content_types=escape_cell(
            ", ".join(code_span(m.content_type) for m in response.content)
        ),
        type=escape_cell(formatter.type_of(schemas[0])) if schemas else "",
        description=cell(response.description or ""),
    )


def _success_body(operation: Operation, formatter: SchemaFormatter) -> Body | None:
    """The fields of the first success response with a JSON object schema."""
    for response in operation.responses:
        if not response.status.startswith("2"):
            continue
        for media in response.content:
            if media.schema is not None and is_json(media.content_type):
                if not formatter.shape(media.schema)[0]:
                    return None
                return _body(
                    f"Response `{response.status}`",
                    [media.content_type],
                    None,
                    media.schema,
                    formatter,
                )
    return None


def _example_response(operation: Operation) -> str:
    """The spec's own example response (``x-oaiMeta``), verbatim."""
    for sample in operation.code_samples:
        if sample.response:
            language = "json" if sample.response.lstrip().startswith(("{", "[")) else ""
            return code_block(sample.response, language)
    return ""


# -- index -----------------------------------------------------------------------
class IndexEntry(NamedTuple):
    link: Link
    method: str
    path: str
    python: str
    deprecated: bool


class TagSection(NamedTuple):
    name: str
    description: str
    entries: Sequence[IndexEntry]


def _tag_sections(
    api: Api, index: dict[str, list[tuple[Operation, str, str]]]
) -> list[TagSection]:
    """Tags in the spec's order, then undeclared tags sorted, then untagged operations."""
    declared = [t.name for t in api.tags if t.name in index]
    extra = sorted(t for t in index if t not in declared and t != _UNTAGGED)
    order = [*declared, *extra, *([_UNTAGGED] if _UNTAGGED in index else [])]
    descriptions = {t.name: t.description for t in api.tags}
    return [
        TagSection(
            name=plain_text(tag),
            description=(
                block(descriptions[tag] or "", 2) if descriptions.get(tag) else ""
            ),
            entries=[
                IndexEntry(
                    link=Link(plain_text(_title(op)), url),
                    method=op.method.upper(),
                    path=escape_cell(code_span(op.path)),
                    python=python,
                    deprecated=op.deprecated,
                )
                for op, python, url in index[tag]
            ],
        )
        for tag in order
    ]


# -- schemas ---------------------------------------------------------------------
class Variant(NamedTuple):
    number: int
    #: The member's type; empty for an inline object (its fields get a section).
    type: str
    #: The discriminator value(s) selecting this variant, as code spans.
    selector: str
    #: The fields of an inline object variant (shown in a table of its own).
    rows: Sequence[FieldRow]


def _schema_view(name: str, schema: Schema, formatter: SchemaFormatter) -> SchemaView:
    node = formatter.unwrap(schema)
    members = union_members(node)
    selectors = _selectors(node, formatter)
    if members:
        type_ = (
            "one of the variants below" if node.one_of else "any of the variants below"
        )
    else:
        # An alias of another component links to it; otherwise describe this one.
        type_ = formatter.describe(node) if node is schema else formatter.type_of(node)
    return SchemaView(
        name=name,
        text=block(schema.description, 1) if schema.description else "",
        type=type_,
        variants=[
            Variant(
                number=i,
                type="" if formatter.inline_object(m) else formatter.type_of(m),
                selector=", ".join(
                    code_span(v) for v in selectors.get(formatter.unwrap(m), [])
                ),
                rows=formatter.rows(m) if formatter.inline_object(m) else [],
            )
            for i, m in enumerate(members, 1)
        ],
        discriminator=(
            ""
            if node.discriminator is None
            else code_span(node.discriminator.property_name)
        ),
        rows=formatter.rows(node),
        allowed=formatter.allowed(node),
        example=(
            code_block(schema.oai_meta_example, "json")
            if schema.oai_meta_example
            else ""
        ),
    )


def _selectors(node: Schema, formatter: SchemaFormatter) -> dict[Schema, list[str]]:
    """Discriminator value(s) per union member: from ``mapping``, else the member's constant."""
    if node.discriminator is None:
        return {}
    found: dict[Schema, list[str]] = defaultdict(list)
    for value, target in sorted(node.discriminator.mapping.items()):
        found[formatter.unwrap(target)].append(value)
    for member in union_members(node):
        member = formatter.unwrap(member)
        prop = formatter.shape(member)[0].get(node.discriminator.property_name)
        if member in found or prop is None:
            continue
        prop = formatter.unwrap(prop)
        values = [prop.const] if prop.const is not MISSING else list(prop.enum or ())
        found[member] = [v for v in values if isinstance(v, str)]
    return found
