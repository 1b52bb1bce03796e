"""The model stage: $ref resolution, shared nodes, cycles, quirks."""

from __future__ import annotations

from typing import Any

from generator.model.build import ModelBuilder, build_api

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "servers": [{"url": "https://example.test/v1"}],
    "security": [{"ApiKeyAuth": []}],
    "paths": {
        "/nodes/{node_id}": {
            "parameters": [
                {"name": "node_id", "in": "path", "schema": {"type": "string"}},
                {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
            ],
            "get": {
                "operationId": "getNode",
                "parameters": [
                    {"$ref": "#/components/parameters/Verbose"},
                ],
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Node"}
                            }
                        },
                    }
                },
            },
            "delete": {"operationId": "deleteNode", "security": [], "responses": {}},
        }
    },
    "components": {
        "parameters": {
            "Verbose": {
                "name": "verbose",
                "in": "query",
                "required": True,
                "schema": {"type": "boolean"},
            },
        },
        "schemas": {
            "Node": {
                "type": "object",
                "properties": {
                    "children": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Node"},
                    },
                    "label": {
                        "$ref": "#/components/schemas/Label",
                        "description": "Overridden.",
                    },
                    "plain": {"$ref": "#/components/schemas/Label"},
                    "maybe": {"type": ["string", "null"]},
                    "broken": {"$ref": "#/components/schemas/Missing"},
                },
            },
            "Label": {"type": "string", "description": "A label.", "enum": ["a", "b"]},
            "Alias": {"$ref": "#/components/schemas/Label"},
        },
    },
}


def test_bare_refs_share_one_node_and_cycles_close() -> None:
    api = build_api(SPEC)
    node = api.schemas["Node"]
    assert node.properties["children"].items is node
    assert node.properties["plain"] is api.schemas["Label"]


def test_ref_siblings_override_by_shallow_merge() -> None:
    api = build_api(SPEC)
    label = api.schemas["Node"].properties["label"]
    assert label is not api.schemas["Label"]
    assert label.description == "Overridden."
    assert label.enum == ["a", "b"]
    assert label.name == "Label"


def test_type_arrays_with_null_are_nullable() -> None:
    maybe = build_api(SPEC).schemas["Node"].properties["maybe"]
    assert maybe.types == ("string", "null")
    assert maybe.nullable


def test_dangling_ref_is_a_warning_not_a_crash() -> None:
    builder = ModelBuilder(SPEC)
    api = builder.build()
    assert api.schemas["Node"].properties["broken"].types == ()
    assert "unresolvable $ref: #/components/schemas/Missing" in builder.warnings


def test_operation_parameters_override_path_parameters() -> None:
    op = build_api(SPEC).operations[0]
    assert [(p.name, p.location, p.required) for p in op.parameters] == [
        ("node_id", "path", True),
        ("verbose", "query", True),
    ]


def test_security_inherits_unless_overridden() -> None:
    get, delete = build_api(SPEC).operations
    assert get.security == ("ApiKeyAuth",)
    assert delete.security == ()


def test_selection_limits_the_model() -> None:
    api = build_api(SPEC, [("/nodes/{node_id}", "delete")])
    assert [op.operation_id for op in api.operations] == ["deleteNode"]
    assert "Node" not in api.schemas


def test_alias_component_shares_the_target_fields() -> None:
    builder = ModelBuilder(SPEC)
    alias = builder.named_schema("Alias")
    assert alias.name == "Alias"
    assert alias.enum == ["a", "b"]


def test_self_reference_with_sibling_keys_closes_a_cycle() -> None:
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "paths": {},
        "components": {
            "schemas": {
                "Node": {
                    "type": "object",
                    "properties": {
                        "parent": {
                            "$ref": "#/components/schemas/Node",
                            "description": "Up.",
                        },
                        "self": {"$ref": "#/components/schemas/Node/properties/parent"},
                    },
                }
            }
        },
    }
    node = ModelBuilder(spec).named_schema("Node")
    parent = node.properties["parent"]
    assert parent.description == "Up."
    assert parent.name == "Node"
    assert parent.properties["parent"] is parent
