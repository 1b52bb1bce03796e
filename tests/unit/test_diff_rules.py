"""The change report's rules, one small spec pair each."""

from __future__ import annotations

import copy

from diff_support import (
    STRING,
    base,
    edited,
    obj,
    only,
    operation,
    spec,
    verdicts,
)
from spec_builder import ref

from generator.diff import compare

B, C = "breaking", "compatible"
COMPONENTS = ("components", "schemas")


def test_identical_specs_report_nothing() -> None:
    report = compare(base(), base())
    assert report.changes == () and report.renamed == () and report.changed == ()
    assert report.semver == "none"
    assert not report.breaking


def test_null_spelt_three_ways_is_form_only_and_never_breaking() -> None:
    nullable_30 = {"type": "string", "nullable": True, "description": "old words"}
    union_31 = {"anyOf": [{"type": "string"}, {"type": "null"}], "description": "new"}
    type_list = {"type": ["string", "null"]}
    old = edited(base(), *COMPONENTS, "Resp", "properties", "id", value=nullable_30)
    for new_form in (union_31, type_list):
        new = edited(old, *COMPONENTS, "Resp", "properties", "id", value=new_form)
        report = compare(old, new)
        assert report.changes == (), new_form
        assert (
            report.form_only[
                "null spelt another way (3.0 nullable, 3.1 type list or null union)"
            ]
            == 1
        )
        assert report.semver == "patch"
        assert not report.breaking


def test_description_example_and_key_order_churn_is_one_counted_line() -> None:
    old = base()
    new = copy.deepcopy(old)
    new["components"]["schemas"]["Req"]["properties"]["name"] = {
        "description": "The name.",
        "example": "x",
        "type": "string",
    }
    resp = new["components"]["schemas"]["Resp"]
    new["components"]["schemas"]["Resp"] = dict(reversed(list(resp.items())))
    report = compare(old, new)
    assert report.changes == ()
    assert report.form_only == {
        "descriptions, titles, examples or x- extensions": 1,
        "key order": 1,
    }


def test_reply_field_becoming_nullable_breaks_wire_and_types_not_calls() -> None:
    old = base()
    new = edited(
        old, *COMPONENTS, "Resp", "properties", "id", value={"type": ["string", "null"]}
    )
    (change,) = only(compare(old, new), "nullable-added")
    assert change.pointer == "#/components/schemas/Resp/properties/id"
    assert verdicts(change) == (B, C, B)
    assert change.operations == ("createThing",)


def test_argument_accepting_null_is_compatible() -> None:
    old = base()
    new = edited(
        old,
        *COMPONENTS,
        "Req",
        "properties",
        "size",
        value={"type": ["integer", "null"]},
    )
    report = compare(old, new)
    (change,) = only(report, "nullable-added")
    assert verdicts(change) == (C, C, C)
    assert report.semver == "minor"


def test_removed_request_property_breaks_all_three_and_the_call_site() -> None:
    old = base()
    new = edited(old, *COMPONENTS, "Req", "properties", "size", delete=True)
    report = compare(old, new)
    (change,) = only(report, "property-removed")
    assert verdicts(change) == (B, B, B)
    (op,) = report.changed
    assert op.breaking and op.method == "things.create"
    assert [c.summary for c in op.client] == ["argument size removed"]
    assert report.semver == "major"


def test_removed_reply_property_keeps_the_wire_but_not_attribute_access() -> None:
    old = base()
    new = edited(old, *COMPONENTS, "Resp", "properties", "status", delete=True)
    (change,) = only(compare(old, new), "property-removed")
    assert verdicts(change) == (C, B, B)


def test_new_required_request_property_breaks_calls() -> None:
    old = base()
    new = copy.deepcopy(old)
    req = new["components"]["schemas"]["Req"]
    req["properties"]["colour"] = STRING
    req["required"] = ["name", "colour"]
    report = compare(old, new)
    (change,) = only(report, "property-added-required")
    assert verdicts(change) == (B, B, B)
    assert "required argument colour added" in [
        c.summary for op in report.changed for c in op.client
    ]


