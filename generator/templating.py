"""The Jinja2 environment shared by the renderers.

Templates live in the repository's top-level ``templates/`` folder, which is
installed as the package ``generator.templates`` (see ``pyproject.toml``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    import jinja2  # here, not at the top: a rerun with nothing to render never needs it

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / artifact)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        bytecode_cache=_bytecode_cache(),
    )


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept beside them, as Python keeps compiled modules.

    In ``templates/__pycache__`` (the generator's own folder, never the
    user's), keyed by template name and checked against a hash of the source,
    so an edited template is recompiled, never served stale.  Like Python's
    own, the cache is read always and written unless Python is told not to
    write bytecode (``-B``, ``PYTHONDONTWRITEBYTECODE``) or cannot.
    """
    import jinja2

    directory = templates_dir() / "__pycache__"
    if not directory.is_dir():
        if sys.dont_write_bytecode:
            return None
        try:
            directory.mkdir()
        except OSError:
            return None

    class Cache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            if sys.dont_write_bytecode:
                return
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass  # read-only or full: the template was compiled all the same

    return Cache(str(directory), "%s.jinja2")
