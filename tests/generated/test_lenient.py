"""Generated models: lenient by default, strict on request, named and printed as the API names them."""

from __future__ import annotations

import json
import keyword
import logging
import pickle
from typing import Any

import pytest

import kallglot
import kallglot_api.models as models
from kallglot_api.models import (
    CreateSessionRequest,
    Session,
    SessionMode,
    SessionStatus,
    StreamInfo,
    Transcript,
    TranscriptTurn,
)
from kallglot_api.types import UNSET, ParseError, fields_set

MODEL_CLASSES = [getattr(models, name) for name in models.__all__ if hasattr(getattr(models, name), "from_dict")]
STREAM = {"url": "wss://stream.kallglot.com/v1/sessions/sess_1", "token": "kst_live_abc123", "expires_at": "x"}
BAD = {"id": None, "object": "session", "status": "active", "duration_seconds": "long", "source_language": [1]}


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "kallglot" and r.levelno == logging.WARNING]


def test_strict_checks_primitives_and_names_the_first_field() -> None:
    with pytest.raises(ParseError) as caught:
        Session.from_dict(BAD, strict=True)
    assert (caught.value.model, caught.value.field) == ("Session", "id")
    assert str(caught.value) == "Session.id: expected a string, got null"


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("duration_seconds", "long", "expected a number, got a string"),
        ("duration_seconds", True, "expected a number, got a boolean"),
        ("source_language", [1], "expected a string, got an array"),
        ("mode", None, "expected a value, got null"),  # optional, not nullable
        ("mode", 7, "7 is not a valid SessionMode"),
        ("ended_at", "yesterday", "Invalid isoformat string"),
        ("metadata", "x", "expected an object, got str"),
        ("stream", {**STREAM, "token": 5}, "expected a string, got an integer"),
    ],
)
def test_strict_raises_on_each_kind_of_mismatch(field: str, value: Any, reason: str) -> None:
    payload = {"id": "sess_1", "object": "session", "status": "active", field: value}
    with pytest.raises(ParseError) as caught:
        Session.from_dict(payload, strict=True)
    assert caught.value.field.split(".")[0] == field and reason in caught.value.reason
    assert "kst_live" not in str(caught.value)


def test_lenient_keeps_what_does_not_fit_exactly_as_received(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "kallglot")
    session = Session.from_dict({**BAD, "region": "eu"})
    assert session.id is None and session.duration_seconds == "long" and session.source_language == [1]
    assert session.status is SessionStatus.ACTIVE and session.additional_properties == {"region": "eu"}
    assert session.to_dict() == {**BAD, "region": "eu"}
    assert sorted(warnings_of(caplog)) == [
        "Session.duration_seconds does not match the API document (expected a number, got a string); kept as "
        "received (strict_response_validation=True raises instead)",
        "Session.id does not match the API document (expected a string, got null); kept as received "
        "(strict_response_validation=True raises instead)",
        "Session.source_language does not match the API document (expected a string, got an array); kept as "
        "received (strict_response_validation=True raises instead)",
    ]


def test_a_missing_required_field_reads_none_and_stays_out_of_repr_and_to_dict() -> None:
    session = Session.from_dict({"object": "session", "status": "ended"})
    assert session.id is None and "id=" not in repr(session)
    assert session.to_dict() == {"object": "session", "status": "ended"}


def test_one_warning_per_model_and_field_however_many_turns(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "kallglot")
    turns = [{"sequence": str(i), "speaker": "agent", "text": "t", "confidence": "high"} for i in range(500)]
    payload = {"object": "transcript", "session_id": "s", "status": "completed", "turns": turns}
    transcript = Transcript.from_dict(payload)
    Transcript.from_dict(payload)
    assert transcript.turns is not None and [t.sequence for t in transcript.turns[:2]] == ["0", "1"]
    assert all(type(t) is TranscriptTurn for t in transcript.turns)
    assert len(warnings_of(caplog)) == 2  # TranscriptTurn.sequence and TranscriptTurn.confidence, once each
    with pytest.raises(ParseError) as caught:
        Transcript.from_dict(payload, strict=True)
    assert (caught.value.model, caught.value.field) == ("Transcript", "turns.sequence")


def test_a_nested_object_of_the_wrong_shape_is_kept_and_the_rest_is_typed() -> None:
    payload = {"id": "sess_1", "object": "session", "status": "active", "stream": "wss://x", "mode": "new_mode"}
    session = Session.from_dict(payload)
    assert session.stream == "wss://x" and session.mode == SessionMode("new_mode")
    assert session.to_dict() == payload


