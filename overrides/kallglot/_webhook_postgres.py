"""De-duplication stores in PostgreSQL (``pip install 'kallglot[postgres]'``, psycopg 3).

One row per event in a table created if missing (the schema is :data:`SCHEMA`, also in the README for those who
manage migrations). Every operation is one statement on the server's clock: a claim is one ``INSERT … ON
CONFLICT DO UPDATE … RETURNING token`` that takes the row over only when its claim is older than the lease, so
of two hosts racing on an id exactly one gets its own token back.

Every wait is bounded by the store's ``timeout`` (default 5 s): taking the store's connection (its lock, or one
from your pool), connecting (``connect_timeout``, at least libpq's 2 s), and each statement, both on the server
(``statement_timeout``, on connections the store opens) and on the client, where a server that stops answering
without closing the connection has its socket cut (see ``_webhook_deadline``). Each raises
:class:`WebhookStoreError` naming ``postgres``.
"""

from __future__ import annotations

import asyncio
import math
import re
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager, contextmanager
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar, cast

from ._webhook_deadline import deadline, loop_deadline
from ._webhook_store import DEFAULT_RETENTION, DEFAULT_STORE_TIMEOUT, ClaimOutcome, network_settings, store_errors

if TYPE_CHECKING:
    import psycopg

__all__ = ["SCHEMA", "AsyncPostgresStore", "PostgresStore"]

DEFAULT_TABLE = "kallglot_webhook_events"
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
_SQL = {
    # Workers creating the table at the same moment race on the catalog; one lock serialises them. Sent as one
    # simple query, the statements run in one transaction, which holds the lock to the end.
    "create": "SELECT pg_advisory_xact_lock(hashtext('{table}'));\n" + SCHEMA,
    "claim": f"""
INSERT INTO {{table}} AS e (event_id, token, updated_at) VALUES (%(id)s, %(token)s, now())
ON CONFLICT (event_id) DO UPDATE SET
    token = CASE WHEN {_TAKE_OVER} THEN excluded.token ELSE e.token END,
    updated_at = CASE WHEN {_TAKE_OVER} THEN excluded.updated_at ELSE e.updated_at END
RETURNING token""",
    "complete": """
INSERT INTO {table} (event_id, token, updated_at) VALUES (%(id)s, NULL, now())
ON CONFLICT (event_id) DO UPDATE SET token = NULL, updated_at = now()""",
    "release": "DELETE FROM {table} WHERE event_id = %(id)s AND token = %(token)s",
    "is_processed": "SELECT 1 FROM {table} WHERE event_id = %(id)s AND token IS NULL",
    "forget": "DELETE FROM {table} WHERE event_id = %(id)s",
    "prune": "DELETE FROM {table} WHERE updated_at < now() - make_interval(secs => %(retention)s)",
}

Connection = TypeVar("Connection")
Pool = TypeVar("Pool")


class _Pool(Protocol):
    def connection(self, timeout: float | None = None) -> AbstractContextManager[psycopg.Connection[Any]]: ...


class _AsyncPool(Protocol):
    def connection(self, timeout: float | None = None) -> AbstractAsyncContextManager[psycopg.AsyncConnection[Any]]: ...


def _errors() -> tuple[type[BaseException], ...]:
    import psycopg

    return (psycopg.Error, OSError)


def _busy(timeout: float) -> TimeoutError:
    return TimeoutError(f"the store's connection stayed busy for {timeout:g} s")


def _outcome(row: tuple[Any, ...] | None, token: str) -> ClaimOutcome:
    held_by = None if row is None else row[0]
    return "claimed" if held_by == token else "processed" if held_by is None else "in_progress"


