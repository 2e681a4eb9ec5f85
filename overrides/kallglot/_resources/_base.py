"""Each API call is written once, as an operation, and declared once per resource; the surfaces' methods are made.

An operation is a plain function: it checks the caller's arguments and returns a ``Prepared`` (the request and
the model of its answer) without sending anything. A resource declares its operations once, in a mixin of
``Operation`` attributes; the four surfaces inherit it with a marker base (``SyncSurface`` for ``client.x``,
``SyncRawSurface`` for ``client.x.with_raw_response``, and their asyncio twins), and
``Resource.__init_subclass__`` replaces each declaration with the method of that surface (``parsed``, ``raw``,
``aparsed``, ``araw``), so no surface can drift from another and a call costs what a hand-written method does.
Type checkers see the declaration, whose ``__get__`` overloads give each surface its return type.

Each made method (``_methods``) looks written by hand on its class: ``help()`` and ``inspect.signature`` show the
operation's parameters and that surface's return type (``Session``, ``APIResponse[Session]``), and a wrong
argument raises a ``TypeError`` naming the method the caller called (``Sessions.create()``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, overload

from ._methods import Prepared, aparsed, araw, parsed, raw

if TYPE_CHECKING:
    from .._client import AsyncKallglot, Kallglot  # noqa: F401  (named in the string bases below)
    from .._response import APIResponse

P = ParamSpec("P")
T = TypeVar("T")
ClientT = TypeVar("ClientT")
S = TypeVar("S", bound="Resource[Any]")


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
