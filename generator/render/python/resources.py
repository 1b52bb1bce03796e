"""The client's resources as ``_client.py`` writes them.

Every resource of the plan (``chat``, ``chat.completions``...) becomes one
class per flavour (``ChatCompletionsResource``,
``AsyncChatCompletionsResource``) holding the client, its methods and one
cached accessor per sub-resource; ``Client`` and ``AsyncClient`` hold the
accessors of the top-level resources (and the methods of no resource).
Each of these classes has ``with_raw_response`` and
``with_streaming_response``, whose wrapper classes mirror it (methods and
sub-resources), so ``client.with_raw_response.chat.completions.create`` and
``client.chat.completions.with_raw_response.create`` both work, as in the
openai SDK.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from generator.naming import pascal_case, unique_name
from generator.python_syntax import LINE_LENGTH, width
from generator.render.python.methods import MethodView

Flavour = Literal["sync", "async"]


@dataclass
class ResourceView:
    #: ``("chat", "completions")``; empty for the client itself.
    path: tuple[str, ...]
    #: Class name per flavour (empty for the client).
    class_names: dict[Flavour, str] = field(default_factory=dict)
    children: list[ResourceView] = field(default_factory=list)
    methods: list[MethodView] = field(default_factory=list)

    @property
    def attribute(self) -> str:
        return self.path[-1]

    @property
    def docstring(self) -> str:
        return f"The ``client.{'.'.join(self.path)}`` resource."


def fits(line: str) -> bool:
    """Whether ``line`` (its indentation included) needs no splitting."""
    return width(line) <= LINE_LENGTH


def resource_tree(
    methods: Sequence[MethodView],
) -> tuple[ResourceView, list[ResourceView]]:
    """The client's view and every resource's, parents first, in spec order."""
    root = ResourceView((), {"sync": "Client", "async": "AsyncClient"})
    nodes: dict[tuple[str, ...], ResourceView] = {(): root}
    used: set[str] = {"Client", "AsyncClient"}
    for method in methods:
        resource = method.plan.resource
        for depth in range(1, len(resource) + 1):
            path = resource[:depth]
            if path not in nodes:
                name = pascal_case("_".join(path)) + "Resource"
                node = ResourceView(
                    path,
                    {
                        "sync": unique_name(name, used),
                        "async": unique_name("Async" + name, used),
                    },
                )
                nodes[path] = node
                nodes[path[:-1]].children.append(node)
        nodes[resource].methods.append(method)
    return root, [node for path, node in nodes.items() if path]
