"""Clients of the Notes API: one method per operation.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from . import models
from . import models as _api_models
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._request import RequestSpec, path_param
from ._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout

__all__ = ["Client", "AsyncClient"]


class Client(SyncAPIClient):
    """Synchronous client of the Notes API."""

    _default_base_url = "https://notes.example.test"

    def put_note(
        self,
        note_id: str,
        *,
        draft: bool | None | NotGiven = NOT_GIVEN,
        text: str,
        title: str | None | NotGiven = NOT_GIVEN,
        colour: Literal["red", "green"] | None | NotGiven = NOT_GIVEN,
        pinned_at: models.NotePinnedAt | None | NotGiven = NOT_GIVEN,
        style: models.NoteStyle | None | NotGiven = NOT_GIVEN,
        fallback_style: models.NoteStyle | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Note:
        """Write a note"""
        spec = RequestSpec(
            method="PUT",
            path=f"/notes/{path_param(note_id)}",
            params={
                "draft": draft,
            },
            json_body={
                "text": text,
                "title": title,
                "colour": colour,
                "pinned_at": pinned_at,
                "style": style,
                "fallback_style": fallback_style,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Note = self._request(spec, cast_to=_api_models.Note)
        return response


class AsyncClient(AsyncAPIClient):
    """Asynchronous client of the Notes API."""

    _default_base_url = "https://notes.example.test"

    async def put_note(
        self,
        note_id: str,
        *,
        draft: bool | None | NotGiven = NOT_GIVEN,
        text: str,
        title: str | None | NotGiven = NOT_GIVEN,
        colour: Literal["red", "green"] | None | NotGiven = NOT_GIVEN,
        pinned_at: models.NotePinnedAt | None | NotGiven = NOT_GIVEN,
        style: models.NoteStyle | None | NotGiven = NOT_GIVEN,
        fallback_style: models.NoteStyle | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Note:
        """Write a note"""
        spec = RequestSpec(
            method="PUT",
            path=f"/notes/{path_param(note_id)}",
            params={
                "draft": draft,
            },
            json_body={
                "text": text,
                "title": title,
                "colour": colour,
                "pinned_at": pinned_at,
                "style": style,
                "fallback_style": fallback_style,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Note = await self._request(spec, cast_to=_api_models.Note)
        return response
