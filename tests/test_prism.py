"""The whole API of the 2025-04 spec against the Prism mock server, over loopback HTTP.

Prism (``--errors``) validates each request against the spec and answers
from it, so a 2xx reply means the request was valid.  First the sample
requests themselves are checked with plain httpx (and shown to be rejected
when a required input is missing, proving Prism really validates them); then
every operation is called through the generated client, whose typed reply
must match the method's return annotation all the way down.
"""

from __future__ import annotations

import inspect
import sys
import time
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, Union

import httpx
import pytest

from generator.model import Operation
from generator.naming import safe_identifier, snake_case
from generator.render import RenderOptions
from generator.render.python_client import render
from prism_support import RATE_LIMIT_BODY, RETRY_AFTER_SECONDS, PrismServer, reference_api
from sample_requests import SampleRequest, sample_file, sample_request

API_KEY = "sk-prism-test"
BEARER = {"Authorization": f"Bearer {API_KEY}"}
PACKAGE = "openai_client"

_API = reference_api()
_OPERATIONS = _API.operations if _API is not None else ()


def _by_operation(operations: typing.Iterable[Operation]) -> list[Any]:
    params = [pytest.param(op, id=op.operation_id) for op in operations]
    return params or [pytest.param(None, marks=pytest.mark.skip(reason="reference spec not found"))]


def _rejection(response: httpx.Response) -> str:
    """Prism's verdict on a request: status plus each failing field and why."""
    try:
        body = response.json()
    except ValueError:
        return f"{response.status_code}: {response.text[:500]}"
    violations = body.get("validation", []) if isinstance(body, dict) else []
    details = "; ".join(f"{'.'.join(v.get('location', []))}: {v['message']}" for v in violations)
    return f"{response.status_code} {body.get('title', '') if isinstance(body, dict) else ''}: {details or response.text[:500]}"


# -- the sample requests, with plain httpx -------------------------------------
@pytest.fixture(scope="module")
def http(prism: PrismServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=prism.base_url, headers=BEARER, timeout=30.0) as client:
        yield client


@pytest.mark.parametrize("operation", _by_operation(_OPERATIONS))
def test_prism_accepts_the_sample_request(operation: Operation, http: httpx.Client) -> None:
    request = sample_request(operation)
    response = http.request(operation.method.upper(), request.path, **request.httpx_arguments())
    assert response.is_success, _rejection(response)


def _required_inputs(request: SampleRequest) -> list[tuple[str, str]]:
    """(where, wire name) of every required input other than path parameters."""
    body = request.body if isinstance(request.body, dict) else {}
    return [
        *(("query", name) for name in request.query),
        *(("body", name) for name in body),
        *(("body", name) for name in request.files),
    ]


_WITH_REQUIRED_INPUTS = [op for op in _OPERATIONS if _required_inputs(sample_request(op))]


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
    response = http.request(operation.method.upper(), request.path, **request.httpx_arguments())
    # Where the spec declares a 400 reply Prism sends it (no details); else its own 422.
    assert response.status_code in (400, 422), _rejection(response)
    if response.status_code == 422:
        emptied = where == "body" and not request.body and not request.files
        # An emptied multipart body is not sent at all, so Prism misses the body itself.
        expected = "Body parameter is required" if emptied and request.is_multipart else name
        assert expected in _rejection(response)


# -- the generated client ----------------------------------------------------------
@pytest.fixture(scope="module")
def client_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[types.ModuleType]:
    """The client generated for the reference spec, imported from a temporary directory."""
    if _API is None:
        pytest.skip("reference spec not found")
    root = tmp_path_factory.mktemp("prism-client")
    for relative, text in render(_API, RenderOptions()).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    with _imported(root / "python", PACKAGE) as package:
        yield package


class _imported:
    """Import ``name`` from ``directory``, hiding (then restoring) any loaded namesake."""

    def __init__(self, directory: Path, name: str) -> None:
        self.directory = str(directory)
        self.name = name
        self.saved: dict[str, types.ModuleType] = {}

    def _own_modules(self) -> list[str]:
        return [m for m in sys.modules if m == self.name or m.startswith(self.name + ".")]

    def __enter__(self) -> types.ModuleType:
        self.saved = {m: sys.modules.pop(m) for m in self._own_modules()}
        sys.path.insert(0, self.directory)
        return __import__(self.name)

    def __exit__(self, *exc_info: object) -> None:
        sys.path.remove(self.directory)
        for module in self._own_modules():
            del sys.modules[module]
        sys.modules.update(self.saved)