def test_new_optional_properties_are_compatible_everywhere() -> None:
    old = base()
    new = edited(old, *COMPONENTS, "Req", "properties", "note", value=STRING)
    new = edited(new, *COMPONENTS, "Resp", "properties", "note", value=STRING)
    report = compare(old, new)
    assert [verdicts(c) for c in report.changes] == [(C, C, C), (C, C, C)]
    assert report.semver == "minor" and not report.breaking


def test_narrowed_argument_type_breaks_types_in_the_client() -> None:
    old = base()
    new = edited(
        old,
        *COMPONENTS,
        "Req",
        "properties",
        "name",
        value={"type": "string", "enum": ["a", "b"]},
    )
    report = compare(old, new)
    (change,) = only(report, "enum-introduced")
    assert change.summary == "now restricted to 2 values"
    assert verdicts(change) == (B, C, B)
    (op,) = report.changed
    (client,) = op.client
    assert client.summary == (
        'argument name: Literal["a", "b"] (was str); no longer accepts str'
    )
    assert (client.calls, client.types) == (C, B)


def test_enum_value_in_a_closed_reply_enum_breaks_types_only() -> None:
    old = base()
    new = edited(
        old,
        *COMPONENTS,
        "Resp",
        "properties",
        "status",
        value={"type": "string", "enum": ["queued", "done", "failed"]},
    )
    report = compare(old, new)
    (change,) = only(report, "enum-value-added")
    assert change.summary == "enum value 'failed' added"
    assert verdicts(change) == (C, C, B)
    assert report.semver == "minor"


def test_open_enum_takes_new_values_without_breaking() -> None:
    def model_ids(*values: str) -> dict[str, object]:
        return {"anyOf": [STRING, {"type": "string", "enum": list(values)}]}

    old = spec(
        {
            "ModelId": model_ids("m-1"),
            "Req": obj(["model"], model=ref("ModelId")),
            "Resp": obj(["model"], model=ref("ModelId")),
        }
    )
    new = edited(old, *COMPONENTS, "ModelId", value=model_ids("m-1", "m-2"))
    (change,) = only(compare(old, new), "enum-value-added")
    assert verdicts(change) == (C, C, C)


def test_enum_value_reported_once_with_every_place() -> None:
    effort = {"type": "string", "enum": ["low", "high"]}
    old = spec(
        {
            "Req": obj(effort=effort),
            "Resp": obj(effort=effort, other=dict(effort)),
        }
    )
    new = copy.deepcopy(old)
    for where in (("Req", "effort"), ("Resp", "effort"), ("Resp", "other")):
        new["components"]["schemas"][where[0]]["properties"][where[1]] = {
            "type": "string",
            "enum": ["low", "medium", "high"],
        }
    (change,) = only(compare(old, new), "enum-value-added")
    assert change.places == (
        "#/components/schemas/Req/properties/effort",
        "#/components/schemas/Resp/properties/effort",
        "#/components/schemas/Resp/properties/other",
    )
    assert change.summary == "enum value 'medium' added (3 places)"
    assert verdicts(change) == (C, C, B)


def test_a_shared_schema_change_is_listed_once_with_every_operation() -> None:
    schemas = {
        "Req": obj(["name"], name=STRING),
        "Resp": obj(["id"], id=STRING, tag=ref("Tag")),
        "Tag": obj(label=STRING),
    }
    paths = {
        "/things": {"post": operation("createThing", request=ref("Req"))},
        "/things/{id}": {
            "get": operation(
                "getThing",
                parameters=[
                    {"name": "id", "in": "path", "required": True, "schema": STRING}
                ],
            )
        },
    }
    old = spec(schemas, paths)
    new = edited(old, *COMPONENTS, "Tag", "properties", "label", delete=True)
    report = compare(old, new)
    assert len(report.changes) == 1
    (change,) = report.changes
    assert change.pointer == "#/components/schemas/Tag/properties/label"
    assert change.operations == ("createThing", "getThing")


