"""Process each webhook event once although Kallglot may deliver it several times.

:class:`Deduplicator` (blocking) and :class:`AsyncDeduplicator` (for an event loop) turn a store's claim,
complete and release into ``with dedup.once(event.id) as first:``. The stores live in their own modules.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import secrets
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from ._exceptions import WebhookInProgressError, WebhookStoreError
from ._webhook_memory import MemoryStore
from ._webhook_store import DEFAULT_LEASE, AsyncDedupStore, ClaimOutcome, DedupStore, seconds

__all__ = ["AsyncDeduplicator", "Deduplicator"]

logger = logging.getLogger("kallglot.webhooks")


def _token(event_id: object) -> str:
    """A fresh claim token, once ``event_id`` is checked."""
    if not isinstance(event_id, str) or not event_id:
        raise TypeError("event_id must be a non-empty str, the event's `id` (evt_…)")
    return secrets.token_hex(16)


def _first(event_id: str, outcome: ClaimOutcome) -> bool:
    """Whether the claim makes this caller the one to process the event; refused while another worker holds it."""
    if outcome == "in_progress":
        raise WebhookInProgressError(event_id)
    return outcome == "claimed"


@contextmanager
def _release_failure_logged(event_id: str) -> Iterator[None]:
    # The handler's own exception is what the caller must see; the claim expires after the lease anyway.
    try:
        yield
    except WebhookStoreError as exc:
        logger.warning("could not release the claim on %s after the handler failed: %s", event_id, exc)


class Deduplicator:
    """Run a handler once per event id however often the event is delivered.

    ``with dedup.once(event.id) as first:`` yields ``True`` to exactly one caller, which should process the event.
    When its block returns, the id is recorded as processed; when it raises (any exception, cancellation too), the
    claim is released so the redelivery Kallglot makes after the resulting non-2xx answer processes it. A later
    delivery of a processed event yields ``False``: acknowledge it with 2xx and do nothing. A delivery arriving
    while another worker still holds the claim raises :class:`WebhookInProgressError` (answer non-2xx) rather
    than acknowledging an event that may yet fail. A claim older than ``lease`` seconds counts as abandoned by a
    crashed worker and is taken over, so a handler running longer than ``lease`` may run twice.

    A store that fails raises :class:`WebhookStoreError` (answer 500). If recording completion fails after the
    handler returned, the retry runs the handler again: at least once, never twice at the same time.
    Thread-safe and process-safe as far as its store is (:class:`MemoryStore` is one process only).
    """

    def __init__(self, store: DedupStore | None = None, *, lease: float = DEFAULT_LEASE) -> None:
        if store is not None and inspect.iscoroutinefunction(getattr(store, "claim", None)):
            raise TypeError(f"{type(store).__name__} is an async store: use AsyncDeduplicator with it")
        self.store: DedupStore = MemoryStore() if store is None else store
        self.lease = seconds("lease", lease)

    @contextmanager
    def once(self, event_id: str) -> Iterator[bool]:
        """Claim ``event_id``; yield whether this caller must process it (see the class docstring)."""
        token = _token(event_id)
        if not _first(event_id, self.store.claim(event_id, token, time.time(), self.lease)):
            yield False
            return
        try:
            yield True
        except BaseException:
            with _release_failure_logged(event_id):
                self.store.release(event_id, token)
            raise
        self.store.complete(event_id, time.time())

    def seen(self, event_id: str) -> bool:
        """Whether ``event_id`` was processed. With :meth:`mark`, not race-free; prefer :meth:`once`."""
        return self.store.is_processed(event_id)

    def mark(self, event_id: str) -> None:
        """Record ``event_id`` as processed."""
        self.store.complete(event_id, time.time())

    def forget(self, event_id: str) -> None:
        """Forget ``event_id`` so that its next delivery is processed again (a replay by hand)."""
        self.store.forget(event_id)


class AsyncDeduplicator:
    """:class:`Deduplicator` for an event loop: ``async with dedup.once(event.id) as first:``.

    Takes an async store (:class:`AsyncRedisStore`, :class:`AsyncPostgresStore`) or :class:`MemoryStore`, which
    never blocks. Any other blocking store (:class:`SQLiteStore`, :class:`RedisStore`, :class:`PostgresStore`)
    is run in a worker thread so the loop is never blocked. Same contract as :class:`Deduplicator`; a
    cancelled handler releases its claim too.
    """

    def __init__(self, store: AsyncDedupStore | DedupStore | None = None, *, lease: float = DEFAULT_LEASE) -> None:
        self.store: AsyncDedupStore | DedupStore = MemoryStore() if store is None else store
        self.lease = seconds("lease", lease)
        self._is_async = inspect.iscoroutinefunction(getattr(self.store, "claim", None))

    async def _call(self, method: str, *args: Any) -> Any:
        function = getattr(self.store, method)
        if self._is_async:
            return await function(*args)
        if isinstance(self.store, MemoryStore):
            return function(*args)
        return await asyncio.to_thread(function, *args)

    @asynccontextmanager
    async def once(self, event_id: str) -> AsyncIterator[bool]:
        """Claim ``event_id``; yield whether this caller must process it (see :class:`Deduplicator`)."""
        token = _token(event_id)
        outcome: ClaimOutcome = await self._call("claim", event_id, token, time.time(), self.lease)
        if _first(event_id, outcome):
            try:
                yield True
            except BaseException:
                # Shielded: a cancelled handler must still hand its claim back before the task ends.
                with _release_failure_logged(event_id):
                    await asyncio.shield(self._call("release", event_id, token))
                raise
            await self._call("complete", event_id, time.time())
        else:
            yield False

    async def seen(self, event_id: str) -> bool:
        """Whether ``event_id`` was processed."""
        return bool(await self._call("is_processed", event_id))

    async def mark(self, event_id: str) -> None:
        """Record ``event_id`` as processed."""
        await self._call("complete", event_id, time.time())

    async def forget(self, event_id: str) -> None:
        """Forget ``event_id`` so that its next delivery is processed again."""
        await self._call("forget", event_id)
