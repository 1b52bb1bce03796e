"""Which of an operation's media types a call uses: one answer for the client and the docs.

The client sends the request body as :func:`request_media` and reads the
first success response as :func:`success_content` splits it; the Markdown
examples show the same request and read the same response.
"""

from __future__ import annotations

from generator.model import MediaType, Operation

JSON = "application/json"
MULTIPART = "multipart/form-data"
SSE = "text/event-stream"


def is_json(content_type: str) -> bool:
    """``application/json`` or a ``+json`` structured syntax (``application/problem+json``)."""
    return content_type == JSON or content_type.endswith("+json")


def request_media(operation: Operation) -> MediaType | None:
    """The request body's media type the call sends: the first JSON or
    multipart one, else the first listed; ``None`` without a body."""
    if operation.request_body is None:
        return None
    content = operation.request_body.content
    supported = [
        m for m in content if is_json(m.content_type) or m.content_type == MULTIPART
    ]
    candidates = supported or list(content)
    return candidates[0] if candidates else None


def success_content(
    operation: Operation,
) -> tuple[MediaType | None, list[MediaType]]:
    """The first success (2xx) response's Server-Sent-Events media type (if
    any) and its other media types, in order."""
    success = next((r for r in operation.responses if r.status.startswith("2")), None)
    content = list(success.content) if success is not None else []
    events = next((m for m in content if m.content_type == SSE), None)
    return events, [m for m in content if m.content_type != SSE]
