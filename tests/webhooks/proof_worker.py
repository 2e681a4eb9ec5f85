"""One receiver worker process of the cross-process proof (``test_proof.py``).

It takes deliveries from its pipe, runs them through ``Deduplicator.once`` on the shared store, and logs every
handler run to its own append-only file (start, then end, fail or kill) with a system-wide monotonic clock.
"""

from __future__ import annotations

import os
import random
import time
from multiprocessing.connection import Connection
from pathlib import Path

from kallglot import webhooks

LEASE = 1.0
FAIL_RATE = 0.1


def open_store(kind: str, target: str) -> webhooks.DedupStore:
    if kind == "sqlite":
        return webhooks.SQLiteStore(target)
    if kind == "redis":
        return webhooks.RedisStore(target)
    return webhooks.PostgresStore(target)


def main(conn: Connection, kind: str, target: str, logdir: str, kill_events: frozenset[str], seed: int) -> None:
    rng = random.Random(seed)
    dedup = webhooks.Deduplicator(open_store(kind, target), lease=LEASE)
    log = os.open(Path(logdir) / f"{os.getpid()}.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND)

    def note(what: str, event_id: str) -> None:
        os.write(log, f"{what} {event_id} {time.monotonic():.6f}\n".encode())

    conn.send("ready")
    while (event_id := conn.recv()) is not None:
        try:
            with dedup.once(event_id) as first:
                if first:
                    note("start", event_id)
                    if event_id in kill_events:
                        try:  # the first run of a doomed event dies mid-handler, as a crashed worker would
                            os.close(os.open(Path(logdir) / f"killed-{event_id}", os.O_CREAT | os.O_EXCL))
                            note("kill", event_id)
                            os._exit(1)
                        except FileExistsError:
                            pass
                    time.sleep(rng.random() * 0.002)
                    if rng.random() < FAIL_RATE:
                        note("fail", event_id)
                        raise RuntimeError("handler failed")
                    note("end", event_id)
            conn.send("ok")
        except webhooks.WebhookInProgressError:
            conn.send("busy")
        except (RuntimeError, webhooks.WebhookStoreError):
            conn.send("retry")
