"""Every wait of a network store is bounded: a server that stops answering without closing the connection
fails the operation with ``WebhookStoreError`` after the store's ``timeout``, never hangs the delivery.

Each scenario runs under an outer bound far above the timeout, so a regression fails instead of hanging.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import pytest

from kallglot import WebhookStoreError, webhooks
from tests.webhooks.servers import silent_server

OUTER_BOUND = 30.0  # seconds; the stores below give up after well under one


def in_threads(operation: Callable[[], object], count: int = 1) -> list[BaseException | None]:
    """Run ``operation`` in ``count`` threads at once; what each raised (``None`` if it returned)."""
    raised: list[BaseException | None] = [None] * count

    def run(index: int) -> None:
        try:
            operation()
        except BaseException as exc:
            raised[index] = exc

    threads = [threading.Thread(target=run, args=(index,), daemon=True) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=OUTER_BOUND)
        assert not thread.is_alive(), "the store operation hung"
    return raised


def assert_timed_out(exc: object, store: str) -> None:
    assert isinstance(exc, WebhookStoreError), repr(exc)
    assert exc.store == store and store in str(exc)
    assert isinstance(exc.__cause__, TimeoutError) or "Timeout" in type(exc.__cause__).__name__, repr(exc.__cause__)


def all_timed_out(raised: list[Any]) -> None:
    """Each of several operations at once on a silent server failed, the first one from its deadline (the others
    may have been cut too, or waited for the store's connection in vain, or found a connection you passed
    broken by the first one's cut)."""
    for exc in raised:
        assert isinstance(exc, WebhookStoreError) and exc.store == "postgres", repr(exc)
    assert any(isinstance(exc.__cause__, TimeoutError) for exc in raised)


class Pool:
    """The part of psycopg_pool's ConnectionPool the store uses: a connection per block."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    @contextmanager
    def connection(self, timeout: float | None = None) -> Iterator[Any]:
        import psycopg

        with psycopg.connect(self.dsn, autocommit=True, connect_timeout=2) as conn:
            yield conn


class AsyncPool:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    @asynccontextmanager
    async def connection(self, timeout: float | None = None) -> AsyncIterator[Any]:
        import psycopg

        async with await psycopg.AsyncConnection.connect(self.dsn, autocommit=True, connect_timeout=2) as conn:
            yield conn


@pytest.mark.parametrize("source", ["dsn", "connection", "pool"])
def test_a_postgres_server_that_stops_answering_fails_each_blocking_operation_after_the_timeout(source: str) -> None:
    import psycopg

    pytest.importorskip("psycopg")
    with silent_server(postgres_startup=True) as port:
        dsn = f"postgresql://kallglot@127.0.0.1:{port}/events"
        conninfo: Any = dsn if source == "dsn" else Pool(dsn) if source == "pool" else psycopg.connect(dsn)
        store = webhooks.PostgresStore(conninfo, timeout=0.3)
        # Three threads at once: those waiting for the store's one connection are bounded too.
        all_timed_out(in_threads(lambda: store.claim("evt_1", "token", time.time(), 60), count=3))
        store.close()


@pytest.mark.parametrize("source", ["dsn", "connection", "pool"])
def test_a_postgres_server_that_stops_answering_fails_each_async_operation_after_the_timeout(source: str) -> None:
    import psycopg

    async def scenario() -> None:
        with silent_server(postgres_startup=True) as port:
            dsn = f"postgresql://kallglot@127.0.0.1:{port}/events"
            conninfo: Any = dsn
            if source != "dsn":
                conninfo = AsyncPool(dsn) if source == "pool" else await psycopg.AsyncConnection.connect(dsn)
            store = webhooks.AsyncPostgresStore(conninfo, timeout=0.3)
            claims = [store.claim(f"evt_{n}", "token", time.time(), 60) for n in range(3)]
            all_timed_out(await asyncio.gather(*claims, return_exceptions=True))
            await store.aclose()

    asyncio.run(asyncio.wait_for(scenario(), OUTER_BOUND))


def test_connecting_to_a_server_that_never_answers_is_bounded_by_the_timeout() -> None:
    with silent_server() as port:
        dsn = f"postgresql://kallglot@127.0.0.1:{port}/events"
        (raised,) = in_threads(lambda: webhooks.PostgresStore(dsn, timeout=1).forget("evt_1"))
        assert isinstance(raised, WebhookStoreError) and raised.store == "postgres"

        async def scenario() -> None:
            with pytest.raises(WebhookStoreError, match="postgres"):
                await webhooks.AsyncPostgresStore(dsn, timeout=1).forget("evt_1")

        asyncio.run(asyncio.wait_for(scenario(), OUTER_BOUND))


def test_a_redis_server_that_stops_answering_fails_each_operation_after_the_timeout() -> None:
    with silent_server() as port:
        url = f"redis://127.0.0.1:{port}/0"
        store = webhooks.RedisStore(url, timeout=0.3)
        for operation in (lambda: store.claim("evt_1", "token", time.time(), 60), lambda: store.complete("e", 0)):
            (raised,) = in_threads(operation)
            assert_timed_out(raised, "redis")
        store.close()

        async def scenario() -> None:
            async_store = webhooks.AsyncRedisStore(url, timeout=0.3)
            with pytest.raises(WebhookStoreError) as caught:
                await async_store.claim("evt_1", "token", time.time(), 60)
            assert_timed_out(caught.value, "redis")
            await async_store.aclose()

        asyncio.run(asyncio.wait_for(scenario(), OUTER_BOUND))


@contextmanager
def paused(pid: int) -> Iterator[None]:
    try:
        os.kill(pid, signal.SIGSTOP)
    except PermissionError:
        pytest.skip("cannot signal the PostgreSQL backend (run as root or as the cluster's owner)")
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def backend_pid(dsn: str, application: str) -> int:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as admin:
        row = admin.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", (application,)).fetchone()
    assert row is not None, "the store's connection is not in pg_stat_activity"
    return int(row[0])


@pytest.mark.parametrize("shell", ["sync", "async"])
def test_a_paused_postgres_backend_fails_the_operation_and_the_next_one_reconnects(
    postgres_dsn: str, shell: str
) -> None:
    application = f"kallglot_{uuid.uuid4().hex[:12]}"
    dsn = f"{postgres_dsn}?application_name={application}"  # kept on the store's own connection
    event_id = f"evt_{uuid.uuid4().hex}"
    if shell == "sync":
        store = webhooks.PostgresStore(dsn, timeout=1)
        store.forget(event_id)
        with paused(backend_pid(postgres_dsn, application)):
            (raised,) = in_threads(lambda: store.claim(event_id, "token", time.time(), 60))
        assert_timed_out(raised, "postgres")
        assert store.claim(event_id, "token", time.time(), 60) == "claimed"  # on a new connection
        store.close()
        return

    async def scenario() -> None:
        async_store = webhooks.AsyncPostgresStore(dsn, timeout=1)
        await async_store.forget(event_id)
        with paused(backend_pid(postgres_dsn, application)), pytest.raises(WebhookStoreError) as caught:
            await async_store.claim(event_id, "token", time.time(), 60)
        assert_timed_out(caught.value, "postgres")
        assert await async_store.claim(event_id, "token", time.time(), 60) == "claimed"
        await async_store.aclose()

    asyncio.run(asyncio.wait_for(scenario(), OUTER_BOUND))


def test_a_statement_stuck_on_a_lock_is_cancelled_by_the_server_and_the_connection_kept(postgres_dsn: str) -> None:
    import psycopg

    store = webhooks.PostgresStore(postgres_dsn, timeout=3)  # the server cancels at 2.7 s, before the client
    event_id = f"evt_{uuid.uuid4().hex}"
    assert store.claim(event_id, "token", time.time(), 60) == "claimed"
    with psycopg.connect(postgres_dsn) as other:  # a transaction holding the event's row
        other.execute("SELECT 1 FROM kallglot_webhook_events WHERE event_id = %s FOR UPDATE", (event_id,))
        (raised,) = in_threads(lambda: store.complete(event_id, time.time()))
        assert isinstance(raised, WebhookStoreError) and isinstance(raised.__cause__, psycopg.errors.QueryCanceled)
    store.complete(event_id, time.time())
    assert store.is_processed(event_id)
    store.close()


def test_the_deadline_thread_cuts_a_silent_socket_also_after_it_went_to_sleep() -> None:
    from kallglot._webhook_deadline import deadline

    for pause in (0.0, 1.5):  # after a quiet second the thread sleeps until the next round trip wakes it
        time.sleep(pause)
        left, right = socket.socketpair()
        with left, right:
            left.settimeout(OUTER_BOUND)  # a regression fails with socket's "timed out", not hangs
            with pytest.raises(TimeoutError, match=r"did not answer within 0\.2 s"), deadline(left.fileno(), 0.2):
                if not left.recv(1):
                    raise ConnectionResetError("the socket was shut down")


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf"), True, "5"])
@pytest.mark.parametrize(
    "make",
    [webhooks.RedisStore, webhooks.AsyncRedisStore, webhooks.PostgresStore, webhooks.AsyncPostgresStore],
)
def test_a_timeout_that_is_not_a_positive_number_of_seconds_is_refused(make: Any, timeout: Any) -> None:
    url = "redis://127.0.0.1:1/0" if "Redis" in make.__name__ else "postgresql://127.0.0.1:1/x"
    with pytest.raises(ValueError, match="timeout must be a positive finite number of seconds"):
        make(url, timeout=timeout)
