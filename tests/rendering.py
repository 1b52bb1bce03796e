"""Render one artifact the way the pipeline does: the model, then its plan."""

from __future__ import annotations

from generator.artifacts import Renderer
from generator.model import Api
from generator.plan import NamingOptions, plan_client
from generator.render import Files, RenderOptions


def rendered(
    render: Renderer,
    api: Api,
    options: RenderOptions = RenderOptions(),
    naming: NamingOptions = NamingOptions(),
) -> Files:
    """``render``'s files for ``api``, with the client plan the pipeline would pass."""
    return render(api, plan_client(api, naming), options)
