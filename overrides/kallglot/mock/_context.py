"""What every part of one mock app shares: state, faults, idempotency, rate limits and the connection dropper."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from ._faults import Faults
from ._idempotency import IdempotencyStore
from ._ids import Clock
from ._state import MockState

# Closes the TCP connection of the given client address; set by the server runner, absent in-process.
ConnectionDropper = Callable[[tuple[str, int]], bool]


@dataclass
class Window:
    limit: int
    remaining: int
    reset: int  # Unix seconds
    retry_after: int | None  # set when this request is over the limit


class RateLimiter:
    """Fixed-window request counting per API key, reported in ``X-RateLimit-*``. Thread-safe."""

    def __init__(self, clock: Clock, limit: int, window: float) -> None:
        self._clock = clock
        self.limit = limit
        self._window = window
        self._buckets: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def hit(self, bucket: str, *, count: bool = True) -> Window:
        """Count one request against ``bucket`` (or only look, with ``count=False``)."""
        now = self._clock.now()
        with self._lock:
            start, used = self._buckets.get(bucket, (now, 0))
            if now - start >= self._window:
                start, used = now, 0
            if count:
                used += 1
                self._buckets[bucket] = (start, used)
        reset = start + self._window
        over = used > self.limit
        retry_after = max(1, math.ceil(reset - now)) if over else None
        return Window(self.limit, max(0, self.limit - used), math.ceil(reset), retry_after)

    def clear(self) -> None:
        """Forget every window (a reset mock starts with full quotas)."""
        with self._lock:
            self._buckets.clear()


@dataclass
class MockContext:
    state: MockState
    faults: Faults
    idempotency: IdempotencyStore
    rate_limiter: RateLimiter
    dropper: ConnectionDropper | None = None
    download_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def reset(self) -> None:
        """Back to a fresh mock of the same config: state, queued faults, idempotency keys and rate windows.

        Cheap (no socket is touched), so tests can share one server and reset it between them.
        """
        self.state.reset()
        self.faults.clear()
        self.idempotency.clear()
        self.rate_limiter.clear()

    def sign_download(self, recording_id: str, ttl: float = 3600.0) -> str:
        """Query string of a pre-signed audio URL valid for ``ttl`` seconds (the older ``/download`` contract)."""
        expires = int(self.state.clock.now() + ttl)
        return f"expires={expires}&signature={self._signature(recording_id, expires)}"

    def verify_download(self, recording_id: str, expires: str | None, signature: str | None) -> bool:
        if not expires or not signature or not expires.isdigit():
            return False
        if int(expires) < self.state.clock.now():
            return False
        return hmac.compare_digest(signature, self._signature(recording_id, int(expires)))

    def _signature(self, recording_id: str, expires: int) -> str:
        message = f"{recording_id}:{expires}".encode()
        return hmac.new(self.download_secret, message, hashlib.sha256).hexdigest()


def create_context(state: MockState) -> MockContext:
    config = state.config
    return MockContext(
        state=state,
        faults=Faults(state),
        idempotency=IdempotencyStore(state.clock, config.idempotency_ttl),
        rate_limiter=RateLimiter(state.clock, config.rate_limit, config.rate_limit_window),
    )
