"""Project defaults from ``[tool.generator]`` in ``pyproject.toml``.

Looked up in the working directory; command-line options override the
selection.  ``overlays`` lists overlay files (paths relative to the
``pyproject.toml``), applied to the spec in order on every run: they are an
input of the run as much as the spec is (see :mod:`generator.overlay`, whose
``Overlay.raw`` holds each file's bytes as read).  ``model_mixins`` adds
hand-written base classes to model classes.  ``keep_renamed = true``
keeps the client's names that a spec bump renames as deprecated aliases
(see :mod:`generator.renames`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import GeneratorError
from generator.plan.resources import MethodPath, NamingOptions, dotted_names


@dataclass(frozen=True)
class ProjectConfig:
    operations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    #: Overlay files, in the order they apply.
    overlays: tuple[Path, ...] = ()
    #: ``[tool.generator.methods]`` and ``[tool.generator.resources]``.
    naming: NamingOptions = NamingOptions()
    #: ``pull`` records renames and runs keep the old names as deprecated aliases.
    keep_renamed: bool = False
    #: ``[tool.generator.model_mixins]``: schema -> ``"package.module:Class"``.
    model_mixins: tuple[tuple[str, str], ...] = ()


def _strings(table: dict[str, object], key: str, source: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GeneratorError(
            f"{source}: [tool.generator] {key} must be a list of strings"
        )
    return tuple(value)


def _dotted_table(
    table: dict[str, object], key: str, source: Path
) -> dict[str, tuple[str, ...]]:
    """``[tool.generator.<key>]``: each value a dotted path of Python names."""
    entries = table.get(key, {})
    if not isinstance(entries, dict):
        raise GeneratorError(f"{source}: [tool.generator.{key}] must be a table")
    result = {}
    for name, value in entries.items():
        where = f"{source}: [tool.generator.{key}] {name}"
        if not isinstance(value, str):
            raise GeneratorError(
                f'{where} must be a string (quote a dotted key: "a.b" = ...)'
            )
        result[name] = _names(value, where)
    return result


def _names(text: str, where: str) -> tuple[str, ...]:
    try:
        return dotted_names(text)
    except GeneratorError as exc:
        raise GeneratorError(f"{where}: {exc}") from None


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
    keep_renamed = table.get("keep_renamed", False)
    if not isinstance(keep_renamed, bool):
        raise GeneratorError(
            f"{path}: [tool.generator] keep_renamed must be true or false"
        )
    return ProjectConfig(
        operations=_strings(table, "operations", path),
        tags=_strings(table, "tags", path),
        paths=_strings(table, "paths", path),
        overlays=tuple(directory / o for o in _strings(table, "overlays", path)),
        naming=NamingOptions(
            methods={
                operation_id: MethodPath(parts[:-1], parts[-1])
                for operation_id, parts in _dotted_table(table, "methods", path).items()
            },
            resources={
                _names(source, f"{path}: [tool.generator.resources]"): target
                for source, target in _dotted_table(table, "resources", path).items()
            },
        ),
        keep_renamed=keep_renamed,
        model_mixins=_mixins(table, path),
    )


def _mixins(table: dict[str, object], source: Path) -> tuple[tuple[str, str], ...]:
    """``[tool.generator.model_mixins]`` as sorted ``(schema, target)`` pairs."""
    entries = table.get("model_mixins", {})
    if not isinstance(entries, dict) or not all(
        isinstance(v, str) for v in entries.values()
    ):
        raise GeneratorError(
            f"{source}: [tool.generator.model_mixins] must map schema names to "
            f'"package.module:ClassName" strings'
        )
    return tuple(sorted(entries.items()))
