# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_mode import SessionMode
from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="CreateSessionRequest")


@_attrs_define
class CreateSessionRequest:
    """
    Attributes:
        mode (SessionMode): How the session handles the conversation. New modes may be added.
        source_language (str | Unset): Party A's language (en, es, de, …); auto-detected if omitted.
        target_language (str | Unset): Party B's language; auto-detected if omitted.
        routing (SessionRouting | Unset): Telephony routing; supply one method (phone number, connection, SIP) or omit
            for the default route.
        audio (AudioSettings | Unset): Audio transport hints (encoding, sample rate, channels, with the documented
            defaults).
        recording (RecordingSettings | Unset):
        ai_agent (AiAgentConfig | Unset): Inline AI agent configuration for `ai_agent` / `help_chat_voice` sessions
            (older guide).
        metadata (SessionMetadata | Unset): Your own key/value pairs, returned as given.
    """

    mode: SessionMode
    source_language: str | Unset = UNSET
    target_language: str | Unset = UNSET
    routing: SessionRouting | Unset = UNSET
    audio: AudioSettings | Unset = UNSET
    recording: RecordingSettings | Unset = UNSET
    ai_agent: AiAgentConfig | Unset = UNSET
    metadata: SessionMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mode = self.mode.value

        source_language = self.source_language

        target_language = self.target_language

        routing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.routing, Unset):
            routing = self.routing.to_dict()

        audio: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio, Unset):
            audio = self.audio.to_dict()

        recording: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recording, Unset):
            recording = self.recording.to_dict()

        ai_agent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ai_agent, Unset):
            ai_agent = self.ai_agent.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mode": mode,
            }
        )
        if source_language is not UNSET:
            field_dict["source_language"] = source_language
        if target_language is not UNSET:
            field_dict["target_language"] = target_language
        if routing is not UNSET:
            field_dict["routing"] = routing
        if audio is not UNSET:
            field_dict["audio"] = audio
        if recording is not UNSET:
            field_dict["recording"] = recording
        if ai_agent is not UNSET:
            field_dict["ai_agent"] = ai_agent
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("CreateSessionRequest", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "mode"
            mode = SessionMode(d["mode"])

            _field = "source_language"
            source_language = d.get("source_language", UNSET)

            _field = "target_language"
            target_language = d.get("target_language", UNSET)

            _field = "routing"
            _routing = d.get("routing", UNSET)
            routing: SessionRouting | Unset
            if _routing is UNSET:
                routing = UNSET
            else:
                routing = SessionRouting.from_dict(_routing)

            _field = "audio"
            _audio = d.get("audio", UNSET)
            audio: AudioSettings | Unset
            if _audio is UNSET:
                audio = UNSET
            else:
                audio = AudioSettings.from_dict(_audio)

            _field = "recording"
            _recording = d.get("recording", UNSET)
            recording: RecordingSettings | Unset
            if _recording is UNSET:
                recording = UNSET
            else:
                recording = RecordingSettings.from_dict(_recording)

            _field = "ai_agent"
            _ai_agent = d.get("ai_agent", UNSET)
            ai_agent: AiAgentConfig | Unset
            if _ai_agent is UNSET:
                ai_agent = UNSET
            else:
                ai_agent = AiAgentConfig.from_dict(_ai_agent)

            _field = "metadata"
            _metadata = d.get("metadata", UNSET)
            metadata: SessionMetadata | Unset
            if _metadata is UNSET:
                metadata = UNSET
            else:
                metadata = SessionMetadata.from_dict(_metadata)

        except ParseError as exc:
            raise ParseError(
                "CreateSessionRequest", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("CreateSessionRequest", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("CreateSessionRequest", _field, str(exc) or type(exc).__name__) from exc
        if cls is CreateSessionRequest:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
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

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            create_session_request.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
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
