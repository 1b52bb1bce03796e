"""The client and openai-python, side by side, against one scripted server.

The client is generated from the 2025-04 Perl-distribution spec with this
project's ``[tool.generator]`` (naming tables and overlays).  Each scenario
makes the same call (the same method path and arguments) through the client
and through the installed ``openai`` package, each answered by the same
scripted replies, and asserts that both put the same request on the wire
(method, path, query, JSON body or multipart fields, the body's media type,
authorization) and read the same values at the same attribute paths of their
results.  Headers that legitimately differ are not compared: user-agent,
x-stainless-* (the SDK's telemetry), idempotency-key (the client sends one on
every POST so that its retries are safe; the SDK sends none), lengths and
multipart boundaries.  The Accept header is compared, and where it differs the
scenario names both values (see ``Scenario.accept``).  ``output_text``, which
the SDK computes and the client does not have, is asserted apart.
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from loopback import LoopbackServer, RecordedRequest
from python_client_support import (
    SEED_SPEC,
    corpus_spec,
    import_package,
    write_package,
)

from generator.config import read_config
from generator.model.build import build_api
from generator.overlay import apply_overlays, read_overlays

openai = pytest.importorskip("openai", reason="openai-python is a test extra")
REPO = Path(__file__).resolve().parents[2]
PACKAGE = "side_by_side_client"
#: Seconds either client waits for the loopback server before giving up.
TIMEOUT = 5.0

#: One scripted reply: (status, headers, body); a list body is sent chunked.
Script = tuple[int, dict[str, str], bytes | list[bytes]]
#: What a scenario reads from a result: attribute path -> value.
Values = dict[str, object]


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The client of the whole 2025-04 spec, as the project generates it."""
    root = tmp_path_factory.mktemp("side-by-side")
    spec = corpus_spec(SEED_SPEC, root)
    config = read_config(REPO)
    apply_overlays(spec, read_overlays(config.overlays))
    write_package(build_api(spec), root, PACKAGE, config.naming)
    return import_package(root, PACKAGE)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


REQUEST_ID = "req_1"


def _json(data: object, status: int = 200) -> Script:
    headers = {"Content-Type": "application/json", "x-request-id": REQUEST_ID}
    return status, headers, json.dumps(data).encode()


def _sse(*events: object) -> Script:
    """An event stream, one chunk per event, ended by ``[DONE]``."""
    chunks = [f"data: {json.dumps(e)}\n\n".encode() for e in events]
    return 200, {"Content-Type": "text/event-stream"}, [*chunks, b"data: [DONE]\n\n"]


def _multipart(
    request: RecordedRequest,
) -> list[tuple[str, str | None, str, bytes]]:
    """The fields of a multipart body: (name, file name, media type, content),
    in order."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        head + request.body
    )
    fields: list[tuple[str, str | None, str, bytes]] = []
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        name = part.get_param("name", header="content-disposition")
        assert isinstance(name, str)
        fields.append((name, part.get_filename(), part.get_content_type(), payload))
    return fields


def wire(request: RecordedRequest) -> dict[str, object]:
    """What a request means on the wire, less the headers that may differ."""
    content_type = request.headers.get("content-type", "")
    body: object = request.body
    if request.body and content_type.startswith("application/json"):
        body = request.json()
    elif content_type.startswith("multipart/form-data"):
        body = _multipart(request)
    return {
        "method": request.method,
        "path": request.path,
        "query": sorted(request.query),
        # The media type of a body (a bodiless request's may differ: the SDK
        # names JSON on every request, the client only on those with a body).
        "content-type": content_type.partition(";")[0] if request.body else None,
        "body": body,
        "authorization": request.headers.get("authorization"),
        "accept": request.headers.get("accept"),
    }


def _raised(call: Callable[[], object]) -> BaseException:
    """The exception ``call`` raises (the scenario fails when none is raised)."""
    try:
        call()
    except Exception as error:  # any error: its type is among the values compared
        return error
    raise AssertionError("no exception was raised")


@dataclass(frozen=True)
class Scenario:
    name: str
    replies: Sequence[Script]
    #: Makes the call on a client (either) and reads its result's values.
    call: Callable[[Any], Any]
    #: The Accept headers (the SDK's, the client's) where they legitimately
    #: differ: the client names the media type the operation replies with (an
    #: event stream; any type for binary content), the SDK always asks for
    #: JSON on a stream and for ``application/binary`` or
    #: ``application/octet-stream`` on binary replies.  Servers answer both.
    accept: tuple[str, str] | None = None
    #: ``call`` is a coroutine function, given ``AsyncOpenAI``/``AsyncClient``.
    asynchronous: bool = False


Wire = list[dict[str, object]]


def _script(server: LoopbackServer, scenario: Scenario) -> int:
    """Queue the scenario's replies; the index of its first request."""
    for status, headers, body in scenario.replies:
        server.reply(status, headers, body)
    return len(server.requests)


