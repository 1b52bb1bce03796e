"""Command line: ``python -m generator SPEC [options]``."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from generator.config import read_config
from generator.errors import GeneratorError
from generator.pipeline import RunOptions, run
from generator.render import RenderOptions
from generator.selection import Selection

EXIT_OK, EXIT_DIFFERS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

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

exit status: 0 success (or --check: up to date), 1 --check found differences,
2 bad input (spec, selection, options), 3 internal error (re-run with --debug).
When SPEC is absent and SPEC's .lock file sits beside it (specs/openapi.lock),
the spec is first materialised from the pinned, hash-checked source.
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
    parser.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    parser.add_argument(
        "--debug", action="store_true", help="show tracebacks on errors"
    )
    return parser


def _selection(args: argparse.Namespace) -> Selection:
    chosen = Selection(
        all=args.all,
        operations=tuple(args.operation),
        tags=tuple(args.tag),
        paths=tuple(args.path),
    )
    if not chosen.empty:
        return chosen
    config = read_config(Path.cwd())
    return Selection(operations=config.operations, tags=config.tags, paths=config.paths)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quiet: bool = args.quiet

    def say(message: str) -> None:
        if not quiet:
            print(message, file=sys.stderr)

    try:
        options = RunOptions(
            spec_path=args.spec,
            output=args.output,
            selection=_selection(args),
            render=RenderOptions(copyright_years=args.copyright_years),
            check=args.check,
            validate=args.validate,
            freeze_gc=True,
        )
        result = run(options, progress=say)
    except GeneratorError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(
            "interrupted; if files were being written, run again to complete the output",
            file=sys.stderr,
        )
        return 130
    except Exception as exc:  # noqa: BLE001 - one clear line, never a raw traceback
        if args.debug:
            traceback.print_exc()
        print(
            f"internal error: {type(exc).__name__}: {exc} (re-run with --debug)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL

    for warning in result.warnings[:20]:
        say(f"warning: {warning}")
    if len(result.warnings) > 20:
        say(f"warning: ... and {len(result.warnings) - 20} more")
    plan, t = result.plan, result.timings
    files = _count(len(plan.added) + len(plan.changed) + len(plan.unchanged), "file")
    operations = _count(result.operations, "operation")
    if args.check:
        if plan.clean:
            say(f"{args.output} is up to date ({files}, {operations})")
            return EXIT_OK
        print(f"{args.output} is out of date; these files differ:", file=sys.stderr)
        for line in plan.lines():
            print(f"  {line}", file=sys.stderr)
        return EXIT_DIFFERS
    say(
        f"{operations} -> {files} in {args.output}: "
        f"{len(plan.added)} added, {len(plan.changed)} changed, "
        f"{len(plan.removed)} removed, {len(plan.unchanged)} unchanged "
        f"(load {t['load']:.2f}s, render {t['render']:.2f}s, write {t['write']:.2f}s)"
    )
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
