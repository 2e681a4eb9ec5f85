"""The live stream of the mock: handshake checks, the message protocol, and ending from either side."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosedOK, InvalidStatus

from kallglot.mock import MockServer

from .conftest import assert_conforms, audio_frame, receive, stream_url

EVENT_SCHEMAS = {
    "session.ready": "SessionReadyEvent",
    "transcript.partial": "TranscriptPartialEvent",
    "transcript.final": "TranscriptFinalEvent",
    "audio.output": "AudioOutputEvent",
    "session.ended": "SessionEndedEvent",
    "session.error": "SessionErrorEvent",
    "error": "ErrorEvent",
    "pong": "PongEvent",
}


def _check(frame: dict[str, Any]) -> dict[str, Any]:
    assert_conforms(frame, EVENT_SCHEMAS[frame["type"]])
    return frame


def _create(http: httpx.Client, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = http.post("/sessions", json={"mode": "bidirectional_translation", **fields}).json()
    return body


def test_a_stream_transcribes_translates_answers_pings_and_ends_on_request(http: httpx.Client) -> None:
    session = _create(http, source_language="de", target_language="en")
    frames: list[dict[str, Any]] = []

    async def run() -> None:
        async with connect(stream_url(session)) as ws:
            frames.append(_check(await receive(ws)))
            for sequence in range(1, 6):
                await ws.send(audio_frame(sequence, "customer"))
            frames.extend([_check(await receive(ws)) for _ in range(6)])  # 4 partials, a final, audio.output
            await ws.send(json.dumps({"type": "ping"}))
            frames.append(_check(await receive(ws)))
            await ws.send(json.dumps({"type": "session.end"}))
            frames.append(_check(await receive(ws)))
            with pytest.raises(ConnectionClosedOK):
                await ws.recv()
            assert ws.close_code == 1000

    asyncio.run(run())
    kinds = [frame["type"] for frame in frames]
    partials = ["transcript.partial"] * 4
    assert kinds == ["session.ready", *partials, "transcript.final", "audio.output", "pong", "session.ended"]
    final = frames[5]
    assert (final["speaker"], final["language"], final["sequence"]) == ("customer", "de", 1)
    assert final["text"] == "Ich habe eine Frage zu meiner Bestellung."
    assert final["translation"] == {"language": "en", "text": "I have a question about my order."}
    assert [frame["text"] for frame in frames[1:3]] == ["Ich", "Ich habe"]  # partials grow towards the final
    assert frames[6]["audio"]["encoding"] == "mulaw"
    assert frames[-1] == {"type": "session.ended", "session_id": session["id"], "reason": "explicit_end"}
    assert http.get(f"/sessions/{session['id']}").json()["status"] == "ended"


def test_ending_announces_the_unfinished_turn_before_session_ended(http: httpx.Client) -> None:
    session = _create(http, source_language="de", target_language="en")
    frames: list[dict[str, Any]] = []

    async def run() -> None:
        async with connect(stream_url(session)) as ws:
            frames.append(_check(await receive(ws)))
            for sequence in range(1, 3):  # fewer frames than a turn needs
                await ws.send(audio_frame(sequence, "customer"))
            frames.extend([_check(await receive(ws)) for _ in range(2)])
            http.post(f"/sessions/{session['id']}/end").raise_for_status()
            frames.extend([_check(await receive(ws)) for _ in range(3)])

    asyncio.run(run())
    kinds = [frame["type"] for frame in frames]
    assert kinds == ["session.ready", "transcript.partial", "transcript.partial", "transcript.final", "audio.output",
                     "session.ended"]  # fmt: skip
    final = frames[3]
    turns = http.get(f"/sessions/{session['id']}/transcript").json()["turns"]
    assert [turn["sequence"] for turn in turns] == [final["sequence"]] == [frames[1]["sequence"]]
    assert (turns[0]["text"], turns[0]["translation"]) == (final["text"], final["translation"])


def test_connecting_makes_the_session_active(http: httpx.Client, server: MockServer) -> None:
    session = _create(http)

    async def run() -> None:
        async with connect(stream_url(session)) as ws:
            await receive(ws)
            assert http.get(f"/sessions/{session['id']}").json()["status"] == "active"

    asyncio.run(run())
    assert [event["type"] for event in server.events.list()] == ["session.created", "session.started"]


def test_ending_over_rest_sends_session_ended_and_closes(http: httpx.Client) -> None:
    session = _create(http)

    async def run() -> dict[str, Any]:
        async with connect(stream_url(session)) as ws:
            await receive(ws)
            response = await asyncio.to_thread(http.post, f"/sessions/{session['id']}/end")
            assert response.status_code == 200
            ended = _check(await receive(ws))
            with pytest.raises(ConnectionClosedOK):
                await ws.recv()
            return ended

    assert asyncio.run(run()) == {"type": "session.ended", "session_id": session["id"], "reason": "ended_via_api"}


@pytest.mark.parametrize(
    "audio", [{"encoding": "pcm_16"}, {"sample_rate_hz": 16000}, {"payload": "not base64!"}], ids=str
)
def test_wrong_audio_gets_invalid_audio_format_and_the_stream_stays_open(
    http: httpx.Client, audio: dict[str, Any]
) -> None:
    session = _create(http)

    async def run() -> list[dict[str, Any]]:
        async with connect(stream_url(session)) as ws:
            await receive(ws)
            await ws.send(audio_frame(1, **audio))
            error = _check(await receive(ws))
            await ws.send(json.dumps({"type": "ping"}))
            return [error, await receive(ws)]

    error, pong = asyncio.run(run())
    assert (error["type"], error["code"]) == ("session.error", "invalid_audio_format")
    assert pong["type"] == "pong"


@pytest.mark.parametrize(
    ("text", "code"), [("not json", "invalid_message"), ('{"type": "mute"}', "unknown_message_type")]
)
def test_unreadable_or_unknown_messages_get_an_error_frame(http: httpx.Client, text: str, code: str) -> None:
    session = _create(http)

    async def run() -> dict[str, Any]:
        async with connect(stream_url(session)) as ws:
            await receive(ws)
            await ws.send(text)
            return _check(await receive(ws))

    frame = asyncio.run(run())
    assert (frame["type"], frame["code"]) == ("error", code)


def _refusal(url: str) -> tuple[int, dict[str, Any]]:
    async def run() -> tuple[int, dict[str, Any]]:
        with pytest.raises(InvalidStatus) as caught:
            async with connect(url):
                pass
        response = caught.value.response
        assert response.headers["X-Request-ID"]
        return response.status_code, json.loads(bytes(response.body or b""))

    return asyncio.run(run())


def test_the_handshake_checks_the_token_and_the_session(http: httpx.Client, server: MockServer) -> None:
    session = _create(http)
    other = _create(http)
    base = session["stream"]["url"]
    cases = {
        base: (401, "missing_token"),
        f"{base}?token=kst_test_made_up": (401, "invalid_stream_token"),
        f"{base}?token={other['stream']['token']}": (401, "invalid_stream_token"),
        f"{base.replace(session['id'], 'sess_nope')}?token={session['stream']['token']}": (404, "resource_not_found"),
    }
    for url, (status, code) in cases.items():
        got_status, body = _refusal(url)
        assert_conforms(body, "ErrorResponse")
        assert (got_status, body["error"]["code"]) == (status, code)
        assert session["stream"]["token"] not in json.dumps(body)
    http.post(f"/sessions/{session['id']}/end")
    fresh = _create(http)
    assert _refusal(stream_url(fresh).replace(fresh["id"], session["id"]))[0] == 401
    assert http.get(f"/sessions/{session['id']}").json()["stream"] is None


def test_an_ended_session_refuses_new_streams(http: httpx.Client) -> None:
    session = _create(http)
    retrieved = http.get(f"/sessions/{session['id']}").json()  # a token issued before the end
    http.post(f"/sessions/{session['id']}/end")
    status, body = _refusal(stream_url(retrieved))
    assert (status, body["error"]["code"]) == (409, "session_ended")


def test_two_speakers_build_interleaved_turns(http: httpx.Client) -> None:
    session = _create(http, source_language="es", target_language="fr")

    async def run() -> None:
        async with connect(stream_url(session)) as ws:
            await receive(ws)
            for sequence in range(1, 6):
                for speaker in ("customer", "agent"):
                    await ws.send(audio_frame(sequence, speaker))
            for _ in range(12):
                await receive(ws)

    asyncio.run(run())
    turns = http.get(f"/sessions/{session['id']}/transcript").json()["turns"]
    assert [(t["speaker"], t["language"], t["translation"]["language"]) for t in turns] == [
        ("customer", "es", "fr"),
        ("agent", "fr", "es"),
    ]
