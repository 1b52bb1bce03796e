"""Clients of the Library API: one method per operation, by resource.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from functools import cached_property
from typing import Literal, overload

from . import models, params
from . import models as _api_models
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._pagination import AsyncPaginator, SyncCursorPage
from ._request import RequestOptions, path_param
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

    @cached_property
    def books(self) -> BooksResource:
        return BooksResource(self)

    @cached_property
    def scans(self) -> ScansResource:
        return ScansResource(self)

    @cached_property
    def recommendations(self) -> RecommendationsResource:
        return RecommendationsResource(self)

    @cached_property
    def events(self) -> EventsResource:
        return EventsResource(self)

    @cached_property
    def search(self) -> SearchResource:
        return SearchResource(self)

    @cached_property
    def shelves(self) -> ShelvesResource:
        return ShelvesResource(self)

    @cached_property
    def readers(self) -> ReadersResource:
        return ReadersResource(self)

    @cached_property
    def health(self) -> HealthResource:
        return HealthResource(self)


class BooksResource:
    """The ``client.books`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> BooksResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return BooksResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BooksResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return BooksResourceWithStreamedResponse(self)

    def list(
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
        request_options = RequestOptions(
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
        return self._client._request_page(request_options, item_type=_api_models.Book)

    def create(
        self,
        *,
        title: str,
        format: models.Format | NotGiven = NOT_GIVEN,
        genre: models.Genre | NotGiven = NOT_GIVEN,
        tags: builtins.list[str] | NotGiven = NOT_GIVEN,
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
        request_options = RequestOptions(
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
        response: _api_models.Book = self._client._request(
            request_options, cast_to=_api_models.Book
        )
        return response

    def retrieve(
        self,
        book_id: models.BookId,
        *,
        expand: builtins.list[Literal["author", "loans"]] | NotGiven = NOT_GIVEN,
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
        request_options = RequestOptions(
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
        response: _api_models.Book = self._client._request(
            request_options, cast_to=_api_models.Book
        )
        return response

    def update(
        self,
        book_id: models.BookId,
        *,
        title: str | NotGiven = NOT_GIVEN,
        subtitle: str | None | NotGiven = NOT_GIVEN,
        author: params.AuthorParam | models.Author | None | NotGiven = NOT_GIVEN,
        format_hint: Literal["large-print", "braille"] | None | NotGiven = NOT_GIVEN,
        genres: builtins.list[models.Genre] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Book:
        """Change a book

        Args:
          book_id: The book's id.
          subtitle: `null` removes the subtitle."""
        request_options = RequestOptions(
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
        response: _api_models.Book = self._client._request(
            request_options, cast_to=_api_models.Book
        )
        return response

    def delete(
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
        request_options = RequestOptions(
            method="DELETE",
            path=f"/books/{path_param(book_id)}",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        self._client._request(request_options, cast_to=None)

    def audio(
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
        request_options = RequestOptions(
            method="GET",
            path=f"/books/{path_param(book_id)}/audio",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self._client._request_binary(request_options)


class ScansResource:
    """The ``client.scans`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> ScansResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return ScansResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ScansResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return ScansResourceWithStreamedResponse(self)

    def create(
        self,
        *,
        file: FileTypes,
        pages: builtins.list[FileTypes] | NotGiven = NOT_GIVEN,
        labels: builtins.list[str] | NotGiven = NOT_GIVEN,
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
        request_options = RequestOptions(
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
        response: _api_models.Upload = self._client._request(
            request_options, cast_to=_api_models.Upload
        )
        return response


class RecommendationsResource:
    """The ``client.recommendations`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> RecommendationsResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return RecommendationsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> RecommendationsResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return RecommendationsResourceWithStreamedResponse(self)

    @overload
    def create(
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
    def create(
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
    def create(
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

    def create(
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
        request_options = RequestOptions(
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
            return self._client._request_stream(
                request_options, event_type=_api_models.RecommendationEvent
            )
        response: _api_models.Recommendation = self._client._request(
            request_options, cast_to=_api_models.Recommendation
        )
        return response


class EventsResource:
    """The ``client.events`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> EventsResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return EventsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> EventsResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return EventsResourceWithStreamedResponse(self)

    def list(
        self,
        *,
        since: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Stream[models.LibraryEvent]:
        """Follow library events"""
        request_options = RequestOptions(
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
        return self._client._request_stream(
            request_options, event_type=_api_models.LibraryEvent
        )


class SearchResource:
    """The ``client.search`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> SearchResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return SearchResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> SearchResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return SearchResourceWithStreamedResponse(self)

    def create(
        self,
        *,
        min_score: float | NotGiven = NOT_GIVEN,
        body: params.SearchQueryParam | models.SearchQuery,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.PublicationList:
        """Search the catalogue

        Args:
          body: Search by title, by author or by ISBN."""
        request_options = RequestOptions(
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
        response: _api_models.PublicationList = self._client._request(
            request_options, cast_to=_api_models.PublicationList
        )
        return response


class ShelvesResource:
    """The ``client.shelves`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> ShelvesResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return ShelvesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ShelvesResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return ShelvesResourceWithStreamedResponse(self)

    def retrieve(
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
        request_options = RequestOptions(
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
        response: _api_models.Shelf = self._client._request(
            request_options, cast_to=_api_models.Shelf
        )
        return response


class ReadersResource:
    """The ``client.readers`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> ReadersResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return ReadersResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ReadersResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return ReadersResourceWithStreamedResponse(self)

    def retrieve(
        self,
        reader_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Reader:
        """Get a reader with their loans"""
        request_options = RequestOptions(
            method="GET",
            path=f"/readers/{path_param(reader_id)}",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Reader = self._client._request(
            request_options, cast_to=_api_models.Reader
        )
        return response


class HealthResource:
    """The ``client.health`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> HealthResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return HealthResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> HealthResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return HealthResourceWithStreamedResponse(self)

    def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> None:
        """Health check"""
        request_options = RequestOptions(
            method="GET",
            path="/health",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        self._client._request(request_options, cast_to=None)


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

    @cached_property
    def books(self) -> AsyncBooksResource:
        return AsyncBooksResource(self)

    @cached_property
    def scans(self) -> AsyncScansResource:
        return AsyncScansResource(self)

    @cached_property
    def recommendations(self) -> AsyncRecommendationsResource:
        return AsyncRecommendationsResource(self)

    @cached_property
    def events(self) -> AsyncEventsResource:
        return AsyncEventsResource(self)

    @cached_property
    def search(self) -> AsyncSearchResource:
        return AsyncSearchResource(self)

    @cached_property
    def shelves(self) -> AsyncShelvesResource:
        return AsyncShelvesResource(self)

    @cached_property
    def readers(self) -> AsyncReadersResource:
        return AsyncReadersResource(self)

    @cached_property
    def health(self) -> AsyncHealthResource:
        return AsyncHealthResource(self)


class AsyncBooksResource:
    """The ``client.books`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncBooksResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncBooksResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBooksResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncBooksResourceWithStreamedResponse(self)

    def list(
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
        request_options = RequestOptions(
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
        return self._client._request_page(request_options, item_type=_api_models.Book)

    async def create(
        self,
        *,
        title: str,
        format: models.Format | NotGiven = NOT_GIVEN,
        genre: models.Genre | NotGiven = NOT_GIVEN,
        tags: builtins.list[str] | NotGiven = NOT_GIVEN,
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
        request_options = RequestOptions(
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
        response: _api_models.Book = await self._client._request(
            request_options, cast_to=_api_models.Book
        )
        return response

    async def retrieve(
        self,
        book_id: models.BookId,
        *,
        expand: builtins.list[Literal["author", "loans"]] | NotGiven = NOT_GIVEN,
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
        request_options = RequestOptions(
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
        response: _api_models.Book = await self._client._request(
            request_options, cast_to=_api_models.Book
        )
        return response

    async def update(
        self,
        book_id: models.BookId,
        *,
        title: str | NotGiven = NOT_GIVEN,
        subtitle: str | None | NotGiven = NOT_GIVEN,
        author: params.AuthorParam | models.Author | None | NotGiven = NOT_GIVEN,
        format_hint: Literal["large-print", "braille"] | None | NotGiven = NOT_GIVEN,
        genres: builtins.list[models.Genre] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Book:
        """Change a book

        Args:
          book_id: The book's id.
          subtitle: `null` removes the subtitle."""
        request_options = RequestOptions(
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
        response: _api_models.Book = await self._client._request(
            request_options, cast_to=_api_models.Book
        )
        return response

    async def delete(
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
        request_options = RequestOptions(
            method="DELETE",
            path=f"/books/{path_param(book_id)}",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        await self._client._request(request_options, cast_to=None)

    async def audio(
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
        request_options = RequestOptions(
            method="GET",
            path=f"/books/{path_param(book_id)}/audio",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return await self._client._request_binary(request_options)


class AsyncScansResource:
    """The ``client.scans`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncScansResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncScansResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncScansResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncScansResourceWithStreamedResponse(self)

    async def create(
        self,
        *,
        file: FileTypes,
        pages: builtins.list[FileTypes] | NotGiven = NOT_GIVEN,
        labels: builtins.list[str] | NotGiven = NOT_GIVEN,
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
        request_options = RequestOptions(
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
        response: _api_models.Upload = await self._client._request(
            request_options, cast_to=_api_models.Upload
        )
        return response


class AsyncRecommendationsResource:
    """The ``client.recommendations`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncRecommendationsResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncRecommendationsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(
        self,
    ) -> AsyncRecommendationsResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncRecommendationsResourceWithStreamedResponse(self)

    @overload
    async def create(
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
    async def create(
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
    async def create(
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

    async def create(
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
        request_options = RequestOptions(
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
            return await self._client._request_stream(
                request_options, event_type=_api_models.RecommendationEvent
            )
        response: _api_models.Recommendation = await self._client._request(
            request_options, cast_to=_api_models.Recommendation
        )
        return response


class AsyncEventsResource:
    """The ``client.events`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncEventsResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncEventsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncEventsResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncEventsResourceWithStreamedResponse(self)

    async def list(
        self,
        *,
        since: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[models.LibraryEvent]:
        """Follow library events"""
        request_options = RequestOptions(
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
        return await self._client._request_stream(
            request_options, event_type=_api_models.LibraryEvent
        )


class AsyncSearchResource:
    """The ``client.search`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncSearchResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncSearchResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncSearchResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncSearchResourceWithStreamedResponse(self)

    async def create(
        self,
        *,
        min_score: float | NotGiven = NOT_GIVEN,
        body: params.SearchQueryParam | models.SearchQuery,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.PublicationList:
        """Search the catalogue

        Args:
          body: Search by title, by author or by ISBN."""
        request_options = RequestOptions(
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
        response: _api_models.PublicationList = await self._client._request(
            request_options, cast_to=_api_models.PublicationList
        )
        return response


class AsyncShelvesResource:
    """The ``client.shelves`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncShelvesResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncShelvesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncShelvesResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncShelvesResourceWithStreamedResponse(self)

    async def retrieve(
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
        request_options = RequestOptions(
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
        response: _api_models.Shelf = await self._client._request(
            request_options, cast_to=_api_models.Shelf
        )
        return response


class AsyncReadersResource:
    """The ``client.readers`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncReadersResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncReadersResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncReadersResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncReadersResourceWithStreamedResponse(self)

    async def retrieve(
        self,
        reader_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.Reader:
        """Get a reader with their loans"""
        request_options = RequestOptions(
            method="GET",
            path=f"/readers/{path_param(reader_id)}",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.Reader = await self._client._request(
            request_options, cast_to=_api_models.Reader
        )
        return response


class AsyncHealthResource:
    """The ``client.health`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncHealthResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncHealthResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncHealthResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncHealthResourceWithStreamedResponse(self)

    async def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> None:
        """Health check"""
        request_options = RequestOptions(
            method="GET",
            path="/health",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        await self._client._request(request_options, cast_to=None)


class ClientWithRawResponse:
    """Client methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @cached_property
    def books(self) -> BooksResourceWithRawResponse:
        return BooksResourceWithRawResponse(self._client.books)

    @cached_property
    def scans(self) -> ScansResourceWithRawResponse:
        return ScansResourceWithRawResponse(self._client.scans)

    @cached_property
    def recommendations(self) -> RecommendationsResourceWithRawResponse:
        return RecommendationsResourceWithRawResponse(self._client.recommendations)

    @cached_property
    def events(self) -> EventsResourceWithRawResponse:
        return EventsResourceWithRawResponse(self._client.events)

    @cached_property
    def search(self) -> SearchResourceWithRawResponse:
        return SearchResourceWithRawResponse(self._client.search)

    @cached_property
    def shelves(self) -> ShelvesResourceWithRawResponse:
        return ShelvesResourceWithRawResponse(self._client.shelves)

    @cached_property
    def readers(self) -> ReadersResourceWithRawResponse:
        return ReadersResourceWithRawResponse(self._client.readers)

    @cached_property
    def health(self) -> HealthResourceWithRawResponse:
        return HealthResourceWithRawResponse(self._client.health)


class ClientWithStreamedResponse:
    """Client methods returning their unread response in a context manager."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @cached_property
    def books(self) -> BooksResourceWithStreamedResponse:
        return BooksResourceWithStreamedResponse(self._client.books)

    @cached_property
    def scans(self) -> ScansResourceWithStreamedResponse:
        return ScansResourceWithStreamedResponse(self._client.scans)

    @cached_property
    def recommendations(self) -> RecommendationsResourceWithStreamedResponse:
        return RecommendationsResourceWithStreamedResponse(self._client.recommendations)

    @cached_property
    def events(self) -> EventsResourceWithStreamedResponse:
        return EventsResourceWithStreamedResponse(self._client.events)

    @cached_property
    def search(self) -> SearchResourceWithStreamedResponse:
        return SearchResourceWithStreamedResponse(self._client.search)

    @cached_property
    def shelves(self) -> ShelvesResourceWithStreamedResponse:
        return ShelvesResourceWithStreamedResponse(self._client.shelves)

    @cached_property
    def readers(self) -> ReadersResourceWithStreamedResponse:
        return ReadersResourceWithStreamedResponse(self._client.readers)

    @cached_property
    def health(self) -> HealthResourceWithStreamedResponse:
        return HealthResourceWithStreamedResponse(self._client.health)


class AsyncClientWithRawResponse:
    """AsyncClient methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @cached_property
    def books(self) -> AsyncBooksResourceWithRawResponse:
        return AsyncBooksResourceWithRawResponse(self._client.books)

    @cached_property
    def scans(self) -> AsyncScansResourceWithRawResponse:
        return AsyncScansResourceWithRawResponse(self._client.scans)

    @cached_property
    def recommendations(self) -> AsyncRecommendationsResourceWithRawResponse:
        return AsyncRecommendationsResourceWithRawResponse(self._client.recommendations)

    @cached_property
    def events(self) -> AsyncEventsResourceWithRawResponse:
        return AsyncEventsResourceWithRawResponse(self._client.events)

    @cached_property
    def search(self) -> AsyncSearchResourceWithRawResponse:
        return AsyncSearchResourceWithRawResponse(self._client.search)

    @cached_property
    def shelves(self) -> AsyncShelvesResourceWithRawResponse:
        return AsyncShelvesResourceWithRawResponse(self._client.shelves)

    @cached_property
    def readers(self) -> AsyncReadersResourceWithRawResponse:
        return AsyncReadersResourceWithRawResponse(self._client.readers)

    @cached_property
    def health(self) -> AsyncHealthResourceWithRawResponse:
        return AsyncHealthResourceWithRawResponse(self._client.health)


class AsyncClientWithStreamedResponse:
    """AsyncClient methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @cached_property
    def books(self) -> AsyncBooksResourceWithStreamedResponse:
        return AsyncBooksResourceWithStreamedResponse(self._client.books)

    @cached_property
    def scans(self) -> AsyncScansResourceWithStreamedResponse:
        return AsyncScansResourceWithStreamedResponse(self._client.scans)

    @cached_property
    def recommendations(self) -> AsyncRecommendationsResourceWithStreamedResponse:
        return AsyncRecommendationsResourceWithStreamedResponse(
            self._client.recommendations
        )

    @cached_property
    def events(self) -> AsyncEventsResourceWithStreamedResponse:
        return AsyncEventsResourceWithStreamedResponse(self._client.events)

    @cached_property
    def search(self) -> AsyncSearchResourceWithStreamedResponse:
        return AsyncSearchResourceWithStreamedResponse(self._client.search)

    @cached_property
    def shelves(self) -> AsyncShelvesResourceWithStreamedResponse:
        return AsyncShelvesResourceWithStreamedResponse(self._client.shelves)

    @cached_property
    def readers(self) -> AsyncReadersResourceWithStreamedResponse:
        return AsyncReadersResourceWithStreamedResponse(self._client.readers)

    @cached_property
    def health(self) -> AsyncHealthResourceWithStreamedResponse:
        return AsyncHealthResourceWithStreamedResponse(self._client.health)


class BooksResourceWithRawResponse:
    """BooksResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: BooksResource) -> None:
        self._client = client
        self.list = to_raw_response_wrapper(client.list)
        self.create = to_raw_response_wrapper(client.create)
        self.retrieve = to_raw_response_wrapper(client.retrieve)
        self.update = to_raw_response_wrapper(client.update)
        self.delete = to_raw_response_wrapper(client.delete)
        self.audio = to_raw_response_wrapper(client.audio)


class BooksResourceWithStreamedResponse:
    """BooksResource methods returning their unread response in a context manager."""

    def __init__(self, client: BooksResource) -> None:
        self._client = client
        self.list = to_streamed_response_wrapper(client.list)
        self.create = to_streamed_response_wrapper(client.create)
        self.retrieve = to_streamed_response_wrapper(client.retrieve)
        self.update = to_streamed_response_wrapper(client.update)
        self.delete = to_streamed_response_wrapper(client.delete)
        self.audio = to_streamed_response_wrapper(client.audio)


class AsyncBooksResourceWithRawResponse:
    """AsyncBooksResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncBooksResource) -> None:
        self._client = client
        self.list = async_to_raw_response_wrapper(client.list)
        self.create = async_to_raw_response_wrapper(client.create)
        self.retrieve = async_to_raw_response_wrapper(client.retrieve)
        self.update = async_to_raw_response_wrapper(client.update)
        self.delete = async_to_raw_response_wrapper(client.delete)
        self.audio = async_to_raw_response_wrapper(client.audio)


class AsyncBooksResourceWithStreamedResponse:
    """AsyncBooksResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncBooksResource) -> None:
        self._client = client
        self.list = async_to_streamed_response_wrapper(client.list)
        self.create = async_to_streamed_response_wrapper(client.create)
        self.retrieve = async_to_streamed_response_wrapper(client.retrieve)
        self.update = async_to_streamed_response_wrapper(client.update)
        self.delete = async_to_streamed_response_wrapper(client.delete)
        self.audio = async_to_streamed_response_wrapper(client.audio)


class ScansResourceWithRawResponse:
    """ScansResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: ScansResource) -> None:
        self._client = client
        self.create = to_raw_response_wrapper(client.create)


class ScansResourceWithStreamedResponse:
    """ScansResource methods returning their unread response in a context manager."""

    def __init__(self, client: ScansResource) -> None:
        self._client = client
        self.create = to_streamed_response_wrapper(client.create)


class AsyncScansResourceWithRawResponse:
    """AsyncScansResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncScansResource) -> None:
        self._client = client
        self.create = async_to_raw_response_wrapper(client.create)


class AsyncScansResourceWithStreamedResponse:
    """AsyncScansResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncScansResource) -> None:
        self._client = client
        self.create = async_to_streamed_response_wrapper(client.create)


class RecommendationsResourceWithRawResponse:
    """RecommendationsResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: RecommendationsResource) -> None:
        self._client = client
        self.create = to_raw_response_wrapper(client.create)


class RecommendationsResourceWithStreamedResponse:
    """RecommendationsResource methods returning their unread response in a context manager."""

    def __init__(self, client: RecommendationsResource) -> None:
        self._client = client
        self.create = to_streamed_response_wrapper(client.create)


class AsyncRecommendationsResourceWithRawResponse:
    """AsyncRecommendationsResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncRecommendationsResource) -> None:
        self._client = client
        self.create = async_to_raw_response_wrapper(client.create)


class AsyncRecommendationsResourceWithStreamedResponse:
    """AsyncRecommendationsResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncRecommendationsResource) -> None:
        self._client = client
        self.create = async_to_streamed_response_wrapper(client.create)


class EventsResourceWithRawResponse:
    """EventsResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: EventsResource) -> None:
        self._client = client
        self.list = to_raw_response_wrapper(client.list)


class EventsResourceWithStreamedResponse:
    """EventsResource methods returning their unread response in a context manager."""

    def __init__(self, client: EventsResource) -> None:
        self._client = client
        self.list = to_streamed_response_wrapper(client.list)


class AsyncEventsResourceWithRawResponse:
    """AsyncEventsResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncEventsResource) -> None:
        self._client = client
        self.list = async_to_raw_response_wrapper(client.list)


class AsyncEventsResourceWithStreamedResponse:
    """AsyncEventsResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncEventsResource) -> None:
        self._client = client
        self.list = async_to_streamed_response_wrapper(client.list)


class SearchResourceWithRawResponse:
    """SearchResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: SearchResource) -> None:
        self._client = client
        self.create = to_raw_response_wrapper(client.create)


class SearchResourceWithStreamedResponse:
    """SearchResource methods returning their unread response in a context manager."""

    def __init__(self, client: SearchResource) -> None:
        self._client = client
        self.create = to_streamed_response_wrapper(client.create)


class AsyncSearchResourceWithRawResponse:
    """AsyncSearchResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncSearchResource) -> None:
        self._client = client
        self.create = async_to_raw_response_wrapper(client.create)


class AsyncSearchResourceWithStreamedResponse:
    """AsyncSearchResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncSearchResource) -> None:
        self._client = client
        self.create = async_to_streamed_response_wrapper(client.create)


class ShelvesResourceWithRawResponse:
    """ShelvesResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: ShelvesResource) -> None:
        self._client = client
        self.retrieve = to_raw_response_wrapper(client.retrieve)


class ShelvesResourceWithStreamedResponse:
    """ShelvesResource methods returning their unread response in a context manager."""

    def __init__(self, client: ShelvesResource) -> None:
        self._client = client
        self.retrieve = to_streamed_response_wrapper(client.retrieve)


class AsyncShelvesResourceWithRawResponse:
    """AsyncShelvesResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncShelvesResource) -> None:
        self._client = client
        self.retrieve = async_to_raw_response_wrapper(client.retrieve)


class AsyncShelvesResourceWithStreamedResponse:
    """AsyncShelvesResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncShelvesResource) -> None:
        self._client = client
        self.retrieve = async_to_streamed_response_wrapper(client.retrieve)


class ReadersResourceWithRawResponse:
    """ReadersResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: ReadersResource) -> None:
        self._client = client
        self.retrieve = to_raw_response_wrapper(client.retrieve)


class ReadersResourceWithStreamedResponse:
    """ReadersResource methods returning their unread response in a context manager."""

    def __init__(self, client: ReadersResource) -> None:
        self._client = client
        self.retrieve = to_streamed_response_wrapper(client.retrieve)


class AsyncReadersResourceWithRawResponse:
    """AsyncReadersResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncReadersResource) -> None:
        self._client = client
        self.retrieve = async_to_raw_response_wrapper(client.retrieve)


class AsyncReadersResourceWithStreamedResponse:
    """AsyncReadersResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncReadersResource) -> None:
        self._client = client
        self.retrieve = async_to_streamed_response_wrapper(client.retrieve)


class HealthResourceWithRawResponse:
    """HealthResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: HealthResource) -> None:
        self._client = client
        self.list = to_raw_response_wrapper(client.list)


class HealthResourceWithStreamedResponse:
    """HealthResource methods returning their unread response in a context manager."""

    def __init__(self, client: HealthResource) -> None:
        self._client = client
        self.list = to_streamed_response_wrapper(client.list)


class AsyncHealthResourceWithRawResponse:
    """AsyncHealthResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncHealthResource) -> None:
        self._client = client
        self.list = async_to_raw_response_wrapper(client.list)


class AsyncHealthResourceWithStreamedResponse:
    """AsyncHealthResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncHealthResource) -> None:
        self._client = client
        self.list = async_to_streamed_response_wrapper(client.list)
