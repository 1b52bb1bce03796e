"""Markdown -> POD, the way the Perl module Markdown::Pod writes it.

The POD pages reproduce the Perl distribution's documentation builder, which
converts summaries and descriptions with Markdown::Pod.  Its output shapes
are emulated here on top of markdown-it-py's parse:

* a paragraph is its text followed by a blank line; line breaks inside it are
  kept as written, trailing spaces included;
* ``code`` -> ``C<>``, **strong** -> ``B<>``, *emphasis* -> ``I<>``,
  ``[text](url)`` -> ``L<text|url>``;
* a heading -> ``=headN`` (at most 4), a list -> ``=over``/``=item``/``=back``,
  a code block -> lines indented by four spaces, a horizontal rule -> a line
  of 80 ``=`` with no blank line after it;
* the result ends with exactly one newline.

Unlike Markdown::Pod, the output is also made safe: text can never open a POD
command (a line starting with ``=`` and a letter) or a formatting code,
``<``/``>`` inside formatting codes are escaped, and a raw HTML block is shown
as a verbatim paragraph instead of an ``=begin html`` region (inline HTML is
ordinary text in POD already).  Texts the reference pages carry contain none
of these, so their bytes are unaffected.

:func:`escape_raw` applies the same protection to text the builder prints
without conversion (parameter and response descriptions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

#: The builder points relative documentation links at the public site.
_DOCS_LINK = "(/docs/"
_DOCS_SITE = "(https://platform.openai.com/docs/"

HORIZONTAL_RULE = "=" * 80

#: A line that POD would read as a command paragraph.
_COMMAND_LINE = re.compile(r"^=(?=[A-Za-z])", re.MULTILINE)
#: ``X<``: the start of a POD formatting code.
_CODE_START = re.compile(r"(?<=[A-Z])<")
_ANGLE = re.compile(r"[<>]")
_ANGLE_ENTITIES = {"<": "E<lt>", ">": "E<gt>"}
#: Prose that Markdown leaves as it is: paragraphs of lines that start with
#: a letter (no block syntax), hold no character of inline syntax (code,
#: emphasis, links, images, HTML, entities, escapes) nor one the parser
#: normalises, and end without white space.  Five texts in six on OpenAI's
#: spec (summaries above all) are such prose: its POD is the paragraphs
#: themselves, one blank line apart, so it skips the parse.
_PLAIN_LINE = r"[A-Za-z](?:[^\\`*_\[\]<>!&\n\r\x00]*[^\\`*_\[\]<>!&\s\x00])?"
_PLAIN_TEXT = re.compile(rf"(?:{_PLAIN_LINE})?(?:\n(?:{_PLAIN_LINE})?)*")
_BLANK_LINES = re.compile(r"\n\n+")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Without the ``newline`` rule, line breaks stay inside text tokens with
    # the spaces around them, as Markdown::Pod prints them.
    return MarkdownIt("commonmark").disable("newline")


def rewrite_doc_links(markdown: str) -> str:
    """Make ``(/docs/...)`` link targets absolute, as the builder does before converting."""
    return markdown.replace(_DOCS_LINK, _DOCS_SITE)


def markdown_to_pod(markdown: str | None, in_item: bool = False) -> str:
    """Convert one Markdown text (summary, description) to POD.

    Returns ``""`` for an empty text; otherwise the POD ends with one newline.
    ``in_item``: the text continues an ``=item`` line, where POD allows no
    ``=head`` (headings become bold paragraphs) and where a leading command
    (a list) must start a paragraph of its own.
    """
    return MarkdownToPod()(markdown, in_item)


class MarkdownToPod:
    """:func:`markdown_to_pod` parsing each text once.

    For one render: each summary is converted on its own and as an item,
    and some descriptions recur (the ``model`` property of request bodies).
    """

    def __init__(self) -> None:
        #: Parsed texts: markdown-it's tokens and the source lines.
        self._parsed: dict[str, tuple[list[Token], list[str]]] = {}

    def __call__(self, markdown: str | None, in_item: bool = False) -> str:
        """See :func:`markdown_to_pod`."""
        if not markdown:
            return ""
        source = rewrite_doc_links(markdown)
        if _PLAIN_TEXT.fullmatch(source):
            text = _BLANK_LINES.sub("\n\n", source.strip("\n"))
            return text + "\n" if text else ""
        parsed = self._parsed.get(source)
        if parsed is None:
            parsed = self._parsed[source] = (
                _parser().parse(source),
                source.split("\n"),
            )
        pod = _PodBlockWriter(*parsed, in_item).render()
        if not pod.strip():
            return ""
        if in_item and _COMMAND_LINE.match(pod):
            pod = "\n\n" + pod
        return pod.rstrip("\n") + "\n"


def escape_raw(text: str | None) -> str:
    """Text printed as is, protected from opening POD commands or codes."""
    if not text:
        return ""
    # Most texts hold neither ``<`` nor ``=``: the substitutions are skipped.
    if "<" in text:
        text = _CODE_START.sub("E<lt>", text)
    return _COMMAND_LINE.sub("E<61>", text) if "=" in text else text


def escape_code(text: str) -> str:
    """Text placed inside a formatting code such as ``C<...>``."""
    if "<" in text or ">" in text:
        text = _ANGLE.sub(_angle_entity, text)
    return _COMMAND_LINE.sub("E<61>", text) if "=" in text else text


class _PodBlockWriter:
    """Walks markdown-it's flat block token stream, emitting POD."""

    def __init__(
        self, tokens: Sequence[Token], lines: Sequence[str], in_item: bool
    ) -> None:
        self.tokens = tokens
        self.in_item = in_item
        self.in_bold_heading = False
        #: The source lines: markdown-it drops a paragraph's trailing spaces, Markdown::Pod keeps them.
        self.lines = lines
        self.paragraph_end = 0
        self.out: list[str] = []
        #: Per open list: the next item number, or ``None`` for bullets.
        self.lists: list[int | None] = []

    def render(self) -> str:
        for token in self.tokens:
            self._block(token)
        return "".join(self.out)

    def _block(self, token: Token) -> None:
        kind = token.type
        if kind == "inline":
            # A heading shown as B<...> is inside a formatting code.
            self.out.append(
                _command_safe(_inline(token.children or [], self.in_bold_heading))
            )
        elif kind == "paragraph_open" and token.map:
            self.paragraph_end = token.map[1]
        elif kind == "paragraph_close":
            last = self.lines[self.paragraph_end - 1] if self.paragraph_end else ""
            self.out.append(last[len(last.rstrip(" \t")) :] + "\n\n")
        elif kind == "heading_open":
            self.in_bold_heading = self.in_item
            self.out.append(
                "B<" if self.in_item else f"=head{min(int(token.tag[1:]), 4)} "
            )
        elif kind == "heading_close":
            self.in_bold_heading = False
            self.out.append(">\n\n" if self.in_item else "\n\n")
        elif kind == "hr":
            self.out.append(HORIZONTAL_RULE + "\n")
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            first = int(start) if isinstance(start, (int, str)) else 1
            self.lists.append(first if kind == "ordered_list_open" else None)
            self.out.append("=over\n\n")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
            self.out.append("=back\n\n")
        elif kind == "list_item_open":
            self.out.append(f"=item {self._bullet()}\n\n")
        elif kind in ("code_block", "fence"):
            self.out.append(_verbatim(token.content))
        elif kind == "html_block":
            # Shown as written, never as an ``=begin html`` region: spec text
            # is data, and such a region reaches HTML renderings as is.
            self.out.append(_verbatim(token.content))
        elif kind == "blockquote_open":
            self.out.append("=over 4\n\n")
        elif kind == "blockquote_close":
            self.out.append("=back\n\n")
        # list_item_close: nothing to write.

    def _bullet(self) -> str:
        number = self.lists[-1] if self.lists else None
        if number is None:
            return "*"
        self.lists[-1] = number + 1
        return f"{number}."


