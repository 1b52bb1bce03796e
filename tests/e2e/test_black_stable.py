"""The generated client modules are exactly what black makes of them.

The client renderer lays out its code the way black does
(``generator/render/python_layout.py``) instead of running black; these
tests run black over the generated modules of every loadable corpus spec,
the seed operation of the default spec and the synthetic and hostile specs,
and require black to change nothing.  A failure shows the first lines black
would change, which name the construct laid out differently.
"""

from __future__ import annotations

import difflib
import lzma
import multiprocessing
import tempfile
from pathlib import Path
from typing import Any

import black
import pytest
from golden_cases import loadable_corpus
from python_client_support import SEED, SPECS, SYNTHETIC_SPEC, default_spec_path
from rendering import rendered
from sample_specs import HOSTILE_SPEC
from spec_builder import (
    array,
    obj,
    ok,
    operation,
    param,
    ref,
    request_body,
    spec,
    string,
)

from generator.load import load_spec
from generator.model.build import build_api
from generator.render import RenderOptions
from generator.render.python import PACKAGE, render
from generator.render.python import layout as python_layout
from generator.render.python.methods import escape_docstring

MODULES = ("__init__.py", "models.py", "params.py", "_client.py")
#: Bounds the whole corpus run (black over ~400k generated lines).
CORPUS_SECONDS = 600

_LONG = "x" * 70
_ENUM = [f"value-{n}-{_LONG[:n]}" for n in range(12)]
_EDGE_REF = ref("Edge" * 22)


#: Text and names at the edges of the layout: long names, wide characters,
#: quotes, indentation and tabs in descriptions, one-line and exploded unions.
EDGE_SPEC = spec(
    {
        "/edge": {
            "get": operation("getEdge", responses=ok(ref("Holder"), description="ok"))
        },
        f'/{_LONG}/"quoted"/{{item_id}}': {
            "post": operation(
                "create" + "Very" * 20 + "LongThing",
                description='"Starts with a quote\n\n  indented\n\tand tabbed "',
                parameters=[
                    param("item_id", "path"),
                    param(
                        "wide",
                        schema=string(enum=["漢字" * 12, "かな" * 12, "e\u0301" * 40]),
                    ),
                ],
                body=request_body(_EDGE_REF, required=True),
                responses=ok({"anyOf": [_EDGE_REF, ref("Short")]}, description="ok"),
            )
        },
    },
    title='"Quoted" API',
    servers=["https://example.invalid/" + _LONG],
    schemas={
        "Edge"
        * 22: obj(
            {
                "mode": string(enum=_ENUM),
                'say "hi"': string(description="\t" + "漢" * 50),
                "it's": string(enum=['a"b', "c'd", "e\\f", "g'h\"i"]),
                "nested": array(
                    {
                        "anyOf": [
                            ref("Short"),
                            obj(additionalProperties=True),
                            string(enum=_ENUM[:3]),
                        ]
                    }
                ),
                "plain": {"type": "integer"},
            },
            required=["mode"],
            description="A line\n    indented\n      more\n" + "w " * 50,
        ),
        "Short": obj({"a": string()}, description='ends "quoted"'),
        "Holder": obj(
            {
                "edge": _EDGE_REF,
                "x" * 60 + '"': ref("Short"),
                "edges": ref("Alias" * 17),
            },
            required=["edge"],
        ),
        "Alias" * 17: array(_EDGE_REF),
    },
)


def black_changes(
    spec: dict[str, Any], selected: list[tuple[str, str]] | None = None
) -> list[str]:
    """For each generated module black would change, the start of its diff."""
    files = rendered(render, build_api(spec, selected), RenderOptions())
    changes = []
    for module in MODULES:
        text = files[f"{PACKAGE}/{module}"]
        formatted = black.format_str(text, mode=black.Mode())
        if formatted != text:
            diff = difflib.unified_diff(
                text.splitlines(),
                formatted.splitlines(),
                module,
                "black",
                n=1,
                lineterm="",
            )
            changes.append("\n".join(list(diff)[:40]))
    return changes


def _corpus_changes(name: str) -> list[str]:
    """Worker: the changes black makes to the client of corpus spec ``name``."""
    with tempfile.TemporaryDirectory() as directory:
        plain = Path(directory) / name.removesuffix(".xz")
        plain.write_bytes(lzma.open(SPECS / name).read())
        spec = load_spec(plain)
    return black_changes(spec)


@pytest.fixture(scope="module")
def corpus_changes() -> dict[str, list[str]]:
    """Black's changes for every loadable corpus spec, two specs at a time."""
    names = loadable_corpus()
    if not names:
        pytest.skip(f"no corpus specs (needs {SPECS})")
    with multiprocessing.get_context("fork").Pool(2) as pool:  # terminated on exit
        changes = pool.map_async(_corpus_changes, names).get(timeout=CORPUS_SECONDS)
    return dict(zip(names, changes, strict=True))


