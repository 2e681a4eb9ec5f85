"""Receivers written by hand from the parts (as the README's last webhook example does), run for real: a WSGI app
on loopback and an ASGI app driven in-process. The ready receivers are tested in ``test_apps.py``.

Kallglot's behaviour is played by hand here (sign, POST, retry on non-2xx); the mock server's delivery will
replace that in the mock's own tests.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

import httpx
import pytest

from kallglot import webhooks

SECRET = "whsec_receiver"
Handler = Callable[[webhooks.Event], None]


def make_wsgi_app(secret: str, dedup: webhooks.Deduplicator, handle: Handler) -> Callable[..., Iterable[bytes]]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))  # raw bytes, as received
        try:
            event = webhooks.construct_event(body, environ.get("HTTP_KALLGLOT_SIGNATURE"), secret)
        except (webhooks.WebhookSignatureError, webhooks.WebhookPayloadError) as exc:
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [str(exc).encode()]
        try:
            with dedup.once(event.id) as first:
                if first:
                    handle(event)  # an exception here answers 500: Kallglot retries, the retry processes it
        except webhooks.WebhookInProgressError:
            start_response("409 Conflict", [("Content-Type", "text/plain")])
            return [b"already being processed; retry later"]
        start_response("204 No Content", [])
        return []

    return app


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[Callable[[Callable[..., Iterable[bytes]]], str]]:
    servers = []

    def start(app: Callable[..., Iterable[bytes]]) -> str:
        server = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/webhooks/kallglot"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def deliver(client: httpx.Client, url: str, event: dict[str, Any], secret: str = SECRET) -> list[int]:
    """Play Kallglot: sign once per attempt and retry until a 2xx answer, at most 8 attempts."""
    body = json.dumps(event).encode()
    statuses = []
    for attempt in range(8):
        headers = {
            "Content-Type": "application/json",
            "Kallglot-Signature": webhooks.sign(body, secret),
            "Kallglot-Webhook-Id": "wh_del_01HXYZ",
            "Kallglot-Retry-Count": str(attempt),
            "Kallglot-Original-Timestamp": "1711454000",
        }
        statuses.append(client.post(url, content=body, headers=headers).status_code)
        if 200 <= statuses[-1] < 300:
            break
    return statuses


def test_the_wsgi_receiver_processes_once_despite_a_failure_and_a_redelivery(serve: Any, tmp_path: Path) -> None:
    handled: list[str] = []

    def handle(event: webhooks.Event) -> None:
        handled.append(event.id)
        if len(handled) == 1:
            raise RuntimeError("database briefly unavailable")

    url = serve(make_wsgi_app(SECRET, webhooks.Deduplicator(webhooks.SQLiteStore(tmp_path / "events.db")), handle))
    event = webhooks.build_event("session.ended", {"id": "sess_1", "object": "session", "status": "ended"})
    with httpx.Client(timeout=10) as client:
        assert deliver(client, url, event) == [500, 204]
        assert deliver(client, url, event) == [204]  # a duplicate delivery is acknowledged, not processed
        assert deliver(client, url, event, secret="whsec_forged") == [400] * 8
    assert handled == [event["id"], event["id"]]  # the failed attempt, then the retry that succeeded


def make_asgi_app(secret: str, dedup: webhooks.Deduplicator, handle: Handler) -> Callable[..., Any]:
    async def app(scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        status = 204
        try:
            event = webhooks.construct_event(body, headers.get("kallglot-signature"), secret)
            with dedup.once(event.id) as first:
                if first:
                    handle(event)
        except (webhooks.WebhookSignatureError, webhooks.WebhookPayloadError):
            status = 400
        except webhooks.WebhookInProgressError:
            status = 409
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    return app


def test_the_asgi_receiver_verifies_parses_and_deduplicates() -> None:
    handled: list[webhooks.Event] = []
    app = make_asgi_app(SECRET, webhooks.Deduplicator(), handled.append)
    body = json.dumps(webhooks.build_event("transcript.segment", {"session_id": "sess_1", "text": "Hi"})).encode()

    async def post(signature: str) -> int:
        chunks: list[dict[str, Any]] = [
            {"type": "http.request", "body": body[:10], "more_body": True},
            {"type": "http.request", "body": body[10:]},
        ]
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return chunks.pop(0)

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "POST", "headers": [(b"kallglot-signature", signature.encode())]}
        await app(scope, receive, send)
        return int(sent[0]["status"])

    assert asyncio.run(post(webhooks.sign(body, SECRET))) == 204
    assert asyncio.run(post(webhooks.sign(body, SECRET))) == 204
    assert asyncio.run(post(webhooks.sign(body, "whsec_forged"))) == 400
    assert len(handled) == 1 and handled[0].type == "transcript.segment"