def test_operation_id_changed_on_the_same_route_is_a_rename() -> None:
    old = base()
    new = edited(old, "paths", "/things", "post", "operationId", value="makeThing")
    report = compare(old, new)
    assert report.added == () and report.removed == ()
    (rename,) = report.renamed
    assert (rename.kind, rename.old, rename.new) == (
        "operation",
        "createThing",
        "makeThing",
    )
    # The method's place comes from the path: things.create either way.
    assert rename.client is None
    assert (rename.calls, rename.types) == (C, C)
    assert report.semver != "major"


def test_path_parameter_renamed_is_a_rename_not_a_removal() -> None:
    def api(name: str) -> dict[str, object]:
        parameter = {"name": name, "in": "path", "required": True, "schema": STRING}
        return spec(
            {"Resp": obj(id=STRING)},
            {
                f"/things/{{{name}}}": {
                    "get": operation("getThing", parameters=[parameter])
                }
            },
        )

    report = compare(api("id"), api("thing_id"))
    assert report.added == () and report.removed == () and report.changes == ()
    (rename,) = report.renamed
    assert (rename.kind, rename.old, rename.new) == ("parameter", "id", "thing_id")
    assert rename.operation == "getThing"
    assert rename.client is not None and "argument id -> thing_id" in rename.client


def test_schema_with_an_identical_body_under_a_new_name_is_a_rename() -> None:
    old = spec({"Req": obj(["name"], name=STRING), "Resp": obj(["id"], id=STRING)})
    new = spec(
        {"Req": obj(["name"], name=STRING), "ThingResp": obj(["id"], id=STRING)},
        {"/things": {"post": operation(request=ref("Req"), response=ref("ThingResp"))}},
    )
    report = compare(old, new)
    assert report.schemas_added == () and report.schemas_removed == ()
    assert report.changes == ()
    (rename,) = report.renamed
    assert (rename.kind, rename.old, rename.new) == ("schema", "Resp", "ThingResp")
    assert rename.client == "models.Resp -> models.ThingResp"


def test_a_short_body_under_an_unrelated_name_is_not_a_rename() -> None:
    old = spec({"Req": obj(name=STRING), "Resp": obj(id=STRING), "Size": STRING})
    new = spec({"Req": obj(name=STRING), "Resp": obj(id=STRING), "Colour": STRING})
    report = compare(old, new)
    assert report.renamed == ()
    assert (report.schemas_removed, report.schemas_added) == (("Size",), ("Colour",))


def test_deprecated_operation_is_listed() -> None:
    old = base()
    new = edited(old, "paths", "/things", "post", "deprecated", value=True)
    report = compare(old, new)
    assert report.deprecated == ("createThing",)
    assert report.changes == ()
    assert report.semver == "minor"


def test_removed_operation_breaks_everything_and_added_one_is_listed() -> None:
    old = base()
    new = spec(
        old["components"]["schemas"],
        {"/others": {"get": operation("listOthers")}},
    )
    report = compare(old, new)
    assert report.removed == ("createThing",) and report.added == ("listOthers",)
    (change,) = only(report, "operation-removed")
    assert verdicts(change) == (B, B, B)


def test_ref_replaced_by_its_identical_inline_body_is_form_only() -> None:
    old = base()
    new = edited(
        old,
        "paths",
        "/things",
        "post",
        "requestBody",
        "content",
        "application/json",
        "schema",
        value=copy.deepcopy(old["components"]["schemas"]["Req"]),
    )
    report = compare(old, new)
    assert report.changes == ()
    assert report.form_only == {"inline schema vs $ref to an identical component": 1}


def test_new_required_query_parameter_breaks_calls() -> None:
    old = base()
    parameter = {"name": "limit", "in": "query", "required": True, "schema": STRING}
    new = edited(old, "paths", "/things", "post", "parameters", value=[parameter])
    report = compare(old, new)
    (change,) = only(report, "parameter-added-required")
    assert change.pointer == "#/paths/~1things/post/parameters/0"
    assert change.summary == "required query parameter 'limit' added"
    assert verdicts(change) == (B, B, B)