@pytest.mark.parametrize("name", loadable_corpus() or ["(no corpus)"])
def test_corpus_client_is_black_stable(
    name: str, corpus_changes: dict[str, list[str]]
) -> None:
    assert corpus_changes[name] == []


def test_default_spec_seed_operation_is_black_stable() -> None:
    assert black_changes(load_spec(default_spec_path()), [SEED]) == []


@pytest.mark.parametrize(
    "spec",
    [SYNTHETIC_SPEC, HOSTILE_SPEC, EDGE_SPEC],
    ids=["synthetic", "hostile", "edges"],
)
def test_small_spec_clients_are_black_stable(spec: dict[str, Any]) -> None:
    assert black_changes(spec) == []


# -- each construct at every length ------------------------------------------------
#: ``(layout function, depth, one-line code)``; ``{N}``, ``{n}`` and ``{L}``
#: become a long class name, a long identifier and a list of literals.
SHAPES = [
    ("statement", 0, "class {N}(BaseModel):"),
    ("statement", 1, "{n}: {N}"),
    ("statement", 1, "{n}: {N} | None = None"),
    ("statement", 1, '{n}: {N} = field(wire_name="{n}")'),
    ("statement", 1, '{n}: {N} | None = field(default=None, wire_name="{n}")'),
    ("statement", 1, "{n}: Literal[{L}] | str | None = None"),
    ("statement", 1, "{n}: list[{N} | dict[str, Any]] | None = None"),
    ("statement", 1, '_default_base_url = "https://{n}"'),
    ("statement", 0, "{N}: TypeAlias = {N} | list[{N}] | None"),
    ("statement", 0, "{N}: TypeAlias = Literal[{L}]"),
    (
        "statement",
        2,
        "response: _api_models.{N} = await self._request(spec, cast_to=_api_models.{N})",
    ),
    (
        "statement",
        2,
        "response: _api_models.{N} | list[_api_models.{N}] = self._request("
        "spec, cast_to=_api_models.{N} | list[_api_models.{N}])",
    ),
    ("statement", 2, "return self._request_stream(spec, event_type=_api_models.{N})"),
    ("statement", 3, "return await self._request_page(spec, item_type=models.{N})"),
    ("statement", 2, "if not isinstance({n}, NotGiven):"),
    ("statement", 3, 'file_parts["{n}"] = {n}'),
    ("parameter", 2, "{n}: {N},"),
    ("parameter", 2, "{n}: models.{N} | NotGiven = NOT_GIVEN,"),
    ("parameter", 2, "{n}: Literal[{L}] | None | NotGiven = NOT_GIVEN,"),
    ("parameter", 2, "{n}: list[models.{N} | models.{N}] | NotGiven = NOT_GIVEN,"),
    ("parameter", 2, "{n}: Literal[{L}],"),
    ("return_tail", 1, ") -> models.{N}:"),
    ("return_tail", 1, ") -> models.{N} | Stream[models.{N}]: ..."),
    ("return_tail", 1, ") -> SyncCursorPage[models.{N}]:"),
]


def _in_context(function: str, depth: int, lines: str) -> str:
    """``lines`` inside the code black needs around them to parse."""
    if function == "parameter":
        return f"class C:\n    def f(\n        self,\n{lines}    ) -> None:\n        pass\n"
    if function == "return_tail":
        body = "" if lines.endswith("...\n") else "        pass\n"
        return f"class C:\n    def f(\n        self,\n{lines}{body}"
    opening = ["class C:\n", "    def f(self):\n", "        if x:\n"][:depth]
    block = "    " * (depth + 1) + "pass\n" if lines.rstrip().endswith(":") else ""
    return "".join(opening) + lines + block


@pytest.mark.parametrize("shape", SHAPES, ids=[f"{f}-{c[:30]}" for f, _, c in SHAPES])
def test_layout_matches_black_at_every_length(shape: tuple[str, int, str]) -> None:
    function, depth, template = shape
    layout = getattr(python_layout, function)
    wrong = []
    for n in range(4, 100):
        literals = ", ".join(f'"v{i}"' for i in range(n // 3))
        code = template.replace("{N}", "C" * n).replace("{n}", "a" * n)
        source = _in_context(
            function, depth, layout(code.replace("{L}", literals), depth)
        )
        if black.format_str(source, mode=black.Mode()) != source:
            wrong.append(n)
    assert wrong == [], f"black lays out {template!r} differently at lengths {wrong}"


@pytest.mark.parametrize("depth", [1, 2])
def test_docstrings_match_black_at_every_length(depth: int) -> None:
    wrong = []
    for n in range(60, 100):
        text = escape_docstring(f'"Quoted\n\n    indented\n\t{"x" * n}"')
        source = _in_context(
            "statement", depth, python_layout.docstring(text + "\n", depth)
        )
        if black.format_str(source, mode=black.Mode()) != source:
            wrong.append(n)
    assert wrong == []
