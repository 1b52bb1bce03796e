"""Overlays: OpenAPI Overlay Specification 1.0 documents applied to the loaded spec.

An overlay is a list of actions, each selecting nodes of the spec with an
RFC 9535 JSONPath ``target`` and either merging ``update`` into them (objects
are merged key by key, recursively; any other value replaces; on an array
the value is appended) or deleting them (``remove: true``).  Actions run in
order, each on the result of the ones before.

The project lists its overlays in ``[tool.generator] overlays``; the pipeline
applies them after loading, before selection.  An action whose target
matches nothing is reported as a warning on every run: it usually means the
upstream defect it works around has been fixed, and the action can go.

JSONPath is evaluated by python-jsonpath in its strict mode (RFC 9535
syntax and semantics, checked upstream against the JSONPath Compliance Test
Suite).
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import GeneratorError
from generator.load import parse_document

if TYPE_CHECKING:  # imported only when there are overlays to read
    import jsonpath

_VERSION = re.compile(r"^1\.0\.\d+$")
_TOP_KEYS = frozenset({"overlay", "info", "extends", "actions"})
_ACTION_KEYS = frozenset({"target", "description", "update", "remove"})


class OverlayError(GeneratorError):
    """An overlay document is malformed or cannot be applied."""


@dataclass(frozen=True)
class Action:
    target: str
    query: jsonpath.JSONPath | jsonpath.CompoundJSONPath
    description: str
    #: ``None`` for a ``remove`` action (an ``update: null`` is refused).
    update: Any
    remove: bool


@dataclass(frozen=True)
class Overlay:
    #: The file, as listed in the configuration.
    path: Path
    #: Its bytes, as read once (for input fingerprints).
    raw: bytes
    title: str
    actions: tuple[Action, ...]


def read_overlays(paths: Iterable[Path]) -> tuple[Overlay, ...]:
    return tuple(read_overlay(path) for path in paths)


def read_overlay(path: Path) -> Overlay:
    """Read and validate one overlay document; an :class:`OverlayError` says what is wrong."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise OverlayError(f"overlay {path}: cannot read: {exc.strerror}") from None
    return parse_overlay(path, raw)


def parse_overlay(path: Path, raw: bytes) -> Overlay:
    try:
        document = parse_document(path, raw)
    except GeneratorError as exc:
        raise OverlayError(f"overlay {exc}") from None
    where = f"overlay {path}"
    _no_unknown_keys(document, _TOP_KEYS, where)
    version = document.get("overlay")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise OverlayError(
            f"{where}: 'overlay' must be the version string \"1.0.x\", not {version!r}"
        )
    info = document.get("info")
    if not (
        isinstance(info, dict)
        and isinstance(info.get("title"), str)
        and isinstance(info.get("version"), str)
    ):
        raise OverlayError(
            f"{where}: 'info' must hold a 'title' and a 'version' string"
        )
    if "extends" in document and not isinstance(document["extends"], str):
        raise OverlayError(f"{where}: 'extends' must be a URL string")
    actions = document.get("actions")
    if not isinstance(actions, list) or not actions:
        raise OverlayError(f"{where}: 'actions' must be a non-empty list")
    return Overlay(
        path=path,
        raw=raw,
        title=info["title"],
        actions=tuple(
            _action(item, f"{where}: actions[{index}]")
            for index, item in enumerate(actions)
        ),
    )


def _no_unknown_keys(node: dict[str, Any], known: frozenset[str], where: str) -> None:
    unknown = sorted(k for k in node if k not in known and not str(k).startswith("x-"))
    if unknown:
        raise OverlayError(f"{where}: unknown field {unknown[0]!r}")


@functools.cache
def _jsonpath() -> jsonpath.JSONPathEnvironment:
    """The RFC 9535 JSONPath evaluator (python-jsonpath, strict)."""
    import jsonpath

    return jsonpath.JSONPathEnvironment(strict=True)


def _action(item: object, where: str) -> Action:
    if not isinstance(item, dict):
        raise OverlayError(f"{where}: an action must be a mapping")
    _no_unknown_keys(item, _ACTION_KEYS, where)
    target = item.get("target")
    if not isinstance(target, str) or not target.startswith("$"):
        raise OverlayError(
            f"{where}: 'target' must be a JSONPath string starting with $"
        )
    from jsonpath.exceptions import JSONPathError

    try:
        query = _jsonpath().compile(target)
    except JSONPathError as exc:
        message = " ".join(str(exc).split("\n", 1)[0].split())
        raise OverlayError(f"{where}: invalid JSONPath {target!r}: {message}") from None
    description = item.get("description", "")
    if not isinstance(description, str):
        raise OverlayError(f"{where}: 'description' must be a string")
    remove = item.get("remove", False)
    if not isinstance(remove, bool):
        raise OverlayError(f"{where}: 'remove' must be true or false")
    has_update = item.get("update") is not None
    if remove == has_update:
        raise OverlayError(
            f"{where}: an action needs either an 'update' value or 'remove: true'"
        )
    return Action(target, query, description, item.get("update"), remove)


def apply_overlays(spec: dict[str, Any], overlays: Sequence[Overlay]) -> list[str]:
    """Apply ``overlays`` to ``spec`` in place, in order; the warnings (unmatched targets)."""
    warnings: list[str] = []
    for overlay in overlays:
        for index, action in enumerate(overlay.actions):
            where = f"overlay {overlay.path}: actions[{index}]"
            matches = list(action.query.finditer(spec))
            if not matches:
                about = f" ({action.description})" if action.description else ""
                warnings.append(
                    f"{where}: target {action.target} matches nothing in this spec"
                    f"{about}; if upstream fixed it, remove the action"
                )
            elif action.remove:
                _remove(matches, where)
            else:
                for match in matches:
                    _update(match.obj, action.update, f"{where} at {match.path}")
    return warnings


def _remove(matches: list[jsonpath.JSONPathMatch], where: str) -> None:
    # Array items go from the highest index down, so earlier indices stay valid.
    places: list[tuple[Any, str | int]] = []
    for match in matches:
        if match.parent is None or not match.parts:
            raise OverlayError(f"{where}: cannot remove the whole document")
        places.append((match.parent.obj, match.parts[-1]))
    for container, key in sorted(
        places,
        key=lambda place: place[1] if isinstance(place[1], int) else -1,
        reverse=True,
    ):
        if isinstance(container, list) and isinstance(key, int):
            del container[key]
        elif isinstance(container, dict):
            container.pop(key, None)


def _update(node: Any, update: Any, where: str) -> None:
    if isinstance(node, list):
        node.append(copy.deepcopy(update))
    elif isinstance(node, dict) and isinstance(update, dict):
        _merge(node, update)
    else:
        kind = "an object" if isinstance(node, dict) else f"a {type(node).__name__}"
        raise OverlayError(
            f"{where}: cannot merge {type(update).__name__} into {kind} "
            "(update merges objects into objects and appends to arrays)"
        )


def _merge(node: dict[str, Any], update: dict[str, Any]) -> None:
    for key, value in update.items():
        current = node.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value)
        else:
            node[key] = copy.deepcopy(value)
