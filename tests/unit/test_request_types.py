"""The plan of request argument types: TypedDict declarations for objects,
the models' aliases reused where no TypedDict is involved, iterables for
arrays of objects, and only the declarations some argument reaches."""

from __future__ import annotations

from spec_builder import array, obj, ok, operation, ref, request_body, spec, string

from generator.model.build import build_api
from generator.plan import ClientPlan, plan_client
from generator.plan.types import ListOf, Ref, TypeExpr, UnionOf
from generator.render.python.types import annotation

SPEC = spec(
    {
        "/chat": {
            "post": operation(
                "createChat",
                body=request_body(ref("ChatRequest"), required=True),
                responses=ok(ref("Chat")),
            )
        }
    },
    schemas={
        "ChatRequest": obj(
            {
                "messages": array(ref("Message")),
                "stop": array(string()),
                "role": ref("Role"),
                "tool": obj({"name": string()}, required=["name"]),
            },
            required=["messages"],
        ),
        "Message": {"oneOf": [ref("UserMessage"), ref("SystemMessage")]},
        "UserMessage": obj({"role": {"const": "user"}, "content": string()}),
        "SystemMessage": obj({"role": {"const": "system"}, "content": string()}),
        "Role": string(enum=["user", "system"]),
        "Chat": obj({"id": string(), "messages": array(ref("Message"))}),
    },
)


def _plan() -> ClientPlan:
    return plan_client(build_api(SPEC))


def _arguments(plan: ClientPlan) -> dict[str, TypeExpr]:
    return {a.name: a.type for a in plan.methods[0].arguments}


def test_objects_are_typed_dicts_named_after_the_models() -> None:
    plan = _plan()
    assert sorted(c.name for c in plan.param_classes) == [
        "ChatRequestToolParam",
        "SystemMessageParam",
        "UserMessageParam",
    ]
    assert [a.name for a in plan.param_aliases] == ["MessageParam"]
    assert all(d.request for d in (*plan.param_classes, *plan.param_aliases))
    assert not any(d.request for d in (*plan.classes, *plan.aliases))


def test_argument_annotations() -> None:
    printed = {
        name: annotation(expr, "models.", params="params.")
        for name, expr in _arguments(_plan()).items()
    }
    assert printed == {
        "messages": "Iterable[params.MessageParam]",
        "stop": "list[str]",
        "role": "models.Role",
        "tool": "params.ChatRequestToolParam | models.ChatRequestTool",
    }


def test_arrays_of_objects_are_iterables_in_requests_only() -> None:
    plan = _plan()
    messages = _arguments(plan)["messages"]
    assert isinstance(messages, ListOf) and messages.iterable
    chat = next(c for c in plan.classes if c.name == "Chat")
    response_messages = next(f.type for f in chat.fields if f.wire_name == "messages")
    assert isinstance(response_messages, ListOf) and not response_messages.iterable


def test_the_union_alias_names_the_typed_dicts() -> None:
    [alias] = _plan().param_aliases
    assert isinstance(alias.target, UnionOf)
    targets = [m.target.name for m in alias.target.members if isinstance(m, Ref)]
    assert targets == ["UserMessageParam", "SystemMessageParam"]


def test_no_typed_dict_for_the_spread_body() -> None:
    names = {c.name for c in _plan().param_classes}
    assert "ChatRequestParam" not in names
    assert "ChatRequest" in {c.name for c in _plan().classes}
