"""Request arguments of the Notes API as TypedDicts: dict literals type-check.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from typing import TypedDict


class NotePinnedAtParam(TypedDict, total=False):
    seconds: int


class NoteStyleParam(TypedDict, total=False):
    font: str
