"""analyses.wait polling, and credits / rate limits tracked from every response."""

from __future__ import annotations

import asyncio
import datetime
import logging

import httpx
import pytest

import kallglot

from .conftest import Script, error_body, make_async_client, make_client, session_body


def analysis(status: str, **extra: object) -> httpx.Response:
    return httpx.Response(200, json={"id": "anl_1", "object": "analysis", "status": status, **extra})


def test_wait_polls_with_growing_intervals_until_completed(sleeps: list[float]) -> None:
    script = Script(analysis("processing"), analysis("processing"), analysis("completed", summary="Order changed."))
    result = make_client(script).analyses.wait("anl_1", poll_interval=1.0)
    assert result.status == "completed" and result.summary == "Order changed."
    assert sleeps == [1.0, 1.5]


def test_wait_returns_a_failed_analysis_too(sleeps: list[float]) -> None:
    result = make_client(Script(analysis("failed", error="transcript empty"))).analyses.wait("anl_1")
    assert result.status == "failed" and result.error == "transcript empty"


def test_wait_times_out_with_the_last_status(sleeps: list[float], monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(range(0, 10_000, 7))
    monkeypatch.setattr("kallglot._resources.analyses.time.monotonic", lambda: float(next(clock)))
    with pytest.raises(kallglot.AnalysisTimeoutError) as caught:
        make_client(Script(analysis("processing"))).analyses.wait("anl_1", timeout=20, poll_interval=2)
    assert caught.value.last_status == "processing" and caught.value.analysis_id == "anl_1"
    assert "last status: processing" in str(caught.value)


def test_wait_sits_out_a_spent_rate_limit_window(sleeps: list[float]) -> None:
    reset = int(datetime.datetime.now(datetime.UTC).timestamp()) + 20
    spent = {"X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)}
    processing = httpx.Response(200, json={"id": "anl_1", "object": "analysis", "status": "processing"}, headers=spent)
    script = Script(processing, analysis("completed"))
    make_client(script).analyses.wait("anl_1", poll_interval=1.0)
    assert 15 < sleeps[0] <= 20


def test_async_wait(sleeps: list[float]) -> None:
    script = Script(analysis("processing"), analysis("completed"))

    async def main() -> str:
        async with make_async_client(script) as client:
            return str((await client.analyses.wait("anl_1")).status)

    assert asyncio.run(main()) == "completed"


CREDIT_HEADERS = {
    "X-API-Credits-Remaining": "3", "X-API-Credits-Used": "997", "X-Request-ID": "req_c",
    "X-RateLimit-Limit": "120", "X-RateLimit-Remaining": "118", "X-RateLimit-Reset": "1711454460",
}  # fmt: skip


def test_credits_and_rate_limit_from_a_response() -> None:
    seen: list[kallglot.CreditBalance] = []
    client = make_client(
        Script(httpx.Response(201, json=session_body(), headers=CREDIT_HEADERS)), on_credits=seen.append
    )
    assert client.credits is None
    response = client.sessions.with_raw_response.create(mode="bidirectional_translation")
    assert response.credits is not None and (response.credits.remaining, response.credits.used) == (3, 997)
    assert response.credits.request_id == "req_c"
    assert response.rate_limit == kallglot.RateLimit(
        120, 118, datetime.datetime(2024, 3, 26, 12, 1, tzinfo=datetime.UTC)
    )
    assert client.credits is not None and client.credits.remaining == 3
    assert [c.remaining for c in seen] == [3]


def test_credits_are_updated_by_error_responses_too() -> None:
    headers = {"X-API-Credits-Remaining": "0", "X-API-Credits-Used": "1000"}
    client = make_client(Script(httpx.Response(402, json=error_body("insufficient_api_credits"), headers=headers)))
    with pytest.raises(kallglot.InsufficientCreditsError):
        client.sessions.create(mode="bidirectional_translation")
    assert client.credits is not None and client.credits.remaining == 0


def test_the_low_credit_warning_is_logged_once_per_crossing(caplog: pytest.LogCaptureFixture) -> None:
    levels = iter(["12", "9", "8", "7", "50", "4"])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=session_body(), headers={"X-API-Credits-Remaining": next(levels)})

    client = make_client(handler, low_credits_threshold=10)
    with caplog.at_level(logging.WARNING, logger="kallglot"):
        for _ in range(6):
            client.sessions.retrieve("sess_01HXYZ")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["API credits are low: 9 left (threshold 10)", "API credits are low: 4 left (threshold 10)"]
