"""Renames: what changed its name but not its contract.

* an operation whose ``operationId`` changed on an unchanged route;
* a path parameter whose name changed at the same position of the route;
* a component schema removed while one with an identical body (same
  contract, see :func:`~generator.diff.normalise.canonical`) was added; when
  several candidates share the body, the closest name wins.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from generator.diff.normalise import fingerprint
from generator.diff.schemas import SCHEMA_REF, component_name, escape

#: A body at least this long (as text) is specific enough to pair two
#: unrelated names; shorter ones (``{type: string}``) also need similar names.
_DISTINCTIVE = 200


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def schema_renames(
    old_schemas: Mapping[str, Any], new_schemas: Mapping[str, Any]
) -> dict[str, str]:
    """Old name -> new name for the component schemas renamed.

    Renames found make more bodies identical (``Move`` refers to
    ``Coordinate``, renamed ``CoordParam``), so the search repeats, with
    the references of old bodies renamed, until it finds nothing new.
    """
    added = [name for name in new_schemas if name not in old_schemas]
    by_body: dict[str, list[str]] = defaultdict(list)
    for name in added:
        by_body[fingerprint(new_schemas[name])].append(name)
    renamed: dict[str, str] = {}
    while True:
        found = _round(old_schemas, new_schemas, by_body, renamed)
        if not found:
            return renamed
        renamed.update(found)


def _round(
    old_schemas: Mapping[str, Any],
    new_schemas: Mapping[str, Any],
    by_body: Mapping[str, list[str]],
    renamed: Mapping[str, str],
) -> dict[str, str]:
    found: dict[str, str] = {}
    taken = set(renamed.values())
    for name in old_schemas:
        if name in new_schemas or name in renamed:
            continue
        body = fingerprint(_with_refs_renamed(old_schemas[name], renamed))
        candidates = [c for c in by_body.get(body, []) if c not in taken]
        if not candidates:
            continue
        best = max(candidates, key=lambda c: (_similarity(name, c), c))
        distinctive = len(candidates) == 1 and len(body) >= _DISTINCTIVE
        if not distinctive and _similarity(name, best) < 0.5:
            continue
        found[name] = best
        taken.add(best)
    return found


def _with_refs_renamed(node: Any, renamed: Mapping[str, str]) -> Any:
    """``node`` with references to renamed components pointing at the new names."""
    if not renamed:
        return node
    if isinstance(node, list):
        return [_with_refs_renamed(item, renamed) for item in node]
    if not isinstance(node, Mapping):
        return node
    copy = {k: _with_refs_renamed(v, renamed) for k, v in node.items()}
    name = component_name(node)
    if name is not None and name in renamed:
        copy["$ref"] = SCHEMA_REF + escape(renamed[name])
    return copy
