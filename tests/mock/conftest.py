"""Fixtures for the mock server's tests: one loopback server per module reset per test, clients, spec checks."""

from __future__ import annotations

import asyncio
import base64
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from websockets.asyncio.client import ClientConnection, connect

from kallglot.mock import MockServer, serve

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "kallglot.yaml"
SILENCE = base64.b64encode(b"\xff" * 160).decode()  # 20 ms of mu-law silence


@functools.cache
def spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as f:
        document: dict[str, Any] = yaml.safe_load(f)
    return document


@functools.cache
def _validator(component: str) -> Draft202012Validator:
    registry: Registry[Any] = Registry().with_resource(
        "urn:kallglot", Resource.from_contents(spec(), default_specification=DRAFT202012)
    )
    return Draft202012Validator({"$ref": f"urn:kallglot#/components/schemas/{component}"}, registry=registry)


def assert_conforms(body: Any, component: str) -> None:
    """Fail unless ``body`` is valid against ``#/components/schemas/<component>`` of the spec."""
    errors = sorted(_validator(component).iter_errors(body), key=lambda e: list(e.path))
    assert not errors, f"{component}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """Fail unless ``response`` is the documented error envelope with ``status`` and ``code``."""
    assert response.status_code == status, response.text
    body = response.json()
    assert_conforms(body, "ErrorResponse")
    error: dict[str, Any] = body["error"]
    assert error["code"] == code
    assert error["request_id"] == response.headers["x-request-id"]
    return error


@pytest.fixture(scope="module")
def module_server() -> Iterator[MockServer]:
    with serve(analysis_delay=0, frames_per_turn=5) as running:
        yield running


@pytest.fixture
def server(module_server: MockServer) -> MockServer:
    """The module's mock, reset: as fresh as a new server, without a server start and stop per test."""
    module_server.reset()
    return module_server


def api_client(server: MockServer) -> httpx.Client:
    """An httpx client for ``server``'s API with its test key."""
    headers = {"Authorization": f"Bearer {server.api_key}"}
    return httpx.Client(base_url=server.base_url, headers=headers, timeout=10)


@pytest.fixture
def http(server: MockServer) -> Iterator[httpx.Client]:
    with api_client(server) as client:
        yield client


def audio_frame(sequence: int, speaker: str = "customer", **audio: Any) -> str:
    fields = {"encoding": "mulaw", "sample_rate_hz": 8000, "payload": SILENCE, **audio}
    message = {"type": "audio.input", "sequence": sequence, "timestamp_ms": sequence * 20, "speaker": speaker}
    return json.dumps({**message, "audio": fields})


def stream_url(session: dict[str, Any]) -> str:
    return f"{session['stream']['url']}?token={session['stream']['token']}"


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
    return message


def talk(http: httpx.Client, frames: int = 5, speaker: str = "customer", **create: Any) -> dict[str, Any]:
    """Create a session and stream ``frames`` audio frames into it; return the created session body."""
    session: dict[str, Any] = http.post("/sessions", json={"mode": "bidirectional_translation", **create}).json()

    async def run() -> None:
        async with connect(stream_url(session)) as ws:
            assert (await receive(ws))["type"] == "session.ready"
            for sequence in range(1, frames + 1):
                await ws.send(audio_frame(sequence, speaker))
            # Frames are handled in order: the pong comes after everything the audio produced.
            await ws.send(json.dumps({"type": "ping"}))
            while (await receive(ws))["type"] != "pong":
                pass

    asyncio.run(run())
    return session
