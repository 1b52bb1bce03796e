"""The one error type the CLI turns into a clean one-line message."""


class GeneratorError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""

    exit_code = 2


class SpecError(GeneratorError):
    """The spec cannot be read, parsed or understood."""


class SelectionError(GeneratorError):
    """The requested operations, tags or paths do not exist."""
