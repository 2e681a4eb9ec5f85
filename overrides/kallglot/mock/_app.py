"""Assemble one mock: routes, the API middleware and the error handlers, around one :class:`MockState`."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match

from ._admin import admin_routes
from ._config import MockConfig
from ._context import MockContext, create_context
from ._errors import ApiError
from ._events import EventLog
from ._faults import Faults
from ._middleware import ApiMiddleware
from ._rest import rest_routes
from ._state import MockState
from ._stream import stream_routes


class MockApp(Starlette):
    """The mock's ASGI application, with handles on its state, faults and events."""

    def __init__(self, context: MockContext) -> None:
        super().__init__(
            routes=[*rest_routes(), *stream_routes(), *admin_routes()],
            middleware=[Middleware(ApiMiddleware, context=context)],
            exception_handlers={ApiError: _api_error, HTTPException: _http_error},
        )
        self.state.mock = context
        self.context = context

    @property
    def mock_state(self) -> MockState:
        return self.context.state

    @property
    def faults(self) -> Faults:
        return self.context.faults

    @property
    def events(self) -> EventLog:
        return self.context.state.events


def create_app(config: MockConfig | None = None, *, state: MockState | None = None) -> MockApp:
    """A fresh mock API as an ASGI app, for ``httpx.ASGITransport`` or any ASGI server.

    Pass ``config`` to tune it, or an existing ``state`` to share one world between apps. In-process (without
    :func:`kallglot.mock.serve`) a "dropped connection" fault raises ``ConnectionResetError`` in the caller and a
    dropped stream closes with code 1011, because there is no socket to cut.
    """
    return MockApp(create_context(state or MockState(config)))


def _known_without_prefix(request: Request) -> bool:
    path = request.url.path
    if path == "/v1" or path.startswith(("/v1/", "/_mock/")):
        return False
    scope = {**request.scope, "path": "/v1" + path}
    return any(route.matches(scope)[0] != Match.NONE for route in request.app.routes)


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return exc.response(getattr(request.state, "request_id", None))


async def _http_error(request: Request, exc: Exception) -> Response:
    # Starlette's own 404/405: give them the envelope too.
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        message = f"Unrecognized request URL ({request.method} {request.url.path})."
        if _known_without_prefix(request):
            # The usual cause: a base URL without /v1 (http://127.0.0.1:12111 instead of …/v1).
            message += f" API paths start with /v1: did you mean /v1{request.url.path}?"
            message += " Set the client's base URL to end in /v1."
        error = ApiError(404, message, code="not_found")
    elif exc.status_code == 405:
        error = ApiError(405, f"{request.method} is not allowed on {request.url.path}.")
    else:
        error = ApiError(exc.status_code, str(exc.detail))
    response = error.response(getattr(request.state, "request_id", None))
    if exc.headers:
        response.headers.update(exc.headers)
    return response
