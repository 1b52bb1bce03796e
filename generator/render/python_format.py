"""Black formatting of generated modules, cached by content.

Formatting a large generated module takes black seconds; the same input
always gives the same output, so results are kept in a per-user cache keyed
by a hash of black's version, its mode and the source.  The cache only saves
time: the output is identical with or without it, and an unwritable cache
directory is ignored.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import tempfile
from pathlib import Path

import black

_MODE = black.Mode()
#: Part of the cache key: another black version may format differently.
_BLACK_VERSION = importlib.metadata.version("black")


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/openai-generator/black`` (default ``~/.cache/...``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "openai-generator" / "black"


def format_source(source: str, cache: Path | None = None) -> str:
    """``source`` formatted by black's default mode, from the cache when possible.

    ``cache`` defaults to :func:`cache_dir`.
    """
    directory = cache if cache is not None else cache_dir()
    key = hashlib.sha256(f"{_BLACK_VERSION}\0{_MODE!r}\0{source}".encode()).hexdigest()
    path = directory / key[:2] / key
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    formatted = black.format_str(source, mode=_MODE)
    _store(path, formatted)
    return formatted


def _store(path: Path, text: str) -> None:
    """Write ``text`` atomically (a concurrent reader never sees half a file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError:
        return
