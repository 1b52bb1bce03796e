"""Run the Prism mock server (tests/prism, pinned by package-lock.json) on a spec.

Prism validates every request against the spec (422 naming the failing
field, 401 without a bearer token) and answers with the declared responses.
The real OpenAI spec needs a few changes before Prism serves it well; they are
made here, on a copy, for the tests only (the generator reads specs as they are):

- multipart array fields get an explicit ``encoding`` (``style: form``,
  ``explode: true``): without it Prism reads a repeated field as one string
  and rejects it;
- ``Transfer-Encoding`` response headers are dropped: Prism would send the
  declared ``chunked`` value on a body that is not chunked, which httpx rejects;
- ``nullable`` beside no ``type`` (on ``anyOf``, ``allOf``, ``$ref``) is
  dropped, ``nullable: true`` becoming an explicit ``{"enum": [null]}``
  alternative: Prism's schema compiler rejects ``nullable`` without ``type``
  and then silently skips validating the whole request body;
- the reply examples, which the spec keeps in ``x-oaiMeta`` as JSON text, are
  injected as standard ``examples`` so the mock answers realistically, where
  they match the reply schema (``--errors`` makes Prism check its replies too);
  event-stream examples become the ``text/event-stream`` reply (typed as text:
  Prism cannot serialise the per-event object schema as a stream);
- every operation gets a ``429`` reply with ``Retry-After``, so the error path
  can be requested with ``Prefer: code=429``.
"""

from __future__ import annotations

import copy
import functools
import json
import lzma
import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from jsonschema.protocols import Validator
from openapi_schema_validator import OAS30Validator, OAS31Validator

from generator.load import load_spec
from generator.model import Api
from generator.model.build import build_api

REPO = Path(__file__).resolve().parents[1]
PRISM_BIN = REPO / "tests" / "prism" / "node_modules" / ".bin" / "prism"
NOT_INSTALLED = (
    "Prism is not installed (tests/prism/node_modules): run .ci/install-prism"
)
#: The spec of the Perl distribution's 2025-04 release: the API the Prism tests cover.
REFERENCE_SPEC = (
    REPO.parent
    / "shared"
    / "specs"
    / "openai"
    / "perl-client-2025-04-11-8f2ef4f.yaml.xz"
)

#: Seconds announced in the injected 429 replies.
RETRY_AFTER_SECONDS = 1
RATE_LIMIT_BODY = {
    "error": {
        "message": "Rate limit reached (mock reply).",
        "type": "requests",
        "param": None,
        "code": "rate_limit_exceeded",
    }
}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@functools.cache
def reference_spec() -> dict[str, Any] | None:
    """The reference spec, loaded by the project's loader (``None`` when absent).

    Cached and shared: callers must not modify it.
    """
    if not REFERENCE_SPEC.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "openapi.yaml"
        path.write_bytes(lzma.decompress(REFERENCE_SPEC.read_bytes()))
        return load_spec(path)


@functools.cache
def reference_api() -> Api | None:
    spec = reference_spec()
    return None if spec is None else build_api(spec)


# -- spec patching -------------------------------------------------------------
def patch_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``spec`` prepared for Prism (see the module docstring)."""
    patched: dict[str, Any] = _explicit_nulls(copy.deepcopy(dict(spec)))
    validator = _validator_class(patched)
    for operation in _operations(patched):
        _add_multipart_encodings(patched, operation)
        responses = operation.setdefault("responses", {})
        for status, response in list(responses.items()):
            responses[status] = response = _resolved(patched, response)
            _drop_transfer_encoding(response)
        _inject_reply_example(patched, operation, validator)
        _inject_stream_example(operation)
        responses.setdefault("429", _rate_limit_response())
    return patched


@functools.cache
def patched_reference_spec() -> dict[str, Any] | None:
    """The Prism-ready reference spec (cached and shared: do not modify)."""
    spec = reference_spec()
    return None if spec is None else patch_spec(spec)


def served_example(spec: Mapping[str, Any], path: str, method: str) -> Any:
    """The JSON example Prism serves for the operation's success reply, or ``None``."""
    for status, response in spec["paths"][path][method]["responses"].items():
        media = response.get("content", {}).get("application/json", {})
        if str(status).startswith("2") and "examples" in media:
            return next(iter(media["examples"].values()))["value"]
    return None


