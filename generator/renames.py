"""The renames file beside the spec: renames kept as deprecated aliases.

With ``keep_renamed = true`` in ``[tool.generator]``, ``pull`` appends the
renames that the change report finds between the previous spec and the
pulled one to ``<spec>.renames.toml`` (``specs/openapi.renames.toml``), one
``[[renamed]]`` table each, with the hashes and ``info.version`` of the two
specs.  The file is reviewed and committed with the spec; every run reads it
(it is an input of the run, like the overlays: its sha256 is in the
manifest) and the plan stage keeps the old names as deprecated aliases
(:mod:`generator.plan.deprecations`).
"""

from __future__ import annotations

import keyword
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from generator.errors import GeneratorError
from generator.plan.deprecations import RENAME_KINDS, KeptRename

_HEADER = """\
# Renames found by `python -m generator pull` (keep_renamed = true in
# [tool.generator]): the generated client keeps each old name as a deprecated
# alias that warns (DeprecationWarning) and names the new one.  Review with
# the spec; delete an entry to drop its alias.
"""

#: Keys of an entry that hold text (``kind``, ``from`` and ``to`` are required).
_KEYS = (
    "kind",
    "from",
    "to",
    "operation",
    "client_from",
    "client_to",
    "old_sha256",
    "new_sha256",
    "old_version",
    "new_version",
)


def renames_path_for(spec_path: Path) -> Path:
    """``specs/openapi.yaml`` -> ``specs/openapi.renames.toml``."""
    return spec_path.with_suffix(".renames.toml")


@dataclass(frozen=True)
class Stamp:
    """Which spec a rename came from: its sha256 and ``info.version``."""

    sha256: str
    version: str | None


@dataclass(frozen=True)
class RenamesFile:
    path: Path
    raw: bytes
    renames: tuple[KeptRename, ...]


def read_renames(path: Path) -> RenamesFile | None:
    """The renames recorded in ``path``; ``None`` when there is no such file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise GeneratorError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise GeneratorError(f"{path}: not a TOML file: {exc}") from None
    entries = document.get("renamed", [])
    if not isinstance(entries, list):
        raise GeneratorError(f"{path}: 'renamed' must be an array of tables")
    return RenamesFile(
        path, raw, tuple(_entry(path, n, e) for n, e in enumerate(entries, 1))
    )


def _entry(path: Path, number: int, entry: object) -> KeptRename:
    where = f"{path}: renamed entry {number}"
    if not isinstance(entry, dict):
        raise GeneratorError(f"{where}: must be a table")
    unknown = sorted(set(entry) - set(_KEYS))
    if unknown:
        raise GeneratorError(f"{where}: unknown key {unknown[0]!r}")
    for key in _KEYS:
        if key in entry and not isinstance(entry[key], str):
            raise GeneratorError(f"{where}: {key} must be a string")
    for key in ("kind", "from", "to"):
        if key not in entry:
            raise GeneratorError(f"{where}: {key} is missing")
    if entry["kind"] not in RENAME_KINDS:
        raise GeneratorError(f"{where}: kind must be one of {', '.join(RENAME_KINDS)}")
    if entry["kind"] == "parameter" and "operation" not in entry:
        raise GeneratorError(f"{where}: a parameter rename needs its operation")
    for key in ("client_from", "client_to"):
        if key in entry and not _client_name(entry[key], entry["kind"]):
            raise GeneratorError(
                f"{where}: {key} must be a Python identifier not starting with '_'"
                + (" (dotted: a method path)" if entry["kind"] == "operation" else "")
            )
    return KeptRename(
        kind=entry["kind"],
        old=entry["from"],
        new=entry["to"],
        client_old=entry.get("client_from"),
        client_new=entry.get("client_to"),
        operation=entry.get("operation"),
    )


def _client_name(name: str, kind: str) -> bool:
    """A name the client may declare (the alias is written into its code):
    an identifier, or for an operation a method path (``files.retrieve``)."""
    parts = name.split(".") if kind == "operation" else [name]
    return all(
        p.isidentifier() and not keyword.iskeyword(p) and p[0] != "_" for p in parts
    )


def appended(
    existing: RenamesFile | None,
    renames: Sequence[KeptRename],
    old: Stamp,
    new: Stamp,
) -> tuple[bytes, list[KeptRename]]:
    """The file's bytes with ``renames`` appended, and the renames appended.

    The file is appended to, never rewritten (a reviewer's comments stay);
    a rename already recorded is not recorded again.  New entries go in the
    report's order (operation by operation in spec order, then schemas).
    """
    known = set() if existing is None else set(existing.renames)
    fresh = [r for r in renames if r not in known]
    head = _HEADER.encode() if existing is None else existing.raw
    if not fresh:
        return head, []
    if head and not head.endswith(b"\n"):
        head += b"\n"
    text = tomli_w.dumps({"renamed": [_record(r, old, new) for r in fresh]})
    return head + b"\n" + text.encode(), fresh


def _record(rename: KeptRename, old: Stamp, new: Stamp) -> dict[str, str]:
    record = {"kind": rename.kind, "from": rename.old, "to": rename.new}
    if rename.operation is not None:
        record["operation"] = rename.operation
    if rename.client_old is not None:
        record["client_from"] = rename.client_old
    if rename.client_new is not None:
        record["client_to"] = rename.client_new
    record["old_sha256"] = old.sha256
    record["new_sha256"] = new.sha256
    if old.version is not None:
        record["old_version"] = old.version
    if new.version is not None:
        record["new_version"] = new.version
    return record
