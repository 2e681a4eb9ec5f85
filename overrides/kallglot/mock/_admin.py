"""Control endpoints under ``/_mock`` (outside the API, not in the spec) for driving a mock in another process.

``POST /_mock/faults`` takes ``{"action": <Faults method>, ...its keyword arguments}``, for example
``{"action": "fail_next", "count": 2, "status": 503, "retry_after": 1}``; ``GET /_mock/events`` lists the
recorded webhook events (``?type=session.ended`` filters); ``POST /_mock/reset`` forgets all state and faults.
They need no API key: the mock only listens on loopback.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from .._wire import loads
from ._context import MockContext
from ._errors import ApiError, json_response

FAULT_ACTIONS = frozenset(
    {
        "fail_next",
        "drop_next",
        "delay_next",
        "drop_stream",
        "expire_tokens",
        "fail_next_analyses",
        "set_credits",
        "set_organization_active",
        "clear",
    }
)


def _ctx(request: Request) -> MockContext:
    context: MockContext = request.app.state.mock
    return context


async def add_fault(request: Request) -> Response:
    try:
        body: Any = loads(await request.body())
    except ValueError:
        body = None
    if not isinstance(body, dict) or body.get("action") not in FAULT_ACTIONS:
        raise ApiError(400, f"Send {{'action': one of {sorted(FAULT_ACTIONS)}, ...arguments}}.", param="action")
    action = body.pop("action")
    try:
        getattr(_ctx(request).faults, action)(**body)
    except (TypeError, ValueError) as exc:
        raise ApiError(400, f"Bad arguments for {action}: {exc}") from None
    return json_response({"ok": True, "pending": _ctx(request).faults.pending()})


async def list_events(request: Request) -> Response:
    events = _ctx(request).state.events.list(request.query_params.get("type"))
    return json_response({"object": "list", "data": events, "has_more": False, "url": "/_mock/events"})


async def reset(request: Request) -> Response:
    _ctx(request).reset()
    return json_response({"ok": True})


def admin_routes() -> list[BaseRoute]:
    return [
        Route("/_mock/faults", add_fault, methods=["POST"]),
        Route("/_mock/events", list_events, methods=["GET"]),
        Route("/_mock/reset", reset, methods=["POST"]),
    ]
