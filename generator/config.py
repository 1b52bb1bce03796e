"""Project defaults from ``[tool.generator]`` in ``pyproject.toml``.

Looked up in the working directory; command-line options override the
selection.  ``overlays`` lists overlay files (paths relative to the
``pyproject.toml``), applied to the spec in order on every run: they are an
input of the run as much as the spec is (see :mod:`generator.overlay`, whose
``Overlay.raw`` holds each file's bytes as read).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import GeneratorError


@dataclass(frozen=True)
class ProjectConfig:
    operations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    #: Overlay files, in the order they apply.
    overlays: tuple[Path, ...] = ()


def _strings(table: dict[str, object], key: str, source: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GeneratorError(
            f"{source}: [tool.generator] {key} must be a list of strings"
        )
    return tuple(value)


def read_config(directory: Path) -> ProjectConfig:
    path = directory / "pyproject.toml"
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return ProjectConfig()
    except (OSError, ValueError) as exc:
        raise GeneratorError(f"{path}: cannot read: {exc}") from None
    table = data.get("tool", {}).get("generator", {})
    if not isinstance(table, dict):
        raise GeneratorError(f"{path}: [tool.generator] must be a table")
    return ProjectConfig(
        operations=_strings(table, "operations", path),
        tags=_strings(table, "tags", path),
        paths=_strings(table, "paths", path),
        overlays=tuple(directory / o for o in _strings(table, "overlays", path)),
    )
