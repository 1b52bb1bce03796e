"""Where each operation lives on the client: ``client.chat.completions.create``.

A pure function of the selected operations and the project's overrides;
the client and the docs both ask it, so they agree.

The rule, from the path alone (query strings, ``{...}`` segments and
segments without a letter or digit aside):

* literal segments are resources, in snake_case
  (``/fine_tuning/jobs`` -> ``fine_tuning.jobs``);
* a path ending in a literal segment is a collection: ``GET`` -> ``list``,
  ``POST`` -> ``create``;
* a path ending in a parameter is an item: ``GET`` -> ``retrieve``,
  ``POST``/``PUT``/``PATCH`` -> ``update``, ``DELETE`` -> ``delete``;
* a literal segment right after a parameter is an *action* on that item,
  and names the method (``POST /batches/{id}/cancel`` -> ``batches.cancel``,
  ``GET /files/{id}/content`` -> ``files.content``), unless it reads as a
  plural noun (its last word ends in ``s``, not ``ss``/``us``/``is``): then
  it is a sub-collection (``GET /threads/{id}/messages`` ->
  ``threads.messages.list``); or unless the spec declares several methods
  on the path: then it is a single sub-resource with the item verbs
  (``GET``/``POST /projects/{id}/data_retention`` ->
  ``projects.data_retention.retrieve``/``update``);
* ``x-oaiMeta.beta: true``, or a ``?beta=true`` query in the path, puts the
  whole path under ``beta.``; any other query in the path is ignored.

Only the operation and the methods declared on its path are read, so a
name never changes with the selection.  A resource that would hide an attribute of the client
(``/organization/...`` and ``client.organization``) gets a ``_`` suffix,
unless ``[tool.generator.resources]`` moves it: dotted resource -> dotted
resource (``organization = "admin"``), applied to the longest matching
prefix.  Names the rule cannot know (``images.generate``) come from
``[tool.generator.methods]``: operationId -> dotted method path.

Collisions are resolved deterministically, in spec order, and reported in
:attr:`Naming.notes`: a rule name already taken (by an override or an
earlier operation), reserved, or equal to a resource of the same parent
falls back to the snake_case operationId under the same resource
(``beta.threads.runs.create_thread_and_run``), numbered if that is taken
too.  Overrides are never renamed: a clash of an override is an error.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from generator.errors import GeneratorError
from generator.model import Api, Operation
from generator.naming import snake_case, unique_name

#: The public attributes of every generated resource besides its methods and
#: sub-resources.
RESOURCE_ATTRIBUTES = frozenset({"with_raw_response", "with_streaming_response"})
#: The public attributes of the generated ``Client``/``AsyncClient`` besides
#: its resources (and those of every resource).
CLIENT_ATTRIBUTES = RESOURCE_ATTRIBUTES | frozenset(
    {
        "api_key",
        "organization",
        "project",
        "base_url",
        "timeout",
        "max_retries",
        "default_headers",
        "default_query",
        "close",
        "aclose",
        "http_client",
        "copy",
        "with_options",
    }
)

_COLLECTION_VERBS = {"get": "list", "post": "create"}
_ITEM_VERBS = {"get": "retrieve", "post": "update", "put": "update"}
_ITEM_VERBS |= {"patch": "update", "delete": "delete"}
_SINGULAR_ENDINGS = ("ss", "us", "is")
#: A character for which ``str.isalnum`` holds (a word character but ``_``).
_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True, order=True)
class MethodPath:
    """A method's place on the client: resources from the client down, then its name."""

    resource: tuple[str, ...]
    name: str

    @property
    def parts(self) -> tuple[str, ...]:
        return (*self.resource, self.name)

    def __str__(self) -> str:
        return ".".join(self.parts)

    @classmethod
    def parse(cls, text: str) -> MethodPath:
        """``"chat.completions.create"``; a :class:`GeneratorError` if not a valid path."""
        parts = dotted_names(text)
        return cls(parts[:-1], parts[-1])


def dotted_names(text: str) -> tuple[str, ...]:
    """``"chat.completions"`` -> its attribute names; a :class:`GeneratorError` if invalid."""
    parts = tuple(text.split("."))
    for part in parts:
        if not part.isidentifier() or not part.isascii():
            problem = "an empty name" if not part else f"{part!r}"
            raise GeneratorError(
                f"{text!r} is not a dotted path of Python names: {problem}"
            )
        if keyword.iskeyword(part):
            raise GeneratorError(f"{text!r}: {part!r} is a Python keyword")
        if part.startswith("_"):
            raise GeneratorError(f"{text!r}: {part!r} starts with '_'")
    return parts


#: Resource renames: dotted resource the rule gives -> dotted resource to use.
Renames = Mapping[tuple[str, ...], tuple[str, ...]]
NO_RENAMES: Renames = MappingProxyType({})


@dataclass(frozen=True)
class NamingOptions:
    """The project's naming configuration (``[tool.generator]``)."""

    #: ``[tool.generator.methods]``: operationId -> method path.
    methods: Mapping[str, MethodPath] = field(default_factory=dict)
    #: ``[tool.generator.resources]``: resource the rule gives -> resource to use.
    resources: Renames = field(default_factory=dict)


@dataclass(frozen=True)
class Naming:
    """The method path of every operation, and how collisions were resolved."""

    #: ``(http method, path)`` -> method path, in the order of the operations.
    methods: Mapping[tuple[str, str], MethodPath]
    #: One line per rule name that had to change, in operation order.
    notes: tuple[str, ...]

    def of(self, operation: Operation) -> MethodPath:
        return self.methods[(operation.method, operation.path)]


