"""Reproducible random damage to a spec: odd values where the format expects
others (a string for an operation, a number for a schema, a dangling
``$ref``...), for the tests that a stage never crashes on what it is given."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from typing import Any

ODD_VALUES: list[object] = [
    None,
    1,
    0.5,
    "x",
    "",
    [],
    {},
    True,
    [1, "a"],
    {"a": 1},
    {"$ref": "#/nope"},
    {"$ref": 5},
    {"type": 7},
]


def places(node: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every node under ``node``."""
    if path:
        yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, (*path, index))


def mutated(rng: random.Random, base: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``base`` with one to three nodes replaced by odd values."""
    spec = copy.deepcopy(base)
    for _ in range(rng.randint(1, 3)):
        *parents, last = rng.choice(list(places(spec)))
        target: Any = spec
        for key in parents:
            target = target[key]
        target[last] = copy.deepcopy(rng.choice(ODD_VALUES))
    return spec
