"""Facts of the OpenAPI format that every stage shares, from selection on."""

from __future__ import annotations

from urllib.parse import unquote

#: The operation keys of a path item, in the order the format lists them.
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def fallback_operation_id(method: str, path: str) -> str:
    """The id of an operation that has no ``operationId`` (``get/things``)."""
    return f"{method}{path}"


def pointer_key(token: str) -> str:
    """One JSON-pointer token of a ``$ref`` as a key (percent-decoding, then
    ``~1``, ``~0``)."""
    return unquote(token).replace("~1", "/").replace("~0", "~")
