"""Typed models of the Notes API.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from typing import Literal

from ._models import BaseModel


class Note(BaseModel):
    text: str
    title: str | None = None
    colour: Literal["red", "green"] | None = None
    pinned_at: NotePinnedAt | None = None
    style: NoteStyle | None = None
    fallback_style: NoteStyle | None = None


class NotePinnedAt(BaseModel):
    seconds: int | None = None


class NoteStyle(BaseModel):
    font: str | None = None
