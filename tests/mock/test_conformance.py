"""Every response the mock sends conforms to openapi/kallglot.yaml: schemathesis against the running mock.

Generated cases run on loopback against one mock that already holds real sessions, recordings and analyses;
three in four positive cases are pointed at those so that the checks see real bodies, not only 404s. The stream
frames are checked against the spec's message schemas in ``test_stream.py``.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode

from kallglot.mock import MockConfig, MockServer, serve

from .conftest import SPEC_PATH, api_client, talk

SCHEMA = schemathesis.openapi.from_path(SPEC_PATH)


@dataclass
class World:
    server: MockServer
    sessions: list[str]  # each has a transcript, so an analysis of it is accepted
    recordings: dict[str, list[str]]  # session id -> its recording ids
    analyses: list[str]


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    config = MockConfig(analysis_delay=0, rate_limit=10**9, credits=10**9, recordings_per_channel=2)
    with serve(config) as server, api_client(server) as http:
        ended = talk(http, frames=12, recording={"enabled": True, "channels": "dual"})
        http.post(f"/sessions/{ended['id']}/end")
        active = talk(http, frames=7)
        analyses = [http.post(f"/sessions/{ended['id']}/analysis").json()["id"]]
        recordings = {ended["id"]: [r["id"] for r in http.get(f"/sessions/{ended['id']}/recordings").json()["data"]]}
        yield World(server, [ended["id"], active["id"]], recordings, analyses)


def _pick(options: list[str], seed: str) -> str | None:
    """A known id for three in four generated values (chosen by the value, so runs are reproducible)."""
    digest = zlib.crc32(seed.encode())
    return options[digest % len(options)] if digest % 4 and options else None


def _aim(case: schemathesis.Case, world: World) -> None:
    if case.headers and "Idempotency-Key" in case.headers:
        # Key reuse across unrelated generated bodies would be a (correct) 400 mismatch; it is tested elsewhere.
        case.headers["Idempotency-Key"] = str(uuid.uuid4())
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE or not case.path_parameters:
        return
    params = case.path_parameters
    name = "recording_id" if "recording_id" in params else "id"
    generated = str(params[name])
    if case.path.startswith("/sessions/"):
        choice = _pick(world.sessions, generated)
    elif case.path.startswith("/recordings/"):
        choice = _pick([r for rs in world.recordings.values() for r in rs], generated)
    else:
        choice = _pick(world.analyses, generated)
    if choice is not None:
        params[name] = choice
    if case.query:
        # Cursors must name a recording of the listed session, and only one direction at a time.
        own = world.recordings.get(str(params[name]), [])
        for cursor in ("starting_after", "ending_before"):
            if cursor in case.query:
                if own and cursor == "starting_after":
                    case.query[cursor] = own[zlib.crc32(str(case.query[cursor]).encode()) % len(own)]
                else:
                    del case.query[cursor]


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_responses_conform_to_the_spec(case: schemathesis.Case, world: World) -> None:
    _aim(case, world)
    case.call_and_validate(base_url=world.server.base_url, headers={"Authorization": f"Bearer {world.server.api_key}"})