def served_events(spec: Mapping[str, Any], path: str, method: str) -> list[Any]:
    """The decoded ``data`` of each event in the served event-stream example."""
    for status, response in spec["paths"][path][method]["responses"].items():
        media = response.get("content", {}).get("text/event-stream", {})
        if str(status).startswith("2") and "example" in media:
            return _decoded_events(media["example"])
    return []


def _decoded_events(stream: str) -> list[Any]:
    """Each event's JSON ``data``; events without data are skipped, ``[DONE]`` ends."""
    events = []
    for block in stream.strip().split("\n\n"):
        lines = block.splitlines()
        data = "\n".join(l[5:].lstrip(" ") for l in lines if l.startswith("data:"))
        if data == "[DONE]":
            break
        if data:
            events.append(json.loads(data))
    return events


def write_spec(spec: Mapping[str, Any], directory: Path) -> Path:
    """Write ``spec`` as JSON into ``directory`` for Prism to read."""
    path = directory / "openapi.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def _operations(spec: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for item in spec.get("paths", {}).values():
        if isinstance(item, dict):
            yield from (
                op for m, op in item.items() if m in _METHODS and isinstance(op, dict)
            )


def _resolved(spec: Mapping[str, Any], node: Any) -> Any:
    """``node`` with a local ``$ref`` replaced by (a copy of) its target."""
    seen: set[str] = set()
    while (
        isinstance(node, dict)
        and isinstance(node.get("$ref"), str)
        and node["$ref"] not in seen
    ):
        seen.add(node["$ref"])
        target: Any = spec
        for token in node["$ref"].lstrip("#").split("/")[1:]:
            target = target.get(token.replace("~1", "/").replace("~0", "~"), {})
        node = {
            **copy.deepcopy(target),
            **{k: v for k, v in node.items() if k != "$ref"},
        }
    return node


def _add_multipart_encodings(
    spec: Mapping[str, Any], operation: dict[str, Any]
) -> None:
    body = _resolved(spec, operation.get("requestBody", {}))
    media = body.get("content", {}).get("multipart/form-data")
    if not isinstance(media, dict):
        return
    schema = _resolved(spec, media.get("schema", {}))
    encoding = media.setdefault("encoding", {})
    for name, prop in schema.get("properties", {}).items():
        prop = _resolved(spec, prop)
        variants = [
            prop,
            *(
                _resolved(spec, p)
                for p in prop.get("anyOf", []) + prop.get("oneOf", [])
            ),
        ]
        if any(v.get("type") == "array" for v in variants) and name not in encoding:
            encoding[name] = {"style": "form", "explode": True}
    operation["requestBody"] = body


def _drop_transfer_encoding(response: Any) -> None:
    headers = response.get("headers") if isinstance(response, dict) else None
    if isinstance(headers, dict):
        for name in [n for n in headers if n.lower() == "transfer-encoding"]:
            del headers[name]


