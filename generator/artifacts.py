"""The artifacts the generator renders, in the order the render stage claims them.

Longest first, so that what is left when one process runs out of work is
short (the render runs on two cores, each process claiming the next artifact
when it is free): the client, which the parent claims first, then the
Markdown pages, which the forked worker claims and whose 1,236 files (on
the 2026-08 spec) it shares out with the parent (``pipeline._split``), then
the spec slice and the POD pages.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Api
from generator.plan import ClientPlan
from generator.render import Files, RenderOptions
from generator.render.markdown import render as render_markdown
from generator.render.pod import render as render_pod
from generator.render.python import render as render_python
from generator.render.slice import render as render_slice

Renderer = Callable[[Api, ClientPlan, RenderOptions], Files]

RENDERERS: tuple[Renderer, ...] = (
    render_python,
    render_markdown,
    render_slice,
    render_pod,
)
