"""The mock's small pure parts: audio codec, fake speech, ids, events (the webhook hook point)."""

from __future__ import annotations

import io
import wave
from typing import Any

import httpx
import pytest

from kallglot import audio
from kallglot.mock import EVENT_TYPES, MockConfig, MockServer, MockState, _audio, serve
from kallglot.mock._audio import tone, wav_from_mulaw
from kallglot.mock._speech import keywords, partial, phrase

from .conftest import api_client, talk


def test_the_mock_uses_the_sdks_mulaw_codec() -> None:
    # One G.711 codec in the package: a recording is the SDK's decoding of exactly the bytes received.
    received = bytes(range(256))
    with wave.open(io.BytesIO(wav_from_mulaw(received))) as wav:
        assert wav.readframes(256) == audio.mulaw_decode(received)
    assert not hasattr(_audio, "mulaw_to_pcm16") and not hasattr(_audio, "linear_to_mulaw")


def test_wav_files_are_8khz_mono_16_bit() -> None:
    with wave.open(io.BytesIO(wav_from_mulaw(tone(0.5)))) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth(), wav.getnframes()) == (8000, 1, 2, 4000)


def test_fake_speech_is_deterministic_per_language_and_turn() -> None:
    assert phrase("de", 2) == "Ich habe eine Frage zu meiner Bestellung."
    assert phrase("en-GB", 7) == phrase("en", 1)
    assert phrase("ja", 1) == "[ja] Hello, how can I help you?"
    assert partial("en", 1, 0.2) == "Hello,"
    assert partial("en", 1, 0.0) == "Hello,"
    assert partial("en", 1, 0.99) == "Hello, how can I help"
    assert keywords(["I have a question about my order."]) == ["question", "about", "order"]


def test_deterministic_ids_count_and_restart_on_reset() -> None:
    with serve(deterministic=True) as server, api_client(server) as http:
        first = http.post("/sessions", json={"mode": "ai_agent"})
        assert first.json()["id"] == "sess_00000000000001"
        assert first.json()["stream"]["token"].startswith("kst_test_0000")
        assert first.headers["x-request-id"].startswith("req_0000")
        server.reset()
        assert http.post("/sessions", json={"mode": "ai_agent"}).json()["id"] == "sess_00000000000001"


def test_every_state_change_goes_through_the_event_log(server: MockServer, http: httpx.Client) -> None:
    seen: list[dict[str, Any]] = []
    unsubscribe = server.events.subscribe(seen.append)
    session = talk(http, frames=7)  # a whole turn and two frames the end finalises as another
    http.post(f"/sessions/{session['id']}/end")
    analysis = http.post(f"/sessions/{session['id']}/analysis").json()
    http.get(f"/analyses/{analysis['id']}")
    unsubscribe()
    http.post("/sessions", json={"mode": "ai_agent"})
    kinds = [event["type"] for event in seen]
    assert kinds == [
        "session.created",
        "session.started",
        "transcript.segment",
        "transcript.segment",
        "session.ended",
        "transcript.ready",
        "recording.ready",
        "analysis.complete",
    ]
    assert set(kinds) <= EVENT_TYPES
    assert all(event["id"].startswith("evt_") and event["api_version"] == "v1" for event in seen)
    assert [event["data"]["sequence"] for event in seen[2:4]] == [1, 2]
    assert seen[4]["data"]["status"] == "ended"
    assert len(server.events.list()) == len(seen) + 1


def test_a_failing_subscriber_never_breaks_the_api(server: MockServer, http: httpx.Client) -> None:
    def broken(event: dict[str, Any]) -> None:
        raise RuntimeError("webhook endpoint down")

    server.events.subscribe(broken)
    assert http.post("/sessions", json={"mode": "ai_agent"}).status_code == 201


def test_unknown_event_types_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown event type"):
        MockState(MockConfig()).events.emit("session.exploded", {})


def test_listed_api_keys_replace_the_shape_rule() -> None:
    config = MockConfig(api_keys=frozenset({"sk_test_only_this"}))
    assert config.accepts("sk_test_only_this") and not config.accepts("sk_test_other")
    assert MockConfig().accepts("sk_live_abc") and not MockConfig().accepts("sk_abc")
