"""What a comparison found: changes with three verdicts, renames, deprecations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from generator.model.schema import JsonValue

Verdict = Literal["compatible", "breaking"]
COMPATIBLE: Verdict = "compatible"
BREAKING: Verdict = "breaking"
#: The three questions every change answers (see :mod:`generator.diff.verdicts`).
ASPECTS = ("wire", "calls", "types")


@dataclass(frozen=True)
class Finding:
    """One difference found by the walk, before verdicts are given.

    ``side`` is ``request`` or ``response`` for a difference inside an
    operation, ``None`` inside a component schema (its uses decide).
    """

    pointer: str
    kind: str
    summary: str
    #: The component schema the pointer lies in, or ``None``.
    component: str | None = None
    #: The operation the pointer lies in (new id), or ``None``.
    operation: str | None = None
    side: str | None = None
    #: For enum values: the value added or removed.
    value: JsonValue = None
    #: For enum values: the enum sits in a union that also takes any string.
    open_enum: bool = False


@dataclass(frozen=True)
class Change:
    pointer: str
    kind: str
    summary: str
    wire: Verdict
    calls: Verdict
    types: Verdict
    #: The operations (new ids; old ids for removed ones) the change reaches.
    operations: tuple[str, ...] = ()
    #: Every place the change applies to, when it was made at several (an
    #: enum value, ``response 429 added``).
    places: tuple[str, ...] = ()
    #: For enum value changes: the value.
    value: JsonValue = None

    @property
    def breaking(self) -> bool:
        """Breaks the wire or existing call sites (what ``--fail-on-breaking`` gates)."""
        return BREAKING in (self.wire, self.calls)

    def verdict(self, aspect: str) -> Verdict:
        value: Verdict = getattr(self, aspect)
        return value


@dataclass(frozen=True)
class Rename:
    #: ``operation``, ``schema`` or ``parameter``.
    kind: str
    old: str
    new: str
    pointer: str
    #: For parameters: the operation (new id) whose path parameter was renamed.
    operation: str | None = None
    #: The generated client's name change, e.g. ``retrieve_x -> get_x``.
    client: str | None = None
    #: The client's (old, new) name (method, path argument or model class),
    #: when the rename changes it.
    client_names: tuple[str, str] | None = None
    #: The client keeps the old name as a deprecated alias (``keep_renamed``).
    alias: bool = False
    calls: Verdict = COMPATIBLE
    types: Verdict = COMPATIBLE


@dataclass(frozen=True)
class ClientChange:
    """A difference in one generated client method's signature."""

    summary: str
    calls: Verdict
    types: Verdict


@dataclass(frozen=True)
class OperationChange:
    operation_id: str
    #: The generated client method (new name).
    method: str
    breaking: bool
    client: tuple[ClientChange, ...] = ()


@dataclass(frozen=True)
class SpecInfo:
    label: str
    openapi: str
    version: str
    operations: int
    schemas: int


@dataclass(frozen=True)
class Report:
    old: SpecInfo
    new: SpecInfo
    added: tuple[str, ...]
    removed: tuple[str, ...]
    renamed: tuple[Rename, ...]
    deprecated: tuple[str, ...]
    changed: tuple[OperationChange, ...]
    changes: tuple[Change, ...]
    schemas_added: tuple[str, ...]
    schemas_removed: tuple[str, ...]
    #: Changes of form only, by kind: never breaking, one counted line each.
    form_only: Mapping[str, int] = field(default_factory=dict)
    #: Deprecated fields and schemas (pointers), besides operations.
    deprecated_elsewhere: tuple[str, ...] = ()
    semver: str = "none"
    #: Overlay actions that match nothing in the new spec (the defect they
    #: fix may be fixed upstream).
    overlay_warnings: tuple[str, ...] = ()

    def count(self, aspect: str) -> int:
        """Changes and client changes breaking ``aspect`` (renames included)."""
        changes = sum(c.verdict(aspect) == BREAKING for c in self.changes)
        if aspect == "wire":
            return changes
        verdicts = [
            c.calls if aspect == "calls" else c.types
            for op in self.changed
            for c in op.client
        ]
        verdicts += [r.calls if aspect == "calls" else r.types for r in self.renamed]
        return changes + verdicts.count(BREAKING)

    @property
    def breaking(self) -> bool:
        return self.count("wire") > 0 or self.count("calls") > 0

    def summary_lines(self) -> list[str]:
        """The report in a few lines (what ``pull`` prints)."""
        old, new = self.old, self.new
        renamed = Counter(r.kind for r in self.renamed)
        enums = Counter(c.kind for c in self.changes if c.places)
        breaking_ops = sum(op.breaking for op in self.changed)
        lines = [
            f"spec diff: {old.label} -> {new.label}",
            f"  OpenAPI {_move(old.openapi, new.openapi)}, "
            f"info.version {_move(old.version, new.version)}, "
            f"operations {_move(str(old.operations), str(new.operations))}, "
            f"schemas {_move(str(old.schemas), str(new.schemas))}",
            f"semver: {self.semver} (breaking: wire {self.count('wire')}, "
            f"calls {self.count('calls')}, types {self.count('types')})",
            f"operations: {len(self.added)} added, {len(self.removed)} removed, "
            f"{renamed['operation']} renamed, {len(self.deprecated)} deprecated, "
            f"{len(self.changed)} changed ({breaking_ops} breaking); "
            f"{renamed['parameter']} path parameters renamed",
            f"schemas: {len(self.schemas_added)} added, "
            f"{len(self.schemas_removed)} removed, {renamed['schema']} renamed",
            f"enum values: {enums['enum-value-added']} added, "
            f"{enums['enum-value-removed']} removed",
        ]
        if self.form_only:
            counted = "; ".join(f"{n} x {kind}" for kind, n in self.form_only.items())
            lines.append(f"form only, never breaking: {counted}")
        lines.extend(f"warning: {w}" for w in self.overlay_warnings)
        return lines

    def summary_text(self) -> str:
        return "\n".join(self.summary_lines()) + "\n"


def _move(before: str, after: str) -> str:
    return f"{before} (unchanged)" if before == after else f"{before} -> {after}"
