"""The artifacts the generator renders, in output order."""

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
    render_pod,
    render_markdown,
    render_python,
    render_slice,
)