class _Store(Generic[Connection, Pool]):
    """What both stores share: the statements, where connections come from, and the bounds on every wait."""

    _given_type: ClassVar[str]  # the psycopg connection class a caller may pass: "Connection" or "AsyncConnection"
    _lock: Any

    def __init_subclass__(cls, *, connection: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._given_type = connection

    def __init__(self, conninfo: str | Connection | Pool, table: str, retention: float, timeout: float) -> None:
        import psycopg

        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", table):
            raise ValueError("table must be a lower-case SQL identifier (letters, digits, underscores)")
        self.table = table
        self.retention, self.timeout = network_settings(retention, timeout)
        self._sql = {name: sql.format(table=table) for name, sql in _SQL.items()}
        given = isinstance(conninfo, getattr(psycopg, self._given_type))
        self._dsn = conninfo if isinstance(conninfo, str) else None
        self._given = cast(Connection, conninfo) if given else None
        self._pool = cast(Pool, conninfo) if self._dsn is None and not given else None
        if self._pool is not None and not callable(getattr(self._pool, "connection", None)):
            kind = "psycopg.AsyncConnection" if self._given_type == "AsyncConnection" else "psycopg.Connection"
            raise TypeError(f"pass a DSN, a {kind} or a pool (psycopg_pool), not {type(conninfo).__name__}")
        self._own: Connection | None = None
        self._lock = threading.Lock() if self._given_type == "Connection" else asyncio.Lock()
        self._created = False
        self._pruned_at: float | None = None

    def _open(self) -> Any:
        """Connect from the DSN: the connection, or for the async store the coroutine that makes it."""
        import psycopg
        from psycopg.conninfo import conninfo_to_dict

        params = conninfo_to_dict(self._dsn or "")
        # The server abandons a statement (a lock wait, say) just before the client gives up on it. Ours comes
        # first, so that a statement_timeout set in the DSN's options wins.
        options = f"-c statement_timeout={math.ceil(self.timeout * 900)} {params.get('options') or ''}"
        params.update(options=options.strip(), autocommit=True, connect_timeout=math.ceil(self.timeout))
        return getattr(psycopg, self._given_type).connect(**params)

    def _due_for_prune(self, now: float) -> bool:
        # Every store prunes at most hourly, after a complete; two hosts pruning at once is harmless.
        if self._pruned_at is not None and now - self._pruned_at < _PRUNE_EVERY:
            return False
        self._pruned_at = now
        return True


class PostgresStore(_Store["psycopg.Connection[Any]", _Pool], connection="Connection"):
    """Event ids in a PostgreSQL table, for receivers on several hosts (blocking; see :class:`AsyncPostgresStore`).

    ``conninfo`` is a DSN or ``postgresql://`` URL (the store keeps one autocommit connection, reopened after a
    failure, shared by its threads under a lock), a ``psycopg.Connection`` you own, or a ``psycopg_pool``
    ``ConnectionPool`` (for many threads). The table (default ``kallglot_webhook_events``) is created if missing,
    on first use (nothing connects before).
    Processed rows are pruned after ``retention`` seconds (default a week; at least the 41.5-hour retry window).
    No operation waits more than about ``timeout`` seconds (default 5) for each of the connection, connecting
    and its statement (see the module docstring). A failing or silent server raises :class:`WebhookStoreError`
    with ``store="postgres"``.
    """

    def __init__(
        self,
        conninfo: str | psycopg.Connection[Any] | _Pool,
        *,
        table: str = DEFAULT_TABLE,
        retention: float = DEFAULT_RETENTION,
        timeout: float = DEFAULT_STORE_TIMEOUT,
    ) -> None:
        super().__init__(conninfo, table, retention, timeout)

    def _execute(self, name: str, params: dict[str, Any]) -> Any:
        with store_errors("postgres", name, _errors()), self._connection() as conn:
            if not self._created:  # on first use, so that a receiver starts while the database is down
                conn.execute(self._sql["create"])
                self._created = True
            cursor = conn.execute(self._sql[name], params)
            return cursor.fetchone() if cursor.description else None

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        if self._pool is not None:
            with self._pool.connection(timeout=self.timeout) as conn, deadline(conn.fileno(), self.timeout):
                yield conn
            return
        if not self._lock.acquire(timeout=self.timeout):
            raise _busy(self.timeout)
        try:
            if self._given is not None:  # each operation in a transaction of its own
                with deadline(self._given.fileno(), self.timeout), self._given.transaction():
                    yield self._given
                return
            if self._own is None or self._own.closed:  # a broken connection is replaced, not kept failing
                self._own = None
                self._own = self._open()
            with deadline(self._own.fileno(), self.timeout):
                yield self._own
        finally:
            if self._own is not None and self._own.broken:
                self._own.close()
            self._lock.release()

    def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        return _outcome(self._execute("claim", {"id": event_id, "token": token, "lease": lease}), token)

    def complete(self, event_id: str, now: float) -> None:
        self._execute("complete", {"id": event_id})
        if self._due_for_prune(now):
            self._execute("prune", {"retention": self.retention})

    def release(self, event_id: str, token: str) -> None:
        self._execute("release", {"id": event_id, "token": token})

    def is_processed(self, event_id: str) -> bool:
        return self._execute("is_processed", {"id": event_id}) is not None

    def forget(self, event_id: str) -> None:
        self._execute("forget", {"id": event_id})

    def close(self) -> None:
        """Close the connection the store opened from a DSN (a connection or pool you passed stays open)."""
        with self._lock:
            if self._own is not None:
                self._own.close()
                self._own = None


class AsyncPostgresStore(_Store["psycopg.AsyncConnection[Any]", _AsyncPool], connection="AsyncConnection"):
    """:class:`PostgresStore` over psycopg's async connection, for :class:`AsyncDeduplicator` and
    :func:`asgi_app`. ``conninfo`` is a DSN, a ``psycopg.AsyncConnection`` or a ``psycopg_pool``
    ``AsyncConnectionPool``. The table is created on first use; ``timeout`` bounds every wait the same way;
    :meth:`aclose` closes an owned connection.
    """

    def __init__(
        self,
        conninfo: str | psycopg.AsyncConnection[Any] | _AsyncPool,
        *,
        table: str = DEFAULT_TABLE,
        retention: float = DEFAULT_RETENTION,
        timeout: float = DEFAULT_STORE_TIMEOUT,
    ) -> None:
        super().__init__(conninfo, table, retention, timeout)

    async def _execute(self, name: str, params: dict[str, Any]) -> Any:
        with store_errors("postgres", name, _errors()):
            async with self._connection() as conn:
                if not self._created:
                    await conn.execute(self._sql["create"])
                    self._created = True
                cursor = await conn.execute(self._sql[name], params)
                return await cursor.fetchone() if cursor.description else None

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[psycopg.AsyncConnection[Any]]:
        if self._pool is not None:
            async with self._pool.connection(timeout=self.timeout) as conn:
                with loop_deadline(conn.fileno(), self.timeout):
                    yield conn
            return
        try:
            async with asyncio.timeout(self.timeout):
                await self._lock.acquire()
        except TimeoutError:
            raise _busy(self.timeout) from None
        try:
            if self._given is not None:
                with loop_deadline(self._given.fileno(), self.timeout):
                    async with self._given.transaction():
                        yield self._given
                return
            if self._own is None or self._own.closed:
                self._own = None
                self._own = await self._open()
            with loop_deadline(self._own.fileno(), self.timeout):
                yield self._own
        finally:
            if self._own is not None and self._own.broken:
                await self._own.close()
            self._lock.release()

    async def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        row = await self._execute("claim", {"id": event_id, "token": token, "lease": lease})
        return _outcome(row, token)

    async def complete(self, event_id: str, now: float) -> None:
        await self._execute("complete", {"id": event_id})
        if self._due_for_prune(now):
            await self._execute("prune", {"retention": self.retention})

    async def release(self, event_id: str, token: str) -> None:
        await self._execute("release", {"id": event_id, "token": token})

    async def is_processed(self, event_id: str) -> bool:
        return await self._execute("is_processed", {"id": event_id}) is not None

    async def forget(self, event_id: str) -> None:
        await self._execute("forget", {"id": event_id})

    async def aclose(self) -> None:
        """Close the connection the store opened from a DSN."""
        async with self._lock:
            if self._own is not None:
                await self._own.close()
                self._own = None
