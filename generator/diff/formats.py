"""The report as text (a terminal), Markdown (a pull request) or JSON (tools).

Every format puts what breaks first.  Spec text (names, enum values) reaches
Markdown only escaped, so a hostile spec cannot inject markup into a pull
request.  Output depends on the report alone: no clock, no paths but the
labels given.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from generator.diff.report import ASPECTS, BREAKING, Change, Report

_ENUM_KINDS = ("enum-value-added", "enum-value-removed")
#: Operations shown per change in text and Markdown (JSON lists them all).
SHOWN_OPERATIONS = 5


def _breaks(change: Change) -> str:
    broken = [a for a in ASPECTS if change.verdict(a) == BREAKING]
    return "breaks " + ", ".join(broken) if broken else "compatible"


def _operations(operations: Sequence[str], limit: int = SHOWN_OPERATIONS) -> str:
    shown = ", ".join(operations[:limit])
    more = len(operations) - limit
    return f"{shown} (+{more} more)" if more > 0 else shown


def groups(report: Report) -> list[tuple[str, list[Change]]]:
    """The changes that reach operations, in the order every format shows them."""
    reaching = [c for c in report.changes if c.operations]
    return [
        ("Breaking changes (wire or calls)", [c for c in reaching if c.breaking]),
        (
            "Type-check changes (mypy --strict)",
            [c for c in reaching if not c.breaking and c.types == BREAKING],
        ),
        (
            "Compatible changes",
            [c for c in reaching if not c.breaking and c.types != BREAKING],
        ),
    ]


def unreached(report: Report) -> list[str]:
    """``Schema (N)`` for the schemas with changes that no operation reaches:
    they are not in the client, so their changes are only counted."""
    counts = Counter(
        c.pointer.split("/")[3] for c in report.changes if not c.operations
    )
    return [f"{name} ({n})" for name, n in sorted(counts.items())]


_UNREACHED = "Changes in schemas no operation reaches (not in the client)"


def shown(changes: Iterable[Change]) -> list[Change]:
    """The changes as text and Markdown list them: enum values added (or
    removed) at the same places with the same verdicts on one line."""
    lines: dict[tuple[object, ...], list[Change]] = {}
    for change in changes:
        key: tuple[object, ...] = (id(change),)
        if change.kind in _ENUM_KINDS:
            key = (change.kind, change.places or (change.pointer,), change.wire)
            key += (change.calls, change.types, change.operations)
        lines.setdefault(key, []).append(change)
    return [_values_line(group) for group in lines.values()]


def _values_line(group: list[Change]) -> Change:
    first = group[0]
    if len(group) == 1:
        return first
    values = ", ".join(repr(c.value) for c in group)
    where = f" ({len(first.places)} places)" if len(first.places) > 1 else ""
    verb = "added" if first.kind == "enum-value-added" else "removed"
    return replace(first, summary=f"{len(group)} enum values {verb}{where}: {values}")


# -- text --------------------------------------------------------------------------
def render_text(report: Report) -> str:
    lines = report.summary_lines()
    for title, changes in groups(report):
        if changes:
            lines += ["", f"{title}: {len(changes)}"]
            for change in shown(changes):
                lines.append(
                    f"  {change.pointer}: {change.summary} [{_breaks(change)}]"
                )
                if change.operations:
                    lines.append(f"      operations: {_operations(change.operations)}")
    for title, items in _lists(report):
        if items:
            lines += ["", f"{title}: {len(items)}"]
            lines += [f"  {item}" for item in items]
    for title, names in _names(report):
        if names:
            lines += ["", f"{title}: {len(names)}"]
            lines += textwrap.wrap(
                ", ".join(names),
                width=100,
                initial_indent="  ",
                subsequent_indent="  ",
                break_on_hyphens=False,
            )
    return "\n".join(lines) + "\n"


def _lists(report: Report) -> list[tuple[str, list[str]]]:
    """The sections written one line per entry."""
    return [
        ("Renamed", [_rename(r) for r in report.renamed]),
        (
            "Client methods that change",
            [
                f"{op.method}(): {c.summary} [{_client_breaks(c.calls, c.types)}]"
                for op in report.changed
                for c in op.client
            ],
        ),
        ("Deprecated fields and schemas", list(report.deprecated_elsewhere)),
    ]


def _names(report: Report) -> list[tuple[str, list[str]]]:
    """The sections that are lists of names."""
    return [
        ("Deprecated operations", list(report.deprecated)),
        ("Removed operations", list(report.removed)),
        ("Added operations", list(report.added)),
        ("Removed schemas", list(report.schemas_removed)),
        ("Added schemas", list(report.schemas_added)),
        (_UNREACHED, unreached(report)),
    ]


def _rename(rename: Any) -> str:
    where = f" in {rename.operation}" if rename.operation else ""
    client = f"; client: {rename.client}" if rename.client else ""
    if rename.alias:
        client += " (old name kept as deprecated alias)"
    return (
        f"{rename.kind} {rename.old} -> {rename.new}{where}{client} "
        f"[{_client_breaks(rename.calls, rename.types)}]"
    )


def _client_breaks(calls: str, types: str) -> str:
    broken = [n for n, v in (("calls", calls), ("types", types)) if v == BREAKING]
    return "breaks " + ", ".join(broken) if broken else "compatible"


# -- Markdown ------------------------------------------------------------------------
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#~!])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " "})


def escape_markdown(text: str) -> str:
    """``text`` shown literally in Markdown, also inside a table cell: HTML
    is written as entities, Markdown punctuation backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.translate(_ENTITIES))


