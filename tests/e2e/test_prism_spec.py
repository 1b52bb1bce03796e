"""The spec changes made for Prism (tests/prism_spec.py), checked without Prism."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator
from prism_spec import (
    PRISM_OVERLAY,
    RATE_LIMIT_BODY,
    patch_spec,
    served_events,
    served_example,
)
from prism_support import REFERENCE_SPEC, reference_spec

from generator.overlay import apply_overlays

_THING = {
    "type": "object",
    "required": ["id"],
    "properties": {"id": {"type": "string"}, "size": {"type": "integer"}},
}


def _spec() -> dict[str, Any]:
    good = {"id": "t1", "size": 3}
    bad = {"size": "large"}
    events = '{"id": "t1"}\n\n....\n\n{"id": "t2"}\n'
    return {
        "openapi": "3.0.0",
        "info": {"title": "Things", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "operationId": "createThing",
                    "requestBody": {
                        "content": {
                            "multipart/form-data": {
                                "schema": {"$ref": "#/components/schemas/Upload"}
                            }
                        }
                    },
                    "responses": {"200": {"$ref": "#/components/responses/Thing"}},
                    "x-oaiMeta": {
                        "examples": [
                            {"response": json.dumps(bad)},
                            {"response": "not json"},
                            {"response": json.dumps(good)},
                        ]
                    },
                },
                "get": {
                    "operationId": "streamThings",
                    "responses": {
                        "200": {
                            "description": "events",
                            "headers": {
                                "Transfer-Encoding": {"schema": {"type": "string"}}
                            },
                            "content": {
                                "text/event-stream": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        },
                        "429": {"description": "declared by the spec"},
                    },
                    "x-oaiMeta": {"examples": {"response": events}},
                },
            }
        },
        "components": {
            "schemas": {
                "Thing": _THING,
                "Upload": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                        "either": {
                            "anyOf": [
                                {"type": "string"},
                                {"type": "array", "items": {"type": "string"}},
                            ]
                        },
                        "style": {
                            "anyOf": [{"type": "string"}, {"enum": ["a"]}],
                            "nullable": True,
                        },
                        "shape": {
                            "$ref": "#/components/schemas/Thing",
                            "nullable": False,
                        },
                    },
                },
            },
            "responses": {
                "Thing": {
                    "description": "A thing",
                    "headers": {"Transfer-Encoding": {"schema": {"type": "string"}}},
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Thing"}
                        }
                    },
                }
            },
        },
    }


def test_the_original_is_left_unchanged() -> None:
    spec = _spec()
    original = copy.deepcopy(spec)
    patch_spec(spec)
    assert spec == original


def test_multipart_arrays_get_a_form_encoding() -> None:
    media = patch_spec(_spec())["paths"]["/things"]["post"]["requestBody"]["content"]
    encoding = media["multipart/form-data"]["encoding"]
    exploded = {"style": "form", "explode": True}
    assert encoding == {"tags": exploded, "either": exploded}


def test_nullable_without_type_becomes_a_null_alternative() -> None:
    upload = patch_spec(_spec())["components"]["schemas"]["Upload"]["properties"]
    assert upload["style"] == {
        "anyOf": [{"type": "string"}, {"enum": ["a"]}, {"enum": [None]}]
    }
    assert upload["shape"] == {"$ref": "#/components/schemas/Thing"}
    assert OAS30Validator(upload["style"]).is_valid(None)
    assert not OAS30Validator(upload["style"]).is_valid(5)


def test_transfer_encoding_headers_are_dropped() -> None:
    paths = patch_spec(_spec())["paths"]["/things"]
    assert paths["post"]["responses"]["200"]["headers"] == {}
    assert paths["get"]["responses"]["200"]["headers"] == {}


def test_the_first_example_matching_the_reply_schema_is_served() -> None:
    spec = patch_spec(_spec())
    assert served_example(spec, "/things", "post") == {"id": "t1", "size": 3}
    assert served_example(spec, "/things", "get") is None


def test_event_stream_examples_are_served_as_text() -> None:
    spec = patch_spec(_spec())
    media = spec["paths"]["/things"]["get"]["responses"]["200"]["content"][
        "text/event-stream"
    ]
    assert media["schema"] == {"type": "string"}
    assert media["example"].startswith('data: {"id": "t1"}\n\n')
    assert served_events(spec, "/things", "get") == [{"id": "t1"}, {"id": "t2"}]


def test_every_operation_can_be_rate_limited_unless_the_spec_says_how() -> None:
    paths = patch_spec(_spec())["paths"]["/things"]
    limited = paths["post"]["responses"]["429"]
    assert limited["content"]["application/json"]["example"] == RATE_LIMIT_BODY
    assert "Retry-After" in limited["headers"]
    assert paths["get"]["responses"]["429"] == {"description": "declared by the spec"}


def test_every_prism_overlay_action_applies_to_the_reference_spec() -> None:
    spec = reference_spec()
    if spec is None:
        pytest.skip(f"reference spec not found: {REFERENCE_SPEC}")
    assert apply_overlays(copy.deepcopy(spec), [PRISM_OVERLAY]) == []
