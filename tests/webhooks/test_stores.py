"""Every store keeps the same contract, against real Redis and PostgreSQL servers on loopback."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kallglot import WebhookStoreError, webhooks
from tests.webhooks.servers import redis_server

KINDS = ["memory", "sqlite", "redis", "postgres"]


class Boom(Exception):
    pass


@pytest.fixture
def fresh_id() -> Callable[[], str]:
    # The servers live for the whole session: every test works on ids no other test uses.
    return lambda: f"evt_{uuid.uuid4().hex}"


@pytest.fixture(params=KINDS)
def sync_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[webhooks.DedupStore]:
    kind = request.param
    if kind == "memory":
        yield webhooks.MemoryStore()
    elif kind == "sqlite":
        yield webhooks.SQLiteStore(tmp_path / "events.db")
    elif kind == "redis":
        store = webhooks.RedisStore(request.getfixturevalue("redis_url"))
        yield store
        store.close()
    else:
        pg = webhooks.PostgresStore(request.getfixturevalue("postgres_dsn"))
        yield pg
        pg.close()


def test_once_processes_once_releases_on_failure_and_refuses_a_concurrent_claim(
    sync_store: webhooks.DedupStore, fresh_id: Callable[[], str]
) -> None:
    dedup = webhooks.Deduplicator(sync_store)
    event_id = fresh_id()
    with pytest.raises(Boom), dedup.once(event_id) as first:
        assert first
        raise Boom
    assert not dedup.seen(event_id)
    with dedup.once(event_id) as first:
        assert first
        with pytest.raises(webhooks.WebhookInProgressError), dedup.once(event_id):
            pass
    for _ in range(2):
        with dedup.once(event_id) as first:
            assert not first
    assert dedup.seen(event_id)
    dedup.forget(event_id)
    assert not dedup.seen(event_id)
    other = fresh_id()
    dedup.mark(other)
    with dedup.once(other) as first:
        assert not first


def test_a_crashed_workers_claim_expires_after_the_lease_and_its_late_release_is_ignored(
    sync_store: webhooks.DedupStore, fresh_id: Callable[[], str]
) -> None:
    event_id = fresh_id()
    assert sync_store.claim(event_id, "crashed", time.time(), 0.15) == "claimed"
    assert sync_store.claim(event_id, "early", time.time(), 0.15) == "in_progress"
    time.sleep(0.25)
    assert sync_store.claim(event_id, "retry", time.time(), 0.15) == "claimed"
    sync_store.release(event_id, "crashed")  # the first worker wakes up and fails: the retry's claim survives
    assert sync_store.claim(event_id, "third", time.time(), 0.15) == "in_progress"
    sync_store.complete(event_id, time.time())
    time.sleep(0.25)
    assert sync_store.claim(event_id, "fourth", time.time(), 0.15) == "processed"  # never expires by lease
    assert sync_store.is_processed(event_id)


def test_threads_racing_on_one_id_let_exactly_one_process_it(
    sync_store: webhooks.DedupStore, fresh_id: Callable[[], str]
) -> None:
    dedup = webhooks.Deduplicator(sync_store)
    event_ids = [fresh_id() for _ in range(20)]
    firsts: list[str] = []
    barrier = threading.Barrier(6)

    def worker() -> None:
        barrier.wait()
        for event_id in event_ids:
            try:
                with dedup.once(event_id) as first:
                    if first:
                        firsts.append(event_id)
            except webhooks.WebhookInProgressError:
                pass

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(firsts) == sorted(event_ids)


ASYNC_KINDS = ["memory", "sqlite-in-a-thread", "redis", "postgres"]


@pytest.fixture(params=ASYNC_KINDS)
def async_store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], Any]:
    kind = request.param
    if kind == "memory":
        store = webhooks.MemoryStore()
        return lambda: store
    if kind == "sqlite-in-a-thread":
        return lambda: webhooks.SQLiteStore(tmp_path / "events.db")
    if kind == "redis":
        url = request.getfixturevalue("redis_url")
        return lambda: webhooks.AsyncRedisStore(url)
    dsn = request.getfixturevalue("postgres_dsn")
    return lambda: webhooks.AsyncPostgresStore(dsn)


async def _close(store: Any) -> None:
    if hasattr(store, "aclose"):
        await store.aclose()


def test_the_async_deduplicator_keeps_the_contract_and_a_cancelled_handler_releases(
    async_store_factory: Callable[[], Any], fresh_id: Callable[[], str]
) -> None:
    async def scenario() -> None:
        store = async_store_factory()
        dedup = webhooks.AsyncDeduplicator(store)
        event_id = fresh_id()
        started = asyncio.Event()

        async def slow_handler() -> None:
            async with dedup.once(event_id) as first:
                assert first
                started.set()
                await asyncio.sleep(30)

        task = asyncio.create_task(slow_handler())
        await started.wait()
        with pytest.raises(webhooks.WebhookInProgressError):
            async with dedup.once(event_id):
                pass
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert not await dedup.seen(event_id)
        async with dedup.once(event_id) as first:
            assert first
        async with dedup.once(event_id) as first:
            assert not first
        assert await dedup.seen(event_id)
        await dedup.forget(event_id)
        assert not await dedup.seen(event_id)
        await dedup.mark(event_id)
        assert await dedup.seen(event_id)
        results = await asyncio.gather(*(_race(dedup, fresh_id) for _ in range(1)))
        assert results == [1]
        await _close(store)

    asyncio.run(asyncio.wait_for(scenario(), 60))


async def _race(dedup: webhooks.AsyncDeduplicator, fresh_id: Callable[[], str]) -> int:
    event_id = fresh_id()
    firsts = 0

    async def one() -> None:
        nonlocal firsts
        try:
            async with dedup.once(event_id) as first:
                await asyncio.sleep(0.01)
                firsts += first
        except webhooks.WebhookInProgressError:
            pass

    await asyncio.gather(*(one() for _ in range(8)))
    return firsts


def test_a_sync_deduplicator_refuses_an_async_store(redis_url: str) -> None:
    with pytest.raises(TypeError, match="AsyncDeduplicator"):
        webhooks.Deduplicator(webhooks.AsyncRedisStore(redis_url))  # type: ignore[arg-type]


@pytest.mark.parametrize("make", [webhooks.RedisStore, webhooks.AsyncRedisStore])
def test_a_retention_shorter_than_the_retry_window_is_refused(make: Any) -> None:
    with pytest.raises(ValueError, match=r"41\.5-hour"):
        make("redis://127.0.0.1:1/0", retention=3600)


def test_the_postgres_store_refuses_a_table_name_that_is_not_an_identifier(postgres_dsn: str) -> None:
    with pytest.raises(ValueError, match="identifier"):
        webhooks.PostgresStore(postgres_dsn, table="events; DROP TABLE x")
    with pytest.raises(ValueError, match=r"41\.5-hour"):
        webhooks.AsyncPostgresStore(postgres_dsn, retention=60)


def test_the_postgres_store_creates_the_documented_table_and_prunes_old_rows(postgres_dsn: str) -> None:
    import psycopg

    table = f"events_{uuid.uuid4().hex[:8]}"
    store = webhooks.PostgresStore(postgres_dsn, table=table, retention=41.5 * 3600)
    store.complete("evt_new", time.time())
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        columns = conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s ORDER BY 1",
            (table,),
        ).fetchall()
        assert columns == [("event_id", "text"), ("token", "text"), ("updated_at", "timestamp with time zone")]
        conn.execute(f"INSERT INTO {table} VALUES ('evt_old', NULL, now() - interval '50 hours')")
    store._pruned_at = None  # the next completion prunes, as it does once an hour
    store.complete("evt_newer", time.time())
    assert store.is_processed("evt_new") and not store.is_processed("evt_old")
    store.close()


def test_a_redis_server_that_goes_away_mid_claim_raises_a_store_error_naming_redis() -> None:
    with redis_server() as url:
        store = webhooks.RedisStore(url)
        dedup = webhooks.Deduplicator(store)
        context = dedup.once("evt_gone")
        assert context.__enter__() is True
    # The server is stopped while the handler runs: recording completion fails clearly.
    with pytest.raises(WebhookStoreError) as caught:
        context.__exit__(None, None, None)
    assert caught.value.store == "redis" and "redis" in str(caught.value)
    assert url not in str(caught.value)
    with pytest.raises(WebhookStoreError, match="redis"), dedup.once("evt_next"):
        pass
    store.close()


def test_a_postgres_server_that_drops_the_connection_mid_claim_raises_then_reconnects(postgres_dsn: str) -> None:
    import psycopg

    store = webhooks.PostgresStore(postgres_dsn)
    dedup = webhooks.Deduplicator(store)
    event_id = f"evt_{uuid.uuid4().hex}"
    with pytest.raises(WebhookStoreError) as caught, dedup.once(event_id) as first:
        assert first
        with psycopg.connect(postgres_dsn, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                " AND datname = current_database() AND backend_type = 'client backend'"
            )
    assert caught.value.store == "postgres" and "postgres" in str(caught.value)
    assert isinstance(caught.value.__cause__, psycopg.Error)
    try:
        # A new connection answers: the claim was never completed, so it holds until the lease runs out.
        with pytest.raises(webhooks.WebhookInProgressError), dedup.once(event_id):
            pass
        assert not dedup.seen(event_id)
    finally:
        store.close()


def test_the_async_stores_raise_a_store_error_when_the_server_is_gone() -> None:
    with redis_server() as url:
        pass
    dead_dsn = f"postgresql://postgres@127.0.0.1:{_dead_port()}/postgres"

    async def scenario() -> None:
        for store, name in (
            (webhooks.AsyncRedisStore(url), "redis"),
            (webhooks.AsyncPostgresStore(dead_dsn), "postgres"),
        ):
            dedup = webhooks.AsyncDeduplicator(store)
            with pytest.raises(WebhookStoreError) as caught:
                async with dedup.once("evt_1"):
                    pass
            assert caught.value.store == name
            await _close(store)

    asyncio.run(asyncio.wait_for(scenario(), 60))


def _dead_port() -> int:
    from tests.webhooks.servers import free_port

    return free_port()


def test_the_readme_shows_the_postgres_schema_the_store_creates() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert webhooks.POSTGRES_SCHEMA.format(table="kallglot_webhook_events") in readme


def test_the_postgres_store_connects_on_first_use_and_takes_a_connection_you_own(postgres_dsn: str) -> None:
    import psycopg

    from tests.webhooks.servers import free_port

    webhooks.PostgresStore(f"postgresql://postgres@127.0.0.1:{free_port()}/postgres")  # a receiver starts anyway
    with psycopg.connect(postgres_dsn) as conn:  # not autocommit: every operation runs in its own transaction
        dedup = webhooks.Deduplicator(webhooks.PostgresStore(conn, table="events_owned"))
        event_id = f"evt_{uuid.uuid4().hex}"
        with dedup.once(event_id) as first:
            assert first
        assert dedup.seen(event_id) and conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    with psycopg.connect(postgres_dsn, autocommit=True) as other:
        assert other.execute("SELECT token FROM events_owned WHERE event_id = %s", (event_id,)).fetchone() == (None,)


@pytest.mark.parametrize("store", [webhooks.PostgresStore, webhooks.AsyncPostgresStore])
def test_a_postgres_store_refuses_an_object_that_is_neither_a_dsn_a_connection_nor_a_pool(store: Any) -> None:
    with pytest.raises(TypeError, match="DSN"):
        store(object())
