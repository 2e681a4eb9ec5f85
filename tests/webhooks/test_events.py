"""Webhook events: every documented type parses into its model, unknown types stay raw, bad bodies say why."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from kallglot import webhooks
from kallglot_api.models import (
    AnalysisWebhookData,
    RecordingWebhookData,
    RecordingWebhookEvent,
    Session,
    SessionWebhookEvent,
    TranscriptSegmentData,
    TranscriptWebhookData,
    WebhookEvent,
    WebhookEventData,
    WebhookEventType,
)
from tests.spec import document

SECRET = "whsec_events"

SESSION = {"id": "sess_01HXYZ123456789", "object": "session", "status": "ended", "duration": 245.3}
TRANSCRIPT = {"object": "transcript", "session_id": "sess_01HXYZ123456789", "status": "completed", "turns": []}
SEGMENT = {
    "session_id": "sess_01HXYZ123456789",
    "sequence": 3,
    "speaker": "party_a",
    "language": "en",
    "text": "Hello",
    "translation": None,
    "timestamp": "2026-03-26T11:04:20+00:00",  # the form to_dict() writes back, so the round trip compares equal
}
RECORDING = {"id": "rec_01HABC987654321", "object": "recording", "status": "ready", "format": "mp3"}
ANALYSIS = {"id": "anl_01HDEF456789012", "object": "analysis", "status": "completed", "summary": "ok"}

CASES: list[tuple[str, dict[str, Any], type[Any], type[Any]]] = [
    ("session.created", SESSION, webhooks.SessionCreatedWebhookEvent, Session),
    ("session.started", SESSION, webhooks.SessionStartedWebhookEvent, Session),
    ("session.ended", SESSION, webhooks.SessionEndedWebhookEvent, Session),
    ("session.provider.connected", SESSION, webhooks.SessionProviderConnectedWebhookEvent, Session),
    ("session.provider.disconnected", SESSION, webhooks.SessionProviderDisconnectedWebhookEvent, Session),
    ("transcript.ready", TRANSCRIPT, webhooks.TranscriptReadyWebhookEvent, TranscriptWebhookData),
    ("transcript.segment", SEGMENT, webhooks.TranscriptSegmentReceivedWebhookEvent, TranscriptSegmentData),
    ("recording.ready", RECORDING, webhooks.RecordingReadyWebhookEvent, RecordingWebhookData),
    ("recording.failed", {**RECORDING, "status": "failed"}, webhooks.RecordingFailedWebhookEvent, RecordingWebhookData),
    ("analysis.complete", ANALYSIS, webhooks.AnalysisCompleteWebhookEvent, AnalysisWebhookData),
    (
        "analysis.failed",
        {**ANALYSIS, "status": "failed", "error": "no audio"},
        webhooks.AnalysisFailedWebhookEvent,
        AnalysisWebhookData,
    ),
]
# The smallest `data` a delivery of each type might carry (the docs show one example): ids only.
MINIMAL: dict[str, dict[str, Any]] = {
    "session.created": {"id": "sess_1"},
    "session.started": {"id": "sess_1"},
    "session.ended": {"id": "sess_1"},
    "session.provider.connected": {"session_id": "sess_1", "provider": "twilio"},
    "session.provider.disconnected": {"session_id": "sess_1"},
    "transcript.ready": {"session_id": "sess_1", "transcript_id": "trn_1"},
    "transcript.segment": {"session_id": "sess_1", "text": 5},
    "recording.ready": {"session_id": "sess_1", "recording_id": "rec_1"},
    "recording.failed": {"recording_id": "rec_1", "error": {"code": "x"}},
    "analysis.complete": {"analysis_id": "anl_1", "session_id": "sess_1"},
    "analysis.failed": {"id": "anl_1", "status": 3},
}


def signed(event: dict[str, Any]) -> tuple[bytes, str]:
    body = json.dumps(event).encode()
    return body, webhooks.sign(body, SECRET)


def test_the_cases_cover_every_documented_event_type() -> None:
    assert {case[0] for case in CASES} == {member.value for member in WebhookEventType}


def test_the_model_table_is_the_specs_webhooks_section() -> None:
    spec = document.load()
    expected = {}
    for event_type, item in spec["webhooks"].items():
        schema = document.resolve(item)["post"]["requestBody"]["content"]["application/json"]["schema"]
        expected[event_type] = schema["$ref"].rsplit("/", 1)[1]
    assert {name: model.__mro__[1].__name__ for name, model in webhooks.EVENT_MODELS.items()} == expected
    assert set(webhooks.EVENT_MODELS) == {member.value for member in WebhookEventType}
    for name, model in webhooks.EVENT_MODELS.items():
        assert model.__annotations__["type"] == f"Literal['{name}']"
        assert getattr(webhooks, model.__name__) is model and model.__name__ in webhooks.__all__


@pytest.mark.parametrize(("event_type", "data", "model", "data_model"), CASES, ids=[case[0] for case in CASES])
def test_every_documented_event_type_parses_into_its_model(
    event_type: str, data: dict[str, Any], model: type[Any], data_model: type[Any]
) -> None:
    envelope = webhooks.build_event(event_type, data, id="evt_01HXYZ123456789", created_at="2026-03-26T11:04:20Z")
    body, header = signed(envelope)
    event = webhooks.construct_event(body, header, SECRET)
    assert type(event) is model and type(event.data) is data_model
    assert event.id == "evt_01HXYZ123456789" and event.type == event_type
    assert event.api_version == "v1"
    assert event.created_at == datetime(2026, 3, 26, 11, 4, 20, tzinfo=UTC)
    assert event.to_dict()["data"] == data


def test_the_specs_example_delivery_parses() -> None:
    seen = 0
    for item in document.load()["webhooks"].values():
        examples = document.resolve(item)["post"]["requestBody"]["content"]["application/json"].get("examples", {})
        for example in examples.values():
            event = webhooks.parse_event(json.dumps(example["value"]).encode())
            assert type(event) is webhooks.EVENT_MODELS[example["value"]["type"]]
            seen += 1
    assert seen


def test_an_unknown_event_type_parses_with_its_data_kept_raw() -> None:
    data = {"id": "pay_1", "amount": 12, "nested": {"a": [1, 2]}}
    body, header = signed(webhooks.build_event("payment.settled", data, id="evt_new"))
    event = webhooks.construct_event(body, header, SECRET)
    assert type(event) is webhooks.UnknownWebhookEvent and type(event.data) is WebhookEventData
    assert isinstance(event, WebhookEvent) and event.type == "payment.settled"
    assert event.data.additional_properties == data


def test_unknown_envelope_and_data_fields_are_kept() -> None:
    envelope = webhooks.build_event("session.ended", {**SESSION, "new_field": 1})
    envelope["livemode"] = False
    event = webhooks.parse_event(envelope)
    assert isinstance(event, SessionWebhookEvent)
    assert event.additional_properties == {"livemode": False} and event.data.additional_properties == {"new_field": 1}


def nested(depth: int, event_type: str = "session.ended") -> bytes:
    """An envelope whose JSON nests ``depth`` levels (the envelope itself is the first)."""
    envelope = {"id": "evt_deep", "type": event_type, "created_at": "2026-03-26T11:04:20+00:00"}
    return json.dumps(envelope)[:-1].encode() + b', "data": ' + b'{"a": ' * (depth - 1) + b"1" + b"}" * depth


@pytest.mark.parametrize("event_type", ["session.ended", "some.new_type"])
@pytest.mark.parametrize("depth", [webhooks.MAX_DEPTH + 1, 600, 100_000])
def test_an_authentic_body_nested_too_deeply_is_a_payload_error_wherever_it_is_parsed(
    depth: int, event_type: str
) -> None:
    # 600 levels decode, but the event's to_dict() (or a handler's recursion) would die of RecursionError later;
    # 100,000 exceed the interpreter's limit. Either is refused the same way, however deep the caller's stack is.
    body = nested(depth, event_type)

    def parse(frames: int) -> None:
        if frames:
            return parse(frames - 1)
        webhooks.construct_event(body, webhooks.sign(body, SECRET), SECRET)

    for frames in (0, 400):
        with pytest.raises(webhooks.WebhookPayloadError, match="nest"):
            parse(frames)
    with pytest.raises(webhooks.WebhookPayloadError, match="nests more than 100 levels"):
        webhooks.parse_event(json.loads(nested(min(depth, 600))))  # an already decoded body too
    cyclic: dict[str, Any] = {"id": "evt_1", "type": event_type}
    cyclic["data"] = cyclic
    with pytest.raises(webhooks.WebhookPayloadError, match="nests more than 100 levels"):
        webhooks.parse_event(cyclic)


def test_a_body_nested_exactly_as_deep_as_allowed_parses_and_converts_back() -> None:
    body = nested(webhooks.MAX_DEPTH, "some.new_type")
    event = webhooks.construct_event(body, webhooks.sign(body, SECRET), SECRET)
    assert event.to_dict() == json.loads(body) and repr(event)


@pytest.mark.parametrize(
    ("body", "field", "pattern"),
    [
        (b"{not json", "", "not valid JSON"),
        (b"\xff\xfe", "", "not valid JSON"),
        (b"[1, 2]", "", "JSON list, not an object"),
        (b'{"type": "session.ended"}', "id", "'id' is missing"),
        (b'{"id": 7, "type": "session.ended"}', "id", "'id' is not a string"),
        (b'{"id": "evt_1", "type": null}', "type", "'type' is not a string"),
        (b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, "", "not valid JSON: JSON nested too deeply"),
    ],
)
def test_a_bad_body_is_a_payload_error_that_says_where(body: bytes, field: str, pattern: str) -> None:
    with pytest.raises(webhooks.WebhookPayloadError, match=re.escape(pattern)) as info:
        webhooks.construct_event(body, webhooks.sign(body, SECRET), SECRET)
    assert isinstance(info.value, webhooks.WebhookError) and info.value.field == field
    if field:
        assert info.value.payload == json.loads(body)


@pytest.mark.lenient_responses
@pytest.mark.parametrize("event_type", sorted(MINIMAL))
def test_a_verified_delivery_with_any_data_shape_is_returned_not_refused(
    event_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    data = MINIMAL[event_type]
    body = json.dumps(webhooks.build_event(event_type, data, id="evt_min")).encode()
    event = webhooks.construct_event(body, webhooks.sign(body, SECRET), SECRET)
    assert type(event) is webhooks.EVENT_MODELS[event_type] and event.type == event_type and event.id == "evt_min"
    assert event.to_dict()["data"] == data  # every field kept, as received
    for name, value in data.items():  # documented fields are attributes, the others kept in the mapping
        attr = type(event.data).API_NAMES.get(name)
        assert (getattr(event.data, attr) if attr else event.data[name]) == value
    assert "Unset" not in repr(event) and "UNSET" not in repr(event)


@pytest.mark.parametrize(
    "envelope",
    [
        {"id": "evt_1", "type": "x.y"},
        {"id": "evt_1", "type": "x.y", "created_at": "yesterday", "data": []},
        {"id": "evt_1", "type": "session.ended", "created_at": 5, "data": "sess_1"},
        {"id": "evt_1", "type": "session.ended", "data": {"id": None, "status": ["ended"], "stream": 1}},
    ],
)
@pytest.mark.lenient_responses
def test_a_verified_delivery_with_a_malformed_envelope_is_still_returned(envelope: dict[str, Any]) -> None:
    event = webhooks.parse_event(json.dumps(envelope).encode())
    assert event.id == "evt_1" and str(event.type) == envelope["type"]
    assert event.to_dict() == envelope


@pytest.mark.lenient_responses
@pytest.mark.parametrize(
    ("envelope", "field", "pattern"),
    [
        ({"id": "evt_1", "type": "x.y", "data": {}}, "created_at", "created_at: required field is missing"),
        ({"id": "evt_1", "type": "x.y", "created_at": "yesterday", "data": {}}, "created_at", "created_at"),
        ({"id": "evt_1", "type": "x.y", "created_at": "2026-03-26T11:04:20Z", "data": []}, "data", "data"),
        (
            {"id": "evt_1", "type": "session.ended", "created_at": "2026-03-26T11:04:20Z", "data": {"id": "s"}},
            "data.object",
            "session.ended event does not match SessionWebhookEvent: data.object: required field is missing",
        ),
    ],
)
def test_strict_parsing_names_what_differs(envelope: dict[str, Any], field: str, pattern: str) -> None:
    with pytest.raises(webhooks.WebhookPayloadError, match=re.escape(pattern)) as info:
        webhooks.parse_event(json.dumps(envelope), strict=True)
    assert info.value.field == field and info.value.payload == envelope
    assert webhooks.parse_event(json.dumps(envelope)).id == "evt_1"  # lenient: returned


def test_any_bytes_like_body_parses() -> None:
    body = json.dumps(webhooks.build_event("recording.ready", RECORDING)).encode()
    for raw in (body, bytearray(body), memoryview(body)):
        assert isinstance(webhooks.construct_event(raw, webhooks.sign(raw, SECRET), SECRET), RecordingWebhookEvent)


def test_verification_comes_before_parsing() -> None:
    with pytest.raises(webhooks.WebhookSignatureError):
        webhooks.construct_event(b"{not json", webhooks.sign(b"{not json", "whsec_other"), SECRET)


def test_build_event_makes_a_fresh_envelope() -> None:
    first, second = webhooks.build_event("session.created", SESSION), webhooks.build_event("session.created", SESSION)
    assert re.fullmatch(r"evt_01[0-9A-HJKMNP-TV-Z]{24}", first["id"]) and first["id"] != second["id"]
    assert set(first) == {"id", "type", "api_version", "created_at", "data"} and first["api_version"] == "v1"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", first["created_at"])
    assert first["data"] == SESSION and first["data"] is not SESSION
    typed = webhooks.build_event(WebhookEventType.SESSION_ENDED, SESSION, created_at=datetime(2026, 1, 2, tzinfo=UTC))
    assert typed["type"] == "session.ended" and typed["created_at"] == "2026-01-02T00:00:00Z"
    json.dumps(typed)


_ID, _COUNT, _TS = "Kallglot-Webhook-Id", "Kallglot-Retry-Count", "Kallglot-Original-Timestamp"


@pytest.mark.parametrize(
    "headers",
    [
        {_ID: "wh_del_01HXYZ", _COUNT: "2", _TS: "1711454000"},
        {_ID.lower(): "wh_del_01HXYZ", _COUNT.upper(): " 2 ", _TS.lower(): "1711454000"},
        [(_ID.lower().encode(), b"wh_del_01HXYZ"), (_COUNT.lower().encode(), b"2"), (_TS.encode(), b"1711454000")],
        [(_ID, "wh_del_01HXYZ"), (_COUNT, "2"), (_TS, "1711454000")],
    ],
)
def test_delivery_reads_the_headers_case_insensitively(headers: Any) -> None:
    found = webhooks.delivery(headers)
    assert found == webhooks.Delivery(webhook_id="wh_del_01HXYZ", retry_count=2, original_timestamp=1711454000)
    assert found.is_retry


def test_delivery_reads_an_httpx_headers_object() -> None:
    httpx = pytest.importorskip("httpx")
    found = webhooks.delivery(httpx.Headers({"KALLGLOT-RETRY-COUNT": "0", "Kallglot-Webhook-Id": "wh_del_1"}))
    assert found == webhooks.Delivery("wh_del_1", 0, None) and not found.is_retry


@pytest.mark.parametrize("bad", ["", "  ", "two", "-1", "1.5", "0x10", "\uff11", "1" * 41, "9" * 5000])
def test_delivery_turns_missing_or_bad_counts_into_none(bad: str) -> None:
    assert webhooks.delivery({}) == webhooks.Delivery(None, None, None)
    found = webhooks.delivery({_COUNT: bad, _TS: bad, _ID: "wh_del_1"})
    assert found == webhooks.Delivery("wh_del_1", None, None) and not found.is_retry


def test_delivery_turns_a_blank_webhook_id_into_none() -> None:
    assert webhooks.delivery({_ID: "  "}).webhook_id is None
