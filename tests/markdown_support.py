"""Shared by the Markdown tests: corpus specs, a synthetic spec, pages read back.

Pages are read back with markdown-it-py (CommonMark + GFM tables), never
with regular expressions: links are ``link_open`` tokens, anchors are the
``id`` of ``<a>`` tags in HTML tokens, table cells are ``td`` tokens.
Example values are validated with ``jsonschema`` against a JSON Schema built
here from the typed model.
"""

from __future__ import annotations

import ast
import functools
import lzma
import posixpath
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
import yaml_rs
from markdown_it import MarkdownIt
from markdown_it.token import Token
from rendering import rendered
from spec_builder import (
    MULTIPART,
    array,
    no_content,
    obj,
    ok,
    operation,
    param,
    ref,
    request_body,
    spec,
    string,
)

from generator.model import MISSING, Api, Schema
from generator.model.build import build_api
from generator.render import Files, RenderOptions, markdown

SPECS = Path(__file__).resolve().parents[1].parent / "shared" / "specs" / "openai"
PERL_2025_04 = "perl-client-2025-04-11-8f2ef4f.yaml.xz"
OPENAI_2025_04 = "openai-openapi-2025-04-29-498c71d.yaml.xz"
OPENAI_2026_08 = "openai-openapi-2026-08-21-f85dbe2.yaml.xz"
SEED = "create-realtime-transcription-session"

#: (spec file, seed operation only?) for every corpus case.
CASES = [(PERL_2025_04, True), (OPENAI_2025_04, False), (OPENAI_2026_08, False)]
CASE_IDS = ["2025-04-seed", "2025-04-all", "2026-08-all"]

PARSER = MarkdownIt("commonmark").enable("table")


# -- fixtures --------------------------------------------------------------------
@functools.cache
def corpus_spec(name: str) -> dict[str, Any]:
    path = SPECS / name
    if not path.is_file():
        pytest.skip(
            f"corpus spec {name} not found in {SPECS} (needs ../shared beside the repo)"
        )
    spec = yaml_rs.loads(lzma.open(path).read().decode(), parse_datetime=False)
    assert isinstance(spec, dict)
    return spec


@functools.cache
def corpus_api(name: str, seed_only: bool) -> Api:
    spec = corpus_spec(name)
    if not seed_only:
        return build_api(spec)
    selected = [
        (path, method)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and op.get("operationId") == SEED
    ]
    return build_api(spec, selected)


@functools.cache
def corpus_files(name: str, seed_only: bool) -> Files:
    return rendered(markdown.render, corpus_api(name, seed_only), RenderOptions())


# -- reading pages back -------------------------------------------------------------
def walk_tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from walk_tokens(token.children)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for key, value in attrs if key == "id" and value)


