# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_mode import SessionMode
from ..models.session_status import SessionStatus
from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_float as _float
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class Session:
    """A real-time voice processing session.

    Attributes:
        id (str):
        object (Literal['session']):
        status (SessionStatus): Lifecycle state. Current docs: created, active, ended. Older pages add connecting and ending.
        mode (SessionMode | None): How the session handles the conversation. New modes may be added.
        source_language (None | str): Language of party A (auto-detected when null).
        target_language (None | str): Language of party B (auto-detected when null).
        stream (None | StreamInfo): Stream details; only while the session is not ended.
        provider (None | ProviderDetails | str): Resolved carrier, a string (current docs) or an object (older docs).
        phone_number (None | str):
        recording (None | SessionRecordingInfo):
        transcript (None | TranscriptSummary):
        metadata (None | SessionMetadata):
        call (None | SessionCall):
        duration (float | None): Seconds (older docs).
        duration_seconds (float | None): Seconds (current docs).
        end_reason (None | str): Why the session ended (older docs).
        created_at (datetime.datetime | None):
        started_at (datetime.datetime | None):
        ended_at (datetime.datetime | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "id": "id",
        "object": "object",
        "status": "status",
        "mode": "mode",
        "source_language": "source_language",
        "target_language": "target_language",
        "stream": "stream",
        "provider": "provider",
        "phone_number": "phone_number",
        "recording": "recording",
        "transcript": "transcript",
        "metadata": "metadata",
        "call": "call",
        "duration": "duration",
        "duration_seconds": "duration_seconds",
        "end_reason": "end_reason",
        "created_at": "created_at",
        "started_at": "started_at",
        "ended_at": "ended_at",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    id: str
    object: Literal["session"]
    status: SessionStatus
    mode: SessionMode | None = None
    source_language: None | str = None
    target_language: None | str = None
    stream: None | StreamInfo = None
    provider: None | ProviderDetails | str = None
    phone_number: None | str = None
    recording: None | SessionRecordingInfo = None
    transcript: None | TranscriptSummary = None
    metadata: None | SessionMetadata = None
    call: None | SessionCall = None
    duration: float | None = None
    duration_seconds: float | None = None
    end_reason: None | str = None
    created_at: datetime.datetime | None = None
    started_at: datetime.datetime | None = None
    ended_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        id: str,
        object: Literal["session"],
        status: SessionStatus,
        mode: SessionMode | None | Unset = UNSET,
        source_language: None | str | Unset = UNSET,
        target_language: None | str | Unset = UNSET,
        stream: None | StreamInfo | Unset = UNSET,
        provider: None | ProviderDetails | str | Unset = UNSET,
        phone_number: None | str | Unset = UNSET,
        recording: None | SessionRecordingInfo | Unset = UNSET,
        transcript: None | TranscriptSummary | Unset = UNSET,
        metadata: None | SessionMetadata | Unset = UNSET,
        call: None | SessionCall | Unset = UNSET,
        duration: float | None | Unset = UNSET,
        duration_seconds: float | None | Unset = UNSET,
        end_reason: None | str | Unset = UNSET,
        created_at: datetime.datetime | None | Unset = UNSET,
        started_at: datetime.datetime | None | Unset = UNSET,
        ended_at: datetime.datetime | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.id = id
        self.object = object
        self.status = status
        if isinstance(mode, Unset):
            absent.append("mode")
            self.mode = None
        else:
            self.mode = mode
        if isinstance(source_language, Unset):
            absent.append("source_language")
            self.source_language = None
        else:
            self.source_language = source_language
        if isinstance(target_language, Unset):
            absent.append("target_language")
            self.target_language = None
        else:
            self.target_language = target_language
        if isinstance(stream, Unset):
            absent.append("stream")
            self.stream = None
        else:
            self.stream = stream
        if isinstance(provider, Unset):
            absent.append("provider")
            self.provider = None
        else:
            self.provider = provider
        if isinstance(phone_number, Unset):
            absent.append("phone_number")
            self.phone_number = None
        else:
            self.phone_number = phone_number
        if isinstance(recording, Unset):
            absent.append("recording")
            self.recording = None
        else:
            self.recording = recording
        if isinstance(transcript, Unset):
            absent.append("transcript")
            self.transcript = None
        else:
            self.transcript = transcript
        if isinstance(metadata, Unset):
            absent.append("metadata")
            self.metadata = None
        else:
            self.metadata = metadata
        if isinstance(call, Unset):
            absent.append("call")
            self.call = None
        else:
            self.call = call
        if isinstance(duration, Unset):
            absent.append("duration")
            self.duration = None
        else:
            self.duration = duration
        if isinstance(duration_seconds, Unset):
            absent.append("duration_seconds")
            self.duration_seconds = None
        else:
            self.duration_seconds = duration_seconds
        if isinstance(end_reason, Unset):
            absent.append("end_reason")
            self.end_reason = None
        else:
            self.end_reason = end_reason
        if isinstance(created_at, Unset):
            absent.append("created_at")
            self.created_at = None
        else:
            self.created_at = created_at
        if isinstance(started_at, Unset):
            absent.append("started_at")
            self.started_at = None
        else:
            self.started_at = started_at
        if isinstance(ended_at, Unset):
            absent.append("ended_at")
            self.ended_at = None
        else:
            self.ended_at = ended_at
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.id is not None or "id" in present:
            field_dict["id"] = self.id
        if self.object is not None or "object" in present:
            field_dict["object"] = self.object
        if self.status is not None or "status" in present:
            field_dict["status"] = _jsonable(self.status)
        if self.mode is not None or "mode" in present:
            field_dict["mode"] = _jsonable(self.mode)
        if self.source_language is not None or "source_language" in present:
            field_dict["source_language"] = _jsonable(self.source_language)
        if self.target_language is not None or "target_language" in present:
            field_dict["target_language"] = _jsonable(self.target_language)
        if self.stream is not None or "stream" in present:
            field_dict["stream"] = _jsonable(self.stream)
        if self.provider is not None or "provider" in present:
            field_dict["provider"] = _jsonable(self.provider)
        if self.phone_number is not None or "phone_number" in present:
            field_dict["phone_number"] = _jsonable(self.phone_number)
        if self.recording is not None or "recording" in present:
            field_dict["recording"] = _jsonable(self.recording)
        if self.transcript is not None or "transcript" in present:
            field_dict["transcript"] = _jsonable(self.transcript)
        if self.metadata is not None or "metadata" in present:
            field_dict["metadata"] = _jsonable(self.metadata)
        if self.call is not None or "call" in present:
            field_dict["call"] = _jsonable(self.call)
        if self.duration is not None or "duration" in present:
            field_dict["duration"] = _jsonable(self.duration)
        if self.duration_seconds is not None or "duration_seconds" in present:
            field_dict["duration_seconds"] = _jsonable(self.duration_seconds)
        if self.end_reason is not None or "end_reason" in present:
            field_dict["end_reason"] = _jsonable(self.end_reason)
        if self.created_at is not None or "created_at" in present:
            field_dict["created_at"] = _jsonable(self.created_at)
        if self.started_at is not None or "started_at" in present:
            field_dict["started_at"] = _jsonable(self.started_at)
        if self.ended_at is not None or "ended_at" in present:
            field_dict["ended_at"] = _jsonable(self.ended_at)
        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any], strict: bool = False) -> Self:
        """Build the model from a decoded JSON object.

        Lenient by default: a field that does not fit its declared type keeps the value as received (one warning
        per model and field through the ``kallglot`` logger), a missing required field reads ``None``, unknown
        fields go to ``additional_properties``. ``strict=True`` raises :class:`ParseError` naming the model and
        the field path instead. Only a ``src_dict`` that is not a mapping raises in both modes.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("Session", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            id = d["id"]
            if type(id) is not str:
                id = _str(id)

        except _ERRORS as exc:
            id = _mismatch("Session", "id", d, exc, strict)

        try:
            object_ = d["object"]
            if object_ != "session":
                raise ValueError(f"must be 'session', got {object_!r}")

        except _ERRORS as exc:
            object_ = _mismatch("Session", "object", d, exc, strict)

        try:
            status = d["status"]
            status = SessionStatus(status)

        except _ERRORS as exc:
            status = _mismatch("Session", "status", d, exc, strict)

        try:
            mode = d.get("mode")
            if mode is not None:
                mode = SessionMode(mode)

            elif "mode" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            mode = _mismatch("Session", "mode", d, exc, strict)

        try:
            source_language = d.get("source_language")
            if source_language is not None:
                if type(source_language) is not str:
                    source_language = _str(source_language)

        except _ERRORS as exc:
            source_language = _mismatch("Session", "source_language", d, exc, strict)

        try:
            target_language = d.get("target_language")
            if target_language is not None:
                if type(target_language) is not str:
                    target_language = _str(target_language)

        except _ERRORS as exc:
            target_language = _mismatch("Session", "target_language", d, exc, strict)

        try:
            stream = d.get("stream")
            if stream is not None:
                stream = StreamInfo.from_dict(stream, strict)

        except _ERRORS as exc:
            stream = _mismatch("Session", "stream", d, exc, strict)

        try:
            provider = d.get("provider")
            if provider is not None:
                if isinstance(provider, str):
                    if type(provider) is not str:
                        provider = _str(provider)

                elif isinstance(provider, Mapping):
                    provider = ProviderDetails.from_dict(provider, strict)

                else:
                    raise TypeError(f"expected str or ProviderDetails, got {type(provider).__name__}")

        except _ERRORS as exc:
            provider = _mismatch("Session", "provider", d, exc, strict)

        try:
            phone_number = d.get("phone_number")
            if phone_number is not None:
                if type(phone_number) is not str:
                    phone_number = _str(phone_number)

        except _ERRORS as exc:
            phone_number = _mismatch("Session", "phone_number", d, exc, strict)

        try:
            recording = d.get("recording")
            if recording is not None:
                recording = SessionRecordingInfo.from_dict(recording, strict)

        except _ERRORS as exc:
            recording = _mismatch("Session", "recording", d, exc, strict)

        try:
            transcript = d.get("transcript")
            if transcript is not None:
                transcript = TranscriptSummary.from_dict(transcript, strict)

        except _ERRORS as exc:
            transcript = _mismatch("Session", "transcript", d, exc, strict)

        try:
            metadata = d.get("metadata")
            if metadata is not None:
                metadata = SessionMetadata.from_dict(metadata, strict)

        except _ERRORS as exc:
            metadata = _mismatch("Session", "metadata", d, exc, strict)

        try:
            call = d.get("call")
            if call is not None:
                call = SessionCall.from_dict(call, strict)

        except _ERRORS as exc:
            call = _mismatch("Session", "call", d, exc, strict)

        try:
            duration = d.get("duration")
            if duration is not None:
                if type(duration) is not float:
                    duration = _float(duration)

        except _ERRORS as exc:
            duration = _mismatch("Session", "duration", d, exc, strict)

        try:
            duration_seconds = d.get("duration_seconds")
            if duration_seconds is not None:
                if type(duration_seconds) is not float:
                    duration_seconds = _float(duration_seconds)

        except _ERRORS as exc:
            duration_seconds = _mismatch("Session", "duration_seconds", d, exc, strict)

        try:
            end_reason = d.get("end_reason")
            if end_reason is not None:
                if type(end_reason) is not str:
                    end_reason = _str(end_reason)

        except _ERRORS as exc:
            end_reason = _mismatch("Session", "end_reason", d, exc, strict)

        try:
            created_at = d.get("created_at")
            if created_at is not None:
                created_at = _fromisoformat(created_at)

            elif "created_at" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            created_at = _mismatch("Session", "created_at", d, exc, strict)

        try:
            started_at = d.get("started_at")
            if started_at is not None:
                started_at = _fromisoformat(started_at)

        except _ERRORS as exc:
            started_at = _mismatch("Session", "started_at", d, exc, strict)

        try:
            ended_at = d.get("ended_at")
            if ended_at is not None:
                ended_at = _fromisoformat(ended_at)

        except _ERRORS as exc:
            ended_at = _mismatch("Session", "ended_at", d, exc, strict)

        if cls is Session:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            session = _new_object(cls)
            session.id = id
            session.object = object_
            session.status = status
            session.mode = mode
            session.source_language = source_language
            session.target_language = target_language
            session.stream = stream
            session.provider = provider
            session.phone_number = phone_number
            session.recording = recording
            session.transcript = transcript
            session.metadata = metadata
            session.call = call
            session.duration = duration
            session.duration_seconds = duration_seconds
            session.end_reason = end_reason
            session.created_at = created_at
            session.started_at = started_at
            session.ended_at = ended_at
            session.additional_properties = {}
        else:
            session = cls(
                id=id,
                object=object_,
                status=status,
                mode=mode,
                source_language=source_language,
                target_language=target_language,
                stream=stream,
                provider=provider,
                phone_number=phone_number,
                recording=recording,
                transcript=transcript,
                metadata=metadata,
                call=call,
                duration=duration,
                duration_seconds=duration_seconds,
                end_reason=end_reason,
                created_at=created_at,
                started_at=started_at,
                ended_at=ended_at,
            )
        session._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            session.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return session

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_new_object = object.__new__  # one global lookup per model built instead of a builtin and an attribute
_fromisoformat = datetime.datetime.fromisoformat  # bound once: a timestamp per transcript turn adds up
_date_fromisoformat = datetime.date.fromisoformat
_KNOWN_KEYS = frozenset(
    {
        "id",
        "object",
        "status",
        "mode",
        "source_language",
        "target_language",
        "stream",
        "provider",
        "phone_number",
        "recording",
        "transcript",
        "metadata",
        "call",
        "duration",
        "duration_seconds",
        "end_reason",
        "created_at",
        "started_at",
        "ended_at",
    }
)

from ..models.provider_details import ProviderDetails  # noqa: E402
from ..models.session_call import SessionCall  # noqa: E402
from ..models.session_metadata import SessionMetadata  # noqa: E402
from ..models.session_recording_info import SessionRecordingInfo  # noqa: E402
from ..models.stream_info import StreamInfo  # noqa: E402
from ..models.transcript_summary import TranscriptSummary  # noqa: E402
