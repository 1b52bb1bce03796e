"""The Jinja2 environment shared by the renderers.

Templates live in the repository's top-level ``templates/`` folder, which is
installed as the package ``generator.templates`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

_PACKAGE_DIR = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """The folder holding the templates, installed or in a source checkout."""
    installed = _PACKAGE_DIR / "templates"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "templates"


@cache
def environment(artifact: str) -> jinja2.Environment:
    """A strict environment over ``templates/<artifact>/``.

    Whitespace is under the templates' control: ``trim_blocks`` and
    ``lstrip_blocks`` are on, trailing newlines are kept, undefined names fail.
    """
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / artifact)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
