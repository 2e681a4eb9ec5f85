"""The pure retry helpers, hit directly."""

from __future__ import annotations

import random

import pytest

from kallglot._retry import backoff, parse_retry_after, server_wait, should_retry


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses(status: int) -> None:
    assert should_retry(status)


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 410, 422])
def test_statuses_never_retried(status: int) -> None:
    assert not should_retry(status)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("30", 30.0), ("1.5", 1.5), ("-3", 0.0), ("", None), (None, None), ("soon", None)],
)
def test_retry_after_in_seconds(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_retry_after_as_an_http_date() -> None:
    now = 1_711_454_400.0  # 2024-03-26 12:00:00 UTC
    assert parse_retry_after("Tue, 26 Mar 2024 12:00:45 GMT", now=now) == pytest.approx(45.0)
    assert parse_retry_after("Tue, 26 Mar 2024 11:00:00 GMT", now=now) == 0.0


def test_server_wait_prefers_retry_after_then_the_window_reset_then_the_body() -> None:
    now = 1000.0
    headers = {"retry-after": "7", "x-ratelimit-reset": "1030"}
    assert server_wait(429, headers, 3.0, now=now) == 7.0
    assert server_wait(429, {"x-ratelimit-reset": "1030"}, 3.0, now=now) == 30.0
    # The window reset rides on every response; only a 429 makes it a reason to wait.
    assert server_wait(503, {"x-ratelimit-reset": "1030"}, 3.0, now=now) == 3.0
    assert server_wait(503, {}, None, now=now) is None


def test_backoff_doubles_from_half_a_second_with_jitter_and_caps_near_eight() -> None:
    rng = random.Random(7)
    delays = [backoff(attempt, rng=rng.random) for attempt in range(8)]
    for attempt, delay in enumerate(delays):
        ceiling = min(0.5 * 2**attempt, 8.0)
        assert 0.75 * ceiling <= delay <= ceiling
    assert max(delays) <= 8.0
