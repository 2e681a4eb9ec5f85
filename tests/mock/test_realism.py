"""A mock worth testing against: turns of speech length, parties that take turns, keys that can be refused."""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect

from kallglot.mock import MockConfig, serve

from .conftest import api_client, assert_error, receive, stream_url

FRAME_BYTES = 800  # 100 ms of 8 kHz mu-law, the chunk size the docs suggest


def _converse(config: MockConfig, seconds: float, speaker: str) -> list[dict[str, Any]]:
    """Stream ``seconds`` of audio as ``speaker`` into a new de→en session, end it; return every frame received."""
    with serve(config) as server, api_client(server) as http:
        body = {"mode": "bidirectional_translation", "source_language": "de", "target_language": "en"}
        session = http.post("/sessions", json=body).json()
        payload = base64.b64encode(b"\x7f" * FRAME_BYTES).decode()
        audio = {"encoding": "mulaw", "sample_rate_hz": 8000, "payload": payload}

        async def run() -> list[dict[str, Any]]:
            received: list[dict[str, Any]] = []
            async with connect(stream_url(session)) as ws:
                await receive(ws)
                for sequence in range(round(seconds * 10)):
                    frame = {"type": "audio.input", "sequence": sequence, "timestamp_ms": sequence * 100}
                    await ws.send(json.dumps({**frame, "speaker": speaker, "audio": audio}))
                await ws.send(json.dumps({"type": "session.end"}))
                while (message := await receive(ws))["type"] != "session.ended":
                    received.append(message)
            return received

        return asyncio.run(run())


def _finals(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [frame for frame in frames if frame["type"] == "transcript.final"]


def _seconds_of(frames: list[dict[str, Any]]) -> list[float]:
    outputs = [frame for frame in frames if frame["type"] == "audio.output"]
    return [len(base64.b64decode(frame["audio"]["payload"])) / 8000 for frame in outputs]


def test_by_default_a_final_closes_every_one_and_a_half_to_three_seconds_of_speech() -> None:
    frames = _converse(MockConfig(), seconds=12.0, speaker="customer")
    lengths = _seconds_of(frames)
    # Every turn but the one the end cut short lasted 1.5-3 s; 12 s is 4 to 8 turns, not 120.
    assert 4 <= len(lengths) <= 8, lengths
    assert all(1.5 <= length <= 3.0 for length in lengths[:-1]), lengths
    assert len({round(length, 1) for length in lengths[:-1]}) > 1, "turn lengths vary"
    partials = [frame for frame in frames if frame["type"] == "transcript.partial"]
    assert len(partials) < 120 / 2, "a partial when the heard text grows, not one per 100 ms frame"


def test_a_four_and_a_half_second_clip_is_a_few_turns() -> None:
    assert 2 <= len(_finals(_converse(MockConfig(), seconds=4.5, speaker="customer"))) <= 3


def test_audio_carrying_both_sides_alternates_speakers_agent_first() -> None:
    finals = _finals(_converse(MockConfig(frames_per_turn=10), seconds=4.0, speaker="mixed"))
    assert [(f["speaker"], f["language"]) for f in finals] == [("agent", "en"), ("customer", "de")] * 2
    assert [f["text"] for f in finals] == [
        "Hello, how can I help you?",
        "Ich habe eine Frage zu meiner Bestellung.",
        "Of course, what is your order number?",
        "Sie lautet vier fünf sechs sieben.",
    ]
    assert finals[1]["translation"] == {"language": "en", "text": "I have a question about my order."}


def test_agent_lines_are_the_agents_and_customer_lines_the_customers() -> None:
    agent = _finals(_converse(MockConfig(frames_per_turn=10), seconds=2.0, speaker="agent"))
    assert [(f["speaker"], f["text"]) for f in agent] == [
        ("agent", "Hello, how can I help you?"),
        ("agent", "Of course, what is your order number?"),
    ]
    assert agent[0]["translation"] == {"language": "de", "text": "Hallo, wie kann ich Ihnen helfen?"}
    customer = _finals(_converse(MockConfig(frames_per_turn=10), seconds=1.0, speaker="customer"))
    assert [(f["speaker"], f["text"]) for f in customer] == [("customer", "Ich habe eine Frage zu meiner Bestellung.")]


def test_listed_api_keys_make_every_other_key_a_401() -> None:
    with serve(api_keys=["sk_test_allowed"]) as server:
        assert server.api_key == "sk_test_allowed"
        for key, status in (("sk_test_allowed", 201), ("sk_test_other", 401)):
            response = httpx.post(
                f"{server.base_url}/sessions",
                json={"mode": "ai_agent"},
                headers={"Authorization": f"Bearer {key}"},
                timeout=10,
            )
            assert response.status_code == status
        assert_error(response, 401, "invalid_api_key")


def test_api_keys_must_be_a_collection_of_strings() -> None:
    with pytest.raises(TypeError, match="collection of key strings"):
        MockConfig(api_keys="sk_test_one")  # type: ignore[arg-type]  # iterating a str gives characters
    with pytest.raises(ValueError, match="turn_seconds"):
        MockConfig(turn_seconds=(3.0, 1.0))


def test_a_path_without_v1_gets_a_404_that_names_the_prefix() -> None:
    with serve() as server:
        headers = {"Authorization": f"Bearer {server.api_key}"}
        missing = httpx.post(f"{server.origin}/sessions", json={"mode": "ai_agent"}, headers=headers, timeout=10)
        error = assert_error(missing, 404, "not_found")
        assert "did you mean /v1/sessions?" in error["message"]
        assert "base URL to end in /v1" in error["message"]
        nested = httpx.get(f"{server.origin}/sessions/sess_1/transcript", headers=headers, timeout=10)
        assert "/v1/sessions/sess_1/transcript" in nested.json()["error"]["message"]
        unknown = httpx.get(f"{server.base_url}/nothing-here", headers=headers, timeout=10)
        assert "did you mean" not in unknown.json()["error"]["message"]
