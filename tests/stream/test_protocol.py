"""The stream's sans-I/O core, in memory: frames, URLs, events, de-duplication, reconnect decisions."""

from __future__ import annotations

import base64
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import yaml
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosedError, ConnectionClosedOK, InvalidStatus, InvalidURI
from websockets.frames import Close
from websockets.http11 import Response

from kallglot._exceptions import APIConnectionError, NotFoundError, StreamConnectionError, StreamError
from kallglot._redact import redact
from kallglot._retry import backoff
from kallglot._stream.events import EVENT_TYPES, AudioOutputEvent, TranscriptFinalEvent, UnknownEvent, parse_event
from kallglot._stream.options import StreamOptions, TokenRedactingLogger, environment_proxy
from kallglot._stream.protocol import StreamProtocol
from kallglot._stream.reconnect import Attempts, needs_fresh_token, refusal, should_reconnect
from kallglot_api.models import Session, Transcript

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def session(
    url: str = "wss://api.kallglot.com/v1/sessions/sess_1/connect", token: str = "kst_a/b+c", **kw: Any
) -> Session:
    expires = kw.pop("expires_at", NOW + timedelta(minutes=5))
    body = {"id": "sess_1", "object": "session", "status": kw.pop("status", "active")}
    body["stream"] = {"url": url, "token": token, "expires_at": expires.isoformat()}
    return Session.from_dict(body)


def protocol(s: Session | None = None, **options: Any) -> StreamProtocol:
    return StreamProtocol(s or session(), StreamOptions(**options), now=lambda: NOW)


def closed(code: int | None) -> ConnectionClosedError:
    frame = None if code is None else Close(code, "")
    return ConnectionClosedError(frame, None)


def refused(status: int) -> InvalidStatus:
    return InvalidStatus(Response(status, "x", Headers()))


def test_audio_frame_has_exactly_the_documented_fields() -> None:
    p = protocol()
    first = json.loads(p.audio_frame(b"\xff\x00", "customer"))
    second = json.loads(p.audio_frame(b"\x01", 'a "quoted" spéaker'))
    assert set(first) == {"type", "sequence", "timestamp_ms", "speaker", "audio"}
    assert first["type"] == "audio.input" and first["speaker"] == "customer"
    assert first["audio"] == {"encoding": "mulaw", "sample_rate_hz": 8000, "payload": "/wA="}
    assert (first["sequence"], second["sequence"]) == (1, 2)
    assert second["speaker"] == 'a "quoted" spéaker' and base64.b64decode(second["audio"]["payload"]) == b"\x01"
    assert isinstance(first["timestamp_ms"], int) and second["timestamp_ms"] >= first["timestamp_ms"]


def test_audio_frame_rejects_empty_audio_and_speaker_without_using_a_sequence() -> None:
    p = protocol()
    with pytest.raises(ValueError):
        p.audio_frame(b"", "customer")
    with pytest.raises(ValueError):
        p.audio_frame(b"\x00", "")
    assert p.last_sequence == 0


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("wss://api.kallglot.com/v1/sessions/sess_1/connect", "wss://api.kallglot.com/v1/sessions/sess_1/connect?token=kst_a%2Fb%2Bc"),
        ("wss://stream.kallglot.com/v1/s/connect?region=eu", "wss://stream.kallglot.com/v1/s/connect?region=eu&token=kst_a%2Fb%2Bc"),
        ("wss://h/c?token=old&x=1", "wss://h/c?x=1&token=kst_a%2Fb%2Bc"),
    ],
)  # fmt: skip
def test_connect_url_uses_the_sessions_own_url(url: str, expected: str) -> None:
    p = protocol(session(url))
    assert p.connect_url() == expected
    assert "kst_a" not in p.redacted_url() and p.redacted_url().endswith("token=[REDACTED]")


def test_redaction() -> None:
    assert redact("GET /c?token=kst_live_abc&x=1 kst_test_zz") == "GET /c?token=[REDACTED]&x=1 kst_[REDACTED]"


def test_token_refresh_decisions() -> None:
    assert not protocol().token_needs_refresh()
    assert protocol(session(expires_at=NOW + timedelta(seconds=3))).token_needs_refresh()  # inside the margin
    expired = protocol(session(expires_at=NOW - timedelta(seconds=1)))
    assert expired.token_needs_refresh()
    with pytest.raises(StreamConnectionError) as info:
        expired.check_connectable()
    assert info.value.code == "token_expired" and "kst_" not in str(info.value)
    id_only = StreamProtocol("sess_1", StreamOptions())
    assert id_only.token_needs_refresh() and id_only.session_over
    with pytest.raises(ValueError):
        protocol().update_session(Session.from_dict({"id": "sess_2", "object": "session", "status": "active"}))


