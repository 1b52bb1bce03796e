"""The static runtime of the generated client, over real loopback HTTP.

The runtime files are copied into a temporary package (as the generator
copies them into the generated one) next to a small hand-written models
module, then exercised against :class:`loopback.LoopbackServer`.
"""

from __future__ import annotations

import ast
import asyncio
import email.parser
import email.policy
import email.utils
import importlib
import logging
import os
import pickle
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Coroutine, Iterator
from pathlib import Path
from types import GenericAlias, SimpleNamespace
from typing import Any

import httpx
import pytest
from loopback import LoopbackServer

RUNTIME = Path(__file__).resolve().parents[2] / "templates" / "python" / "runtime"
PACKAGE = "runtime_under_test"
MODULES = (
    "_types",
    "_logs",
    "_exceptions",
    "_models",
    "_multipart",
    "_request",
    "_response",
    "_streaming",
    "_pagination",
    "_base_client",
)

# Shaped like the generator's output: postponed annotations, forward and
# self references, a wire name that is a keyword, Literal enums and a union.
SAMPLE_MODELS = '''\
from __future__ import annotations

from typing import Any, Literal

from ._models import BaseModel, IterableData, field


class ClientSecret(BaseModel):
    """A secret."""

    value: str
    expires_at: int


class Session(BaseModel):
    """A session."""

    id: str
    object: Literal["session"] | None = None
    status: Literal["active", "expired"] | None = None
    from_: str | None = field(default=None, wire_name="from")
    client_secret: ClientSecret | None = None
    tags: list[str] | None = None
    parent: Session | None = None
    metadata: dict[str, Any] | None = None
    temperature: float | None = None


class TextDelta(BaseModel):
    type: Literal["text.delta"]
    delta: str


class TextDone(BaseModel):
    type: Literal["text.done"]
    text: str


class FileItem(BaseModel):
    id: str
    bytes: int | None = None


class FolderItem(BaseModel):
    id: str
    children: list[FileItem | FolderItem] | None = None


class FileList(IterableData, BaseModel):
    object: str
    data: list[FileItem]


Event = TextDelta | TextDone
Item = FileItem | FolderItem
'''

# Code a user of a generated package writes; mypy --strict must accept it.
SAMPLE_USAGE = """\
from runtime_under_test._response import RawAPIResponse, to_raw_response_wrapper
from runtime_under_test._types import NOT_GIVEN, NotGiven
from runtime_under_test.models import ClientSecret, FileList, Session


def limit(value: int | NotGiven = NOT_GIVEN) -> int:
    return value if not isinstance(value, NotGiven) else 20


def truthy(value: str | NotGiven = NOT_GIVEN) -> str:
    if value:  # the sentinel is always falsy, so this narrows it away
        return value
    return "default"


session = Session(id="s", from_="me", client_secret=ClientSecret(value="v", expires_at=1))
count: int = limit(3) + limit()
name: str = truthy("x") + truthy()
secret: str | None = session.client_secret.value if session.client_secret else None
sizes: list[int | None] = [item.bytes for item in FileList(object="list", data=[])]
request_id: str | None = session._request_id


def retrieve(session_id: str, *, expand: bool = False) -> Session:
    return Session(id=session_id)


raw: RawAPIResponse[Session] = to_raw_response_wrapper(retrieve)("s", expand=True)
parsed: Session = raw.parse()
status: int = raw.status_code
"""

SAMPLE_MISUSE = """\
from runtime_under_test._response import to_raw_response_wrapper
from runtime_under_test.models import Session

Session(status="active")
Session(id="s", from_=3)


def retrieve(session_id: str) -> Session:
    return Session(id=session_id)


to_raw_response_wrapper(retrieve)(3)
"""


@pytest.fixture(scope="module")
def rt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """The copied runtime: every public name, plus ``models`` and ``root``."""
    root = tmp_path_factory.mktemp("runtime")
    package = root / PACKAGE
    shutil.copytree(RUNTIME, package)
    (package / "__init__.py").write_text("")
    (package / "models.py").write_text(SAMPLE_MODELS)
    sys.path.insert(0, str(root))
    try:
        modules = [importlib.import_module(f"{PACKAGE}.{name}") for name in MODULES]
        names = {name: getattr(m, name) for m in modules for name in m.__all__}
        namespace = SimpleNamespace(
            **names,
            models=importlib.import_module(f"{PACKAGE}.models"),
            base=modules[-1],
            root=root,
        )
        yield namespace
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(rt: SimpleNamespace, loopback: LoopbackServer, sleeps: list[float]) -> Any:
    """A sync client on the loopback server whose retries record, not sleep."""
    with _client(rt, loopback, sleeps) as sync_client:
        yield sync_client


def _client(
    rt: SimpleNamespace, loopback: LoopbackServer, sleeps: list[float], **options: Any
) -> Any:
    defaults = {"api_key": "sk-test", "base_url": f"{loopback.url}/v1", "timeout": 5.0}
    client = rt.SyncAPIClient(**{**defaults, **options})
    client._sleep = sleeps.append
    return client


def _async_client(
    rt: SimpleNamespace, loopback: LoopbackServer, sleeps: list[float]
) -> Any:
    client = rt.AsyncAPIClient(
        api_key="sk-test", base_url=f"{loopback.url}/v1", timeout=5.0
    )

    async def record(delay: float) -> None:
        sleeps.append(delay)

    client._sleep = record
    return client


