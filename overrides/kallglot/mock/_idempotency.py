"""Idempotency keys as the docs promise them, for the POSTs that honour ``Idempotency-Key``.

* same key, same request within the TTL -> the first successful response replayed (status and body), no action;
* same key, another request body (or route) -> 400 ``idempotency_mismatch``;
* same key while the first request is still being processed -> 409 ``idempotency_conflict`` with ``Retry-After``.

Only successful (2xx) responses are remembered: after an error the key is free again, so a client may retry a
failed request with the same key. Keys are scoped to the one organization the mock emulates.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from .._wire import loads
from ._errors import ApiError
from ._faults import FaultPlan
from ._ids import Clock

MAX_KEY_LENGTH = 255


@dataclass
class _Entry:
    fingerprint: str
    created: float
    status: int | None = None
    body: bytes = b""
    media_type: str = "application/json"


def fingerprint(method: str, path: str, body: bytes) -> str:
    """What makes two requests "the same": method, path and the JSON body ignoring layout and key order.

    No body and ``{}`` count as the same request (both send no fields).
    """
    try:
        parsed = loads(body) if body.strip() else {}
        canonical = json.dumps(parsed, sort_keys=True, separators=(",", ":"))
    except ValueError:
        canonical = body.decode("latin-1")
    return hashlib.sha256(f"{method} {path}\n{canonical}".encode()).hexdigest()


class IdempotencyStore:
    """Remembered responses by key. Thread-safe."""

    def __init__(self, clock: Clock, ttl: float) -> None:
        self._clock = clock
        self._ttl = ttl
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def begin(self, key: str, print_: str) -> _Entry | None:
        """Reserve ``key`` for a new request (``None``), or return the finished entry to replay.

        Raises the documented 400 or 409 when the key is in use by another or an unfinished request.
        """
        now = self._clock.now()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and now - entry.created >= self._ttl:
                entry = None
            if entry is None:
                self._entries[key] = _Entry(print_, now)
                return None
        if entry.fingerprint != print_:
            raise ApiError(
                400, "Idempotency-Key was already used with a different request body.",
                code="idempotency_mismatch", param="Idempotency-Key",
            )  # fmt: skip
        if entry.status is None:
            raise ApiError(
                409, "A request with this Idempotency-Key is still being processed.",
                code="idempotency_conflict", retry_after=1,
            )  # fmt: skip
        return entry

    def finish(self, key: str, response: Response) -> None:
        """Remember a 2xx ``response`` for ``key``; forget the key after any other outcome."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return
            if 200 <= response.status_code < 300:
                entry.status = response.status_code
                entry.body = bytes(response.body)
                entry.media_type = response.media_type or "application/json"
            else:
                del self._entries[key]

    def abandon(self, key: str) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


async def run_idempotent(
    request: Request, body: bytes, store: IdempotencyStore, handler: Callable[[], Awaitable[Response]]
) -> Response:
    """Run ``handler`` under the request's ``Idempotency-Key`` (if any), replaying or refusing as documented.

    A delay fault is served inside the reservation so that it models a slow first request.
    """
    plan: FaultPlan | None = getattr(request.state, "faults", None)
    key = request.headers.get("idempotency-key")
    if key is None:
        response = await handler()
        await asyncio.sleep(plan.take_delay() if plan else 0.0)
        return response
    if not key or len(key) > MAX_KEY_LENGTH:
        raise ApiError(400, f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters.", param="Idempotency-Key")
    stored = store.begin(key, fingerprint(request.method, request.url.path, body))
    if stored is not None and stored.status is not None:
        replay = Response(stored.body, status_code=stored.status, media_type=stored.media_type)
        replay.headers["Idempotent-Replayed"] = "true"
        return replay
    try:
        response = await handler()
        await asyncio.sleep(plan.take_delay() if plan else 0.0)
    except BaseException:
        store.abandon(key)
        raise
    store.finish(key, response)
    return response
