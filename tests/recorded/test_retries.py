"""Retries, recorded: failed attempts repeat the same Idempotency-Key, and one credit is paid whatever happens."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from vcr.cassette import Cassette

import kallglot
from kallglot import Session

from .conftest import Api

pytestmark = pytest.mark.vcr

CREATE = {"mode": "bidirectional_translation", "target_language": "en"}


def _used(client: kallglot.Kallglot) -> int:
    credits = client.credits
    assert credits is not None and credits.used is not None
    return credits.used


def test_server_errors_are_retried_with_the_same_key(api: Api, vcr: Cassette, sleeps: list[float]) -> None:
    api.faults.fail_next(2, status=503, method="POST", path="/sessions")
    with api.client(max_retries=2) as client:
        session = client.sessions.create(**CREATE)
        assert session.status == kallglot.SessionStatus.CREATED
        assert _used(client) == 1
    keys = api.keys()
    assert len(keys) == 3 and len(set(keys)) == 1 and keys[0]
    assert [r["status"]["code"] for r in vcr.responses] == [503, 503, 201]
    recorded = {r.headers["idempotency-key"] for r in vcr.requests}
    assert len(recorded) == 1, "the recording run sent one key too"
    assert len(sleeps) == 2


def test_rate_limit_waits_retry_after_then_succeeds(api: Api, sleeps: list[float]) -> None:
    api.faults.fail_next(1, status=429, retry_after=1, method="POST")
    with api.client(max_retries=1) as client:
        client.sessions.create(**CREATE)
    assert sleeps == [1.0]
    keys = api.keys()
    assert len(keys) == 2 and len(set(keys)) == 1


def test_same_key_and_body_replays_without_a_second_credit(api: Api) -> None:
    with api.client() as client:
        first = client.sessions.with_raw_response.create(**CREATE, idempotency_key="checkout-7")
        second = client.sessions.with_raw_response.create(**CREATE, idempotency_key="checkout-7")
        assert second.parsed.id == first.parsed.id
        assert second.status_code == first.status_code
        assert second.credits is not None and first.credits is not None
        assert second.credits.used == first.credits.used


def test_duplicate_while_first_runs_gets_a_conflict(api: Api) -> None:
    api.faults.delay_next(0.5, method="POST", path="/sessions")
    outcomes: list[Any] = []
    with api.client(max_retries=0) as client:

        def create() -> None:
            try:
                outcomes.append(client.sessions.create(**CREATE, idempotency_key="dup-1"))
            except kallglot.ConflictError as exc:
                outcomes.append(exc)

        first = threading.Thread(target=create)
        first.start()
        if not api.replaying:
            threading.Event().wait(0.2)  # the first request is being held by the mock
        create()
        first.join()
    # Replaying, which thread gets which recorded answer is a race; the pair of answers is not.
    sessions = [o for o in outcomes if isinstance(o, Session)]
    conflicts = [o for o in outcomes if isinstance(o, kallglot.ConflictError)]
    assert len(sessions) == 1 and len(conflicts) == 1
    assert conflicts[0].code == "idempotency_conflict"
    assert conflicts[0].retry_after is not None and conflicts[0].retry_after > 0
    assert conflicts[0].idempotency_key == "dup-1"