def test_reply_union_gaining_a_member_breaks_wire_and_types() -> None:
    old = spec(
        {
            "Req": obj(name=STRING),
            "Resp": {"oneOf": [ref("A")]},
            "A": obj(a=STRING),
            "B": obj(b=STRING),
        }
    )
    new = edited(old, *COMPONENTS, "Resp", value={"oneOf": [ref("A"), ref("B")]})
    (change,) = only(compare(old, new), "variant-added")
    assert change.pointer == "#/components/schemas/Resp/oneOf/1"
    assert verdicts(change) == (B, C, B)


def test_open_enum_in_an_argument_keeps_str_so_a_lost_value_is_not_a_type_break() -> (
    None
):
    def ids(*values: str) -> dict[str, object]:
        return {"anyOf": [STRING, {"type": "string", "enum": list(values)}]}

    old = spec({"Req": obj(["model"], model=ids("a", "b")), "Resp": obj(id=STRING)})
    new = edited(old, *COMPONENTS, "Req", "properties", "model", value=ids("a"))
    report = compare(old, new)
    (change,) = only(report, "enum-value-removed")
    assert verdicts(change) == (C, C, C)
    assert not any(c.types == B for op in report.changed for c in op.client)


def test_a_single_schema_becoming_a_union_keeps_its_member() -> None:
    old = spec(
        {
            "Req": obj(name=STRING),
            "Resp": obj(call={"type": "array", "items": ref("Call")}),
            "Call": obj(["id"], id=STRING),
            "Custom": obj(["id"], id=STRING, input=STRING),
        }
    )
    new = edited(
        old,
        *COMPONENTS,
        "Resp",
        "properties",
        "call",
        "items",
        value={"oneOf": [ref("Call"), ref("Custom")]},
    )
    report = compare(old, new)
    assert [(c.kind, c.pointer) for c in report.changes] == [
        ("variant-added", "#/components/schemas/Resp/properties/call/items/oneOf/1")
    ]


def test_argument_typed_by_an_alias_of_the_same_union_is_unchanged() -> None:
    union = {"anyOf": [STRING, {"type": "array", "items": STRING}]}
    old = spec({"Req": obj(["input"], input=union), "Resp": obj(id=STRING)})
    new = edited(old, *COMPONENTS, "Req", "properties", "input", value=ref("Input"))
    new = edited(new, *COMPONENTS, "Input", value=union)
    report = compare(old, new)
    assert report.changed == ()
    assert report.form_only == {"inline schema vs $ref to an identical component": 1}


def test_a_new_literal_value_widens_a_list_argument() -> None:
    def group_by(*values: str) -> dict[str, object]:
        return {"type": "array", "items": {"type": "string", "enum": list(values)}}

    old = spec({"Req": obj(group_by=group_by("a", "b")), "Resp": obj(id=STRING)})
    new = edited(
        old, *COMPONENTS, "Req", "properties", "group_by", value=group_by("a", "b", "c")
    )
    (op,) = compare(old, new).changed
    assert op.client == () and not op.breaking
    newer = edited(
        old, *COMPONENTS, "Req", "properties", "group_by", value=group_by("a")
    )
    (op,) = compare(old, newer).changed
    (client,) = op.client
    assert (client.calls, client.types) == (C, B)
    assert client.summary == (
        'argument group_by: list[Literal["a"]] | NotGiven (was list[Literal["a", "b"]]'
        ' | NotGiven); no longer accepts Literal["b"]'
    )


def test_any_object_replaced_by_specific_objects_is_one_narrowing() -> None:
    old = spec(
        {
            "Req": obj(name=STRING),
            "Resp": obj(annotation={"type": "object"}),
            "A": obj(["a"], a=STRING),
            "B": obj(["b"], b=STRING),
        }
    )
    new = edited(
        old,
        *COMPONENTS,
        "Resp",
        "properties",
        "annotation",
        value={"oneOf": [ref("A"), ref("B")]},
    )
    report = compare(old, new)
    (change,) = report.changes
    assert (change.kind, change.summary) == (
        "constraint-tightened",
        "any object narrowed to A, B",
    )
    assert verdicts(change) == (C, C, C)


