"""What a de-duplication store must do, the defaults every store shares, and the one place driver errors become
:class:`WebhookStoreError`.

A store keeps one record per event id: a *claim* (a random token and when it was taken) while a handler runs,
and *processed* once it returned. Every method is atomic with respect to every other caller of the same store.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal, Protocol

from ._exceptions import WebhookStoreError

__all__ = [
    "DEFAULT_LEASE",
    "DEFAULT_MEMORY_SIZE",
    "DEFAULT_RETENTION",
    "AsyncDedupStore",
    "ClaimOutcome",
    "DedupStore",
    "store_errors",
]

ClaimOutcome = Literal["claimed", "processed", "in_progress"]

# A claim older than this is taken to belong to a crashed worker and may be taken over by a redelivery. Kallglot
# gives up on an attempt after 30 s and retries after 1, 6 and 36 minutes, so five minutes lets the 6-minute
# retry recover from a crash while a slow but live handler keeps its claim.
DEFAULT_LEASE = 300.0
DEFAULT_MEMORY_SIZE = 10_000
# Retries end about 41.5 hours after the first attempt; a week leaves room for replays by hand from the portal.
DEFAULT_RETENTION = 7 * 24 * 3600.0


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


@contextmanager
def store_errors(store: str, operation: str, errors: tuple[type[BaseException], ...]) -> Iterator[None]:
    """Turn the driver's ``errors`` raised inside the block into :class:`WebhookStoreError` naming ``store``."""
    try:
        yield
    except errors as exc:
        raise WebhookStoreError(store, operation, exc) from exc
