"""Odd and hostile specs never crash the change report.

The mutations of :mod:`mutations` (odd values in every place) on
either side of a comparison: :func:`compare` returns a report or refuses
with a :class:`GeneratorError` (one ``error:`` line in the CLI).
"""

from __future__ import annotations

import random

import pytest
import yaml
from mutations import mutated
from sample_specs import HOSTILE_SPEC, MINI_SPEC

from generator.diff import compare, render
from generator.errors import GeneratorError

MUTATIONS_PER_SEED = 150


@pytest.mark.parametrize("seed", range(2))
def test_mutated_specs_compare_or_fail_cleanly(seed: int) -> None:
    rng = random.Random(seed)
    bases = [yaml.safe_load(MINI_SPEC), HOSTILE_SPEC]
    compared = refused = 0
    for _ in range(MUTATIONS_PER_SEED):
        base = rng.choice(bases)
        damaged = mutated(rng, base)
        old, new = (base, damaged) if rng.random() < 0.5 else (damaged, base)
        try:
            report = compare(old, new)
        except GeneratorError:
            refused += 1
            continue
        for format_ in ("text", "markdown", "json"):
            assert render(report, format_)
        compared += 1
    assert compared + refused == MUTATIONS_PER_SEED
    assert compared > MUTATIONS_PER_SEED // 2
