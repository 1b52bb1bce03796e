"""The exceptions the client raises, one class per kind of failure."""

from __future__ import annotations

import json
from collections.abc import Mapping

import httpx

__all__ = [
    "OpenAIError",
    "APIError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
]


class OpenAIError(Exception):
    """Base class of every error raised by the client."""


class APIError(OpenAIError):
    """A failure tied to a request; ``body`` is what the server sent, if anything.

    For a status error whose reply is ``{"error": {...}}``, ``body`` is the
    inner error object; its ``code``, ``param`` and ``type`` are exposed when
    ``body`` is a mapping.
    """

    message: str
    request: httpx.Request
    body: object
    code: str | None
    param: str | None
    type: str | None

    def __init__(self, message: str, request: httpx.Request, body: object) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        details = body if isinstance(body, Mapping) else {}
        self.code = _text(details.get("code"))
        self.param = _text(details.get("param"))
        self.type = _text(details.get("type"))

    def __str__(self) -> str:
        return self.message


class APIStatusError(APIError):
    """The server answered with a non-success status code."""

    response: httpx.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, response.request, body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class InternalServerError(APIStatusError):
    """HTTP 500 and above."""


class APIConnectionError(APIError):
    """The request never got a response (refused, reset, DNS failure...)."""

    def __init__(
        self, *, request: httpx.Request, message: str = "Connection error."
    ) -> None:
        super().__init__(message, request, None)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(request=request, message="Request timed out.")


class APIResponseValidationError(APIError):
    """The response could not be read as the declared type."""

    response: httpx.Response
    status_code: int

    def __init__(
        self,
        response: httpx.Response,
        body: object,
        *,
        message: str = "Data returned by the API is invalid for the expected type.",
    ) -> None:
        super().__init__(message, response.request, body)
        self.response = response
        self.status_code = response.status_code


_STATUS_ERRORS: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response) -> APIStatusError:
    """The typed error for a non-success ``response`` whose body was read.

    The message is ``Error code: <status> - <reply>``, the reply being the
    decoded JSON (as Python shows it) or the text.  ``body`` is the inner
    object of an ``{"error": ...}`` reply, else the whole decoded reply.
    """
    text = response.text.strip()
    message = f"Error code: {response.status_code}"
    body: object = text or None
    try:
        body = json.loads(text)
    except ValueError:
        if text:
            message += f" - {text}"
    else:
        message += f" - {body}"
        if isinstance(body, Mapping):
            body = body.get("error", body)
    if response.status_code >= 500:
        cls: type[APIStatusError] = InternalServerError
    else:
        cls = _STATUS_ERRORS.get(response.status_code, APIStatusError)
    return cls(message, response=response, body=body)


def connection_error(
    exc: httpx.TransportError, request: httpx.Request
) -> APIConnectionError:
    """The error for a request that failed in transport (timeouts included)."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request)
    return APIConnectionError(request=request, message=f"Connection error: {exc}")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
