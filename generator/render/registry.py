"""The artifacts the generator renders, in output order."""

from __future__ import annotations

from generator.render import Renderer
from generator.render.markdown import render as render_markdown
from generator.render.pod import render as render_pod
from generator.render.python_client import render as render_python

RENDERERS: tuple[Renderer, ...] = (render_pod, render_markdown, render_python)