def _run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run ``coroutine`` to completion, failing after 10 seconds."""
    return asyncio.run(asyncio.wait_for(coroutine, 10))


# --- requests as sent ------------------------------------------------------


def test_request_is_sent_exactly(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    loopback.reply_json({"id": "s1"})
    spec = rt.RequestOptions(
        method="post",
        path=f"/sessions/{rt.path_param('a b/c?')}/run",
        params={"limit": 2, "include": ["x", "y"], "desc": True, "after": rt.NOT_GIVEN},
        headers={"OpenAI-Beta": "assistants=v2", "X-Skipped": rt.NOT_GIVEN},
        json_body={
            "model": "m",
            "turn_detection": None,
            "voice": rt.NOT_GIVEN,
            "nested": rt.models.ClientSecret(value="v", expires_at=3),
            "items": [1, rt.NOT_GIVEN, 2],
        },
        extra_headers={"X-Extra": "1"},
        extra_query={"limit": 5},
        extra_body={"extra": True},
    )
    client._request(spec, rt.models.Session)
    (sent,) = loopback.requests
    assert sent.method == "POST"
    assert sent.path == "/v1/sessions/a%20b%2Fc%3F/run"
    assert sent.query == [
        ("limit", "5"),
        ("include", "x"),
        ("include", "y"),
        ("desc", "true"),
    ]
    assert sent.headers["authorization"] == "Bearer sk-test"
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["openai-beta"] == "assistants=v2"
    assert sent.headers["x-extra"] == "1"
    assert "x-skipped" not in sent.headers
    assert sent.headers["user-agent"].startswith("openai-client/python")
    assert sent.body == (
        b'{"model":"m","turn_detection":null,'
        b'"nested":{"value":"v","expires_at":3},"items":[1,2],"extra":true}'
    )


def test_get_without_body_sends_no_content_type(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    loopback.reply_json({"id": "s1"})
    client._request(rt.RequestOptions(method="GET", path="models"), None)
    (sent,) = loopback.requests
    assert (sent.method, sent.path, sent.query, sent.body) == (
        "GET",
        "/v1/models",
        [],
        b"",
    )
    assert "content-type" not in sent.headers


def test_per_request_timeout_overrides_the_client(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    loopback.reply_json({}, delay=0.5)
    client.max_retries = 0
    spec = rt.RequestOptions(method="GET", path="slow", timeout=0.1)
    started = time.monotonic()
    with pytest.raises(rt.APITimeoutError):
        client._request(spec, object)
    assert time.monotonic() - started < 0.45


# --- responses ---------------------------------------------------------------


def test_typed_response_tolerates_unknown_fields_and_enum_values(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    data = {
        "id": "s1",
        "object": "session",
        "status": "paused",
        "from": "alice",
        "client_secret": {"value": "ek_1", "expires_at": 17, "scope": "audio"},
        "tags": ["a", 1],
        "parent": {"id": "s0", "parent": {"id": "root"}},
        "metadata": {"k": {"deep": [1]}},
        "temperature": 1,
        "brand_new": {"x": 1},
    }
    loopback.reply_json(data)
    session = client._request(
        rt.RequestOptions(method="GET", path="s"), rt.models.Session
    )
    assert isinstance(session, rt.models.Session)
    assert session.status == "paused"
    assert session.from_ == "alice"
    assert session.client_secret.value == "ek_1"
    assert session.client_secret.model_extra == {"scope": "audio"}
    assert session.parent.parent.id == "root"
    assert session.tags == ["a", 1]
    assert session.temperature == 1.0 and isinstance(session.temperature, float)
    assert session.model_extra == {"brand_new": {"x": 1}}
    assert session.to_dict() == {**data, "temperature": 1.0}


def test_response_casts(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    spec = rt.RequestOptions(method="GET", path="x")
    loopback.reply(
        200, {"Content-Type": "text/plain; charset=utf-8"}, "1\n00:00 --> hi"
    )
    assert client._request(spec, str) == "1\n00:00 --> hi"
    loopback.reply_json({"ignored": True})
    assert client._request(spec, None) is None
    loopback.reply_json([{"id": "f", "bytes": 3}, {"id": "d", "children": []}])
    files = client._request(spec, GenericAlias(list, (rt.models.Item,)))
    assert [type(item).__name__ for item in files] == ["FileItem", "FolderItem"]
    loopback.reply(200, {"Content-Type": "application/json"}, "{not json")
    with pytest.raises(rt.APIResponseValidationError) as caught:
        client._request(spec, object)
    assert caught.value.status_code == 200


def test_binary_response(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, tmp_path: Path
) -> None:
    audio = bytes(range(256)) * 4
    loopback.reply(200, {"Content-Type": "audio/mpeg"}, audio)
    response = client._request_binary(
        rt.RequestOptions(method="POST", path="audio/speech")
    )
    assert isinstance(response, rt.BinaryResponse)
    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/mpeg"
    assert response.content == audio
    chunks = list(response.iter_bytes(300))
    assert [len(c) for c in chunks] == [300, 300, 300, 124]
    assert b"".join(chunks) == audio
    response.write_to_file(tmp_path / "speech.mp3")
    assert (tmp_path / "speech.mp3").read_bytes() == audio


# --- errors and retries ------------------------------------------------------


def test_authentication_error(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    body = {
        "error": {
            "message": "Incorrect API key provided.",
            "type": "invalid_request_error",
            "param": None,
            "code": "invalid_api_key",
        }
    }
    loopback.reply_json(body, 401, {"x-request-id": "req_123"})
    with pytest.raises(rt.AuthenticationError) as caught:
        client._request(rt.RequestOptions(method="GET", path="models"), object)
    error = caught.value
    assert isinstance(error, rt.APIStatusError)
    assert error.status_code == 401
    # As the official SDK shapes it: the inner error object, the status in str().
    assert error.body == body["error"]
    assert error.request_id == "req_123"
    assert error.message == str(error) == f"Error code: 401 - {body}"
    assert (error.code, error.type) == ("invalid_api_key", "invalid_request_error")
    assert error.response.status_code == 401
    assert len(loopback.requests) == 1 and sleeps == []


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (400, "BadRequestError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (503, "InternalServerError"),
        (418, "APIStatusError"),
    ],
)
def test_status_codes_map_to_error_classes(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, status: int, name: str
) -> None:
    client.max_retries = 0
    loopback.reply(status, {"Content-Type": "text/plain"}, "nope")
    with pytest.raises(rt.APIStatusError) as caught:
        client._request(rt.RequestOptions(method="GET", path="x"), object)
    assert type(caught.value).__name__ == name
    assert caught.value.body == "nope"
    assert caught.value.message == f"Error code: {status} - nope"


def test_rate_limit_honours_retry_after_then_succeeds(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    loopback.reply_json({"error": {"message": "slow down"}}, 429, {"Retry-After": "2"})
    loopback.reply_json({"id": "ok"})
    result = client._request(
        rt.RequestOptions(method="GET", path="x"), rt.models.Session
    )
    assert result.id == "ok"
    assert sleeps == [2.0]
    assert len(loopback.requests) == 2


def test_server_errors_are_retried_with_backoff_then_raised(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    for _ in range(3):
        loopback.reply_json({"error": {"message": "overloaded"}}, 502)
    with pytest.raises(rt.InternalServerError) as caught:
        client._request(
            rt.RequestOptions(method="POST", path="x", json_body={}), object
        )
    assert caught.value.status_code == 502
    assert len(loopback.requests) == 3
    assert len(sleeps) == 2
    assert 0.375 <= sleeps[0] <= 0.5 and 0.75 <= sleeps[1] <= 1.0
    assert loopback.requests[0].body == loopback.requests[2].body == b"{}"
    # One idempotency key per call, the same on every retry of it.
    [key] = {r.headers["idempotency-key"] for r in loopback.requests}
    assert key.startswith("openai-client-retry-")
    loopback.reply_json({})
    client._request(rt.RequestOptions(method="POST", path="x", json_body={}), object)
    assert loopback.requests[3].headers["idempotency-key"] != key


def test_max_retries_zero_does_not_retry(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    client.max_retries = 0
    loopback.reply_json({}, 500)
    with pytest.raises(rt.InternalServerError):
        client._request(rt.RequestOptions(method="GET", path="x"), object)
    assert len(loopback.requests) == 1 and sleeps == []


def test_server_can_veto_or_force_a_retry(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    loopback.reply_json({}, 503, {"x-should-retry": "false"})
    with pytest.raises(rt.InternalServerError):
        client._request(rt.RequestOptions(method="GET", path="x"), object)
    loopback.reply_json({}, 400, {"x-should-retry": "true", "retry-after-ms": "250"})
    loopback.reply_json({"id": "ok"})
    client._request(rt.RequestOptions(method="GET", path="x"), object)
    assert len(loopback.requests) == 3 and sleeps == [0.25]


def test_retry_after_forms(rt: SimpleNamespace) -> None:
    def wait(**headers: str) -> float | None:
        seconds: float | None = rt.base.retry_after(httpx.Headers(headers))
        return seconds

    assert wait(**{"retry-after": "1.5"}) == 1.5
    assert wait(**{"retry-after-ms": "20", "retry-after": "9"}) == 0.02
    assert wait(**{"retry-after": "3600"}) == 60.0
    assert wait(**{"retry-after": "soon"}) is None
    assert wait() is None
    in_ten = email.utils.formatdate(time.time() + 10, usegmt=True)
    waited = wait(**{"retry-after": in_ten})
    assert waited is not None and 8 <= waited <= 10


def test_timeout_raises_api_timeout_error_after_retries(
    rt: SimpleNamespace, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    loopback.reply_json({}, delay=1.0)
    loopback.reply_json({}, delay=1.0)
    with _client(rt, loopback, sleeps) as client:
        client.timeout = 0.1
        client.max_retries = 1
        with pytest.raises(rt.APITimeoutError) as caught:
            client._request(rt.RequestOptions(method="GET", path="x"), object)
    assert isinstance(caught.value, rt.APIConnectionError)
    assert len(loopback.requests) == 2 and len(sleeps) == 1


def test_connection_refused_raises_api_connection_error(
    rt: SimpleNamespace, sleeps: list[float]
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with rt.SyncAPIClient(
        api_key="k", base_url=f"http://127.0.0.1:{port}", max_retries=1, timeout=5.0
    ) as client:
        client._sleep = sleeps.append
        with pytest.raises(rt.APIConnectionError) as caught:
            client._request(rt.RequestOptions(method="GET", path="x"), object)
    assert not isinstance(caught.value, rt.APITimeoutError)
    assert caught.value.request.url.port == port
    assert len(sleeps) == 1


def test_async_client_retries_and_raises(
    rt: SimpleNamespace, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    loopback.reply_json({}, 429, {"Retry-After": "0.5"})
    loopback.reply_json({"id": "s", "status": "active"})
    loopback.reply_json({"error": {"message": "gone"}}, 404)

    async def main() -> tuple[Any, Any]:
        async with _async_client(rt, loopback, sleeps) as client:
            first = await client._request(
                rt.RequestOptions(method="GET", path="a"), rt.models.Session
            )
            with pytest.raises(rt.NotFoundError) as caught:
                await client._request(rt.RequestOptions(method="GET", path="b"), object)
            return first, caught.value

    session, error = _run(main())
    assert session.status == "active" and sleeps == [0.5]
    assert error.body == {"message": "gone"} and len(loopback.requests) == 3


# --- Server-Sent Events ------------------------------------------------------

SSE_CHUNKS = [
    b'\xef\xbb\xbf: keep-alive\r\n\r\nevent: text.delta\r\ndata: {"type":"text.delta",',
    b'"delta":"Hel\xc3',  # a UTF-8 sequence split across chunks
    b'\xa9"}\r',  # CRLF split across chunks
    b'\n\r\nid: 7\ndata: {"type":"text.done",\ndata:"text":"Hel\xc3\xa9"}\n\n',
    b'data: {"type":"text.unknown","x":1}\n\n',
    b'data: [DONE]\n\ndata: {"type":"text.delta","delta":"after done"}\n\n',
]


def _sse_reply(loopback: LoopbackServer) -> None:
    loopback.reply(200, {"Content-Type": "text/event-stream"}, SSE_CHUNKS)


def _check_events(rt: SimpleNamespace, events: list[Any]) -> None:
    delta, done, unknown = events
    assert isinstance(delta, rt.models.TextDelta) and delta.delta == "Helé"
    assert isinstance(done, rt.models.TextDone) and done.text == "Helé"
    assert unknown == {"type": "text.unknown", "x": 1}


def test_stream_parses_typed_events(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    _sse_reply(loopback)
    spec = rt.RequestOptions(
        method="POST", path="responses", json_body={"stream": True}
    )
    with client._request_stream(spec, rt.models.Event) as stream:
        events = list(stream)
    _check_events(rt, events)
    assert stream.response.is_closed


def test_async_stream_parses_typed_events(
    rt: SimpleNamespace, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    _sse_reply(loopback)

    async def main() -> tuple[list[Any], Any]:
        async with _async_client(rt, loopback, sleeps) as client:
            spec = rt.RequestOptions(method="POST", path="responses")
            stream = await client._request_stream(spec, rt.models.Event)
            return [event async for event in stream], stream

    events, stream = _run(main())
    _check_events(rt, events)
    assert stream.response.is_closed


def test_stream_error_event_raises(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    loopback.reply(
        200,
        {"Content-Type": "text/event-stream"},
        [
            b'data: {"type":"text.delta","delta":"a"}\n\n',
            b'event: error\ndata: {"type":"error","message":"quota exceeded"}\n\n',
        ],
    )
    stream = client._request_stream(
        rt.RequestOptions(method="POST", path="x"), rt.models.Event
    )
    assert next(stream).delta == "a"
    with pytest.raises(rt.APIError) as caught:
        next(stream)
    assert caught.value.message == "quota exceeded"
    assert caught.value.body == {"type": "error", "message": "quota exceeded"}
    assert stream.response.is_closed


def test_stream_cut_off_raises_api_connection_error(
    rt: SimpleNamespace, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    chunks = [b'data: {"type":"text.delta","delta":"a"}\n\n', b"data: {"]
    for _ in range(2):
        loopback.reply(200, {"Content-Type": "text/event-stream"}, chunks, abort=True)
    spec = rt.RequestOptions(method="POST", path="x")
    with _client(rt, loopback, sleeps) as client:
        stream = client._request_stream(spec, rt.models.Event)
        assert next(stream).delta == "a"
        with pytest.raises(rt.APIConnectionError):
            next(stream)

    async def main() -> list[str]:
        deltas: list[str] = []
        async with _async_client(rt, loopback, sleeps) as client:
            async for event in await client._request_stream(spec, rt.models.Event):
                deltas.append(event.delta)
        return deltas

    with pytest.raises(rt.APIConnectionError):
        _run(main())


def test_sse_decoder_joins_lines_split_across_chunks(rt: SimpleNamespace) -> None:
    decoder = rt.SSEDecoder()
    chunks = [b"data: caf\xc3", b"\xa9\r", b"\ndata: b\r", b"\n", b"\r", b"\n"]
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    assert events == [
        rt.ServerSentEvent(event=None, data="caf\xe9\nb", id=None, retry=None)
    ]
    assert decoder.close() == []


def test_sse_decoder_follows_the_html_standard(rt: SimpleNamespace) -> None:
    decoder = rt.SSEDecoder()
    text = (
        "data\rdata:  two\r\rretry: 150\rid: a\0b\revent: e\rdata:x\r\r"
        "retry: soon\rid\rdata: y\r\rdata: unterminated"
    )
    events = decoder.feed(text.encode()) + decoder.close()
    assert events == [
        rt.ServerSentEvent(event=None, data="\n two", id=None, retry=None),
        rt.ServerSentEvent(event="e", data="x", id=None, retry=150),
        rt.ServerSentEvent(event=None, data="y", id="", retry=150),
    ]


# --- pagination --------------------------------------------------------------


def _two_pages(loopback: LoopbackServer) -> None:
    loopback.reply_json(
        {
            "object": "list",
            "data": [{"id": "f1", "bytes": 1}, {"id": "d1", "children": []}],
            "first_id": "f1",
            "last_id": "d1",
            "has_more": True,
        }
    )
    for _ in range(2):  # one fetch while iterating items, one more for pages
        loopback.reply_json({"data": [{"id": "f2"}], "has_more": False})


def test_cursor_pagination_across_two_pages(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    _two_pages(loopback)
    spec = rt.RequestOptions(
        method="GET", path="files", params={"limit": 2, "order": "asc"}
    )
    page = client._request_page(spec, rt.models.Item)
    assert (page.first_id, page.last_id, page.has_more) == ("f1", "d1", True)
    assert page.model_extra == {"object": "list"}
    assert page.has_next_page()
    items = list(page)
    assert [(type(i).__name__, i.id) for i in items] == [
        ("FileItem", "f1"),
        ("FolderItem", "d1"),
        ("FileItem", "f2"),
    ]
    last = page.get_next_page()
    first, second, third = loopback.requests
    assert first.query == [("limit", "2"), ("order", "asc")]
    assert second.query == third.query
    assert second.query == [("limit", "2"), ("order", "asc"), ("after", "d1")]
    assert second.path == "/v1/files"
    assert not last.has_next_page()
    with pytest.raises(RuntimeError):
        last.get_next_page()


def test_async_cursor_pagination_across_two_pages(
    rt: SimpleNamespace, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    _two_pages(loopback)

    async def main() -> tuple[list[str], int]:
        async with _async_client(rt, loopback, sleeps) as client:
            page = await client._request_page(
                rt.RequestOptions(method="GET", path="files"), rt.models.Item
            )
            ids = [item.id async for item in page]
            pages = [p async for p in page.iter_pages()]
            # No await: the paginator fetches the first page itself.
            paginator = client._request_page(
                rt.RequestOptions(method="GET", path="files"), rt.models.Item
            )
            assert isinstance(paginator, rt.AsyncPaginator)
            ids += [item.id async for item in paginator]
            return ids, len(pages)

    _two_pages(loopback)
    ids, pages = _run(main())
    assert ids == ["f1", "d1", "f2"] * 2 and pages == 2
    assert loopback.requests[1].query == [("after", "d1")]


# --- multipart ---------------------------------------------------------------


def test_multipart_upload_with_files_array_fields_and_iterables(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"plain notes")
    loopback.reply_json({"text": "hello"})
    spec = rt.RequestOptions(
        method="POST",
        path="audio/transcriptions",
        form={
            "model": "whisper-1",
            "timestamp_granularities": ["word", "segment"],
            "temperature": 0.5,
            "stream": False,
            "chunking_strategy": {"type": "auto"},
            "include": (name for name in ["logprobs"]),
            "known_speakers": {"names": (name for name in "ab"), "note": rt.NOT_GIVEN},
            "prompt": rt.NOT_GIVEN,
            "language": None,
        },
        files={
            "file": ("a.wav", b"RIFF\x00\xff", "audio/wav"),
            "attachments": [notes, b"raw"],
        },
    )
    client._request(spec, object)
    (sent,) = loopback.requests
    content_type = sent.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + sent.body
    )
    parts = [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part.get_content_type() if part.get_filename() else None,
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]
    assert parts == [
        ("model", None, None, b"whisper-1"),
        ("timestamp_granularities", None, None, b"word"),
        ("timestamp_granularities", None, None, b"segment"),
        ("temperature", None, None, b"0.5"),
        ("stream", None, None, b"false"),
        ("chunking_strategy", None, None, b'{"type": "auto"}'),
        ("include", None, None, b"logprobs"),
        ("known_speakers", None, None, b'{"names": ["a", "b"]}'),
        ("file", "a.wav", "audio/wav", b"RIFF\x00\xff"),
        ("attachments", "notes.txt", "text/plain", b"plain notes"),
        ("attachments", "upload", "application/octet-stream", b"raw"),
    ]


# --- configuration -----------------------------------------------------------


def test_missing_api_key_is_a_clear_error(
    rt: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(rt.OpenAIError, match="OPENAI_API_KEY"):
        rt.SyncAPIClient()
    with pytest.raises(rt.OpenAIError, match="OPENAI_API_KEY"):
        rt.AsyncAPIClient()


def test_environment_supplies_defaults(
    rt: SimpleNamespace, loopback: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A generated client, made at run time (the runtime's classes are only
    # known then).
    Client = type(
        "Client",
        (rt.SyncAPIClient,),
        {"_default_base_url": "https://api.example.test/v1"},
    )

    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_ORG_ID", raising=False)
    monkeypatch.delenv("OPENAI_PROJECT_ID", raising=False)
    with Client() as plain:
        assert str(plain.base_url) == "https://api.example.test/v1"
        assert plain.timeout == httpx.Timeout(600.0, connect=5.0)
        assert plain.max_retries == 2
    monkeypatch.setenv("OPENAI_BASE_URL", f"{loopback.url}/env")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-1")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-1")
    loopback.reply_json({})
    with Client(default_headers={"X-Team": "a"}) as client:
        client._request(rt.RequestOptions(method="GET", path="/ping"), None)
    (sent,) = loopback.requests
    assert sent.path == "/env/ping"
    assert sent.headers["authorization"] == "Bearer sk-env"
    assert sent.headers["openai-organization"] == "org-1"
    assert sent.headers["openai-project"] == "proj-1"
    assert sent.headers["x-team"] == "a"
    assert client._client.is_closed


# --- models ------------------------------------------------------------------


def test_not_given_sentinel(rt: SimpleNamespace) -> None:
    assert not rt.NOT_GIVEN and repr(rt.NOT_GIVEN) == "NOT_GIVEN"
    assert rt.NotGiven() is rt.NOT_GIVEN
    assert pickle.loads(pickle.dumps(rt.NOT_GIVEN)) is rt.NOT_GIVEN


def test_model_construction_and_serialisation(rt: SimpleNamespace) -> None:
    Session, ClientSecret = rt.models.Session, rt.models.ClientSecret
    session = Session(id="s", from_="me", status=None)
    assert session.to_dict() == {"id": "s", "from": "me", "status": None}
    assert session.tags is None and session.model_extra == {}
    session.tags = ["t"]
    assert session.to_dict()["tags"] == ["t"]
    assert session == Session(id="s", from_="me", tags=["t"])
    assert session != Session(id="other", from_="me", tags=["t"])
    assert repr(session) == "Session(id='s', status=None, from_='me', tags=['t'])"
    with pytest.raises(TypeError, match="expires_at"):
        ClientSecret(value="v")
    with pytest.raises(TypeError, match="bogus"):
        ClientSecret(value="v", expires_at=1, bogus=2)
    with pytest.raises(TypeError, match="mapping"):
        Session.from_data(["not", "a", "mapping"])


def test_from_data_tolerates_missing_required_fields(rt: SimpleNamespace) -> None:
    secret = rt.models.ClientSecret.from_data({"value": "v"})
    assert secret.value == "v" and secret.expires_at is None
    assert secret.to_dict() == {"value": "v"}


def test_construct_handles_typing_forms(rt: SimpleNamespace) -> None:
    construct, models = rt.construct, rt.models
    nested = construct(
        models.Item,
        {
            "id": "d",
            "children": [{"id": "f", "bytes": 1}, {"id": "d2", "children": []}],
        },
    )
    assert isinstance(nested, models.FolderItem)
    assert [type(c).__name__ for c in nested.children] == ["FileItem", "FolderItem"]
    by_key = construct(
        GenericAlias(dict, (str, models.ClientSecret)), {"a": {"value": "v"}}
    )
    assert isinstance(by_key["a"], models.ClientSecret)
    assert construct(
        models.Event, {"type": "text.done", "text": "t"}
    ) == models.TextDone(type="text.done", text="t")
    # A discriminator contradicting every member keeps the data as received.
    assert construct(models.Event, {"type": "nope", "text": "t"}) == {
        "type": "nope",
        "text": "t",
    }
    assert construct(models.Session | None, None) is None
    secrets = GenericAlias(list, (models.ClientSecret,))
    assert construct(int | secrets, [{"value": "v"}])[0].value == "v"
    assert construct(float | str, 3) == 3.0
    assert construct(list[int], "not a list") == "not a list"
    assert construct(models.Session, 5) == 5


# --- the files themselves ----------------------------------------------------


def test_runtime_imports_only_the_standard_library_and_httpx() -> None:
    allowed = set(sys.stdlib_module_names) | {"httpx"}
    for path in sorted(RUNTIME.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = [(node.module or "").split(".")[0]]
            else:
                continue
            assert set(roots) <= allowed, f"{path.name} imports {roots}"


def test_runtime_is_black_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "black", "--check", "--quiet", str(RUNTIME)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def _mypy(rt: SimpleNamespace, *paths: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *paths],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=rt.root,
    )


def test_runtime_and_its_users_pass_mypy_strict(rt: SimpleNamespace) -> None:
    (rt.root / "usage.py").write_text(SAMPLE_USAGE)
    result = _mypy(rt, PACKAGE, "usage.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_sees_keyword_constructors(rt: SimpleNamespace) -> None:
    (rt.root / "misuse.py").write_text(SAMPLE_MISUSE)
    result = _mypy(rt, "misuse.py")
    assert 'Missing named argument "id" for "Session"' in result.stdout
    assert 'Argument "from_" to "Session" has incompatible type "int"' in result.stdout
    # The wrapper keeps the wrapped signature.
    assert 'Argument 1 has incompatible type "int"; expected "str"' in result.stdout
    assert result.returncode == 1


def test_query_written_into_the_path_is_kept(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    """Some specs write a query into the path (``/responses?beta=true``)."""
    loopback.reply_json({"ok": True})
    spec = rt.RequestOptions(
        method="get", path="/responses?beta=true", params={"limit": 2}
    )
    client._request(spec, object)
    (sent,) = loopback.requests
    assert sent.path == "/v1/responses"
    assert sent.query == [("beta", "true"), ("limit", "2")]


# --- raw and streamed responses ------------------------------------------------


def _session_reply(loopback: LoopbackServer, request_id: str = "req_1") -> None:
    loopback.reply_json(
        {"id": "s1", "status": "active"}, headers={"x-request-id": request_id}
    )


def test_results_carry_the_request_id(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    _session_reply(loopback, "req_plain")
    session = client._request(
        rt.RequestOptions(method="GET", path="s"), rt.models.Session
    )
    assert session._request_id == "req_plain"
    assert rt.models.Session(id="built")._request_id is None
    _two_pages(loopback)
    page = client._request_page(
        rt.RequestOptions(method="GET", path="f"), rt.models.Item
    )
    assert page._request_id is None  # the reply had no x-request-id
    assert page.data[0]._request_id is None  # nested models never do


def test_raw_response_gives_headers_and_parses_on_demand(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    _session_reply(loopback, "req_raw")
    spec = rt.RequestOptions(method="POST", path="sessions", json_body={"a": 1})
    retrieve = rt.to_raw_response_wrapper(
        lambda: client._request(spec, rt.models.Session)
    )
    response = retrieve()
    assert isinstance(response, rt.RawAPIResponse)
    assert (response.status_code, response.request_id) == (200, "req_raw")
    assert response.headers["content-type"] == "application/json"
    assert response.method == "POST" and response.url.path == "/v1/sessions"
    assert response.http_response.is_stream_consumed  # read: the call is over
    assert response.json() == {"id": "s1", "status": "active"}
    assert response.text.startswith("{") and response.content.startswith(b"{")
    session = response.parse()
    assert isinstance(session, rt.models.Session) and session.status == "active"
    assert session._request_id == "req_raw"
    assert response.parse() is session
    # Outside the wrapper the same call returns the parsed result again.
    _session_reply(loopback)
    assert isinstance(client._request(spec, rt.models.Session), rt.models.Session)


def test_raw_response_of_a_stream_and_of_a_page(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    _sse_reply(loopback)
    spec = rt.RequestOptions(method="POST", path="responses")
    raw = rt.to_raw_response_wrapper(client._request_stream)(spec, rt.models.Event)
    assert raw.headers["content-type"] == "text/event-stream"
    assert not raw.http_response.is_stream_consumed
    _check_events(rt, list(raw.parse()))
    _two_pages(loopback)
    raw_page = rt.to_raw_response_wrapper(client._request_page)(
        rt.RequestOptions(method="GET", path="files"), rt.models.Item
    )
    # Later pages are fetched as usual, not as raw responses.
    assert [item.id for item in raw_page.parse()] == ["f1", "d1", "f2"]


def test_raw_response_still_raises_status_errors(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer
) -> None:
    loopback.reply_json({"error": {"message": "no", "code": "gone"}}, 404)
    call = rt.to_raw_response_wrapper(client._request)
    with pytest.raises(rt.NotFoundError) as caught:
        call(rt.RequestOptions(method="GET", path="x"), object)
    assert caught.value.code == "gone"
    with pytest.raises(TypeError, match="did not make a request"):
        rt.to_raw_response_wrapper(lambda: None)()


def test_streamed_response_reads_the_body_only_when_asked(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, tmp_path: Path
) -> None:
    chunks = [bytes([n]) * 1000 for n in range(5)]
    loopback.reply(200, {"Content-Type": "application/octet-stream"}, chunks)
    download = rt.to_streamed_response_wrapper(client._request_binary)
    manager = download(rt.RequestOptions(method="GET", path="files/f/content"))
    assert loopback.requests == []  # sent on entry, not before
    with manager as response:
        assert len(loopback.requests) == 1
        assert not response.http_response.is_stream_consumed
        response.stream_to_file(tmp_path / "out.bin", chunk_size=700)
    assert response.is_closed
    assert (tmp_path / "out.bin").read_bytes() == b"".join(chunks)
    loopback.reply(200, {"Content-Type": "text/plain"}, [b"line 1\n", b"line 2\n"])
    with download(rt.RequestOptions(method="GET", path="t")) as response:
        assert list(response.iter_lines()) == ["line 1", "line 2"]
    _session_reply(loopback, "req_s")
    stream_json = rt.to_streamed_response_wrapper(client._request)
    with stream_json(rt.RequestOptions(method="GET", path="s"), rt.models.Session) as r:
        assert isinstance(r, rt.APIResponse)
        assert not r.http_response.is_stream_consumed
        assert r.json() == {"id": "s1", "status": "active"}
        assert r.text() == r.read().decode()
        session = r.parse()
    assert session.id == "s1" and session._request_id == "req_s"


def test_async_raw_and_streamed_responses(
    rt: SimpleNamespace, loopback: LoopbackServer, sleeps: list[float], tmp_path: Path
) -> None:
    _session_reply(loopback, "req_a")
    loopback.reply(200, {"Content-Type": "audio/mpeg"}, [b"ab", b"cd", b"ef"])
    _sse_reply(loopback)
    target = tmp_path / "speech.mp3"

    async def main() -> tuple[Any, Any, list[Any]]:
        async with _async_client(rt, loopback, sleeps) as client:
            raw = await rt.async_to_raw_response_wrapper(client._request)(
                rt.RequestOptions(method="GET", path="s"), rt.models.Session
            )
            session = raw.parse()  # read already: parsing is synchronous
            raw.close()  # nothing left to release
            stream = rt.async_to_streamed_response_wrapper(client._request_binary)
            async with stream(rt.RequestOptions(method="GET", path="a")) as response:
                assert not response.http_response.is_stream_consumed
                await response.stream_to_file(target)
            events = await rt.async_to_raw_response_wrapper(client._request_stream)(
                rt.RequestOptions(method="POST", path="r"), rt.models.Event
            )
            return session, response, [e async for e in events.parse()]

    session, response, events = _run(main())
    assert session.id == "s1" and session._request_id == "req_a"
    assert response.is_closed and target.read_bytes() == b"abcdef"
    _check_events(rt, events)


def test_binary_result_reading_methods(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, tmp_path: Path
) -> None:
    text = "première ligne\nseconde ligne\n"
    loopback.reply(200, {"Content-Type": "text/plain; charset=utf-8"}, text)
    result = client._request_binary(rt.RequestOptions(method="GET", path="f"))
    assert result.read() == result.content == text.encode()
    assert result.text == text and result.encoding == "utf-8"
    assert list(result.iter_lines()) == ["première ligne", "seconde ligne"]
    assert "".join(result.iter_text(5)) == text
    result.stream_to_file(tmp_path / "a.txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == text

    async def read_async() -> tuple[bytes, list[bytes]]:
        await result.astream_to_file(tmp_path / "b.txt")
        return await result.aread(), [c async for c in result.aiter_bytes(10)]

    whole, chunks = _run(read_async())
    result.close()
    assert whole == b"".join(chunks) == (tmp_path / "b.txt").read_bytes()
    assert [len(c) for c in chunks][:-1] == [10] * (len(chunks) - 1)


def test_list_without_cursor_iterates_its_data(rt: SimpleNamespace) -> None:
    listing = rt.construct(
        rt.models.FileList, {"object": "list", "data": [{"id": "a"}, {"id": "b"}]}
    )
    assert [item.id for item in listing] == ["a", "b"]
    assert [item.id for item in rt.models.FileList.from_data({"object": "l"})] == []


# --- options -------------------------------------------------------------------


def test_with_options_copies_the_client(
    rt: SimpleNamespace, client: Any, loopback: LoopbackServer, sleeps: list[float]
) -> None:
    base = client.copy(default_headers={"X-Team": "a"}, default_query={"v": "1"})
    patient = base.with_options(max_retries=3, timeout=2.5)
    patient._sleep = sleeps.append
    assert (client.max_retries, client.timeout) == (2, 5.0)
    assert (patient.max_retries, patient.timeout, patient.api_key) == (
        3,
        2.5,
        "sk-test",
    )
    assert patient._client is client._client  # one connection pool
    for _ in range(3):
        loopback.reply_json({}, 503)
    loopback.reply_json({"id": "s"})
    patient._request(rt.RequestOptions(method="GET", path="x", params={"q": 2}), object)
    assert len(loopback.requests) == 4 and len(sleeps) == 3
    sent = loopback.requests[-1]
    assert sent.headers["x-team"] == "a"
    assert sent.query == [("v", "1"), ("q", "2")]
    replaced = base.copy(set_default_headers={"X-Other": "b"}, set_default_query={})
    assert "X-Team" not in replaced.default_headers and replaced.default_query == {}
    assert replaced.default_headers["X-Other"] == "b"
    with pytest.raises(ValueError, match="mutually exclusive"):
        base.copy(default_headers={}, set_default_headers={})


def test_default_query_gives_way_to_the_call(rt: SimpleNamespace) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    client = rt.SyncAPIClient(
        api_key="k",
        base_url="https://api.test/v1",
        default_query={"api-version": "1", "limit": 5},
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    spec = rt.RequestOptions(
        method="GET",
        path="things",
        params={"limit": 2, "order": rt.NOT_GIVEN},
        extra_query={"api-version": "2"},
    )
    client._request(spec, object)
    client._request(rt.RequestOptions(method="DELETE", path="t"), object)
    assert [str(r.url.query, "ascii") for r in seen] == [
        "limit=2&api-version=2",
        "api-version=1&limit=5",
    ]
    assert "idempotency-key" not in seen[1].headers  # DELETE is idempotent


# --- logging -------------------------------------------------------------------


def test_logging_never_shows_the_api_key(
    rt: SimpleNamespace,
    loopback: LoopbackServer,
    sleeps: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "sk-very-secret-key"
    client = _client(rt, loopback, sleeps, api_key=secret)
    loopback.reply_json({}, 500, {"x-request-id": "req_log"})
    loopback.reply_json({"id": "s"}, headers={"x-request-id": "req_log2"})
    with caplog.at_level(logging.DEBUG, logger=PACKAGE):
        client._request(rt.RequestOptions(method="GET", path="models"), object)
    messages = [record.getMessage() for record in caplog.records]
    assert all(record.name == PACKAGE for record in caplog.records)
    assert any("GET" in m and "/v1/models" in m and "retry 1" in m for m in messages)
    assert any("Retrying GET" in m and "status 500" in m for m in messages)
    assert any("request_id=req_log2" in m for m in messages)
    assert any("'authorization': '<redacted>'" in m for m in messages)
    assert not any(secret in m for m in messages)


def test_log_environment_switch(tmp_path: Path) -> None:
    """``OPENAI_CLIENT_LOG`` turns logging on, to standard error, key hidden."""
    package = tmp_path / "logged_client"
    shutil.copytree(RUNTIME, package)
    (package / "__init__.py").write_text("")
    script = (
        "import httpx\n"
        "from logged_client._base_client import SyncAPIClient\n"
        "from logged_client._request import RequestOptions\n"
        "reply = lambda request: httpx.Response(200, json={})\n"
        "transport = httpx.MockTransport(reply)\n"
        "client = SyncAPIClient(api_key='sk-env-secret',"
        " http_client=httpx.Client(transport=transport))\n"
        "client._request(RequestOptions(method='POST', path='x'), object)\n"
    )
    outputs = {}
    for level in ("debug", "info", ""):
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=tmp_path,
            env={**os.environ, "OPENAI_CLIENT_LOG": level},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        outputs[level] = result.stderr
    assert "logged_client - DEBUG] Sending HTTP request: POST" in outputs["debug"]
    assert "<redacted>" in outputs["debug"]
    assert "logged_client - INFO] HTTP response: POST" in outputs["info"]
    assert "DEBUG" not in outputs["info"]
    assert outputs[""] == ""
    assert not any("sk-env-secret" in text for text in outputs.values())