@functools.cache
def links_and_anchors(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The link targets and the anchor ids of a page (cached: pages are checked often)."""
    tokens = list(walk_tokens(PARSER.parse(text)))
    links = tuple(str(t.attrGet("href")) for t in tokens if t.type == "link_open")
    parser = _Ids()
    for token in tokens:
        if token.type in ("html_inline", "html_block"):
            parser.feed(token.content)
    return links, frozenset(parser.ids)


def table_rows(text: str) -> list[list[str]]:
    """Every table row (header rows included) as its cells' inline source."""
    rows: list[list[str]] = []
    for token in PARSER.parse(text):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows and token.level >= 3:
            rows[-1].append(token.content)
        elif token.type == "table_close":
            rows.append([])  # separates tables
    return rows


def tables(text: str) -> list[tuple[int, list[int]]]:
    """For each table: the header's cell count and every body row's cell count."""
    result: list[tuple[int, list[int]]] = []
    header = 0
    cells: list[int] = []
    in_head = False
    for token in PARSER.parse(text):
        if token.type == "thead_open":
            in_head, header = True, 0
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "th_open":
            header += 1
        elif token.type == "tr_open" and not in_head:
            cells.append(0)
        elif token.type == "td_open":
            cells[-1] += 1
        elif token.type == "table_close":
            result.append((header, cells))
            cells = []
    return result


def check_links(files: Files) -> list[str]:
    """Problems with the relative links of every page (empty when all resolve)."""
    anchors: dict[str, frozenset[str]] = {}
    links: dict[str, tuple[str, ...]] = {}
    for path, text in files.items():
        links[path], anchors[path] = links_and_anchors(text)
    problems = []
    for page, hrefs in links.items():
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            if parts.scheme or href.startswith("/"):
                problems.append(f"{page}: non-relative, non-web link {href!r}")
                continue
            target = (
                posixpath.normpath(
                    posixpath.join(posixpath.dirname(page), unquote(parts.path))
                )
                if parts.path
                else page
            )
            if target not in files:
                problems.append(f"{page}: link {href!r} -> missing file {target}")
            elif parts.fragment and unquote(parts.fragment) not in anchors[target]:
                problems.append(f"{page}: link {href!r} -> no anchor in {target}")
    return problems


# -- the typed model as JSON Schema (for the validator) -----------------------------
def json_schema(root: Schema, components: Mapping[str, Schema]) -> dict[str, Any]:
    definitions: dict[str, Any] = {}

    def convert(node: Schema, inline: bool = False) -> dict[str, Any]:
        if not inline and node.name is not None and components.get(node.name) is node:
            if node.name not in definitions:
                definitions[node.name] = {}
                definitions[node.name] = convert(node, inline=True)
            return {"$ref": f"#/$defs/{node.name}"}
        out: dict[str, Any] = {}
        if node.type is not None:
            out["type"] = node.type
        if node.enum is not None:
            out["enum"] = node.enum
        if node.const is not MISSING:
            out["const"] = node.const
        for key, value in (
            ("minimum", node.minimum),
            ("maximum", node.maximum),
            ("minItems", node.min_items),
            ("maxItems", node.max_items),
        ):
            if value is not None:
                out[key] = value
        if node.properties:
            out["properties"] = {k: convert(v) for k, v in node.properties.items()}
        if node.required:
            out["required"] = node.required
        if isinstance(node.additional_properties, bool):
            out["additionalProperties"] = node.additional_properties
        elif node.additional_properties is not None:
            out["additionalProperties"] = convert(node.additional_properties)
        if node.items is not None:
            out["items"] = convert(node.items)
        for key, members in (
            ("allOf", node.all_of),
            ("anyOf", node.any_of),
            ("oneOf", node.one_of),
        ):
            if members:
                out[key] = [convert(m) for m in members]
        return {"anyOf": [out, {"type": "null"}]} if node.nullable_flag else out

    converted = convert(root)
    return {**converted, "$defs": definitions}


def schema_errors(
    schema: Schema, value: object, components: Mapping[str, Schema]
) -> list[str]:
    validator = jsonschema.Draft202012Validator(json_schema(schema, components))
    return [
        f"{list(e.absolute_path)}: {e.message[:200]}"
        for e in validator.iter_errors(value)
    ]


def example_call(page: str, method: str) -> ast.Call:
    """The ``client.<method>(...)`` call in the page's Python examples
    (``method``: a method path, ``chat.completions.create``)."""
    for token in PARSER.parse(page):
        if token.type != "fence" or token.info != "python":
            continue
        for node in ast.walk(ast.parse(token.content)):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == (
                f"client.{method}"
            ):
                return node
    raise AssertionError(f"no Python example calls client.{method}()")


# -- a synthetic spec: hostile text, recursion, unions, multipart, odd names -------
NASTY = (
    "First line | with a pipe\nsecond line.\n\n# A heading\n\nSee [the guide](/docs/guides/x)"
    ' and [keys](../admin-api-keys).\n\n```json\n{"a": "b|c"}\n'
)


def synthetic_spec() -> dict[str, Any]:
    """A small spec with every case the corpus specs lack (and needs no ../shared)."""
    node = obj(
        {
            "children": array(ref("Node")),
            "parent": {"anyOf": [ref("Node"), {"type": "null"}]},
            "level": {"type": "integer", "minimum": 3, "maximum": 7},
            "pet": ref("Pet"),
            "a|b": string(enum=["x|y"], format="pipe|format"),
            "odd": ref("..~1Odd <Name>"),
            "kind": string(enum=["leaf", "branch"]),
            "label": {"oneOf": [string(), string(enum=["x"])]},
            "shape": {
                "anyOf": [obj({"side": {"type": "number"}}, ["side"]), {"type": "null"}]
            },
        },
        ["level", "kind", "label", "parent"],
        description=NASTY,
    )
    dog = obj({"type": {"const": "dog"}, "barks": {"type": "boolean"}}, ["type"])
    upload = obj(
        {
            "file": string(format="binary"),
            "images": array(string(format="binary"), minItems=2),
            "purpose": string(enum=["fine-tune"]),
        },
        ["file", "images", "purpose"],
    )
    grow = operation(
        "growTree",
        tags=["Trees"],
        summary="Grow | [a tree]",
        description=NASTY,
        parameters=[
            param("tree_id", "path", description="Tree | id"),
            param("class", schema=string(enum=["oak"]), required=True),
        ],
        body=request_body(ref("Node"), required=True),
        responses=ok(ref("Node"), description=NASTY),
    )
    pets = request_body(
        ref("Pet"),
        example={"type": "fish"},
        examples={"good": {"value": {"type": "dog", "barks": True}}},
    )
    return spec(
        {
            "/pets": {
                "post": operation("addPet", body=pets, responses=no_content("Added."))
            },
            "/uploads": {
                "post": operation(
                    "upload",
                    deprecated=True,
                    body=request_body(upload, MULTIPART, required=True),
                    responses=no_content("Stored."),
                )
            },
            "/trees/{tree_id}": {"post": grow},
        },
        description=NASTY,
        servers=["https://api.example.test/v1"],
        tags=[{"name": "Trees", "description": NASTY}],
        security=[{"Key": []}],
        components={"securitySchemes": {"Key": {"type": "http", "scheme": "bearer"}}},
        schemas={
            "Node": node,
            "../Odd <Name>": obj(description="<script>x</script> <b>bold</b>"),
            "Cat": obj({"type": string(enum=["cat"])}, ["type"]),
            "Pet": {
                "oneOf": [ref("Cat"), dog],
                "discriminator": {"propertyName": "type"},
            },
        },
    )
