"""Logging through the standard :mod:`logging` module, under the package's name.

Nothing is printed unless the application configures logging or the
environment variable ``OPENAI_CLIENT_LOG`` is ``info`` (requests and retries)
or ``debug`` (also headers, request ids, retry reasons); the variable gives
the package's logger a level and a handler on standard error, leaving the
root logger alone.  Credentials are never logged: the values of the headers
in :data:`SENSITIVE_HEADERS` are replaced before a record is made.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from typing import Final

__all__ = ["logger", "setup_logging", "redacted"]

#: The environment variable that switches logging on (``info`` or ``debug``).
LOG_ENV: Final = "OPENAI_CLIENT_LOG"
#: Header names (lower case) whose values never reach a log record.
SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "api-key", "x-api-key", "proxy-authorization"}
)
_LEVELS: Final = {"debug": logging.DEBUG, "info": logging.INFO}

#: The package's logger: ``openai_client`` in the generated package.
logger: Final = logging.getLogger(__package__ or __name__)


def setup_logging() -> None:
    """Apply :data:`LOG_ENV`: a level and a handler on standard error."""
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter(
                "[%(asctime)s - %(name)s - %(levelname)s] %(message)s",
                "%Y-%m-%d %H:%M:%S",
            )
        )
        logger.addHandler(handler)


def redacted(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``headers`` as a dict, with the values of sensitive ones hidden."""
    return {
        name: "<redacted>" if name.lower() in SENSITIVE_HEADERS else value
        for name, value in headers
    }
