"""Mutated specs never crash the generator.

Real and hostile specs put odd values where the spec format expects others
(a string for an operation, a number for a schema, a dangling ``$ref``...).
Every subtree of two small specs is replaced, at random but reproducibly,
with such values; the pipeline must either render or refuse with a
:class:`GeneratorError` (one clear line in the CLI), never raise anything else.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from sample_specs import HOSTILE_SPEC, MINI_SPEC

from generator.errors import GeneratorError
from generator.pipeline import render_all
from generator.render import RenderOptions
from generator.selection import Selection

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
MUTATIONS_PER_SEED = 400


def _places(node: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if path:
        yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*path, index))


def _mutated(rng: random.Random, base: dict[str, Any]) -> dict[str, Any]:
    spec = copy.deepcopy(base)
    for _ in range(rng.randint(1, 3)):
        *parents, last = rng.choice(list(_places(spec)))
        target: Any = spec
        for key in parents:
            target = target[key]
        target[last] = copy.deepcopy(rng.choice(ODD_VALUES))
    return spec


@pytest.mark.parametrize("seed", range(4))
def test_mutated_specs_render_or_fail_cleanly(seed: int) -> None:
    rng = random.Random(seed)
    bases = [yaml.safe_load(MINI_SPEC), HOSTILE_SPEC]
    rendered = refused = 0
    for _ in range(MUTATIONS_PER_SEED):
        spec = _mutated(rng, rng.choice(bases))
        try:
            render_all(spec, Selection(all=True), RenderOptions())
        except GeneratorError:
            refused += 1
        else:
            rendered += 1
    assert rendered + refused == MUTATIONS_PER_SEED
    assert rendered > 0  # the mutations are not all fatal: rendering is exercised