def test_every_documented_event_type_parses_to_its_class() -> None:
    with open("openapi/kallglot.yaml") as f:
        spec = yaml.safe_load(f)
    documented = spec["x-kallglot-stream"]["server-messages"]
    assert set(EVENT_TYPES) == set(documented)
    for kind, ref in documented.items():
        model = EVENT_TYPES[kind]
        assert ref.rsplit("/", 1)[1] == model.__name__
        required = spec["components"]["schemas"][model.__name__].get("required", [])
        body = {"type": kind, "text": "t", "audio": {"payload": "AAE="}}
        event = parse_event(json.dumps({k: v for k, v in body.items() if k in required}))
        assert type(event) is model and event.type == kind


def test_audio_output_gives_bytes_and_payload() -> None:
    event = parse_event('{"type": "audio.output", "audio": {"encoding": "mulaw", "payload": "/wA="}, "new": 1}')
    assert isinstance(event, AudioOutputEvent)
    assert (event.payload, event.data, event.additional_properties) == ("/wA=", b"\xff\x00", {"new": 1})


@pytest.mark.parametrize(
    ("frame", "kind", "raw", "reason"),
    [
        ('{"type": "speaker.changed"}', "speaker.changed", {"type": "speaker.changed"}, None),
        ("not json", "", "not json", "not JSON"),
        ("[1]", "", "[1]", "not a JSON object"),
        ('{"no": "type"}', "", {"no": "type"}, "no 'type' field"),
    ],
)  # fmt: skip
def test_unknown_and_malformed_messages_are_kept_not_raised(
    frame: str, kind: str, raw: Any, reason: str | None
) -> None:
    event = parse_event(frame)
    assert isinstance(event, UnknownEvent)
    assert (event.type, event.raw) == (kind, raw)
    assert event.reason == reason if reason is None else reason in (event.reason or "")


@pytest.mark.lenient_responses
def test_a_known_message_that_differs_from_the_document_is_typed_leniently_or_unknown_when_strict() -> None:
    frame = '{"type": "transcript.final", "text": 5, "speaker": "customer", "new": true}'
    event = parse_event(frame)
    assert isinstance(event, TranscriptFinalEvent)
    assert (event.type, event.text, event.speaker, event.additional_properties) == (
        "transcript.final", 5, "customer", {"new": True},
    )  # fmt: skip
    strict = parse_event(frame, strict=True)
    assert isinstance(strict, UnknownEvent) and strict.type == "transcript.final"
    assert "TranscriptFinalEvent.text: expected a string, got an integer" in (strict.reason or "")
    assert strict.raw == json.loads(frame)


@pytest.mark.lenient_responses
@pytest.mark.parametrize(
    ("frame", "reason"),
    [
        ('{"type": "transcript.final", "text": 5}', "TranscriptFinalEvent.text: expected a string"),
        ('{"type": "session.ended", "reason": ["x"]}', "SessionEndedEvent.reason"),
        ("not json", "not JSON"),
        ('{"no": "type"}', "no 'type' field"),
    ],
)
def test_a_strict_stream_raises_on_a_frame_that_differs_from_the_document_and_stays_usable(
    frame: str, reason: str
) -> None:
    lenient = protocol().deliver(frame)
    assert isinstance(lenient, UnknownEvent) or lenient is not None
    p = protocol(strict=True)
    with pytest.raises(StreamError, match="differs from the API document") as caught:
        p.deliver(frame)
    assert caught.value.code == "invalid_message" and reason in caught.value.message
    new_type = p.deliver('{"type": "speaker.changed", "to": "agent"}')  # added to the API later: no mismatch
    assert isinstance(new_type, UnknownEvent) and new_type.reason is None
    assert isinstance(p.deliver(final(1)), TranscriptFinalEvent)


def test_strict_responses_makes_every_stream_strict() -> None:  # the suite's autouse fixture opens the block
    with pytest.raises(StreamError, match=r"TranscriptFinalEvent\.text"):
        protocol().deliver('{"type": "transcript.final", "text": 5}')


def final(sequence: int | None, text: str = "t", **extra: Any) -> str:
    body = {"type": "transcript.final", "text": text, "speaker": "customer", **extra}
    if sequence is not None:
        body["sequence"] = sequence
    return json.dumps(body)


