"""The timeout bounds a whole attempt: a server that trickles its answer cannot hold a call past it."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

import pytest

import kallglot

from .conftest import API_KEY, session_body
from .loopback import serve

BODY = json.dumps(session_body()).encode()
DRIP = 0.1  # seconds between bytes: each read is far inside the timeout, the whole answer is not


def _trickle_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(BODY)))
    handler.end_headers()
    for byte in BODY:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(DRIP)


def _trickle_headers(handler: BaseHTTPRequestHandler) -> None:
    head = b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n" + b"X-Padding: " + b"a" * 200 + b"\r\n"
    for byte in head:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(DRIP)


Respond = Callable[[BaseHTTPRequestHandler], None]


@pytest.mark.parametrize("respond", [_trickle_body, _trickle_headers], ids=["body", "headers"])
def test_a_trickling_server_times_out_the_sync_call(respond: Respond) -> None:
    # The whole answer takes len(BODY) * DRIP > 5 s; no single read waits more than DRIP.
    assert len(BODY) * DRIP > 5
    with serve(respond) as url:
        client = kallglot.Kallglot(API_KEY, base_url=url + "/v1", timeout=0.5, max_retries=0)
        with client, pytest.raises(kallglot.APITimeoutError):
            client.sessions.retrieve("sess_1")


@pytest.mark.parametrize("respond", [_trickle_body, _trickle_headers], ids=["body", "headers"])
def test_a_trickling_server_times_out_the_async_call(respond: Respond) -> None:
    async def run() -> None:
        async with kallglot.AsyncKallglot(API_KEY, base_url=url + "/v1", timeout=0.5, max_retries=0) as c:
            with pytest.raises(kallglot.APITimeoutError):
                await c.sessions.retrieve("sess_1")

    with serve(respond) as url:
        asyncio.run(run())


def test_a_per_request_timeout_sets_the_deadline_too() -> None:
    with serve(_trickle_body) as url:
        client = kallglot.Kallglot(API_KEY, base_url=url + "/v1", max_retries=0)
        with client, pytest.raises(kallglot.APITimeoutError):
            client.recordings.retrieve("rec_1", timeout=0.5)
