"""Load stage: read a spec file (YAML or JSON) into plain Python data.

yaml-rs is the loader: it returns the same data as PyYAML on every real
OpenAI spec, 10-18x faster, accepts re-defined anchors (the later one wins, as
YAML says), stops alias bombs and reports line and column.  PyYAML is the
fallback where yaml-rs is not installed.  Dates stay strings either way: a
spec's ``2024-01-01`` is text, not a ``datetime``.
"""

from __future__ import annotations

import contextlib
import json
import lzma
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.errors import SpecError

#: Upper bounds for alias replay: real specs use a few hundred aliases.
_MAX_REPLAYED_EVENTS = 2_000_000
MAX_FILE_BYTES = 64 * 1024 * 1024


def load_spec(path: Path) -> dict[str, Any]:
    """Read and parse the spec at ``path``; raise :class:`SpecError` on any problem."""
    return parse_spec(path, read_spec_bytes(path))


def read_spec_bytes(path: Path) -> bytes:
    """The bytes of the spec file, or a :class:`SpecError` saying why not.

    ``.xz`` and ``.gz`` files are decompressed (at most the size limit, so a
    compression bomb stops early): historical specs are often kept that way.
    """
    try:
        return decompressed(path, path.read_bytes())
    except FileNotFoundError:
        raise SpecError(f"{path}: spec file not found") from None
    except IsADirectoryError:
        raise SpecError(f"{path}: is a directory, not a spec file") from None
    except OSError as exc:
        raise SpecError(f"{path}: cannot read: {exc.strerror}") from None


def decompressed(name: Path, raw: bytes) -> bytes:
    """``raw`` decompressed when ``name`` ends in ``.xz`` or ``.gz``, else as is."""
    suffix = name.suffix.lower()
    if suffix == ".xz":
        return _decompress(name, lzma.LZMADecompressor(), raw)
    if suffix == ".gz":
        return _decompress(name, zlib.decompressobj(wbits=47), raw)
    return raw


def _decompress(
    path: Path, decompressor: lzma.LZMADecompressor | zlib._Decompress, raw: bytes
) -> bytes:
    try:
        data = decompressor.decompress(raw, MAX_FILE_BYTES + 1)
    except (lzma.LZMAError, zlib.error, EOFError) as exc:
        raise SpecError(f"{path}: cannot decompress: {exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise SpecError(
            f"{path}: decompresses to more than the {MAX_FILE_BYTES} byte limit"
        )
    return data


def parse_spec(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse the bytes of a spec (``path`` names it in errors and picks JSON/YAML)."""
    data = parse_document(path, raw)
    version = data.get("openapi", data.get("swagger"))
    if version is None:
        raise SpecError(f"{path}: not an OpenAPI document (no 'openapi' version field)")
    if not isinstance(version, str):
        raise SpecError(
            f'{path}: the version must be a string such as "3.1.0", not {version!r}'
            " (quote it in YAML)"
        )
    if "openapi" not in data or not version.startswith("3."):
        raise SpecError(f"{path}: OpenAPI {version} is not supported (3.0 and 3.1 are)")
    if not isinstance(data.get("paths"), dict):
        raise SpecError(f"{path}: no 'paths' mapping")
    return data


def parse_document(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse the bytes of a YAML or JSON document whose top level is a mapping.

    The limits and error messages of spec files apply (overlays use it too).
    """
    if len(raw) > MAX_FILE_BYTES:
        raise SpecError(
            f"{path}: {len(raw)} bytes is larger than the {MAX_FILE_BYTES} byte limit"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise SpecError(f"{path}: the file is empty")
    data = _parse(path, text)
    if not isinstance(data, dict):
        raise SpecError(f"{path}: the top level is not a mapping")
    return data


def _parse(path: Path, text: str) -> object:
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError(
                f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}"
            ) from None
    return _parse_yaml(path, text)


#: yaml-rs allocates through the mimalloc built into it, which reads these
#: options from the environment once, when the library is loaded.  By default
#: it keeps the pages of freed memory committed until a later allocation, some
#: time after, purges them; after a parse none comes, so the parse's working
#: memory (13 MB on the 2026-08 spec) stayed resident for the whole run, and
#: a forked worker counted it again.  With these, freed pages go back to the
#: system at once and arena memory is committed as it is used; the parse
#: takes as long.
_ALLOCATOR_OPTIONS = {"MIMALLOC_PURGE_DELAY": "0", "MIMALLOC_ARENA_EAGER_COMMIT": "0"}


@contextlib.contextmanager
def _allocator_options() -> Iterator[None]:
    """:data:`_ALLOCATOR_OPTIONS` in the environment while yaml-rs is first
    imported (a user's own settings win); nothing once it is imported.

    The pipeline's import thread may be running: it runs Python code, under
    the GIL that this holds while it changes the environment.
    """
    if "yaml_rs" in sys.modules:
        yield
        return
    added = [name for name in _ALLOCATOR_OPTIONS if name not in os.environ]
    os.environ.update({name: _ALLOCATOR_OPTIONS[name] for name in added})
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _parse_yaml(path: Path, text: str) -> object:
    try:
        with _allocator_options():
            import yaml_rs
    except ImportError:
        return _parse_yaml_pyyaml(path, text)
    try:
        return yaml_rs.loads(
            text,
            parse_datetime=False,
            alias_limits=yaml_rs.AliasLimits(
                max_total_replayed_events=_MAX_REPLAYED_EVENTS
            ),
        )
    except yaml_rs.YAMLDecodeError as exc:
        raise SpecError(f"{path}: invalid YAML: {_one_line(str(exc))}") from None
    except (ValueError, RecursionError) as exc:
        raise SpecError(f"{path}: cannot load YAML: {_one_line(str(exc))}") from None


def _parse_yaml_pyyaml(path: Path, text: str) -> object:
    import yaml

    loader_base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _Loader(loader_base):  # type: ignore[misc]
        """Safe loader that leaves timestamps as strings."""

    _Loader.yaml_implicit_resolvers = {
        first: [
            (tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"
        ]
        for first, resolvers in loader_base.yaml_implicit_resolvers.items()
    }
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError as exc:
        raise SpecError(f"{path}: invalid YAML: {_one_line(str(exc))}") from None
    except RecursionError:
        raise SpecError(f"{path}: YAML nested too deeply") from None


def _one_line(message: str) -> str:
    """Fold a multi-line parser message (with its caret excerpt) into one line."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    head = lines[0] if lines else message
    tail = lines[-1] if len(lines) > 1 else ""
    return f"{head} ({tail})" if tail and tail != head else head
