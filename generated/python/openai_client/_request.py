"""What the generated methods ask for (:class:`RequestOptions`) and its encoding."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote

from ._models import BaseModel, to_jsonable
from ._multipart import encode_multipart
from ._types import NOT_GIVEN, FileTypes, NotGiven, Timeout

__all__ = ["RequestOptions", "path_param"]


def path_param(value: object) -> str:
    """``value`` as one URL path segment (every reserved character escaped)."""
    return quote(_scalar_text(value), safe="")


@dataclass(frozen=True)
class RequestOptions:
    """One API call as a generated method describes it.

    ``path`` is relative to the base URL with path parameters already
    substituted through :func:`path_param`.  ``NOT_GIVEN`` values are dropped
    everywhere; an explicit ``None`` in ``json_body`` is sent as ``null``.
    ``form``/``files`` make a multipart request; otherwise ``json_body`` (if
    given) is sent as JSON.  The ``extra_*`` mappings are merged over the
    declared values.
    """

    method: str
    path: str
    params: Mapping[str, object] | None = None
    headers: Mapping[str, object] | None = None
    json_body: object = NOT_GIVEN
    form: Mapping[str, object] | None = None
    files: Mapping[str, FileTypes | Sequence[FileTypes]] | None = None
    extra_headers: Mapping[str, object] | None = None
    extra_query: Mapping[str, object] | None = None
    extra_body: Mapping[str, object] | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN

    @property
    def path_only(self) -> str:
        """``path`` without the query string some specs write into it."""
        return self.path.partition("?")[0]

    def query(self) -> list[tuple[str, str]]:
        """Query pairs: lists repeat the key, mappings nest as ``key[sub]``.

        Pairs written into the path (``/responses?beta=true``) come first.
        ``NOT_GIVEN`` and ``None`` values are left out; booleans are
        ``true``/``false``.
        """
        written = self.path.partition("?")[2]
        pairs = parse_qsl(written, keep_blank_values=True)
        for key, value in {**(self.params or {}), **(self.extra_query or {})}.items():
            _add_query_pair(pairs, key, value)
        return pairs

    def header_values(self) -> dict[str, str]:
        """The call's own headers as text (``NOT_GIVEN``/``None`` dropped)."""
        merged = {**(self.headers or {}), **(self.extra_headers or {})}
        return {
            key: _scalar_text(value)
            for key, value in merged.items()
            if value is not NOT_GIVEN and value is not None
        }

    def body(self) -> tuple[dict[str, str], bytes | None]:
        """The ``Content-Type`` header (if any) and the encoded body."""
        if self.form is not None or self.files is not None:
            fields = {**(self.form or {}), **(self.extra_body or {})}
            content_type, content = encode_multipart(fields, self.files or {})
            return {"Content-Type": content_type}, content
        body = self.json_body
        if self.extra_body:
            base = body if isinstance(body, Mapping) else {}
            body = {**base, **self.extra_body}
        if body is NOT_GIVEN:
            return {}, None
        text = json.dumps(to_jsonable(body), ensure_ascii=False, separators=(",", ":"))
        return {"Content-Type": "application/json"}, text.encode()


def _add_query_pair(pairs: list[tuple[str, str]], key: str, value: object) -> None:
    if value is NOT_GIVEN or value is None:
        return
    if isinstance(value, BaseModel):
        value = value.to_dict()
    if isinstance(value, Mapping):
        for sub, item in value.items():
            _add_query_pair(pairs, f"{key}[{sub}]", item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _add_query_pair(pairs, key, item)
    else:
        pairs.append((key, _scalar_text(value)))


def _scalar_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
