"""HTTP machinery of the generated clients: configuration, retries, errors.

The generated ``Client``/``AsyncClient`` subclass :class:`SyncAPIClient` /
:class:`AsyncAPIClient`, set ``_default_base_url`` and describe each call as a
:class:`RequestOptions` passed to ``_request`` (JSON or text), ``_request_stream``
(Server-Sent Events), ``_request_page`` (cursor pages) or ``_request_binary``.
Each returns the parsed result, or its response when the method
is called through a wrapper of :mod:`._response` (``with_raw_response``,
``with_streaming_response``).

Public names the generated ``__init__.py`` re-exports (every runtime module
also lists them in ``__all__``)::

    from ._base_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
    from ._exceptions import (APIConnectionError, APIError,
        APIResponseValidationError, APIStatusError, APITimeoutError,
        AuthenticationError, BadRequestError, ConflictError,
        InternalServerError, NotFoundError, OpenAIError,
        PermissionDeniedError, RateLimitError, UnprocessableEntityError)
    from ._models import BaseModel
    from ._pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
    from ._response import (APIResponse, AsyncAPIResponse, BinaryResponse,
        RawAPIResponse)
    from ._streaming import AsyncStream, Stream
    from ._types import (NOT_GIVEN, Body, FileTypes, Headers, NotGiven,
        Query, Timeout)

Generated code also uses ``RequestOptions`` and ``path_param`` (from here),
``field``/``construct``/``IterableData`` (from ``._models``) and the
wrappers of ``._response``, which are not re-exported.
"""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import logging
import os
import platform
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, ClassVar, Final, Generic, Self, TypeVar

import httpx

from ._exceptions import OpenAIError, connection_error, status_error
from ._logs import logger, redacted, setup_logging
from ._pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from ._request import RequestOptions, path_param
from ._response import (
    APIResponse,
    AsyncAPIResponse,
    BinaryResponse,
    Parser,
    capture_response,
    deliver,
    parse_response,
    request_id,
)
from ._streaming import AsyncStream, Stream
from ._types import NOT_GIVEN, NotGiven, Timeout

__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "RequestOptions",
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

#: The header carrying the key that identifies a request across its retries.
IDEMPOTENCY_HEADER: Final = "Idempotency-Key"
_NOT_IDEMPOTENT: Final = frozenset({"POST", "PATCH"})

_RETRYABLE_STATUSES: Final = frozenset({408, 409, 429})
#: ``Accept`` per kind of call: JSON replies, event streams, binary replies.
_JSON: Final = "application/json"
_EVENT_STREAM: Final = "text/event-stream"
_ANY: Final = "*/*"

_HttpClientT = TypeVar("_HttpClientT", httpx.Client, httpx.AsyncClient)