def _explicit_nulls(node: Any) -> Any:
    """Rewrite ``nullable`` without ``type`` (``true``: a null alternative), recursively."""
    if isinstance(node, list):
        return [_explicit_nulls(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _explicit_nulls(value) for key, value in node.items()}
    if "nullable" in node and "type" not in node:
        if node.pop("nullable") is not True:
            return node
        null = {"enum": [None]}
        for keyword in ("anyOf", "oneOf"):
            if isinstance(node.get(keyword), list):
                node[keyword] = [*node[keyword], null]
                return node
        return {"anyOf": [node, null]}
    return node


def _validator_class(spec: Mapping[str, Any]) -> type[Validator]:
    is_31 = str(spec.get("openapi", "")).startswith("3.1")
    validator: type[Validator] = OAS31Validator if is_31 else OAS30Validator
    return validator


def _inject_reply_example(
    spec: Mapping[str, Any], operation: Mapping[str, Any], validator: type[Validator]
) -> None:
    """Give the success JSON reply the first ``x-oaiMeta`` example that is valid JSON for it."""
    examples = [_json_object(e.get("response")) for e in _meta_examples(operation)]
    for status, response in operation.get("responses", {}).items():
        media = response.get("content", {}).get("application/json")
        if str(status).startswith("2") and isinstance(media, dict):
            if "example" in media or "examples" in media:
                return
            # Refs inside the schema resolve against the spec's components.
            check = validator(
                {**media.get("schema", {}), "components": spec.get("components", {})}
            )
            valid = (e for e in examples if e is not None and check.is_valid(e))
            example = next(valid, None)
            if example is not None:
                media["examples"] = {"reference": {"value": example}}
            return


def _meta_examples(operation: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The operation's ``x-oaiMeta`` examples (one mapping or a list of them)."""
    meta = operation.get("x-oaiMeta")
    raw = meta.get("examples") if isinstance(meta, dict) else None
    entries = raw if isinstance(raw, list) else [raw]
    return [e for e in entries if isinstance(e, dict)]


def _inject_stream_example(operation: Mapping[str, Any]) -> None:
    """Give a Server-Sent Events reply the first ``x-oaiMeta`` example that is an event stream."""
    texts = [e.get("response") for e in _meta_examples(operation)]
    streams = (_event_stream(t) for t in texts if isinstance(t, str))
    stream = next((s for s in streams if s is not None), None)
    for status, response in operation.get("responses", {}).items():
        media = response.get("content", {}).get("text/event-stream")
        if (
            str(status).startswith("2")
            and isinstance(media, dict)
            and stream is not None
        ):
            # The spec's schema describes one event's data; the body is the text stream.
            media["schema"] = {"type": "string"}
            media.setdefault("example", stream)


def _event_stream(text: str) -> str | None:
    """``text`` as an event stream: as written when it has ``data:`` lines, else one
    ``data:`` event per JSON object when there are several, blank-line separated
    (other blocks, such as a ``....`` marking omitted events, are skipped)."""
    if any(line.startswith("data:") for line in text.splitlines()):
        return text.strip() + "\n\n"
    events = [e for e in map(_json_object, text.strip().split("\n\n")) if e is not None]
    if len(events) < 2:
        return None
    return "".join(f"data: {json.dumps(e)}\n\n" for e in events)


def _json_object(text: object) -> dict[str, Any] | None:
    if not isinstance(text, str):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _rate_limit_response() -> dict[str, Any]:
    return {
        "description": "Rate limited (added for the mock server).",
        "headers": {
            "Retry-After": {
                "schema": {"type": "string"},
                "example": str(RETRY_AFTER_SECONDS),
            }
        },
        "content": {
            "application/json": {
                "schema": {"type": "object"},
                "example": RATE_LIMIT_BODY,
            }
        },
    }


# -- the server ------------------------------------------------------------------
def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PrismServer:
    """A running ``prism mock --errors`` process on a loopback port."""

    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path

    @classmethod
    def start(
        cls, spec_path: Path, log_path: Path, *, startup_timeout: float = 90.0
    ) -> PrismServer:
        """Start Prism and wait until it answers; raise with its log if it does not."""
        port = free_port()
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [
                    str(PRISM_BIN),
                    "mock",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "--errors",
                    str(spec_path),
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as a whole
            )
        server = cls(
            process=process, base_url=f"http://127.0.0.1:{port}", log_path=log_path
        )
        try:
            server._wait_until_ready(startup_timeout)
        except BaseException:
            server.stop()
            raise
        return server

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"Prism exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                httpx.get(self.base_url + "/", timeout=1.0)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError(
            f"Prism did not answer within {timeout:.0f} s:\n{self.log_tail()}"
        )

    def stop(self, grace: float = 10.0) -> None:
        """Terminate Prism's process group; kill it if it outlives ``grace`` seconds."""
        if self.process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])
