"""What an output tree is made from, recorded in its manifest.

A rerun whose inputs all match the manifest, on a tree whose files all still
have their recorded hashes, has nothing to render (see
:func:`generator.write.up_to_date`).  So every input that can change a single
output byte must be named here, in one of two groups:

* :func:`source`: what the user gives the run: the spec's bytes, the
  selection, the render options.  Another input (a file named in
  ``[tool.generator]``, say) is one more named entry: its SHA-256 under a name
  of its own;
* :func:`tool`: what turns the source into files: the generator's own code and
  templates (one SHA-256 over every file), the Python version and the
  libraries that shape the output.

This module is on the path of a rerun with nothing to do, so it imports no
rendering code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path

from generator.plan.resources import NamingOptions
from generator.render import RenderOptions
from generator.selection import Selection
from generator.templating import templates_dir

#: Distributions whose version can change the output (template engine,
#: Markdown parser, YAML loaders); absent ones are recorded as absent.
LIBRARIES = ("jinja2", "markdown-it-py", "yaml-rs", "pyyaml")

_PACKAGE_DIR = Path(__file__).resolve().parent


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def source(
    spec_sha256: str,
    selection: Selection,
    options: RenderOptions,
    overlays: Iterable[tuple[Path, bytes]] = (),
    naming: NamingOptions = NamingOptions(),
    renames: tuple[Path, bytes] | None = None,
) -> dict[str, object]:
    """The run's own inputs, by name (the manifest's ``source``).

    ``overlays``: each overlay file as named in the configuration, with its
    bytes; ``renames``: the renames file read (``keep_renamed``), with its bytes.
    """
    inputs: dict[str, object] = {
        "spec_sha256": spec_sha256,
        "selection": dataclasses.asdict(selection),
        "options": dataclasses.asdict(options),
    }
    if naming != NamingOptions():
        inputs["naming"] = {
            "methods": {key: str(path) for key, path in sorted(naming.methods.items())},
            "resources": {
                ".".join(key): ".".join(value)
                for key, value in sorted(naming.resources.items())
            },
        }
    for path, data in overlays:
        inputs[f"overlay_sha256:{path.as_posix()}"] = sha256(data)
    if renames is not None:
        inputs[f"renames_sha256:{renames[0].as_posix()}"] = sha256(renames[1])
    return inputs


@lru_cache(maxsize=1)
def tool() -> dict[str, object]:
    """The generator that renders (the manifest's ``tool``)."""
    return {
        "code_sha256": code_sha256(),
        "python": f"{sys.implementation.name} {sys.version_info[0]}.{sys.version_info[1]}",
        "libraries": {name: version(name) for name in LIBRARIES},
    }


def version(distribution: str) -> str | None:
    """The installed version of ``distribution``, ``None`` when it is absent.

    Read from the name of its ``.dist-info`` folder on ``sys.path``, which is
    where pip puts it; other layouts are left to :mod:`importlib.metadata`,
    whose import alone costs more than this whole rerun's hashing.
    """
    wanted = re.sub(r"[-_.]+", "_", distribution).lower()
    for entry in sys.path:
        for name in _listing(entry or "."):
            stem, dash, rest = name.partition("-")
            if (
                dash
                and rest.endswith(".dist-info")
                and re.sub(r"[-_.]+", "_", stem).lower() == wanted
            ):
                return rest.removesuffix(".dist-info")
    import importlib.metadata

    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


@cache
def _listing(directory: str) -> tuple[str, ...]:
    try:
        return tuple(sorted(os.listdir(directory)))
    except OSError:  # not a folder (a zip archive) or gone
        return ()


def code_sha256() -> str:
    """One SHA-256 over the generator's modules and templates, names included.

    Names are relative to the package and to the templates folder, so a
    source checkout and an installed copy of the same code agree.
    """
    digest = hashlib.sha256()
    templates = templates_dir()
    for label, root, skip in (
        ("generator", _PACKAGE_DIR, templates),
        ("templates", templates, None),
    ):
        for path in _files(root, skip):
            name = f"{label}/{path.relative_to(root).as_posix()}"
            digest.update(f"{len(name)}:{name}".encode())
            data = path.read_bytes()
            digest.update(f"{len(data)}:".encode() + data)
    return digest.hexdigest()


def _files(root: Path, skip: Path | None) -> Iterator[Path]:
    """Every file under ``root`` except ``skip`` and bytecode caches, in a fixed order."""
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(
            d
            for d in subdirectories
            if d != "__pycache__" and Path(directory, d) != skip
        )
        for name in sorted(names):
            if not name.endswith((".pyc", ".pyo")):
                yield Path(directory, name)
