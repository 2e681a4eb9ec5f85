"""Plain methods are the raw-response methods with ``.parsed`` taken, so the two surfaces cannot drift.

``parsed`` / ``aparsed`` turn ``XWithRawResponse.name`` into ``X.name`` and make the result look like a
method written by hand on ``X``: ``help()`` and ``inspect.signature`` show the parsed return type (``Session``,
not ``APIResponse[Session]``), and a wrong argument raises a ``TypeError`` naming ``X.name()``, the method
the caller actually called. This relies on the naming convention ``X`` / ``XWithRawResponse``.
"""

from __future__ import annotations

import functools
import inspect
import re
import typing
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from .._response import APIResponse

P = ParamSpec("P")
T = TypeVar("T")

_RAW_RESULT = re.compile(r"APIResponse\[(.+)\]")


def _parsed_return(annotation: Any) -> Any:
    """``X`` for an ``APIResponse[X]`` annotation (a string under postponed evaluation, or a type)."""
    if isinstance(annotation, str):
        match = _RAW_RESULT.fullmatch(annotation)
        return match.group(1) if match else annotation
    if typing.get_origin(annotation) is APIResponse:
        return typing.get_args(annotation)[0]
    return annotation


def _dress(method: Callable[..., Any], raw: Callable[..., Any]) -> Callable[..., None]:
    """Give ``method`` the public name and return type; return the check that renames its argument errors."""
    functools.update_wrapper(method, raw)
    owner, _, name = raw.__qualname__.rpartition(".")
    method.__qualname__ = f"{owner.replace('WithRawResponse', '')}.{name}"
    signature = inspect.signature(raw)
    returns = _parsed_return(signature.return_annotation)
    method.__signature__ = signature.replace(return_annotation=returns)  # type: ignore[attr-defined]
    method.__annotations__ = {**raw.__annotations__, "return": returns}

    def check(*args: Any, **kwargs: Any) -> None:
        # Binding fails only when the arguments are wrong, i.e. before the raw method ran at all: say so
        # with the public name. Any other TypeError came from inside the call and is re-raised unchanged.
        try:
            signature.bind(None, *args, **kwargs)
        except TypeError as bind_error:
            raise TypeError(f"{method.__qualname__}() {bind_error}") from None

    return check


def parsed(raw: Callable[Concatenate[Any, P], APIResponse[T]]) -> Callable[Concatenate[Any, P], T]:
    """Make ``Resource.name`` from ``ResourceWithRawResponse.name``."""

    def method(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            response = raw(self.with_raw_response, *args, **kwargs)
        except TypeError:
            check(*args, **kwargs)
            raise
        return response.parsed

    check = _dress(method, raw)
    return method


def aparsed(
    raw: Callable[Concatenate[Any, P], Awaitable[APIResponse[T]]],
) -> Callable[Concatenate[Any, P], Awaitable[T]]:
    """The asyncio twin of ``parsed``."""

    async def method(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            pending = raw(self.with_raw_response, *args, **kwargs)
        except TypeError:
            check(*args, **kwargs)
            raise
        return (await pending).parsed

    check = _dress(method, raw)
    return method
