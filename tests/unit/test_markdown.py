"""The Markdown reference docs: every link resolves, every page is reachable and
well formed, and spec text cannot break the layout (see ``markdown_support``)."""

from __future__ import annotations

import json
import os
import posixpath
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markdown_support import (
    CASE_IDS,
    CASES,
    OPENAI_2026_08,
    PARSER,
    PERL_2025_04,
    check_links,
    corpus_api,
    corpus_files,
    links_and_anchors,
    synthetic_spec,
    table_rows,
    tables,
    walk_tokens,
)
from rendering import rendered
from spec_builder import operation as operation_object
from spec_builder import spec

from generator.model import Schema
from generator.model.build import build_api
from generator.model.media_types import request_media
from generator.naming import pod_page_name
from generator.plan import plan_client
from generator.render import RenderOptions, markdown
from generator.render.markdown.text import absolute_links, block, cell


@pytest.mark.parametrize(("spec", "seed_only"), CASES, ids=CASE_IDS)
def test_every_relative_link_resolves(spec: str, seed_only: bool) -> None:
    files = corpus_files(spec, seed_only)
    assert "markdown/README.md" in files
    problems = check_links(files)
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize(("spec", "seed_only"), CASES, ids=CASE_IDS)
def test_every_page_and_operation_is_reachable_from_the_index(
    spec: str, seed_only: bool
) -> None:
    api = corpus_api(spec, seed_only)
    files = corpus_files(spec, seed_only)
    index_links = [
        unquote(link) for link in links_and_anchors(files["markdown/README.md"])[0]
    ]
    methods = plan_client(api)
    for operation in api.operations:
        anchor = methods.method_for(operation).dotted
        page = f"paths/{pod_page_name(operation.path)}.md#{anchor}"
        assert (
            page in index_links
        ), f"{operation.operation_id} is not linked from the index"
    reached = {"markdown/README.md"}
    todo = ["markdown/README.md"]
    while todo:
        page = todo.pop()
        for href in links_and_anchors(files[page])[0]:
            parts = urlsplit(href)
            if parts.scheme or not parts.path:
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(page), unquote(parts.path))
            )
            if target in files and target not in reached:
                reached.add(target)
                todo.append(target)
    assert reached == set(files), sorted(set(files) - reached)[:10]
    assert {f"markdown/schemas/{name}.md" for name in api.schemas} <= reached


def test_seed_page_documents_every_request_property() -> None:
    api = corpus_api(PERL_2025_04, True)
    files = corpus_files(PERL_2025_04, True)
    (operation,) = api.operations
    page = files[f"markdown/paths/{pod_page_name(operation.path)}.md"]
    media = request_media(operation)
    assert media is not None and media.schema is not None
    expected = set(_inline_paths(media.schema, ""))
    assert {"input_audio_format", "turn_detection.type", "include"} <= expected
    first_cells = {row[0].strip("`") for row in table_rows(page) if row}
    assert expected <= first_cells, sorted(expected - first_cells)
    assert "`POST /realtime/transcription_sessions`" in page
    assert "Authorization: Bearer $OPENAI_API_KEY" in page


def _inline_paths(schema: Schema, prefix: str) -> Iterator[str]:
    """Dotted paths of the properties of ``schema`` and of its inline sub-objects."""
    for name, prop in schema.properties.items():
        yield prefix + name
        if prop.name is None and prop.properties:
            yield from _inline_paths(prop, f"{prefix}{name}.")


@pytest.mark.parametrize(("spec", "seed_only"), CASES, ids=CASE_IDS)
def test_pages_are_clean_and_tables_well_formed(spec: str, seed_only: bool) -> None:
    for path, text in corpus_files(spec, seed_only).items():
        assert path.startswith("markdown/") and path.endswith(".md")
        assert text.endswith("\n") and not text.endswith("\n\n"), path
        assert not any(line != line.rstrip() for line in text.splitlines()), path
        for header, rows in tables(text):
            assert all(
                cells == header for cells in rows
            ), f"{path}: a row does not fit its table"


