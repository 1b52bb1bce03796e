"""``python -m generator diff OLD NEW [--format F] [--fail-on-breaking]``."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.config import read_config
from generator.diff.compare import compare
from generator.diff.formats import FORMATS, render
from generator.errors import GeneratorError
from generator.load import load_spec, parse_spec, read_spec_bytes
from generator.overlay import apply_overlays, read_overlays
from generator.shell import EXIT_OK, guarded
from generator.spec_source import lock_path_for, materialise, read_lock, sha256

#: ``--fail-on-breaking`` and a change breaks the wire or existing calls.
EXIT_BREAKING = 1
LOCKED = "locked"

_EPILOG = """\
OLD and NEW are spec files (YAML or JSON, also .xz/.gz), or `locked`: the
spec the lock beside --spec pins (specs/openapi.lock by default).  The
project's overlays ([tool.generator] overlays in ./pyproject.toml) are applied
to both, as the generator applies them; the actions that match nothing in NEW
are listed (upstream may have fixed the defect).  --no-overlays compares the
specs as they are.

Every change gets three verdicts:
  wire   an existing request still validates, a reply is still read
  calls  Python code calling the generated client still runs
  types  that code still passes mypy --strict
and the report a semver verdict for the generated client.  Changes of form
(3.0 nullable vs 3.1 null unions, descriptions, examples, key order) are
counted on one line and never breaking.  With keep_renamed = true in
[tool.generator], a rename whose old client name is kept as a deprecated
alias is marked so and no longer breaks existing calls.

exit status: 0 done, 1 --fail-on-breaking and a change breaks wire or calls,
2 bad input (one error: line), 3 internal error (re-run with --debug).

examples:
  python -m generator diff locked new-openapi.yaml
  python -m generator diff old.yaml.xz new.yaml --format markdown > report.md
  python -m generator diff locked specs/openapi.yaml --fail-on-breaking   # CI
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator diff",
        description="What a spec bump changes for the wire, call sites and type checks.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help=f"spec file or '{LOCKED}'")
    parser.add_argument("new", metavar="NEW", help=f"spec file or '{LOCKED}'")
    parser.add_argument(
        "--format",
        "-f",
        choices=sorted(FORMATS),
        default="text",
        help="text (default), markdown (for a pull request) or json",
    )
    parser.add_argument(
        "--fail-on-breaking",
        action="store_true",
        help="exit 1 when a change breaks the wire or existing calls",
    )
    parser.add_argument(
        "--spec",
        type=Path,
        default=Path("specs/openapi.yaml"),
        help="the spec whose lock 'locked' means (default: %(default)s)",
    )
    parser.add_argument(
        "--no-overlays",
        action="store_true",
        help="compare the specs as they are, without the project's overlays",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show tracebacks on errors"
    )
    return parser


def load_side(name: str, spec_path: Path) -> tuple[dict[str, Any], str]:
    """The spec ``name`` stands for and the label the report gives it."""
    if name != LOCKED:
        return load_spec(Path(name)), name
    lock_path = lock_path_for(spec_path)
    if not lock_path.is_file():
        raise GeneratorError(
            f"'{LOCKED}' needs a spec lock, and {lock_path} does not exist"
        )
    lock = read_lock(lock_path)
    label = f"{LOCKED} ({lock.description})"
    if spec_path.is_file():
        data = read_spec_bytes(spec_path)
        if sha256(data) == lock.sha256:  # the locked spec is already here
            return parse_spec(spec_path, data), label
    with tempfile.TemporaryDirectory(prefix="generator-diff-") as folder:
        copy = Path(folder) / spec_path.name
        materialise(copy, lock)
        return load_spec(copy), label


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    return guarded(lambda: _diff(args), args.debug)


def _diff(args: argparse.Namespace) -> int:
    old, old_label = load_side(args.old, args.spec)
    new, new_label = load_side(args.new, args.spec)
    unmatched: list[str] = []
    config = read_config(Path())
    if not args.no_overlays:
        overlays = read_overlays(config.overlays)
        apply_overlays(old, overlays)
        unmatched = apply_overlays(new, overlays)
    report = replace(
        compare(
            old,
            new,
            old_label,
            new_label,
            naming=config.naming,
            keep_renamed=config.keep_renamed,
        ),
        overlay_warnings=tuple(unmatched),
    )
    sys.stdout.write(render(report, args.format))
    if args.fail_on_breaking and report.breaking:
        print(
            f"breaking: wire {report.count('wire')}, calls {report.count('calls')}",
            file=sys.stderr,
        )
        return EXIT_BREAKING
    return EXIT_OK
