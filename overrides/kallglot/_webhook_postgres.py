"""De-duplication stores in PostgreSQL (``pip install 'kallglot[postgres]'``, psycopg 3).

One row per event in a table created if missing (the schema is :data:`SCHEMA`, also in the README for those who
manage migrations). Every operation is one statement on the server's clock: a claim is one ``INSERT … ON
CONFLICT DO UPDATE … RETURNING token`` that takes the row over only when its claim is older than the lease, so
of two hosts racing on an id exactly one gets its own token back.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager, contextmanager
from typing import TYPE_CHECKING, Any, Protocol, cast

from ._webhook_store import DEFAULT_RETENTION, ClaimOutcome, store_errors

if TYPE_CHECKING:
    import psycopg

__all__ = ["SCHEMA", "AsyncPostgresStore", "PostgresStore"]

DEFAULT_TABLE = "kallglot_webhook_events"
_CONNECT_TIMEOUT = 10
_PRUNE_EVERY = 3600.0

SCHEMA = """\
CREATE TABLE IF NOT EXISTS {table} (
    event_id   text PRIMARY KEY,
    token      text,                      -- the claim holder while a handler runs; NULL once processed
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS {table}_updated_at ON {table} (updated_at);
"""

_TAKE_OVER = "e.token IS NOT NULL AND e.updated_at <= now() - make_interval(secs => %(lease)s)"
_CLAIM = f"""
INSERT INTO {{table}} AS e (event_id, token, updated_at) VALUES (%(id)s, %(token)s, now())
ON CONFLICT (event_id) DO UPDATE SET
    token = CASE WHEN {_TAKE_OVER} THEN excluded.token ELSE e.token END,
    updated_at = CASE WHEN {_TAKE_OVER} THEN excluded.updated_at ELSE e.updated_at END
RETURNING token
"""
_COMPLETE = """
INSERT INTO {table} (event_id, token, updated_at) VALUES (%(id)s, NULL, now())
ON CONFLICT (event_id) DO UPDATE SET token = NULL, updated_at = now()
"""
_RELEASE = "DELETE FROM {table} WHERE event_id = %(id)s AND token = %(token)s"
_PROCESSED = "SELECT 1 FROM {table} WHERE event_id = %(id)s AND token IS NULL"
_FORGET = "DELETE FROM {table} WHERE event_id = %(id)s"
_PRUNE = "DELETE FROM {table} WHERE updated_at < now() - make_interval(secs => %(retention)s)"
# Workers creating the table at the same moment race on the catalog; one lock serialises them.
_CREATE_LOCK = "SELECT pg_advisory_xact_lock(hashtext(%(table)s))"


class _Pool(Protocol):
    def connection(self) -> AbstractContextManager[psycopg.Connection[Any]]: ...


class _AsyncPool(Protocol):
    def connection(self) -> AbstractAsyncContextManager[psycopg.AsyncConnection[Any]]: ...


def _errors() -> tuple[type[BaseException], ...]:
    import psycopg

    return (psycopg.Error, OSError)


class _Statements:
    def __init__(self, table: str, retention: float) -> None:
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", table):
            raise ValueError("table must be a lower-case SQL identifier (letters, digits, underscores)")
        if not 41.5 * 3600 <= retention < float("inf"):
            raise ValueError("retention must cover Kallglot's 41.5-hour retry window (>= 149400 seconds)")
        self.table = table
        self.retention = retention
        self._sql = {
            name: sql.format(table=table)
            for name, sql in {
                "schema": SCHEMA,
                "claim": _CLAIM,
                "complete": _COMPLETE,
                "release": _RELEASE,
                "is_processed": _PROCESSED,
                "forget": _FORGET,
                "prune": _PRUNE,
            }.items()
        }
        self._pruned_at: float | None = None

    def _due_for_prune(self, now: float) -> bool:
        # Every store prunes at most hourly, after a complete; two hosts pruning at once is harmless.
        if self._pruned_at is not None and now - self._pruned_at < _PRUNE_EVERY:
            return False
        self._pruned_at = now
        return True


def _outcome(row: tuple[Any, ...] | None, token: str) -> ClaimOutcome:
    held_by = None if row is None else row[0]
    return "claimed" if held_by == token else "processed" if held_by is None else "in_progress"


class PostgresStore(_Statements):
    """Event ids in a PostgreSQL table, for receivers on several hosts (blocking; see :class:`AsyncPostgresStore`).

    ``conninfo`` is a DSN or ``postgresql://`` URL (the store keeps one autocommit connection, reopened after a
    failure, shared by its threads under a lock), a ``psycopg.Connection`` you own, or a ``psycopg_pool``
    ``ConnectionPool`` (for many threads). The table (default ``kallglot_webhook_events``) is created if missing,
    on first use (nothing connects before).
    Processed rows are pruned after ``retention`` seconds (default a week; at least the 41.5-hour retry window).
    A failing server raises :class:`WebhookStoreError` with ``store="postgres"``.
    """

    def __init__(
        self,
        conninfo: str | psycopg.Connection[Any] | _Pool,
        *,
        table: str = DEFAULT_TABLE,
        retention: float = DEFAULT_RETENTION,
    ) -> None:
        super().__init__(table, retention)
        self._conninfo = conninfo if isinstance(conninfo, str) else None
        self._source = conninfo
        self._own: psycopg.Connection[Any] | None = None
        self._lock = threading.Lock()
        self._created = False

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        import psycopg

        if self._conninfo is None and isinstance(self._source, psycopg.Connection):
            with self._lock, self._source.transaction():
                yield self._source
        elif self._conninfo is None:
            with cast(_Pool, self._source).connection() as conn:
                yield conn
        else:
            with self._lock:
                if self._own is None or self._own.closed:
                    self._own = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=_CONNECT_TIMEOUT)
                try:
                    yield self._own
                except BaseException:
                    # A broken connection is replaced on the next call rather than failing every call after.
                    if self._own.broken:
                        self._own.close()
                    raise

    def _execute(self, operation: str, name: str, params: dict[str, Any]) -> Any:
        with store_errors("postgres", operation, _errors()), self._connection() as conn:
            if not self._created:  # on first use, so that a receiver starts while the database is down
                with conn.transaction():
                    conn.execute(_CREATE_LOCK, {"table": self.table})
                    conn.execute(self._sql["schema"])
                self._created = True
            cursor = conn.execute(self._sql[name], params)
            return cursor.fetchone() if cursor.description else None

    def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        return _outcome(self._execute("claim", "claim", {"id": event_id, "token": token, "lease": lease}), token)

    def complete(self, event_id: str, now: float) -> None:
        self._execute("complete", "complete", {"id": event_id})
        if self._due_for_prune(now):
            self._execute("prune", "prune", {"retention": self.retention})

    def release(self, event_id: str, token: str) -> None:
        self._execute("release", "release", {"id": event_id, "token": token})

    def is_processed(self, event_id: str) -> bool:
        return self._execute("is_processed", "is_processed", {"id": event_id}) is not None

    def forget(self, event_id: str) -> None:
        self._execute("forget", "forget", {"id": event_id})

    def close(self) -> None:
        """Close the connection the store opened from a DSN (a connection or pool you passed stays open)."""
        with self._lock:
            if self._own is not None:
                self._own.close()
                self._own = None


class AsyncPostgresStore(_Statements):
    """:class:`PostgresStore` over psycopg's async connection, for :class:`AsyncDeduplicator` and
    :func:`asgi_app`. ``conninfo`` is a DSN, a ``psycopg.AsyncConnection`` or a ``psycopg_pool``
    ``AsyncConnectionPool``. The table is created on first use; :meth:`aclose` closes an owned connection.
    """

    def __init__(
        self,
        conninfo: str | psycopg.AsyncConnection[Any] | _AsyncPool,
        *,
        table: str = DEFAULT_TABLE,
        retention: float = DEFAULT_RETENTION,
    ) -> None:
        super().__init__(table, retention)
        self._conninfo = conninfo if isinstance(conninfo, str) else None
        self._source = conninfo
        self._own: psycopg.AsyncConnection[Any] | None = None
        self._lock = asyncio.Lock()
        self._created = False

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[psycopg.AsyncConnection[Any]]:
        import psycopg

        if self._conninfo is None and isinstance(self._source, psycopg.AsyncConnection):
            async with self._lock, self._source.transaction():
                yield self._source
        elif self._conninfo is None:
            async with cast(_AsyncPool, self._source).connection() as conn:
                yield conn
        else:
            async with self._lock:
                if self._own is None or self._own.closed:
                    self._own = await psycopg.AsyncConnection.connect(
                        self._conninfo, autocommit=True, connect_timeout=_CONNECT_TIMEOUT
                    )
                try:
                    yield self._own
                except BaseException:
                    if self._own.broken:
                        await self._own.close()
                    raise

    async def _execute(self, operation: str, name: str, params: dict[str, Any]) -> Any:
        with store_errors("postgres", operation, _errors()):
            async with self._connection() as conn:
                if not self._created:
                    async with conn.transaction():
                        await conn.execute(_CREATE_LOCK, {"table": self.table})
                        await conn.execute(self._sql["schema"])
                    self._created = True
                cursor = await conn.execute(self._sql[name], params)
                return await cursor.fetchone() if cursor.description else None

    async def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        row = await self._execute("claim", "claim", {"id": event_id, "token": token, "lease": lease})
        return _outcome(row, token)

    async def complete(self, event_id: str, now: float) -> None:
        await self._execute("complete", "complete", {"id": event_id})
        if self._due_for_prune(now):
            await self._execute("prune", "prune", {"retention": self.retention})

    async def release(self, event_id: str, token: str) -> None:
        await self._execute("release", "release", {"id": event_id, "token": token})

    async def is_processed(self, event_id: str) -> bool:
        return await self._execute("is_processed", "is_processed", {"id": event_id}) is not None

    async def forget(self, event_id: str) -> None:
        await self._execute("forget", "forget", {"id": event_id})

    async def aclose(self) -> None:
        """Close the connection the store opened from a DSN."""
        async with self._lock:
            if self._own is not None:
                await self._own.close()
                self._own = None
