"""The spec slice (``openapi/openapi.yaml``): the contract the output was made from.

The property that makes it worth vendoring: generating ``--all`` from the
slice gives byte-identical POD, Markdown and client (and the same slice) as
generating the selection from the whole spec.
"""

from __future__ import annotations

import lzma
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from golden_cases import FEATURE_SPECS, loadable_corpus
from markdown_support import OPENAI_2026_08, PERL_2025_04, SEED, SPECS
from openapi_spec_validator import validate

from generator.errors import GeneratorError
from generator.load import load_spec, parse_document, parse_spec
from generator.pipeline import render_all
from generator.render import Files, RenderOptions
from generator.render.slice import SLICE_PATH, slice_document
from generator.render.slice.yaml_text import dump
from generator.selection import Selection

SELECTIONS = {
    "all": Selection(all=True),
    "tag": Selection(tags=("Audio",)),
    "operation": Selection(operations=(SEED,)),
}


def _corpus(name: str) -> dict[str, Any]:
    path = SPECS / name
    if not path.is_file():
        pytest.skip(f"corpus spec {name} not found in {SPECS} (needs ../shared)")
    return load_spec(path)


def _render(spec: Mapping[str, Any], selection: Selection) -> Files:
    files, _, _ = render_all(spec, selection, RenderOptions())
    return files


@pytest.mark.parametrize("selection", sorted(SELECTIONS))
@pytest.mark.parametrize("spec_name", [PERL_2025_04, OPENAI_2026_08])
def test_all_from_the_slice_equals_the_selection_from_the_whole_spec(
    spec_name: str, selection: str
) -> None:
    whole = _render(_corpus(spec_name), SELECTIONS[selection])
    sliced = parse_spec(Path("slice.yaml"), whole[SLICE_PATH].encode("utf-8"))
    again = _render(sliced, Selection(all=True))
    assert sorted(again) == sorted(whole)
    differing = [path for path in sorted(whole) if whole[path] != again[path]]
    assert differing == [], f"{len(differing)} files differ, first {differing[:5]}"


@pytest.mark.parametrize("spec_name", [PERL_2025_04, OPENAI_2026_08])
def test_a_one_operation_slice_keeps_only_what_it_reaches(spec_name: str) -> None:
    spec = _corpus(spec_name)
    text = _render(spec, SELECTIONS["operation"])[SLICE_PATH]
    sliced = parse_spec(Path("slice.yaml"), text.encode("utf-8"))
    assert list(sliced["paths"]) == ["/realtime/transcription_sessions"]
    assert list(sliced["paths"]["/realtime/transcription_sessions"]) == ["post"]
    assert sliced["openapi"] == spec["openapi"]
    assert sliced["info"] == spec["info"]
    assert sliced["components"]["securitySchemes"] == (
        spec["components"]["securitySchemes"]
    )
    schemas = sliced["components"]["schemas"]
    # Every reference resolves inside the slice, and every schema kept is used.
    referenced = set(re.findall(r"#/components/schemas/([^\"'\s]+)", text))
    assert referenced == set(schemas)
    # The spec's order is kept.
    order = list(spec["components"]["schemas"])
    assert sorted(schemas, key=order.index) == list(schemas)


def test_slice_follows_references_of_every_kind_and_discriminator_mappings() -> None:
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "x-navigation": {"groups": []},
        "paths": {
            "/pets/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "get": {"responses": {"200": {"$ref": "#/components/responses/Pet"}}},
                "delete": {"responses": {"204": {"description": "gone"}}},
            },
            "/owners": {"get": {"responses": {"200": {"description": "x"}}}},
        },
        "components": {
            "schemas": {
                "Unused": {"type": "string"},
                "Cat": {"type": "object"},
                "Pet": {
                    "oneOf": [{"$ref": "#/components/schemas/Cat"}],
                    "discriminator": {
                        "propertyName": "kind",
                        "mapping": {"dog": "#/components/schemas/Dog"},
                    },
                },
                "Dog": {"type": "object"},
                "a/b": {"type": "integer"},
            },
            "parameters": {
                "Id": {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"$ref": "#/components/schemas/a~1b"},
                }
            },
            "responses": {
                "Pet": {
                    "description": "a pet",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Pet"}
                        }
                    },
                }
            },
            "securitySchemes": {"Key": {"type": "http", "scheme": "bearer"}},
        },
    }
    sliced = slice_document(document, {("/pets/{id}", "get")})
    assert list(sliced) == ["openapi", "info", "paths", "components"]
    assert list(sliced["paths"]) == ["/pets/{id}"]
    assert list(sliced["paths"]["/pets/{id}"]) == ["parameters", "get"]
    components = sliced["components"]
    assert list(components["schemas"]) == ["Cat", "Pet", "Dog", "a/b"]
    assert list(components["parameters"]) == ["Id"]
    assert list(components["responses"]) == ["Pet"]
    assert components["securitySchemes"] == {
        "Key": {"type": "http", "scheme": "bearer"}
    }


TRICKY_TEXTS = [
    "two\nlines\n",
    "no final break\nhere",
    "kept breaks\n\n\n",
    "  leading spaces\nsecond\n",
    "trailing space \nsecond\n",
    "tab\tinside\nand # not a comment\n",
    'quotes " and \\ backslash\n- not a list\n',
    "wide 漢字 and é\nline\n",
    "separator\u2028inside\n",
    "blank\n\n  indented line\n",
    "\nstarts with a break\n",
]


