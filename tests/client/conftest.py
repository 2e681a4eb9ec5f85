"""Clients wired to httpx mock transports, and sleeps that are recorded instead of waited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

import kallglot
from kallglot import _transport

API_KEY = "sk_test_51SuperSecretKeyValue"
BASE_URL = "https://api.test/v1"
Handler = Callable[[httpx.Request], httpx.Response]


def session_body(session_id: str = "sess_01HXYZ", status: str = "created", **extra: Any) -> dict[str, Any]:
    return {"id": session_id, "object": "session", "status": status, "mode": "bidirectional_translation", **extra}


def error_body(code: str, message: str = "failed", type_: str = "api_error", **extra: Any) -> dict[str, Any]:
    return {"error": {"type": type_, "code": code, "message": message, **extra}}


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(_transport, "_sleep", waited.append)
    monkeypatch.setattr(_transport, "_async_sleep", async_sleep)
    return waited


def make_client(handler: Handler, **options: Any) -> kallglot.Kallglot:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return kallglot.Kallglot(API_KEY, base_url=BASE_URL, http_client=http, **options)


def make_async_client(handler: Handler, **options: Any) -> kallglot.AsyncKallglot:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return kallglot.AsyncKallglot(API_KEY, base_url=BASE_URL, http_client=http, **options)


class Script:
    """A mock handler that plays a list of outcomes in order and records every request it got."""

    def __init__(self, *outcomes: httpx.Response | Exception) -> None:
        self.outcomes = list(outcomes)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        outcome = self.outcomes.pop(0) if len(self.outcomes) > 1 else self.outcomes[0]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    @property
    def keys(self) -> list[str | None]:
        return [r.headers.get("idempotency-key") for r in self.requests]
