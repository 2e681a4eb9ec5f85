"""Every fault the mock can inject, through the Python API, the /_mock endpoints and in-process."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosedError, InvalidStatus

from kallglot.mock import MockConfig, MockServer, create_app, serve

from .conftest import api_client, assert_error, receive, stream_url, talk


def test_fail_next_answers_n_requests_with_the_status_then_recovers(http: httpx.Client, server: MockServer) -> None:
    server.faults.fail_next(2, status=503, retry_after=2)
    first, second = http.post("/sessions", json={"mode": "ai_agent"}), http.post("/sessions", json={"mode": "ai_agent"})
    for response in (first, second):
        error = assert_error(response, 503, "service_unavailable")
        assert error["type"] == "api_error" and error["retry_after"] == 2
        assert response.headers["retry-after"] == "2"
    assert server.state.sessions == {}  # a failed request does not act
    assert http.post("/sessions", json={"mode": "ai_agent"}).status_code == 201
    assert server.faults.pending() == 0


def test_fail_next_can_target_a_method_and_path(http: httpx.Client, server: MockServer) -> None:
    server.faults.fail_next(status=429, retry_after=1, method="POST", path="/sessions/*/end")
    session = http.post("/sessions", json={"mode": "ai_agent"}).json()
    assert http.get(f"/sessions/{session['id']}").status_code == 200
    assert_error(http.post(f"/sessions/{session['id']}/end"), 429, "rate_limit_exceeded")
    assert http.post(f"/sessions/{session['id']}/end").status_code == 200


def test_faults_only_count_authenticated_api_requests(server: MockServer, http: httpx.Client) -> None:
    server.faults.fail_next(status=500)
    assert_error(httpx.get(f"{server.base_url}/sessions/sess_1"), 401, "missing_api_key")
    assert_error(http.get("/sessions/sess_1"), 500, "internal_error")


def test_drop_next_acts_then_cuts_the_connection_and_a_keyed_retry_replays(
    http: httpx.Client, server: MockServer
) -> None:
    server.faults.drop_next(path="/sessions")
    headers = {"Idempotency-Key": "dropped-create"}
    with pytest.raises(httpx.RemoteProtocolError):
        http.post("/sessions", json={"mode": "ai_agent"}, headers=headers)
    assert len(server.state.sessions) == 1  # processed before the drop
    retry = http.post("/sessions", json={"mode": "ai_agent"}, headers=headers)
    assert retry.status_code == 201
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json()["id"] in server.state.sessions
    assert retry.headers["x-api-credits-used"] == "1"


def test_delay_next_holds_the_response(http: httpx.Client, server: MockServer) -> None:
    server.faults.delay_next(0.3, method="GET")
    started = time.monotonic()
    assert http.get("/sessions/sess_1").status_code == 404
    assert time.monotonic() - started >= 0.3  # a lower bound only: never flaky on a slow machine


def test_drop_stream_cuts_the_socket_without_a_close_frame(http: httpx.Client, server: MockServer) -> None:
    session = http.post("/sessions", json={"mode": "ai_agent"}).json()
    server.faults.drop_stream(after_frames=1)

    async def run() -> None:
        async with connect(stream_url(session)) as ws:
            assert (await receive(ws))["type"] == "session.ready"
            with pytest.raises(ConnectionClosedError):
                await ws.recv()
            assert ws.close_code is None or ws.close_code == 1006
        # The next connection is not affected.
        fresh = http.get(f"/sessions/{session['id']}").json()
        async with connect(stream_url(fresh)) as ws:
            assert (await receive(ws))["type"] == "session.ready"

    asyncio.run(run())


def test_expire_tokens_refuses_new_streams_but_keeps_open_ones(http: httpx.Client, server: MockServer) -> None:
    session = http.post("/sessions", json={"mode": "ai_agent"}).json()

    async def run() -> None:
        async with connect(stream_url(session)) as open_ws:
            await receive(open_ws)
            server.faults.expire_tokens()
            with pytest.raises(InvalidStatus) as caught:
                async with connect(stream_url(session)):
                    pass
            assert caught.value.response.status_code == 401
            assert b"stream_token_expired" in bytes(caught.value.response.body or b"")
            await open_ws.send(json.dumps({"type": "ping"}))
            assert (await receive(open_ws))["type"] == "pong"
        fresh = http.get(f"/sessions/{session['id']}").json()  # retrieving issues a working token
        async with connect(stream_url(fresh)) as ws:
            assert (await receive(ws))["type"] == "session.ready"

    asyncio.run(run())


def test_tokens_expire_after_their_lifetime() -> None:
    now = [1_800_000_000.0]
    with serve(MockConfig(clock=lambda: now[0])) as clocked:
        headers = {"Authorization": f"Bearer {clocked.api_key}"}
        session = httpx.post(f"{clocked.base_url}/sessions", json={"mode": "ai_agent"}, headers=headers).json()
        assert session["stream"]["expires_at"] == "2027-01-15T08:05:00Z"  # five minutes after issue
        now[0] += 300

        async def run() -> int:
            with pytest.raises(InvalidStatus) as caught:
                async with connect(stream_url(session)):
                    pass
            return caught.value.response.status_code

        assert asyncio.run(run()) == 401


def test_failed_analyses_end_failed_and_emit_analysis_failed(http: httpx.Client, server: MockServer) -> None:
    session = talk(http, frames=5)
    server.faults.fail_next_analyses(error="transcript too short")
    analysis = http.post(f"/sessions/{session['id']}/analysis").json()
    done = http.get(f"/analyses/{analysis['id']}").json()
    assert (done["status"], done["error"]) == ("failed", "transcript too short")
    assert [event["data"]["id"] for event in server.events.list("analysis.failed")] == [analysis["id"]]


def test_the_admin_endpoints_drive_faults_from_another_process(server: MockServer, http: httpx.Client) -> None:
    admin = httpx.Client(base_url=server.origin)
    assert admin.post("/_mock/faults", json={"action": "fail_next", "count": 1, "status": 502}).json()["pending"] == 1
    assert_error(http.get("/sessions/sess_1"), 502, "bad_gateway")
    assert admin.post("/_mock/faults", json={"action": "set_credits", "remaining": 0}).status_code == 200
    assert_error(http.post("/sessions", json={"mode": "ai_agent"}), 402, "insufficient_api_credits")
    assert admin.post("/_mock/faults", json={"action": "set_organization_active", "active": False}).status_code == 200
    assert_error(http.post("/sessions", json={"mode": "ai_agent"}), 403, "organization_inactive")
    assert_error(admin.post("/_mock/faults", json={"action": "format_disk"}), 400, "invalid_request")
    assert_error(admin.post("/_mock/faults", json={"action": "fail_next", "colour": 1}), 400, "invalid_request")
    admin.post("/_mock/reset")
    session = http.post("/sessions", json={"mode": "ai_agent"}).json()
    events = admin.get("/_mock/events", params={"type": "session.created"}).json()["data"]
    assert [event["data"]["id"] for event in events] == [session["id"]]
    admin.close()


def test_in_process_the_app_serves_httpx_and_a_drop_raises() -> None:
    app = create_app()
    transport = httpx.ASGITransport(app=app)

    async def run() -> None:
        headers = {"Authorization": "Bearer sk_test_in_process"}
        async with httpx.AsyncClient(transport=transport, base_url="http://mock/v1", headers=headers) as client:
            created = await client.post("/sessions", json={"mode": "ai_agent"})
            assert created.status_code == 201
            assert created.json()["stream"]["url"].startswith("ws://mock/v1/sessions/")
            app.faults.drop_next()
            with pytest.raises(ConnectionResetError):
                await client.get(f"/sessions/{created.json()['id']}")

    asyncio.run(run())


def test_fault_arguments_are_checked(server: MockServer) -> None:
    with pytest.raises(ValueError, match="status"):
        server.faults.fail_next(status=200)
    with pytest.raises(ValueError, match="count"):
        server.faults.drop_next(0)


@pytest.mark.parametrize("how", ["method", "admin"])
def test_reset_makes_a_running_server_as_fresh_as_a_new_one(how: str) -> None:
    config = MockConfig(rate_limit=2, deterministic=True, analysis_delay=0)
    with serve(config) as server, api_client(server) as http:
        first = http.post("/sessions", json={"mode": "ai_agent"}, headers={"Idempotency-Key": "k"}).json()
        http.get(f"/sessions/{first['id']}")
        assert_error(http.get(f"/sessions/{first['id']}"), 429, "rate_limit_exceeded")
        server.faults.fail_next(5, status=503)
        server.faults.set_credits(0)
        if how == "method":
            server.reset()
        else:
            assert httpx.post(f"{server.origin}/_mock/reset", timeout=10).json() == {"ok": True}
        assert server.faults.pending() == 0
        # Full rate-limit quota, credits back, ids from 1, and the idempotency key forgotten (a new session).
        again = http.post("/sessions", json={"mode": "assistive_translation"}, headers={"Idempotency-Key": "k"})
        assert again.status_code == 201
        assert again.json()["id"] == first["id"] == "sess_00000000000001"
        assert again.json()["mode"] == "assistive_translation"
        assert again.headers["x-api-credits-remaining"] == "999"
        assert again.headers["x-ratelimit-remaining"] == "1"