def code(text: str) -> str:
    """``text`` as an inline code span that no backtick inside can close
    (``|`` escaped for table cells)."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}".replace("\n", " ").replace("|", "\\|")


def render_markdown(report: Report) -> str:
    old, new = report.old, report.new
    counts = {a: report.count(a) for a in ASPECTS}
    renamed = len(report.renamed)
    rows = [
        ("semver (generated client)", f"**{report.semver}**"),
        (
            "breaking",
            f"wire {counts['wire']}, calls {counts['calls']}, types {counts['types']}",
        ),
        ("OpenAPI", f"{old.openapi} → {new.openapi}"),
        ("info.version", f"{old.version} → {new.version}"),
        (
            "operations",
            f"{len(report.added)} added, {len(report.removed)} removed, "
            f"{len(report.deprecated)} deprecated, {len(report.changed)} changed",
        ),
        (
            "schemas",
            f"{len(report.schemas_added)} added, {len(report.schemas_removed)} removed",
        ),
        ("renames", str(renamed)),
        (
            "form only (never breaking)",
            ", ".join(f"{n} × {k}" for k, n in report.form_only.items()) or "none",
        ),
    ]
    out = [
        f"## Spec diff: {escape_markdown(old.label)} → {escape_markdown(new.label)}",
        "",
        "| | |",
        "|---|---|",
        *(
            (
                f"| {name} | {escape_markdown(value)} |"
                if "**" not in value
                else f"| {name} | {value} |"
            )
            for name, value in rows
        ),
    ]
    if report.overlay_warnings:
        out += [
            "",
            *(f"> warning: {escape_markdown(w)}  " for w in report.overlay_warnings),
        ]
    (title, breaking), *others = groups(report)
    out += ["", f"### {title}: {len(breaking)}", ""]
    out += _change_table(shown(breaking)) if breaking else ["None."]
    for title, changes in others:
        if changes:
            out += _folded(f"{title}: {len(changes)}", _change_table(shown(changes)))
    for title, items in _lists(report):
        if items:
            out += _folded(
                f"{title}: {len(items)}", [f"- {escape_markdown(i)}" for i in items]
            )
    for title, names in _names(report):
        if names:
            out += _folded(
                f"{title}: {len(names)}", [", ".join(map(escape_markdown, names))]
            )
    return "\n".join(out) + "\n"


def _change_table(changes: Iterable[Change]) -> list[str]:
    rows = [
        "| where | change | wire | calls | types | operations |",
        "|---|---|---|---|---|---|",
    ]
    mark = {BREAKING: "❌", "compatible": "✓"}
    for c in changes:
        cells = [
            code(c.pointer),
            escape_markdown(c.summary),
            mark[c.wire],
            mark[c.calls],
            mark[c.types],
            escape_markdown(_operations(c.operations)),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def _folded(summary: str, body: list[str]) -> list[str]:
    return [
        "",
        "<details>",
        f"<summary>{escape_markdown(summary)}</summary>",
        "",
        *body,
        "",
        "</details>",
    ]


# -- JSON --------------------------------------------------------------------------
def to_json(report: Report) -> dict[str, Any]:
    """The report as JSON data (the shape documented in the README)."""

    def side(info: Any) -> dict[str, Any]:
        return {
            "label": info.label,
            "openapi": info.openapi,
            "version": info.version,
            "operations": info.operations,
            "schemas": info.schemas,
        }

    return {
        "old": side(report.old),
        "new": side(report.new),
        "semver": report.semver,
        "breaking": {a: report.count(a) for a in ASPECTS},
        "added": list(report.added),
        "removed": list(report.removed),
        "renamed": [
            {
                "kind": r.kind,
                "from": r.old,
                "to": r.new,
                "pointer": r.pointer,
                "operation": r.operation,
                "client": r.client,
                "alias": r.alias,
                "calls": r.calls,
                "types": r.types,
            }
            for r in report.renamed
        ],
        "deprecated": list(report.deprecated),
        "deprecated_elsewhere": list(report.deprecated_elsewhere),
        "changed": [
            {
                "operation_id": op.operation_id,
                "method": op.method,
                "breaking": op.breaking,
                "client": [
                    {"summary": c.summary, "calls": c.calls, "types": c.types}
                    for c in op.client
                ],
            }
            for op in report.changed
        ],
        "changes": [
            {
                "pointer": c.pointer,
                "kind": c.kind,
                "operations": list(c.operations),
                "summary": c.summary,
                "wire": c.wire,
                "calls": c.calls,
                "types": c.types,
                **({"places": list(c.places)} if c.places else {}),
                **({"value": c.value} if c.kind in _ENUM_KINDS else {}),
            }
            for c in report.changes
        ],
        "schemas_added": list(report.schemas_added),
        "schemas_removed": list(report.schemas_removed),
        "form_only": dict(report.form_only),
        "overlay_warnings": list(report.overlay_warnings),
    }


def render_json(report: Report) -> str:
    return json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}


def render(report: Report, format_: str = "text") -> str:
    """The report in ``format_`` (``text``, ``markdown`` or ``json``)."""
    return FORMATS[format_](report)
