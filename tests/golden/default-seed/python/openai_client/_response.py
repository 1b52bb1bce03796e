"""Reading a successful response: JSON into types, text, or raw bytes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import httpx

from ._exceptions import APIResponseValidationError
from ._models import construct

__all__ = ["BinaryResponse"]


class BinaryResponse:
    """A response whose body is raw bytes (audio, files...), already read."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def content(self) -> bytes:
        return self.response.content

    @property
    def text(self) -> str:
        return self.response.text

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    @property
    def status_code(self) -> int:
        return self.response.status_code

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks of ``chunk_size`` bytes (one chunk if None)."""
        content = self.content
        size = chunk_size or max(len(content), 1)
        for start in range(0, len(content), size):
            yield content[start : start + size]

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to ``file``, replacing it."""
        with open(file, "wb") as handle:
            handle.write(self.content)

    def __repr__(self) -> str:
        content_type = self.headers.get("content-type")
        return (
            f"BinaryResponse(status_code={self.status_code}, "
            f"content_type={content_type!r}, size={len(self.content)})"
        )


def is_json(response: httpx.Response) -> bool:
    """Whether the response declares a JSON body (``application/json``, ``+json``)."""
    media_type = str(response.headers.get("content-type", "")).split(";")[0].strip()
    return media_type.lower() == "application/json" or media_type.endswith("+json")


def parse_response(response: httpx.Response, cast_to: object) -> Any:
    """The body of a read response as ``cast_to``.

    ``cast_to=None`` discards the body; an empty body gives ``None``; a JSON
    body is converted with :func:`construct`; any other body is its text.
    """
    if cast_to is None or not response.content:
        return None
    if not is_json(response):
        return response.text
    try:
        data = response.json()
    except ValueError as exc:
        raise APIResponseValidationError(
            response, response.text, message=f"Invalid JSON in the response: {exc}"
        ) from exc
    return construct(cast_to, data)
