"""POD reference pages in the exact layout of the Perl distribution OpenAPI::Client::OpenAI.

One page per API path (``pod/OpenAPI/Client/OpenAI/Path/<name>.pod``) and the
index ``pod/OpenAPI/Client/OpenAI/Path.pod``.  The rules are the Perl
documentation builder's: paths and methods sorted, summaries and
descriptions converted from Markdown (:mod:`pod_markup`), parameter and
response descriptions printed as written, examples built by
:mod:`pod_examples`.  This module turns the model into plain view records;
the templates in ``templates/pod/`` hold the layout.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import (
    Api,
    MediaType,
    Operation,
    Parameter,
    PathItem,
    Response,
    Schema,
)
from generator.naming import page_names
from generator.render import Files, RenderOptions
from generator.render.pod.examples import (
    ResponseExamples,
    perl_text,
    perl_true,
    request_example,
)
from generator.render.pod.markup import MarkdownToPod, escape_code, escape_raw
from generator.templating import environment

POD_DIR = "pod/OpenAPI/Client/OpenAI"


@dataclass(frozen=True)
class ParameterView:
    name: str
    location: str
    required: bool
    description: str
    type: str
    #: ``a, b`` when the schema has an enum, else ``None``.
    allowed: str | None
    #: The default when it is true in Perl's sense, else ``None``.
    default: str | None


@dataclass(frozen=True)
class ModelsView:
    description: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class BodyView:
    content_type: str
    description: str
    models: ModelsView | None
    example: str


@dataclass(frozen=True)
class MediaView:
    content_type: str
    example: str


@dataclass(frozen=True)
class ResponseView:
    status: str
    description: str
    content: tuple[MediaView, ...]


@dataclass(frozen=True)
class OperationView:
    method: str
    #: The id inside ``C<>`` (escaped) and as the Perl method name in the verbatim call line.
    operation_id: str
    call_name: str
    summary: str
    #: The summary as it continues the index's ``=item`` line.
    item_summary: str
    description: str
    parameters: tuple[ParameterView, ...]
    #: ``None`` when the operation takes no request body.
    request_body: tuple[BodyView, ...] | None
    responses: tuple[ResponseView, ...]


@dataclass(frozen=True)
class PageView:
    path: str
    name: str
    description: str
    operations: tuple[OperationView, ...]


def render(api: Api, plan: object, options: RenderOptions) -> Files:
    """All POD pages of ``api``: one per path plus the index.

    POD documents the spec as the Perl distribution does, not the Python
    client: it never reads the ``plan``.
    """
    del plan
    names = page_names(item.path for item in api.paths)
    to_pod = MarkdownToPod()
    examples = ResponseExamples()
    pages = [
        _page(item, names[item.path], to_pod, examples)
        for item in sorted(api.paths, key=lambda item: item.path)
    ]
    env = environment("pod")
    page_template = env.get_template("path_page.pod.j2")
    files: Files = {
        f"{POD_DIR}/Path/{page.name}.pod": page_template.render(
            page=page, copyright_years=options.copyright_years
        )
        for page in pages
    }
    files[f"{POD_DIR}/Path.pod"] = env.get_template("index.pod.j2").render(
        pages=pages, copyright_years=options.copyright_years
    )
    return files


def _page(
    item: PathItem, name: str, to_pod: MarkdownToPod, examples: ResponseExamples
) -> PageView:
    return PageView(
        path=escape_code(item.path),
        name=name,
        description=to_pod(item.description),
        operations=tuple(
            _operation(op, to_pod, examples)
            for op in sorted(item.operations, key=lambda op: op.method)
        ),
    )


def _operation(
    op: Operation, to_pod: MarkdownToPod, examples: ResponseExamples
) -> OperationView:
    body = op.request_body
    return OperationView(
        method=op.method.upper(),
        operation_id=escape_code(op.operation_id),
        call_name=" ".join(op.operation_id.split("\n")),
        summary=to_pod(op.summary),
        item_summary=to_pod(op.summary, in_item=True),
        description=to_pod(op.description),
        parameters=tuple(_parameter(p) for p in op.parameters),
        request_body=(
            None
            if body is None
            else tuple(_body(media, to_pod) for media in _by_content_type(body.content))
        ),
        responses=tuple(
            _response(r, examples) for r in sorted(op.responses, key=lambda r: r.status)
        ),
    )


def _parameter(param: Parameter) -> ParameterView:
    schema = param.schema or Schema()
    default = schema.default
    return ParameterView(
        name=escape_code(param.name),
        location=escape_raw(param.location),
        required=param.required,
        description=escape_raw(param.description),
        type=escape_code(_type_text(schema)),
        allowed=(
            None
            if schema.enum is None
            else escape_code(", ".join(perl_text(v) for v in schema.enum))
        ),
        default=escape_code(perl_text(default)) if perl_true(default) else None,
    )


def _type_text(schema: Schema) -> str:
    """The ``type`` keyword as text; a 3.1 type list reads ``a | b``."""
    return " | ".join(schema.types)


def _body(media: MediaType, to_pod: MarkdownToPod) -> BodyView:
    schema = media.schema
    return BodyView(
        content_type=escape_code(media.content_type),
        description=escape_raw(schema.description if schema else None),
        models=_models(schema, to_pod),
        example=request_example(schema),
    )


def _models(schema: Schema | None, to_pod: MarkdownToPod) -> ModelsView | None:
    """The ``Models`` list: the enum of the body's ``model`` property, when it has one.

    The property must have a description and an ``anyOf`` member with both a
    ``type`` and an ``enum`` (the listed values are that member's).
    """
    model = schema.properties.get("model") if schema else None
    if model is None or not model.description:
        return None
    for member in model.any_of:
        if member.type is not None and member.enum is not None:
            return ModelsView(
                description=to_pod(model.description),
                values=tuple(escape_code(perl_text(v)) for v in member.enum),
            )
    return None


def _response(response: Response, examples: ResponseExamples) -> ResponseView:
    return ResponseView(
        status=escape_code(response.status),
        description=escape_raw(response.description),
        content=tuple(
            MediaView(
                content_type=escape_code(media.content_type),
                example=examples(media.schema),
            )
            for media in _by_content_type(response.content)
        ),
    )


def _by_content_type(content: Iterable[MediaType]) -> list[MediaType]:
    return sorted(content, key=lambda media: media.content_type)
