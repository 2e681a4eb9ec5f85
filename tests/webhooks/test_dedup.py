"""Exactly-once processing: in memory and in SQLite, under failures, threads and processes racing."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from kallglot import webhooks


class Boom(Exception):
    pass


@pytest.fixture(params=["memory", "sqlite"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], webhooks.DedupStore]:
    """A factory: every call is a new handle on the same store (a new process would open the file again)."""
    if request.param == "memory":
        store = webhooks.MemoryStore()
        return lambda: store
    return lambda: webhooks.SQLiteStore(tmp_path / "events.db")


@pytest.fixture
def dedup(make_store: Callable[[], webhooks.DedupStore]) -> webhooks.Deduplicator:
    return webhooks.Deduplicator(make_store())


def test_the_default_store_is_a_bounded_memory_store() -> None:
    store = webhooks.Deduplicator().store
    assert isinstance(store, webhooks.MemoryStore) and store.maxsize == 10_000


def test_a_redelivered_event_is_acknowledged_but_not_processed_again(dedup: webhooks.Deduplicator) -> None:
    processed = []
    for _ in range(3):
        with dedup.once("evt_1") as first:
            if first:
                processed.append("evt_1")
    assert processed == ["evt_1"] and dedup.seen("evt_1") and not dedup.seen("evt_2")


def test_a_failing_handler_releases_the_claim_so_a_retry_processes(dedup: webhooks.Deduplicator) -> None:
    attempts = []
    with pytest.raises(Boom), dedup.once("evt_1") as first:
        attempts.append(first)
        raise Boom
    assert not dedup.seen("evt_1")
    with dedup.once("evt_1") as first:
        attempts.append(first)
    with dedup.once("evt_1") as first:
        attempts.append(first)
    assert attempts == [True, True, False]


def test_cancellation_releases_the_claim_too(dedup: webhooks.Deduplicator) -> None:
    async def handler() -> None:
        with dedup.once("evt_1") as first:
            assert first
            raise asyncio.CancelledError

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(handler())
    with dedup.once("evt_1") as first:
        assert first


def test_a_delivery_during_processing_is_told_to_come_back(dedup: webhooks.Deduplicator) -> None:
    with dedup.once("evt_1") as first:
        assert first
        with pytest.raises(webhooks.WebhookInProgressError) as info, dedup.once("evt_1"):
            pytest.fail("a second claim must not be granted while the first holds")
        assert info.value.event_id == "evt_1" and isinstance(info.value, webhooks.WebhookError)
    with dedup.once("evt_1") as first:
        assert not first


def test_a_claim_older_than_the_lease_is_taken_over(make_store: Callable[[], webhooks.DedupStore]) -> None:
    store = make_store()
    assert store.claim("evt_1", "crashed", 1000.0, 300.0) == "claimed"
    assert store.claim("evt_1", "retry", 1299.0, 300.0) == "in_progress"
    assert store.claim("evt_1", "retry", 1300.0, 300.0) == "claimed"
    store.release("evt_1", "crashed")  # the first worker wakes up, fails: the retry's claim must survive
    assert store.claim("evt_1", "third", 1301.0, 300.0) == "in_progress"
    store.complete("evt_1", 1302.0)
    assert store.is_processed("evt_1")
    assert store.claim("evt_1", "fourth", 9999.0, 300.0) == "processed"  # processed never expires by lease


def test_mark_seen_and_forget(dedup: webhooks.Deduplicator) -> None:
    dedup.mark("evt_1")
    assert dedup.seen("evt_1")
    with dedup.once("evt_1") as first:
        assert not first
    dedup.forget("evt_1")
    assert not dedup.seen("evt_1")
    with dedup.once("evt_1") as first:
        assert first
    with pytest.raises(TypeError, match="event_id"), dedup.once(""):
        pass


def test_the_memory_store_forgets_the_least_recently_seen_first() -> None:
    dedup = webhooks.Deduplicator(webhooks.MemoryStore(maxsize=2))
    for event_id in ("evt_a", "evt_b"):
        dedup.mark(event_id)
    with dedup.once("evt_a") as first:  # a redelivery refreshes evt_a
        assert not first
    dedup.mark("evt_c")
    assert dedup.seen("evt_a") and dedup.seen("evt_c") and not dedup.seen("evt_b")
    assert len(dedup.store) == 2  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="maxsize"):
        webhooks.MemoryStore(maxsize=0)


def test_the_memory_store_never_evicts_a_claim_in_progress() -> None:
    dedup = webhooks.Deduplicator(webhooks.MemoryStore(maxsize=2))
    with dedup.once("evt_busy") as first:
        assert first
        for event_id in ("evt_a", "evt_b", "evt_c", "evt_d"):
            dedup.mark(event_id)
        # A concurrent redelivery must be told to come back, not be handed the event a second time.
        with pytest.raises(webhooks.WebhookInProgressError), dedup.once("evt_busy"):
            pass
    assert dedup.seen("evt_busy") and not dedup.seen("evt_a")


def test_the_sqlite_store_persists_and_prunes(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    webhooks.Deduplicator(webhooks.SQLiteStore(path)).mark("evt_1")
    store = webhooks.SQLiteStore(str(path), retention=3600)
    assert store.is_processed("evt_1")
    store.complete("evt_old", 0.0)
    assert store.claim("evt_new", "token", 10_000.0, 300.0) == "claimed"  # pruning runs inside a claim
    assert not store.is_processed("evt_old") and store.is_processed("evt_1")
    with pytest.raises(ValueError, match="MemoryStore"):
        webhooks.SQLiteStore(":memory:")


def race(count: int, worker: Callable[[Callable[[], None]], None]) -> None:
    """Run ``worker(start)`` on ``count`` threads, where ``start()`` waits for them all; re-raise any thread's error.

    A thread that fails before the barrier breaks it rather than leaving the others waiting for ever.
    """
    barrier = threading.Barrier(count, timeout=30)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            worker(barrier.wait)
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=run, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a racing thread is stuck"
    if errors:
        # A broken barrier only echoes another thread's failure: raise that failure.
        raise next((e for e in errors if not isinstance(e, threading.BrokenBarrierError)), errors[0])


def test_threads_racing_on_one_id_process_it_once(make_store: Callable[[], webhooks.DedupStore]) -> None:
    outcomes: list[str] = []

    def deliver(start: Callable[[], None]) -> None:
        dedup = webhooks.Deduplicator(make_store())
        start()
        try:
            with dedup.once("evt_race") as first:
                if first:
                    time.sleep(0.05)  # hold the claim while the others arrive
                outcomes.append("processed" if first else "acknowledged")
        except webhooks.WebhookInProgressError:
            outcomes.append("retry later")

    race(8, deliver)
    assert len(outcomes) == 8 and outcomes.count("processed") == 1


def test_threads_racing_on_many_ids_process_each_exactly_once(make_store: Callable[[], webhooks.DedupStore]) -> None:
    processed: Counter[str] = Counter()
    lock = threading.Lock()
    ids = [f"evt_{n}" for n in range(150)]

    def worker(start: Callable[[], None]) -> None:
        dedup = webhooks.Deduplicator(make_store())
        start()
        for event_id in ids:
            try:
                with dedup.once(event_id) as first:
                    if first:
                        with lock:
                            processed[event_id] += 1
            except webhooks.WebhookInProgressError:
                pass  # the holder processes it

    race(4, worker)
    assert processed == Counter(dict.fromkeys(ids, 1))


def test_workers_opening_a_new_sqlite_file_at_the_same_moment_all_start(tmp_path: Path) -> None:
    # Switching a new file to WAL used to answer "database is locked" at once to all but one of them.
    for attempt in range(40):
        path = tmp_path / f"events-{attempt}.db"
        stores: list[webhooks.SQLiteStore] = []

        def open_store(
            start: Callable[[], None], path: Path = path, stores: list[webhooks.SQLiteStore] = stores
        ) -> None:
            start()
            stores.append(webhooks.SQLiteStore(path))

        race(4, open_store)
        assert len(stores) == 4
        webhooks.Deduplicator(stores[0]).mark("evt_1")
        assert all(store.is_processed("evt_1") for store in stores)


WORKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kallglot import webhooks

    db, go = sys.argv[1], Path(sys.argv[2])
    dedup = webhooks.Deduplicator(webhooks.SQLiteStore(db))
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)
    for n in range(300):
        try:
            with dedup.once(f"evt_{n}") as first:
                if first:
                    time.sleep(0.001)  # hold the claim so the other workers collide with it
                    print(f"evt_{n}", flush=True)
        except webhooks.WebhookInProgressError:
            pass
    """
)


