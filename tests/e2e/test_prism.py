"""The whole API of the 2025-04 spec against the Prism mock server, over loopback HTTP.

Prism (``--errors``) validates each request against the spec and answers
from it, so a 2xx reply means the request was valid.  First the sample
requests themselves are checked with plain httpx (and shown to be rejected
when a required input is missing, proving Prism really validates them); then
every operation is called through the generated client, whose typed reply
must match the method's return annotation all the way down.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib
import inspect
import json
import sys
import time
import types
import typing
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import httpx
import pytest
from prism_spec import (
    RATE_LIMIT_BODY,
    RETRY_AFTER_SECONDS,
    served_events,
    served_example,
)
from prism_support import PrismServer, patched_reference_spec, reference_api
from rendering import rendered
from sample_requests import SampleRequest, sample_request
from type_check import return_type, type_mismatches

from generator.model import Operation
from generator.naming import field_identifiers
from generator.plan import plan_client
from generator.render import RenderOptions
from generator.render.python import render

API_KEY = "sk-prism-test"
BEARER = {"Authorization": f"Bearer {API_KEY}"}
PACKAGE = "openai_client"

_API = reference_api()
_OPERATIONS = _API.operations if _API is not None else ()
#: operationId -> the operation's method path on the client.
_METHODS = (
    {}
    if _API is None
    else {m.operation.operation_id: m.dotted for m in plan_client(_API).methods}
)


def _client_method(client: Any, operation: Operation) -> Any:
    """The bound method of ``client`` that calls ``operation``."""
    return functools.reduce(
        getattr, _METHODS[operation.operation_id].split("."), client
    )


_PATCHED = patched_reference_spec() or {}
#: Options of the httpx clients: plain HTTP on loopback needs no CA bundle (slow to load).
_LOOPBACK: dict[str, Any] = {"timeout": 30.0, "verify": False}


def _by_operation(operations: typing.Iterable[Operation]) -> list[Any]:
    params = [pytest.param(op, id=op.operation_id) for op in operations]
    return params or [
        pytest.param(None, marks=pytest.mark.skip(reason="reference spec not found"))
    ]


def _rejection(response: httpx.Response) -> str:
    """Prism's verdict on a request: status plus each failing field and why."""
    try:
        body = response.json()
    except ValueError:
        return f"{response.status_code}: {response.text[:500]}"
    violations = body.get("validation", []) if isinstance(body, dict) else []
    details = "; ".join(
        f"{'.'.join(v.get('location', []))}: {v['message']}" for v in violations
    )
    title = body.get("title", "") if isinstance(body, dict) else ""
    return f"{response.status_code} {title}: {details or response.text[:500]}"


# -- the sample requests, with plain httpx -------------------------------------
@pytest.fixture(scope="module")
def http(prism: PrismServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=prism.base_url, headers=BEARER, **_LOOPBACK) as client:
        yield client


_INPUTS = pytest.mark.parametrize("full", [False, True], ids=["required", "all"])


@_INPUTS
@pytest.mark.parametrize("operation", _by_operation(_OPERATIONS))
def test_prism_accepts_the_sample_request(
    operation: Operation, full: bool, http: httpx.Client
) -> None:
    request = sample_request(operation, full=full)
    response = http.request(
        operation.method.upper(), request.path, **request.httpx_arguments()
    )
    assert response.is_success, _rejection(response)


def _required_inputs(request: SampleRequest) -> list[tuple[str, str]]:
    """(where, wire name) of every required input other than path parameters."""
    body = request.body if isinstance(request.body, dict) else {}
    return [
        *(("query", name) for name in request.query),
        *(("body", name) for name in body),
        *(("body", name) for name in request.files),
    ]


_WITH_REQUIRED_INPUTS = [
    op for op in _OPERATIONS if _required_inputs(sample_request(op))
]


@pytest.mark.parametrize("operation", _by_operation(_WITH_REQUIRED_INPUTS))
def test_prism_rejects_a_request_missing_a_required_input(
    operation: Operation, http: httpx.Client
) -> None:
    request = sample_request(operation)
    where, name = _required_inputs(request)[0]
    if where == "query":
        del request.query[name]
    elif name in request.files:
        del request.files[name]
    else:
        assert isinstance(request.body, dict)
        del request.body[name]
    response = http.request(
        operation.method.upper(), request.path, **request.httpx_arguments()
    )
    # Where the spec declares a 400 reply Prism sends it (no details); else its own 422.
    assert response.status_code in (400, 422), _rejection(response)
    if response.status_code == 422:
        emptied = where == "body" and not request.body and not request.files
        # An emptied multipart body is not sent at all, so Prism misses the body itself.
        expected = (
            "Body parameter is required" if emptied and request.is_multipart else name
        )
        assert expected in _rejection(response)


