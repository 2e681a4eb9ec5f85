"""The generated models: every example parses and round-trips; the template fixes hold."""

from __future__ import annotations

import dis
import inspect
import pickle
from typing import Any

import pytest

import kallglot_api.models as models
from kallglot_api.models import Session, SessionMode, SessionStatus, StreamInfo, Transcript, TranscriptFinalEvent
from kallglot_api.types import ParseError

from ..spec.document import as_instants, examples

MODEL_EXAMPLES = [
    (where, schema["$ref"].rsplit("/", 1)[1], value)
    for where, schema, value in examples()
    if isinstance(schema, dict) and schema.get("$ref", "").count("/") == 3 and "/schemas/" in schema["$ref"]
]
MODEL_CLASSES = [getattr(models, name) for name in models.__all__ if hasattr(getattr(models, name), "from_dict")]


def test_examples_cover_the_main_models() -> None:
    covered = {name for _, name, _ in MODEL_EXAMPLES}
    assert {"Session", "Transcript", "RecordingList", "Recording", "Analysis", "ErrorResponse"} <= covered
    assert {"CreateSessionRequest", "CreateAnalysisRequest", "SessionWebhookEvent", "AudioInputMessage"} <= covered


@pytest.mark.parametrize(("where", "name", "value"), MODEL_EXAMPLES, ids=[w for w, _, _ in MODEL_EXAMPLES])
def test_every_example_parses_and_round_trips(where: str, name: str, value: Any) -> None:
    model = getattr(models, name).from_dict(value)
    assert as_instants(model.to_dict()) == as_instants(value)


def test_timestamps_parse_to_aware_datetimes() -> None:
    session = Session.from_dict(
        {"id": "sess_1", "object": "session", "status": "ended", "ended_at": "2026-03-10T12:05:44Z"}
    )
    assert session.ended_at is not None and session.ended_at.utcoffset() is not None
    assert session.ended_at.isoformat() == "2026-03-10T12:05:44+00:00"


@pytest.mark.parametrize(("enum", "value"), [(SessionStatus, "paused"), (SessionMode, "conference_translation")])
def test_an_enum_value_added_later_parses_and_round_trips(enum: Any, value: str) -> None:
    field = "status" if enum is SessionStatus else "mode"
    payload = {"id": "sess_1", "object": "session", "status": "active", field: value}
    session = Session.from_dict(payload)
    parsed = getattr(session, field)
    assert isinstance(parsed, enum)
    assert parsed == value and parsed.value == value and str(parsed) == value
    assert parsed.is_known is False
    assert session.to_dict()[field] == value


def test_known_enum_values_are_still_the_members() -> None:
    assert SessionStatus("active") is SessionStatus.ACTIVE
    assert SessionStatus.ACTIVE.is_known is True
    with pytest.raises(ValueError):
        SessionStatus(42)


def test_unknown_fields_are_kept_and_round_trip() -> None:
    payload = {
        "id": "sess_1",
        "object": "session",
        "status": "active",
        "region": "eu",
        "stream": {"url": "wss://x/connect", "token": "kst_test_1", "expires_at": "2026-03-10T12:00:00Z", "v": 2},
    }
    session = Session.from_dict(payload)
    assert session.additional_properties == {"region": "eu"}
    assert session["region"] == "eu"
    assert session.stream is not None and not isinstance(session.stream, type(None))
    assert as_instants(session.to_dict()) == as_instants(payload)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"object": "session", "status": "active"}, "Session.id: required field is missing"),
        (
            {"id": "s", "object": "session", "status": "active", "stream": {"url": "u"}},
            "Session.stream.token: required",
        ),
        (
            {"id": "s", "object": "session", "status": "active", "stream": "wss://x"},
            "Session.stream: expected an object, got str",
        ),
        (
            {"id": "s", "object": "session", "status": "active", "created_at": "yesterday"},
            "Session.created_at: Invalid",
        ),
        ({"id": "s", "object": "recording", "status": "active"}, "Session.object: must be 'session'"),
        ({"id": "s", "object": "session", "status": 3}, "Session.status: 3 is not a valid SessionStatus"),
        ([{"id": "s"}], "Session: expected an object, got list"),
    ],
)
def test_a_missing_or_malformed_field_raises_one_error_naming_it_when_strict(payload: Any, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        Session.from_dict(payload, strict=True)
    assert str(caught.value).startswith(message)
    assert isinstance(caught.value, ValueError)


def test_errors_deep_in_a_list_name_the_path() -> None:
    payload = {"object": "transcript", "session_id": "s", "status": "completed", "turns": [{"sequence": 1}]}
    with pytest.raises(ParseError) as caught:
        Transcript.from_dict(payload, strict=True)
    assert (caught.value.model, caught.value.field) == ("Transcript", "turns.speaker")


def test_parse_errors_pickle() -> None:
    error = ParseError("Session", "stream.token", "required field is missing")
    again = pickle.loads(pickle.dumps(error))
    assert (again.model, again.field, again.reason, str(again)) == ("Session", "stream.token", error.reason, str(error))


@pytest.mark.parametrize("model", MODEL_CLASSES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("payload", [{}, [], "text", None, {"type": object(), "id": 5, "data": "x", "turns": "x"}])
def test_no_payload_crashes_a_parser_with_anything_but_parse_error(model: Any, payload: Any) -> None:
    for strict in (False, True):
        try:
            model.from_dict(payload, strict)
        except ParseError:
            assert strict or not isinstance(payload, dict)


@pytest.mark.parametrize("model", MODEL_CLASSES, ids=lambda m: m.__name__)
def test_from_dict_imports_nothing_per_call(model: Any) -> None:
    code = inspect.unwrap(model.from_dict.__func__).__code__
    consts = [c for c in code.co_consts if inspect.iscode(c)]
    ops = {i.opname for c in [code, *consts] for i in dis.get_instructions(c)}
    assert "IMPORT_NAME" not in ops


def test_stream_message_models_exist_with_their_type_constant() -> None:
    event = TranscriptFinalEvent.from_dict({"type": "transcript.final", "text": "Hallo", "translation": {"text": "Hi"}})
    assert event.type == "transcript.final"
    with pytest.raises(ParseError):
        TranscriptFinalEvent.from_dict({"type": "transcript.partial", "text": "x"}, strict=True)


def test_subclasses_of_a_model_still_go_through_their_own_init() -> None:
    import attrs

    @attrs.define
    class Tagged(TranscriptFinalEvent):
        tag: str = "live"

        def __attrs_post_init__(self) -> None:
            self.tag = self.tag.upper()

    event = Tagged.from_dict({"type": "transcript.final", "text": "Hallo", "extra": 1})
    assert type(event) is Tagged and event.tag == "LIVE" and event.text == "Hallo"
    assert event.additional_properties == {"extra": 1}
    plain = TranscriptFinalEvent.from_dict({"type": "transcript.final", "text": "Hallo"})
    assert plain == TranscriptFinalEvent(type="transcript.final", text="Hallo")


def test_stream_token_stays_out_of_reprs() -> None:
    body = {
        "id": "sess_1", "object": "session", "status": "created", "mode": "bidirectional_translation",
        "stream": {"url": "wss://stream.kallglot.com/v1/sessions/sess_1", "token": "kst_live_abc123",
                   "expires_at": "2026-01-15T10:35:00Z"},
    }  # fmt: skip
    session = Session.from_dict(body)
    assert isinstance(session.stream, StreamInfo)
    assert session.stream.token == "kst_live_abc123"
    assert "kst_" not in repr(session) and "kst_" not in str(session.stream)
    assert session.to_dict()["stream"]["token"] == "kst_live_abc123"
