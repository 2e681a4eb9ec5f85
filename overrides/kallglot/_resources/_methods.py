"""The methods made from an operation: one maker per surface (``raw``, ``parsed``, ``araw``, ``aparsed``) and per
pager (``pages``, ``apages``); ``_base`` explains how resources use them.

A made method looks written by hand on its class: ``help()`` and ``inspect.signature`` show the operation's
parameters (``**options: Unpack[RequestOptions]`` spelt out as the keywords it stands for) and that surface's
return type, and a wrong argument raises a ``TypeError`` naming the method the caller called.
"""

from __future__ import annotations

import functools
import inspect
import re
import typing
from collections.abc import Callable, Coroutine, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, Generic, NamedTuple, ParamSpec, TypeVar

from .._pagination import AsyncPager, ItemT, PageT, SyncPager
from .._request_spec import BodyRequestOptions, RequestOptions, RequestSpec

if TYPE_CHECKING:
    from .._client import AsyncKallglot, Kallglot
    from .._response import APIResponse
    from ._base import Resource

P = ParamSpec("P")
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

_PREPARED = re.compile(r"Prepared\[(.+)\]")
_UNPACK = re.compile(r"Unpack\[(\w+)\]")
_OPTIONS: dict[str, type] = {"RequestOptions": RequestOptions, "BodyRequestOptions": BodyRequestOptions}
_SELF = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)


class Prepared(NamedTuple, Generic[T]):
    """What an operation returns: the request to send, and the model its answer is parsed into."""

    spec: RequestSpec
    model: type[T]


def _model_name(annotation: Any) -> str:
    """``Session`` for a ``Prepared[Session]`` annotation (a string under postponed evaluation, or a type)."""
    if isinstance(annotation, str):
        match = _PREPARED.fullmatch(annotation)
        return match.group(1) if match else annotation
    (model,) = typing.get_args(annotation)
    return str(getattr(model, "__name__", model))


def _spelt_out(parameters: Iterable[inspect.Parameter]) -> list[inspect.Parameter]:
    """``parameters`` with ``**options: Unpack[RequestOptions]`` spelt out as the keywords it stands for."""
    spelt: list[inspect.Parameter] = []
    for parameter in parameters:
        unpack = _UNPACK.fullmatch(str(parameter.annotation)) if parameter.kind is parameter.VAR_KEYWORD else None
        if unpack is None:
            spelt.append(parameter)
            continue
        for name, hint in _OPTIONS[unpack.group(1)].__annotations__.items():
            annotation = getattr(hint, "__forward_arg__", hint)  # the source text, as help() shows the others
            spelt.append(inspect.Parameter(name, parameter.KEYWORD_ONLY, default=None, annotation=annotation))
    return spelt


def _dress(method: F, op: Callable[..., Any], returns: str, doc: str | None = None) -> F:
    """Give ``method`` the operation's parameters (after ``self``, and the per-request options spelt out) and
    docstring (or ``doc``), returning ``returns`` with the model's name in place of ``{}``."""
    functools.update_wrapper(method, op)
    method.__doc__ = doc or op.__doc__
    signature = inspect.signature(op)
    result = returns.format(_model_name(signature.return_annotation))
    parameters = [_SELF, *_spelt_out(signature.parameters.values())]
    method.__signature__ = signature.replace(parameters=parameters, return_annotation=result)  # type: ignore[attr-defined]
    hints = {p.name: p.annotation for p in parameters if p.annotation is not p.empty}
    method.__annotations__ = {**hints, "return": result}
    method._kallglot_operation = op  # type: ignore[attr-defined]
    return method