def _wire_since(server: LoopbackServer, start: int) -> Wire:
    return [wire(r) for r in server.requests[start:]]


def side_by_side(
    ours: ModuleType, server: LoopbackServer, scenario: Scenario
) -> tuple[tuple[Wire, Values], tuple[Wire, Values]]:
    """(the SDK's wire and values, the client's), from the same scenario."""
    options: dict[str, Any] = {
        "base_url": f"{server.url}/v1",
        "api_key": "k",
        "max_retries": 0,
        "timeout": TIMEOUT,
    }
    if scenario.asynchronous:
        return asyncio.run(_side_by_side_async(ours, server, scenario, options))
    results = []
    for make in (openai.OpenAI, ours.Client):
        start = _script(server, scenario)
        with make(**options) as client:
            values = scenario.call(client)
        results.append((_wire_since(server, start), values))
    theirs, mine = results
    return theirs, mine


async def _side_by_side_async(
    ours: ModuleType,
    server: LoopbackServer,
    scenario: Scenario,
    options: dict[str, Any],
) -> tuple[tuple[Wire, Values], tuple[Wire, Values]]:
    results = []
    for make in (openai.AsyncOpenAI, ours.AsyncClient):
        start = _script(server, scenario)
        async with make(**options) as client:
            values = await scenario.call(client)
        results.append((_wire_since(server, start), values))
    theirs, mine = results
    return theirs, mine


# -- the scenarios ------------------------------------------------------------------
MESSAGES = [{"role": "user", "content": "Hi"}]
COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1,
    "model": "gpt-4o",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "logprobs": None,
            "message": {"role": "assistant", "content": "Hello", "refusal": None},
        }
    ],
    "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4},
}
TOOL_CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "weather", "arguments": '{"city": "Paris"}'},
}
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "weather",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string"}},
            },
        },
    }
]


