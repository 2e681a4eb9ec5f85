"""The mock signs and POSTs its events to a receiver, retrying non-2xx answers; the handler runs once."""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import kallglot
from kallglot import webhooks
from kallglot.mock import WEBHOOK_SCHEDULE, serve
from tests.serving import serving

SECRET = "whsec_test_mock_delivery"
FACTOR = 1e-4  # 41.5 hours of schedule in about 15 seconds; the retries below need only the first step


class Receiver:
    """A webhook endpoint that fails each delivery's first attempt, then verifies and handles it once."""

    def __init__(self, secret: str = SECRET) -> None:
        self.secret = secret
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.handled: list[str] = []
        self.dedup = webhooks.Deduplicator()
        self.lock = threading.Lock()

    def answer(self, headers: dict[str, str], body: bytes) -> int:
        with self.lock:
            self.requests.append((headers, body))
        if headers["kallglot-retry-count"] == "0":
            return 500  # the first attempt of every delivery fails
        try:
            event = webhooks.construct_event(body, headers.get("kallglot-signature"), self.secret)
        except webhooks.WebhookSignatureError:
            return 400
        with self.dedup.once(event.id) as first:
            if first:
                with self.lock:
                    self.handled.append(event.id)
        return 204


@contextmanager
def listening(receiver: Receiver) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            status = receiver.answer({k.lower(): v for k, v in self.headers.items()}, body)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as port:
        yield f"http://127.0.0.1:{port}/hooks/kallglot"


def test_events_are_signed_retried_after_a_500_and_handled_once() -> None:
    receiver = Receiver()
    with listening(receiver) as url, serve(webhook_url=url, webhook_secret=SECRET, webhook_time_factor=FACTOR) as mock:
        assert mock.webhooks is not None
        with kallglot.Kallglot(mock.api_key, base_url=mock.base_url) as client:
            session = client.sessions.create(mode="bidirectional_translation")
            client.sessions.end(session.id)
        assert mock.webhooks.drain(timeout=30)
        emitted = [event["id"] for event in mock.events.list()]
        attempts = list(mock.webhooks.attempts)

    assert {"session.created", "session.ended"} <= {event_type for _, event_type in _types(receiver)}
    assert sorted(receiver.handled) == sorted(emitted)  # every event handled, each exactly once
    by_webhook: dict[str, list[dict[str, str]]] = {}
    for headers, body in receiver.requests:
        by_webhook.setdefault(headers["kallglot-webhook-id"], []).append(headers)
        t, v1 = (part.split("=", 1)[1] for part in headers["kallglot-signature"].split(","))
        expected = hmac.new(SECRET.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(v1, expected)
    assert len(by_webhook) == len(emitted)
    for tries in by_webhook.values():
        assert [h["kallglot-retry-count"] for h in tries] == ["0", "1"]
        assert len({h["kallglot-original-timestamp"] for h in tries}) == 1
        assert tries[0]["kallglot-webhook-id"].startswith("wh_del_")
    assert [a.status for a in attempts if a.retry_count == 0] == [500] * len(emitted)
    assert all(a.ok for a in attempts if a.retry_count == 1)


def _types(receiver: Receiver) -> set[tuple[str, str]]:
    parsed = [webhooks.parse_event(body) for _, body in receiver.requests]
    return {(event.id, str(event.type)) for event in parsed}


def test_a_receiver_with_the_wrong_secret_never_handles_and_the_sender_gives_up_after_eight() -> None:
    receiver = Receiver(secret="whsec_someone_else")
    quick = 1e-6  # the whole schedule (41.5 h) in about 0.15 s
    with listening(receiver) as url, serve(webhook_url=url, webhook_secret=SECRET, webhook_time_factor=quick) as mock:
        assert mock.webhooks is not None
        with kallglot.Kallglot(mock.api_key, base_url=mock.base_url) as client:
            client.sessions.create(mode="assistive_translation")
        assert mock.webhooks.drain(timeout=60)
        attempts = list(mock.webhooks.attempts)
    assert receiver.handled == []
    assert [a.retry_count for a in attempts] == list(range(len(WEBHOOK_SCHEDULE)))
    assert [a.status for a in attempts] == [500] + [400] * (len(WEBHOOK_SCHEDULE) - 1)


def test_reset_drops_queued_retries_and_forgets_attempts() -> None:
    # Nothing listens on port 9: the first attempt fails at once and the retry is due a minute later.
    with serve(webhook_url="http://127.0.0.1:9/hooks", webhook_secret=SECRET, webhook_time_factor=1) as mock:
        assert mock.webhooks is not None
        with kallglot.Kallglot(mock.api_key, base_url=mock.base_url) as client:
            client.sessions.create(mode="assistive_translation")
        deadline = time.monotonic() + 10
        while not mock.webhooks.attempts and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [a.retry_count for a in mock.webhooks.attempts] == [0]
        assert not mock.webhooks.drain(timeout=0.05)  # the retry is queued
        mock.reset()
        assert mock.webhooks.attempts == [] and mock.webhooks.drain(timeout=1)
