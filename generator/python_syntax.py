"""Python source text that every artifact writing Python shares: literals and widths.

The client package and the Python examples of the Markdown docs both print
Python; both must quote strings and measure lines as black does, so that
black leaves either unchanged.  Line *breaking* is the client renderer's own
business (:mod:`generator.render.python.layout`).
"""

from __future__ import annotations

import json
import re
import unicodedata

from generator.model import JsonValue

#: Black's default line length.
LINE_LENGTH = 88


def width(text: str) -> int:
    """Columns ``text`` takes in an editor (and for black's line length): East
    Asian wide characters count 2, combining ones 0."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def string_literal(body: str, prefix: str = "") -> str:
    """A one-line string literal with black's choice of quotes.

    ``body`` is the literal's content as written between double quotes
    (``"`` escaped); black prefers double quotes unless single quotes need
    fewer backslashes.
    """
    if '"' not in body:
        return f'{prefix}"{body}"'
    single = re.sub(r"(?<!\\)((?:\\\\)*)\\\"", r'\1"', body)
    single = re.sub(r"(?<!\\)((?:\\\\)*)'", r"\1\\'", single)
    if single.count("\\") < body.count("\\"):
        return f"{prefix}'{single}'"
    return f'{prefix}"{body}"'


def python_literal(value: JsonValue) -> str:
    """A Python literal for a JSON scalar, quoted like black writes it."""
    if isinstance(value, str):
        if value.isidentifier() and value.isascii():
            return f'"{value}"'  # nothing to escape: the common case, and a hot one
        return string_literal(json.dumps(value, ensure_ascii=False)[1:-1])
    return repr(value)