def test_rendering_twice_gives_the_same_pages() -> None:
    """Memoised state lives in one render: a second render is identical."""
    api = corpus_api(OPENAI_2026_08, False)
    assert rendered(markdown.render, api, RenderOptions()) == corpus_files(
        OPENAI_2026_08, False
    )


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Sets are never iterated into the output: two hash seeds, the same bytes."""
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(synthetic_spec()))
    script = (
        "import hashlib, json, sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from rendering import rendered\n"
        "from generator.model.build import build_api\n"
        "from generator.render import markdown\n"
        "files = rendered(markdown.render, build_api(json.load(open(sys.argv[1]))))\n"
        "print(hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest())\n"
    )
    repo = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(spec_file)],
            cwd=repo,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(repo)},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_spec_text_cannot_break_the_layout() -> None:
    api = build_api(synthetic_spec())
    files = rendered(markdown.render, api, RenderOptions())
    assert not check_links(files)
    page = files["markdown/paths/trees-tree_id.md"]
    for _, text in files.items():
        for header, rows in tables(text):
            assert all(cells == header for cells in rows)
        links, _ = links_and_anchors(text)
        assert (
            "https://platform.openai.com/docs/guides/x" in links
            or "guides/x" not in text
        )
    levels = [int(t.tag[1]) for t in PARSER.parse(page) if t.type == "heading_open"]
    assert levels[0] == 1 and all(level >= 2 for level in levels[1:])
    # The description's "# A heading" sits below the operation's level-2 heading.
    heading_texts = [
        (t.tag, PARSER.parse(page)[i + 1].content)
        for i, t in enumerate(PARSER.parse(page))
        if t.type == "heading_open"
    ]
    assert ("h3", "A heading") in heading_texts
    # The unterminated code fence of the description is closed before the next section.
    assert ("h3", "Parameters") in heading_texts
    # A pipe inside a cell stays inside it.
    assert any("Tree | id" in cell_ for row in table_rows(page) for cell_ in row)


def test_blocks_are_separated_by_exactly_one_blank_line() -> None:
    for path, text in rendered(
        markdown.render, build_api(synthetic_spec()), RenderOptions()
    ).items():
        assert "\n\n\n" not in text, path


def test_a_bare_spec_gives_a_clean_reachable_tree() -> None:
    document = spec(
        {"/ping": {"get": operation_object("ping")}},
        openapi="3.0.0",
        title="Bare",
        version="0",
    )
    files = rendered(markdown.render, build_api(document), RenderOptions())
    assert sorted(files) == ["markdown/README.md", "markdown/paths/ping.md"]
    assert "None declared." in files["markdown/paths/ping.md"]
    assert not check_links(files)
    assert all("\n\n\n" not in text for text in files.values())


def test_odd_names_give_safe_files_and_no_raw_html() -> None:
    files = rendered(markdown.render, build_api(synthetic_spec()), RenderOptions())
    assert "markdown/schemas/_Odd__Name_.md" in files
    assert all(posixpath.normpath(path) == path for path in files)
    assert not check_links(files)
    for path, text in files.items():
        for token in walk_tokens(PARSER.parse(text)):
            if token.type in ("html_inline", "html_block"):
                assert token.content.startswith(
                    ("<a id=", "</a>", "<br>")
                ), f"{path}: {token.content!r}"
    odd = files["markdown/schemas/_Odd__Name_.md"]
    assert odd.startswith("# ../Odd \\<Name\\>\n")
    assert "&lt;script>x&lt;/script>" in odd


def test_recursive_schemas_link_instead_of_expanding() -> None:
    api = build_api(synthetic_spec())
    files = rendered(markdown.render, api, RenderOptions())
    node_page = files["markdown/schemas/Node.md"]
    first_cells = [row[0] for row in table_rows(node_page) if row]
    assert "`children`" in first_cells and "`parent`" in first_cells
    assert "`shape.side`" in first_cells  # inline objects are expanded
    assert not any(cell_.startswith("`parent.") for cell_ in first_cells)
    links, _ = links_and_anchors(node_page)
    assert "../schemas/Node.md" in links
    assert (
        "[POST /trees/{tree_id}](../paths/trees-tree_id.md#trees.update)" in node_page
    )


def test_union_pages_list_variants_with_their_discriminator_values() -> None:
    files = rendered(markdown.render, build_api(synthetic_spec()), RenderOptions())
    pet = files["markdown/schemas/Pet.md"]
    assert "- [Cat](../schemas/Cat.md) (`type`: `cat`)" in pet
    assert "- [variant 2](#variant-2) (`type`: `dog`)" in pet
    first_cells = [row[0] for row in table_rows(pet) if row]
    assert "`barks`" in first_cells  # the inline variant's fields have their own table
    assert "`pet`" in [
        row[0] for row in table_rows(files["markdown/schemas/Node.md"]) if row
    ]
    assert not check_links(files)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b\nc", "a \\| b c"),
        ("para\n\n- one\n- two", "para<br><br>- one<br>- two"),
        ("```\nx|y\n```", "`x\\|y`"),
        ("see [x](/docs/a)", "see [x](https://platform.openai.com/docs/a)"),
    ],
)
def test_cells_fold_onto_one_line(text: str, expected: str) -> None:
    assert cell(text) == expected


def test_blocks_keep_headings_inside_their_section() -> None:
    text = block("# Top\n\nbody  \n\nSub\n---\n\n```\ncode", 2)
    assert text == "### Top\n\nbody\n\n#### Sub\n\n```\ncode\n```"
    nested = block("> # Quoted\n\n- ## Listed\n\n```\n# comment\n```", 2)
    assert nested == "> ### Quoted\n\n- #### Listed\n\n```\n# comment\n```"


def test_relative_links_become_absolute() -> None:
    assert absolute_links("[a](/docs/x) [b](docs/y) [c](https://e.test/z) [d](#q)") == (
        "[a](https://platform.openai.com/docs/x) [b](https://platform.openai.com/docs/y)"
        " [c](https://e.test/z) [d](https://platform.openai.com/docs/api-reference/section/page#q)"
    )
