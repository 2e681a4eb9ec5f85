"""Webhook receiving: events per second through ``Deduplicator.once`` for each store (1 and 8 worker processes,
one claim and one completion per event, servers on loopback), and ``construct_event`` verify+parse per second.

Redis and PostgreSQL are started in a temporary folder as the tests start them; a store whose server or driver
is missing is reported as skipped.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import time
import uuid
from collections.abc import Iterator
from typing import Any

from kallglot import webhooks

SECRET = "whsec_bench"
WORKERS = 8
# Events per measurement, sized so that each line takes a second or two on a loaded 2-core machine.
EVENTS = {"memory": 100_000, "sqlite": 2_000, "redis": 5_000, "postgres": 4_000}


def _store(kind: str, target: str) -> webhooks.DedupStore:
    if kind == "memory":
        return webhooks.MemoryStore(maxsize=EVENTS["memory"])
    if kind == "sqlite":
        return webhooks.SQLiteStore(target)
    if kind == "redis":
        return webhooks.RedisStore(target)
    return webhooks.PostgresStore(target)


def _process(kind: str, target: str, count: int, prefix: str) -> float:
    dedup = webhooks.Deduplicator(_store(kind, target))
    start = time.perf_counter()
    for index in range(count):
        with dedup.once(f"{prefix}{index}") as first:
            assert first
    return time.perf_counter() - start


def _worker(kind: str, target: str, count: int, prefix: str, go: Any, results: Any) -> None:
    dedup = webhooks.Deduplicator(_store(kind, target))
    dedup.seen(f"{prefix}warm-up")  # connect before the clock starts
    results.put(0)
    go.wait()
    for index in range(count):
        with dedup.once(f"{prefix}{index}") as first:
            assert first
    results.put(count)


def _parallel(kind: str, target: str, count: int) -> float:
    context = multiprocessing.get_context("spawn")
    go, results = context.Event(), context.Queue()
    per_worker = count // WORKERS
    run = uuid.uuid4().hex[:8]
    workers = [
        context.Process(target=_worker, args=(kind, target, per_worker, f"evt_{run}_{n}_", go, results))
        for n in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    for _ in workers:  # every worker imported and connected
        results.get(timeout=120)
    start = time.perf_counter()
    go.set()
    done = sum(results.get(timeout=120) for _ in workers)
    elapsed = time.perf_counter() - start
    for worker in workers:
        worker.join(timeout=10)
    return done / elapsed


@contextlib.contextmanager
def _target(kind: str, folder: str) -> Iterator[str]:
    if kind == "memory":
        yield ""
    elif kind == "sqlite":
        yield f"{folder}/events.db"
    else:
        from tests.webhooks.servers import postgres_server, redis_server

        with redis_server() if kind == "redis" else postgres_server() as url:
            yield url


def _construct_event_rate() -> float:
    body = json.dumps(
        webhooks.build_event("session.ended", {"id": "sess_01HXYZ", "object": "session", "status": "ended"})
    ).encode()
    header = webhooks.sign(body, SECRET)
    best = 0.0
    for _ in range(5):
        calls = 5_000
        start = time.perf_counter()
        for _ in range(calls):
            webhooks.construct_event(body, header, SECRET)
        best = max(best, calls / (time.perf_counter() - start))
    return best


def run() -> Iterator[str]:
    import tempfile

    yield f"construct_event: {_construct_event_rate():,.0f} verify+parse/s (session.ended, best of 5)"
    for kind, count in EVENTS.items():
        with tempfile.TemporaryDirectory() as folder:
            try:
                with _target(kind, folder) as target:
                    single = count / _process(kind, target, count, f"evt_{uuid.uuid4().hex[:8]}_")
                    if kind == "sqlite":
                        target = f"{folder}/events-8.db"
                    eight = _parallel(kind, target, count)
            except BaseException as exc:  # pytest.skip raises a BaseException when a server is missing
                if isinstance(exc, KeyboardInterrupt):
                    raise
                yield f"dedup {kind}: skipped ({type(exc).__name__}: {exc})"
                continue
        shared = " (a store per process)" if kind == "memory" else ""
        yield f"dedup {kind}: {single:,.0f} events/s with 1 worker, {eight:,.0f} events/s with {WORKERS}{shared}"
