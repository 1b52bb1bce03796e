"""The artifacts the generator renders, in output order."""

from __future__ import annotations

from generator.render import Renderer, markdown, pod, python_client

RENDERERS: dict[str, Renderer] = {
    "pod": pod.render,
    "markdown": markdown.render,
    "python": python_client.render,
}