def _chunk(delta: dict[str, object], finish: str | None = None) -> dict[str, object]:
    return {
        "id": "chatcmpl-2",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "gpt-4o",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def chat_plain(client: Any) -> Values:
    r = client.chat.completions.create(model="gpt-4o", messages=MESSAGES, n=1)
    return {
        "r.id": r.id,
        "r.choices[0].message.content": r.choices[0].message.content,
        "r.choices[0].finish_reason": r.choices[0].finish_reason,
        "r.usage.total_tokens": r.usage.total_tokens,
        "r._request_id": r._request_id,
    }


def chat_raw(client: Any) -> Values:
    raw = client.chat.completions.with_raw_response.create(
        model="gpt-4o", messages=MESSAGES
    )
    r = raw.parse()
    return {
        "raw.status_code": raw.status_code,
        "raw.headers['x-request-id']": raw.headers["x-request-id"],
        "raw.request_id": raw.request_id,
        "raw.parse().choices[0].message.content": r.choices[0].message.content,
    }


def chat_tools(client: Any) -> Values:
    r = client.chat.completions.create(
        model="gpt-4o", messages=MESSAGES, tools=TOOLS, tool_choice="auto"
    )
    call = r.choices[0].message.tool_calls[0]
    return {
        "call.id": call.id,
        "call.function.name": call.function.name,
        "call.function.arguments": call.function.arguments,
        "r.choices[0].finish_reason": r.choices[0].finish_reason,
    }


def chat_stream(client: Any) -> Values:
    stream = client.chat.completions.create(
        model="gpt-4o", messages=MESSAGES, stream=True
    )
    with stream:
        return _chunk_values(list(stream))


async def chat_stream_async(client: Any) -> Values:
    stream = await client.chat.completions.create(
        model="gpt-4o", messages=MESSAGES, stream=True
    )
    async with stream:
        return _chunk_values([c async for c in stream])


STREAM_ERROR = {"message": "overloaded", "type": "server_error", "code": "busy"}


def chat_stream_error(client: Any) -> Values:
    """An error event mid-stream: the chunks before it, then the error raised."""
    stream = client.chat.completions.create(
        model="gpt-4o", messages=MESSAGES, stream=True
    )
    contents: list[object] = []

    def consume() -> None:
        with stream:
            contents.extend(c.choices[0].delta.content for c in stream)

    e: Any = _raised(consume)
    return {
        "[c.choices[0].delta.content]": contents,
        "type(e).__name__": type(e).__name__,
        "str(e)": str(e),
        "e.body": e.body,
        "e.code": e.code,
        "e.type": e.type,
    }


def _chunk_values(chunks: list[Any]) -> Values:
    return {
        "[c.choices[0].delta.content]": [c.choices[0].delta.content for c in chunks],
        "[c.choices[0].finish_reason]": [c.choices[0].finish_reason for c in chunks],
    }


def embeddings(client: Any) -> Values:
    r = client.embeddings.create(
        model="text-embedding-3-small", input=["a", "b"], encoding_format="float"
    )
    return {
        "[d.embedding]": [d.embedding for d in r.data],
        "[d.index]": [d.index for d in r.data],
        "r.usage.prompt_tokens": r.usage.prompt_tokens,
    }


MODEL = {"id": "gpt-4o", "object": "model", "created": 1, "owned_by": "openai"}


def models(client: Any) -> Values:
    listed = [m.id for m in client.models.list()]
    one = client.models.retrieve("gpt-4o")
    return {"[m.id]": listed, "one.owned_by": one.owned_by, "one.created": one.created}


def _file(name: str) -> dict[str, object]:
    return {
        "id": name,
        "object": "file",
        "bytes": 3,
        "created_at": 1,
        "filename": f"{name}.jsonl",
        "purpose": "batch",
        "status": "processed",
    }


def _page(names: Sequence[str], has_more: bool) -> Script:
    return _json(
        {
            "object": "list",
            "data": [_file(n) for n in names],
            "first_id": names[0],
            "last_id": names[-1],
            "has_more": has_more,
        }
    )


def files_upload(client: Any) -> Values:
    r = client.files.create(file=("a.jsonl", b'{"x": 1}\n'), purpose="batch")
    return {"r.id": r.id, "r.filename": r.filename, "r.bytes": r.bytes}


def files_list(client: Any) -> Values:
    return {"[f.id]": [f.id for f in client.files.list(limit=2, purpose="batch")]}


async def files_list_async(client: Any) -> Values:
    pages = client.files.list(limit=2, purpose="batch")
    return {"[f.id]": [f.id async for f in pages]}


def files_retrieve(client: Any) -> Values:
    r = client.files.retrieve("file-a")
    return {"r.id": r.id, "r.status": r.status, "r.purpose": r.purpose}


CONTENT = b"\x89PNG\r\n\x00\xff bytes"


def files_content(client: Any) -> Values:
    return _bytes_of(client.files.content("file-a"))


def _bytes_of(r: Any) -> Values:
    """A binary result's bytes, read both ways."""
    return {"r.read()": r.read(), "r.content": r.content}


def files_delete(client: Any) -> Values:
    r = client.files.delete("file-a")
    return {"r.id": r.id, "r.deleted": r.deleted}


NOT_FOUND = {
    "message": "No such File object: file-x",
    "type": "invalid_request_error",
    "param": "id",
    "code": None,
}


def files_not_found(client: Any) -> Values:
    e: Any = _raised(lambda: client.files.retrieve("file-x"))
    return {
        "type(e).__name__": type(e).__name__,
        "e.status_code": e.status_code,
        "e.body": e.body,
        "e.message": e.message,
        "e.type": e.type,
        "e.param": e.param,
        "e.code": e.code,
        "e.request_id": e.request_id,
    }


AUDIO = b"RIFF\x00\x00WAVEfmt fake audio"


def transcription(client: Any) -> Values:
    r = client.audio.transcriptions.create(
        file=("a.wav", AUDIO), model="whisper-1", language="en", temperature=0.5
    )
    return {"r.text": r.text}


SPEECH = b"ID3\x03\x00 mp3 bytes \xff\xfb"


def speech(client: Any) -> Values:
    return _bytes_of(
        client.audio.speech.create(model="tts-1", input="Hello", voice="alloy")
    )


def images(client: Any) -> Values:
    r = client.images.generate(prompt="a cat", n=1, size="256x256")
    return {"r.created": r.created, "r.data[0].url": r.data[0].url}


BATCH = {
    "id": "batch_1",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file-a",
    "completion_window": "24h",
    "status": "validating",
    "created_at": 1,
    "request_counts": {"total": 2, "completed": 0, "failed": 0},
}


def batches(client: Any) -> Values:
    made = client.batches.create(
        input_file_id="file-a",
        endpoint="/v1/chat/completions",
        completion_window="24h",
        metadata={"k": "v"},
    )
    got = client.batches.retrieve("batch_1")
    return {
        "made.id": made.id,
        "made.status": made.status,
        "got.status": got.status,
        "got.request_counts.total": got.request_counts.total,
    }


JOB = {
    "id": "ftjob-1",
    "object": "fine_tuning.job",
    "created_at": 1,
    "model": "gpt-4o-mini",
    "organization_id": "org-1",
    "result_files": [],
    "seed": 7,
    "status": "queued",
    "training_file": "file-a",
    "validation_file": None,
    "fine_tuned_model": None,
    "finished_at": None,
    "error": None,
    "hyperparameters": {"n_epochs": "auto"},
    "trained_tokens": None,
}


def fine_tuning(client: Any) -> Values:
    made = client.fine_tuning.jobs.create(
        model="gpt-4o-mini", training_file="file-a", seed=7, suffix="x"
    )
    listed = [j.id for j in client.fine_tuning.jobs.list(limit=1)]
    return {"made.id": made.id, "made.seed": made.seed, "[j.id]": listed}


RESPONSE = {
    "id": "resp_1",
    "object": "response",
    "created_at": 1,
    "model": "gpt-4o",
    "status": "completed",
    "output": [
        {
            "type": "message",
            "id": "msg_1",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": "Hi!", "annotations": []}],
        }
    ],
    "parallel_tool_calls": True,
    "tool_choice": "auto",
    "tools": [],
    "error": None,
    "incomplete_details": None,
    "instructions": None,
    "metadata": {},
    "temperature": 1.0,
    "top_p": 1.0,
}


def responses_plain(client: Any) -> Values:
    r = client.responses.create(model="gpt-4o", input="Say hi", temperature=1.0)
    return {
        "r.id": r.id,
        "r.status": r.status,
        "r.output[0].content[0].text": r.output[0].content[0].text,
    }


def responses_stream(client: Any) -> Values:
    stream = client.responses.create(model="gpt-4o", input="Say hi", stream=True)
    with stream:
        events = list(stream)
    return {
        "[e.type]": [e.type for e in events],
        "events[1].delta": events[1].delta,
        "events[-1].response.id": events[-1].response.id,
    }


def _binary_scenario(
    name: str, reply: tuple[bytes, str], call: Callable[[Any], Values], sdk_accept: str
) -> Scenario:
    """A call answered with raw bytes (the client accepts any media type)."""
    data, content_type = reply
    script: Script = (200, {"Content-Type": content_type}, data)
    return Scenario(name, [script], call, accept=(sdk_accept, "*/*"))


CHAT_STREAM = [
    _sse(
        _chunk({"role": "assistant", "content": ""}),
        _chunk({"content": "Hel"}),
        _chunk({"content": "lo"}),
        _chunk({}, "stop"),
    )
]
FILE_PAGES = [_page(["file-a", "file-b"], True), _page(["file-c"], False)]
STREAM_ACCEPT = ("application/json", "text/event-stream")
SCENARIOS = [
    Scenario("chat", [_json(COMPLETION)], chat_plain),
    Scenario("chat, raw response", [_json(COMPLETION)], chat_raw),
    Scenario(
        "chat with tools",
        [
            _json(
                {
                    **COMPLETION,
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": "tool_calls",
                            "logprobs": None,
                            "message": {
                                "role": "assistant",
                                "content": None,
                                "refusal": None,
                                "tool_calls": [TOOL_CALL],
                            },
                        }
                    ],
                }
            )
        ],
        chat_tools,
    ),
    Scenario(
        "chat stream",
        CHAT_STREAM,
        chat_stream,
        accept=STREAM_ACCEPT,
    ),
    Scenario(
        "chat stream, error event",
        [_sse(_chunk({"content": "Hel"}), {"error": STREAM_ERROR})],
        chat_stream_error,
        accept=STREAM_ACCEPT,
    ),
    Scenario(
        "chat stream, async",
        CHAT_STREAM,
        chat_stream_async,
        accept=STREAM_ACCEPT,
        asynchronous=True,
    ),
    Scenario(
        "embeddings",
        [
            _json(
                {
                    "object": "list",
                    "model": "text-embedding-3-small",
                    "data": [
                        {"object": "embedding", "index": 0, "embedding": [0.5, -1.0]},
                        {"object": "embedding", "index": 1, "embedding": [0.25, 2.0]},
                    ],
                    "usage": {"prompt_tokens": 2, "total_tokens": 2},
                }
            )
        ],
        embeddings,
    ),
    Scenario(
        "models list and retrieve",
        [
            _json({"object": "list", "data": [MODEL, {**MODEL, "id": "o3"}]}),
            _json(MODEL),
        ],
        models,
    ),
    Scenario("files upload", [_json(_file("file-a"))], files_upload),
    Scenario(
        "files list, two pages",
        FILE_PAGES,
        files_list,
    ),
    Scenario(
        "files list, two pages, async",
        FILE_PAGES,
        files_list_async,
        asynchronous=True,
    ),
    Scenario("files retrieve", [_json(_file("file-a"))], files_retrieve),
    _binary_scenario(
        "files content",
        (CONTENT, "application/octet-stream"),
        files_content,
        "application/binary",
    ),
    Scenario(
        "files delete",
        [_json({"id": "file-a", "object": "file", "deleted": True})],
        files_delete,
    ),
    Scenario("files 404", [_json({"error": NOT_FOUND}, 404)], files_not_found),
    Scenario("transcription", [_json({"text": "hello"})], transcription),
    _binary_scenario(
        "speech", (SPEECH, "audio/mpeg"), speech, "application/octet-stream"
    ),
    Scenario(
        "images generate",
        [_json({"created": 5, "data": [{"url": "https://example.invalid/a.png"}]})],
        images,
    ),
    Scenario("batches create and retrieve", [_json(BATCH), _json(BATCH)], batches),
    Scenario(
        "fine-tuning jobs create and list",
        [_json(JOB), _json({"object": "list", "data": [JOB], "has_more": False})],
        fine_tuning,
    ),
    Scenario("responses", [_json(RESPONSE)], responses_plain),
    Scenario(
        "responses stream",
        [
            _sse(
                {
                    "type": "response.created",
                    "sequence_number": 0,
                    "response": {**RESPONSE, "status": "in_progress", "output": []},
                },
                {
                    "type": "response.output_text.delta",
                    "sequence_number": 1,
                    "item_id": "msg_1",
                    "output_index": 0,
                    "content_index": 0,
                    "delta": "Hi!",
                },
                {
                    "type": "response.completed",
                    "sequence_number": 2,
                    "response": RESPONSE,
                },
            )
        ],
        responses_stream,
        accept=STREAM_ACCEPT,
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_same_wire_and_same_values(
    ours: ModuleType, server: LoopbackServer, scenario: Scenario
) -> None:
    (sdk_wire, sdk_values), (our_wire, our_values) = side_by_side(
        ours, server, scenario
    )
    assert len(sdk_wire) == len(scenario.replies)
    if scenario.accept is not None:
        sdk_accept, our_accept = scenario.accept
        assert [w.pop("accept") for w in sdk_wire] == [sdk_accept] * len(sdk_wire)
        assert [w.pop("accept") for w in our_wire] == [our_accept] * len(our_wire)
    assert our_wire == sdk_wire
    assert our_values == sdk_values


def test_output_text_is_the_sdks_alone(
    ours: ModuleType, server: LoopbackServer
) -> None:
    """A known difference: ``output_text`` is computed by the SDK from ``output``;
    the project's overlay removes it from the client's Response (the server never
    sends it), so the client has no such attribute."""

    def output_text(client: Any) -> Values:
        r = client.responses.create(model="gpt-4o", input="Say hi")
        return {"r.output_text": getattr(r, "output_text", AttributeError)}

    scenario = Scenario("output_text", [_json(RESPONSE)], output_text)
    (sdk_wire, sdk_values), (our_wire, our_values) = side_by_side(
        ours, server, scenario
    )
    assert our_wire == sdk_wire
    assert sdk_values == {"r.output_text": "Hi!"}  # joined from the output items
    assert our_values == {"r.output_text": AttributeError}
