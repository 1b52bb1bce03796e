"""Mutated specs never crash the generator.

Real and hostile specs put odd values where the spec format expects others
(a string for an operation, a number for a schema, a dangling ``$ref``...).
Every subtree of two small specs is replaced, at random but reproducibly,
with such values; the pipeline must either render or refuse with a
:class:`GeneratorError` (one clear line in the CLI), never raise anything else.
"""

from __future__ import annotations

import random

import pytest
import yaml
from mutations import mutated
from sample_specs import HOSTILE_SPEC, MINI_SPEC

from generator.errors import GeneratorError
from generator.pipeline import render_all
from generator.render import RenderOptions
from generator.selection import Selection

MUTATIONS_PER_SEED = 400


@pytest.mark.parametrize("seed", range(4))
def test_mutated_specs_render_or_fail_cleanly(seed: int) -> None:
    rng = random.Random(seed)
    bases = [yaml.safe_load(MINI_SPEC), HOSTILE_SPEC]
    rendered = refused = 0
    for _ in range(MUTATIONS_PER_SEED):
        spec = mutated(rng, rng.choice(bases))
        try:
            render_all(spec, Selection(all=True), RenderOptions())
        except GeneratorError:
            refused += 1
        else:
            rendered += 1
    assert rendered + refused == MUTATIONS_PER_SEED
    assert rendered > 0  # the mutations are not all fatal: rendering is exercised
