"""Ready webhook receivers: an ASGI app and a WSGI app that verify, parse, de-duplicate and call your handler.

Both answer 204 when the handler returned (or the event was already processed), 400 when the signature or the
body is bad (retrying would not help), 409 while another worker processes the event, 413 for a body over
``max_body`` bytes, 405 for anything but POST, and 500 when the handler or the store failed, so that Kallglot
delivers again. A failing handler's exception is logged on the ``kallglot.webhooks`` logger, never sent back.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import TYPE_CHECKING, Any

from ._constants import WEBHOOK_MAX_BODY
from ._exceptions import WebhookInProgressError, WebhookPayloadError, WebhookSignatureError, WebhookStoreError
from ._webhook_dedup import AsyncDeduplicator, Deduplicator
from ._webhook_signature import DEFAULT_TOLERANCE, Secrets, check_tolerance, resolve_secrets
from ._webhook_store import AsyncDedupStore, DedupStore

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

    from .webhooks import Event

__all__ = ["ASGIApp", "Handler", "asgi_app", "wsgi_app"]

logger = logging.getLogger("kallglot.webhooks")

DEFAULT_MAX_BODY = WEBHOOK_MAX_BODY  # see _constants.py

Handler = Callable[["Event"], object]  # a plain function or a coroutine function; its result is ignored
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Message, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

_REASONS = {204: "No Content", 400: "Bad Request", 405: "Method Not Allowed", 409: "Conflict",
            413: "Content Too Large", 500: "Internal Server Error"}  # fmt: skip


def _verify(body: bytes, header: str | bytes | None, keys: list[bytes], tolerance: float | None) -> Event | str:
    from .webhooks import construct_event

    try:
        event = construct_event(body, header, keys, tolerance=tolerance)
    except WebhookSignatureError as exc:
        return f"{exc.reason}: {exc.message}"
    except WebhookPayloadError as exc:
        return f"payload: {exc.message}"
    # An empty id cannot be de-duplicated; answering 500 would have Kallglot retry it for two days.
    return event if event.id else "payload: the envelope field 'id' is empty"


def _failed(event: Event, exc: BaseException) -> tuple[int, str]:
    if isinstance(exc, WebhookInProgressError):
        return 409, "another worker is processing this event; retry later"
    if isinstance(exc, WebhookStoreError):
        logger.error("webhook %s: %s", event.id, exc)
        return 500, "the de-duplication store failed; retry later"
    logger.error("webhook %s: the handler raised", event.id, exc_info=exc)
    return 500, "the handler failed; retry later"


def asgi_app(
    handler: Handler,
    *,
    secret: Secrets | None = None,
    store: AsyncDedupStore | DedupStore | AsyncDeduplicator | Deduplicator | None = None,
    tolerance: float | None = DEFAULT_TOLERANCE,
    max_body: int = DEFAULT_MAX_BODY,
) -> ASGIApp:
    """An ASGI app receiving Kallglot webhooks at whatever path it is routed to.

    In Starlette: ``Route("/kallglot/webhooks", receiver, methods=["POST"])``; in FastAPI:
    ``app.add_route("/kallglot/webhooks", receiver, methods=["POST"])``. (``app.mount(path, receiver)`` works
    too, but then the URL ends in ``/``: Starlette redirects the path without it, and a redirected POST is lost.)

    ``handler(event)`` may be a coroutine function (awaited) or a plain function (run in a worker thread). The
    secret defaults to ``$KALLGLOT_WEBHOOK_SECRET`` (read now: a missing one is a ``ValueError`` at start-up); a
    list of secrets is accepted while one rotates. ``store`` is any store (default: a :class:`MemoryStore`, one
    process) or a (sync or async) deduplicator, to set its lease. The status codes are in the module docstring.
    """
    check_tolerance(tolerance)  # at start-up, not as a 500 on every delivery
    return _ASGIReceiver(handler, resolve_secrets(secret), store, tolerance, max_body)


class _ASGIReceiver:
    # A class, not a closure: Starlette's Route treats a plain function as a request handler, an object with
    # __call__ as an ASGI app, and a Route (unlike a Mount) serves the path without a trailing slash.
    def __init__(
        self,
        handler: Handler,
        keys: list[bytes],
        store: AsyncDedupStore | DedupStore | AsyncDeduplicator | Deduplicator | None,
        tolerance: float | None,
        max_body: int,
    ) -> None:
        self.handler = handler
        if isinstance(store, Deduplicator):  # keep its store and lease; its blocking calls run in a thread
            self.dedup = AsyncDeduplicator(store.store, lease=store.lease)
        else:
            self.dedup = store if isinstance(store, AsyncDeduplicator) else AsyncDeduplicator(store)
        self._keys = keys
        self.tolerance = tolerance
        self.max_body = max_body

    async def _call(self, event: Event) -> None:
        result: object
        if inspect.iscoroutinefunction(self.handler):
            result = self.handler(event)
        else:  # a blocking handler must not stall the event loop
            result = await asyncio.to_thread(self.handler, event)
        if inspect.isawaitable(result):
            await result

    async def _process(self, body: bytes, header: bytes | None) -> tuple[int, str]:
        event = _verify(body, header, self._keys, self.tolerance)
        if isinstance(event, str):
            return 400, event
        try:
            async with self.dedup.once(event.id) as first:
                if first:
                    await self._call(event)
        except Exception as exc:
            return _failed(event, exc)
        return 204, ""

    async def __call__(
        self, scope: Message, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]
    ) -> None:
        if scope["type"] == "lifespan":  # served on its own (uvicorn module:app) rather than mounted
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http":
            raise RuntimeError(f"the Kallglot webhook receiver serves HTTP, not {scope['type']!r}")
        status, text = 405, "POST only"
        if scope["method"] == "POST":
            body = bytearray()
            more = True
            while more and len(body) <= self.max_body:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
            header = next((value for name, value in scope["headers"] if name == b"kallglot-signature"), None)
            too_big = more or len(body) > self.max_body
            status, text = (413, "body too large") if too_big else await self._process(bytes(body), header)
        headers = [(b"content-type", b"text/plain; charset=utf-8")] + ([(b"allow", b"POST")] if status == 405 else [])
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": text.encode()})


def wsgi_app(
    handler: Handler,
    *,
    secret: Secrets | None = None,
    store: DedupStore | Deduplicator | None = None,
    tolerance: float | None = DEFAULT_TOLERANCE,
    max_body: int = DEFAULT_MAX_BODY,
) -> WSGIApplication:
    """A WSGI app receiving Kallglot webhooks (Flask, Django, gunicorn): see :func:`asgi_app` for the contract.

    ``handler`` is called in the request's thread; a coroutine function is run to completion with
    ``asyncio.run``. ``store`` is a blocking store or a :class:`Deduplicator` (async stores are refused).
    """
    keys = resolve_secrets(secret)
    check_tolerance(tolerance)  # at start-up, not as a 500 on every delivery
    if isinstance(store, AsyncDeduplicator):
        raise TypeError("wsgi_app needs a blocking store or a Deduplicator; use asgi_app for an AsyncDeduplicator")
    dedup = store if isinstance(store, Deduplicator) else Deduplicator(store)

    def process(body: bytes, header: str | None) -> tuple[int, str]:
        event = _verify(body, header, keys, tolerance)
        if isinstance(event, str):
            return 400, event
        try:
            with dedup.once(event.id) as first:
                if first:
                    result = handler(event)
                    if inspect.iscoroutine(result):
                        asyncio.run(result)
        except Exception as exc:
            return _failed(event, exc)
        return 204, ""

    def app(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        status, text = 405, "POST only"
        if environ.get("REQUEST_METHOD") == "POST":
            length = str(environ.get("CONTENT_LENGTH") or "")
            size = int(length) if length.isascii() and length.isdecimal() and len(length) < 16 else -1
            if 0 <= size <= max_body:
                body = environ["wsgi.input"].read(size)  # the raw bytes, exactly as received
                status, text = process(body, environ.get("HTTP_KALLGLOT_SIGNATURE"))
            else:  # absent (chunked) or too large: refuse rather than read an unbounded stream
                status, text = 413, "body too large or without Content-Length"
        headers = [("Content-Type", "text/plain; charset=utf-8")] + ([("Allow", "POST")] if status == 405 else [])
        start_response(f"{status} {_REASONS[status]}", headers)
        return [text.encode()]

    return app
