"""Retries resend the same request with the same idempotency key; nobody pays twice."""

from __future__ import annotations

import asyncio
import json
import uuid

import httpx
import pytest

import kallglot

from .conftest import Script, error_body, make_async_client, make_client, session_body

CREDITS = {"X-API-Credits-Remaining": "41", "X-API-Credits-Used": "59", "X-Request-ID": "req_ok"}


def flaky_then_ok() -> Script:
    return Script(
        httpx.ConnectError("connection refused"),
        httpx.Response(500, json=error_body("server_error")),
        httpx.Response(429, json=error_body("rate_limit_exceeded"), headers={"Retry-After": "2"}),
        httpx.Response(201, json=session_body(), headers=CREDITS),
    )


def test_the_same_key_and_body_across_a_dropped_connection_a_500_and_a_429(sleeps: list[float]) -> None:
    script = flaky_then_ok()
    client = make_client(script, max_retries=3)
    response = client.sessions.with_raw_response.create(mode="bidirectional_translation", metadata={"order": "42"})
    assert response.status_code == 201
    assert len(script.requests) == 4
    keys = script.keys
    assert len(set(keys)) == 1 and keys[0] is not None
    assert uuid.UUID(keys[0]).version == 4
    assert response.idempotency_key == keys[0]
    assert {r.content for r in script.requests} == {b'{"mode":"bidirectional_translation","metadata":{"order":"42"}}'}
    assert sleeps[2] == 2.0  # the 429's Retry-After, honoured
    assert 0.375 <= sleeps[0] <= 0.5 and 0.75 <= sleeps[1] <= 1.0  # backoff with jitter
    assert client.credits is not None and client.credits.remaining == 41


def test_async_retries_keep_the_key_too(sleeps: list[float]) -> None:
    script = flaky_then_ok()

    async def main() -> str | None:
        async with make_async_client(script, max_retries=3) as client:
            response = await client.sessions.with_raw_response.create(mode="ai_agent")
            return response.idempotency_key

    key = asyncio.run(main())
    assert script.keys == [key] * 4
    assert sleeps[2] == 2.0


def test_two_calls_never_share_a_key() -> None:
    script = Script(httpx.Response(201, json=session_body()))
    client = make_client(script)
    client.sessions.create(mode="bidirectional_translation")
    client.sessions.end("sess_01HXYZ")
    client.sessions.create(mode="bidirectional_translation")
    assert len(set(script.keys)) == 3 and None not in script.keys


def test_the_callers_key_is_sent_verbatim_and_gets_no_key_on_reads() -> None:
    script = Script(httpx.Response(200, json=session_body()))
    client = make_client(script)
    client.sessions.create(mode="bidirectional_translation", idempotency_key="order-42-create")
    client.sessions.retrieve("sess_01HXYZ")
    assert script.keys == ["order-42-create", None]


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 422])
def test_client_errors_are_never_retried(status: int, sleeps: list[float]) -> None:
    script = Script(httpx.Response(status, json=error_body("nope")))
    client = make_client(script, max_retries=5)
    with pytest.raises(kallglot.APIError) as caught:
        client.sessions.create(mode="bidirectional_translation", idempotency_key="k-1")
    assert len(script.requests) == 1 and sleeps == []
    assert caught.value.status_code == status
    assert caught.value.idempotency_key == "k-1"


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503])
def test_retryable_statuses_are_retried_max_retries_times_then_raised(status: int, sleeps: list[float]) -> None:
    script = Script(httpx.Response(status, json=error_body("busy")))
    client = make_client(script, max_retries=2)
    with pytest.raises(kallglot.APIError) as caught:
        client.sessions.create(mode="bidirectional_translation")
    assert len(script.requests) == 3 and len(sleeps) == 2
    assert caught.value.status_code == status
    assert caught.value.idempotency_key == script.keys[0]
    assert len(set(script.keys)) == 1


def test_an_idempotency_conflict_waits_its_retry_after_then_replays(sleeps: list[float]) -> None:
    conflict = error_body("idempotency_conflict", type_="invalid_request_error", retry_after=1)
    script = Script(httpx.Response(409, json=conflict), httpx.Response(201, json=session_body()))
    client = make_client(script)
    client.sessions.create(mode="bidirectional_translation", idempotency_key="same")
    assert sleeps == [1.0]  # from the error body, as the header is absent
    assert script.keys == ["same", "same"]


def test_a_wait_longer_than_the_cap_raises_rate_limit_error_at_once(sleeps: list[float]) -> None:
    script = Script(httpx.Response(429, json=error_body("rate_limit_exceeded"), headers={"Retry-After": "600"}))
    client = make_client(script, max_retry_wait=30)
    with pytest.raises(kallglot.RateLimitError) as caught:
        client.sessions.retrieve("sess_01HXYZ")
    assert caught.value.retry_after == 600.0
    assert sleeps == [] and len(script.requests) == 1


def test_the_rate_limit_window_reset_is_honoured_on_a_429(sleeps: list[float], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kallglot._retry.time.time", lambda: 1_000.0)
    limited = httpx.Response(429, json=error_body("rate_limit_exceeded"), headers={"X-RateLimit-Reset": "1004"})
    script = Script(limited, httpx.Response(200, json=session_body()))
    make_client(script).sessions.retrieve("sess_01HXYZ")
    assert sleeps == [4.0]


def test_timeouts_are_retried_then_raised_as_api_timeout_error(sleeps: list[float]) -> None:
    script = Script(httpx.ReadTimeout("slow"))
    client = make_client(script, max_retries=1)
    with pytest.raises(kallglot.APITimeoutError) as caught:
        client.sessions.end("sess_01HXYZ", idempotency_key="end-1")
    assert len(script.requests) == 2
    assert caught.value.idempotency_key == "end-1"
    assert isinstance(caught.value, kallglot.APIConnectionError)


def test_max_retries_zero_sends_once(sleeps: list[float]) -> None:
    script = Script(httpx.Response(503, json=error_body("down")))
    with pytest.raises(kallglot.InternalServerError):
        make_client(script, max_retries=0).sessions.retrieve("sess_01HXYZ")
    assert len(script.requests) == 1


def test_a_default_timeout_always_applies() -> None:
    seen: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200, json=session_body())

    client = make_client(handler)
    client.sessions.retrieve("sess_01HXYZ")
    client.with_options(timeout=5.0).sessions.retrieve("sess_01HXYZ")
    assert seen[0] == httpx.Timeout(30.0).as_dict()
    assert seen[1] == httpx.Timeout(5.0).as_dict()


def test_a_request_body_is_the_documented_json() -> None:
    script = Script(httpx.Response(202, json={"id": "anl_1", "object": "analysis", "status": "processing"}))
    analysis = make_client(script).analyses.create("sess_01HXYZ", include=["summary", "sentiment"], profile="default")
    assert analysis.status == "processing"
    assert json.loads(script.requests[0].content) == {"profile": "default", "include": ["summary", "sentiment"]}
    assert script.requests[0].url.path == "/v1/sessions/sess_01HXYZ/analysis"
