# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_mode import SessionMode
from ..models.session_status import SessionStatus
from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """A real-time voice processing session.

    Attributes:
        id (str):
        object_ (Literal['session']):
        status (SessionStatus): Lifecycle state. Current docs: created, active, ended. Older pages add connecting and
            ending.
        mode (SessionMode | Unset): How the session handles the conversation. New modes may be added.
        source_language (None | str | Unset): Language of party A (auto-detected when null).
        target_language (None | str | Unset): Language of party B (auto-detected when null).
        stream (None | StreamInfo | Unset): Stream details; only while the session is not ended.
        provider (None | ProviderDetails | str | Unset): Resolved carrier, a string (current docs) or an object (older
            docs).
        phone_number (None | str | Unset):
        recording (None | SessionRecordingInfo | Unset):
        transcript (None | TranscriptSummary | Unset):
        metadata (None | SessionMetadata | Unset):
        call (None | SessionCall | Unset):
        duration (float | None | Unset): Seconds (older docs).
        duration_seconds (float | None | Unset): Seconds (current docs).
        end_reason (None | str | Unset): Why the session ended (older docs).
        created_at (datetime.datetime | Unset):
        started_at (datetime.datetime | None | Unset):
        ended_at (datetime.datetime | None | Unset):
    """

    id: str
    object_: Literal["session"]
    status: SessionStatus
    mode: SessionMode | Unset = UNSET
    source_language: None | str | Unset = UNSET
    target_language: None | str | Unset = UNSET
    stream: None | StreamInfo | Unset = UNSET
    provider: None | ProviderDetails | str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    recording: None | SessionRecordingInfo | Unset = UNSET
    transcript: None | TranscriptSummary | Unset = UNSET
    metadata: None | SessionMetadata | Unset = UNSET
    call: None | SessionCall | Unset = UNSET
    duration: float | None | Unset = UNSET
    duration_seconds: float | None | Unset = UNSET
    end_reason: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    ended_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        status = self.status.value

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        source_language: None | str | Unset
        if isinstance(self.source_language, Unset):
            source_language = UNSET
        else:
            source_language = self.source_language

        target_language: None | str | Unset
        if isinstance(self.target_language, Unset):
            target_language = UNSET
        else:
            target_language = self.target_language

        stream: dict[str, Any] | None | Unset
        if isinstance(self.stream, Unset):
            stream = UNSET
        elif isinstance(self.stream, StreamInfo):
            stream = self.stream.to_dict()
        else:
            stream = self.stream

        provider: dict[str, Any] | None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        elif isinstance(self.provider, ProviderDetails):
            provider = self.provider.to_dict()
        else:
            provider = self.provider

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        recording: dict[str, Any] | None | Unset
        if isinstance(self.recording, Unset):
            recording = UNSET
        elif isinstance(self.recording, SessionRecordingInfo):
            recording = self.recording.to_dict()
        else:
            recording = self.recording

        transcript: dict[str, Any] | None | Unset
        if isinstance(self.transcript, Unset):
            transcript = UNSET
        elif isinstance(self.transcript, TranscriptSummary):
            transcript = self.transcript.to_dict()
        else:
            transcript = self.transcript

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, SessionMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        call: dict[str, Any] | None | Unset
        if isinstance(self.call, Unset):
            call = UNSET
        elif isinstance(self.call, SessionCall):
            call = self.call.to_dict()
        else:
            call = self.call

        duration: float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        duration_seconds: float | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        end_reason: None | str | Unset
        if isinstance(self.end_reason, Unset):
            end_reason = UNSET
        else:
            end_reason = self.end_reason

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "status": status,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode
        if source_language is not UNSET:
            field_dict["source_language"] = source_language
        if target_language is not UNSET:
            field_dict["target_language"] = target_language
        if stream is not UNSET:
            field_dict["stream"] = stream
        if provider is not UNSET:
            field_dict["provider"] = provider
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if recording is not UNSET:
            field_dict["recording"] = recording
        if transcript is not UNSET:
            field_dict["transcript"] = transcript
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if call is not UNSET:
            field_dict["call"] = call
        if duration is not UNSET:
            field_dict["duration"] = duration
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if end_reason is not UNSET:
            field_dict["end_reason"] = end_reason
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("Session", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "id"
            id = d["id"]

            _field = "object"
            object_ = cast(Literal["session"], d["object"])
            if object_ != "session":
                raise ValueError(f"object must match const 'session', got '{object_}'")

            _field = "status"
            status = SessionStatus(d["status"])

            _field = "mode"
            _mode = d.get("mode", UNSET)
            mode: SessionMode | Unset
            if _mode is UNSET:
                mode = UNSET
            else:
                mode = SessionMode(_mode)

            _field = "source_language"
            source_language = cast(None | str | Unset, d.get("source_language", UNSET))

            _field = "target_language"
            target_language = cast(None | str | Unset, d.get("target_language", UNSET))

            _field = "stream"
            _stream = d.get("stream", UNSET)
            stream: None | StreamInfo | Unset
            if _stream is None:
                stream = None
            elif _stream is UNSET:
                stream = UNSET
            elif isinstance(_stream, dict):
                stream_type_0 = StreamInfo.from_dict(_stream)

                stream = stream_type_0
            else:
                raise TypeError(f"unexpected {type(_stream).__name__} value")

            _field = "provider"
            _provider = d.get("provider", UNSET)
            provider: None | ProviderDetails | str | Unset
            if _provider is None:
                provider = None
            elif _provider is UNSET:
                provider = UNSET
            elif isinstance(_provider, dict):
                provider_type_1 = ProviderDetails.from_dict(_provider)

                provider = provider_type_1
            else:
                provider = cast(None | ProviderDetails | str | Unset, _provider)

            _field = "phone_number"
            phone_number = cast(None | str | Unset, d.get("phone_number", UNSET))

            _field = "recording"
            _recording = d.get("recording", UNSET)
            recording: None | SessionRecordingInfo | Unset
            if _recording is None:
                recording = None
            elif _recording is UNSET:
                recording = UNSET
            elif isinstance(_recording, dict):
                recording_type_0 = SessionRecordingInfo.from_dict(_recording)

                recording = recording_type_0
            else:
                raise TypeError(f"unexpected {type(_recording).__name__} value")

            _field = "transcript"
            _transcript = d.get("transcript", UNSET)
            transcript: None | TranscriptSummary | Unset
            if _transcript is None:
                transcript = None
            elif _transcript is UNSET:
                transcript = UNSET
            elif isinstance(_transcript, dict):
                transcript_type_0 = TranscriptSummary.from_dict(_transcript)

                transcript = transcript_type_0
            else:
                raise TypeError(f"unexpected {type(_transcript).__name__} value")

            _field = "metadata"
            _metadata = d.get("metadata", UNSET)
            metadata: None | SessionMetadata | Unset
            if _metadata is None:
                metadata = None
            elif _metadata is UNSET:
                metadata = UNSET
            elif isinstance(_metadata, dict):
                metadata_type_0 = SessionMetadata.from_dict(_metadata)

                metadata = metadata_type_0
            else:
                raise TypeError(f"unexpected {type(_metadata).__name__} value")

            _field = "call"
            _call = d.get("call", UNSET)
            call: None | SessionCall | Unset
            if _call is None:
                call = None
            elif _call is UNSET:
                call = UNSET
            elif isinstance(_call, dict):
                call_type_0 = SessionCall.from_dict(_call)

                call = call_type_0
            else:
                raise TypeError(f"unexpected {type(_call).__name__} value")

            _field = "duration"
            duration = cast(float | None | Unset, d.get("duration", UNSET))

            _field = "duration_seconds"
            duration_seconds = cast(float | None | Unset, d.get("duration_seconds", UNSET))

            _field = "end_reason"
            end_reason = cast(None | str | Unset, d.get("end_reason", UNSET))

            _field = "created_at"
            _created_at = d.get("created_at", UNSET)
            created_at: datetime.datetime | Unset
            if _created_at is UNSET:
                created_at = UNSET
            else:
                created_at = _fromisoformat(_created_at)

            _field = "started_at"
            _started_at = d.get("started_at", UNSET)
            started_at: datetime.datetime | None | Unset
            if _started_at is None:
                started_at = None
            elif _started_at is UNSET:
                started_at = UNSET
            elif isinstance(_started_at, str):
                started_at_type_0 = _fromisoformat(_started_at)

                started_at = started_at_type_0
            else:
                raise TypeError(f"unexpected {type(_started_at).__name__} value")

            _field = "ended_at"
            _ended_at = d.get("ended_at", UNSET)
            ended_at: datetime.datetime | None | Unset
            if _ended_at is None:
                ended_at = None
            elif _ended_at is UNSET:
                ended_at = UNSET
            elif isinstance(_ended_at, str):
                ended_at_type_0 = _fromisoformat(_ended_at)

                ended_at = ended_at_type_0
            else:
                raise TypeError(f"unexpected {type(_ended_at).__name__} value")

        except ParseError as exc:
            raise ParseError("Session", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("Session", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("Session", _field, str(exc) or type(exc).__name__) from exc
        if cls is Session:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            session = _new_object(cls)
            session.id = id
            session.object_ = object_
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
                object_=object_,
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

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            session.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
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