def _verbatim(code: str) -> str:
    """A code block: every non-empty line indented by four spaces."""
    lines = code.rstrip("\n").split("\n")
    return "\n".join("    " + line if line.strip() else "" for line in lines) + "\n\n"


def _command_safe(text: str) -> str:
    return _COMMAND_LINE.sub("E<61>", text)


def _inline(tokens: Sequence[Token], in_code: bool = False) -> str:
    """Render inline tokens; ``in_code``: inside a formatting code already."""
    parts: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("text", "html_inline"):
            # Adjacent runs are escaped together: ``B`` + ``<x>`` is ``B<x>``.
            run = [token.content]
            while index + 1 < len(tokens) and tokens[index + 1].type in (
                "text",
                "html_inline",
            ):
                index += 1
                run.append(tokens[index].content)
            parts.append(_text("".join(run), in_code))
        elif kind == "hardbreak":  # a backslash at the end of a line
            parts.append("\n")
        elif kind == "code_inline":
            parts.append(f"C<{escape_code(token.content)}>")
        elif kind in ("strong_open", "em_open", "link_open"):
            close = kind.replace("_open", "_close")
            end = _matching(tokens, index, kind, close)
            inner = _inline(tokens[index + 1 : end], in_code=True)
            parts.append(_wrap(token, inner))
            index = end
        elif kind == "image":
            # Its alt text, linked to the picture unless already inside a code (a link).
            alt = _inline(token.children or [], in_code=True)
            parts.append(
                alt if in_code else _link(alt, str(token.attrGet("src") or ""))
            )
        index += 1
    return "".join(parts)


def _matching(tokens: Sequence[Token], start: int, opening: str, closing: str) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        if tokens[index].type == opening:
            depth += 1
        elif tokens[index].type == closing:
            depth -= 1
            if depth == 0:
                return index
    return len(tokens)


def _wrap(token: Token, inner: str) -> str:
    if token.type == "strong_open":
        return f"B<{inner}>"
    if token.type == "em_open":
        return f"I<{inner}>"
    href = str(token.attrGet("href") or "")
    if token.markup == "autolink":
        return f"L<{_link_target(href)}>"
    return _link(inner, href)


def _link(text: str, href: str) -> str:
    """``L<text|url>``; a site-relative target, which POD would read as a section name, stays text."""
    target = _link_target(href)
    if href.startswith("/"):
        return f"{text} ({escape_code(href)})" if text else escape_code(href)
    if not text:
        return f"L<{target}>"
    return f"L<{text.replace('|', 'E<verbar>').replace('/', 'E<sol>')}|{target}>"


def _link_target(href: str) -> str:
    return href.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C")


def _angle_entity(match: re.Match[str]) -> str:
    return _ANGLE_ENTITIES[match.group()]


def _text(text: str, in_code: bool) -> str:
    if in_code:
        return _ANGLE.sub(_angle_entity, text)
    return _CODE_START.sub("E<lt>", text)
