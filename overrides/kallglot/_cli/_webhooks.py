"""``kallglot webhooks listen`` (a local verifying receiver, optionally forwarding) and ``webhooks trigger``.

``listen`` answers every path: 400 to a body whose ``Kallglot-Signature`` does not verify, otherwise 200, or with
``--forward-to`` the status of re-sending the raw body and the delivery headers there (502 when it cannot be
reached). ``trigger`` sends one signed sample event, built from the docs' examples, to a receiver.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .._constants import WEBHOOK_SECRET_ENV as SECRET_ENV
from .._wire import loads
from ._common import EXIT_API_ERROR, EXIT_OK, EXIT_SIGNATURE, EXIT_USAGE, Failure, action, command_group, error

MAX_BODY = 1024 * 1024
_DELIVERY_HEADERS = ("kallglot-signature", "kallglot-webhook-id", "kallglot-retry-count",
                     "kallglot-original-timestamp", "content-type")  # fmt: skip

# Sample `data` per event family, from the docs' examples (webhooks, sessions, transcript, recordings, analyses).
_SESSION = {"id": "sess_01HXYZ123456789", "object": "session", "status": "ended", "duration": 245.3}
_SAMPLES: dict[str, dict[str, Any]] = {
    "session.created": {**_SESSION, "status": "created"},
    "session.started": {**_SESSION, "status": "active"},
    "session.ended": _SESSION,
    "session.provider.connected": {**_SESSION, "status": "active"},
    "session.provider.disconnected": _SESSION,
    "transcript.ready": {
        "id": "trn_sess_01HXYZ123456789", "object": "transcript", "session_id": "sess_01HXYZ123456789",
        "status": "completed",
        "turns": [{"sequence": 1, "speaker": "customer", "language": "de", "text": "Hallo, ich brauche Hilfe.",
                   "translation": {"language": "en", "text": "Hello, I need help."},
                   "timestamp": "2026-03-26T11:00:05Z"}],
    },
    "transcript.segment": {
        "session_id": "sess_01HXYZ123456789", "sequence": 1, "speaker": "customer", "language": "de",
        "text": "Hallo, ich brauche Hilfe.", "translation": {"language": "en", "text": "Hello, I need help."},
    },
    "recording.ready": {"id": "rec_01HABC987654321", "object": "recording", "session_id": "sess_01HXYZ123456789",
                        "status": "ready", "duration": 245.3, "format": "wav"},
    "recording.failed": {"id": "rec_01HABC987654321", "object": "recording", "session_id": "sess_01HXYZ123456789",
                         "status": "failed"},
    "analysis.complete": {"id": "anl_01HDEF456789012", "object": "analysis", "session_id": "sess_01HXYZ123456789",
                          "status": "completed"},
    "analysis.failed": {"id": "anl_01HDEF456789012", "object": "analysis", "session_id": "sess_01HXYZ123456789",
                        "status": "failed"},
}  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    actions = command_group(parser, name)
    sub = action(actions, "listen", "receive webhooks locally: verify, print, optionally forward",
                  "kallglot webhooks listen --port 8000 --forward-to http://127.0.0.1:5000/hooks", _listen)  # fmt: skip
    sub.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    sub.add_argument("--port", type=int, default=0, help="port to listen on (default: any free port, printed)")
    sub.add_argument("--secret", help=f"signing secret (default: ${SECRET_ENV})")
    sub.add_argument("--forward-to", metavar="URL", help="re-send each verified delivery here, answer its status")
    sub = action(actions, "trigger", "send one signed sample event to a receiver",
                  "kallglot webhooks trigger session.ended --url http://127.0.0.1:8000/", _trigger)  # fmt: skip
    sub.add_argument("event_type", metavar="EVENT_TYPE", help=f"one of: {', '.join(_SAMPLES)}")
    sub.add_argument("--url", required=True, help="the receiver")
    sub.add_argument("--secret", help=f"signing secret (default: ${SECRET_ENV})")
    sub.add_argument("--data", metavar="JSON", help="fields replacing the sample's data, as a JSON object")


def _secret(args: argparse.Namespace) -> str:
    secret = args.secret or os.environ.get(SECRET_ENV)
    if not secret:
        raise Failure(f"no webhook secret: pass --secret or set {SECRET_ENV}")
    return str(secret)


def _trigger(args: argparse.Namespace) -> int:
    import httpx

    from .. import APIConnectionError, webhooks

    secret = _secret(args)
    data = dict(_SAMPLES.get(args.event_type, {}))
    if args.data:
        try:
            extra = loads(args.data)  # strict: NaN and Infinity are not JSON a receiver can parse
        except ValueError as exc:
            raise Failure(f"--data is not JSON: {exc}") from None
        if not isinstance(extra, dict):
            raise Failure("--data must be a JSON object")
        data.update(extra)
    event = webhooks.build_event(args.event_type, data)
    body = json.dumps(event, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "Kallglot-Signature": webhooks.sign(body, secret),
        "Kallglot-Webhook-Id": f"wh_del_{secrets.token_hex(8)}",
        "Kallglot-Retry-Count": "0",
        "Kallglot-Original-Timestamp": str(int(time.time())),
    }
    try:
        response = httpx.post(args.url, content=body, headers=headers, timeout=30.0)
    except httpx.HTTPError as exc:
        raise APIConnectionError(f"could not deliver to {args.url}: {exc}") from None
    print(f"{args.event_type} {event['id']} -> {args.url}: {response.status_code}", flush=True)
    if response.is_success:
        return EXIT_OK
    return EXIT_SIGNATURE if response.status_code == HTTPStatus.BAD_REQUEST else EXIT_API_ERROR


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A sender that hung up mid-answer is one line on stderr, not the standard library's traceback.
        error(f"webhooks listen: a delivery from {client_address[0]} failed: {sys.exc_info()[1]!r}")


class _Receiver(BaseHTTPRequestHandler):
    server_version = "kallglot-webhooks"
    timeout = 30  # a sender that declares more body than it sends does not hold a thread for ever
    secret = ""
    forward_to: str | None = None
    as_json = False
    lock = threading.Lock()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per delivery is printed by do_POST instead

    def _answer(self, status: int, body: bytes = b"", content_type: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer(HTTPStatus.METHOD_NOT_ALLOWED, b"POST webhook deliveries here\n")

    def do_POST(self) -> None:
        from .. import WebhookPayloadError, WebhookSignatureError, webhooks

        length = self.headers.get("content-length", "")
        if not length.isdecimal() or int(length) > MAX_BODY:
            self._answer(HTTPStatus.REQUEST_ENTITY_TOO_LARGE if length.isdecimal() else HTTPStatus.LENGTH_REQUIRED)
            return
        body = self.rfile.read(int(length))
        retry = webhooks.delivery(self.headers.items()).retry_count
        try:
            event = webhooks.construct_event(body, self.headers.get("kallglot-signature"), self.secret)
            # The type from the verified body, not the model: its attribute name is the generator's choice.
            line = f"{json.loads(body).get('type')} {event.id} retry={retry}"
        except WebhookSignatureError as exc:
            self._print(f"refused {self.path}: {exc}", sys.stderr)
            self._answer(HTTPStatus.BAD_REQUEST, b"invalid signature\n")
            return
        except WebhookPayloadError as exc:  # authentic but not an event this SDK knows how to read: still a delivery
            line = f"unparsed event retry={retry}: {exc}"
        if self.as_json:
            try:
                line = json.dumps(json.loads(body), ensure_ascii=False)
            except ValueError:  # authentic but not JSON: shown as received
                line = body.decode("utf-8", "replace")
        self._print(line, sys.stdout)
        if self.forward_to is None:
            self._answer(HTTPStatus.OK, b"ok\n")
            return
        self._forward(body)

    def _forward(self, body: bytes) -> None:
        import httpx

        headers = {name: value for name in _DELIVERY_HEADERS if (value := self.headers.get(name)) is not None}
        try:
            response = httpx.post(str(self.forward_to), content=body, headers=headers, timeout=30.0)
        except httpx.HTTPError as exc:
            self._print(f"  forward to {self.forward_to} failed: {exc}", sys.stderr)
            self._answer(HTTPStatus.BAD_GATEWAY, b"forward failed\n")
            return
        self._print(f"  forwarded to {self.forward_to}: {response.status_code}", sys.stderr)
        self._answer(response.status_code, response.content, response.headers.get("content-type", "text/plain"))

    def _print(self, line: str, stream: Any) -> None:
        from .._redact import redact

        with self.lock:
            print(redact(line), file=stream, flush=True)


def _listen(args: argparse.Namespace) -> int:
    secret = _secret(args)
    handler = type("Receiver", (_Receiver,), {"secret": secret, "forward_to": args.forward_to, "as_json": args.json})
    try:
        server = _Server((args.host, args.port), handler)
    except OSError as exc:
        raise Failure(f"cannot listen on {args.host}:{args.port}: {exc}", EXIT_USAGE) from None
    host, port = args.host, server.server_address[1]
    where = f" (forwarding to {args.forward_to})" if args.forward_to else ""
    print(f"Listening for webhooks on http://{host}:{port}/{where}; Ctrl-C to stop.", file=sys.stderr, flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return EXIT_OK
