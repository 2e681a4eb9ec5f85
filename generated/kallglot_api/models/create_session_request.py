# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_mode import SessionMode
from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class CreateSessionRequest:
    """
    Attributes:
        mode (SessionMode): How the session handles the conversation. New modes may be added.
        source_language (str | None): Party A's language (en, es, de, …); auto-detected if omitted.
        target_language (str | None): Party B's language; auto-detected if omitted.
        routing (SessionRouting | None): Telephony routing; supply one method (phone number, connection, SIP) or omit for the default route.
        audio (AudioSettings | None): Audio transport hints (encoding, sample rate, channels, with the documented defaults).
        recording (RecordingSettings | None):
        ai_agent (AiAgentConfig | None): Inline AI agent configuration for `ai_agent` / `help_chat_voice` sessions (older guide).
        metadata (SessionMetadata | None): Your own key/value pairs, returned as given.
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "mode": "mode",
        "source_language": "source_language",
        "target_language": "target_language",
        "routing": "routing",
        "audio": "audio",
        "recording": "recording",
        "ai_agent": "ai_agent",
        "metadata": "metadata",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    mode: SessionMode
    source_language: str | None = None
    target_language: str | None = None
    routing: SessionRouting | None = None
    audio: AudioSettings | None = None
    recording: RecordingSettings | None = None
    ai_agent: AiAgentConfig | None = None
    metadata: SessionMetadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        mode: SessionMode,
        source_language: str | None | Unset = UNSET,
        target_language: str | None | Unset = UNSET,
        routing: SessionRouting | None | Unset = UNSET,
        audio: AudioSettings | None | Unset = UNSET,
        recording: RecordingSettings | None | Unset = UNSET,
        ai_agent: AiAgentConfig | None | Unset = UNSET,
        metadata: SessionMetadata | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
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
        if isinstance(routing, Unset):
            absent.append("routing")
            self.routing = None
        else:
            self.routing = routing
        if isinstance(audio, Unset):
            absent.append("audio")
            self.audio = None
        else:
            self.audio = audio
        if isinstance(recording, Unset):
            absent.append("recording")
            self.recording = None
        else:
            self.recording = recording
        if isinstance(ai_agent, Unset):
            absent.append("ai_agent")
            self.ai_agent = None
        else:
            self.ai_agent = ai_agent
        if isinstance(metadata, Unset):
            absent.append("metadata")
            self.metadata = None
        else:
            self.metadata = metadata
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.mode is not None or "mode" in present:
            field_dict["mode"] = _jsonable(self.mode)
        if self.source_language is not None or "source_language" in present:
            field_dict["source_language"] = self.source_language
        if self.target_language is not None or "target_language" in present:
            field_dict["target_language"] = self.target_language
        if self.routing is not None or "routing" in present:
            field_dict["routing"] = _jsonable(self.routing)
        if self.audio is not None or "audio" in present:
            field_dict["audio"] = _jsonable(self.audio)
        if self.recording is not None or "recording" in present:
            field_dict["recording"] = _jsonable(self.recording)
        if self.ai_agent is not None or "ai_agent" in present:
            field_dict["ai_agent"] = _jsonable(self.ai_agent)
        if self.metadata is not None or "metadata" in present:
            field_dict["metadata"] = _jsonable(self.metadata)
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
            raise ParseError("CreateSessionRequest", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            mode = d["mode"]
            mode = SessionMode(mode)

        except _ERRORS as exc:
            mode = _mismatch("CreateSessionRequest", "mode", d, exc, strict)

        try:
            source_language = d.get("source_language")
            if source_language is not None:
                if type(source_language) is not str:
                    source_language = _str(source_language)

            elif "source_language" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            source_language = _mismatch("CreateSessionRequest", "source_language", d, exc, strict)

        try:
            target_language = d.get("target_language")
            if target_language is not None:
                if type(target_language) is not str:
                    target_language = _str(target_language)

            elif "target_language" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            target_language = _mismatch("CreateSessionRequest", "target_language", d, exc, strict)

        try:
            routing = d.get("routing")
            if routing is not None:
                routing = SessionRouting.from_dict(routing, strict)

            elif "routing" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            routing = _mismatch("CreateSessionRequest", "routing", d, exc, strict)

        try:
            audio = d.get("audio")
            if audio is not None:
                audio = AudioSettings.from_dict(audio, strict)

            elif "audio" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            audio = _mismatch("CreateSessionRequest", "audio", d, exc, strict)

        try:
            recording = d.get("recording")
            if recording is not None:
                recording = RecordingSettings.from_dict(recording, strict)

            elif "recording" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            recording = _mismatch("CreateSessionRequest", "recording", d, exc, strict)

        try:
            ai_agent = d.get("ai_agent")
            if ai_agent is not None:
                ai_agent = AiAgentConfig.from_dict(ai_agent, strict)

            elif "ai_agent" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            ai_agent = _mismatch("CreateSessionRequest", "ai_agent", d, exc, strict)

        try:
            metadata = d.get("metadata")
            if metadata is not None:
                metadata = SessionMetadata.from_dict(metadata, strict)

            elif "metadata" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            metadata = _mismatch("CreateSessionRequest", "metadata", d, exc, strict)

        if cls is CreateSessionRequest:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            create_session_request = _new_object(cls)
            create_session_request.mode = mode
            create_session_request.source_language = source_language
            create_session_request.target_language = target_language
            create_session_request.routing = routing
            create_session_request.audio = audio
            create_session_request.recording = recording
            create_session_request.ai_agent = ai_agent
            create_session_request.metadata = metadata
            create_session_request.additional_properties = {}
        else:
            create_session_request = cls(
                mode=mode,
                source_language=source_language,
                target_language=target_language,
                routing=routing,
                audio=audio,
                recording=recording,
                ai_agent=ai_agent,
                metadata=metadata,
            )
        create_session_request._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            create_session_request.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return create_session_request

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
_KNOWN_KEYS = frozenset(
    {
        "mode",
        "source_language",
        "target_language",
        "routing",
        "audio",
        "recording",
        "ai_agent",
        "metadata",
    }
)

from ..models.ai_agent_config import AiAgentConfig  # noqa: E402
from ..models.audio_settings import AudioSettings  # noqa: E402
from ..models.recording_settings import RecordingSettings  # noqa: E402
from ..models.session_metadata import SessionMetadata  # noqa: E402
from ..models.session_routing import SessionRouting  # noqa: E402
