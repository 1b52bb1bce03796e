"""Clients of the Notes API: one method per operation, by resource.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Literal

from . import models, params
from . import models as _api_models
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._request import RequestOptions, path_param
from ._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout

__all__ = ["Client", "AsyncClient"]


class Client(SyncAPIClient):
    """Synchronous client of the Notes API."""

    _default_base_url = "https://notes.example.test"

    @cached_property
    def with_raw_response(self) -> ClientWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return ClientWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ClientWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return ClientWithStreamedResponse(self)

    @cached_property
    def notes(self) -> NotesResource:
        return NotesResource(self)


class NotesResource:
    """The ``client.notes`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> NotesResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return NotesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> NotesResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return NotesResourceWithStreamedResponse(self)

    def update(
        self,
        note_id: str,
        *,
        draft: bool | None | NotGiven = NOT_GIVEN,
        text: str,
        title: str | None | NotGiven = NOT_GIVEN,
        colour: Literal["red", "green"] | None | NotGiven = NOT_GIVEN,
        pinned_at: (
            params.NotePinnedAtParam | models.NotePinnedAt | None | NotGiven
        ) = NOT_GIVEN,
        style: params.NoteStyleParam | models.NoteStyle | None | NotGiven = NOT_GIVEN,
        fallback_style: (
            params.NoteStyleParam | models.NoteStyle | None | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Note:
        """Write a note"""
        request_options = RequestOptions(
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
        response: _api_models.Note = self._client._request(
            request_options, cast_to=_api_models.Note
        )
        return response


class AsyncClient(AsyncAPIClient):
    """Asynchronous client of the Notes API."""

    _default_base_url = "https://notes.example.test"

    @cached_property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncClientWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncClientWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncClientWithStreamedResponse(self)

    @cached_property
    def notes(self) -> AsyncNotesResource:
        return AsyncNotesResource(self)


class AsyncNotesResource:
    """The ``client.notes`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncNotesResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncNotesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncNotesResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncNotesResourceWithStreamedResponse(self)

    async def update(
        self,
        note_id: str,
        *,
        draft: bool | None | NotGiven = NOT_GIVEN,
        text: str,
        title: str | None | NotGiven = NOT_GIVEN,
        colour: Literal["red", "green"] | None | NotGiven = NOT_GIVEN,
        pinned_at: (
            params.NotePinnedAtParam | models.NotePinnedAt | None | NotGiven
        ) = NOT_GIVEN,
        style: params.NoteStyleParam | models.NoteStyle | None | NotGiven = NOT_GIVEN,
        fallback_style: (
            params.NoteStyleParam | models.NoteStyle | None | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Note:
        """Write a note"""
        request_options = RequestOptions(
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
        response: _api_models.Note = await self._client._request(
            request_options, cast_to=_api_models.Note
        )
        return response


class ClientWithRawResponse:
    """Client methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @cached_property
    def notes(self) -> NotesResourceWithRawResponse:
        return NotesResourceWithRawResponse(self._client.notes)


class ClientWithStreamedResponse:
    """Client methods returning their unread response in a context manager."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @cached_property
    def notes(self) -> NotesResourceWithStreamedResponse:
        return NotesResourceWithStreamedResponse(self._client.notes)


class AsyncClientWithRawResponse:
    """AsyncClient methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @cached_property
    def notes(self) -> AsyncNotesResourceWithRawResponse:
        return AsyncNotesResourceWithRawResponse(self._client.notes)


class AsyncClientWithStreamedResponse:
    """AsyncClient methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @cached_property
    def notes(self) -> AsyncNotesResourceWithStreamedResponse:
        return AsyncNotesResourceWithStreamedResponse(self._client.notes)


class NotesResourceWithRawResponse:
    """NotesResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: NotesResource) -> None:
        self._client = client
        self.update = to_raw_response_wrapper(client.update)


class NotesResourceWithStreamedResponse:
    """NotesResource methods returning their unread response in a context manager."""

    def __init__(self, client: NotesResource) -> None:
        self._client = client
        self.update = to_streamed_response_wrapper(client.update)


class AsyncNotesResourceWithRawResponse:
    """AsyncNotesResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncNotesResource) -> None:
        self._client = client
        self.update = async_to_raw_response_wrapper(client.update)


class AsyncNotesResourceWithStreamedResponse:
    """AsyncNotesResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncNotesResource) -> None:
        self._client = client
        self.update = async_to_streamed_response_wrapper(client.update)
