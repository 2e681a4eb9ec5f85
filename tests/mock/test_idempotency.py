"""Idempotency keys: replay, mismatch, conflict, no double charge, and errors leave the key free."""

from __future__ import annotations

import threading
import time

import httpx

from kallglot.mock import MockConfig, MockServer, serve

from .conftest import api_client, assert_error, talk


def test_the_same_key_and_body_replays_the_first_response_without_charging(
    http: httpx.Client, server: MockServer
) -> None:
    headers = {"Idempotency-Key": "create-1"}
    first = http.post("/sessions", json={"mode": "ai_agent", "metadata": {"a": 1}}, headers=headers)
    # Same fields in another order and layout: still the same request.
    second = http.post(
        "/sessions",
        content=b'{ "metadata": {"a": 1},   "mode": "ai_agent" }',
        headers={**headers, "Content-Type": "application/json"},
    )
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.content == first.content
    assert second.headers["idempotent-replayed"] == "true"
    assert second.headers["x-request-id"] != first.headers["x-request-id"]
    assert second.headers["x-api-credits-used"] == first.headers["x-api-credits-used"] == "1"
    assert len(server.state.sessions) == 1
    assert len(server.events.list("session.created")) == 1


def test_the_same_key_with_another_body_is_a_400_mismatch(http: httpx.Client) -> None:
    headers = {"Idempotency-Key": "create-2"}
    assert http.post("/sessions", json={"mode": "ai_agent"}, headers=headers).status_code == 201
    response = http.post("/sessions", json={"mode": "help_chat_voice"}, headers=headers)
    error = assert_error(response, 400, "idempotency_mismatch")
    assert error["type"] == "invalid_request_error"


def test_the_same_key_on_another_route_is_a_mismatch(http: httpx.Client) -> None:
    session = http.post("/sessions", json={"mode": "ai_agent"}, headers={"Idempotency-Key": "k"}).json()
    assert_error(
        http.post(f"/sessions/{session['id']}/end", headers={"Idempotency-Key": "k"}), 400, "idempotency_mismatch"
    )


def test_a_duplicate_while_the_first_is_running_is_a_409_with_retry_after(
    http: httpx.Client, server: MockServer
) -> None:
    server.faults.delay_next(0.75, path="/sessions")  # long enough for the duplicate to arrive meanwhile
    headers = {"Idempotency-Key": "slow-1"}
    first: list[httpx.Response] = []
    worker = threading.Thread(
        target=lambda: first.append(http.post("/sessions", json={"mode": "ai_agent"}, headers=headers))
    )
    worker.start()
    # The first request has acted (the session exists) and is now held by the delay.
    deadline = time.monotonic() + 10
    while not server.state.sessions and time.monotonic() < deadline:
        time.sleep(0.01)
    duplicate = http.post("/sessions", json={"mode": "ai_agent"}, headers=headers)
    worker.join()
    error = assert_error(duplicate, 409, "idempotency_conflict")
    assert duplicate.headers["retry-after"] == "1" and error["retry_after"] == 1
    assert first[0].status_code == 201
    replay = http.post("/sessions", json={"mode": "ai_agent"}, headers=headers)
    assert replay.content == first[0].content


def test_errors_are_not_remembered_so_the_key_can_be_retried(http: httpx.Client, server: MockServer) -> None:
    server.faults.set_credits(0)
    headers = {"Idempotency-Key": "after-top-up"}
    assert_error(http.post("/sessions", json={"mode": "ai_agent"}, headers=headers), 402, "insufficient_api_credits")
    server.faults.set_credits(5)
    assert http.post("/sessions", json={"mode": "ai_agent"}, headers=headers).status_code == 201


def test_end_and_analysis_honour_keys_too(http: httpx.Client, server: MockServer) -> None:
    session = talk(http, frames=5)
    end_headers = {"Idempotency-Key": "end-1"}
    assert http.post(f"/sessions/{session['id']}/end", headers=end_headers).status_code == 200
    assert http.post(f"/sessions/{session['id']}/end", headers=end_headers).headers["idempotent-replayed"] == "true"
    analysis_headers = {"Idempotency-Key": "analysis-1"}
    first = http.post(f"/sessions/{session['id']}/analysis", json={"profile": "default"}, headers=analysis_headers)
    second = http.post(f"/sessions/{session['id']}/analysis", json={"profile": "default"}, headers=analysis_headers)
    assert (first.status_code, second.content) == (202, first.content)
    assert len(server.state.analyses) == 1
    assert second.headers["x-api-credits-used"] == "2"  # the session and one analysis


def test_keys_expire_after_the_ttl() -> None:
    now = [1_800_000_000.0]
    with serve(MockConfig(clock=lambda: now[0], idempotency_ttl=3600)) as clocked, api_client(clocked) as c:
        headers = {"Idempotency-Key": "ttl"}
        first = c.post("/sessions", json={"mode": "ai_agent"}, headers=headers)
        now[0] += 3601
        later = c.post("/sessions", json={"mode": "ai_agent"}, headers=headers)
    assert later.status_code == 201
    assert later.json()["id"] != first.json()["id"]


def test_overlong_keys_are_refused(http: httpx.Client) -> None:
    response = http.post("/sessions", json={"mode": "ai_agent"}, headers={"Idempotency-Key": "k" * 256})
    assert assert_error(response, 400, "invalid_request")["param"] == "Idempotency-Key"
