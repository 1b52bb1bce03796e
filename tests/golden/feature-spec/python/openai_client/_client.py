"""Clients of the Library API: one method per operation.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Literal, overload

from . import models
from . import models as _api_models
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._pagination import AsyncPaginator, SyncCursorPage
from ._request import RequestSpec, path_param
from ._response import (
    BinaryResponse,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ._streaming import AsyncStream, Stream
from ._types import NOT_GIVEN, FileTypes, Headers, NotGiven, Query, Timeout

__all__ = ["Client", "AsyncClient"]


class Client(SyncAPIClient):
    """Synchronous client of the Library API."""

    _default_base_url = "https://library.example.test/v2"

    @cached_property
    def with_raw_response(self) -> ClientWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return ClientWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ClientWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return ClientWithStreamedResponse(self)

    def list_books(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order: Literal["asc", "desc"] | NotGiven = NOT_GIVEN,
        genre: models.Genre | NotGiven = NOT_GIVEN,
        include_archived: bool | NotGiven = NOT_GIVEN,
        X_Request_Tag: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPage[models.Book]:
        """List books

        Returns books in `created_at` order, a page at a time.

        Args:
          after: A cursor, the id of the last book of the previous page.
          limit: How many books a page holds.
          include_archived: Also list archived books.
          X_Request_Tag: Echoed back in the logs."""
        spec = RequestSpec(
            method="GET",
            path="/books",
            params={
                "after": after,
                "limit": limit,
                "order": order,
                "genre": genre,
                "include_archived": include_archived,
            },
            headers={
                "X-Request-Tag": X_Request_Tag,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self._request_page(spec, item_type=_api_models.Book)

    def create_book(
        self,
        *,
        title: str,
        format: models.Format | NotGiven = NOT_GIVEN,
        genre: models.Genre | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        series: str | None | NotGiven = NOT_GIVEN,
        shelf_id: str | None | NotGiven = NOT_GIVEN,
        copies: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Book:
        """Add a book

        Args:
          genre: A genre; the library may add new ones.
          shelf_id: The shelf to put it on. Can be set to `null` to leave it unshelved.
        """
        spec = RequestSpec(
            method="POST",
            path="/books",
            json_body={
                "title": title,
                "format": format,
                "genre": genre,
                "tags": tags,
                "series": series,
                "shelf_id": shelf_id,
                "copies": copies,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Book = self._request(spec, cast_to=_api_models.Book)
        return response

    def get_book(
        self,
        book_id: models.BookId,
        *,
        expand: list[Literal["author", "loans"]] | NotGiven = NOT_GIVEN,
        X_Max_Age: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Book:
        """Get a book

        Args:
          book_id: The book's id.
          expand: Related objects to include."""
        spec = RequestSpec(
            method="GET",
            path=f"/books/{path_param(book_id)}",
            params={
                "expand": expand,
            },
            headers={
                "X-Max-Age": X_Max_Age,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Book = self._request(spec, cast_to=_api_models.Book)
        return response

    def update_book(
        self,
        book_id: models.BookId,
        *,
        title: str | NotGiven = NOT_GIVEN,
        subtitle: str | None | NotGiven = NOT_GIVEN,
        author: models.Author | None | NotGiven = NOT_GIVEN,
        format_hint: Literal["large-print", "braille"] | None | NotGiven = NOT_GIVEN,
        genres: list[models.Genre] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Book:
        """Change a book

        Args:
          book_id: The book's id.
          subtitle: `null` removes the subtitle."""
        spec = RequestSpec(
            method="PATCH",
            path=f"/books/{path_param(book_id)}",
            json_body={
                "title": title,
                "subtitle": subtitle,
                "author": author,
                "format_hint": format_hint,
                "genres": genres,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Book = self._request(spec, cast_to=_api_models.Book)
        return response

    def delete_book(
        self,
        book_id: models.BookId,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> None:
        """Remove a book

        Books are archived now; this removes the record for good.

        Deprecated.

        Args:
          book_id: The book's id."""
        spec = RequestSpec(
            method="DELETE",
            path=f"/books/{path_param(book_id)}",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        self._request(spec, cast_to=None)

    def download_audiobook(
        self,
        book_id: models.BookId,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> BinaryResponse:
        """Download the audiobook

        Args:
          book_id: The book's id."""
        spec = RequestSpec(
            method="GET",
            path=f"/books/{path_param(book_id)}/audio",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self._request_binary(spec)

    def upload_scan(
        self,
        *,
        file: FileTypes,
        pages: list[FileTypes] | NotGiven = NOT_GIVEN,
        labels: list[str] | NotGiven = NOT_GIVEN,
        purpose: Literal["archive", "restoration"],
        dpi: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Upload:
        """Upload a scanned book

        Args:
          file: The scan, as one PDF.
          pages: Extra page images."""
        file_parts: dict[str, FileTypes | list[FileTypes]] = {
            "file": file,
        }
        if not isinstance(pages, NotGiven):
            file_parts["pages"] = pages
        spec = RequestSpec(
            method="POST",
            path="/scans",
            form={
                "labels": labels,
                "purpose": purpose,
                "dpi": dpi,
            },
            files=file_parts,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Upload = self._request(spec, cast_to=_api_models.Upload)
        return response

    @overload
    def recommend_books(
        self,
        *,
        model: Literal["fast-1", "careful-2"] | str,
        prompt: str,
        stream: Literal[False] | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Recommendation: ...

    @overload
    def recommend_books(
        self,
        *,
        model: Literal["fast-1", "careful-2"] | str,
        prompt: str,
        stream: Literal[True],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Stream[models.RecommendationEvent]: ...

    @overload
    def recommend_books(
        self,
        *,
        model: Literal["fast-1", "careful-2"] | str,
        prompt: str,
        stream: bool,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Recommendation | Stream[models.RecommendationEvent]: ...

    def recommend_books(
        self,
        *,
        model: Literal["fast-1", "careful-2"] | str,
        prompt: str,
        stream: bool | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Recommendation | Stream[models.RecommendationEvent]:
        """Recommend books

        Args:
          model: The recommendation engine.
          stream: Send events while recommending."""
        spec = RequestSpec(
            method="POST",
            path="/recommendations",
            json_body={
                "model": model,
                "prompt": prompt,
                "stream": stream,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        if stream:
            return self._request_stream(
                spec, event_type=_api_models.RecommendationEvent
            )
        response: _api_models.Recommendation = self._request(
            spec, cast_to=_api_models.Recommendation
        )
        return response

    def stream_library_events(
        self,
        *,
        since: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Stream[models.LibraryEvent]:
        """Follow library events"""
        spec = RequestSpec(
            method="GET",
            path="/events",
            params={
                "since": since,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self._request_stream(spec, event_type=_api_models.LibraryEvent)

    def search(
        self,
        *,
        min_score: float | NotGiven = NOT_GIVEN,
        body: models.SearchQuery,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.PublicationList:
        """Search the catalogue

        Args:
          body: Search by title, by author or by ISBN."""
        spec = RequestSpec(
            method="POST",
            path="/search",
            params={
                "min_score": min_score,
            },
            json_body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.PublicationList = self._request(
            spec, cast_to=_api_models.PublicationList
        )
        return response

    def get_shelf(
        self,
        shelf_id: str,
        *,
        depth: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Shelf:
        """Get a shelf and its sub-shelves

        Args:
          depth: How many levels of sub-shelves to include."""
        spec = RequestSpec(
            method="GET",
            path=f"/shelves/{path_param(shelf_id)}",
            params={
                "depth": depth,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Shelf = self._request(spec, cast_to=_api_models.Shelf)
        return response

    def get_reader(
        self,
        reader_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Reader:
        """Get a reader with their loans"""
        spec = RequestSpec(
            method="GET",
            path=f"/readers/{path_param(reader_id)}",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Reader = self._request(spec, cast_to=_api_models.Reader)
        return response

    def get_health(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> None:
        """Health check"""
        spec = RequestSpec(
            method="GET",
            path="/health",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        self._request(spec, cast_to=None)


class AsyncClient(AsyncAPIClient):
    """Asynchronous client of the Library API."""

    _default_base_url = "https://library.example.test/v2"

    @cached_property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncClientWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncClientWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncClientWithStreamedResponse(self)

    def list_books(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order: Literal["asc", "desc"] | NotGiven = NOT_GIVEN,
        genre: models.Genre | NotGiven = NOT_GIVEN,
        include_archived: bool | NotGiven = NOT_GIVEN,
        X_Request_Tag: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[models.Book]:
        """List books

        Returns books in `created_at` order, a page at a time.

        Args:
          after: A cursor, the id of the last book of the previous page.
          limit: How many books a page holds.
          include_archived: Also list archived books.
          X_Request_Tag: Echoed back in the logs."""
        spec = RequestSpec(
            method="GET",
            path="/books",
            params={
                "after": after,
                "limit": limit,
                "order": order,
                "genre": genre,
                "include_archived": include_archived,
            },
            headers={
                "X-Request-Tag": X_Request_Tag,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self._request_page(spec, item_type=_api_models.Book)

    async def create_book(
        self,
        *,
        title: str,
        format: models.Format | NotGiven = NOT_GIVEN,
        genre: models.Genre | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        series: str | None | NotGiven = NOT_GIVEN,
        shelf_id: str | None | NotGiven = NOT_GIVEN,
        copies: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Book:
        """Add a book

        Args:
          genre: A genre; the library may add new ones.
          shelf_id: The shelf to put it on. Can be set to `null` to leave it unshelved.
        """
        spec = RequestSpec(
            method="POST",
            path="/books",
            json_body={
                "title": title,
                "format": format,
                "genre": genre,
                "tags": tags,
                "series": series,
                "shelf_id": shelf_id,
                "copies": copies,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Book = await self._request(spec, cast_to=_api_models.Book)
        return response

    async def get_book(
        self,
        book_id: models.BookId,
        *,
        expand: list[Literal["author", "loans"]] | NotGiven = NOT_GIVEN,
        X_Max_Age: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Book:
        """Get a book

        Args:
          book_id: The book's id.
          expand: Related objects to include."""
        spec = RequestSpec(
            method="GET",
            path=f"/books/{path_param(book_id)}",
            params={
                "expand": expand,
            },
            headers={
                "X-Max-Age": X_Max_Age,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Book = await self._request(spec, cast_to=_api_models.Book)
        return response

    async def update_book(
        self,
        book_id: models.BookId,
        *,
        title: str | NotGiven = NOT_GIVEN,
        subtitle: str | None | NotGiven = NOT_GIVEN,
        author: models.Author | None | NotGiven = NOT_GIVEN,
        format_hint: Literal["large-print", "braille"] | None | NotGiven = NOT_GIVEN,
        genres: list[models.Genre] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Book:
        """Change a book

        Args:
          book_id: The book's id.
          subtitle: `null` removes the subtitle."""
        spec = RequestSpec(
            method="PATCH",
            path=f"/books/{path_param(book_id)}",
            json_body={
                "title": title,
                "subtitle": subtitle,
                "author": author,
                "format_hint": format_hint,
                "genres": genres,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Book = await self._request(spec, cast_to=_api_models.Book)
        return response

    async def delete_book(
        self,
        book_id: models.BookId,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> None:
        """Remove a book

        Books are archived now; this removes the record for good.

        Deprecated.

        Args:
          book_id: The book's id."""
        spec = RequestSpec(
            method="DELETE",
            path=f"/books/{path_param(book_id)}",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        await self._request(spec, cast_to=None)

    async def download_audiobook(
        self,
        book_id: models.BookId,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> BinaryResponse:
        """Download the audiobook

        Args:
          book_id: The book's id."""
        spec = RequestSpec(
            method="GET",
            path=f"/books/{path_param(book_id)}/audio",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return await self._request_binary(spec)

    async def upload_scan(
        self,
        *,
        file: FileTypes,
        pages: list[FileTypes] | NotGiven = NOT_GIVEN,
        labels: list[str] | NotGiven = NOT_GIVEN,
        purpose: Literal["archive", "restoration"],
        dpi: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Upload:
        """Upload a scanned book

        Args:
          file: The scan, as one PDF.
          pages: Extra page images."""
        file_parts: dict[str, FileTypes | list[FileTypes]] = {
            "file": file,
        }
        if not isinstance(pages, NotGiven):
            file_parts["pages"] = pages
        spec = RequestSpec(
            method="POST",
            path="/scans",
            form={
                "labels": labels,
                "purpose": purpose,
                "dpi": dpi,
            },
            files=file_parts,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Upload = await self._request(
            spec, cast_to=_api_models.Upload
        )
        return response

    @overload
    async def recommend_books(
        self,
        *,
        model: Literal["fast-1", "careful-2"] | str,
        prompt: str,
        stream: Literal[False] | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Recommendation: ...

    @overload
    async def recommend_books(
        self,
        *,
        model: Literal["fast-1", "careful-2"] | str,
        prompt: str,
        stream: Literal[True],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[models.RecommendationEvent]: ...

    @overload
    async def recommend_books(
        self,
        *,
        model: Literal["fast-1", "careful-2"] | str,
        prompt: str,
        stream: bool,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Recommendation | AsyncStream[models.RecommendationEvent]: ...

    async def recommend_books(
        self,
        *,
        model: Literal["fast-1", "careful-2"] | str,
        prompt: str,
        stream: bool | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Recommendation | AsyncStream[models.RecommendationEvent]:
        """Recommend books

        Args:
          model: The recommendation engine.
          stream: Send events while recommending."""
        spec = RequestSpec(
            method="POST",
            path="/recommendations",
            json_body={
                "model": model,
                "prompt": prompt,
                "stream": stream,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        if stream:
            return await self._request_stream(
                spec, event_type=_api_models.RecommendationEvent
            )
        response: _api_models.Recommendation = await self._request(
            spec, cast_to=_api_models.Recommendation
        )
        return response

    async def stream_library_events(
        self,
        *,
        since: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[models.LibraryEvent]:
        """Follow library events"""
        spec = RequestSpec(
            method="GET",
            path="/events",
            params={
                "since": since,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return await self._request_stream(spec, event_type=_api_models.LibraryEvent)

    async def search(
        self,
        *,
        min_score: float | NotGiven = NOT_GIVEN,
        body: models.SearchQuery,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.PublicationList:
        """Search the catalogue

        Args:
          body: Search by title, by author or by ISBN."""
        spec = RequestSpec(
            method="POST",
            path="/search",
            params={
                "min_score": min_score,
            },
            json_body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.PublicationList = await self._request(
            spec, cast_to=_api_models.PublicationList
        )
        return response

    async def get_shelf(
        self,
        shelf_id: str,
        *,
        depth: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Shelf:
        """Get a shelf and its sub-shelves

        Args:
          depth: How many levels of sub-shelves to include."""
        spec = RequestSpec(
            method="GET",
            path=f"/shelves/{path_param(shelf_id)}",
            params={
                "depth": depth,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Shelf = await self._request(
            spec, cast_to=_api_models.Shelf
        )
        return response

    async def get_reader(
        self,
        reader_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Reader:
        """Get a reader with their loans"""
        spec = RequestSpec(
            method="GET",
            path=f"/readers/{path_param(reader_id)}",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Reader = await self._request(
            spec, cast_to=_api_models.Reader
        )
        return response

    async def get_health(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> None:
        """Health check"""
        spec = RequestSpec(
            method="GET",
            path="/health",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        await self._request(spec, cast_to=None)


class ClientWithRawResponse:
    """Client methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.list_books = to_raw_response_wrapper(client.list_books)
        self.create_book = to_raw_response_wrapper(client.create_book)
        self.get_book = to_raw_response_wrapper(client.get_book)
        self.update_book = to_raw_response_wrapper(client.update_book)
        self.delete_book = to_raw_response_wrapper(client.delete_book)
        self.download_audiobook = to_raw_response_wrapper(client.download_audiobook)
        self.upload_scan = to_raw_response_wrapper(client.upload_scan)
        self.recommend_books = to_raw_response_wrapper(client.recommend_books)
        self.stream_library_events = to_raw_response_wrapper(
            client.stream_library_events
        )
        self.search = to_raw_response_wrapper(client.search)
        self.get_shelf = to_raw_response_wrapper(client.get_shelf)
        self.get_reader = to_raw_response_wrapper(client.get_reader)
        self.get_health = to_raw_response_wrapper(client.get_health)


class ClientWithStreamedResponse:
    """Client methods returning their unread response in a context manager."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.list_books = to_streamed_response_wrapper(client.list_books)
        self.create_book = to_streamed_response_wrapper(client.create_book)
        self.get_book = to_streamed_response_wrapper(client.get_book)
        self.update_book = to_streamed_response_wrapper(client.update_book)
        self.delete_book = to_streamed_response_wrapper(client.delete_book)
        self.download_audiobook = to_streamed_response_wrapper(
            client.download_audiobook
        )
        self.upload_scan = to_streamed_response_wrapper(client.upload_scan)
        self.recommend_books = to_streamed_response_wrapper(client.recommend_books)
        self.stream_library_events = to_streamed_response_wrapper(
            client.stream_library_events
        )
        self.search = to_streamed_response_wrapper(client.search)
        self.get_shelf = to_streamed_response_wrapper(client.get_shelf)
        self.get_reader = to_streamed_response_wrapper(client.get_reader)
        self.get_health = to_streamed_response_wrapper(client.get_health)


class AsyncClientWithRawResponse:
    """AsyncClient methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.list_books = async_to_raw_response_wrapper(client.list_books)
        self.create_book = async_to_raw_response_wrapper(client.create_book)
        self.get_book = async_to_raw_response_wrapper(client.get_book)
        self.update_book = async_to_raw_response_wrapper(client.update_book)
        self.delete_book = async_to_raw_response_wrapper(client.delete_book)
        self.download_audiobook = async_to_raw_response_wrapper(
            client.download_audiobook
        )
        self.upload_scan = async_to_raw_response_wrapper(client.upload_scan)
        self.recommend_books = async_to_raw_response_wrapper(client.recommend_books)
        self.stream_library_events = async_to_raw_response_wrapper(
            client.stream_library_events
        )
        self.search = async_to_raw_response_wrapper(client.search)
        self.get_shelf = async_to_raw_response_wrapper(client.get_shelf)
        self.get_reader = async_to_raw_response_wrapper(client.get_reader)
        self.get_health = async_to_raw_response_wrapper(client.get_health)


class AsyncClientWithStreamedResponse:
    """AsyncClient methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.list_books = async_to_streamed_response_wrapper(client.list_books)
        self.create_book = async_to_streamed_response_wrapper(client.create_book)
        self.get_book = async_to_streamed_response_wrapper(client.get_book)
        self.update_book = async_to_streamed_response_wrapper(client.update_book)
        self.delete_book = async_to_streamed_response_wrapper(client.delete_book)
        self.download_audiobook = async_to_streamed_response_wrapper(
            client.download_audiobook
        )
        self.upload_scan = async_to_streamed_response_wrapper(client.upload_scan)
        self.recommend_books = async_to_streamed_response_wrapper(
            client.recommend_books
        )
        self.stream_library_events = async_to_streamed_response_wrapper(
            client.stream_library_events
        )
        self.search = async_to_streamed_response_wrapper(client.search)
        self.get_shelf = async_to_streamed_response_wrapper(client.get_shelf)
        self.get_reader = async_to_streamed_response_wrapper(client.get_reader)
        self.get_health = async_to_streamed_response_wrapper(client.get_health)