# -- the generated client ----------------------------------------------------------
class _Recorder:
    """An ``httpx.Client`` that notes each request it sends and each reply it gets."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.responses: list[httpx.Response] = []
        self.client = httpx.Client(
            event_hooks={
                "request": [self.requests.append],
                "response": [self.responses.append],
            },
            **_LOOPBACK,
        )


@pytest.fixture
def recorder() -> Iterator[_Recorder]:
    recorder = _Recorder()
    with recorder.client:
        yield recorder


@pytest.fixture(scope="module")
def client_package(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[types.ModuleType]:
    """The client generated for the reference spec, imported from a temporary directory."""
    if _API is None:
        pytest.skip("reference spec not found")
    root = tmp_path_factory.mktemp("prism-client")
    for relative, text in rendered(render, _API, RenderOptions()).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    with _imported(root / "python", PACKAGE) as package:
        yield package


@contextlib.contextmanager
def _imported(directory: Path, name: str) -> Iterator[types.ModuleType]:
    """Import package ``name`` from ``directory``, hiding (then restoring) any namesake."""

    def loaded() -> list[str]:
        return [m for m in sys.modules if m == name or m.startswith(name + ".")]

    saved = {m: sys.modules.pop(m) for m in loaded()}
    sys.path.insert(0, str(directory))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(directory))
        for module in loaded():
            del sys.modules[module]
        sys.modules.update(saved)


def _client(
    package: types.ModuleType, prism: PrismServer, recorder: _Recorder, **options: Any
) -> Any:
    """A generated ``Client`` on Prism whose traffic ``recorder`` notes."""
    options.setdefault("max_retries", 0)
    return package.Client(
        api_key=API_KEY, base_url=prism.base_url, http_client=recorder.client, **options
    )


@pytest.fixture
def client(
    client_package: types.ModuleType, prism: PrismServer, recorder: _Recorder
) -> Any:
    return _client(client_package, prism, recorder)


def _call_arguments(
    method: Callable[..., Any], request: SampleRequest
) -> tuple[list[Any], dict[str, Any]]:
    """Positional path parameters and keyword arguments (by Python name) for ``method``."""
    accepted = inspect.signature(method).parameters
    body = request.body if isinstance(request.body, dict) else {}
    by_wire: dict[str, Any] = {
        **request.query,
        **request.headers,
        **body,
        **request.files,
    }
    if request.body is not None and not isinstance(request.body, dict):
        by_wire["body"] = request.body
    names = field_identifiers(list(by_wire))
    keywords = {names[wire]: value for wire, value in by_wire.items()}
    unknown = sorted(set(keywords) - set(accepted))
    assert (
        not unknown
    ), f"no argument for {unknown} in {method.__name__}{inspect.signature(method)}"
    return list(request.path_params.values()), keywords


def _multipart_parts(request: httpx.Request) -> list[tuple[str, str | None, bytes]]:
    """The parts of a multipart request as sent, sorted like ``SampleRequest.form_parts``."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    assert isinstance(message, EmailMessage)
    parts = [
        (
            str(part.get_param("name", header="content-disposition")),
            part.get_filename(),
            bytes(part.get_payload(decode=True)),
        )
        for part in message.iter_parts()
    ]
    return sorted(parts, key=lambda part: (part[0], part[1] or "", part[2]))


async def _call_async(
    package: types.ModuleType,
    prism: PrismServer,
    operation: Operation,
    args: list[Any],
    kwargs: dict[str, Any],
) -> tuple[Any, Callable[..., Any], httpx.Request]:
    """Call ``operation`` with a generated ``AsyncClient``: (result, method, request sent)."""
    sent: list[httpx.Request] = []

    async def note(request: httpx.Request) -> None:
        sent.append(request)

    hooks = {"request": [note]}
    async with httpx.AsyncClient(**_LOOPBACK, event_hooks=hooks) as http_client:
        client = package.AsyncClient(
            api_key=API_KEY,
            base_url=prism.base_url,
            max_retries=0,
            http_client=http_client,
        )
        method = _client_method(client, operation)
        result = await asyncio.wait_for(method(*args, **kwargs), timeout=60)
        return result, method, sent[-1]


