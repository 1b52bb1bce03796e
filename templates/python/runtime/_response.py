"""Responses: the parsed result, or the HTTP response around it (raw, streamed).

A call normally returns its parsed result.  As in the official SDK, wrapped
by :func:`to_raw_response_wrapper` (or its ``async_`` variant) it returns a
:class:`RawAPIResponse`: the body read, status, headers, request id, and
``parse()`` for the result; wrapped by :func:`to_streamed_response_wrapper`
it returns a context manager whose :class:`APIResponse` (or
:class:`AsyncAPIResponse`) body is read only as asked.  The wrappers keep the
method's signature (``ParamSpec``), so a generated class exposes them with
one line per method::

    class ClientWithRawResponse:
        def __init__(self, client: Client) -> None:
            self.create_thing = to_raw_response_wrapper(client.create_thing)

The wrappers tell the client which form to return through a context
variable (:func:`capture_response`), not through the method's arguments, so
generated methods need no extra parameter.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import functools
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Final, Generic, Literal, ParamSpec, TypeVar, cast

import httpx

from ._exceptions import APIResponseValidationError
from ._models import BaseModel, construct

__all__ = [
    "RawAPIResponse",
    "APIResponse",
    "AsyncAPIResponse",
    "BinaryResponse",
    "ResponseContextManager",
    "AsyncResponseContextManager",
    "to_raw_response_wrapper",
    "async_to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "async_to_streamed_response_wrapper",
]

_R = TypeVar("_R")
_P = ParamSpec("_P")
_ResponseT = TypeVar("_ResponseT", bound="APIResponse[Any]")
_AsyncResponseT = TypeVar("_AsyncResponseT", bound="AsyncAPIResponse[Any]")

#: How a result is read from its HTTP response (a read one unless incremental).
Parser = Callable[[httpx.Response], _R]


def request_id(response: httpx.Response) -> str | None:
    """The id the server gave the request (``x-request-id``)."""
    value: str | None = response.headers.get("x-request-id")
    return value


def is_json(response: httpx.Response) -> bool:
    """Whether the response declares a JSON body (``application/json``, ``+json``)."""
    media_type = str(response.headers.get("content-type", "")).split(";")[0].strip()
    return media_type.lower() == "application/json" or media_type.endswith("+json")


def parse_json(response: httpx.Response) -> object:
    """The decoded JSON body of a read response; invalid JSON raises
    :class:`APIResponseValidationError`."""
    try:
        return response.json()
    except ValueError as exc:
        raise APIResponseValidationError(
            response, response.text, message=f"Invalid JSON in the response: {exc}"
        ) from exc


def parse_response(response: httpx.Response, cast_to: object) -> Any:
    """The body of a read response as ``cast_to``.

    ``cast_to=None`` discards the body; an empty body gives ``None``; a JSON
    body is converted with :func:`construct` (a model result records the
    response's :func:`request_id` as ``_request_id``); any other body is its
    text.
    """
    if cast_to is None or not response.content:
        return None
    if not is_json(response):
        return response.text
    result = construct(cast_to, parse_json(response))
    if isinstance(result, BaseModel):
        result.__dict__["_request_id"] = request_id(response)
    return result


# -- which form a call returns -----------------------------------------------------
@dataclass
class _Capture:
    """A wrapped call in progress: the form asked for, and its response."""

    mode: Literal["raw", "stream"]
    taken: bool = False
    response: object = None


_capture: Final[contextvars.ContextVar[_Capture | None]] = contextvars.ContextVar(
    "_capture", default=None
)


def capture_response() -> _Capture | None:
    """The wrapped call this request belongs to, if any (its first request only).

    The client sends the request unread when ``mode`` is ``"stream"``, then
    hands the response to :func:`deliver`.
    """
    capture = _capture.get()
    if capture is None or capture.taken:
        return None
    capture.taken = True
    return capture


def deliver(
    capture: _Capture | None,
    response: httpx.Response,
    parser: Parser[Any],
    *,
    incremental: bool,
    streamed: type[APIResponse[Any] | AsyncAPIResponse[Any]],
) -> Any:
    """What a call returns: the parsed result, or for a wrapped call its
    :class:`RawAPIResponse` or ``streamed`` response (also kept in ``capture``).

    ``response`` has been read unless it was sent for a streamed call or
    its result is ``incremental`` (an event stream reading the body itself).
    """
    if capture is None:
        return parser(response)
    cls = RawAPIResponse if capture.mode == "raw" else streamed
    capture.response = cls(response, parser, incremental=incremental)
    return capture.response


@contextlib.contextmanager
def _capturing(mode: Literal["raw", "stream"]) -> Iterator[_Capture]:
    capture = _Capture(mode)
    token = _capture.set(capture)
    try:
        yield capture
    finally:
        _capture.reset(token)


def _captured(mode: Literal["raw", "stream"], call: Callable[[], object]) -> Any:
    with _capturing(mode) as capture:
        call()
    return _checked(capture)


async def _async_captured(
    mode: Literal["raw", "stream"], call: Callable[[], Awaitable[object]]
) -> Any:
    with _capturing(mode) as capture:
        await call()
    return _checked(capture)


def _checked(capture: _Capture) -> object:
    if capture.response is None:
        raise TypeError("The wrapped function did not make a request.")
    return capture.response


# -- the response around a result ---------------------------------------------------
class _BaseAPIResponse(Generic[_R]):
    """What the HTTP response of a call says, before or without its result."""

    def __init__(
        self, response: httpx.Response, parser: Parser[_R], *, incremental: bool
    ) -> None:
        #: The underlying :class:`httpx.Response`.
        self.http_response = response
        self._parser = parser
        #: Whether the result reads the body itself (event streams).
        self._incremental = incremental
        self._parsed: list[_R] = []

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def elapsed(self) -> datetime.timedelta:
        """Time from sending the request to the end of the body (once read)."""
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed

    @property
    def request_id(self) -> str | None:
        return request_id(self.http_response)

    def _parse_read(self) -> _R:
        """The result, the body having been read (unless incremental); cached."""
        if not self._parsed:
            self._parsed.append(self._parser(self.http_response))
        return self._parsed[0]

    def __repr__(self) -> str:
        response = self.http_response
        return (
            f"<{type(self).__name__} [{response.status_code} "
            f"{response.reason_phrase}] {response.request.method} {response.url}>"
        )


class RawAPIResponse(_BaseAPIResponse[_R]):
    """The HTTP response of a call made through ``with_raw_response``.

    The body has been read (except for event streams, which ``parse()``
    reads as they are iterated); ``content`` and ``text`` give it, ``parse()``
    the call's result, for the synchronous and asynchronous clients alike.
    """

    def parse(self) -> _R:
        """The call's result, as the method returns it (built once, then cached)."""
        return self._parse_read()

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> object:
        return self.http_response.json()

    def read(self) -> bytes:
        return self.http_response.read()

    def close(self) -> None:
        _close(self.http_response)


class _SyncBody:
    """Incremental reading of a body, for the synchronous responses."""

    http_response: httpx.Response

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks (``chunk_size`` bytes, the last may be shorter)."""
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    def stream_to_file(
        self, file: str | os.PathLike[str], *, chunk_size: int | None = None
    ) -> None:
        """Write the body to ``file`` (replaced) chunk by chunk as it arrives."""
        _write_chunks(file, self.iter_bytes(chunk_size))


class APIResponse(_SyncBody, _BaseAPIResponse[_R]):
    """The HTTP response of a call made through ``with_streaming_response``,
    read only as asked: :meth:`parse` for the result, :meth:`read`,
    :meth:`text`, :meth:`json` or the ``iter_*`` methods for the body."""

    def parse(self) -> _R:
        """The call's result, as the method returns it (read once, then cached)."""
        if not self._incremental:
            self.read()
        return self._parse_read()

    def read(self) -> bytes:
        """The whole body (read now if it was not yet)."""
        return self.http_response.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        self.read()
        return self.http_response.json()

    def close(self) -> None:
        """Release the connection without reading the rest of the body."""
        self.http_response.close()


class AsyncAPIResponse(_BaseAPIResponse[_R]):
    """The asynchronous counterpart of :class:`APIResponse`."""

    async def parse(self) -> _R:
        if not self._incremental:
            await self.read()
        return self._parse_read()

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        await self.read()
        return self.http_response.json()

    async def close(self) -> None:
        await self.http_response.aclose()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        async for chunk in self.http_response.aiter_text(chunk_size):
            yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self.http_response.aiter_lines():
            yield line

    async def stream_to_file(
        self, file: str | os.PathLike[str], *, chunk_size: int | None = None
    ) -> None:
        """Write the body to ``file`` (replaced) chunk by chunk as it arrives."""
        with open(file, "wb") as handle:
            async for chunk in self.iter_bytes(chunk_size):
                handle.write(chunk)


class BinaryResponse(_SyncBody):
    """The result of a call whose reply is raw bytes (audio, file contents...).

    The body has been read; ``content``/``read()`` give it whole, the
    ``iter_*`` methods in pieces, :meth:`write_to_file` saves it.  The ``a``
    methods are the same for code running under the asynchronous client.  To
    save a large body without holding it in memory, use the method through
    ``with_streaming_response`` and :meth:`APIResponse.stream_to_file`.
    """

    def __init__(self, response: httpx.Response) -> None:
        #: The underlying :class:`httpx.Response` (also ``http_response``).
        self.response = self.http_response = response

    @property
    def content(self) -> bytes:
        return self.response.content

    @property
    def text(self) -> str:
        return self.response.text

    @property
    def encoding(self) -> str | None:
        return self.response.encoding

    @property
    def charset_encoding(self) -> str | None:
        return self.response.charset_encoding

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    @property
    def status_code(self) -> int:
        return self.response.status_code

    def json(self) -> object:
        return self.response.json()

    def read(self) -> bytes:
        return self.response.read()

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to ``file``, replacing it."""
        _write_chunks(file, [self.content])

    def close(self) -> None:
        _close(self.response)

    async def aread(self) -> bytes:
        return await self.response.aread()

    async def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self.response.aiter_bytes(chunk_size):
            yield chunk

    async def aiter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        async for chunk in self.response.aiter_text(chunk_size):
            yield chunk

    async def aiter_lines(self) -> AsyncIterator[str]:
        async for line in self.response.aiter_lines():
            yield line

    async def astream_to_file(
        self, file: str | os.PathLike[str], *, chunk_size: int | None = None
    ) -> None:
        self.stream_to_file(file, chunk_size=chunk_size)

    async def aclose(self) -> None:
        await self.response.aclose()

    def __repr__(self) -> str:
        content_type = self.headers.get("content-type")
        return (
            f"BinaryResponse(status_code={self.status_code}, "
            f"content_type={content_type!r}, size={len(self.content)})"
        )


def _close(response: httpx.Response) -> None:
    """Close a response, read ones of the asynchronous client included (for
    which httpx only has ``aclose``; reading closed them already)."""
    if not response.is_closed:
        response.close()


def _write_chunks(file: str | os.PathLike[str], chunks: Iterable[bytes]) -> None:
    with open(file, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)


# -- context managers and wrappers ------------------------------------------------
class ResponseContextManager(Generic[_ResponseT]):
    """Sends the request on entry; closes the response on exit."""

    def __init__(self, request: Callable[[], _ResponseT]) -> None:
        self._request = request
        self._response: _ResponseT | None = None

    def __enter__(self) -> _ResponseT:
        self._response = self._request()
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[_AsyncResponseT]):
    """Sends the request on entry (``async with``); closes the response on exit."""

    def __init__(self, request: Callable[[], Awaitable[_AsyncResponseT]]) -> None:
        self._request = request
        self._response: _AsyncResponseT | None = None

    async def __aenter__(self) -> _AsyncResponseT:
        self._response = await self._request()
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def to_raw_response_wrapper(
    func: Callable[_P, _R],
) -> Callable[_P, RawAPIResponse[_R]]:
    """``func`` (a bound method of the client) returning its :class:`RawAPIResponse`."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> RawAPIResponse[_R]:
        response: RawAPIResponse[_R] = _captured(
            "raw", functools.partial(func, *args, **kwargs)
        )
        return response

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, Awaitable[RawAPIResponse[_R]]]:
    """``func`` (a method of the asynchronous client) returning its response."""

    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> RawAPIResponse[_R]:
        response: RawAPIResponse[_R] = await _async_captured(
            "raw", functools.partial(func, *args, **kwargs)
        )
        return response

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[_P, _R],
) -> Callable[_P, ResponseContextManager[APIResponse[_R]]]:
    """``func`` returning a context manager: the request is sent on entry and
    the body is read only as asked (``iter_bytes()``, ``parse()``...)."""

    @functools.wraps(func)
    def wrapped(
        *args: _P.args, **kwargs: _P.kwargs
    ) -> ResponseContextManager[APIResponse[_R]]:
        call = functools.partial(func, *args, **kwargs)
        return ResponseContextManager(
            cast(
                Callable[[], APIResponse[_R]],
                functools.partial(_captured, "stream", call),
            )
        )

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, AsyncResponseContextManager[AsyncAPIResponse[_R]]]:
    """The asynchronous counterpart of :func:`to_streamed_response_wrapper`."""

    @functools.wraps(func)
    def wrapped(
        *args: _P.args, **kwargs: _P.kwargs
    ) -> AsyncResponseContextManager[AsyncAPIResponse[_R]]:
        call = functools.partial(func, *args, **kwargs)
        return AsyncResponseContextManager(
            cast(
                Callable[[], Awaitable[AsyncAPIResponse[_R]]],
                functools.partial(_async_captured, "stream", call),
            )
        )

    return wrapped
