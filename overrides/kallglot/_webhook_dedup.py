"""Process each webhook event once although Kallglot may deliver it several times.

A store keeps one row per event id: a *claim* (a random token and when it was taken) while a handler runs, and
*processed* once it returned. The :class:`Deduplicator` turns that into ``with dedup.once(event.id) as first:``.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import closing, contextmanager
from os import PathLike
from typing import Literal, Protocol

from ._exceptions import WebhookInProgressError

__all__ = ["ClaimOutcome", "DedupStore", "Deduplicator", "MemoryStore", "SQLiteStore"]

ClaimOutcome = Literal["claimed", "processed", "in_progress"]

# A claim older than this is taken to belong to a crashed worker and may be taken over by a redelivery. Kallglot
# gives up on an attempt after 30 s and retries after 1, 6 and 36 minutes, so five minutes lets the 6-minute
# retry recover from a crash while a slow but live handler keeps its claim.
DEFAULT_LEASE = 300.0
DEFAULT_MEMORY_SIZE = 10_000
# Retries end about 41.5 hours after the first attempt; a week leaves room for replays by hand from the portal.
DEFAULT_RETENTION = 7 * 24 * 3600.0


class DedupStore(Protocol):
    """Where processed event ids live. Each method must be atomic with respect to every other caller."""

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


class MemoryStore:
    """The default store: the ``maxsize`` most recently seen ids, in this process only. Thread-safe.

    Ids are lost on restart and not shared between worker processes; use :class:`SQLiteStore` for those.
    """

    def __init__(self, maxsize: int = DEFAULT_MEMORY_SIZE) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._entries: OrderedDict[str, tuple[str | None, float]] = OrderedDict()  # id -> (claim token, time)
        self._lock = threading.Lock()

    def _put(self, event_id: str, token: str | None, now: float) -> None:
        self._entries[event_id] = (token, now)
        self._entries.move_to_end(event_id)
        while len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)

    def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        with self._lock:
            entry = self._entries.get(event_id)
            if entry is None or (entry[0] is not None and now - entry[1] >= lease):
                self._put(event_id, token, now)
                return "claimed"
            self._entries.move_to_end(event_id)
            return "processed" if entry[0] is None else "in_progress"

    def complete(self, event_id: str, now: float) -> None:
        with self._lock:
            self._put(event_id, None, now)

    def release(self, event_id: str, token: str) -> None:
        with self._lock:
            entry = self._entries.get(event_id)
            if entry is not None and entry[0] == token:
                del self._entries[event_id]

    def is_processed(self, event_id: str) -> bool:
        with self._lock:
            entry = self._entries.get(event_id)
            return entry is not None and entry[0] is None

    def forget(self, event_id: str) -> None:
        with self._lock:
            self._entries.pop(event_id, None)

    def __len__(self) -> int:
        return len(self._entries)


class SQLiteStore:
    """Event ids in a SQLite file shared by every thread and process of a server (one host, local disk).

    Safe across threads and processes: every call opens its own connection and a claim is one ``BEGIN
    IMMEDIATE`` transaction over a primary key, so of two workers racing on an id exactly one claims it. Not for
    network file systems, where SQLite locking is unreliable. Rows older than ``retention`` seconds are pruned.
    """

    def __init__(
        self, path: str | PathLike[str], *, retention: float = DEFAULT_RETENTION, busy_timeout: float = 30.0
    ) -> None:
        self.path = str(path)
        if self.path == ":memory:" or self.path.startswith("file::memory:"):
            raise ValueError("an in-memory SQLite database is not shared between connections; use MemoryStore()")
        self.retention = retention
        self.busy_timeout = busy_timeout
        self._last_prune = 0.0
        deadline = time.monotonic() + busy_timeout
        pause = 0.001
        while True:
            try:
                self._create()
                return
            except sqlite3.OperationalError as exc:
                # Switching a new file to WAL answers "locked" at once, skipping the busy timeout, while another
                # worker starting at the same moment switches it: wait for that one as the timeout promises.
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.1)

    def _create(self) -> None:
        with closing(self._connect()) as db:
            # WAL lets readers and one writer proceed together; the setting persists in the file.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS kallglot_webhook_events ("
                " event_id TEXT PRIMARY KEY,"
                " token TEXT,"  # the claim holder; NULL once processed
                " updated_at REAL NOT NULL"
                ") WITHOUT ROWID"
            )
            db.execute(
                "CREATE INDEX IF NOT EXISTS kallglot_webhook_events_updated_at ON kallglot_webhook_events (updated_at)"
            )

    def _connect(self) -> sqlite3.Connection:
        # Autocommit mode: transactions are opened explicitly, so none is left open by accident.
        return sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)

    def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        outcome: ClaimOutcome
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                inserted = db.execute(
                    "INSERT OR IGNORE INTO kallglot_webhook_events VALUES (?, ?, ?)", (event_id, token, now)
                ).rowcount
                if inserted:
                    outcome = "claimed"
                else:
                    held_by, since = db.execute(
                        "SELECT token, updated_at FROM kallglot_webhook_events WHERE event_id = ?", (event_id,)
                    ).fetchone()
                    if held_by is None:
                        outcome = "processed"
                    elif now - since >= lease:
                        db.execute(
                            "UPDATE kallglot_webhook_events SET token = ?, updated_at = ? WHERE event_id = ?",
                            (token, now, event_id),
                        )
                        outcome = "claimed"
                    else:
                        outcome = "in_progress"
                # Two threads may both prune in the same hour; harmless, so no lock guards _last_prune.
                if now - self._last_prune > 3600:
                    db.execute("DELETE FROM kallglot_webhook_events WHERE updated_at < ?", (now - self.retention,))
                    self._last_prune = now
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return outcome

    def _write(self, sql: str, params: tuple[object, ...]) -> None:
        with closing(self._connect()) as db:
            db.execute(sql, params)

    def complete(self, event_id: str, now: float) -> None:
        self._write(
            "INSERT INTO kallglot_webhook_events VALUES (?, NULL, ?)"
            " ON CONFLICT (event_id) DO UPDATE SET token = NULL, updated_at = excluded.updated_at",
            (event_id, now),
        )

    def release(self, event_id: str, token: str) -> None:
        self._write("DELETE FROM kallglot_webhook_events WHERE event_id = ? AND token = ?", (event_id, token))

    def is_processed(self, event_id: str) -> bool:
        with closing(self._connect()) as db:
            row = db.execute(
                "SELECT 1 FROM kallglot_webhook_events WHERE event_id = ? AND token IS NULL", (event_id,)
            ).fetchone()
        return row is not None

    def forget(self, event_id: str) -> None:
        self._write("DELETE FROM kallglot_webhook_events WHERE event_id = ?", (event_id,))


class Deduplicator:
    """Run a handler once per event id however often the event is delivered.

    ``with dedup.once(event.id) as first:`` yields ``True`` to exactly one caller, which should process the event.
    When its block returns, the id is recorded as processed; when it raises (any exception, cancellation too), the
    claim is released so the redelivery Kallglot makes after the resulting non-2xx answer processes it. A later
    delivery of a processed event yields ``False``: acknowledge it with 2xx and do nothing. A delivery arriving
    while another worker still holds the claim raises :class:`WebhookInProgressError` (answer non-2xx) rather
    than acknowledging an event that may yet fail. A claim older than ``lease`` seconds counts as abandoned by a
    crashed worker and is taken over, so a handler running longer than ``lease`` may run twice.

    Thread-safe and process-safe as far as its store is (both bundled stores are thread-safe; only
    :class:`SQLiteStore` is shared between processes). Usable from async code; the SQLite store blocks for the
    few milliseconds a local transaction takes.
    """

    def __init__(self, store: DedupStore | None = None, *, lease: float = DEFAULT_LEASE) -> None:
        self.store: DedupStore = MemoryStore() if store is None else store
        self.lease = lease

    @contextmanager
    def once(self, event_id: str) -> Iterator[bool]:
        """Claim ``event_id``; yield whether this caller must process it (see the class docstring)."""
        if not isinstance(event_id, str) or not event_id:
            raise TypeError("event_id must be a non-empty str, the event's `id` (evt_…)")
        token = secrets.token_hex(16)
        outcome = self.store.claim(event_id, token, time.time(), self.lease)
        if outcome == "in_progress":
            raise WebhookInProgressError(event_id)
        if outcome == "processed":
            yield False
            return
        try:
            yield True
        except BaseException:
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
