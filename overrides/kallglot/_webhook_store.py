"""What a de-duplication store must do, the defaults every store shares, and the one place driver errors become
:class:`WebhookStoreError`.

A store keeps one record per event id: a *claim* (a random token and when it was taken) while a handler runs,
and *processed* once it returned. Every method is atomic with respect to every other caller of the same store.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal, Protocol

from ._constants import WEBHOOK_LEASE, WEBHOOK_MEMORY_SIZE, WEBHOOK_RETENTION, WEBHOOK_STORE_TIMEOUT
from ._exceptions import WebhookStoreError

__all__ = [
    "DEFAULT_LEASE",
    "DEFAULT_MEMORY_SIZE",
    "DEFAULT_RETENTION",
    "DEFAULT_STORE_TIMEOUT",
    "AsyncDedupStore",
    "ClaimOutcome",
    "DedupStore",
    "network_settings",
    "seconds",
    "store_errors",
]

ClaimOutcome = Literal["claimed", "processed", "in_progress"]

# Named once in _constants.py; re-exported here under the names kallglot.webhooks documents.
DEFAULT_LEASE = WEBHOOK_LEASE
DEFAULT_MEMORY_SIZE = WEBHOOK_MEMORY_SIZE
DEFAULT_RETENTION = WEBHOOK_RETENTION
DEFAULT_STORE_TIMEOUT = WEBHOOK_STORE_TIMEOUT


class DedupStore(Protocol):
    """Where processed event ids live (blocking calls). ``now`` is unix seconds from the caller's clock; stores
    on a server (Redis, PostgreSQL) use the server's clock instead, so that hosts with skewed clocks agree."""

    def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        """Take the claim unless the event is processed or claimed less than ``lease`` seconds ago."""
        ...

    def complete(self, event_id: str, now: float) -> None:
        """Record the event as processed, whoever holds the claim."""
        ...

    def release(self, event_id: str, token: str) -> None:
        """Drop the claim if ``token`` still holds it, so a redelivery can process the event."""
        ...

    def is_processed(self, event_id: str) -> bool: ...

    def forget(self, event_id: str) -> None:
        """Drop any record of the event, so its next delivery is processed again."""
        ...


class AsyncDedupStore(Protocol):
    """:class:`DedupStore` with coroutine methods, for :class:`AsyncDeduplicator` on an event loop."""

    async def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome: ...

    async def complete(self, event_id: str, now: float) -> None: ...

    async def release(self, event_id: str, token: str) -> None: ...

    async def is_processed(self, event_id: str) -> bool: ...

    async def forget(self, event_id: str) -> None: ...


def seconds(name: str, value: float) -> float:
    """``value`` as a float if it is a positive finite number of seconds, else ``ValueError`` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < float("inf"):
        raise ValueError(f"{name} must be a positive finite number of seconds, got {value!r}")
    return float(value)


def network_settings(retention: float, timeout: float) -> tuple[float, float]:
    """A shared store's ``retention`` (at least Kallglot's retry window) and ``timeout``, checked: ``ValueError``
    naming the one that is wrong."""
    if not 41.5 * 3600 <= retention < float("inf"):
        raise ValueError("retention must cover Kallglot's 41.5-hour retry window (>= 149400 seconds)")
    return retention, seconds("timeout", timeout)


@contextmanager
def store_errors(store: str, operation: str, errors: tuple[type[BaseException], ...]) -> Iterator[None]:
    """Turn the driver's ``errors`` raised inside the block into :class:`WebhookStoreError` naming ``store``."""
    try:
        yield
    except errors as exc:
        raise WebhookStoreError(store, operation, exc) from exc