def rule_path(
    operation: Operation, declared: Collection[str] = (), renames: Renames = NO_RENAMES
) -> MethodPath:
    """The method path the rule gives ``operation`` (no overrides, no collisions).

    ``declared``: every HTTP method the spec declares on the operation's path.
    """
    path, _, query = operation.path.partition("?")
    # ``..`` and the like name nothing
    segments = [s for s in path.split("/") if _ALNUM.search(s)]
    method = operation.method.lower()
    beta = operation.meta_beta or "beta=true" in query.split("&")
    resource: list[str] = ["beta"] if beta else []
    verbs = _COLLECTION_VERBS
    after_item = False
    for index, segment in enumerate(segments):
        if "{" in segment:
            after_item = True
            verbs = _ITEM_VERBS
            continue
        word = snake_case(segment)
        last = index == len(segments) - 1
        if last and after_item and not _plural(word) and len(set(declared)) < 2:
            verbs = {method: word}
        else:
            resource.append(word)
            verbs = _COLLECTION_VERBS
            if last and after_item and not _plural(word):
                verbs = _ITEM_VERBS
        after_item = False
    moved = _renamed(tuple(resource), renames)
    return MethodPath(
        tuple(_resource_name(word, index) for index, word in enumerate(moved)),
        verbs.get(method)
        or _COLLECTION_VERBS.get(method)
        or _ITEM_VERBS.get(method, method),
    )


def _renamed(resource: tuple[str, ...], renames: Renames) -> tuple[str, ...]:
    for length in range(len(resource), 0, -1):
        target = renames.get(resource[:length])
        if target is not None:
            return (*target, *resource[length:])
    return resource


def _plural(word: str) -> bool:
    last = word.rsplit("_", 1)[-1]
    return last.endswith("s") and not last.endswith(_SINGULAR_ENDINGS)


def _resource_name(word: str, depth: int) -> str:
    """``word`` as a resource, ``_``-suffixed where it would hide an attribute."""
    return word + "_" if word in _attributes(depth) else word


def _attributes(depth: int) -> frozenset[str]:
    """The attribute names of the client (depth 0) or of a resource."""
    return CLIENT_ATTRIBUTES if depth == 0 else RESOURCE_ATTRIBUTES


def _hidden(parts: tuple[str, ...]) -> str | None:
    """The first of ``parts`` that would hide an attribute of the client or a resource."""
    return next(
        (part for index, part in enumerate(parts) if part in _attributes(index)), None
    )


def _describe(operation: Operation) -> str:
    return f"{operation.method.upper()} {operation.path} ({operation.operation_id})"


def _prefixes(resource: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    return (resource[:length] for length in range(1, len(resource) + 1))


def name_methods(api: Api, naming: NamingOptions = NamingOptions()) -> Naming:
    """The method path of each operation of ``api``: ``naming.methods`` (by
    operationId), else the rule with ``naming.resources``.

    Raises :class:`GeneratorError` when an override or a rename names a
    reserved attribute, or an override the path of another override or a
    resource.
    """
    operations = api.operations
    overrides, renames = naming.methods, naming.resources
    for source, target in renames.items():
        hidden = _hidden(target)
        if hidden is not None:
            raise GeneratorError(
                f"[tool.generator.resources] {'.'.join(source)!r} = "
                f"{'.'.join(target)!r}: {hidden!r} is reserved by the client"
            )
    chosen = {
        op.operation_id: overrides[op.operation_id]
        for op in operations
        if op.operation_id in overrides
    }
    rules = {
        (op.method, op.path): rule_path(op, item.declared_methods, renames)
        for item in api.paths
        for op in item.operations
        if op.operation_id not in chosen
    }
    resources = {
        prefix
        for path in [*rules.values(), *chosen.values()]
        for prefix in _prefixes(path.resource)
    }
    taken: dict[tuple[str, ...], Operation] = {}
    for op in operations:
        override = chosen.get(op.operation_id)
        if override is None:
            continue
        where = f"[tool.generator.methods] {op.operation_id} = {str(override)!r}"
        hidden = _hidden(override.parts)
        if hidden is not None:
            raise GeneratorError(f"{where}: {hidden!r} is reserved by the client")
        if override.parts in resources:
            raise GeneratorError(f"{where}: is also a resource of the client")
        other = taken.setdefault(override.parts, op)
        if other is not op:
            raise GeneratorError(f"{where}: is also the name of {_describe(other)}")
    methods: dict[tuple[str, str], MethodPath] = {}
    notes: list[str] = []
    for op in operations:
        key = (op.method, op.path)
        path = chosen.get(op.operation_id) or rules[key]
        if op.operation_id not in chosen:
            path = _free(path, op, taken, resources, notes)
        taken[path.parts] = op
        methods[key] = path
    return Naming(methods=methods, notes=tuple(notes))


def _free(
    path: MethodPath,
    op: Operation,
    taken: Mapping[tuple[str, ...], Operation],
    resources: set[tuple[str, ...]],
    notes: list[str],
) -> MethodPath:
    """``path``, or the fallback name under the same resource when it is not free."""
    other = taken.get(path.parts)
    if path.name in _attributes(len(path.resource)):
        reason = "reserved by the client"
    elif path.parts in resources:
        reason = "also a resource"
    elif other is not None:
        reason = f"taken by {_describe(other)}"
    else:
        return path
    used = {parts[-1] for parts in [*taken, *resources] if parts[:-1] == path.resource}
    used |= _attributes(len(path.resource))
    name = unique_name(snake_case(op.operation_id), used, "_")
    renamed = MethodPath(path.resource, name)
    notes.append(f"{_describe(op)}: {path} is {reason}; named {renamed}")
    return renamed