def test_property_moved_between_allof_members_is_not_a_removal() -> None:
    shared = obj(model=STRING, effort=STRING)
    own = obj(input=STRING)
    old = spec(
        {
            "Shared": shared,
            "Req": {"allOf": [ref("Shared"), own]},
            "Resp": obj(id=STRING),
        }
    )
    new = edited(old, *COMPONENTS, "Shared", "properties", "effort", delete=True)
    new = edited(
        new, *COMPONENTS, "Req", "allOf", 1, "properties", "effort", value=STRING
    )
    report = compare(old, new)
    moved = only(report, "property-moved")
    assert [(c.pointer, verdicts(c)) for c in moved] == [
        ("#/components/schemas/Shared/properties/effort", (C, C, C))
    ]
    assert not report.breaking and report.changed[0].client == ()
    # Removed from the composite too: a removal again.
    gone = edited(
        new, *COMPONENTS, "Req", "allOf", 1, "properties", "effort", delete=True
    )
    assert [verdicts(c) for c in only(compare(old, gone), "property-removed")] == [
        (B, B, B)
    ]


def test_the_same_change_to_many_operations_is_one_line() -> None:
    paths = {
        f"/things{n}": {"post": operation(f"createThing{n}", request=ref("Req"))}
        for n in (1, 2, 3)
    }
    old = spec({"Req": obj(name=STRING), "Resp": obj(id=STRING)}, paths)
    new = copy.deepcopy(old)
    for n in (1, 2, 3):
        new["paths"][f"/things{n}"]["post"]["responses"]["429"] = {
            "description": "Too many requests"
        }
    (change,) = compare(old, new).changes
    assert change.summary == "response 429 added (3 places)"
    assert change.operations == ("createThing1", "createThing2", "createThing3")
    assert change.places == tuple(
        f"#/paths/~1things{n}/post/responses/429" for n in (1, 2, 3)
    )


def test_renamed_schema_with_its_keys_in_another_order_is_still_a_rename() -> None:
    wait = {"type": "object", "properties": {"type": STRING}, "required": ["type"]}
    reordered = {"required": ["type"], "properties": {"type": STRING}, "type": "object"}
    old = spec({"Req": obj(action=ref("Wait")), "Resp": obj(id=STRING), "Wait": wait})
    new = spec(
        {
            "Req": obj(action=ref("WaitParam")),
            "Resp": obj(id=STRING),
            "WaitParam": reordered,
        }
    )
    report = compare(old, new)
    assert [(r.old, r.new) for r in report.renamed] == [("Wait", "WaitParam")]
    assert report.changes == ()


def test_a_schema_identical_but_for_a_renamed_reference_is_renamed_too() -> None:
    point = obj(["x"], x={"type": "integer"})
    old = spec(
        {
            "Req": obj(action=ref("Move")),
            "Resp": obj(id=STRING),
            "Move": obj(["to"], to=ref("Coordinate")),
            "Coordinate": point,
        }
    )
    new = spec(
        {
            "Req": obj(action=ref("MoveParam")),
            "Resp": obj(id=STRING),
            "MoveParam": obj(["to"], to=ref("CoordParam")),
            "CoordParam": point,
        }
    )
    report = compare(old, new)
    assert sorted((r.old, r.new) for r in report.renamed) == [
        ("Coordinate", "CoordParam"),
        ("Move", "MoveParam"),
    ]
    assert report.changes == ()


def test_recursive_schemas_are_compared_once() -> None:
    node = obj(children={"type": "array", "items": ref("Node")}, name=STRING)
    old = spec({"Req": obj(name=STRING), "Resp": ref("Node"), "Node": node})
    new = edited(old, *COMPONENTS, "Node", "properties", "size", value=STRING)
    new = edited(new, *COMPONENTS, "Resp", value={"$ref": "#/components/schemas/Tree"})
    new = edited(new, *COMPONENTS, "Tree", value=ref("Node"))
    report = compare(old, new)
    assert [(c.kind, c.pointer) for c in report.changes] == [
        ("property-added", "#/components/schemas/Node/properties/size"),
    ]
    assert report.form_only == {"$ref to a component vs $ref to an alias of it": 1}