def _prepare(
    method: Callable[..., Any], op: Callable[..., Prepared[T]], args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> Prepared[T]:
    try:
        return op(*args, **kwargs)
    except (TypeError, ValueError):
        # Arguments that do not bind to the method's signature (options spelt out) are the error to report,
        # whatever a check inside noticed first, under the public name; a bad value is re-raised unchanged.
        try:
            inspect.signature(method).bind(None, *args, **kwargs)
        except TypeError as bind_error:
            raise TypeError(f"{method.__qualname__}() {bind_error}") from None
        raise


def raw(op: Callable[P, Prepared[T]]) -> Callable[Concatenate[Any, P], APIResponse[T]]:
    """``Kallglot``'s ``X.with_raw_response.name``: the parsed model with the response's headers."""

    def method(self: Resource[Kallglot], /, *args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        spec, model = _prepare(method, op, args, kwargs)
        return self._client._request(spec, model)

    return _dress(method, op, "APIResponse[{}]")


def parsed(op: Callable[P, Prepared[T]]) -> Callable[Concatenate[Any, P], T]:
    """``Kallglot``'s ``X.name``: the parsed model."""

    def method(self: Resource[Kallglot], /, *args: P.args, **kwargs: P.kwargs) -> T:
        spec, model = _prepare(method, op, args, kwargs)
        return self._client._request(spec, model).parsed

    return _dress(method, op, "{}")


def araw(op: Callable[P, Prepared[T]]) -> Callable[Concatenate[Any, P], Coroutine[Any, Any, APIResponse[T]]]:
    """``AsyncKallglot``'s ``X.with_raw_response.name``."""

    async def method(self: Resource[AsyncKallglot], /, *args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        spec, model = _prepare(method, op, args, kwargs)
        return await self._client._request(spec, model)

    return _dress(method, op, "APIResponse[{}]")


def aparsed(op: Callable[P, Prepared[T]]) -> Callable[Concatenate[Any, P], Coroutine[Any, Any, T]]:
    """``AsyncKallglot``'s ``X.name``."""

    async def method(self: Resource[AsyncKallglot], /, *args: P.args, **kwargs: P.kwargs) -> T:
        spec, model = _prepare(method, op, args, kwargs)
        return (await self._client._request(spec, model)).parsed

    return _dress(method, op, "{}")


class _Cursor(Generic[T]):
    """A list call's arguments, checked once; ``page`` prepares the same call at other cursors."""

    def __init__(
        self, method: Callable[..., Any], op: Callable[..., Prepared[T]], args: tuple[Any, ...], kwargs: Any
    ) -> None:
        _prepare(method, op, args, kwargs)  # every argument is checked before the first page is asked for
        self._op = op
        self._bound = inspect.signature(op).bind(*args, **kwargs)
        self.starting_after: str | None = self._bound.arguments.get("starting_after")
        self.ending_before: str | None = self._bound.arguments.get("ending_before")

    def page(self, starting_after: str | None, ending_before: str | None) -> Prepared[T]:
        self._bound.arguments.update(starting_after=starting_after, ending_before=ending_before)
        return self._op(*self._bound.args, **self._bound.kwargs)


def pages(
    op: Callable[P, Prepared[PageT]], item: type[ItemT], doc: str
) -> Callable[Concatenate[Any, P], SyncPager[ItemT, PageT]]:
    """``Kallglot``'s pager over a list operation: every item of every page, each page fetched when reached;
    ``doc`` is its docstring."""

    def method(self: Resource[Kallglot], /, *args: P.args, **kwargs: P.kwargs) -> SyncPager[ItemT, PageT]:
        cursor = _Cursor(method, op, args, kwargs)

        def fetch(starting_after: str | None, ending_before: str | None) -> PageT:
            spec, model = cursor.page(starting_after, ending_before)
            return self._client._request(spec, model).parsed

        return SyncPager(fetch, cursor.starting_after, cursor.ending_before)

    return _dress(method, op, f"SyncPager[{item.__name__}, {{}}]", doc)


def apages(
    op: Callable[P, Prepared[PageT]], item: type[ItemT], doc: str
) -> Callable[Concatenate[Any, P], AsyncPager[ItemT, PageT]]:
    """``AsyncKallglot``'s pager over a list operation (``async for``)."""

    def method(self: Resource[AsyncKallglot], /, *args: P.args, **kwargs: P.kwargs) -> AsyncPager[ItemT, PageT]:
        cursor = _Cursor(method, op, args, kwargs)

        async def fetch(starting_after: str | None, ending_before: str | None) -> PageT:
            spec, model = cursor.page(starting_after, ending_before)
            return (await self._client._request(spec, model)).parsed

        return AsyncPager(fetch, cursor.starting_after, cursor.ending_before)

    return _dress(method, op, f"AsyncPager[{item.__name__}, {{}}]", doc)
