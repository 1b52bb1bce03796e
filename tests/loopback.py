"""A scripted HTTP server on 127.0.0.1 for tests of HTTP clients.

Queue replies with :meth:`LoopbackServer.reply` (or :meth:`reply_json`); each
request takes the next one, in order, and is recorded in
:attr:`LoopbackServer.requests`.  A request arriving with the queue empty gets
``418`` (a status clients do not retry), so a missing script fails fast.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    #: The request target without its query string, as sent (not decoded).
    path: str
    #: Decoded query pairs, in order, blank values kept.
    query: list[tuple[str, str]]
    #: Header names lower-cased (a repeated header keeps its last value).
    headers: dict[str, str]
    body: bytes

    def json(self) -> object:
        return json.loads(self.body)


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    #: Bytes are sent with Content-Length; a sequence of chunks is sent with
    #: chunked transfer encoding, flushing after each chunk.
    body: bytes | Sequence[bytes] = b""
    #: Seconds to wait before answering (for timeout tests).
    delay: float = 0.0
    #: Drop the connection after the chunks, before the final empty chunk
    #: (a connection lost mid-stream).
    abort: bool = False


class LoopbackServer:
    """A :class:`ThreadingHTTPServer` on an ephemeral port, in a thread."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._replies: queue.SimpleQueue[Reply] = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def reply(
        self,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        body: bytes | str | Sequence[bytes] = b"",
        *,
        delay: float = 0.0,
        abort: bool = False,
    ) -> None:
        """Queue the answer to the next unanswered request."""
        payload = body.encode() if isinstance(body, str) else body
        self._replies.put(Reply(status, dict(headers or {}), payload, delay, abort))

    def reply_json(
        self,
        data: object,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        *,
        delay: float = 0.0,
    ) -> None:
        """Queue a JSON answer."""
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        self.reply(status, all_headers, json.dumps(data).encode(), delay=delay)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _next_reply(self) -> Reply:
        try:
            return self._replies.get_nowait()
        except queue.Empty:
            return Reply(418, {"Content-Type": "text/plain"}, b"no scripted reply")

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle_one_request(self) -> None:
                try:
                    super().handle_one_request()
                except ConnectionError:
                    self.close_connection = True  # the client gave up (timeout)

            def _handle(self) -> None:
                target = urlsplit(self.path)
                server.requests.append(
                    RecordedRequest(
                        method=self.command,
                        path=target.path,
                        query=parse_qsl(target.query, keep_blank_values=True),
                        headers={k.lower(): v for k, v in self.headers.items()},
                        body=self._read_body(),
                    )
                )
                reply = server._next_reply()
                if reply.delay and server._stopping.wait(reply.delay):
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if isinstance(reply.body, bytes):
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                else:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for chunk in reply.body:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        self.wfile.flush()
                    if reply.abort:
                        self.close_connection = True
                        return
                    self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

            def _read_body(self) -> bytes:
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    chunks = []
                    while size := int(self.rfile.readline().split(b";")[0], 16):
                        chunks.append(self.rfile.read(size))
                        self.rfile.readline()
                    self.rfile.readline()
                    return b"".join(chunks)
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler
