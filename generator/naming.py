"""Python names for spec names: always valid identifiers, never keywords.

Every renderer that shows a Python name (the client, the Markdown examples)
asks this module, so the docs and the code agree.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")

#: Names that would shadow something the generated code relies on.
_RESERVED = frozenset(
    {
        "self",
        "cls",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
    }
    | set(keyword.kwlist)
    | set(keyword.softkwlist)
)


def _ascii_words(name: str) -> list[str]:
    """Split a name into ASCII words (camelCase, snake_case, kebab, dots...)."""
    folded = (
        name
        if name.isascii()  # unchanged by the folding below, and the common case
        else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    )
    spaced = _CAMEL_BOUNDARY.sub(" ", folded)
    return [w for w in _NON_WORD.split(spaced) if w]


@lru_cache(maxsize=1 << 14)  # the same names recur: a pure function of a string
def snake_case(name: str) -> str:
    """``createRealtimeSession`` / ``create-realtime-session`` -> ``create_realtime_session``.

    The result is a valid, non-keyword identifier (``_`` suffix or prefix as needed).
    """
    words = _ascii_words(name)
    result = "_".join(w.lower() for w in words) or "_"
    return safe_identifier(result)


def pascal_case(name: str) -> str:
    """``realtime.session_create`` -> ``RealtimeSessionCreate``; a valid identifier."""
    if (
        name.isalnum()
        and name.isascii()
        and name[0].isupper()
        and name not in _RESERVED
    ):
        # Already PascalCase (every word it splits into starts with a capital):
        # names made of names (``Parent`` + ``Suffix``) are, and they are new
        # strings each time, which the cache below would only fill up with.
        return name
    return _pascal_case(name)


@lru_cache(maxsize=1 << 14)
def _pascal_case(name: str) -> str:
    """:func:`pascal_case` of a name that needs the work."""
    words = _ascii_words(name)
    result = "".join(w[:1].upper() + w[1:] for w in words) or "_"
    return safe_identifier(result)


def safe_identifier(name: str) -> str:
    """Make ``name`` a valid identifier that is not a keyword or reserved name."""
    if not name.isidentifier() or not name.isascii():
        name = _NON_WORD.sub("_", name) or "_"
    if name[0].isdigit():
        name = "_" + name
    if name in _RESERVED:
        name = name + "_"
    return name


def pod_page_name(path: str) -> str:
    """The POD page name of an API path: ``/a/{b}/c`` -> ``a-b-c``.

    Leading ``/`` removed; ``/``, ``{``, ``}`` become ``-``; runs of ``-``
    collapse; a trailing ``-`` is dropped (the Perl distribution's rule).
    Characters no real spec puts in a path and that would break a file name
    or a POD link (space, ``:``, ``<``, ``|``...) also become ``-``; word
    characters, ``.``, ``?`` and ``=`` (``/responses?beta=true``) are kept.
    """
    name = re.sub(r"[^\w.?=-]", "-", path.lstrip("/"), flags=re.ASCII)
    name = re.sub(r"-+", "-", name)
    return name.rstrip("-") or "-"


def field_identifiers(names: list[str], *taken: AbstractSet[str]) -> dict[str, str]:
    """Python names for a set of wire names (properties or parameters), all distinct.

    A wire name that already is a valid, non-reserved ASCII identifier is kept
    as is (``input_audio_format`` stays ``input_audio_format``, ``fooBar``
    stays ``fooBar``); others are sanitised (``Content-Type`` ->
    ``Content_Type``, ``class`` -> ``class_``, ``2d`` -> ``_2d``).  Clashes,
    with each other or with a name in one of the ``taken`` sets, get ``_2``,
    ``_3``... in input order.
    """
    safe = [safe_identifier(name) for name in names]
    if len(set(safe)) == len(safe) and not any(
        name in names_taken for name in safe for names_taken in taken
    ):
        # The common case, and a hot one: nothing clashes, and the taken
        # sets (every model class name, for an attribute) are not copied.
        return dict(zip(names, safe, strict=True))
    used = set().union(*taken)
    return {
        name: unique_name(candidate, used, "_")
        for name, candidate in zip(names, safe, strict=True)
    }


def unique_name(
    candidate: str,
    used: set[str],
    separator: str = "",
    fold: Callable[[str], str] = lambda name: name,
) -> str:
    """``candidate``, or ``candidate`` + separator + 2, 3... if taken; then taken.

    ``used`` holds folded names: with ``fold=str.casefold``, names that differ
    only by case count as taken (file names on case-insensitive systems).
    """
    name = candidate
    counter = 2
    while fold(name) in used:
        name = f"{candidate}{separator}{counter}"
        counter += 1
    used.add(fold(name))
    return name


def page_names(paths: Iterable[str]) -> dict[str, str]:
    """The page name of each API path (:func:`pod_page_name`), all distinct.

    POD and Markdown pages share these names.  Real specs never collide;
    hostile ones (``/a b`` and ``/a-b``, ``/Files`` and ``/files``) get
    ``-2``, ``-3``... in path order, so no page overwrites another on any
    file system.
    """
    used: set[str] = set()
    return {
        path: unique_name(pod_page_name(path), used, "-", str.casefold)
        for path in sorted(set(paths))
    }
