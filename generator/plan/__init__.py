"""The plan stage: the client's surface, decided once from the typed model.

``load -> select -> model -> plan -> render -> write``: the pipeline builds
one :class:`ClientPlan` for the selected operations and hands it to every
renderer.  The plan names the client's methods, arguments, model classes and
type aliases and says what each call returns; its types are
language-neutral data (:mod:`generator.plan.types`).  The client renderer
prints them as Python, and the Markdown docs name what the client names.
"""

from __future__ import annotations

from generator.plan.client import (
    Argument,
    ClientPlan,
    Location,
    MethodPlan,
    ResultKind,
    plan_client,
)
from generator.plan.resources import MethodPath, NamingOptions

__all__ = [
    "Argument",
    "ClientPlan",
    "Location",
    "MethodPath",
    "MethodPlan",
    "NamingOptions",
    "ResultKind",
    "plan_client",
]
