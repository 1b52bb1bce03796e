"""The change report between two specs: ``python -m generator diff OLD NEW``.

:func:`compare` takes two loaded specs and returns a :class:`Report`; the
renderers in :mod:`generator.diff.formats` write it as text, Markdown or
JSON.  The verdict rules are in :mod:`generator.diff.verdicts`.
"""

from generator.diff import cli
from generator.diff.compare import compare
from generator.diff.formats import FORMATS, render
from generator.diff.report import Change, Report

__all__ = ["FORMATS", "Change", "Report", "cli", "compare", "render"]
