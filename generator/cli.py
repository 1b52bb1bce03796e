"""Command line: ``python -m generator SPEC [options]``, and the subcommands.

A first argument naming a subcommand (``pull``, ``diff``) hands the rest of
the arguments to that subcommand's module; anything else is a spec to
generate from (a spec file literally named ``pull`` is given as ``./pull``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from generator.config import ProjectConfig, read_config
from generator.pipeline import RunOptions, run
from generator.renames import renames_path_for
from generator.render import RenderOptions
from generator.selection import Selection
from generator.shell import EXIT_DIFFERS, EXIT_OK, guarded

_EPILOG = """\
what is selected:
  --operation, --tag and --path may be repeated and combine (union).
  With none of them and no --all, [tool.generator] in ./pyproject.toml
  gives the default, e.g.  operations = ["create-realtime-transcription-session"]

output (DIR, default generated/):
  pod/OpenAPI/Client/OpenAI/Path.pod         index of the selected paths
  pod/OpenAPI/Client/OpenAI/Path/<name>.pod  one page per path
  markdown/README.md, markdown/...           reference docs for Python users
  python/openai_client/                      the typed client package (httpx)
  .generator-manifest.json                   what the generator wrote (sha256)
  Files the generator did not write are never touched; files it wrote
  before and no longer produces are removed.  Nothing is changed unless
  every file could be rendered and staged.

examples:
  python -m generator specs/openapi.yaml
  python -m generator specs/openapi.yaml --all --output /tmp/openai
  python -m generator spec.yaml --tag Files --operation createEmbedding
  python -m generator specs/openapi.yaml --check   # CI: is generated/ current?

the spec's lock (SPEC with the suffix .lock, e.g. specs/openapi.lock):
  When it sits beside SPEC, every run checks SPEC's sha256 against it and
  stops (exit 2) on a mismatch; --unlocked skips the check.  When SPEC is
  absent, it is first fetched again from the locked source and verified.
  Bring in a new spec (and its lock) with:  python -m generator pull SOURCE

overlays (OpenAPI Overlay 1.0, fixes for upstream defects):
  [tool.generator] overlays = ["specs/overlays/....yaml"] are applied to the
  spec after loading, before selection.  An action that matches nothing is a
  warning: upstream may have fixed the defect, and the action can go.

renamed names (opt-in, [tool.generator] keep_renamed = true):
  pull records the renames a bump makes in SPEC with the suffix .renames.toml
  (e.g. specs/openapi.renames.toml); every run reads it and the client keeps
  the old method, path-argument keyword and model class names as deprecated
  aliases that warn (DeprecationWarning) and name the new ones.

exit status: 0 success (or --check: up to date), 1 --check found differences,
2 bad input (spec, lock, overlay, selection, options), 3 internal error
(re-run with --debug).

other commands:
  python -m generator pull SOURCE [--spec SPEC]   pull a new spec and lock it
  python -m generator diff OLD NEW [--format text|markdown|json] [--fail-on-breaking]
      what a spec bump changes (see python -m generator diff --help)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description=(
            "Render a typed Python client, POD and Markdown reference docs "
            "from an OpenAI OpenAPI spec (YAML or JSON, OpenAPI 3.0/3.1)."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("spec", type=Path, metavar="SPEC", help="the OpenAPI spec file")
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        default=Path("generated"),
        metavar="DIR",
        help="output directory (default: generated/)",
    )
    parser.add_argument(
        "--operation",
        action="append",
        default=[],
        metavar="ID",
        help="select the operation with this operationId (repeatable)",
    )
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="select every operation with this tag (repeatable)",
    )
    parser.add_argument(
        "--path",
        action="append",
        default=[],
        metavar="PATH",
        help="select every operation on this path, e.g. /files (repeatable)",
    )
    parser.add_argument("--all", action="store_true", help="select every operation")
    parser.add_argument(
        "--copyright-years",
        default=RenderOptions().copyright_years,
        metavar="Y1-Y2",
        help="years in the POD copyright lines (default: %(default)s; never the clock)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and list the files that differ if DIR is not current",
    )
    parser.add_argument(
        "--validate",
        action="store_true",
        help="also run openapi-spec-validator and print its findings as warnings",
    )
    parser.add_argument(
        "--unlocked",
        action="store_true",
        help="run even when SPEC does not match the lock beside it",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    parser.add_argument(
        "--debug", action="store_true", help="show tracebacks on errors"
    )
    return parser


def _selection(args: argparse.Namespace, config: ProjectConfig) -> Selection:
    chosen = Selection(
        all=args.all,
        operations=tuple(args.operation),
        tags=tuple(args.tag),
        paths=tuple(args.path),
    )
    if not chosen.empty:
        return chosen
    return Selection(operations=config.operations, tags=config.tags, paths=config.paths)


def _pull(arguments: Sequence[str]) -> int:
    from generator import pull

    return pull.main(arguments)


def _diff(arguments: Sequence[str]) -> int:
    from generator.diff import cli

    return cli.main(arguments)


#: ``python -m generator NAME ...``: the subcommands, imported when used (a
#: generator run, above all one with nothing to render, never needs them).
COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {"pull": _pull, "diff": _diff}


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] and arguments[0] in COMMANDS:
        return COMMANDS[arguments[0]](arguments[1:])
    args = build_parser().parse_args(arguments)
    return guarded(lambda: _generate(args), args.debug)


def _generate(args: argparse.Namespace) -> int:
    quiet: bool = args.quiet

    def say(message: str) -> None:
        if not quiet:
            print(message, file=sys.stderr)

    # Relative to the working directory, so messages and the manifest stay relative.
    config = read_config(Path())
    options = RunOptions(
        spec_path=args.spec,
        output=args.output,
        selection=_selection(args, config),
        render=RenderOptions(
            copyright_years=args.copyright_years, model_mixins=config.model_mixins
        ),
        check=args.check,
        validate=args.validate,
        overlays=config.overlays,
        renames=renames_path_for(args.spec) if config.keep_renamed else None,
        locked=not args.unlocked,
        naming=config.naming,
        freeze_gc=True,
    )
    result = run(options, progress=say)
    for warning in result.warnings[:20]:
        say(f"warning: {warning}")
    if len(result.warnings) > 20:
        say(f"warning: ... and {len(result.warnings) - 20} more")
    changes, t = result.changes, result.timings
    files = _count(
        len(changes.added) + len(changes.changed) + len(changes.unchanged), "file"
    )
    if result.operations is None:
        say(f"{args.output} is up to date ({files}; same inputs, nothing rendered)")
        return EXIT_OK
    operations = _count(result.operations, "operation")
    if args.check:
        if changes.clean:
            say(f"{args.output} is up to date ({files}, {operations})")
            return EXIT_OK
        print(f"{args.output} is out of date; these files differ:", file=sys.stderr)
        for line in changes.lines():
            print(f"  {line}", file=sys.stderr)
        return EXIT_DIFFERS
    say(
        f"{operations} -> {files} in {args.output}: "
        f"{len(changes.added)} added, {len(changes.changed)} changed, "
        f"{len(changes.removed)} removed, {len(changes.unchanged)} unchanged "
        f"(load {t['load']:.2f}s, render and stage {t['render']:.2f}s, "
        f"commit {t['write']:.2f}s)"
    )
    return EXIT_OK


def entry() -> NoReturn:
    """The console command: :func:`main`, then leave without tearing down the heap.

    A whole-API run ends with a large heap (the spec, the model, the files);
    the interpreter's orderly teardown would free it object by object, for
    longer than the write stage takes.  Everything is flushed and closed by then.
    """
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
