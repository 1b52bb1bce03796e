"""The method paths of the installed openai-python SDK, read from its source.

Every SDK method sends its request through ``self._get("/files/{file_id}")``
(or ``_post``, ``_delete``, ``_put``, ``_patch``, ``_get_api_list``, which
takes ``method="post"``); :func:`sdk_methods` walks ``openai.OpenAI``'s
resources and sub-resources (``with_raw_response`` and
``with_streaming_response`` left out), parses each public method's source
with :mod:`ast` and records the HTTP method and path template it sends.
Nothing is typed by hand: the mapping operation -> SDK method path follows
the installed SDK (pinned in the test extras).

Run as a script on a spec to see, per operation the SDK has, the SDK's
method paths beside this generator's (with the project's overrides), and the
``[tool.generator.methods]`` entries that would make them agree::

    .venv/bin/python tests/sdk_paths.py ../shared/specs/openai/perl-client-2025-04-11-8f2ef4f.yaml.xz
"""

from __future__ import annotations

import ast
import functools
import inspect
import itertools
import lzma
import re
import sys
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import read_config
from generator.load import parse_spec
from generator.model import Api, Operation
from generator.model.build import build_api
from generator.plan.resources import MethodPath, Renames, name_methods, rule_path

REPO = Path(__file__).resolve().parents[1]
#: The SDK's request helpers and the HTTP method each sends.
_SENDERS = {
    "_get": "get",
    "_post": "post",
    "_delete": "delete",
    "_put": "put",
    "_patch": "patch",
    "_get_api_list": "get",
}
#: Attributes of every resource that are views of it, not sub-resources.
_VIEWS = frozenset({"with_raw_response", "with_streaming_response"})
_PARAMETER = re.compile(r"\{[^}]*\}")


@dataclass(frozen=True, order=True)
class SdkMethod:
    """One SDK method and the request it sends."""

    #: ``("chat", "completions", "create")``
    path: tuple[str, ...]
    #: Lower-case HTTP method.
    http_method: str
    #: The path template with every parameter written ``{}``.
    template: str
    deprecated: bool

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


def path_key(http_method: str, path: str) -> tuple[str, str]:
    """``("get", "/files/{}")``: how a spec operation and an SDK call are matched."""
    return http_method.lower(), _PARAMETER.sub("{}", path)


def _template(node: ast.expr) -> str | None:
    """The path of ``"/files"`` or ``f"/files/{file_id}"``, parameters as ``{}``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            else:
                parts.append("{}")
        return "".join(parts)
    return None


def _requests(function: Any) -> Iterator[tuple[str, str]]:
    """(HTTP method, path template) of each request ``function`` sends itself."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "self"
            and node.func.attr in _SENDERS
            and node.args
        ):
            continue
        template = _template(node.args[0])
        if template is None:
            continue
        http_method = _SENDERS[node.func.attr]
        for keyword in node.keywords:
            if keyword.arg == "method" and isinstance(keyword.value, ast.Constant):
                http_method = str(keyword.value.value).lower()
        yield http_method, template


def _own_members(cls: type) -> Iterator[tuple[str, Any]]:
    """Public attributes defined by ``cls`` itself (not its SDK base classes)."""
    for name, value in vars(cls).items():
        if not name.startswith("_") and name not in _VIEWS:
            yield name, value


def _walk(resource: object, prefix: tuple[str, ...]) -> Iterator[SdkMethod]:
    for name, member in _own_members(type(resource)):
        if isinstance(member, functools.cached_property):
            yield from _walk(getattr(resource, name), (*prefix, name))
        elif inspect.isfunction(member):
            deprecated = getattr(member, "__deprecated__", None) is not None
            for http_method, template in _requests(member):
                yield SdkMethod(
                    (*prefix, name), http_method, template, deprecated=deprecated
                )


@functools.cache
def sdk_methods() -> tuple[SdkMethod, ...]:
    """Every (method path, request) of the installed SDK's sync client, sorted."""
    import openai

    client = openai.OpenAI(api_key="unused", base_url="http://127.0.0.1:9")
    try:
        return tuple(sorted(set(_walk(client, ()))))
    finally:
        client.close()


def sdk_paths_by_operation() -> dict[tuple[str, str], tuple[str, ...]]:
    """(HTTP method, template) -> the SDK's method paths that send it.

    Deprecated methods count only where no current one sends the request
    (``files.retrieve_content`` gives way to ``files.content``; the
    Assistants API, deprecated as a whole, keeps its paths).
    """
    found: dict[tuple[str, str], dict[bool, list[str]]] = {}
    for method in sdk_methods():
        key = path_key(method.http_method, method.template)
        found.setdefault(key, {}).setdefault(method.deprecated, []).append(
            method.dotted
        )
    return {
        key: tuple(by_state.get(False) or by_state[True])
        for key, by_state in found.items()
    }


def sdk_paths_of(operation: Operation) -> tuple[str, ...]:
    """The SDK's method paths for ``operation`` (empty when the SDK lacks it)."""
    return sdk_paths_by_operation().get(path_key(operation.method, operation.path), ())


def closest(rule: MethodPath, candidates: tuple[str, ...]) -> str:
    """The candidate sharing the longest leading names with ``rule`` (first if tied)."""

    def shared(candidate: str) -> int:
        pairs = zip(candidate.split("."), rule.parts, strict=False)
        return sum(1 for _ in itertools.takewhile(lambda p: p[0] == p[1], pairs))

    return max(candidates, key=shared)


def suggested_overrides(api: Api, renames: Renames) -> dict[str, str]:
    """operationId -> SDK method path, where the rule's name is not one of the SDK's.

    Only the rule is compared (not names changed by collisions): a rule
    name the SDK also uses stays, and the operation it collided with gets
    the override.
    """
    suggested = {}
    for item in api.paths:
        for operation in item.operations:
            paths = sdk_paths_of(operation)
            rule = rule_path(operation, item.declared_methods, renames)
            if paths and str(rule) not in paths:
                suggested[operation.operation_id] = closest(rule, paths)
    return suggested


def load_corpus_spec(path: Path) -> Mapping[str, Any]:
    raw = path.read_bytes()
    if path.suffix == ".xz":
        raw = lzma.decompress(raw)
    return parse_spec(path.with_suffix(""), raw)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} SPEC", file=sys.stderr)
        return 2
    config = read_config(REPO).naming
    api = build_api(load_corpus_spec(Path(argv[1])))
    naming = name_methods(api, config)
    shared = matched = 0
    for operation in api.operations:
        paths = sdk_paths_of(operation)
        mine = str(naming.of(operation))
        shared += bool(paths)
        matched += mine in paths
        status = "same" if mine in paths else " or ".join(paths) or "SDK lacks"
        print(f"{operation.operation_id}: {mine}  [{status}]")
    print(f"\n{matched} of {shared} shared operations named as in the SDK")
    for note in naming.notes:
        print(f"note: {note}")
    print("\n[tool.generator.methods]  # what the rule alone gets wrong")
    for operation_id, path in suggested_overrides(api, config.resources).items():
        print(f"{operation_id} = {path!r}".replace("'", '"'))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
