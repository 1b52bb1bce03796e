"""YAML text for the spec slice: block style, written for a reviewer's diff.

A small emitter for the data a spec loads into (mappings, lists, strings,
numbers, booleans, null), chosen over a YAML library's dumper because the
slice has its own needs and the whole-API run pays for every millisecond:

* multi-line text is a literal block (``|``), one line of text per line of
  YAML, so a changed sentence shows as a changed line in the vendored diff;
  text a block would not keep exactly (leading white space, trailing spaces
  on a line, control characters) stays quoted;
* a string is written plain only when it is plainly a string to every YAML
  reader, YAML 1.1 ones included (``yes``, ``0b1``, ``2024-10-01`` are
  quoted); anything else is double-quoted with JSON's escapes, which YAML's
  double-quoted style shares, plus ``\\u`` escapes for the characters YAML
  does not allow as they are;
* it is iterative, so a deeply nested example cannot exhaust the stack.

It is three times faster than the dumper of yaml-rs followed by the block
rewrite it needed, and holds a quarter of the memory; ``tests/unit/test_slice.py``
loads the text back with yaml-rs and PyYAML and compares.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from itertools import repeat
from typing import Any

from generator.errors import GeneratorError

#: Strings written as they are: they start with a letter, ``_``, ``/`` or
#: ``$`` and hold nothing a YAML reader could take for syntax or for another
#: type; or they are dotted version numbers of three parts or more (``3.1.0``).
_PLAIN = re.compile(r"[A-Za-z_/$][A-Za-z0-9_ ./()+\-;?!@%&*=<>|~^'$]*|\d+(?:\.\d+){2,}")
#: Plain words that YAML 1.1 or 1.2 readers take for booleans, null or numbers.
_NOT_PLAIN_WORDS = frozenset(
    {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
    | {"nan", "inf", "infinity"}
)
#: Characters JSON leaves as they are that YAML does not allow, or reads as
#: line breaks, inside a quoted string.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")
#: Characters a literal block cannot show as they are.
_NOT_IN_BLOCKS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]")
#: ``json.dumps(text, ensure_ascii=False)`` without building an encoder a call.
_json_string = json.JSONEncoder(ensure_ascii=False).encode


def dump(document: Mapping[str, Any]) -> str:
    """``document`` as YAML text (``---`` first), keys in their order."""
    out = ["---\n"]
    write = out.append
    # One frame per open mapping or list: its entries still to write (key,
    # value; the key is ``None`` for list items) and their indentation.
    stack: list[tuple[Iterator[tuple[Any, Any]], str]] = [(iter(document.items()), "")]
    keys: dict[str, str] = {}  # the same few keys recur all over a spec
    texts: dict[str, str] = {}  # and so do one-line strings (types, formats)
    # What starts the next entry's line: its frame's indentation, or the
    # ``- `` line of the list item whose value that frame is (``None``: the
    # indentation of the frame on top).
    start: str | None = None
    while stack:
        entries, indent = stack[-1]
        if start is None:
            start = indent
        for key, value in entries:
            if key is None:
                mark = "-"
            elif type(key) is str:
                mark = keys.get(key, "")
                if not mark:
                    mark = keys[key] = scalar(key) + ":"
            else:  # a number or boolean key (1 and True are equal in a dict)
                mark = scalar(key) + ":"
            if type(value) is str and "\n" not in value:
                text = texts.get(value)
                if text is None:
                    text = texts[value] = scalar(value)
                write(f"{start}{mark} {text}\n")
                start = indent
                continue
            if not value or not isinstance(value, (dict, list)):
                write(f"{start}{mark} {_value(value, indent)}\n")
                start = indent
                continue
            stack.append(
                (
                    (
                        iter(value.items())
                        if isinstance(value, dict)
                        else zip(repeat(None), value)
                    ),
                    indent + "  ",
                )
            )
            if key is None:  # the container's first entry shares the dash line
                start = f"{start}- "
            else:
                write(f"{start}{mark}\n")
                start = None
            break
        else:
            stack.pop()
            start = None
    return "".join(out)


def _value(value: object, indent: str) -> str:
    """A value on its key's (or dash's) line; multi-line text as a literal block."""
    if isinstance(value, str) and "\n" in value:
        block = _literal_block(value, indent + "  ")
        if block is not None:
            return block
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return scalar(value)


def scalar(value: object) -> str:
    """A string, number, boolean or null on one line."""
    if isinstance(value, str):
        if (
            _PLAIN.fullmatch(value)
            and value[-1] != " "
            and value.lower() not in _NOT_PLAIN_WORDS
        ):
            return value
        text = _json_string(value)
        if _UNPRINTABLE.search(text):
            text = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
        return text
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        # 1e-05 is a string to YAML 1.1 readers; 1.0e-05 is a number to all.
        return text.replace("e", ".0e") if "e" in text and "." not in text else text
    raise GeneratorError(
        f"the spec slice cannot hold a value of type {type(value).__name__}"
    )


def _literal_block(value: str, indent: str) -> str | None:
    """``value`` as a literal block (its header and lines), or ``None`` where a
    block would not keep it exactly.

    The chomping indicator keeps the final line breaks: ``|-`` none, ``|``
    one, ``|+`` all of them.
    """
    text = value.rstrip("\n")
    if (
        not text
        or text[0].isspace()
        or text[-1] in " \t"
        or " \n" in text
        or "\t\n" in text
        or _NOT_IN_BLOCKS.search(text)
    ):
        return None
    breaks = len(value) - len(text)
    chomping = "-" if breaks == 0 else "" if breaks == 1 else "+"
    if "\n\n" in text:  # empty lines stay empty, without indentation
        body = "\n".join([indent + line if line else "" for line in text.split("\n")])
    else:
        body = indent + text.replace("\n", "\n" + indent)
    return "|" + chomping + "\n" + body + "\n" * max(breaks - 1, 0)
