"""The generated clients over real loopback HTTP: what they send and what they return."""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import json
import subprocess
import typing
import venv
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from loopback import LoopbackServer
from python_client_support import (
    SEED,
    SEED_SPEC,
    SYNTHETIC_SPEC,
    corpus_spec,
    default_spec_path,
    generate,
    import_package,
)
from rendering import rendered

from generator.load import load_spec
from generator.model.build import build_api
from generator.render import RenderOptions
from generator.render.python import package_version, render

API_KEY = "sk-test-key"
SESSION = {
    "id": "sess_1",
    "object": "realtime.transcription_session",
    "client_secret": {"value": "ek_secret", "expires_at": 1742188264},
    "modalities": ["audio", "text"],
    "input_audio_format": "pcm16",
    "turn_detection": {"type": "server_vad", "threshold": 0.5},
}


@pytest.fixture(scope="module", params=["perl_2025_04", "default"])
def seed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> ModuleType:
    """The seed operation's client, from the 2025-04 spec and from the default spec."""
    root = tmp_path_factory.mktemp("http-seed")
    if request.param == "default":
        spec = load_spec(default_spec_path())
    else:
        spec = corpus_spec(SEED_SPEC, root)
    name = f"http_seed_{request.param}"
    generate(spec, root, name, [SEED])
    return import_package(root, name)


def _argument_model(package: ModuleType, method: Any, argument: str) -> Any:
    """The model class an argument of ``method`` accepts."""
    hint = typing.get_type_hints(method, vars(package._client))[argument]
    [model] = [
        t
        for t in typing.get_args(hint)
        if isinstance(t, type) and issubclass(t, package.BaseModel)
    ]
    return model


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    root = tmp_path_factory.mktemp("http-synthetic")
    generate(SYNTHETIC_SPEC, root, "http_synthetic_client")
    return import_package(root, "http_synthetic_client")


def _client(
    package: ModuleType, loopback: LoopbackServer, prefix: str, **options: Any
) -> Any:
    """A client on the loopback server whose retries record their delay instead of sleeping."""
    client = package.Client(api_key=API_KEY, base_url=loopback.url + prefix, **options)
    client.sleeps = []
    client._sleep = client.sleeps.append
    return client


@pytest.fixture
def client(seed: ModuleType, loopback: LoopbackServer) -> Iterator[Any]:
    with _client(seed, loopback, "/v1", max_retries=0) as c:
        yield c


@pytest.fixture
def things(synthetic: ModuleType, loopback: LoopbackServer) -> Iterator[Any]:
    with _client(synthetic, loopback, "/v9", max_retries=0) as c:
        yield c


