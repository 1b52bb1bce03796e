"""Renderers: each turns the typed model and the client plan into one artifact.

A renderer is a function ``render(api, plan, options) -> {relative_path: text}``
in a package of its own (``render/pod/``, ``render/markdown/``,
``render/python/``...).  Paths are POSIX, relative to the output directory,
and start with the artifact's own folder (``pod/``, ``markdown/``,
``python/``).  Adding an artifact means one package here, its templates in
``templates/<artifact>/``, and one entry in
:data:`generator.artifacts.RENDERERS`.  Renderers read the model and
the plan only (never the raw spec), keep no module-level state, and do not
import each other (``lint-imports`` checks it).
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass

from generator.errors import GeneratorError


@dataclass(frozen=True)
class RenderOptions:
    #: Years printed in the POD copyright lines, e.g. ``2023-2025`` (never the clock).
    copyright_years: str = "2023-2025"
    #: ``(schema, "package.module:Class")`` pairs (``[tool.generator.model_mixins]``):
    #: the model class of that component schema also derives from the
    #: hand-written class, which lives outside the generated tree and so
    #: survives regeneration.
    model_mixins: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", self.copyright_years)
        if match is None or (match[2] is not None and match[2] < match[1]):
            raise GeneratorError(
                "copyright years must look like 2023-2025 (first year first), "
                f"not {self.copyright_years!r}"
            )
        for schema, target in self.model_mixins:
            module, _, name = target.partition(":")
            if not all(_identifier(part) for part in (*module.split("."), name)):
                raise GeneratorError(
                    f"model mixin for {schema!r} must look like "
                    f"'package.module:ClassName', not {target!r}"
                )


def _identifier(text: str) -> bool:
    return text.isidentifier() and not keyword.iskeyword(text)


#: What every renderer returns: relative POSIX path -> file text.
Files = dict[str, str]
