"""Proof across processes: 8 workers share one store while Kallglot delivers 500 events 3 times each in random
order, handlers fail at random and a few workers are killed mid-handler. Every event's handler completes exactly
once where no worker died, at least once where one did, and two runs of one event never overlap in time.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import random
import time
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import pytest

from tests.webhooks import proof_worker

WORKERS = 8
EVENTS = 500
DELIVERIES = 3
KILLS = 4
DEADLINE = 60.0


@pytest.fixture(params=["sqlite", "redis", "postgres"])
def shared_store(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    if request.param == "sqlite":
        return "sqlite", str(tmp_path / "events.db")
    if request.param == "redis":
        return "redis", request.getfixturevalue("redis_url")
    return "postgres", request.getfixturevalue("postgres_dsn")


def run_deliveries(kind: str, target: str, logdir: Path, event_ids: list[str], kill: frozenset[str]) -> None:
    rng = random.Random(1234)
    pending = collections.deque(event_id for event_id in event_ids for _ in range(DELIVERIES))
    rng.shuffle(pending)
    context = multiprocessing.get_context("spawn")
    workers: dict[Connection, tuple[Any, str | None]] = {}  # pipe -> (process, delivery in flight)

    def start(seed: int) -> None:
        parent, child = context.Pipe()
        process = context.Process(
            target=proof_worker.main, args=(child, kind, target, str(logdir), kill, seed), daemon=True
        )
        process.start()
        child.close()
        workers[parent] = (process, None)

    def hand_out(conn: Connection) -> None:
        process, _ = workers[conn]
        if pending:
            event_id = pending.popleft()
            conn.send(event_id)
            workers[conn] = (process, event_id)
        else:
            workers[conn] = (process, None)

    for seed in range(WORKERS):
        start(seed)
    deadline = time.monotonic() + DEADLINE
    seeds = iter(range(WORKERS, 10_000))
    try:
        while pending or any(in_flight for _, in_flight in workers.values()):
            assert time.monotonic() < deadline, f"{len(pending)} deliveries still pending"
            for conn in wait(list(workers), timeout=1.0):
                process, in_flight = workers[conn]
                try:
                    answer = conn.recv()
                except EOFError:  # killed mid-handler: Kallglot gets no answer and retries the delivery
                    process.join(timeout=10)
                    del workers[conn]
                    if in_flight is not None:
                        pending.append(in_flight)
                    start(next(seeds))
                    continue
                if answer in ("busy", "retry") and in_flight is not None:
                    pending.append(in_flight)
                    if answer == "busy" and len(pending) < WORKERS:
                        time.sleep(0.02)  # only claims held by dead workers left: wait for their lease
                hand_out(conn)
    finally:
        for conn, (process, _) in workers.items():
            if process.is_alive():
                conn.send(None)
        for process, _ in workers.values():
            process.join(timeout=10)
            if process.is_alive():
                process.kill()


def test_eight_processes_process_every_event_once_despite_failures_and_kills(
    shared_store: tuple[str, str], tmp_path: Path
) -> None:
    kind, target = shared_store
    run = time.monotonic_ns()
    event_ids = [f"evt_proof_{run}_{index}" for index in range(EVENTS)]
    kill = frozenset(random.Random(7).sample(event_ids, KILLS))
    logdir = tmp_path / "logs"
    logdir.mkdir()
    run_deliveries(kind, target, logdir, event_ids, kill)

    runs: dict[str, list[tuple[float, float, str]]] = collections.defaultdict(list)
    for log in logdir.glob("*.log"):
        started: tuple[str, float] | None = None
        for line in log.read_text().splitlines():
            what, event_id, at = line.split()
            if what == "start":
                started = (event_id, float(at))
            else:
                assert started is not None and started[0] == event_id
                runs[event_id].append((started[1], float(at), what))
                started = None
        assert started is None  # every run in a worker's log ended (or was killed) before the next began
    killed = {event_id for event_id, seen in runs.items() if any(what == "kill" for _, _, what in seen)}
    assert killed == kill
    for event_id in event_ids:
        completed = sum(what == "end" for _, _, what in runs[event_id])
        assert completed == 1 if event_id not in killed else completed >= 1, (event_id, runs[event_id])
        ordered = sorted(runs[event_id])
        for (_, previous_end, _), (next_start, _, _) in itertools.pairwise(ordered):
            assert next_start >= previous_end, f"two runs of {event_id} overlapped"
    failures = sum(what == "fail" for seen in runs.values() for _, _, what in seen)
    assert failures > 10  # the random failures really happened, and were retried to completion
