"""The rules: what each kind of change does to the wire, call sites and types.

``wire``: a request that was valid under the old spec is valid under the new
one, and a reply the new server sends is read by the client generated from
the old spec.  Readers are tolerant of two things by design, as the generated
models are: unknown properties and unknown enum values in replies.  OpenAI
rejects unknown request arguments, so a request property that disappears
breaks the wire.  Nor do they check lengths, bounds or patterns, so only a
tighter constraint on a request is a wire break.  A reply media type added
is one the request chooses (``stream``, ``Accept``); when it changes what the
client's method returns, the method's own comparison says so.

``calls``: Python code written against the old client still runs against the
regenerated one: method and argument names, positional path arguments,
required arguments, model constructors (a required field is a required
constructor argument) and the attributes read from replies.

``types``: that code still passes ``mypy --strict``.  Argument types may
widen but not narrow; reply types may narrow but not widen.  A new value of
a closed reply enum widens a ``Literal``, which breaks code that handles the
values exhaustively (``assert_never``), so it is a types break; an open enum
(``anyOf [string, enum]``) is typed ``Literal[...] | str`` and takes new
values freely.  A reply field that becomes nullable or optional widens to
``X | None``.

Each kind maps to ``(wire, calls, types)`` for a request and for a response;
a change inside a component schema takes the worst over the sides its uses
reach.  A component no operation reaches is not in the client: compatible.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from generator.diff.report import BREAKING, COMPATIBLE, Verdict

B, C = BREAKING, COMPATIBLE
_SAFE = (C, C, C)
_BOTH_SAFE = (_SAFE, _SAFE)

#: kind -> ((request wire, calls, types), (response wire, calls, types))
RULES: dict[str, tuple[tuple[Verdict, Verdict, Verdict], ...]] = {
    "nullable-added": (_SAFE, (B, C, B)),
    "nullable-removed": ((B, C, B), _SAFE),
    "type-widened": (_SAFE, (B, C, B)),
    "type-narrowed": ((B, C, B), _SAFE),
    "type-changed": ((B, C, B), (B, C, B)),
    "const-changed": ((B, C, B), (B, C, B)),
    "enum-value-added": (_SAFE, (C, C, B)),
    "enum-value-removed": ((B, C, B), _SAFE),
    "enum-introduced": ((B, C, B), _SAFE),
    "enum-dropped": (_SAFE, (C, C, B)),
    "constraint-tightened": ((B, C, C), _SAFE),
    "constraint-loosened": _BOTH_SAFE,
    "property-added": (_SAFE, _SAFE),
    "property-added-required": ((B, B, B), _SAFE),
    "property-removed": ((B, B, B), (C, B, B)),
    "property-moved": _BOTH_SAFE,
    "property-now-required": ((B, B, B), _SAFE),
    "property-now-optional": (_SAFE, (C, C, B)),
    "variant-added": (_SAFE, (B, C, B)),
    "variant-removed": ((B, C, B), _SAFE),
    "allof-member-added": ((B, C, C), _SAFE),
    "allof-member-removed": (_SAFE, (C, B, B)),
    "ref-changed": ((C, C, B), (C, C, B)),
    # A request body's schema: the method's arguments say what changed.
    "body-ref-changed": _BOTH_SAFE,
    "default-changed": (_SAFE, _SAFE),
    "deprecated": (_SAFE, _SAFE),
    "parameter-added": (_SAFE, _SAFE),
    "parameter-added-required": ((B, B, B), _SAFE),
    "parameter-removed": ((B, B, B), _SAFE),
    "parameter-now-required": ((B, B, B), _SAFE),
    "parameter-now-optional": (_SAFE, _SAFE),
    "body-now-required": ((B, B, B), _SAFE),
    "body-now-optional": (_SAFE, _SAFE),
    "media-type-added": _BOTH_SAFE,
    "media-type-removed": ((B, C, C), _SAFE),
    "response-added": (_SAFE, _SAFE),
    "response-removed": (_SAFE, _SAFE),
    "operation-removed": ((B, B, B), (B, B, B)),
    "schema-removed": ((C, B, B), (C, B, B)),
}
#: Kinds that an open enum makes harmless: any string is still accepted.
_OPEN_SAFE = frozenset({"enum-value-added", "enum-value-removed"})


def verdicts(
    kind: str, sides: Collection[str], open_enum: bool = False
) -> tuple[Verdict, Verdict, Verdict]:
    """``(wire, calls, types)`` of a change of ``kind`` used on ``sides``."""
    if open_enum and kind in _OPEN_SAFE:
        return _SAFE
    request, response = RULES[kind]
    chosen = [request] * ("request" in sides) + [response] * ("response" in sides)
    return (
        worst(v[0] for v in chosen),
        worst(v[1] for v in chosen),
        worst(v[2] for v in chosen),
    )


def worst(values: Iterable[Verdict]) -> Verdict:
    return B if B in list(values) else C


def semver(breaks: bool, types_break: bool, additions: bool, form_only: bool) -> str:
    """``major`` when the wire or call sites break; ``minor`` for type-check
    breaks and additions (the widening of a reply ``Literal`` is how the
    OpenAI SDKs ship new values too); ``patch`` for form only; else ``none``."""
    if breaks:
        return "major"
    if types_break or additions:
        return "minor"
    return "patch" if form_only else "none"
