"""The REST API of the mock behaves as the docs describe: auth, headers, lifecycle, credits, errors."""

from __future__ import annotations

import io
import wave

import httpx
import pytest

from kallglot.mock import MockConfig, MockServer, serve

from .conftest import api_client, assert_conforms, assert_error, talk

STANDARD_HEADERS = ("x-request-id", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")
CREDIT_HEADERS = ("x-api-credits-remaining", "x-api-credits-used")


def test_requests_without_a_key_get_the_401_envelope(server: MockServer) -> None:
    response = httpx.get(f"{server.base_url}/sessions/sess_123")
    assert_error(response, 401, "missing_api_key")
    assert all(name in response.headers for name in STANDARD_HEADERS)
    assert not any(name in response.headers for name in CREDIT_HEADERS)


@pytest.mark.parametrize("key", ["sk_prod_abc", "pk_test_abc", "sk_test_", "Bearer"])
def test_keys_that_do_not_look_like_api_keys_are_refused(server: MockServer, key: str) -> None:
    response = httpx.get(f"{server.base_url}/sessions/sess_123", headers={"Authorization": f"Bearer {key}"})
    error = assert_error(response, 401, "invalid_api_key")
    assert key not in response.text or key == "Bearer"  # the key is never echoed
    assert error["type"] == "authentication_error"


def test_x_api_key_authenticates_like_bearer(server: MockServer) -> None:
    response = httpx.post(
        f"{server.base_url}/sessions", json={"mode": "ai_agent"}, headers={"X-API-Key": "sk_live_abc123"}
    )
    assert response.status_code == 201
    assert response.json()["stream"]["token"].startswith("kst_live_")


def test_every_authenticated_response_carries_the_standard_and_credit_headers(http: httpx.Client) -> None:
    for response in (http.post("/sessions", json={"mode": "ai_agent"}), http.get("/sessions/sess_missing")):
        assert all(name in response.headers for name in STANDARD_HEADERS + CREDIT_HEADERS), response.headers
    assert int(response.headers["x-ratelimit-remaining"]) < int(response.headers["x-ratelimit-limit"])


def test_a_session_goes_created_active_ended_and_end_is_idempotent(http: httpx.Client) -> None:
    created = http.post("/sessions", json={"mode": "bidirectional_translation", "source_language": "de"})
    assert created.status_code == 201
    session = created.json()
    assert_conforms(session, "Session")
    assert session["status"] == "created"
    assert session["stream"]["url"].startswith("ws://127.0.0.1:")
    assert session["stream"]["url"].endswith(f"/v1/sessions/{session['id']}/connect")

    talk_session = talk(http, frames=5)
    active = http.get(f"/sessions/{talk_session['id']}").json()
    assert active["status"] == "active"
    assert active["started_at"] is not None
    assert active["stream"]["token"] != talk_session["stream"]["token"]  # a fresh token per retrieve

    ended = http.post(f"/sessions/{talk_session['id']}/end")
    assert ended.status_code == 200
    assert_conforms(ended.json(), "Session")
    assert ended.json()["status"] == "ended"
    assert ended.json()["duration_seconds"] == pytest.approx(0.1)  # five 20 ms frames
    again = http.post(f"/sessions/{talk_session['id']}/end")
    assert again.json() == ended.json()
    retrieved = http.get(f"/sessions/{talk_session['id']}").json()
    assert retrieved["status"] == "ended"
    assert retrieved["stream"] is None


def test_the_transcript_grows_with_audio_and_completes_at_the_end(http: httpx.Client) -> None:
    session = talk(http, frames=10, source_language="de", target_language="en")
    transcript = http.get(f"/sessions/{session['id']}/transcript").json()
    assert_conforms(transcript, "Transcript")
    assert transcript["status"] == "in_progress"
    assert [turn["sequence"] for turn in transcript["turns"]] == [1, 2]
    # The phrase book is a dialogue: the customer says the customer's lines.
    assert transcript["turns"][0]["text"] == "Ich habe eine Frage zu meiner Bestellung."
    assert transcript["turns"][0]["translation"] == {"language": "en", "text": "I have a question about my order."}
    assert transcript["turns"][1]["text"] == "Sie lautet vier fünf sechs sieben."
    http.post(f"/sessions/{session['id']}/end")
    final = http.get(f"/sessions/{session['id']}/transcript").json()
    assert final["status"] == "completed"
    assert final["metadata"]["total_turns"] == 2


def test_recordings_appear_after_the_end_and_download_as_wav(http: httpx.Client) -> None:
    session = talk(http, frames=5)
    assert http.get(f"/sessions/{session['id']}/recordings").json()["data"] == []
    http.post(f"/sessions/{session['id']}/end")
    listing = http.get(f"/sessions/{session['id']}/recordings").json()
    assert_conforms(listing, "RecordingList")
    (recording,) = listing["data"]
    assert recording["status"] == "ready"
    assert recording["download_url"] == f"/v1/recordings/{recording['id']}/audio"
    assert http.get(f"/recordings/{recording['id']}").json() == recording

    audio = http.get(str(http.base_url.join(recording["download_url"])))
    assert audio.status_code == 200
    assert audio.headers["content-type"] == "audio/wav"
    assert f"recording-{session['id']}.wav" in audio.headers["content-disposition"]
    assert int(audio.headers["content-length"]) == recording["size"] == len(audio.content)
    with wave.open(io.BytesIO(audio.content)) as wav:
        assert (wav.getnchannels(), wav.getframerate(), wav.getsampwidth()) == (1, 8000, 2)
        assert wav.getnframes() == 800  # the 100 ms the stream received


def test_the_legacy_download_redirects_to_a_presigned_audio_url(http: httpx.Client, server: MockServer) -> None:
    session = http.post("/sessions", json={"mode": "ai_agent"}).json()
    http.post(f"/sessions/{session['id']}/end")
    recording = http.get(f"/sessions/{session['id']}/recordings").json()["data"][0]
    redirect = http.get(f"/recordings/{recording['id']}/download")
    assert redirect.status_code == 302
    location = redirect.headers["location"]
    assert location.startswith(f"{server.base_url}/recordings/{recording['id']}/audio?")
    unsigned = httpx.get(location)  # no API key: the signature is the credential
    assert unsigned.status_code == 200
    assert unsigned.content[:4] == b"RIFF"
    tampered = httpx.get(location.replace("signature=", "signature=0"))
    assert_error(tampered, 401, "missing_api_key")


def test_recordings_stay_processing_for_the_configured_delay() -> None:
    with (
        serve(MockConfig(recording_delay=60)) as slow,
        api_client(slow) as client,
    ):
        session = client.post("/sessions", json={"mode": "ai_agent"}).json()
        client.post(f"/sessions/{session['id']}/end")
        recording = client.get(f"/sessions/{session['id']}/recordings").json()["data"][0]
        assert (recording["status"], recording["download_url"]) == ("processing", None)
        assert client.get(f"/recordings/{recording['id']}/download").status_code == 202
        assert_error(client.get(f"/recordings/{recording['id']}/audio"), 404, "recording_not_ready")


def test_recordings_paginate_with_cursors_both_ways() -> None:
    with (
        serve(MockConfig(recordings_per_channel=3)) as many,
        api_client(many) as client,
    ):
        body = {"mode": "ai_agent", "recording": {"enabled": True, "channels": "dual"}}
        session = client.post("/sessions", json=body).json()
        client.post(f"/sessions/{session['id']}/end")
        url = f"/sessions/{session['id']}/recordings"
        everything = client.get(url).json()["data"]
        assert len(everything) == 9
        seen, cursor, pages = [], None, 0
        while True:
            page = client.get(url, params={"limit": 4, **({"starting_after": cursor} if cursor else {})}).json()
            assert page["url"] == f"/v1{url}"
            seen += page["data"]
            pages += 1
            if not page["has_more"]:
                break
            cursor = page["data"][-1]["id"]
        assert (pages, seen) == (3, everything)
        back = client.get(url, params={"limit": 4, "ending_before": everything[5]["id"]}).json()
        assert [r["id"] for r in back["data"]] == [r["id"] for r in everything[1:5]]
        assert back["has_more"] is True
        customer = client.get(url, params={"channel": "customer"}).json()["data"]
        assert [r["channel"] for r in customer] == ["customer"] * 3
        assert_error(client.get(url, params={"starting_after": "rec_nope"}), 400, "invalid_cursor")
        assert_error(client.get(url, params={"limit": 101}), 400, "invalid_request")


def test_analyses_go_processing_then_completed_on_both_paths() -> None:
    with (
        serve(MockConfig(analysis_delay=60, frames_per_turn=5)) as slow,
        api_client(slow) as client,
    ):
        session = talk(client, frames=5)
        created = client.post(f"/sessions/{session['id']}/analysis", json={"include": ["summary", "keywords"]})
        assert created.status_code == 202
        assert created.json()["status"] == "processing"
        analysis_id = created.json()["id"]
        assert client.get(f"/analyses/{analysis_id}").json()["status"] == "processing"
        # Age the analysis instead of waiting a minute.
        slow.state.analyses[analysis_id].ready_after = 0
        for path in (f"/analyses/{analysis_id}", f"/analysis/{analysis_id}"):
            done = client.get(path).json()
            assert_conforms(done, "Analysis")
            assert done["status"] == "completed"
            assert done["summary"].startswith("A 1-turn conversation")
            assert "sentiment" not in done and done["keywords"]


def test_credits_are_counted_and_exhaustion_is_a_402(http: httpx.Client, server: MockServer) -> None:
    server.state.set_credits(2, used=10)
    session = talk(http, frames=5)  # one credit
    analysis = http.post(f"/sessions/{session['id']}/analysis")  # the second
    assert analysis.headers["x-api-credits-remaining"] == "0"
    assert analysis.headers["x-api-credits-used"] == "12"
    error = assert_error(http.post("/sessions", json={"mode": "ai_agent"}), 402, "insufficient_api_credits")
    assert error["type"] == "permission_error"
    assert http.get(f"/sessions/{session['id']}").status_code == 200  # reading stays free


def test_an_inactive_organization_gets_403_on_billable_calls(http: httpx.Client, server: MockServer) -> None:
    server.state.set_organization_active(False)
    assert_error(http.post("/sessions", json={"mode": "ai_agent"}), 403, "organization_inactive")
    server.state.set_organization_active(True)
    assert http.post("/sessions", json={"mode": "ai_agent"}).status_code == 201


def test_an_analysis_needs_a_transcript(http: httpx.Client) -> None:
    session = http.post("/sessions", json={"mode": "ai_agent"}).json()
    assert_error(http.post(f"/sessions/{session['id']}/analysis"), 400, "transcript_not_available")


@pytest.mark.parametrize(
    ("body", "status", "code", "param"),
    [
        (b"{not json", 400, "invalid_request", None),
        (b"[]", 400, "invalid_request", None),
        (b"{}", 422, "invalid_request", "mode"),
        (b'{"mode": "karaoke"}', 422, "invalid_mode", "mode"),
        (b'{"mode": "ai_agent", "routing": {"direction": "sideways"}}', 422, "invalid_parameter", "routing.direction"),
        (b'{"mode": "ai_agent", "ai_agent": {"tools": [{}]}}', 422, "invalid_request", "ai_agent.tools[0].name"),
    ],
)
def test_invalid_create_bodies_are_rejected_with_the_field_named(
    http: httpx.Client, body: bytes, status: int, code: str, param: str | None
) -> None:
    response = http.post("/sessions", content=body, headers={"Content-Type": "application/json"})
    assert assert_error(response, status, code)["param"] == param


def test_unknown_routes_and_methods_get_the_envelope(http: httpx.Client) -> None:
    assert_error(http.get("/nowhere"), 404, "not_found")
    assert_error(http.delete("/sessions/sess_1"), 405, "method_not_allowed")
    assert_error(http.get("/analyses/anl_nope"), 404, "resource_not_found")


def test_the_rate_limit_answers_429_with_retry_after() -> None:
    with serve(rate_limit=2) as limited:
        headers = {"Authorization": f"Bearer {limited.api_key}"}
        statuses = [httpx.get(f"{limited.base_url}/sessions/sess_1", headers=headers) for _ in range(3)]
    assert [r.status_code for r in statuses] == [404, 404, 429]
    error = assert_error(statuses[2], 429, "rate_limit_exceeded")
    assert int(statuses[2].headers["retry-after"]) == error["retry_after"] > 0
    assert statuses[2].headers["x-ratelimit-remaining"] == "0"
