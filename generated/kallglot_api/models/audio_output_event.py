# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="AudioOutputEvent")


@_attrs_define
class AudioOutputEvent:
    """
    Attributes:
        type_ (Literal['audio.output']):
        audio (StreamAudioOutput):
        speaker (str | Unset):
        language (str | Unset):
    """

    type_: Literal["audio.output"]
    audio: StreamAudioOutput
    speaker: str | Unset = UNSET
    language: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        audio = self.audio.to_dict()

        speaker = self.speaker

        language = self.language

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "audio": audio,
            }
        )
        if speaker is not UNSET:
            field_dict["speaker"] = speaker
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("AudioOutputEvent", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "type"
            type_ = cast(Literal["audio.output"], d["type"])
            if type_ != "audio.output":
                raise ValueError(f"type must match const 'audio.output', got '{type_}'")

            _field = "audio"
            audio = StreamAudioOutput.from_dict(d["audio"])

            _field = "speaker"
            speaker = d.get("speaker", UNSET)

            _field = "language"
            language = d.get("language", UNSET)

        except ParseError as exc:
            raise ParseError("AudioOutputEvent", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("AudioOutputEvent", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("AudioOutputEvent", _field, str(exc) or type(exc).__name__) from exc
        if cls is AudioOutputEvent:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            audio_output_event = _new_object(cls)
            audio_output_event.type_ = type_
            audio_output_event.audio = audio
            audio_output_event.speaker = speaker
            audio_output_event.language = language
            audio_output_event.additional_properties = {}
        else:
            audio_output_event = cls(
                type_=type_,
                audio=audio,
                speaker=speaker,
                language=language,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            audio_output_event.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return audio_output_event

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
        "type",
        "audio",
        "speaker",
        "language",
    }
)

from ..models.stream_audio_output import StreamAudioOutput  # noqa: E402
