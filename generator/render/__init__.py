"""Renderers: each turns the typed model into the files of one artifact.

A renderer is a function ``render(api, options) -> {relative_path: text}``.
Paths are POSIX, relative to the output directory, and start with the
artifact's own folder (``pod/``, ``markdown/``, ``python/``).  Adding an
artifact means adding one module here, its templates, and one entry in
:data:`generator.render.registry.RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model import Api


@dataclass(frozen=True)
class RenderOptions:
    #: Years printed in the POD copyright lines, e.g. ``2023-2025``.
    copyright_years: str = "2023-2025"


#: What every renderer returns: relative POSIX path -> file text.
Files = dict[str, str]

Renderer = Callable[[Api, RenderOptions], Files]
