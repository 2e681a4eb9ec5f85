"""Cursor pagination: iterate items across pages, each page fetched only when it is reached."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, Protocol, TypeVar


class _Item(Protocol):
    id: str


class _Page(Protocol):
    @property
    def data(self) -> list[Any]: ...
    @property
    def has_more(self) -> Any: ...


ItemT = TypeVar("ItemT", bound=_Item)
PageT = TypeVar("PageT", bound=_Page)


def next_cursor(page: _Page, backward: bool, previous: str | None) -> str | None:
    """The cursor of the page after ``page``, or ``None`` at the end (a repeated cursor also ends it)."""
    if page.has_more is not True or not page.data:
        return None
    cursor: str = page.data[0].id if backward else page.data[-1].id
    return None if cursor == previous else cursor


class SyncPager(Generic[ItemT, PageT]):
    """Iterate ``Recording`` objects across pages (``for r in pager``); ``pages()`` gives whole pages.

    Going forward (the default) each next page starts after the last item; given ``ending_before`` it walks
    backward, each next page ending before the first item of the last one.
    """

    def __init__(
        self, fetch: Callable[[str | None, str | None], PageT], starting_after: str | None, ending_before: str | None
    ) -> None:
        self._fetch = fetch
        self._backward = ending_before is not None
        self._first = ending_before if self._backward else starting_after

    def pages(self) -> Iterator[PageT]:
        cursor = self._first
        while True:
            page = self._fetch(None, cursor) if self._backward else self._fetch(cursor, None)
            yield page
            cursor = next_cursor(page, self._backward, cursor)
            if cursor is None:
                return

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.pages():
            yield from page.data


class AsyncPager(Generic[ItemT, PageT]):
    """The asyncio twin of ``SyncPager``: ``async for r in pager``; ``pages()`` is an async iterator."""

    def __init__(
        self,
        fetch: Callable[[str | None, str | None], Awaitable[PageT]],
        starting_after: str | None,
        ending_before: str | None,
    ) -> None:
        self._fetch = fetch
        self._backward = ending_before is not None
        self._first = ending_before if self._backward else starting_after

    async def pages(self) -> AsyncIterator[PageT]:
        cursor = self._first
        while True:
            page = await (self._fetch(None, cursor) if self._backward else self._fetch(cursor, None))
            yield page
            cursor = next_cursor(page, self._backward, cursor)
            if cursor is None:
                return

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in page.data:
                yield item
