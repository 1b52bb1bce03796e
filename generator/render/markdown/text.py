"""Spec text (already Markdown) made safe to place inside a generated page.

The spec's descriptions are Markdown written for OpenAI's own reference site.
Placed in our pages they must not break the layout around them:

* links relative to OpenAI's site (``/docs/...``, ``../admin-api-keys``) are
  made absolute, so no link in the generated docs points into nowhere;
* a text shown as a block keeps its headings *inside* the section that holds
  it (they are demoted below the section's level), and an unterminated code
  fence is closed;
* a text shown in a table cell is folded onto one line: paragraphs and list
  items become ``<br>`` breaks, code blocks become code spans, and ``|`` is
  escaped;
* raw HTML is shown as text (``<`` opening a tag becomes ``&lt;`` outside
  code), so spec text cannot inject markup or swallow the page;
* names and titles are shown as plain text (:func:`plain_text`).

The functions are pure and the costly ones cached: the same description
recurs on many pages.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from urllib.parse import urljoin

from markdown_it import MarkdownIt

from generator.model import JsonValue

#: Spec text is written for pages at ``/docs/api-reference/<section>/<page>``;
#: relative links in it resolve against such a page.
_SPEC_PAGE_URL = "https://platform.openai.com/docs/api-reference/section/page"
_SITE_URL = "https://platform.openai.com/"

_INLINE_LINK = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
_REFERENCE_DEFINITION = re.compile(r"^( {0,3}\[[^\]]+\]:\s*<?)([^\s>]+)", re.MULTILINE)
_HTML_URL_ATTRIBUTE = re.compile(r"""(\b(?:href|src)\s*=\s*["'])([^"']+)""")
_HAS_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_MAY_HAVE_HEADING = re.compile(r"^ {0,3}(#{1,6}(\s|$)|=+\s*$|-+\s*$)", re.MULTILINE)
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
#: A code span: a run of backticks up to the next run of the same length.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")
#: ``<`` that starts raw HTML (a tag, comment or declaration), but not an autolink.
_HTML_START = re.compile(
    r"<(?=[A-Za-z/!?])(?![A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>)(?![^\s<>@]+@[^\s<>]+>)"
)
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
#: Characters that would turn plain text into markup (``_`` is safe inside words).
_MARKDOWN_SYNTAX = re.compile(r"([\\`*\[\]|<>])")
_LIST_ITEM = re.compile(r"^([-*+]|\d{1,9}[.)])\s")

_PARSER = MarkdownIt("commonmark")
#: ``json.dumps(value, ensure_ascii=False)``, without building an encoder per value.
_JSON = json.JSONEncoder(ensure_ascii=False)
#: Spec texts remembered per function (the same text recurs on many pages).
_CACHE_SIZE = 1 << 16


def absolute_url(url: str) -> str:
    """``url`` as written in spec text, made absolute on OpenAI's site."""
    if _HAS_SCHEME.match(url) or url.startswith("//"):
        return url
    if url.startswith("docs/"):
        # ``docs/guides/x`` (no leading slash) is a slip for the site path.
        return _SITE_URL + url
    return urljoin(_SPEC_PAGE_URL, url)


@lru_cache(maxsize=_CACHE_SIZE)
def absolute_links(text: str) -> str:
    """Rewrite every relative link destination of ``text`` to an absolute URL."""

    def fix(match: re.Match[str]) -> str:
        return match.group(1) + absolute_url(match.group(2))

    text = _INLINE_LINK.sub(fix, text)
    text = _REFERENCE_DEFINITION.sub(fix, text)
    return _HTML_URL_ATTRIBUTE.sub(fix, text)


@lru_cache(maxsize=_CACHE_SIZE)
def block(text: str, section_level: int) -> str:
    """Spec Markdown shown as blocks inside a section headed at ``section_level``.

    Links are absolute, headings sit below ``section_level``, fences are
    closed and no line has trailing whitespace (spec text often does, which
    Markdown would read as hard line breaks).  Like every block value handed
    to the templates, the result has no final newline.
    """
    lines = [line.rstrip() for line in absolute_links(text).strip("\n").splitlines()]
    lines = _escape_html(_close_fences(_demote_headings(lines, section_level + 1)))
    return "\n".join(lines).strip("\n")


def _demote_headings(lines: list[str], top_level: int) -> list[str]:
    """Rewrite headings so the highest one in ``lines`` is at ``top_level``."""
    source = "\n".join(lines)
    if not _MAY_HAVE_HEADING.search(source):
        return lines
    tokens = _PARSER.parse(source)
    # (first line, end line, level, ATX?, text) of every heading, nested ones included.
    headings = [
        (
            token.map[0],
            token.map[1],
            int(token.tag[1]),
            token.markup[0] == "#",
            tokens[i + 1].content,
        )
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.map
    ]
    if not headings:
        return lines
    shift = max(0, top_level - min(level for _, _, level, _, _ in headings))
    result = list(lines)
    # From the bottom up, so a setext heading (two lines -> one) keeps indices valid.
    for start, end, level, atx, text in reversed(headings):
        line = result[start]
        # What precedes the heading on its line: indentation, list or quote markers
        # (none of which contains ``#``).
        prefix = line[: line.index("#") if atx else line.find(text.split("\n", 1)[0])]
        title = " ".join(text.split())
        result[start:end] = [f"{prefix}{'#' * min(6, level + shift)} {title}".rstrip()]
    return result


def _escape_html(lines: list[str]) -> list[str]:
    """Show raw HTML as text: ``<`` opening a tag becomes ``&lt;`` outside code.

    Spec text is data: passed through, a ``<script>`` or an unclosed
    ``<details>`` would act on (or swallow) the page around it.
    """
    source = "\n".join(lines)
    if "<" not in source:
        return lines
    code: set[int] = set()
    for token in _PARSER.parse(source):
        if token.type in ("fence", "code_block") and token.map:
            code.update(range(*token.map))
    escaped = [
        line if i in code else _escape_html_in_line(line)
        for i, line in enumerate(lines)
    ]
    if not _has_raw_html("\n".join(escaped)):
        return escaped
    return [
        line if i in code else _escape_html_in_line(line, spans=False)
        for i, line in enumerate(lines)
    ]


def _escape_html_in_line(line: str, spans: bool = True) -> str:
    """``line`` with every tag-opening ``<`` outside code spans as ``&lt;``.

    Code spans are found line by line, which CommonMark does not quite do
    (spans may cross lines; backslash-escaped backticks open none): callers
    check the result with :func:`_has_raw_html` and, should HTML have slipped
    through, escape again with ``spans=False`` (every ``<``, code spans
    included: they then show ``&lt;``, but nothing runs).
    """
    if "<" not in line:
        return line
    if not spans:
        return _HTML_START.sub("&lt;", line)
    parts: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(_HTML_START.sub("&lt;", line[position : span.start()]))
        parts.append(span.group(0))
        position = span.end()
    parts.append(_HTML_START.sub("&lt;", line[position:]))
    return "".join(parts)


def _has_raw_html(markdown: str) -> bool:
    """True when a CommonMark renderer would pass raw HTML of ``markdown`` through
    (the ``<br>`` line breaks :func:`cell` writes itself aside)."""
    if "<" not in markdown.replace("<br>", ""):
        return False
    for token in _PARSER.parse(markdown):
        for part in [token, *(token.children or ())]:
            if part.type == "html_block" or (
                part.type == "html_inline" and part.content != "<br>"
            ):
                return True
    return False


def _close_fences(lines: list[str]) -> list[str]:
    """Close a code fence left open at the end of ``lines``."""
    opener: str | None = None
    for line in lines:
        match = _FENCE_LINE.match(line)
        if match is None:
            continue
        marker = match.group(1)
        if opener is None:
            opener = marker
        elif (
            marker[0] == opener[0]
            and len(marker) >= len(opener)
            and not line.strip()[len(marker) :]
        ):
            opener = None
    return lines if opener is None else [*lines, opener]


@lru_cache(maxsize=_CACHE_SIZE)
def cell(text: str) -> str:
    """Spec Markdown folded into one table cell.

    Paragraph breaks become ``<br><br>``, list items and code lines start on a
    new ``<br>`` line, fenced code lines become code spans, and ``|`` is
    escaped so it cannot split the cell.
    """
    folded = _fold_cell(text, spans=True)
    return folded if not _has_raw_html(folded) else _fold_cell(text, spans=False)


def _fold_cell(text: str, spans: bool) -> str:
    """:func:`cell`'s folding; ``spans``: as :func:`_escape_html_in_line` takes it."""
    parts: list[str] = []
    in_fence: str | None = None
    pending_break = ""
    for raw in absolute_links(text).strip().splitlines():
        line = raw.strip()
        fence = _FENCE_LINE.match(raw)
        if fence is not None and (in_fence is None or fence.group(1)[0] == in_fence[0]):
            in_fence = fence.group(1) if in_fence is None else None
            pending_break = "<br>" if in_fence is None else pending_break
            continue
        if in_fence is not None:
            if line:
                parts.append(
                    (pending_break or ("<br>" if parts else "")) + code_span(line)
                )
                pending_break = ""
            continue
        if not line:
            pending_break = "<br><br>" if parts else ""
            continue
        line = _escape_html_in_line(line, spans)
        if pending_break:
            parts.append(pending_break + line)
        elif _LIST_ITEM.match(line) and parts:
            parts.append("<br>" + line)
        else:
            parts.append((" " if parts else "") + line)
        pending_break = ""
    return escape_cell("".join(parts))


@lru_cache(maxsize=_CACHE_SIZE)
def plain_text(text: str) -> str:
    """Text shown literally on one line (titles, names): Markdown syntax escaped."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", " ".join(text.split()))


def escape_cell(text: str) -> str:
    """Escape ``|`` (GFM tables split cells on it, even inside code spans); idempotent."""
    return _UNESCAPED_PIPE.sub(r"\\|", text) if "|" in text else text


def code_span(text: str) -> str:
    """``text`` as an inline code span, whatever backticks it contains."""
    if "`" not in text and text.strip():
        return f"`{text}`"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = (
        " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    )
    return f"{fence}{padding}{text}{padding}{fence}"


def code_block(text: str, language: str) -> str:
    """A fenced code block holding ``text`` verbatim (fence longer than any inside)."""
    runs = re.findall(r"^\s*(`{3,})", text, re.MULTILINE) if "```" in text else ()
    longest = max((len(run) for run in runs), default=0)
    fence = "`" * max(3, longest + 1)
    body = "\n".join([line.rstrip() for line in text.strip("\n").splitlines()])
    return f"{fence}{language}\n{body}\n{fence}"


def json_code(value: JsonValue) -> str:
    """A JSON value as a code span (for defaults, enum values, constants)."""
    return code_span(_JSON.encode(value))


@lru_cache(maxsize=_CACHE_SIZE)
def first_paragraph(text: str | None) -> str:
    """The first paragraph of ``text`` as a one-line cell (index tables)."""
    if not text:
        return ""
    first = text.strip().split("\n\n", 1)[0]
    return cell(first)
