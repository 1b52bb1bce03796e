"""``multipart/form-data`` encoding of text fields and file parts."""

from __future__ import annotations

import json
import mimetypes
import os
import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, cast

from ._models import BaseModel, to_jsonable
from ._types import NOT_GIVEN, FileContent, FileTypes

__all__ = ["encode_multipart"]


def encode_multipart(
    fields: Mapping[str, object],
    files: Mapping[str, FileTypes | Sequence[FileTypes]],
    *,
    boundary: str | None = None,
) -> tuple[str, bytes]:
    """The ``Content-Type`` header value and body for a multipart request.

    Text fields: ``NOT_GIVEN`` and ``None`` are left out, lists (any
    iterable but text and mappings) become repeated fields, booleans
    ``true``/``false``, numbers their decimal text, mappings and models JSON.  A ``list`` of files becomes repeated file parts
    (a ``tuple`` is one file: ``(filename, content[, content_type])``).
    """
    boundary = boundary or secrets.token_hex(16)
    parts: list[bytes] = []
    for name, value in fields.items():
        for item in _repeated(value):
            text = _field_text(item)
            if text is not None:
                parts.append(_part(boundary, name, None, None, text.encode()))
    for name, given in files.items():
        for file in given if isinstance(given, list) else [given]:
            filename, content, content_type = _read_file(cast(FileTypes, file))
            parts.append(_part(boundary, name, filename, content_type, content))
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def _repeated(value: object) -> list[object]:
    """The values of a field: those of a list or any other iterable but text
    and mappings (a generator too), else the one value."""
    if isinstance(value, (str, bytes, bytearray, Mapping)):
        return [value]
    return list(value) if isinstance(value, Iterable) else [value]


def _field_text(value: object) -> str | None:
    if value is NOT_GIVEN or value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (BaseModel, Mapping, list, tuple)):
        return json.dumps(to_jsonable(value), ensure_ascii=False)
    return str(value)


def _read_file(file: FileTypes) -> tuple[str, bytes, str]:
    """``(filename, content, content_type)`` for any accepted file form."""
    filename: str | None = None
    content_type: str | None = None
    if isinstance(file, tuple):
        if len(file) == 3:
            filename, content, content_type = file
        else:
            filename, content = file
    else:
        content = file
    data, own_name = _read_content(content)
    filename = filename if filename is not None else own_name
    content_type = (
        content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    )
    return filename, data, content_type


def _read_content(content: FileContent) -> tuple[bytes, str]:
    """The bytes of ``content`` and the file name it carries (else ``upload``)."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        return bytes(content), "upload"
    if isinstance(content, os.PathLike):
        path = os.fspath(content)
        with open(path, "rb") as handle:
            return handle.read(), os.path.basename(path)
    stream: IO[bytes] = content
    name = getattr(stream, "name", None)
    data = stream.read()
    return data, os.path.basename(name) if isinstance(name, str) else "upload"


def _part(
    boundary: str,
    name: str,
    filename: str | None,
    content_type: str | None,
    content: bytes,
) -> bytes:
    disposition = f'form-data; name="{_quote(name)}"'
    if filename is not None:
        disposition += f'; filename="{_quote(filename)}"'
    head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
    if content_type is not None:
        head += f"Content-Type: {content_type}\r\n"
    return head.encode() + b"\r\n" + content + b"\r\n"


def _quote(value: str) -> str:
    """Escape a name for a quoted header parameter, as browsers do."""
    return value.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