def test_multi_line_text_is_written_as_blocks_that_load_back_unchanged() -> None:
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "paths": {},
        "plain": {f"k{i}": text for i, text in enumerate(TRICKY_TEXTS)},
        "items": [TRICKY_TEXTS, {"nested": TRICKY_TEXTS}],
        '"quoted key': TRICKY_TEXTS[0],
        "200": TRICKY_TEXTS[1],
    }
    text = dump(document)
    assert parse_spec(Path("dump.yaml"), text.encode("utf-8")) == document
    # Text a block keeps exactly is shown line by line.
    assert "  k0: |\n    two\n    lines\n" in text
    assert "  k1: |-\n    no final break\n    here\n" in text
    assert "  k2: |+\n    kept breaks\n\n\n" in text
    # Text it would change stays quoted.
    assert '"  leading spaces\\nsecond\\n"' in text
    assert '"trailing space \\nsecond\\n"' in text


@pytest.mark.parametrize(
    "selection",
    [Selection(all=True), Selection(operations=("putNote",))],
    ids=["all", "operation"],
)
def test_the_slice_of_a_valid_spec_is_a_valid_openapi_document(
    selection: Selection,
) -> None:
    spec = load_spec(FEATURE_SPECS / "feature-3.0.yaml")
    validate(spec)  # the premise: the whole spec is valid
    text = _render(spec, selection)[SLICE_PATH]
    validate(parse_spec(Path("slice.yaml"), text.encode("utf-8")))


def _pyyaml(text: str) -> object:
    import yaml

    loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


#: Strings a careless emitter writes plain and some YAML reader then takes
#: for something else (YAML 1.1 booleans and numbers, dates, syntax).
LOOKALIKES = [
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "true",
    "False",
    "null",
    "~",
    "",
    " ",
    "1",
    "-1",
    "+1",
    "1.5",
    ".5",
    "1e5",
    "0x1f",
    "0o7",
    "0b1",
    "1_000",
    "1:30",
    "0001",
    "nan",
    "NaN",
    ".inf",
    "-.inf",
    "inf",
    "2024-10-01",
    "2024-10-01T00:00:00Z",
    "a: b",
    "a #b",
    "#a",
    "-a",
    "- a",
    "?a",
    "!a",
    "&a",
    "*a",
    "|a",
    ">a",
    "%a",
    "@a",
    "`a",
    "'a'",
    '"a"',
    "[a]",
    "{a}",
    "a,b",
    "a\\b",
    "a\tb",
    "trailing ",
    "é",
    "漢字",
    "\x7f",
    "\x85",
    "\u2028",
    "\ufeffa",
    "a\x00b",
    "a\x1bb",
    "/path",
    "text/plain",
    "x-oaiMeta",
    "$ref",
    "C:\\dir",
    "=",
    "<<",
    "a=b|c~d^e;f",
]


def test_every_string_number_and_key_loads_back_as_written() -> None:
    document: dict[Any, Any] = {
        "strings": LOOKALIKES,
        "as keys": {text: index for index, text in enumerate(LOOKALIKES)},
        "numbers": [0, -3, 2**70, 1.0, 0.5, 1e-05, 1e20, -0.0, 1.5e300],
        "others": [True, False, None, [], {}, [[1, [2, []]], {}], [{"a": [{}]}]],
        1: "an integer key",
        False: "a boolean key",
    }
    text = dump(document)
    loaded = parse_document(Path("dump.yaml"), text.encode("utf-8"))
    assert loaded == document
    assert _pyyaml(text) == document
    assert [type(v) for v in loaded["numbers"]] == [
        type(v) for v in document["numbers"]
    ]
    special = dump({"k": [float("nan"), float("inf"), -float("inf")]})
    assert special == "---\nk:\n  - .nan\n  - .inf\n  - -.inf\n"


def test_a_deeply_nested_value_is_written_without_recursion() -> None:
    value: Any = "leaf"
    for index in range(4000):
        value = {"a": value} if index % 2 else [value]
    text = dump({"deep": value})  # deeper than Python's recursion limit
    node: Any = parse_document(Path("dump.yaml"), text.encode("utf-8"))["deep"]
    depth = 0
    while not isinstance(node, str):
        node = node["a"] if isinstance(node, dict) else node[0]
        depth += 1
    assert (node, depth) == ("leaf", 4000)


def test_a_value_that_is_not_json_data_is_one_clear_error() -> None:
    with pytest.raises(GeneratorError, match="cannot hold a value of type bytes"):
        dump({"k": b"raw"})


@pytest.mark.parametrize("name", loadable_corpus() or ["(no corpus)"])
def test_every_corpus_spec_loads_back_from_its_yaml_text(name: str) -> None:
    if name == "(no corpus)":
        pytest.skip(f"no corpus specs in {SPECS} (needs ../shared)")
    spec = parse_spec(Path(name), lzma.decompress((SPECS / name).read_bytes()))
    text = dump(spec)
    assert parse_spec(Path("dump.yaml"), text.encode("utf-8")) == spec
    assert _pyyaml(text) == spec
