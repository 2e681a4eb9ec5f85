"""The ready receivers, served for real: ``asgi_app`` under uvicorn (alone and mounted in Starlette) and
``wsgi_app`` under wsgiref, on loopback, with Kallglot's deliveries played by hand."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount, Route

from kallglot import webhooks
from tests.serving import serving as thread_serving
from tests.webhooks.servers import redis_server

SECRET = "whsec_apps"
SESSION = {"id": "sess_1", "object": "session", "status": "ended"}


def event_type(event: webhooks.Event) -> str:
    return str(getattr(event, "type", None) or getattr(event, "type_", ""))  # `type_` is being renamed `type`


@contextmanager
def uvicorn_serving(app: Any, *, lifespan: str = "off") -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, http="h11", lifespan=lifespan, log_config=None, access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # like gunicorn's threads: two deliveries can be in the app at once


@contextmanager
def wsgi_serving(app: Any) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, server_class=ThreadingWSGIServer, handler_class=QuietHandler)
    with thread_serving(server) as port:
        yield f"http://127.0.0.1:{port}"


def post(url: str, event: dict[str, Any], *, secret: str = SECRET, body: bytes | None = None) -> httpx.Response:
    raw = json.dumps(event).encode() if body is None else body
    headers = {"Content-Type": "application/json", "Kallglot-Signature": webhooks.sign(raw, secret)}
    return httpx.post(url, content=raw, headers=headers, timeout=10)


@pytest.fixture(params=["asgi", "wsgi"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@contextmanager
def serving(kind: str, handler: Callable[[webhooks.Event], Any], **options: Any) -> Iterator[str]:
    if kind == "asgi":
        with uvicorn_serving(webhooks.asgi_app(handler, **options)) as url:
            yield url
    else:
        with wsgi_serving(webhooks.wsgi_app(handler, **options)) as url:
            yield url


def test_a_receiver_processes_once_retries_a_failure_and_refuses_forgeries(kind: str) -> None:
    handled: list[str] = []

    def handle(event: webhooks.Event) -> None:
        handled.append(event_type(event))
        if len(handled) == 1:
            raise RuntimeError("database briefly unavailable")

    event = webhooks.build_event("session.ended", SESSION)
    with serving(kind, handle, secret=SECRET) as url:
        assert post(url, event).status_code == 500  # the handler failed: Kallglot retries
        assert post(url, event).status_code == 204
        assert post(url, event).status_code == 204  # a duplicate is acknowledged, not processed
        forged = post(url, event, secret="whsec_forged")
        assert forged.status_code == 400 and forged.text.startswith("no_matching_signature")
        assert SECRET not in forged.text
        assert post(url, event, body=b"{not json").status_code == 400
        assert httpx.get(url, timeout=10).status_code == 405
        too_big = post(url, event, body=b"x" * (webhooks.DEFAULT_MAX_BODY + 1))
        assert too_big.status_code == 413
    assert handled == ["session.ended", "session.ended"]


def test_an_async_handler_and_the_secret_from_the_environment(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALLGLOT_WEBHOOK_SECRET", SECRET)
    handled: list[str] = []

    async def handle(event: webhooks.Event) -> None:
        await asyncio.sleep(0)
        handled.append(event.id)

    event = webhooks.build_event("session.ended", SESSION)
    with serving(kind, handle) as url:
        assert post(url, event).status_code == 204
    assert handled == [event["id"]]
    monkeypatch.delenv("KALLGLOT_WEBHOOK_SECRET")
    with pytest.raises(ValueError, match="KALLGLOT_WEBHOOK_SECRET"):
        webhooks.asgi_app(handle)
    with pytest.raises(ValueError, match="KALLGLOT_WEBHOOK_SECRET"):
        webhooks.wsgi_app(handle)


def test_a_receiver_accepts_both_secrets_during_a_rotation(kind: str) -> None:
    with serving(kind, lambda event: None, secret=["whsec_old", SECRET]) as url:
        for secret in ("whsec_old", SECRET):
            assert post(url, webhooks.build_event("session.ended", SESSION), secret=secret).status_code == 204
        assert post(url, webhooks.build_event("session.ended", SESSION), secret="whsec_x").status_code == 400


def test_a_delivery_while_another_is_processing_gets_409(kind: str) -> None:
    inside, leave = threading.Event(), threading.Event()

    def handle(event: webhooks.Event) -> None:  # a plain function: the ASGI app runs it in a thread
        inside.set()
        assert leave.wait(10)

    event = webhooks.build_event("session.ended", SESSION)
    with serving(kind, handle, secret=SECRET) as url:
        first = threading.Thread(target=post, args=(url, event))
        first.start()
        assert inside.wait(10)
        assert post(url, event).status_code == 409
        leave.set()
        first.join(timeout=10)
        assert post(url, event).status_code == 204


def test_an_authentic_body_nested_too_deeply_gets_400_not_500(kind: str) -> None:
    from tests.webhooks.test_events import nested

    stored: list[str] = []

    def handle(event: webhooks.Event) -> None:  # walks the event, as a handler that stores it does
        stored.append(json.dumps(event.to_dict()))

    with serving(kind, handle, secret=SECRET) as url:
        for depth in (webhooks.MAX_DEPTH + 1, 600, 100_000):
            response = post(url, {}, body=nested(depth, "some.new_type"))
            assert response.status_code == 400 and "nest" in response.text, (depth, response.text)
        assert post(url, {}, body=nested(webhooks.MAX_DEPTH, "some.new_type")).status_code == 204
    assert len(stored) == 1


def test_a_store_that_went_away_answers_500_so_kallglot_retries(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    with redis_server() as url:
        store: Any = webhooks.AsyncRedisStore(url) if kind == "asgi" else webhooks.RedisStore(url)
    handled: list[str] = []
    with serving(kind, lambda event: handled.append(event.id), secret=SECRET, store=store) as receiver:
        response = post(receiver, webhooks.build_event("session.ended", SESSION))
    assert response.status_code == 500 and "store" in response.text and handled == []
    assert any("redis" in record.getMessage() for record in caplog.records)


def test_the_asgi_receiver_mounts_in_starlette_and_runs_alone_with_lifespan() -> None:
    handled: list[str] = []
    receiver = webhooks.asgi_app(handled.append, secret=SECRET)
    app = Starlette(
        routes=[
            Route("/kallglot/webhooks", receiver, methods=["POST"]),
            Mount("/mounted", app=receiver),
        ]
    )
    with uvicorn_serving(app, lifespan="on") as url:
        assert post(f"{url}/kallglot/webhooks", webhooks.build_event("session.ended", SESSION)).status_code == 204
        assert post(f"{url}/mounted/", webhooks.build_event("session.ended", SESSION)).status_code == 204
    with uvicorn_serving(webhooks.asgi_app(handled.append, secret=SECRET), lifespan="on") as url:
        assert post(url, webhooks.build_event("session.ended", SESSION)).status_code == 204
    assert len(handled) == 3


def test_the_wsgi_receiver_refuses_an_async_store(redis_url: str) -> None:
    with pytest.raises(TypeError, match="AsyncDeduplicator"):
        webhooks.wsgi_app(lambda event: None, secret=SECRET, store=webhooks.AsyncRedisStore(redis_url))  # type: ignore[arg-type]


def test_the_receivers_take_a_deduplicator_to_set_the_lease(tmp_path: Any) -> None:
    dedup = webhooks.Deduplicator(webhooks.SQLiteStore(tmp_path / "events.db"), lease=60)
    handled: list[str] = []
    event = webhooks.build_event("session.ended", SESSION)
    with uvicorn_serving(webhooks.asgi_app(lambda event: handled.append(event.id), secret=SECRET, store=dedup)) as url:
        assert post(url, event).status_code == 204
    with wsgi_serving(webhooks.wsgi_app(lambda event: handled.append(event.id), secret=SECRET, store=dedup)) as url:
        assert post(url, event).status_code == 204  # the same store: already processed
    assert handled == [event["id"]]
    with pytest.raises(TypeError, match="asgi_app"):
        webhooks.wsgi_app(lambda event: None, secret=SECRET, store=webhooks.AsyncDeduplicator())  # type: ignore[arg-type]
