"""Hostile deliveries: whatever reaches a receiver, only ``WebhookError`` subclasses come out of the functions, and
the ready receivers (ASGI and WSGI alike) answer 4xx without calling the handler. Nothing hangs."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kallglot import webhooks

# What a receiver meets in production: the default, lenient parsing (the suite is strict unless told otherwise).
pytestmark = pytest.mark.lenient_responses

SECRET = "whsec_hostile"
ENVELOPE = {"id": "evt_1", "type": "session.ended", "api_version": "v1", "created_at": "2026-03-26T11:00:00Z"}

# Bodies that are signed correctly but are not an event the SDK can use, or are absurd.
SIGNED_BODIES: dict[str, bytes] = {
    "empty": b"",
    "not json": b"<html>502 Bad Gateway</html>",
    "truncated": b'{"id": "evt_1", "type": "sess',
    "bad utf-8": b'{"id": "\xff\xfe"}',
    "nan": b'{"id": "evt_1", "type": "session.ended", "data": {"duration": NaN}}',
    "infinity": b'{"id": "evt_1", "type": "session.ended", "data": {"duration": -Infinity}}',
    "deep list": b"[" * 100_000 + b"]" * 100_000,
    "deep object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "deep data": json.dumps({**ENVELOPE, "data": 1}).encode().replace(b"1}", b'{"a":' * 20_000 + b"1" + b"}" * 20_001),
    "huge integer": b'{"id": "evt_1", "type": "session.ended", "data": {"n": ' + b"9" * 5000 + b"}}",
    "a list": b"[1, 2, 3]",
    "a string": b'"session.ended"',
    "id not a string": json.dumps({**ENVELOPE, "id": 7, "data": {}}).encode(),
    "type not a string": json.dumps({**ENVELOPE, "type": ["session.ended"], "data": {}}).encode(),
    "no id": json.dumps({"type": "session.ended", "data": {}}).encode(),
}
# Signature headers that are not Kallglot's, for a valid body.
HEADERS: dict[str, str | None] = {
    "missing": None,
    "empty": "",
    "garbage": "\x00\xff,,,==",
    "huge timestamp": "t=" + "1" * 4301 + ",v1=00",
    "negative timestamp": "t=-5,v1=" + "0" * 64,
    "float timestamp": "t=1e10,v1=" + "0" * 64,
    "many signatures": "t=1," + ",".join(["v1=" + "0" * 64] * 10_000),
    "no v1": "t=1710072360",
    "wrong secret": webhooks.sign(json.dumps({**ENVELOPE, "data": {}}).encode(), "whsec_other"),
}


def _asgi_status(app: Any, body: bytes, signature: str | None) -> int:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if signature is not None:
        headers.append((b"kallglot-signature", signature.encode("latin-1", "replace")))
    scope = {"type": "http", "method": "POST", "path": "/hooks", "headers": headers, "query_string": b""}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(asyncio.wait_for(app(scope, receive, send), timeout=30))
    return int(next(m["status"] for m in sent if m["type"] == "http.response.start"))


def _wsgi_status(app: Callable[..., Any], body: bytes, signature: str | None) -> int:
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/hooks",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    if signature is not None:
        environ["HTTP_KALLGLOT_SIGNATURE"] = signature
    statuses: list[str] = []
    chunks = app(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(chunks)
    return int(statuses[0].split()[0])


@pytest.fixture
def handled() -> list[webhooks.Event]:
    return []


def _apps(handled: list[webhooks.Event]) -> dict[str, Callable[[bytes, str | None], int]]:
    asgi = webhooks.asgi_app(handled.append, secret=SECRET)
    wsgi = webhooks.wsgi_app(handled.append, secret=SECRET)
    return {"asgi": lambda b, s: _asgi_status(asgi, b, s), "wsgi": lambda b, s: _wsgi_status(wsgi, b, s)}


@pytest.mark.parametrize("name", sorted(SIGNED_BODIES))
def test_a_signed_hostile_body_is_a_payload_error_and_a_400(name: str, handled: list[webhooks.Event]) -> None:
    body = SIGNED_BODIES[name]
    with pytest.raises(webhooks.WebhookPayloadError):
        webhooks.construct_event(body, webhooks.sign(body, SECRET), SECRET)
    for kind, status_of in _apps(handled).items():
        assert status_of(body, webhooks.sign(body, SECRET)) == 400, kind
    assert handled == []


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_a_hostile_signature_header_is_a_signature_error_and_a_400(name: str, handled: list[webhooks.Event]) -> None:
    body = json.dumps({**ENVELOPE, "data": {}}).encode()
    with pytest.raises(webhooks.WebhookSignatureError) as caught:
        webhooks.construct_event(body, HEADERS[name], SECRET)
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)
    for kind, status_of in _apps(handled).items():
        assert status_of(body, HEADERS[name]) == 400, kind
    assert handled == []


@pytest.mark.parametrize("value", ["9" * 5000, "-1", "1e400", "\x00", " 3 ", "nan"])
def test_delivery_headers_never_raise(value: str) -> None:
    info = webhooks.delivery({"Kallglot-Retry-Count": value, "Kallglot-Original-Timestamp": value})
    assert info.retry_count is None or info.retry_count >= 0


@settings(max_examples=150, deadline=None)
@given(body=st.binary(max_size=300), header=st.none() | st.text(max_size=120))
def test_arbitrary_deliveries_raise_only_webhook_errors(body: bytes, header: str | None) -> None:
    for candidate in (header, webhooks.sign(body, SECRET)):
        with contextlib.suppress(webhooks.WebhookError):
            webhooks.construct_event(body, candidate, SECRET)


@settings(max_examples=150, deadline=None)
@given(
    payload=st.recursive(
        st.none() | st.booleans() | st.floats(allow_nan=False, allow_infinity=False) | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=30,
    )
)
def test_any_signed_json_is_an_event_or_a_payload_error(payload: Any) -> None:
    # Any JSON as the body: an event, or a payload error, nothing else.
    body = json.dumps(payload).encode()
    with contextlib.suppress(webhooks.WebhookPayloadError):
        repr(webhooks.construct_event(body, webhooks.sign(body, SECRET), SECRET))
    # Any JSON as `data` of a valid envelope: always an event, never refused over its shape.
    body = json.dumps({**ENVELOPE, "data": payload}).encode()
    event = webhooks.construct_event(body, webhooks.sign(body, SECRET), SECRET)
    assert event.id == "evt_1" and str(event.type) == "session.ended"
    assert event.to_dict()["data"] == payload
    repr(event)


def test_an_event_with_an_empty_id_is_a_400_not_a_retried_500(handled: list[webhooks.Event]) -> None:
    body = json.dumps({**ENVELOPE, "id": "", "data": {}}).encode()
    for kind, status_of in _apps(handled).items():
        assert status_of(body, webhooks.sign(body, SECRET)) == 400, kind
    assert handled == []


@pytest.mark.parametrize("tolerance", [float("nan"), -1.0, float("inf")])
def test_a_receiver_with_a_bad_tolerance_is_refused_when_it_is_built(tolerance: float) -> None:
    for make in (webhooks.asgi_app, webhooks.wsgi_app):
        with pytest.raises(ValueError, match="tolerance"):
            make(lambda event: None, secret=SECRET, tolerance=tolerance)
