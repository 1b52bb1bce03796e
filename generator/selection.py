"""Select stage: which operations of the spec to generate.

Selection works on a light index of the loaded spec (path, method, id, tags),
before the model is built, so a one-operation run models only what that
operation reaches.  Criteria combine as a union: ``--operation ID``,
``--tag TAG`` and ``--path PATH`` each add operations; ``--all`` takes every
one.  Anything named that does not exist is an error that suggests the
closest names.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.errors import SelectionError
from generator.openapi import HTTP_METHODS, fallback_operation_id


@dataclass(frozen=True)
class OperationRef:
    path: str
    method: str
    operation_id: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Selection:
    """What the user asked for; empty means "nothing named"."""

    all: bool = False
    operations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.all or self.operations or self.tags or self.paths)


def index_operations(spec: Mapping[str, Any]) -> list[OperationRef]:
    """Every operation of the spec, in spec order."""
    refs = []
    paths = spec.get("paths")
    for path, item in (paths if isinstance(paths, Mapping) else {}).items():
        if not isinstance(item, Mapping):
            continue
        for method, op in item.items():
            if method not in HTTP_METHODS or not isinstance(op, Mapping):
                continue
            op_id = op.get("operationId")
            tags = op.get("tags")
            refs.append(
                OperationRef(
                    path=str(path),
                    method=str(method),
                    operation_id=(
                        op_id
                        if isinstance(op_id, str)
                        else fallback_operation_id(str(method), str(path))
                    ),
                    tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
                )
            )
    return refs


def select(spec: Mapping[str, Any], selection: Selection) -> list[tuple[str, str]]:
    """The (path, method) pairs the selection names, in spec order.

    Raises :class:`SelectionError` for an unknown id, tag or path, and when
    the selection is empty.
    """
    refs = index_operations(spec)
    if selection.empty:
        raise SelectionError(
            "nothing selected: name --operation, --tag, --path or --all"
        )
    if selection.all and (selection.operations or selection.tags or selection.paths):
        raise SelectionError(
            "--all already selects every operation; drop --operation, --tag and --path"
        )
    if not refs:
        raise SelectionError("the spec has no operations")
    if selection.all:
        return [(r.path, r.method) for r in refs]
    _check_known("operation id", selection.operations, [r.operation_id for r in refs])
    _check_known("tag", selection.tags, [t for r in refs for t in r.tags])
    _check_known("path", selection.paths, [r.path for r in refs])
    ids, tags, paths = (
        set(selection.operations),
        set(selection.tags),
        set(selection.paths),
    )
    return [
        (r.path, r.method)
        for r in refs
        if r.operation_id in ids or r.path in paths or tags.intersection(r.tags)
    ]


def _check_known(kind: str, asked: Sequence[str], known: Sequence[str]) -> None:
    known_set = set(known)
    for name in asked:
        if name in known_set:
            continue
        choices = sorted(known_set)
        close = difflib.get_close_matches(name, choices, n=3, cutoff=0.5)
        if close:
            hint = f"; did you mean {', '.join(close)}?"
        elif len(choices) <= 20:
            hint = f"; known: {', '.join(choices)}"
        else:
            hint = ""
        raise SelectionError(f"unknown {kind} {name!r}{hint}")