def test_absent_and_null_both_read_none_and_fields_set_tells_them_apart() -> None:
    session = Session.from_dict({"id": "sess_1", "object": "session", "status": "ended", "ended_at": None})
    assert session.ended_at is None and session.started_at is None
    assert fields_set(session) == {"id", "object", "status", "ended_at"}
    assert kallglot.fields_set is fields_set
    assert session.to_dict() == {"id": "sess_1", "object": "session", "status": "ended", "ended_at": None}
    session.started_at = None
    session.mode = SessionMode.BIDIRECTIONAL_TRANSLATION
    assert "mode" in fields_set(session) and "started_at" not in fields_set(session)


def test_repr_shows_only_the_fields_the_payload_had_and_hides_secrets() -> None:
    payload = {"id": "sess_1", "object": "session", "status": "created", "phone_number": None, "stream": STREAM,
               "extra_secret": "kst_live_zzz"}  # fmt: skip
    session = Session.from_dict(payload)
    text = repr(session)
    assert text.startswith("Session(id='sess_1', object='session', status=<SessionStatus.CREATED: 'created'>")
    assert "phone_number=None" in text and "mode=" not in text and "ended_at" not in text
    assert "unknown_fields=['extra_secret']" in text
    assert "kst_live" not in text and "kst_live" not in str(session)
    assert "Unset" not in text and "UNSET" not in text
    assert isinstance(session.stream, StreamInfo) and session.stream.token == "kst_live_abc123"


@pytest.mark.parametrize("model", MODEL_CLASSES, ids=lambda m: m.__name__)
def test_no_repr_of_an_empty_or_partial_model_mentions_unset(model: Any) -> None:
    for payload in ({}, {"id": "x", "type": "y", "object": None}):
        built = model.from_dict(payload)
        assert "Unset" not in repr(built) and "UNSET" not in str(built)


@pytest.mark.parametrize("model", MODEL_CLASSES, ids=lambda m: m.__name__)
def test_attributes_are_named_as_in_the_api(model: Any) -> None:
    for name, attr in model.API_NAMES.items():
        assert attr == name or (keyword.iskeyword(name) and attr == name + "_"), (name, attr)
        assert not attr.endswith("_") or keyword.iskeyword(attr[:-1])


def test_type_and_object_are_plain_attributes() -> None:
    session = Session.from_dict({"id": "sess_1", "object": "session", "status": "created"})
    assert session.object == "session"
    event = models.TranscriptFinalEvent.from_dict({"type": "transcript.final", "text": "Hallo"})
    assert event.type == "transcript.final"
    assert not hasattr(session, "object_") and not hasattr(event, "type_")


def test_to_json_is_to_dict_as_text() -> None:
    payload = {"id": "sess_1", "object": "session", "status": "ended", "duration_seconds": 1.5, "x": {"ü": [1]}}
    session = Session.from_dict(payload)
    assert json.loads(session.to_json()) == payload and "ü" in session.to_json()
    assert json.loads(session.to_json(indent=2)) == payload


def test_a_model_built_in_code_sends_what_was_given() -> None:
    request = CreateSessionRequest(mode=SessionMode.BIDIRECTIONAL_TRANSLATION, source_language=None)
    assert request.to_dict() == {"mode": "bidirectional_translation", "source_language": None}
    assert request.target_language is None and request.routing is None
    assert CreateSessionRequest(mode=SessionMode.BIDIRECTIONAL_TRANSLATION, routing=UNSET).to_dict() == {
        "mode": "bidirectional_translation"
    }
    assert "target_language" not in repr(request) and "source_language=None" in repr(request)


def test_models_pickle_and_compare_by_value() -> None:
    session = Session.from_dict({"id": "sess_1", "object": "session", "status": "created", "new": 1})
    again = pickle.loads(pickle.dumps(session))
    assert again == session and again.to_dict() == session.to_dict()


def test_only_a_payload_that_is_not_an_object_raises_when_lenient() -> None:
    for payload in ([], "x", None, 3):
        with pytest.raises(ParseError, match="expected an object"):
            Session.from_dict(payload)  # type: ignore[arg-type]


def test_one_list_item_that_is_not_an_object_keeps_the_other_items_typed(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "kallglot")
    turns = [{"sequence": 1, "speaker": "agent", "text": "Hi"}, "garbled", {"sequence": 2, "speaker": "customer"}]
    payload = {"object": "transcript", "session_id": "s", "status": "completed", "turns": turns}
    transcript = Transcript.from_dict(payload)
    assert transcript.turns is not None
    first, second, third = transcript.turns
    assert isinstance(first, TranscriptTurn) and first.text == "Hi" and second == "garbled"
    assert isinstance(third, TranscriptTurn) and third.text is None
    assert transcript.to_dict() == payload
    assert any("Transcript.turns does not match" in m for m in warnings_of(caplog))
    assert any("TranscriptTurn.text does not match" in m for m in warnings_of(caplog))
