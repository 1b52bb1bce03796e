"""Cursor pagination: ``{"data": [...], "has_more": ..., "last_id": ...}`` lists."""

from __future__ import annotations

import dataclasses
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Mapping,
)
from typing import Any, Generic, TypeVar

from ._models import BaseModel, construct
from ._request import RequestOptions

__all__ = ["SyncCursorPage", "AsyncCursorPage", "AsyncPaginator"]

_T = TypeVar("_T")
_PageT = TypeVar("_PageT")


class _CursorPage(Generic[_T, _PageT]):
    """One page of a list; the next is fetched with ``after=<cursor>``.

    The cursor is the ``id`` of the last item, else the page's ``last_id``.
    Keys other than ``data``, ``has_more``, ``first_id`` and ``last_id`` are
    kept in :attr:`model_extra`.
    """

    data: list[_T]
    has_more: bool
    first_id: str | None
    last_id: str | None
    model_extra: dict[str, object]

    def __init__(
        self,
        body: object,
        *,
        item_type: object,
        options: RequestOptions,
        fetch: Callable[[RequestOptions], _PageT],
        request_id: str | None = None,
    ) -> None:
        fields = dict(body) if isinstance(body, Mapping) else {}
        items = fields.pop("data", [])
        self.data = (
            [construct(item_type, item) for item in items]
            if isinstance(items, list)
            else []
        )
        self.has_more = fields.pop("has_more", False) is True
        self.first_id = _text(fields.pop("first_id", None))
        self.last_id = _text(fields.pop("last_id", None))
        self.model_extra = {str(key): value for key, value in fields.items()}
        self._options = options
        self._fetch = fetch
        #: The ``x-request-id`` of the response this page was read from.
        self._request_id = request_id

    def _cursor(self) -> str | None:
        if self.data:
            last = self.data[-1]
            if isinstance(last, BaseModel):
                item_id = getattr(last, "id", None)
            elif isinstance(last, Mapping):
                item_id = last.get("id")
            else:
                item_id = None
            if isinstance(item_id, str):
                return item_id
        return self.last_id

    def has_next_page(self) -> bool:
        """Whether the server reports more items after this page."""
        return self.has_more and bool(self.data) and self._cursor() is not None

    def _next_options(self) -> RequestOptions:
        """The request for the next page: this one with the cursor as ``after``."""
        options = self._options
        params = {**(options.params or {}), "after": self._cursor()}
        extra = {k: v for k, v in (options.extra_query or {}).items() if k != "after"}
        return dataclasses.replace(options, params=params, extra_query=extra)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(data={self.data!r}, has_more={self.has_more!r}, "
            f"first_id={self.first_id!r}, last_id={self.last_id!r})"
        )


class SyncCursorPage(_CursorPage[_T, "SyncCursorPage[_T]"]):
    """A page of a list; iterating it yields the items of every page."""

    def get_next_page(self) -> SyncCursorPage[_T]:
        if not self.has_next_page():
            raise RuntimeError("No next page; check has_next_page() first.")
        return self._fetch(self._next_options())

    def iter_pages(self) -> Iterator[SyncCursorPage[_T]]:
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[_T]:
        for page in self.iter_pages():
            yield from page.data


class AsyncCursorPage(_CursorPage[_T, Awaitable["AsyncCursorPage[_T]"]]):
    """A page of a list; ``async for`` yields the items of every page."""

    async def get_next_page(self) -> AsyncCursorPage[_T]:
        if not self.has_next_page():
            raise RuntimeError("No next page; check has_next_page() first.")
        return await self._fetch(self._next_options())

    async def iter_pages(self) -> AsyncIterator[AsyncCursorPage[_T]]:
        page = self
        yield page
        while page.has_next_page():
            page = await page.get_next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class AsyncPaginator(Generic[_T]):
    """What a list method of the asynchronous client returns, as in the
    official SDK: ``await`` it for the first :class:`AsyncCursorPage`, or
    ``async for`` over it for the items of every page.  Each ``await`` sends
    the request anew."""

    def __init__(
        self, first_page: Callable[[], Awaitable[AsyncCursorPage[_T]]]
    ) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, AsyncCursorPage[_T]]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for item in await self:
            yield item


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
