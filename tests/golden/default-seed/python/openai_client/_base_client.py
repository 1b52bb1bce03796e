"""HTTP machinery of the generated clients: configuration, retries, errors.

The generated ``Client``/``AsyncClient`` subclass :class:`SyncAPIClient` /
:class:`AsyncAPIClient`, set ``_default_base_url`` and describe each call as a
:class:`RequestSpec` passed to ``_request`` (JSON or text), ``_request_stream``
(Server-Sent Events), ``_request_page`` (cursor pages) or ``_request_binary``.

Public names the generated ``__init__.py`` re-exports (every runtime module
also lists them in ``__all__``)::

    from ._base_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
    from ._exceptions import (APIConnectionError, APIError,
        APIResponseValidationError, APIStatusError, APITimeoutError,
        AuthenticationError, BadRequestError, ConflictError,
        InternalServerError, NotFoundError, OpenAIError,
        PermissionDeniedError, RateLimitError, UnprocessableEntityError)
    from ._models import BaseModel
    from ._pagination import AsyncCursorPage, SyncCursorPage
    from ._response import BinaryResponse
    from ._streaming import AsyncStream, Stream
    from ._types import (NOT_GIVEN, Body, FileTypes, Headers, NotGiven,
        Query, Timeout)

Generated code also uses ``RequestSpec`` and ``path_param`` (from here) and
``field``/``construct`` (from ``._models``), which are not re-exported.
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import platform
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, ClassVar, Final, Generic, Self, TypeVar

import httpx

from ._exceptions import OpenAIError, connection_error, status_error
from ._pagination import AsyncCursorPage, SyncCursorPage
from ._request import RequestSpec, path_param
from ._response import BinaryResponse, parse_response
from ._streaming import AsyncStream, Stream
from ._types import NotGiven, Timeout

__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "RequestSpec",
    "path_param",
    "SyncAPIClient",
    "AsyncAPIClient",
]

DEFAULT_TIMEOUT: Final = httpx.Timeout(600.0, connect=5.0)
DEFAULT_MAX_RETRIES: Final = 2
#: Backoff before retry ``n`` (from 0): ``INITIAL_RETRY_DELAY * 2**n``, capped.
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
#: The longest ``Retry-After`` honoured; longer requests are capped to it.
MAX_RETRY_AFTER: Final = 60.0

_RETRYABLE_STATUSES: Final = frozenset({408, 409, 429})
#: ``Accept`` per kind of call: JSON replies, event streams, binary replies.
_JSON: Final = "application/json"
_EVENT_STREAM: Final = "text/event-stream"
_ANY: Final = "*/*"

_HttpClientT = TypeVar("_HttpClientT", httpx.Client, httpx.AsyncClient)


def retry_after(headers: httpx.Headers) -> float | None:
    """The wait the server asks for (``retry-after-ms`` or ``Retry-After``).

    ``Retry-After`` may be seconds or an HTTP date.  The result is capped at
    :data:`MAX_RETRY_AFTER`; None when absent, unreadable or negative.
    """
    seconds: float | None = None
    if "retry-after-ms" in headers:
        try:
            seconds = float(headers["retry-after-ms"]) / 1000
        except ValueError:
            pass
    if seconds is None and "retry-after" in headers:
        value = headers["retry-after"]
        try:
            seconds = float(value)
        except ValueError:
            try:
                seconds = email.utils.parsedate_to_datetime(value).timestamp()
                seconds -= time.time()
            except (TypeError, ValueError):
                pass
    if seconds is None or not seconds >= 0:  # also rejects NaN
        return None
    return min(seconds, MAX_RETRY_AFTER)


class _BaseClient(Generic[_HttpClientT]):
    """Configuration and request building shared by both clients."""

    #: Set by the generated subclass: the spec's first server URL.
    _default_base_url: ClassVar[str] = "https://api.openai.com/v1"
    _client: _HttpClientT

    def __init__(
        self,
        *,
        api_key: str | None,
        organization: str | None,
        project: str | None,
        base_url: str | httpx.URL | None,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        api_key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY")
        if not api_key:
            raise OpenAIError(
                "The api_key client option must be set either by passing "
                "api_key to the client or by setting the OPENAI_API_KEY "
                "environment variable"
            )
        self.api_key = api_key
        self.organization = organization or os.environ.get("OPENAI_ORG_ID")
        self.project = project or os.environ.get("OPENAI_PROJECT_ID")
        self.base_url = httpx.URL(
            str(base_url or os.environ.get("OPENAI_BASE_URL") or self._default_base_url)
        )
        self.timeout = timeout
        self.max_retries = max_retries
        self._custom_headers = dict(default_headers or {})

    @property
    def default_headers(self) -> dict[str, str]:
        """Headers sent with every request (the caller's own win)."""
        headers = {
            "Authorization": f"Bearer {self.api_key}",
            "User-Agent": (
                f"openai-client/python {platform.python_version()} "
                f"httpx/{httpx.__version__}"
            ),
        }
        if self.organization:
            headers["OpenAI-Organization"] = self.organization
        if self.project:
            headers["OpenAI-Project"] = self.project
        return {**headers, **self._custom_headers}

    def _build_request(self, spec: RequestSpec, accept: str) -> httpx.Request:
        """The HTTP request for ``spec``; ``accept`` is what the call can read
        (JSON, an event stream, or any media for binary replies)."""
        content_headers, content = spec.body()
        headers = httpx.Headers({"Accept": accept, **self.default_headers})
        headers.update(content_headers)
        headers.update(spec.header_values())
        url = f"{str(self.base_url).rstrip('/')}/{spec.path_only.lstrip('/')}"
        timeout = self.timeout if isinstance(spec.timeout, NotGiven) else spec.timeout
        return self._client.build_request(
            spec.method.upper(),
            url,
            params=tuple(spec.query()),
            headers=headers,
            content=content,
            timeout=timeout,
        )

    def _retry_delay(
        self, retries_taken: int, response: httpx.Response | None
    ) -> float | None:
        """Seconds to wait before retrying, or None if the failure is final.

        Connection failures and timeouts (``response`` None), 408, 409, 429
        and 5xx are retried, unless the server says ``x-should-retry: false``
        (``true`` forces a retry).  The server's ``Retry-After`` wins over the
        exponential backoff with jitter.
        """
        if retries_taken >= self.max_retries:
            return None
        if response is not None:
            verdict = response.headers.get("x-should-retry")
            retryable = (
                response.status_code in _RETRYABLE_STATUSES
                or response.status_code >= 500
            )
            if verdict == "false" or (verdict != "true" and not retryable):
                return None
            asked = retry_after(response.headers)
            if asked is not None:
                return asked
        backoff = min(INITIAL_RETRY_DELAY * 2.0**retries_taken, MAX_RETRY_DELAY)
        return backoff * (1 - 0.25 * random.random())


class SyncAPIClient(_BaseClient[httpx.Client]):
    """The synchronous client: blocking calls over an :class:`httpx.Client`."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            organization=organization,
            project=project,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        self._client = (
            http_client if http_client is not None else httpx.Client(timeout=timeout)
        )
        #: How retries wait; replaceable (tests record instead of sleeping).
        self._sleep: Callable[[float], None] = time.sleep

    def _send(
        self, spec: RequestSpec, *, stream: bool, accept: str = _JSON
    ) -> httpx.Response:
        """A successful response to ``spec``, after retries; else raises."""
        request = self._build_request(spec, accept)
        retries_taken = 0
        while True:
            try:
                response = self._client.send(request, stream=stream)
            except httpx.TransportError as exc:
                delay = self._retry_delay(retries_taken, None)
                if delay is None:
                    raise connection_error(exc, request) from exc
            else:
                if response.is_success:
                    return response
                delay = self._retry_delay(retries_taken, response)
                try:
                    response.read()
                finally:
                    response.close()
                if delay is None:
                    raise status_error(response)
            self._sleep(delay)
            retries_taken += 1

    def _request(self, spec: RequestSpec, cast_to: object) -> Any:
        return parse_response(self._send(spec, stream=False), cast_to)

    def _request_stream(self, spec: RequestSpec, event_type: object) -> Stream[Any]:
        return Stream(self._send(spec, stream=True, accept=_EVENT_STREAM), event_type)

    def _request_page(
        self, spec: RequestSpec, item_type: object
    ) -> SyncCursorPage[Any]:
        return SyncCursorPage(
            self._request(spec, object),
            item_type=item_type,
            spec=spec,
            fetch=lambda next_spec: self._request_page(next_spec, item_type),
        )

    def _request_binary(self, spec: RequestSpec) -> BinaryResponse:
        return BinaryResponse(self._send(spec, stream=False, accept=_ANY))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(_BaseClient[httpx.AsyncClient]):
    """The asynchronous client: ``await``-able calls over an :class:`httpx.AsyncClient`."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            organization=organization,
            project=project,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        self._client = (
            http_client
            if http_client is not None
            else httpx.AsyncClient(timeout=timeout)
        )
        #: How retries wait; replaceable (tests record instead of sleeping).
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    async def _send(
        self, spec: RequestSpec, *, stream: bool, accept: str = _JSON
    ) -> httpx.Response:
        """A successful response to ``spec``, after retries; else raises."""
        request = self._build_request(spec, accept)
        retries_taken = 0
        while True:
            try:
                response = await self._client.send(request, stream=stream)
            except httpx.TransportError as exc:
                delay = self._retry_delay(retries_taken, None)
                if delay is None:
                    raise connection_error(exc, request) from exc
            else:
                if response.is_success:
                    return response
                delay = self._retry_delay(retries_taken, response)
                try:
                    await response.aread()
                finally:
                    await response.aclose()
                if delay is None:
                    raise status_error(response)
            await self._sleep(delay)
            retries_taken += 1

    async def _request(self, spec: RequestSpec, cast_to: object) -> Any:
        return parse_response(await self._send(spec, stream=False), cast_to)

    async def _request_stream(
        self, spec: RequestSpec, event_type: object
    ) -> AsyncStream[Any]:
        return AsyncStream(
            await self._send(spec, stream=True, accept=_EVENT_STREAM), event_type
        )

    async def _request_page(
        self, spec: RequestSpec, item_type: object
    ) -> AsyncCursorPage[Any]:
        return AsyncCursorPage(
            await self._request(spec, object),
            item_type=item_type,
            spec=spec,
            fetch=lambda next_spec: self._request_page(next_spec, item_type),
        )

    async def _request_binary(self, spec: RequestSpec) -> BinaryResponse:
        return BinaryResponse(await self._send(spec, stream=False, accept=_ANY))

    async def close(self) -> None:
        await self._client.aclose()

    aclose = close

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
