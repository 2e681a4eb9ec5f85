"""Each API call is written once, as an operation, and declared once per resource; the surfaces' methods are made.

An operation is a plain function: it checks the caller's arguments and returns a ``Prepared`` (the request and
the model of its answer) without sending anything. A resource declares its operations once, in a mixin of
``Operation`` attributes; the four surfaces inherit it with a marker base (``SyncSurface`` for ``client.x``,
``SyncRawSurface`` for ``client.x.with_raw_response``, and their asyncio twins), and
``Resource.__init_subclass__`` replaces each declaration with the method of that surface (``parsed``, ``raw``,
``aparsed``, ``araw``), so no surface can drift from another and a call costs what a hand-written method does.
Type checkers see the declaration, whose ``__get__`` overloads give each surface its return type.

Each made method looks written by hand on its class: ``help()`` and ``inspect.signature`` show the operation's
parameters and that surface's return type (``Session``, ``APIResponse[Session]``), and a wrong argument raises a
``TypeError`` naming the method the caller called (``Sessions.create()``). ``pages`` / ``apages`` make a pager
over a list operation the same way.
"""

from __future__ import annotations

import functools
import inspect
import re
import typing
from collections.abc import Callable, Coroutine, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, Generic, NamedTuple, ParamSpec, TypeVar, overload

from .._pagination import AsyncPager, ItemT, PageT, SyncPager
from .._request_spec import RequestSpec

if TYPE_CHECKING:
    from .._client import AsyncKallglot, Kallglot
    from .._response import APIResponse

P = ParamSpec("P")
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
ClientT = TypeVar("ClientT")
S = TypeVar("S", bound="Resource[Any]")

_PREPARED = re.compile(r"Prepared\[(.+)\]")
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


def _dress(method: F, op: Callable[..., Any], returns: str, doc: str | None = None) -> F:
    """Give ``method`` the operation's parameters (after ``self``) and docstring (or ``doc``), returning
    ``returns`` with the model's name in place of ``{}``."""
    functools.update_wrapper(method, op)
    method.__doc__ = doc or op.__doc__
    signature = inspect.signature(op)
    result = returns.format(_model_name(signature.return_annotation))
    parameters = [_SELF, *signature.parameters.values()]
    method.__signature__ = signature.replace(parameters=parameters, return_annotation=result)  # type: ignore[attr-defined]
    method.__annotations__ = {**op.__annotations__, "return": result}
    method._kallglot_operation = op  # type: ignore[attr-defined]
    return method


def _prepare(
    method: Callable[..., Any], op: Callable[..., Prepared[T]], args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> Prepared[T]:
    try:
        return op(*args, **kwargs)
    except TypeError:
        # Binding fails only when the arguments are wrong, i.e. before the operation ran at all: say so with
        # the public name. Any other TypeError came from inside (a bad value) and is re-raised unchanged.
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


class Operation(Generic[P, T]):
    """An operation declared as a method of every surface that inherits the declaration."""

    def __init__(self, op: Callable[P, Prepared[T]]) -> None:
        self.op = op

    @overload
    def __get__(self, obj: None, owner: type) -> Operation[P, T]: ...
    @overload
    def __get__(self, obj: SyncRawSurface, owner: type) -> Callable[P, APIResponse[T]]: ...
    @overload
    def __get__(self, obj: AsyncRawSurface, owner: type) -> Callable[P, Coroutine[Any, Any, APIResponse[T]]]: ...
    @overload
    def __get__(self, obj: SyncSurface, owner: type) -> Callable[P, T]: ...
    @overload
    def __get__(self, obj: AsyncSurface, owner: type) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, obj: object, owner: type) -> Any:
        if obj is None:
            return self
        # A surface never gets here: its class holds the made method, which shadows this declaration.
        raise TypeError(f"{owner.__qualname__} declares operations but is not a surface (see _resources._base)")


class Resource(Generic[ClientT]):
    """A resource (``client.sessions``) or one of its surfaces (``client.sessions.with_raw_response``)."""

    _make: Callable[[Callable[..., Prepared[Any]]], Callable[..., Any]] | None = None

    def __init__(self, client: ClientT) -> None:
        self._client = client

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        make = cls._make
        for name in dir(cls):
            declared = inspect.getattr_static(cls, name)
            if make is not None and isinstance(declared, Operation):
                setattr(cls, name, make(declared.op))
        for name, value in vars(cls).items():
            if hasattr(value, "_kallglot_operation"):  # made here; named for this class, not the operation
                value.__name__ = name
                value.__qualname__ = f"{cls.__qualname__}.{name}"


class SyncSurface(Resource["Kallglot"]):
    """``client.x`` of ``Kallglot`` (or a surface that declares no operations): operations return the model."""

    _make = staticmethod(parsed)


class SyncRawSurface(Resource["Kallglot"]):
    """``client.x.with_raw_response`` of ``Kallglot``: operations return ``APIResponse``."""

    _make = staticmethod(raw)


class AsyncSurface(Resource["AsyncKallglot"]):
    """``client.x`` of ``AsyncKallglot`` (or a surface that declares no operations)."""

    _make = staticmethod(aparsed)


class AsyncRawSurface(Resource["AsyncKallglot"]):
    """``client.x.with_raw_response`` of ``AsyncKallglot``."""

    _make = staticmethod(araw)


class Subsurface(Generic[S]):
    """``client.x.with_raw_response`` (or ``.with_streaming_response``): the ``surface`` class bound to the same
    client, made on first use and then kept on the instance."""

    def __init__(self, surface: type[S]) -> None:
        self._surface = surface

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Subsurface[S]: ...
    @overload
    def __get__(self, obj: Resource[Any], owner: type) -> S: ...
    def __get__(self, obj: Resource[Any] | None, owner: type) -> Subsurface[S] | S:
        if obj is None:
            return self
        made = obj.__dict__[self._name] = self._surface(obj._client)  # later lookups find it first
        return made
