"""Raw HTML in spec text never reaches a page as live markup.

A pulled spec may come from anywhere.  Its descriptions are Markdown, and
Markdown allows raw HTML: passed through, a ``<script>`` would run wherever
the Markdown docs are shown, and a POD ``=begin html`` region would be copied
as is into HTML renderings of the POD pages.  Each hostile text below sits in
every place where spec prose lands (operation summary and description,
parameter, request body property, response and schema descriptions).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from markdown_it import MarkdownIt

from generator.pipeline import render_all
from generator.render import Files, RenderOptions
from generator.render.markdown.text import block, cell
from generator.render.pod.markup import escape_raw, markdown_to_pod
from generator.selection import Selection

HOSTILE = {
    "script": "Hi <script>alert(1)</script> there.",
    "img": "<img src=x onerror=alert(2)>",
    "pod-html": "Text\n\n=begin html\n\n<script>alert(3)</script>\n\n=end html\n",
    "pod-for": "=for html <script>alert(4)</script>",
    "close-code": "`x</code><script>alert(5)</script>` and </code><b onclick=alert(5)>b</b>",
    "escaped-ticks": "\\`<img src=x onerror=alert(6)>\\`",
    "html-block": "<details>\n<summary>s</summary>\n\n<script>alert(7)</script>\n</details>",
    "comment": "<!-- c --><svg onload=alert(8)>",
    "multi-line-span": "`a\n<script>alert(9)</script>\nb`",
    "pipes": "| a | <iframe src=javascript:alert(10)> |",
    "link-text": "[<img src=x onerror=alert(11)>](https://example.test)",
    "unclosed": "<style>body{display:none}",
}
#: The HTML the Markdown renderer writes itself: line breaks in table cells and
#: anchors (their ids are made of the generator's names, never of spec text).
_OWN_HTML = re.compile(r'<br>|<a id="[A-Za-z0-9_.-]+">|</a>')
_LIVE = re.compile(r"alert\(|onerror|onload|onclick|<script|<style|<iframe", re.I)


def _spec(text: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1", "description": text},
        "paths": {
            "/things/{id}": {
                "post": {
                    "operationId": "makeThing",
                    "summary": text,
                    "description": text,
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "description": text,
                            "schema": {"type": "string"},
                        }
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Thing"}
                            }
                        }
                    },
                    "responses": {
                        "200": {
                            "description": text,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "description": text,
                    "properties": {
                        "name": {"type": "string", "description": text},
                        "kind": {"type": "string", "enum": ["a"], "description": text},
                    },
                }
            }
        },
    }


def _render(text: str) -> Files:
    files, _, _ = render_all(_spec(text), Selection(all=True), RenderOptions())
    return files


def _html_tokens(markdown: str) -> list[str]:
    """The raw HTML a CommonMark (+ tables) renderer would pass through."""
    found = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        for part in [token, *(token.children or [])]:
            if part.type in ("html_block", "html_inline"):
                found.append(part.content.strip())
    return found


@pytest.mark.parametrize("name", HOSTILE)
def test_markdown_pages_show_spec_html_as_text(name: str) -> None:
    files = _render(HOSTILE[name])
    pages = {rel: text for rel, text in files.items() if rel.endswith(".md")}
    assert pages
    for rel, text in pages.items():
        live = [html for html in _html_tokens(text) if not _OWN_HTML.fullmatch(html)]
        assert not live, f"{rel}: raw HTML passed through: {live}"


@pytest.mark.parametrize("name", HOSTILE)
def test_pod_pages_open_no_html_region(name: str) -> None:
    files = _render(HOSTILE[name])
    pages = {rel: text for rel, text in files.items() if rel.endswith(".pod")}
    assert pages
    for rel, text in pages.items():
        commands = re.findall(r"^=(?:begin|for|end)\b.*$", text, re.MULTILINE)
        assert not commands, f"{rel}: {commands}"


@pytest.mark.parametrize("name", HOSTILE)
def test_each_converter_neutralises_the_text(name: str) -> None:
    text = HOSTILE[name]
    for markdown in (block(text, 2), cell(text)):
        assert not [h for h in _html_tokens(markdown) if h != "<br>"], markdown
    for pod in (markdown_to_pod(text), markdown_to_pod(text, in_item=True)):
        assert not re.search(r"^=(begin|for|end)\b", pod, re.MULTILINE), pod
    assert not re.search(r"^=", escape_raw(text), re.MULTILINE)


def test_the_text_is_still_shown() -> None:
    """Neutralised, not dropped: the reader sees what the spec says."""
    markdown = block(HOSTILE["script"], 2)
    assert "alert(1)" in markdown and "&lt;script>" in markdown
    pod = markdown_to_pod(HOSTILE["html-block"])
    assert "<script>alert(7)</script>" in pod  # in a verbatim paragraph
    assert "    <script>alert(7)</script>" in pod.splitlines()


def test_code_spans_keep_their_text_verbatim() -> None:
    markdown = block("Use `<b>` or ``a <i> b``.", 2)
    assert markdown == "Use `<b>` or ``a <i> b``."
    assert _LIVE.search(markdown) is None