@pytest.fixture
def client(client_package: types.ModuleType, prism: PrismServer) -> Iterator[Any]:
    with client_package.Client(api_key=API_KEY, base_url=prism.base_url, max_retries=0) as c:
        yield c


def _call_arguments(method: Callable[..., Any], request: SampleRequest) -> tuple[list[Any], dict[str, Any]]:
    """Positional path parameters and keyword arguments (by Python name) for ``method``."""
    accepted = inspect.signature(method).parameters
    body = request.body if isinstance(request.body, dict) else {}
    by_wire: dict[str, Any] = {**request.query, **request.headers, **body, **request.files}
    if request.body is not None and not isinstance(request.body, dict):
        by_wire["body"] = request.body
    keywords = {safe_identifier(wire): value for wire, value in by_wire.items()}
    unknown = sorted(set(keywords) - set(accepted))
    assert not unknown, f"no argument for {unknown} in {method.__name__}{inspect.signature(method)}"
    return list(request.path_params.values()), keywords


def _type_mismatches(value: object, hint: object, where: str, base_model: type) -> list[str]:
    """Where ``value`` does not match the annotation ``hint`` (empty: it matches)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (Any, object):
        return []
    if origin in (Union, types.UnionType):
        attempts = [_type_mismatches(value, member, where, base_model) for member in args]
        if any(not attempt for attempt in attempts):
            return []
        return [f"{where}: {type(value).__name__} {str(value)[:80]} matches no member of {hint}"]
    if origin is Literal:
        return [] if value in args else [f"{where}: {value!r} not in {args}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, expected a list"]
        return [m for i, v in enumerate(value) for m in _type_mismatches(v, args[0], f"{where}[{i}]", base_model)]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, expected a dict"]
        return [m for k, v in value.items() for m in _type_mismatches(v, args[1], f"{where}[{k!r}]", base_model)]
    if origin is not None:  # a generic runtime class: SyncCursorPage[T], Stream[T]
        if not isinstance(value, origin):
            return [f"{where}: {type(value).__name__}, expected {origin.__name__}"]
        data = getattr(value, "data", None)
        return _type_mismatches(data, list[args[0]], f"{where}.data", base_model) if args and data is not None else []
    if hint is type(None) or hint is None:
        return [] if value is None else [f"{where}: {value!r}, expected None"]
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r}, expected a number"]
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r}, expected an integer"]
    if isinstance(hint, type) and issubclass(hint, base_model):
        if not isinstance(value, hint):
            return [f"{where}: {type(value).__name__} {str(value)[:80]}, expected {hint.__name__}"]
        hints = typing.get_type_hints(type(value))
        return [
            m
            for name in sorted(value.model_fields_set)  # type: ignore[attr-defined]
            for m in _type_mismatches(getattr(value, name), hints[name], f"{where}.{name}", base_model)
        ]
    if isinstance(hint, type) and not isinstance(value, hint):
        return [f"{where}: {type(value).__name__}, expected {hint.__name__}"]
    return []


def _return_type(method: Callable[..., Any]) -> object:
    """The evaluated return annotation (only that one: argument hints are not needed)."""
    annotation = inspect.signature(method).return_annotation
    return eval(annotation, method.__globals__) if isinstance(annotation, str) else annotation


@pytest.mark.parametrize("operation", _by_operation(_OPERATIONS))
def test_generated_client_calls_the_operation(
    operation: Operation, client: Any, client_package: types.ModuleType
) -> None:
    request = sample_request(operation)
    method = getattr(client, snake_case(operation.operation_id))
    args, kwargs = _call_arguments(method, request)
    try:
        result = method(*args, **kwargs)
    except client_package.APIStatusError as error:
        pytest.fail(f"Prism rejected the call: {_rejection(error.response)}")
    returns = _return_type(method)
    mismatches = _type_mismatches(result, returns, "result", client_package.BaseModel)
    assert not mismatches, "\n".join(mismatches[:20])
