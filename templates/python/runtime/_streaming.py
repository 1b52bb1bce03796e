"""Server-Sent Events: an incremental decoder and typed event streams."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx

from ._exceptions import APIError, connection_error
from ._models import construct

__all__ = ["ServerSentEvent", "SSEDecoder", "Stream", "AsyncStream"]

_T = TypeVar("_T")

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class ServerSentEvent:
    event: str | None
    data: str
    id: str | None
    retry: int | None


class SSEDecoder:
    """Turns a byte stream into events, following the HTML Standard.

    Lines end with CRLF, LF or CR (also across chunk boundaries); ``:``
    starts a comment; one space after the field's colon is dropped; ``data``
    lines join with ``\\n``; a blank line dispatches the event unless it has
    no data; the last event ID persists; an unterminated event at the end of
    the stream is discarded.
    """

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""
        self._at_start = True
        self._event = ""
        self._data: list[str] = []
        self._last_id: str | None = None
        self._retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Events completed by ``chunk``."""
        return self._lines(self._decoder.decode(chunk), final=False)

    def close(self) -> list[ServerSentEvent]:
        """Events completed by the end of the stream."""
        return self._lines(self._decoder.decode(b"", final=True), final=True)

    def iter_events(self, chunks: Iterable[bytes]) -> Iterator[ServerSentEvent]:
        """All events of a whole byte stream, as they complete."""
        for chunk in chunks:
            yield from self.feed(chunk)
        yield from self.close()

    async def aiter_events(
        self, chunks: AsyncIterable[bytes]
    ) -> AsyncIterator[ServerSentEvent]:
        """All events of a whole asynchronous byte stream, as they complete."""
        async for chunk in chunks:
            for event in self.feed(chunk):
                yield event
        for event in self.close():
            yield event

    def _lines(self, text: str, *, final: bool) -> list[ServerSentEvent]:
        self._buffer += text
        if self._at_start and self._buffer:
            self._buffer = self._buffer.removeprefix("\ufeff")
            self._at_start = False
        events: list[ServerSentEvent] = []
        position = 0
        for match in _LINE_END.finditer(self._buffer):
            if match.group() == "\r" and match.end() == len(self._buffer):
                if not final:
                    break  # a "\n" may follow in the next chunk
            event = self._line(self._buffer[position : match.start()])
            if event is not None:
                events.append(event)
            position = match.end()
        self._buffer = self._buffer[position:]
        return events

    def _line(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id":
            if "\0" not in value:
                self._last_id = value
        elif name == "retry":
            if value.isascii() and value.isdigit():
                self._retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        event, data = self._event, self._data
        self._event, self._data = "", []
        if not data:
            return None
        return ServerSentEvent(
            event or None, "\n".join(data), self._last_id, self._retry
        )


def _decode_event(
    sse: ServerSentEvent, event_type: object, request: httpx.Request
) -> Any:
    """The typed value of one event; an ``error`` event raises :class:`APIError`
    (whose ``body`` is the inner error object when the event carries one)."""
    try:
        data: object = json.loads(sse.data)
    except ValueError:
        data = sse.data
    error = data.get("error") if isinstance(data, dict) else None
    if sse.event == "error" or (sse.event is None and error):
        details = error if isinstance(error, dict) else data
        message = details.get("message") if isinstance(details, dict) else None
        raise APIError(
            message if isinstance(message, str) else f"Stream error: {sse.data}",
            request,
            details,
        )
    return construct(event_type, data)


class Stream(Generic[_T]):
    """The events of a streamed response, converted to ``event_type``.

    Iterate it (or call :func:`next`) for events; iteration stops at the end
    of the stream or at a ``[DONE]`` event, and the response is then closed.
    Use it as a context manager, or call :meth:`close`, to stop early.  A
    connection lost mid-stream raises :class:`APIConnectionError` (or
    :class:`APITimeoutError`); streams are not retried.
    """

    def __init__(self, response: httpx.Response, event_type: object) -> None:
        self.response = response
        self._event_type = event_type
        self._iterator = self._events()

    def _events(self) -> Iterator[_T]:
        try:
            for sse in SSEDecoder().iter_events(self.response.iter_bytes()):
                if sse.data == "[DONE]":
                    return
                yield _decode_event(sse, self._event_type, self.response.request)
        except httpx.TransportError as exc:
            raise connection_error(exc, self.response.request) from exc
        finally:
            self.response.close()

    def __iter__(self) -> Iterator[_T]:
        return self._iterator

    def __next__(self) -> _T:
        return next(self._iterator)

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(Generic[_T]):
    """The asynchronous counterpart of :class:`Stream` (``async for``)."""

    def __init__(self, response: httpx.Response, event_type: object) -> None:
        self.response = response
        self._event_type = event_type
        self._iterator = self._events()

    async def _events(self) -> AsyncIterator[_T]:
        try:
            async for sse in SSEDecoder().aiter_events(self.response.aiter_bytes()):
                if sse.data == "[DONE]":
                    return
                yield _decode_event(sse, self._event_type, self.response.request)
        except httpx.TransportError as exc:
            raise connection_error(exc, self.response.request) from exc
        finally:
            await self.response.aclose()

    def __aiter__(self) -> AsyncIterator[_T]:
        return self._iterator

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
