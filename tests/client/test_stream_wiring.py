"""client.sessions.stream wires the stream to the REST client: retrieval by id, token refresh, transcript."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

import kallglot
from kallglot.audio import mulaw_encode
from kallglot.mock import MockServer, serve
from tests.stream.server import Behaviour, StreamServer

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


BAD_FINAL = '{"type": "transcript.final", "text": 5}'  # a known type whose text is not a string


@pytest.mark.lenient_responses  # the client's own strict_response_validation decides here
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_the_clients_strict_response_validation_reaches_the_sync_stream(strict: bool) -> None:
    with StreamServer().running() as server:
        server.plan = [Behaviour(raw_frames=[BAD_FINAL])]
        with (
            kallglot.Kallglot(
                "sk_test_x", base_url="http://127.0.0.1:9/v1", strict_response_validation=strict
            ) as client,
            client.sessions.stream(server.session()) as stream,
        ):
            assert stream.options.strict is strict
            stream.end()
            events, errors = _drain(stream)
    assert events[0].type == "session.ready" and events[-1].type == "session.ended"
    finals = [e for e in events if e.type == "transcript.final"]
    if strict:
        assert not finals and [e.code for e in errors] == ["invalid_message"]
        assert "TranscriptFinalEvent.text" in errors[0].message
    else:  # lenient: typed, the text kept as received
        assert not errors and [e.text for e in finals] == [5]


@pytest.mark.lenient_responses
def test_the_async_clients_strict_response_validation_reaches_its_stream() -> None:
    async def main(server: StreamServer) -> list[str | None]:
        async with kallglot.AsyncKallglot(
            "sk_test_x", base_url="http://127.0.0.1:9/v1", strict_response_validation=True
        ) as client:
            codes: list[str | None] = []
            async with client.sessions.stream(server.session()) as stream:
                await stream.end()
                while True:
                    try:
                        event = await anext(stream, None)
                    except kallglot.StreamError as exc:
                        codes.append(exc.code)
                        continue
                    if event is None:
                        return codes
            return codes

    with StreamServer().running() as server:
        server.plan = [Behaviour(raw_frames=[BAD_FINAL])]
        assert asyncio.run(main(server)) == ["invalid_message"]


def _drain(stream: kallglot.Stream) -> tuple[list[kallglot.StreamEvent], list[kallglot.StreamError]]:
    events: list[kallglot.StreamEvent] = []
    errors: list[kallglot.StreamError] = []
    iterator = iter(stream)
    while True:
        try:
            event = next(iterator, None)
        except kallglot.StreamError as exc:
            errors.append(exc)
            continue
        if event is None:
            return events, errors
        events.append(event)
