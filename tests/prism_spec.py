"""Prepare an OpenAI spec for the Prism mock server, and read back what it will serve.

The real OpenAI spec needs a few changes before Prism serves it well; they are
made on a copy, for the tests only (the generator reads specs with the
project's overlays alone).  Those an overlay can express are in
``tests/overlays/prism.yaml`` (Transfer-Encoding response headers dropped, a
``429`` reply with ``Retry-After`` for every operation); the others are
computed here, per schema:

- multipart array fields get an explicit ``encoding`` (``style: form``,
  ``explode: true``): without it Prism reads a repeated field as one string
  and rejects it;
- ``nullable`` beside no ``type`` (on ``anyOf``, ``allOf``, ``$ref``) is
  dropped, ``nullable: true`` becoming an explicit ``{"enum": [null]}``
  alternative: Prism's schema compiler rejects ``nullable`` without ``type``
  and then silently skips validating the whole request body;
- the reply examples, which the spec keeps in ``x-oaiMeta`` as JSON text, are
  injected as standard ``examples`` so the mock answers realistically, where
  they match the reply schema (``--errors`` makes Prism check its replies too);
  event-stream examples become the ``text/event-stream`` reply (typed as text:
  Prism cannot serialise the per-event object schema as a stream).

Every operation's responses are inlined first, so the overlay's targets under
``paths`` reach responses the spec shares through ``$ref``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jsonschema.protocols import Validator
from openapi_schema_validator import OAS30Validator, OAS31Validator

from generator.overlay import apply_overlays, read_overlay

PRISM_OVERLAY = read_overlay(
    Path(__file__).resolve().parent / "overlays" / "prism.yaml"
)
#: The 429 reply the overlay gives every operation that declares none.
_RATE_LIMITED = next(
    action.update["429"]
    for action in PRISM_OVERLAY.actions
    if isinstance(action.update, dict) and "429" in action.update
)
#: Seconds announced in the injected 429 replies, and their body.
RETRY_AFTER_SECONDS = int(_RATE_LIMITED["headers"]["Retry-After"]["example"])
RATE_LIMIT_BODY = _RATE_LIMITED["content"]["application/json"]["example"]
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def patch_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``spec`` prepared for Prism (see the module docstring)."""
    patched: dict[str, Any] = _explicit_nulls(copy.deepcopy(dict(spec)))
    validator = _validator_class(patched)
    for operation in _operations(patched):
        _add_multipart_encodings(patched, operation)
        responses = operation.setdefault("responses", {})
        for status, response in list(responses.items()):
            responses[status] = _resolved(patched, response)
        _inject_reply_example(patched, operation, validator)
        _inject_stream_example(operation)
    apply_overlays(patched, [PRISM_OVERLAY])
    return patched


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
        data = "\n".join(
            line[5:].lstrip(" ") for line in lines if line.startswith("data:")
        )
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