setup_logging()


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
        default_query: Mapping[str, object] | None,
        http_client: _HttpClientT | None,
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
        self._custom_query = dict(default_query or {})
        self._client = (
            http_client if http_client is not None else self._new_http_client(timeout)
        )

    def _new_http_client(self, timeout: Timeout) -> _HttpClientT:
        raise NotImplementedError

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

    @property
    def default_query(self) -> dict[str, object]:
        """Query parameters sent with every request (a call's own win)."""
        return dict(self._custom_query)

    def copy(
        self,
        *,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: _HttpClientT | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
    ) -> Self:
        """A client like this one but for the options given.

        ``default_headers``/``default_query`` are added to this client's,
        ``set_default_headers``/``set_default_query`` replace them.  The copy
        shares this client's connection pool unless given ``http_client``, so
        closing either closes both.  Also available as :meth:`with_options`,
        for one call: ``client.with_options(max_retries=5).create_thing(...)``.
        """
        if default_headers is not None and set_default_headers is not None:
            raise ValueError(
                "default_headers and set_default_headers are mutually exclusive"
            )
        if default_query is not None and set_default_query is not None:
            raise ValueError(
                "default_query and set_default_query are mutually exclusive"
            )
        headers = (
            set_default_headers
            if set_default_headers is not None
            else {**self._custom_headers, **(default_headers or {})}
        )
        query = (
            set_default_query
            if set_default_query is not None
            else {**self._custom_query, **(default_query or {})}
        )
        return type(self)(
            api_key=api_key or self.api_key,
            organization=organization or self.organization,
            project=project or self.project,
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(
                self.max_retries if isinstance(max_retries, NotGiven) else max_retries
            ),
            default_headers=headers,
            default_query=query,
            http_client=http_client if http_client is not None else self._client,
        )

    with_options = copy

    def _build_request(self, options: RequestOptions, accept: str) -> httpx.Request:
        """The HTTP request for ``options``; ``accept`` is what the call can read
        (JSON, an event stream, or any media for binary replies).

        POST and PATCH requests carry an :data:`IDEMPOTENCY_HEADER` (unless
        the caller set one): the request is built once per call, so retries
        send the same key and the server can recognise a repeated request.
        """
        content_headers, content = options.body()
        headers = httpx.Headers({"Accept": accept, **self.default_headers})
        headers.update(content_headers)
        headers.update(options.header_values())
        method = options.method.upper()
        if method in _NOT_IDEMPOTENT and IDEMPOTENCY_HEADER not in headers:
            headers[IDEMPOTENCY_HEADER] = f"openai-client-retry-{uuid.uuid4()}"
        url = f"{str(self.base_url).rstrip('/')}/{options.path_only.lstrip('/')}"
        timeout = (
            self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        )
        return self._client.build_request(
            method,
            url,
            params=tuple(self._with_default_query(options).query()),
            headers=headers,
            content=content,
            timeout=timeout,
        )

    def _with_default_query(self, options: RequestOptions) -> RequestOptions:
        """``options`` with the client's default query parameters it does not set."""
        if not self._custom_query:
            return options
        params = {k: v for k, v in (options.params or {}).items() if v is not NOT_GIVEN}
        own = params.keys() | (options.extra_query or {}).keys()
        defaults = {k: v for k, v in self._custom_query.items() if k not in own}
        return dataclasses.replace(options, params={**defaults, **params})

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


def _log_request(request: httpx.Request, retries_taken: int) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "Sending HTTP request: %s %s (retry %d) headers=%s",
            request.method,
            request.url,
            retries_taken,
            redacted(request.headers.items()),
        )


def _log_response(response: httpx.Response) -> None:
    request = response.request
    logger.info(
        'HTTP response: %s %s "%d %s" request_id=%s',
        request.method,
        request.url,
        response.status_code,
        response.reason_phrase,
        request_id(response),
    )
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("Response headers: %s", redacted(response.headers.items()))


