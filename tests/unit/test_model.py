"""The model stage: $ref resolution, shared nodes, cycles, quirks."""

from __future__ import annotations

from spec_builder import array, obj, ok, operation, param, ref, spec, string

from generator.model.build import ModelBuilder, build_api

SPEC = spec(
    {
        "/nodes/{node_id}": {
            "parameters": [
                param("node_id", "path"),
                param("verbose", schema={"type": "boolean"}),
            ],
            "get": operation(
                "getNode",
                parameters=[{"$ref": "#/components/parameters/Verbose"}],
                responses=ok(ref("Node")),
            ),
            "delete": operation("deleteNode", security=[], responses={}),
        }
    },
    servers=["https://example.test/v1"],
    security=[{"ApiKeyAuth": []}],
    components={
        "parameters": {
            "Verbose": param("verbose", schema={"type": "boolean"}, required=True)
        }
    },
    schemas={
        "Node": obj(
            {
                "children": array(ref("Node")),
                "label": ref("Label", description="Overridden."),
                "plain": ref("Label"),
                "maybe": {"type": ["string", "null"]},
                "broken": ref("Missing"),
            }
        ),
        "Label": string(description="A label.", enum=["a", "b"]),
        "Alias": ref("Label"),
    },
)


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
    document = spec(
        schemas={
            "Node": obj(
                {
                    "parent": ref("Node", description="Up."),
                    "self": {"$ref": "#/components/schemas/Node/properties/parent"},
                }
            )
        }
    )
    node = ModelBuilder(document).named_schema("Node")
    parent = node.properties["parent"]
    assert parent.description == "Up."
    assert parent.name == "Node"
    assert parent.properties["parent"] is parent
