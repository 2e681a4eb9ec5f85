"""The cassette suite: scenarios recorded from a running ``kallglot.mock`` and replayed with the network blocked.

The default run replays ``tests/recorded/cassettes/<module>/<test>.yaml`` with no server at all; ``tox -e
record`` (``--record-mode=rewrite``) records them again against the module's shared mock (reset before each
test), or against the real API when ``KALLGLOT_API_KEY`` is set, where the scenarios that need the mock's fault
injection are skipped.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

import kallglot
from kallglot import _transport
from kallglot.mock import TEST_API_KEY, Faults, MockConfig, MockState

CASSETTES = Path(__file__).resolve().parent / "cassettes"
# Replaying, requests never leave VCR.py: the base URL only has to be loopback (port 9, discard, refuses fast).
REPLAY_BASE_URL = "http://127.0.0.1:9/v1"
# Read at import, before the suite-wide fixture clears KALLGLOT_* from each test's environment.
LIVE_API_KEY = os.environ.get("KALLGLOT_API_KEY")
LIVE_BASE_URL = os.environ.get("KALLGLOT_BASE_URL", "https://api.kallglot.com/v1")


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / Path(str(request.node.fspath)).stem)


@dataclass
class Api:
    """Where a scenario runs: the mock (with its fault injection) or, when recording live, the real API."""

    api_key: str
    base_url: str
    mock_faults: Faults | None
    replaying: bool
    sent: list[httpx.Request] = field(default_factory=list)  # what the SDK sent, replayed or not

    @property
    def faults(self) -> Faults:
        if self.mock_faults is None:
            pytest.skip("needs the mock's fault injection; recorded against kallglot.mock only")
        return self.mock_faults

    @contextmanager
    def client(self, **options: Any) -> Iterator[kallglot.Kallglot]:
        with (
            httpx.Client(event_hooks={"request": [self.sent.append]}) as http,
            kallglot.Kallglot(self.api_key, base_url=self.base_url, http_client=http, **options) as client,
        ):
            yield client

    @asynccontextmanager
    async def async_client(self, **options: Any) -> AsyncIterator[kallglot.AsyncKallglot]:
        async def record(request: httpx.Request) -> None:
            self.sent.append(request)

        async with (
            httpx.AsyncClient(event_hooks={"request": [record]}) as http,
            kallglot.AsyncKallglot(self.api_key, base_url=self.base_url, http_client=http, **options) as client,
        ):
            yield client

    def keys(self, method: str = "POST") -> list[str | None]:
        """The ``Idempotency-Key`` of every ``method`` request sent, in order."""
        return [r.headers.get("idempotency-key") for r in self.sent if r.method == method]


@pytest.fixture
def api(request: pytest.FixtureRequest, record_mode: str) -> Api:
    if record_mode != "none" and LIVE_API_KEY:
        return Api(LIVE_API_KEY, LIVE_BASE_URL, None, replaying=False)
    if record_mode == "none":
        # VCR.py answers every request or refuses it, so no server runs; fault settings go to a detached
        # Faults, which accepts (and checks) them exactly as the recording run's mock did.
        return Api(TEST_API_KEY, REPLAY_BASE_URL, Faults(MockState(MockConfig())), replaying=True)
    server = request.getfixturevalue("mock_server")
    return Api(server.api_key, server.base_url, server.faults, replaying=False)


@pytest.fixture(autouse=True)
def sleeps(record_mode: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Back-off and polling waits: real while recording (the mock's timers run), recorded but skipped on replay."""
    waited: list[float] = []
    replaying = record_mode == "none"

    def sleep(seconds: float) -> None:
        waited.append(seconds)
        if not replaying:
            time.sleep(seconds)

    async def async_sleep(seconds: float) -> None:
        waited.append(seconds)
        if not replaying:
            await asyncio.sleep(seconds)

    monkeypatch.setattr(_transport, "_sleep", sleep)
    monkeypatch.setattr(_transport, "_async_sleep", async_sleep)
    yield waited