def test_finals_are_delivered_once_per_sequence() -> None:
    p = protocol()
    assert isinstance(p.receive(final(1)), TranscriptFinalEvent)
    assert p.receive(final(1)) is None
    assert p.receive(final(None, id="utt_9")) is not None and p.receive(final(None, id="utt_9")) is None
    assert p.receive(final(None)) is not None and p.receive(final(None)) is not None  # no key: never merged
    assert [f.sequence for f in p.finals][:1] == [1] and len(p.finals) == 4


def test_reconcile_gives_every_turn_once() -> None:
    p = protocol()
    for frame in (final(1, "a"), final(3, "c", translation={"language": "en", "text": "C"}), final(None, "z")):
        p.receive(frame)
    rest = Transcript.from_dict({
        "object": "transcript", "session_id": "sess_1", "status": "in_progress",
        "turns": [{"sequence": 1, "speaker": "customer", "text": "a (rest)"},
                  {"sequence": 2, "speaker": "agent", "text": "b"}, {"sequence": 2, "speaker": "agent", "text": "b"}],
    })  # fmt: skip
    turns = p.reconcile(rest)
    assert [(t.sequence, t.text) for t in turns] == [(1, "a (rest)"), (2, "b"), (3, "c"), (4, "z")]
    assert turns[2].translation is not None and turns[2].translation.text == "C"  # type: ignore[union-attr]


def test_raise_on_error_turns_error_events_into_stream_errors() -> None:
    event = parse_event('{"type": "session.error", "code": "invalid_audio_format", "message": "mulaw only"}')
    assert protocol().error_for(event) is None
    error = protocol(raise_on_error=True).error_for(event)
    assert isinstance(error, StreamError) and error.code == "invalid_audio_format" and error.event is event
    assert str(error) == "invalid_audio_format: mulaw only [session: sess_1]"


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (closed(None), True), (closed(1006), True), (closed(1011), True), (closed(1001), True),
        (closed(1012), True), (closed(1008), True), (ConnectionClosedOK(Close(1000, ""), None), False),
        (closed(1003), False), (closed(1007), False), (refused(503), True), (refused(429), True),
        (ConnectionRefusedError(), True), (TimeoutError(), True), (InvalidURI("x", "bad"), False),
        (APIConnectionError("down"), True), (NotFoundError("gone", status_code=404), False), (ValueError(), False),
    ],
)  # fmt: skip
def test_should_reconnect(exc: BaseException, expected: bool) -> None:
    assert should_reconnect(exc) is expected


def test_needs_fresh_token_and_refusals() -> None:
    assert needs_fresh_token(closed(1008)) and needs_fresh_token(closed(4401))
    assert not needs_fresh_token(refused(401)) and not needs_fresh_token(closed(1006))
    body = InvalidStatus(Response(403, "x", Headers(), b'{"error": {"code": "kst_leak"}}'))
    assert refusal(body) is not None and refusal(body).code == "kst_[REDACTED]"  # type: ignore[union-attr]
    html = InvalidStatus(Response(200, "OK", Headers(), b"<html>portal</html>"))
    assert refusal(html) == type(refusal(html))(200, None) and refusal(OSError()) is None


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    delays = [backoff(n, initial=1.0, maximum=4.0, jitter=0.5, rng=lambda: 0.0) for n in range(5)]
    assert delays == [1.0, 2.0, 4.0, 4.0, 4.0]
    assert backoff(0, initial=1.0, maximum=4.0, jitter=0.5, rng=lambda: 1.0) == 0.5
    assert backoff(10_000, initial=1.0, maximum=4.0) <= 4.0  # no OverflowError however long the outage


def test_attempts_are_bounded_and_count_across_rounds() -> None:
    attempts = Attempts(StreamOptions(max_reconnect_attempts=2), session_id="sess_1")
    assert attempts.failed(OSError()) >= 0 and attempts.failed(closed(1011)) >= 0
    with pytest.raises(StreamConnectionError, match="gave up after 3 failed attempts") as info:
        attempts.failed(refused(500), status=500, code="oops")
    assert (info.value.status_code, info.value.code, info.value.session_id) == (500, "oops", "sess_1")
    assert Attempts(StreamOptions(reconnect=False), session_id="s").limit == 1


def test_a_naive_expires_at_is_taken_as_utc() -> None:
    p = protocol(session(expires_at=NOW.replace(tzinfo=None) + timedelta(minutes=5)))
    assert not p.token_needs_refresh()
    p.check_connectable()


def test_websockets_log_records_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    adapter = TokenRedactingLogger(logging.getLogger("kallglot.stream.websockets"))
    with caplog.at_level(logging.DEBUG, logger="kallglot"):
        adapter.debug("> GET %s HTTP/1.1", "/v1/sessions/s/connect?token=kst_live_secret")
    assert "secret" not in caplog.text and "token=[REDACTED]" in caplog.text


