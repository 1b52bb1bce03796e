"""The Markdown docs name what the generated client really has.

A spec whose operation IDs and argument names collide with each other and
with the client's own names: the docs' Python examples must call the
methods, with the arguments, of the client generated from the same spec
(imported here, not re-derived).
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from markdown_support import PARSER, table_rows
from python_client_support import client_method, import_package, write_package
from rendering import rendered
from spec_builder import obj, ok, operation, param, request_body, spec, string

from generator.model.build import build_api
from generator.naming import pod_page_name
from generator.render import Files, RenderOptions, markdown


def _clashing_spec() -> dict[str, Any]:
    responses = ok(obj({"id": string()}), description="OK.")
    settings = obj(
        {
            "turn_detection": obj(
                {"type": string()},
                description="Can be set to `null` to turn off.",
            ),
            "mode": string(default=None),
            "name": string(),
            "label": string(description="Can be set to `null`."),
            "note": {"type": ["string", "null"]},
        },
        required=["label"],
    )
    return spec(
        {
            "/{session}/close": {
                # ``close`` is a method of the runtime client already.
                "post": operation(
                    "close",
                    parameters=[param("session", "path", required=True)],
                    responses=responses,
                )
            },
            "/files": {
                "get": operation(
                    "listFiles",
                    # ``response`` and ``spec`` are locals of the method body.
                    parameters=[
                        param("response", required=True),
                        param("request_options", required=True),
                    ],
                    responses=responses,
                )
            },
            "/settings": {
                "post": operation(
                    "updateSettings",
                    body=request_body(settings, required=True),
                    responses=responses,
                )
            },
            "/files?v=2": {
                # The same method path as ``listFiles``.
                "get": operation("list-files", responses=responses)
            },
        },
        title="Clashes",
        servers=["https://api.example.test/v1"],
    )


@pytest.fixture(scope="module")
def docs_and_client(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Files, ModuleType]:
    """The docs and the imported client package of the clashing spec."""
    api = build_api(_clashing_spec())
    root: Path = tmp_path_factory.mktemp("docs_match_client")
    write_package(api, root, "docs_match_client")
    return rendered(markdown.render, api, RenderOptions()), import_package(
        root, "docs_match_client"
    )


def _example_call(files: Files, path: str) -> ast.Call:
    """The ``client.<method path>(...)`` call on the page of ``path`` (one operation each)."""
    page = files[f"markdown/paths/{pod_page_name(path)}.md"]
    (call,) = [
        node
        for token in PARSER.parse(page)
        if token.type == "fence" and token.info == "python"
        for node in ast.walk(ast.parse(token.content))
        if isinstance(node, ast.Call) and ast.unparse(node.func).startswith("client.")
    ]
    return call


def _method_name(call: ast.Call) -> str:
    """``chat.completions.create`` of ``client.chat.completions.create(...)``."""
    return ast.unparse(call.func).removeprefix("client.")


def test_examples_call_the_client_s_own_methods(
    docs_and_client: tuple[Files, ModuleType],
) -> None:
    files, package = docs_and_client
    names = []
    for endpoint in ("POST /{session}/close", "GET /files", "GET /files?v=2"):
        path = endpoint.split()[1]
        name = _method_name(_example_call(files, path))
        # An undocumented operation's docstring is its HTTP line.
        for client in (package.Client, package.AsyncClient):
            assert inspect.getdoc(client_method(client, name)) == endpoint
        page = files[f"markdown/paths/{pod_page_name(path)}.md"]
        assert f"- Python: `client.{name}()`" in page
        assert f'<a id="{name}"></a>' in page
        assert f"`{name}`" in files["markdown/README.md"]
        names.append(name)
    assert names == ["close_2", "files.list", "files.list_files"]


def test_examples_pass_the_client_s_own_argument_names(
    docs_and_client: tuple[Files, ModuleType],
) -> None:
    files, package = docs_and_client
    call = _example_call(files, "/files")
    method = client_method(package.Client, _method_name(call))
    keywords = {str(k.arg): ast.literal_eval(k.value) for k in call.keywords}
    # ``response`` and ``request_options`` would shadow the method body's locals.
    assert keywords.keys() == {"response_2", "request_options_2"}
    parameters = inspect.signature(method).parameters
    required = {
        name
        for name, p in parameters.items()
        if p.kind is p.KEYWORD_ONLY and p.default is p.empty
    }
    assert keywords.keys() == required
    inspect.signature(method).bind(object(), **keywords)


def test_field_tables_say_null_where_the_client_accepts_none(
    docs_and_client: tuple[Files, ModuleType],
) -> None:
    files, package = docs_and_client
    page = files[f"markdown/paths/{pod_page_name('/settings')}.md"]
    method = client_method(
        package.Client, _method_name(_example_call(files, "/settings"))
    )
    parameters = inspect.signature(method).parameters
    rows = table_rows(page)
    header = rows.index(
        [
            "Field",
            "Type",
            "Required",
            "Nullable",
            "Default",
            "Allowed values",
            "Description",
        ]
    )
    nullable = {}
    for row in rows[header + 1 :]:
        if not row:
            break
        name = row[0].strip("`")
        if "." not in name:
            nullable[name] = row[3]
    assert nullable == {
        "turn_detection": "yes (per description)",
        "mode": "yes (default is null)",
        "name": "no",
        "label": "no",  # required: ``null`` is not implied
        "note": "yes",
    }
    for name, cell in nullable.items():
        annotation = str(parameters[name].annotation).split(" | ")
        assert ("None" in annotation) == cell.startswith("yes"), name
