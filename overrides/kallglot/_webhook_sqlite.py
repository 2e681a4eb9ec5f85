"""A de-duplication store in a SQLite file, shared by the worker processes of one host."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import time
from contextlib import closing
from os import PathLike

from ._constants import WEBHOOK_SQLITE_BUSY_TIMEOUT
from ._retry import backoff
from ._webhook_store import DEFAULT_RETENTION, ClaimOutcome, seconds, store_errors

__all__ = ["SQLiteStore"]

_ERRORS = (sqlite3.Error,)


class SQLiteStore:
    """Event ids in a SQLite file shared by every thread and process of a server (one host, local disk).

    Safe across threads and processes: every call opens its own connection and a claim is one ``BEGIN
    IMMEDIATE`` transaction over a primary key, so of two workers racing on an id exactly one claims it. Not for
    network file systems, where SQLite locking is unreliable. Rows older than ``retention`` seconds (default a
    week, well past Kallglot's 41-hour retry window) are pruned. A failing database raises
    :class:`WebhookStoreError` with ``store="sqlite"``.
    """

    def __init__(
        self,
        path: str | PathLike[str],
        *,
        retention: float = DEFAULT_RETENTION,
        busy_timeout: float = WEBHOOK_SQLITE_BUSY_TIMEOUT,
    ) -> None:
        self.path = str(path)
        if self.path == ":memory:" or self.path.startswith("file::memory:"):
            raise ValueError("an in-memory SQLite database is not shared between connections; use MemoryStore()")
        self.retention = seconds("retention", retention)
        self.busy_timeout = seconds("busy_timeout", busy_timeout)
        self._last_prune = 0.0
        self._anchor: sqlite3.Connection | None = None
        deadline = time.monotonic() + busy_timeout
        with store_errors("sqlite", "open", _ERRORS):
            for attempt in itertools.count():
                try:
                    self._create()
                    break
                except sqlite3.OperationalError as exc:
                    # Switching a new file to WAL answers "locked" at once, skipping the busy timeout, while
                    # another worker starting at the same moment switches it: wait for that one as promised.
                    if "locked" not in str(exc) or time.monotonic() >= deadline:
                        raise
                    time.sleep(backoff(attempt, initial=0.001, maximum=0.1, jitter=0))
            # Closing the last connection to a WAL file checkpoints and deletes the log, ~10 ms with fsyncs; one
            # idle connection held for the store's life keeps every per-call close cheap.
            self._anchor = sqlite3.connect(self.path, timeout=busy_timeout, check_same_thread=False)  # only closed
            self._anchor.execute("SELECT count(*) FROM sqlite_master").fetchall()  # connect() alone opens nothing

    def close(self) -> None:
        """Close the idle connection the store holds (calls still work after, more slowly)."""
        anchor, self._anchor = getattr(self, "_anchor", None), None  # None too when __init__ raised
        if anchor is not None:
            anchor.close()

    def __del__(self) -> None:
        self.close()

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
        db = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        try:
            # In WAL mode NORMAL never corrupts the file and survives a process crash; only a power loss may drop
            # the last marks, costing one duplicate run. FULL would fsync twice per event (about 40 events/s).
            db.execute("PRAGMA synchronous=NORMAL")
        except BaseException:
            db.close()
            raise
        return db

    def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        outcome: ClaimOutcome
        with store_errors("sqlite", "claim", _ERRORS), closing(self._connect()) as db:
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
                # SQLite may have rolled back already (full disk, I/O error): the original error is the one to see.
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
        return outcome

    def _write(self, operation: str, sql: str, params: tuple[object, ...]) -> None:
        with store_errors("sqlite", operation, _ERRORS), closing(self._connect()) as db:
            db.execute(sql, params)

    def complete(self, event_id: str, now: float) -> None:
        self._write(
            "complete",
            "INSERT INTO kallglot_webhook_events VALUES (?, NULL, ?)"
            " ON CONFLICT (event_id) DO UPDATE SET token = NULL, updated_at = excluded.updated_at",
            (event_id, now),
        )

    def release(self, event_id: str, token: str) -> None:
        self._write(
            "release", "DELETE FROM kallglot_webhook_events WHERE event_id = ? AND token = ?", (event_id, token)
        )

    def is_processed(self, event_id: str) -> bool:
        with store_errors("sqlite", "is_processed", _ERRORS), closing(self._connect()) as db:
            row = db.execute(
                "SELECT 1 FROM kallglot_webhook_events WHERE event_id = ? AND token IS NULL", (event_id,)
            ).fetchone()
        return row is not None

    def forget(self, event_id: str) -> None:
        self._write("forget", "DELETE FROM kallglot_webhook_events WHERE event_id = ?", (event_id,))