def test_processes_racing_on_a_sqlite_file_process_each_id_exactly_once(tmp_path: Path) -> None:
    db, go = tmp_path / "events.db", tmp_path / "go"
    webhooks.SQLiteStore(db)  # create the schema once, as a server's start-up would
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(db), str(go)], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
        go.touch()
        outputs = [worker.communicate(timeout=120)[0].split() for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.communicate()
    assert all(worker.returncode == 0 for worker in workers)
    processed = Counter(event_id for output in outputs for event_id in output)
    assert processed == Counter({f"evt_{n}": 1 for n in range(300)})


def test_the_sqlite_store_keeps_the_write_ahead_log_open_between_calls(tmp_path: Path) -> None:
    # Closing the last connection checkpoints and deletes the log (fsyncs, ~10 ms a call); the store's idle
    # connection keeps it, so a call's own close stays cheap.
    path = tmp_path / "events.db"
    store = webhooks.SQLiteStore(path)
    webhooks.Deduplicator(store).mark("evt_1")
    assert (tmp_path / "events.db-wal").exists()
    store.close()
    store.close()  # idempotent
    assert not (tmp_path / "events.db-wal").exists() and store.is_processed("evt_1")


def test_a_sqlite_store_that_cannot_open_its_file_raises_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(webhooks.WebhookStoreError) as caught:
        webhooks.SQLiteStore(tmp_path / "missing-folder" / "events.db")
    assert caught.value.store == "sqlite"


@pytest.mark.parametrize("name", ["retention", "busy_timeout"])
def test_a_sqlite_store_refuses_a_retention_or_busy_timeout_that_is_not_positive(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        webhooks.SQLiteStore(tmp_path / "events.db", **{name: 0})