# -- the seed operation --------------------------------------------------------------
def test_seed_request_is_sent_as_specified(
    client: Any, seed: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply_json(SESSION)
    session = client.realtime.transcription_sessions.create(
        input_audio_format="g711_ulaw",
        include=["item.input_audio_transcription.logprobs"],
        input_audio_transcription=_argument_model(
            seed,
            client.realtime.transcription_sessions.create,
            "input_audio_transcription",
        )(model="whisper-1"),
    )
    [request] = loopback.requests
    assert request.method == "POST"
    assert request.path == "/v1/realtime/transcription_sessions"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.headers["content-type"] == "application/json"
    # Omitted arguments are absent, nested models sent by wire name.
    assert request.json() == {
        "input_audio_format": "g711_ulaw",
        "include": ["item.input_audio_transcription.logprobs"],
        "input_audio_transcription": {"model": "whisper-1"},
    }
    assert isinstance(session, seed.models.RealtimeTranscriptionSessionCreateResponse)
    assert session.client_secret.value == "ek_secret"
    assert session.client_secret.expires_at == 1742188264
    assert session.turn_detection.threshold == 0.5


def test_explicit_none_is_sent_as_null(client: Any, loopback: LoopbackServer) -> None:
    loopback.reply_json(SESSION)
    client.realtime.transcription_sessions.create(
        turn_detection=None, input_audio_noise_reduction=None
    )
    assert loopback.requests[0].json() == {
        "turn_detection": None,
        "input_audio_noise_reduction": None,
    }


def test_no_arguments_send_an_empty_object(
    client: Any, loopback: LoopbackServer
) -> None:
    loopback.reply_json(SESSION)
    client.realtime.transcription_sessions.create()
    assert loopback.requests[0].json() == {}


def test_extra_options_reach_the_request(client: Any, loopback: LoopbackServer) -> None:
    loopback.reply_json(SESSION)
    client.realtime.transcription_sessions.create(
        include=["x"],
        extra_headers={"X-Custom": "1"},
        extra_query={"debug": True},
        extra_body={"experimental": {"on": True}},
    )
    [request] = loopback.requests
    assert request.headers["x-custom"] == "1"
    assert request.query == [("debug", "true")]
    assert request.json() == {"include": ["x"], "experimental": {"on": True}}


def test_unknown_fields_and_values_are_tolerated(
    client: Any, loopback: LoopbackServer
) -> None:
    loopback.reply_json(
        {
            **SESSION,
            "input_audio_format": "opus-next",
            "client_secret": {"value": "ek", "expires_at": 1, "rotates": True},
            "brand_new_field": [1, 2],
        }
    )
    session = client.realtime.transcription_sessions.create()
    assert session.input_audio_format == "opus-next"
    assert session.client_secret.model_extra == {"rotates": True}
    assert session.model_extra["brand_new_field"] == [1, 2]


def test_401_raises_authentication_error(
    client: Any, seed: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply_json(
        {
            "error": {
                "message": "Incorrect API key provided",
                "type": "invalid_request_error",
            }
        },
        status=401,
        headers={"x-request-id": "req_401"},
    )
    with pytest.raises(seed.AuthenticationError) as caught:
        client.realtime.transcription_sessions.create()
    assert caught.value.status_code == 401
    assert caught.value.request_id == "req_401"
    assert "Incorrect API key" in caught.value.message
    assert len(loopback.requests) == 1


def test_429_with_retry_after_is_retried_then_succeeds(
    seed: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply_json(
        {"error": {"message": "slow down"}}, status=429, headers={"Retry-After": "0.01"}
    )
    loopback.reply_json(SESSION)
    with _client(seed, loopback, "/v1", max_retries=2) as client:
        session = client.realtime.transcription_sessions.create(include=["a"])
        assert client.sleeps == [0.01]
    assert session.client_secret.value == "ek_secret"
    assert [r.json() for r in loopback.requests] == [
        {"include": ["a"]},
        {"include": ["a"]},
    ]


def test_timeout_raises_api_timeout_error(
    seed: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply_json(SESSION, delay=2.0)
    with _client(seed, loopback, "/v1", max_retries=0, timeout=0.2) as client:
        with pytest.raises(seed.APITimeoutError):
            client.realtime.transcription_sessions.create()


def test_async_client_sends_and_parses(
    seed: ModuleType, loopback: LoopbackServer
) -> None:
    async def call() -> Any:
        async with seed.AsyncClient(
            api_key=API_KEY, base_url=loopback.url + "/v1", max_retries=0
        ) as client:
            return await client.realtime.transcription_sessions.create(
                input_audio_format="pcm16"
            )

    loopback.reply_json(SESSION)
    session = asyncio.run(asyncio.wait_for(call(), timeout=10))
    assert session.client_secret.value == "ek_secret"
    assert loopback.requests[0].json() == {"input_audio_format": "pcm16"}


# -- the synthetic spec: parameters, pages, uploads, binaries, streams ---------------
def _thing(thing_id: str) -> dict[str, object]:
    return {"id": thing_id, "object": "thing"}


def test_cursor_pages_are_followed(
    things: Any, synthetic: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply_json(
        {
            "object": "list",
            "data": [_thing("a"), _thing("b")],
            "has_more": True,
            "last_id": "b",
        }
    )
    loopback.reply_json({"object": "list", "data": [_thing("c")], "has_more": False})
    page = things.things.list(limit=2, order="desc")
    assert isinstance(page, synthetic.SyncCursorPage)
    items = list(page)
    assert [t.id for t in items] == ["a", "b", "c"]
    assert all(isinstance(t, synthetic.models.Thing) for t in items)
    first, second = loopback.requests
    assert first.path == second.path == "/v9/things"
    assert first.query == [("limit", "2"), ("order", "desc")]
    assert dict(second.query) == {"limit": "2", "order": "desc", "after": "b"}


def test_path_parameters_are_quoted_and_headers_sent(
    things: Any, loopback: LoopbackServer
) -> None:
    loopback.reply_json({**_thing("a/b c"), "from": "elsewhere", "kind": "huge"})
    thing = things.things.retrieve("a/b c", X_Trace_Id="trace-1")
    [request] = loopback.requests
    assert request.method == "GET"
    assert request.path == "/v9/things/a%2Fb%20c"
    assert request.headers["x-trace-id"] == "trace-1"
    assert thing.from_ == "elsewhere"
    assert thing.kind == "huge"


def test_delete_without_content_returns_none(
    things: Any, loopback: LoopbackServer
) -> None:
    loopback.reply(204)
    assert things.things.delete("t1") is None
    assert loopback.requests[0].method == "DELETE"
    assert loopback.requests[0].path == "/v9/things/t1"


def test_json_body_uses_wire_names(
    things: Any, synthetic: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply_json(_thing("n1"))
    things.things.create(
        name="n",
        class_="premium",
        _2d=False,
        dotted_name="x",
        pet=synthetic.models.Cat(type="cat", lives=9),
        schedule=None,
    )
    assert loopback.requests[0].json() == {
        "name": "n",
        "class": "premium",
        "2d": False,
        "dotted.name": "x",
        "pet": {"type": "cat", "lives": 9},
        "schedule": None,
    }


def test_multipart_upload_sends_files_and_fields(
    things: Any, loopback: LoopbackServer
) -> None:
    loopback.reply_json({"id": "up_1", "bytes": 3})
    upload = things.uploads.create(
        file=("data.jsonl", b"abc", "application/jsonl"),
        attachments=[("one.txt", b"1"), ("two.txt", b"2")],
        purpose="fine-tune",
        labels=["x", "y"],
        count=2,
    )
    assert upload.bytes == 3
    [request] = loopback.requests
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.body
    )
    parts = [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]
    assert sorted(parts, key=str) == sorted(
        [
            ("purpose", None, b"fine-tune"),
            ("labels", None, b"x"),
            ("labels", None, b"y"),
            ("count", None, b"2"),
            ("file", "data.jsonl", b"abc"),
            ("attachments", "one.txt", b"1"),
            ("attachments", "two.txt", b"2"),
        ],
        key=str,
    )


def test_binary_response(
    things: Any, synthetic: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply(200, {"Content-Type": "application/octet-stream"}, b"\x00\x01binary")
    result = things.things.content("t1")
    assert isinstance(result, synthetic.BinaryResponse)
    assert result.content == b"\x00\x01binary"
    assert loopback.requests[0].path == "/v9/things/t1/content"


def _sse(*events: dict[str, object]) -> list[bytes]:
    return [f"data: {json.dumps(e)}\n\n".encode() for e in events] + [
        b"data: [DONE]\n\n"
    ]


def test_stream_true_yields_typed_events(
    things: Any, synthetic: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply(
        200,
        {"Content-Type": "text/event-stream"},
        _sse({"type": "delta", "delta": "Hel"}, {"type": "delta", "delta": "lo"}),
    )
    with things.chat.create(prompt="hi", stream=True) as stream:
        events = list(stream)
    assert [e.delta for e in events] == ["Hel", "lo"]
    assert all(isinstance(e, synthetic.models.ChatEvent) for e in events)
    assert loopback.requests[0].json() == {"prompt": "hi", "stream": True}


def test_without_stream_the_json_response_is_returned(
    things: Any, synthetic: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply_json({"text": "Hello"})
    reply = things.chat.create(prompt="hi")
    assert isinstance(reply, synthetic.models.ChatResponse)
    assert reply.text == "Hello"
    assert loopback.requests[0].json() == {"prompt": "hi"}


def test_event_only_operation_streams(things: Any, loopback: LoopbackServer) -> None:
    loopback.reply(200, {"Content-Type": "text/event-stream"}, _sse({"type": "ping"}))
    assert [e.type for e in things.events.list()] == ["ping"]


def test_async_stream_and_pages(
    synthetic: ModuleType, loopback: LoopbackServer
) -> None:
    async def scenario() -> tuple[list[str | None], list[str]]:
        async with synthetic.AsyncClient(
            api_key=API_KEY, base_url=loopback.url + "/v9", max_retries=0
        ) as client:
            stream = await client.chat.create(prompt="p", stream=True)
            deltas = [event.delta async for event in stream]
            page = await client.things.list()
            ids = [thing.id async for thing in page]
            # As in the official SDK: ``async for`` straight over the call.
            ids += [thing.id async for thing in client.things.list()]
            raw = await client.with_raw_response.things.list()
            assert isinstance(raw.parse(), synthetic.AsyncCursorPage)
            return deltas, ids

    loopback.reply(
        200, {"Content-Type": "text/event-stream"}, _sse({"delta": "a"}, {"delta": "b"})
    )
    for _ in range(2):
        loopback.reply_json({"data": [_thing("x")], "has_more": True})
        loopback.reply_json({"data": [_thing("y")], "has_more": False})
    loopback.reply_json({"data": [], "has_more": False})
    deltas, ids = asyncio.run(asyncio.wait_for(scenario(), timeout=10))
    assert deltas == ["a", "b"]
    assert ids == ["x", "y", "x", "y"]
    assert dict(loopback.requests[2].query) == {"after": "x"}


# -- raw and streamed responses, options ----------------------------------------------
def test_raw_response_gives_status_headers_and_the_parsed_result(
    client: Any, seed: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply_json(
        SESSION, headers={"x-request-id": "req_raw", "x-ratelimit-remaining": "9"}
    )
    response = client.with_raw_response.realtime.transcription_sessions.create(
        include=["a"]
    )
    assert isinstance(response, seed.RawAPIResponse)
    assert response.status_code == 200 and response.request_id == "req_raw"
    assert response.headers["x-ratelimit-remaining"] == "9"
    assert response.json() == SESSION
    session = response.parse()
    assert isinstance(session, seed.models.RealtimeTranscriptionSessionCreateResponse)
    assert session.client_secret.value == "ek_secret"
    assert session._request_id == "req_raw"
    assert loopback.requests[0].json() == {"include": ["a"]}
    # The plain call carries the request id too.
    loopback.reply_json(SESSION, headers={"x-request-id": "req_plain"})
    assert client.realtime.transcription_sessions.create()._request_id == "req_plain"


def test_async_streamed_response_reads_when_asked(
    seed: ModuleType, loopback: LoopbackServer
) -> None:
    async def call() -> tuple[object, Any, bool]:
        async with seed.AsyncClient(
            api_key=API_KEY, base_url=loopback.url + "/v1", max_retries=0
        ) as client:
            wrapped = client.with_streaming_response
            async with wrapped.realtime.transcription_sessions.create() as response:
                unread = not response.http_response.is_stream_consumed
                body = await response.json()
                session = await response.parse()
            raw = (
                await client.with_raw_response.realtime.transcription_sessions.create()
            )
            assert raw.parse().client_secret.value == "ek_secret"
            return body, session, unread and response.is_closed

    loopback.reply_json(SESSION)
    loopback.reply_json(SESSION)
    body, session, unread_then_closed = asyncio.run(asyncio.wait_for(call(), 10))
    assert body == SESSION and unread_then_closed
    assert session.client_secret.expires_at == 1742188264


def test_raw_and_streamed_forms_of_every_kind_of_result(
    things: Any, synthetic: ModuleType, loopback: LoopbackServer, tmp_path: Any
) -> None:
    loopback.reply_json({"data": [_thing("a")], "has_more": True})
    loopback.reply_json({"data": [_thing("b")], "has_more": False})
    page = things.things.with_raw_response.list(limit=1)
    assert [t.id for t in page.parse()] == ["a", "b"]
    loopback.reply(204)
    deleted = things.with_raw_response.things.delete("t1")
    assert deleted.status_code == 204 and deleted.parse() is None
    loopback.reply(200, {"Content-Type": "application/octet-stream"}, [b"ab", b"cd"])
    with things.things.with_streaming_response.content("t1") as download:
        download.stream_to_file(tmp_path / "thing.bin")
    assert (tmp_path / "thing.bin").read_bytes() == b"abcd"
    loopback.reply(
        200, {"Content-Type": "text/event-stream"}, _sse({"delta": "x"}, {"delta": "y"})
    )
    chat = things.with_raw_response.chat.create(prompt="p", stream=True)
    assert [e.delta for e in chat.parse()] == ["x", "y"]
    loopback.reply_json({"text": "t"})
    assert things.with_raw_response.chat.create(prompt="p").parse().text == "t"


def test_with_options_retries_with_one_idempotency_key(
    things: Any, synthetic: ModuleType, loopback: LoopbackServer
) -> None:
    patient = things.with_options(max_retries=1, default_headers={"X-Team": "t"})
    assert isinstance(patient, synthetic.Client) and things.max_retries == 0
    patient._sleep = lambda delay: None
    loopback.reply_json({"error": {"message": "busy"}}, status=503)
    loopback.reply_json(_thing("n1"))
    assert patient.things.create(name="n").id == "n1"
    first, second = loopback.requests
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert second.headers["x-team"] == "t"


@pytest.fixture(scope="module")
def models_api(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The models operations of the 2025-04 spec: a list without a cursor."""
    root = tmp_path_factory.mktemp("http-models")
    spec = corpus_spec(SEED_SPEC, root)
    selected = [("/models", "get"), ("/models/{model}", "get")]
    generate(spec, root, "http_models_client", selected)
    return import_package(root, "http_models_client")


def test_list_without_cursor_is_iterable_and_errors_are_shaped_as_the_sdk(
    models_api: ModuleType, loopback: LoopbackServer
) -> None:
    model = {"id": "gpt-4o", "object": "model", "created": 1, "owned_by": "openai"}
    loopback.reply_json({"object": "list", "data": [model, {**model, "id": "o3"}]})
    error = {
        "message": "The model 'nope' does not exist",
        "type": "invalid_request_error",
        "param": "model",
        "code": "model_not_found",
    }
    loopback.reply_json({"error": error}, status=404)
    with _client(models_api, loopback, "/v1", max_retries=0) as client:
        assert [m.id for m in client.models.list()] == ["gpt-4o", "o3"]
        with pytest.raises(models_api.NotFoundError) as caught:
            client.models.retrieve("nope")
    assert caught.value.body == error
    assert str(caught.value) == f"Error code: 404 - {{'error': {error}}}"
    assert (caught.value.code, caught.value.param, caught.value.type) == (
        "model_not_found",
        "model",
        "invalid_request_error",
    )


# -- the package as pip installs it ----------------------------------------------------
PIP_SECONDS = 300
#: What pip says when the package index cannot be reached.
_OFFLINE = (
    "No matching distribution found",
    "Could not find a version",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
)
INSTALLED_CALL = """\
import json, sys
from importlib import metadata, resources
from openai_client import Client

with Client(api_key="sk-installed", base_url=sys.argv[1], max_retries=0) as client:
    session = client.realtime.transcription_sessions.create(include=["x"])
    raw = client.with_raw_response.realtime.transcription_sessions.create()
print(json.dumps({
    "secret": session.client_secret.value,
    "request_id": raw.parse()._request_id,
    "version": metadata.version("openai-client"),
    "typed": resources.files("openai_client").joinpath("py.typed").is_file(),
    "requires": metadata.requires("openai-client"),
}))
"""


def test_pip_installs_the_package_in_a_fresh_venv(
    tmp_path: Path, loopback: LoopbackServer
) -> None:
    """``pip install DIR/python`` gives an importable, typed, working package."""
    api = build_api(load_spec(default_spec_path()), [SEED])
    for relative, text in rendered(render, api, RenderOptions()).items():
        if relative.startswith("python/"):
            (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / relative).write_text(text, encoding="utf-8")
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    install = subprocess.run(
        [python, "-m", "pip", "install", "-q", str(tmp_path / "python")],
        capture_output=True,
        text=True,
        timeout=PIP_SECONDS,
    )
    if install.returncode != 0 and any(m in install.stderr for m in _OFFLINE):
        pytest.skip(f"pip cannot reach a package index: {install.stderr[-300:]}")
    assert install.returncode == 0, install.stderr
    loopback.reply_json(SESSION)
    loopback.reply_json(SESSION, headers={"x-request-id": "req_pip"})
    (tmp_path / "call.py").write_text(INSTALLED_CALL)
    call = subprocess.run(
        [python, "call.py", loopback.url + "/v1"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,  # not the checkout: the installed package is imported
    )
    assert call.returncode == 0, call.stderr
    assert json.loads(call.stdout) == {
        "secret": "ek_secret",
        "request_id": "req_pip",
        "version": package_version(api.version),
        "typed": True,
        "requires": ["httpx>=0.27,<1"],
    }
    assert loopback.requests[0].json() == {"include": ["x"]}
