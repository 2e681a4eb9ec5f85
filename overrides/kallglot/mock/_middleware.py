"""The one seam every HTTP request passes: request id, authentication, rate limit, faults, standard headers.

Runs as plain ASGI around the router, so the headers also land on 404/405 answers and on error envelopes:
``X-Request-ID`` and ``X-RateLimit-*`` on every response, ``X-API-Credits-*`` on every authenticated one.
WebSocket connections pass straight through (the stream authenticates with its token, see ``_stream``).
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any
from urllib.parse import parse_qs

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._context import MockContext, Window
from ._errors import ApiError
from ._faults import FaultPlan

logger = logging.getLogger("kallglot.mock")
_AUDIO_PATH = re.compile(r"^/v1/recordings/(?P<id>[^/]+)/audio$")


def api_key_of(headers: Headers) -> str | None:
    """The key from ``Authorization: Bearer …`` or ``X-API-Key`` (``None`` when neither is sent)."""
    authorization = headers.get("authorization", "")
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return headers.get("x-api-key") or None


class ApiMiddleware:
    """ASGI middleware applying the cross-cutting API behaviour of one mock app."""

    def __init__(self, app: ASGIApp, context: MockContext) -> None:
        self.app = app
        self.context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ctx = self.context
        ctx.state.tick()
        request_id = ctx.state.ids.new("req", 24)
        local = scope.setdefault("state", {})
        local["request_id"] = request_id
        path: str = scope["path"]
        headers = Headers(scope=scope)
        plan = FaultPlan()
        early: ApiError | None = None
        key: str | None = None
        if path == "/v1" or path.startswith("/v1/"):
            key = api_key_of(headers)
            if key is None or not ctx.state.config.accepts(key):
                key = None
                if not self._signed_download(path, scope):
                    early = _unauthorized(missing=api_key_of(headers) is None)
            bucket = f"key:{key}" if key else f"anonymous:{(scope.get('client') or ('', 0))[0]}"
            window = ctx.rate_limiter.hit(bucket)
            if early is None and key is not None:
                plan = ctx.faults.take(scope["method"], path)
                early = plan.error
            if early is None and window.retry_after is not None:
                early = ApiError(429, retry_after=window.retry_after)
        else:
            window = ctx.rate_limiter.hit("anonymous:local", count=False)
        limit = ctx.state.config.max_body_bytes
        if early is None and _declared_length(headers) > limit:
            early = _too_large(limit)
        local["faults"] = plan
        local["api_key"] = key
        received = 0

        async def bounded_receive() -> Message:
            # Chunked bodies declare no length: count what arrives and stop reading past the limit.
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _too_large(limit)
            return message

        dropped = started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal dropped, started
            if message["type"] == "http.response.start":
                started = True
                delay = plan.take_delay()
                if delay:
                    await asyncio.sleep(delay)
                if plan.drop:
                    dropped = True
                message = _with_headers(message, request_id, window, self._credits(key))
            if not dropped:
                await send(message)

        app = early.response(request_id) if early is not None else self.app
        try:
            await app(scope, bounded_receive, send_with_headers)
        except Exception:
            # A bug in the mock still answers with the envelope, so clients see a normal 500.
            logger.exception("unhandled error in the Kallglot mock (request %s)", request_id)
            if started:
                raise
            await ApiError(500, "The Kallglot mock failed unexpectedly.").response(request_id)(
                scope, receive, send_with_headers
            )
        if dropped:
            await self._drop(scope)

    def _credits(self, key: str | None) -> tuple[int, int] | None:
        if key is None:
            return None
        state = self.context.state
        return state.credits_remaining, state.credits_used

    def _signed_download(self, path: str, scope: Scope) -> bool:
        # The older /download contract redirects to a pre-signed URL that works without the API key.
        match = _AUDIO_PATH.match(path)
        if match is None:
            return False
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        expires = (query.get("expires") or [None])[0]
        signature = (query.get("signature") or [None])[0]
        return self.context.verify_download(match["id"], expires, signature)

    async def _drop(self, scope: Scope) -> None:
        client = scope.get("client")
        if self.context.dropper is None or client is None or not self.context.dropper(tuple(client)):
            # In-process (no socket to cut): fail the call the way a reset connection would.
            raise ConnectionResetError("connection dropped by the Kallglot mock's fault injection")
        # Let the transport report the loss before returning, so the server does not try to answer.
        for _ in range(3):
            await asyncio.sleep(0)


def _declared_length(headers: Headers) -> int:
    try:
        return int(headers.get("content-length", "0"))
    except ValueError:
        return 0


def _too_large(limit: int) -> ApiError:
    return ApiError(413, f"The request body is larger than {limit} bytes.", code="request_too_large")


def _unauthorized(*, missing: bool) -> ApiError:
    if missing:
        return ApiError(401, "No API key provided. Send 'Authorization: Bearer sk_…'.", code="missing_api_key")
    return ApiError(401, "The API key provided is invalid or has been revoked.", code="invalid_api_key")


def _with_headers(message: Message, request_id: str, window: Window, credits: tuple[int, int] | None) -> Message:
    extra: list[tuple[str, Any]] = [
        ("x-request-id", request_id),
        ("x-ratelimit-limit", window.limit),
        ("x-ratelimit-remaining", window.remaining),
        ("x-ratelimit-reset", window.reset),
    ]
    if credits is not None:
        extra += [("x-api-credits-remaining", credits[0]), ("x-api-credits-used", credits[1])]
    raw = [(name, value) for name, value in message.get("headers", []) if name.lower() != b"x-request-id"]
    raw += [(name.encode(), str(value).encode()) for name, value in extra]
    return {**message, "headers": raw}
