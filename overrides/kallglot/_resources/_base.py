"""Plain methods are the raw-response methods with ``.parsed`` taken, so the two surfaces cannot drift."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from .._response import APIResponse

P = ParamSpec("P")
T = TypeVar("T")


def parsed(raw: Callable[Concatenate[Any, P], APIResponse[T]]) -> Callable[Concatenate[Any, P], T]:
    """Make ``Resource.name`` from ``ResourceWithRawResponse.name``."""

    @functools.wraps(raw)
    def method(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return raw(self.with_raw_response, *args, **kwargs).parsed

    return method


def aparsed(
    raw: Callable[Concatenate[Any, P], Awaitable[APIResponse[T]]],
) -> Callable[Concatenate[Any, P], Awaitable[T]]:
    """The asyncio twin of ``parsed``."""

    @functools.wraps(raw)
    async def method(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return (await raw(self.with_raw_response, *args, **kwargs)).parsed

    return method