def _log_retry(request: httpx.Request, delay: float, reason: str) -> None:
    logger.info(
        "Retrying %s %s in %.3f seconds (%s)",
        request.method,
        request.url,
        delay,
        reason,
    )


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
        default_query: Mapping[str, object] | None = None,
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
            default_query=default_query,
            http_client=http_client,
        )
        #: How retries wait; replaceable (tests record instead of sleeping).
        self._sleep: Callable[[float], None] = time.sleep

    def _new_http_client(self, timeout: Timeout) -> httpx.Client:
        return httpx.Client(timeout=timeout)

    def _send(
        self, options: RequestOptions, *, stream: bool, accept: str = _JSON
    ) -> httpx.Response:
        """A successful response to ``options``, after retries; else raises."""
        request = self._build_request(options, accept)
        retries_taken = 0
        while True:
            _log_request(request, retries_taken)
            try:
                response = self._client.send(request, stream=stream)
            except httpx.TransportError as exc:
                delay = self._retry_delay(retries_taken, None)
                if delay is None:
                    raise connection_error(exc, request) from exc
                reason = type(exc).__name__
            else:
                _log_response(response)
                if response.is_success:
                    return response
                delay = self._retry_delay(retries_taken, response)
                try:
                    response.read()
                finally:
                    response.close()
                if delay is None:
                    raise status_error(response)
                reason = f"status {response.status_code}"
            _log_retry(request, delay, reason)
            self._sleep(delay)
            retries_taken += 1

    def _call(
        self,
        options: RequestOptions,
        parser: Parser[Any],
        *,
        accept: str = _JSON,
        incremental: bool = False,
    ) -> Any:
        """The parsed result of ``options``, or its response when the call is
        wrapped (see :mod:`._response`); ``incremental`` results (event
        streams) read the body themselves."""
        capture = capture_response()
        streamed = capture is not None and capture.mode == "stream"
        response = self._send(options, stream=incremental or streamed, accept=accept)
        return deliver(
            capture, response, parser, incremental=incremental, streamed=APIResponse
        )

    def _request(self, options: RequestOptions, cast_to: object) -> Any:
        return self._call(options, lambda response: parse_response(response, cast_to))

    def _request_stream(
        self, options: RequestOptions, event_type: object
    ) -> Stream[Any]:
        result: Stream[Any] = self._call(
            options,
            lambda response: Stream(response, event_type),
            accept=_EVENT_STREAM,
            incremental=True,
        )
        return result

    def _request_page(
        self, options: RequestOptions, item_type: object
    ) -> SyncCursorPage[Any]:
        result: SyncCursorPage[Any] = self._call(
            options,
            lambda response: SyncCursorPage(
                parse_response(response, object),
                item_type=item_type,
                options=options,
                fetch=lambda next_options: self._request_page(next_options, item_type),
                request_id=request_id(response),
            ),
        )
        return result

    def _request_binary(self, options: RequestOptions) -> BinaryResponse:
        result: BinaryResponse = self._call(options, BinaryResponse, accept=_ANY)
        return result

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
        default_query: Mapping[str, object] | None = None,
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
            default_query=default_query,
            http_client=http_client,
        )
        #: How retries wait; replaceable (tests record instead of sleeping).
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    def _new_http_client(self, timeout: Timeout) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=timeout)

    async def _send(
        self, options: RequestOptions, *, stream: bool, accept: str = _JSON
    ) -> httpx.Response:
        """A successful response to ``options``, after retries; else raises."""
        request = self._build_request(options, accept)
        retries_taken = 0
        while True:
            _log_request(request, retries_taken)
            try:
                response = await self._client.send(request, stream=stream)
            except httpx.TransportError as exc:
                delay = self._retry_delay(retries_taken, None)
                if delay is None:
                    raise connection_error(exc, request) from exc
                reason = type(exc).__name__
            else:
                _log_response(response)
                if response.is_success:
                    return response
                delay = self._retry_delay(retries_taken, response)
                try:
                    await response.aread()
                finally:
                    await response.aclose()
                if delay is None:
                    raise status_error(response)
                reason = f"status {response.status_code}"
            _log_retry(request, delay, reason)
            await self._sleep(delay)
            retries_taken += 1

    async def _call(
        self,
        options: RequestOptions,
        parser: Parser[Any],
        *,
        accept: str = _JSON,
        incremental: bool = False,
    ) -> Any:
        """The asynchronous counterpart of :meth:`SyncAPIClient._call`."""
        capture = capture_response()
        streamed = capture is not None and capture.mode == "stream"
        response = await self._send(
            options, stream=incremental or streamed, accept=accept
        )
        return deliver(
            capture,
            response,
            parser,
            incremental=incremental,
            streamed=AsyncAPIResponse,
        )

    async def _request(self, options: RequestOptions, cast_to: object) -> Any:
        return await self._call(
            options, lambda response: parse_response(response, cast_to)
        )

    async def _request_stream(
        self, options: RequestOptions, event_type: object
    ) -> AsyncStream[Any]:
        result: AsyncStream[Any] = await self._call(
            options,
            lambda response: AsyncStream(response, event_type),
            accept=_EVENT_STREAM,
            incremental=True,
        )
        return result

    def _request_page(
        self, options: RequestOptions, item_type: object
    ) -> AsyncPaginator[Any]:
        async def first_page() -> AsyncCursorPage[Any]:
            page: AsyncCursorPage[Any] = await self._call(
                options,
                lambda response: AsyncCursorPage(
                    parse_response(response, object),
                    item_type=item_type,
                    options=options,
                    fetch=lambda next_options: self._request_page(
                        next_options, item_type
                    ),
                    request_id=request_id(response),
                ),
            )
            return page

        return AsyncPaginator(first_page)

    async def _request_binary(self, options: RequestOptions) -> BinaryResponse:
        result: BinaryResponse = await self._call(options, BinaryResponse, accept=_ANY)
        return result

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