@_INPUTS
@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("operation", _by_operation(_OPERATIONS))
def test_generated_client_calls_the_operation(
    operation: Operation,
    flavour: str,
    full: bool,
    client: Any,
    client_package: types.ModuleType,
    prism: PrismServer,
    recorder: _Recorder,
) -> None:
    request = sample_request(operation, full=full)
    args, kwargs = _call_arguments(_client_method(client, operation), request)
    try:
        if flavour == "sync":
            method = _client_method(client, operation)
            result = method(*args, **kwargs)
            sent_request = recorder.requests[-1]
        else:
            call = _call_async(client_package, prism, operation, args, kwargs)
            result, method, sent_request = asyncio.run(call)
    except client_package.APIStatusError as error:
        pytest.fail(f"Prism rejected the call: {_rejection(error.response)}")
    assert (sent_request.method, sent_request.url.path) == (
        operation.method.upper(),
        request.path,
    )
    assert sent_request.url.params.multi_items() == request.query_pairs()
    if request.content_type == "application/json":
        assert json.loads(sent_request.content) == request.body
    elif request.is_multipart:
        assert _multipart_parts(sent_request) == request.form_parts()
    expected = return_type(method)
    if typing.get_origin(expected) is client_package.AsyncPaginator:
        # Awaiting an asynchronous list method's paginator gives the first page.
        [item] = typing.get_args(expected)
        expected = client_package.AsyncCursorPage[item]
    mismatches = type_mismatches(result, expected, client_package.BaseModel)
    assert not mismatches, "\n".join(mismatches[:20])
    example = served_example(_PATCHED, operation.path, operation.method)
    if example is None:
        return
    # The typed reply keeps every value it received.
    pages = (client_package.SyncCursorPage, client_package.AsyncCursorPage)
    if isinstance(result, pages):
        assert [item.to_dict() for item in result.data] == example["data"]
    else:
        assert result.to_dict() == example


# -- error paths, streams, binary replies ------------------------------------------
def test_missing_bearer_token_is_rejected_with_401(prism: PrismServer) -> None:
    response = httpx.get(prism.base_url + "/models", timeout=30.0)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_invalid_credentials_raise_authentication_error(
    client_package: types.ModuleType, prism: PrismServer, recorder: _Recorder
) -> None:
    client = _client(
        client_package,
        prism,
        recorder,
        max_retries=2,
        default_headers={"Authorization": "Basic dXNlcjpwYXNz"},
    )
    with pytest.raises(client_package.AuthenticationError) as caught:
        client.models.list()
    assert caught.value.status_code == 401
    assert isinstance(caught.value.body, dict) and caught.value.body["status"] == 401
    assert len(recorder.requests) == 1, "401 must not be retried"


def test_invalid_field_raises_422_naming_the_field(
    client_package: types.ModuleType, client: Any
) -> None:
    with pytest.raises(client_package.UnprocessableEntityError) as caught:
        client.embeddings.create(model="text-embedding-3-small", input=5)
    error = caught.value
    assert error.status_code == 422
    locations = [v.get("location") for v in error.body["validation"]]
    assert ["body", "input"] in locations
    assert "input" in str(error)


def test_rate_limit_is_retried_after_retry_after_then_raised(
    client_package: types.ModuleType, prism: PrismServer, recorder: _Recorder
) -> None:
    client = _client(client_package, prism, recorder, max_retries=1)
    started = time.monotonic()
    with pytest.raises(client_package.RateLimitError) as caught:
        client.models.list(extra_headers={"Prefer": "code=429"})
    elapsed = time.monotonic() - started
    assert len(recorder.requests) == 2
    assert all(r.headers["Prefer"] == "code=429" for r in recorder.requests)
    assert RETRY_AFTER_SECONDS <= elapsed < RETRY_AFTER_SECONDS + 5
    error = caught.value
    assert error.status_code == 429
    assert error.response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    # As the official SDK shapes it: the inner error object, the reply in str().
    assert error.body == RATE_LIMIT_BODY["error"]
    assert str(error) == f"Error code: 429 - {RATE_LIMIT_BODY}"
    assert error.code == "rate_limit_exceeded"


_CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello!"}]}


_STREAMING = [op for op in _OPERATIONS if served_events(_PATCHED, op.path, op.method)]


@pytest.mark.parametrize("operation", _by_operation(_STREAMING))
def test_stream_yields_the_served_events_typed(
    operation: Operation,
    client_package: types.ModuleType,
    client: Any,
    recorder: _Recorder,
) -> None:
    request = sample_request(operation)
    method = _client_method(client, operation)
    args, kwargs = _call_arguments(method, request)
    # Prism picks the reply by Accept; the client asks for JSON like the openai
    # SDK does, so the event stream is requested explicitly here.
    stream = method(
        *args, **kwargs, stream=True, extra_headers={"Accept": "text/event-stream"}
    )
    with stream:
        events = list(stream)
    (reply,) = recorder.responses
    assert reply.headers["content-type"] == "text/event-stream"
    # Prism sends the whole stream at once (a Content-Length), not as it comes.
    assert int(reply.headers["content-length"]) > 0
    stream_type = next(
        hint
        for hint in typing.get_args(return_type(method))
        if typing.get_origin(hint) is client_package.Stream
    )
    (event_type,) = typing.get_args(stream_type)
    served = served_events(_PATCHED, operation.path, operation.method)
    assert len(served) > 1
    mismatches = [
        m
        for i, event in enumerate(events)
        for m in type_mismatches(
            event, event_type, client_package.BaseModel, f"event[{i}]"
        )
    ]
    assert not mismatches, "\n".join(mismatches[:20])
    assert [event.to_dict() for event in events] == served


def test_stream_request_asks_for_an_event_stream_and_gets_events(
    client: Any, recorder: _Recorder
) -> None:
    """A ``stream=True`` call sends ``Accept: text/event-stream``.

    Prism serves an event stream only to that Accept (to ``application/json``
    it answers the plain JSON completion, which would hold no events).
    """
    with client.chat.completions.create(**_CHAT, stream=True) as stream:
        events = list(stream)
    assert recorder.requests[0].headers["accept"] == "text/event-stream"
    assert [r.status_code for r in recorder.responses] == [200]
    assert recorder.responses[0].headers["content-type"] == "text/event-stream"
    assert events


def test_next_page_is_requested_after_the_last_item(
    client_package: types.ModuleType, client: Any, recorder: _Recorder
) -> None:
    page = client.batches.list(limit=1)
    assert isinstance(page, client_package.SyncCursorPage) and page.has_next_page()
    following = page.get_next_page()
    assert [r.url.params.get("after") for r in recorder.requests] == [
        None,
        page.data[-1].id,
    ]
    assert recorder.requests[1].url.params["limit"] == "1"
    batch = client_package.models.Batch
    assert [type(b) for b in (*page.data, *following.data)] == [batch] * 2


def test_async_client_parses_and_streams(
    client_package: types.ModuleType, prism: PrismServer
) -> None:
    async def scenario() -> tuple[Any, list[Any]]:
        async with client_package.AsyncClient(
            api_key=API_KEY, base_url=prism.base_url
        ) as client:
            models = await client.models.list()
            stream = await client.chat.completions.create(
                **_CHAT, stream=True, extra_headers={"Accept": "text/event-stream"}
            )
            async with stream:
                return models, [chunk async for chunk in stream]

    models, chunks = asyncio.run(asyncio.wait_for(scenario(), timeout=60))
    assert isinstance(models, client_package.models.ListModelsResponse)
    assert not type_mismatches(
        models, client_package.models.ListModelsResponse, client_package.BaseModel
    )
    assert [c.to_dict() for c in chunks] == served_events(
        _PATCHED, "/chat/completions", "post"
    )


def test_speech_returns_binary_content(
    client_package: types.ModuleType, client: Any
) -> None:
    # The explicit Accept: Prism answers 406 to the client's default application/json.
    speech = client.audio.speech.create(
        model="tts-1",
        input="Hello!",
        voice="alloy",
        extra_headers={"Accept": "application/octet-stream"},
    )
    assert isinstance(speech, client_package.BinaryResponse)
    assert speech.status_code == 200
    assert speech.headers["content-type"] == "application/octet-stream"
    assert speech.content == b"string"  # Prism's sample for a binary string schema
