"""The mock is a good citizen: fast sockets, bounded and strict input, checked admin actions, no secret logged."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import socket
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosedError

from kallglot.mock import MockServer, serve
from kallglot.mock._errors import json_response
from kallglot.mock._server import bind

from .conftest import api_client, assert_error, receive, stream_url


def test_the_listening_socket_is_tcp_so_asyncio_sets_nodelay_on_every_connection(server: MockServer) -> None:
    # asyncio only sets TCP_NODELAY when sock.proto is IPPROTO_TCP; proto=0 cost ~40 ms per small response.
    with bind("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
    with api_client(server) as http:
        assert http.get("/sessions/sess_missing").status_code == 404
        uvicorn_server = server._server
        assert uvicorn_server is not None
        [connection] = list(uvicorn_server.server_state.connections)
        accepted = connection.transport.get_extra_info("socket")
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_a_body_over_the_limit_is_a_413_whether_declared_or_chunked() -> None:
    with serve(max_body_bytes=1000) as small, api_client(small) as http:
        declared = http.post("/sessions", content=b"{" + b" " * 2000 + b"}")
        assert_error(declared, 413, "request_too_large")

        def chunks() -> Any:
            yield b'{"mode": "ai_agent", "metadata": {"pad": "'
            for _ in range(10):
                yield b"x" * 200
            yield b'"}}'

        chunked = http.post("/sessions", content=chunks())
        assert_error(chunked, 413, "request_too_large")
        assert http.post("/sessions", json={"mode": "ai_agent"}).status_code == 201


def test_a_stream_message_over_the_limit_closes_the_stream_with_1009() -> None:
    with serve(max_body_bytes=1000) as small, api_client(small) as http:
        session = http.post("/sessions", json={"mode": "ai_agent"}).json()

        async def run() -> int | None:
            async with connect(stream_url(session)) as ws:
                await receive(ws)
                await ws.send(json.dumps({"type": "ping", "pad": "x" * 2000}))
                with pytest.raises(ConnectionClosedError):
                    await receive(ws)
                return ws.close_code

        assert asyncio.run(run()) == 1009


def test_the_mock_never_writes_nan_or_infinity() -> None:
    for value in (math.nan, math.inf):
        with pytest.raises(ValueError):
            json_response({"score": value})


@pytest.mark.parametrize(
    "body",
    [
        b'{"mode": "ai_agent", "metadata": {"score": NaN}}',
        b'{"mode": "ai_agent", "metadata": {"score": Infinity}}',
        b'{"mode": "ai_agent", "metadata": {"score": -Infinity}}',
        b'{"mode": "ai_agent", "metadata": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"mode": "ai_agent", "metadata": {"n": 1' + b"0" * 5000 + b"}}",
        b'{"mode": "ai_\xff"}',
    ],
    ids=["nan", "infinity", "minus-infinity", "deeply-nested", "huge-int", "bad-utf8"],
)
def test_bodies_it_cannot_parse_strictly_are_a_400(http: httpx.Client, body: bytes) -> None:
    response = http.post("/sessions", content=body, headers={"Content-Type": "application/json"})
    assert_error(response, 400, "invalid_request")
    assert "NaN" not in response.text and "Infinity" not in response.text


def test_an_idempotent_create_with_a_deeply_nested_body_is_a_400_too(http: httpx.Client) -> None:
    body = b'{"mode": "ai_agent", "metadata": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = http.post("/sessions", content=body, headers={"Idempotency-Key": "deep-1"})
    assert_error(response, 400, "invalid_request")


def test_a_stream_frame_with_nan_or_deep_nesting_is_an_error_frame(http: httpx.Client) -> None:
    session = http.post("/sessions", json={"mode": "bidirectional_translation"}).json()

    async def run() -> list[dict[str, Any]]:
        async with connect(stream_url(session)) as ws:
            await receive(ws)  # session.ready
            answers = []
            for text in ('{"type": "ping", "n": NaN}', '{"type": "ping", "n": ' + "[" * 50_000 + "]" * 50_000 + "}"):
                await ws.send(text)
                answers.append(await receive(ws))
            await ws.send('{"type": "ping"}')
            answers.append(await receive(ws))
            return answers

    first, second, alive = asyncio.run(run())
    assert first["code"] == second["code"] == "invalid_message"
    assert alive["type"] == "pong"


@pytest.mark.parametrize(
    ("action", "arguments"),
    [
        ("set_credits", {"remaining": "lots"}),
        ("set_credits", {"remaining": -1}),
        ("set_credits", {"remaining": 5, "used": 1.5}),
        ("set_credits", {"remaining": True}),
        ("set_organization_active", {"active": "no"}),
        ("fail_next", {"count": "2"}),
        ("fail_next", {"status": 503, "retry_after": "soon"}),
        ("fail_next", {"status": 503, "message": 7}),
        ("delay_next", {"seconds": "1"}),
        ("delay_next", {"seconds": -1}),
        ("drop_stream", {"after_frames": 1.5}),
        ("fail_next_analyses", {"count": 1, "error": ["x"]}),
        ("drop_next", {"path": 5}),
    ],
)
def test_admin_actions_with_bad_arguments_are_a_400_and_change_nothing(
    server: MockServer, http: httpx.Client, action: str, arguments: dict[str, Any]
) -> None:
    response = httpx.post(f"{server.origin}/_mock/faults", json={"action": action, **arguments})
    assert_error(response, 400, "invalid_request")
    assert server.faults.pending() == 0
    assert http.post("/sessions", json={"mode": "ai_agent"}).status_code == 201


def test_admin_json_must_be_strict(server: MockServer) -> None:
    response = httpx.post(
        f"{server.origin}/_mock/faults", content=b'{"action": "set_credits", "remaining": NaN}', timeout=10
    )
    assert_error(response, 400, "invalid_request")
    assert server.state.credits_remaining == 1000


def test_the_stream_token_never_reaches_a_log_record(http: httpx.Client, caplog: pytest.LogCaptureFixture) -> None:
    session = http.post("/sessions", json={"mode": "bidirectional_translation"}).json()
    token = session["stream"]["token"]

    async def run() -> None:
        async with connect(stream_url(session)) as ws:
            await receive(ws)

    with caplog.at_level(logging.INFO, logger="uvicorn"):
        asyncio.run(run())
    lines = [record.getMessage() for record in caplog.records if record.name.startswith("uvicorn")]
    assert any("/connect?token=[REDACTED]" in line for line in lines), lines  # the line is there, the token not
    assert not any(token in record.getMessage() for record in caplog.records)
