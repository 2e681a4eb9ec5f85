# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="TranscriptFinalEvent")


@_attrs_define
class TranscriptFinalEvent:
    """
    Attributes:
        type_ (Literal['transcript.final']):
        text (str):
        id (str | Unset):
        sequence (int | None | Unset): The turn's sequence; the key for de-duplication.
        speaker (str | Unset):
        language (str | Unset):
        translation (None | StreamTranslation | Unset):
        confidence (float | None | Unset):
        timestamp (datetime.datetime | Unset):
    """

    type_: Literal["transcript.final"]
    text: str
    id: str | Unset = UNSET
    sequence: int | None | Unset = UNSET
    speaker: str | Unset = UNSET
    language: str | Unset = UNSET
    translation: None | StreamTranslation | Unset = UNSET
    confidence: float | None | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        text = self.text

        id = self.id

        sequence: int | None | Unset
        if isinstance(self.sequence, Unset):
            sequence = UNSET
        else:
            sequence = self.sequence

        speaker = self.speaker

        language = self.language

        translation: dict[str, Any] | None | Unset
        if isinstance(self.translation, Unset):
            translation = UNSET
        elif isinstance(self.translation, StreamTranslation):
            translation = self.translation.to_dict()
        else:
            translation = self.translation

        confidence: float | None | Unset
        if isinstance(self.confidence, Unset):
            confidence = UNSET
        else:
            confidence = self.confidence

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "text": text,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if sequence is not UNSET:
            field_dict["sequence"] = sequence
        if speaker is not UNSET:
            field_dict["speaker"] = speaker
        if language is not UNSET:
            field_dict["language"] = language
        if translation is not UNSET:
            field_dict["translation"] = translation
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("TranscriptFinalEvent", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "type"
            type_ = cast(Literal["transcript.final"], d["type"])
            if type_ != "transcript.final":
                raise ValueError(f"type must match const 'transcript.final', got '{type_}'")

            _field = "text"
            text = d["text"]

            _field = "id"
            id = d.get("id", UNSET)

            _field = "sequence"
            sequence = cast(int | None | Unset, d.get("sequence", UNSET))

            _field = "speaker"
            speaker = d.get("speaker", UNSET)

            _field = "language"
            language = d.get("language", UNSET)

            _field = "translation"
            _translation = d.get("translation", UNSET)
            translation: None | StreamTranslation | Unset
            if _translation is None:
                translation = None
            elif _translation is UNSET:
                translation = UNSET
            elif isinstance(_translation, dict):
                translation_type_0 = StreamTranslation.from_dict(_translation)

                translation = translation_type_0
            else:
                raise TypeError(f"unexpected {type(_translation).__name__} value")

            _field = "confidence"
            confidence = cast(float | None | Unset, d.get("confidence", UNSET))

            _field = "timestamp"
            _timestamp = d.get("timestamp", UNSET)
            timestamp: datetime.datetime | Unset
            if _timestamp is UNSET:
                timestamp = UNSET
            else:
                timestamp = _fromisoformat(_timestamp)

        except ParseError as exc:
            raise ParseError(
                "TranscriptFinalEvent", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("TranscriptFinalEvent", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("TranscriptFinalEvent", _field, str(exc) or type(exc).__name__) from exc
        if cls is TranscriptFinalEvent:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            transcript_final_event = _new_object(cls)
            transcript_final_event.type_ = type_
            transcript_final_event.text = text
            transcript_final_event.id = id
            transcript_final_event.sequence = sequence
            transcript_final_event.speaker = speaker
            transcript_final_event.language = language
            transcript_final_event.translation = translation
            transcript_final_event.confidence = confidence
            transcript_final_event.timestamp = timestamp
            transcript_final_event.additional_properties = {}
        else:
            transcript_final_event = cls(
                type_=type_,
                text=text,
                id=id,
                sequence=sequence,
                speaker=speaker,
                language=language,
                translation=translation,
                confidence=confidence,
                timestamp=timestamp,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            transcript_final_event.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return transcript_final_event

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
        "type",
        "text",
        "id",
        "sequence",
        "speaker",
        "language",
        "translation",
        "confidence",
        "timestamp",
    }
)

from ..models.stream_translation import StreamTranslation  # noqa: E402