def test_options_are_validated_and_disable_compression() -> None:
    with pytest.raises(TypeError):
        StreamOptions(nope=1)  # type: ignore[call-arg]
    with pytest.raises(ValueError):
        StreamOptions(send_timeout=-1)
    kwargs = StreamOptions(send_buffer=1000).connect_kwargs("ws://h/", asyncio=True, open_timeout=1.0)
    assert kwargs["compression"] is None and kwargs["write_limit"] == 1000
    assert kwargs["user_agent_header"].startswith("kallglot-python/")
    assert "write_limit" not in StreamOptions().connect_kwargs("ws://h/", asyncio=False, open_timeout=1.0)


@pytest.mark.parametrize(
    ("env", "url", "expected"),
    [
        ({"ALL_PROXY": "http://all:1"}, "wss://api.kallglot.com/x", "http://all:1"),
        ({"HTTPS_PROXY": "http://s:1", "HTTP_PROXY": "http://p:1"}, "wss://api.kallglot.com/x", "http://s:1"),
        ({"HTTPS_PROXY": "http://s:1"}, "ws://api.kallglot.com/x", None),
        ({"HTTP_PROXY": "p:1"}, "ws://api.kallglot.com/x", "http://p:1"),
        ({"ALL_PROXY": "http://all:1", "NO_PROXY": "kallglot.com"}, "wss://api.kallglot.com/x", None),
        ({"ALL_PROXY": "http://all:1", "NO_PROXY": "*"}, "wss://api.kallglot.com/x", None),
        ({}, "wss://api.kallglot.com/x", None),
    ],
)  # fmt: skip
def test_the_stream_proxy_follows_httpx_environment_rules(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], url: str, expected: str | None
) -> None:
    for name in (
        "ALL_PROXY",
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "NO_PROXY",
        "all_proxy",
        "https_proxy",
        "http_proxy",
        "no_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert environment_proxy(url) == expected
    assert StreamOptions().connect_kwargs(url, asyncio=True, open_timeout=1.0)["proxy"] == expected


def test_invalid_base64_audio_is_an_unknown_event_and_a_hand_built_one_raises_stream_error() -> None:
    frame = '{"type": "audio.output", "audio": {"encoding": "mulaw", "payload": "!!"}}'
    event = parse_event(frame)
    assert isinstance(event, UnknownEvent) and "base64" in (event.reason or "")
    built = AudioOutputEvent.from_dict(json.loads(frame))
    with pytest.raises(StreamError) as info:
        built.data  # noqa: B018
    assert info.value.code == "invalid_audio_payload"


def test_frames_at_risk_count_from_the_last_server_message() -> None:
    p = protocol()
    for n in range(1, 4):
        p.audio_frame(b"\x00", "customer")
        p.written(n)
    assert p.frames_at_risk == range(1, 4)
    p.receive('{"type": "pong"}')
    assert p.frames_at_risk == range(4, 4)
    p.audio_frame(b"\x00", "customer")
    p.written(4)
    assert list(p.frames_at_risk) == [4]


def test_a_frame_that_fails_to_encode_takes_no_sequence_number() -> None:
    p = protocol()
    with pytest.raises(TypeError):
        p.audio_frame("not bytes", "customer")  # type: ignore[arg-type]
    assert p.last_sequence == 0
    assert json.loads(p.audio_frame(b"\x00", "customer"))["sequence"] == 1


def test_the_open_step_keeps_the_token_out_of_its_repr() -> None:
    from kallglot._stream.reconnect import Open

    step = Open("wss://h/c?token=kst_secret_value", {"proxy": "http://user:pw@proxy"})
    assert "kst_secret_value" not in repr(step) and "pw@" not in repr(step)


@pytest.mark.lenient_responses
@pytest.mark.parametrize("turns", ["oops", [1, None, "x"]])
def test_reconcile_skips_turns_a_lenient_parse_kept_as_received(turns: Any) -> None:
    transcript = Transcript.from_dict(
        {"object": "transcript", "session_id": "sess_1", "status": "completed", "turns": turns}
    )
    assert protocol().reconcile(transcript) == []


@pytest.mark.lenient_responses
def test_a_session_whose_stream_lacks_an_expiry_is_a_stream_error_not_an_attribute_error() -> None:
    body = {"id": "sess_1", "object": "session", "status": "active", "stream": {"url": "wss://h/c", "token": "kst_a"}}
    with pytest.raises(StreamConnectionError) as caught:
        protocol(Session.from_dict(body)).check_connectable()
    assert caught.value.code == "no_stream"
