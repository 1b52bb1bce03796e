"""Shared types of the client: the ``NOT_GIVEN`` sentinel and request aliases."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, ClassVar, Final, Literal, TypeAlias, Union

import httpx

__all__ = [
    "NotGiven",
    "NOT_GIVEN",
    "Headers",
    "Query",
    "Body",
    "FileContent",
    "FileTypes",
    "Timeout",
]


class NotGiven:
    """Marks an argument the caller left out, as opposed to an explicit ``None``.

    Omitted arguments are not sent at all, while ``None`` is sent as JSON
    ``null``.  An argument annotated ``int | NotGiven = NOT_GIVEN`` accepts a
    plain ``int``; ``__bool__`` returns ``Literal[False]`` so ``if value:``
    narrows the sentinel away for type checkers.
    """

    _instance: ClassVar[NotGiven | None] = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

#: Request headers; a ``NOT_GIVEN`` value removes the header.
Headers: TypeAlias = Mapping[str, Union[str, NotGiven]]
#: Query parameters; values are rendered by the request encoder.
Query: TypeAlias = Mapping[str, object]
#: A JSON request body (``NOT_GIVEN`` values in mappings are dropped).
Body: TypeAlias = object

#: The content of an uploaded file: raw bytes, a binary file, or a path.
FileContent: TypeAlias = Union[IO[bytes], bytes, os.PathLike[str]]
#: A file part: content alone, or ``(filename, content[, content_type])``.
FileTypes: TypeAlias = Union[
    FileContent,
    tuple[Union[str, None], FileContent],
    tuple[Union[str, None], FileContent, Union[str, None]],
]

#: Seconds, a detailed :class:`httpx.Timeout`, or ``None`` for no timeout.
Timeout: TypeAlias = Union[float, httpx.Timeout, None]
