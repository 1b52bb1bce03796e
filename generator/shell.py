"""What every command does with errors: one ``error:`` line and an exit status.

A :class:`GeneratorError` is the user's to fix (its exit status, 2); anything
else is an internal error (3), shown as one line unless ``--debug`` asks for
the traceback.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable

from generator.errors import GeneratorError

EXIT_OK, EXIT_DIFFERS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def guarded(command: Callable[[], int], debug: bool) -> int:
    """Run ``command``, turning every exception into one line on stderr."""
    try:
        return command()
    except GeneratorError as exc:
        if debug:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(
            "interrupted; if files were being written, run again to complete them",
            file=sys.stderr,
        )
        return 130
    except Exception as exc:  # noqa: BLE001 - one clear line, never a raw traceback
        if debug:
            traceback.print_exc()
        print(
            f"internal error: {type(exc).__name__}: {exc} (re-run with --debug)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
