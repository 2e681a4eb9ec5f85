"""client.sessions.stream wires the stream to the REST client: retrieval by id, token refresh, transcript."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

import kallglot
from kallglot.audio import mulaw_encode
from kallglot.mock import MockServer, serve

SILENCE = mulaw_encode(b"\x00\x00" * 160)  # one 20 ms frame


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with serve(frames_per_turn=2, analysis_delay=0) as server:
        yield server


def test_sync_stream_from_an_id_runs_to_session_ended(mock: MockServer) -> None:
    with kallglot.Kallglot(mock.api_key, base_url=mock.base_url) as client:
        session = client.sessions.create(mode="bidirectional_translation", source_language="de", target_language="en")
        with client.sessions.stream(session.id) as stream:
            for _ in range(4):
                stream.send_audio(SILENCE, speaker="customer")
            stream.end()
            events = list(stream)
        assert events[0].type == "session.ready" and events[-1].type == "session.ended"
        finals = [e for e in events if e.type == "transcript.final"]
        assert len(finals) == 2 and all(f.translation is not None for f in finals)
        turns = stream.transcript()
        assert [t.text for t in turns] == [f.text for f in finals]
        assert client.sessions.retrieve(session.id).status == "ended"


def test_an_expired_token_is_refreshed_through_sessions_retrieve(mock: MockServer) -> None:
    with kallglot.Kallglot(mock.api_key, base_url=mock.base_url) as client:
        session = client.sessions.create(mode="bidirectional_translation")
        mock.faults.expire_tokens()
        retrieved: list[str] = []
        original = client.sessions.retrieve

        def spy(session_id: str) -> kallglot.Session:
            retrieved.append(session_id)
            return original(session_id)

        client.sessions.retrieve = spy  # type: ignore[method-assign]
        with client.sessions.stream(session) as stream:
            stream.end()
            assert [e.type for e in stream][-1] == "session.ended"
        assert retrieved == [session.id]


def test_async_stream_has_the_same_wiring(mock: MockServer) -> None:
    async def main() -> list[str]:
        async with kallglot.AsyncKallglot(mock.api_key, base_url=mock.base_url) as client:
            session = await client.sessions.create(mode="ai_agent")
            async with client.sessions.stream(session) as stream:
                await stream.send_audio(SILENCE)
                await stream.send_audio(SILENCE)
                await stream.end()
                return [event.type async for event in stream]

    types = asyncio.run(main())
    assert types[0] == "session.ready" and types[-1] == "session.ended" and "transcript.final" in types


def test_a_bad_id_is_refused_before_connecting() -> None:
    client = kallglot.Kallglot("sk_test_x", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(ValueError, match="session_id"):
        client.sessions.stream("sess/../x")
