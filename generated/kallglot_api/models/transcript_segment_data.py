# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="TranscriptSegmentData")


@_attrs_define
class TranscriptSegmentData:
    """A live transcript turn (payload not documented; a turn plus its session id).

    Attributes:
        session_id (str | Unset):
        sequence (int | Unset):
        speaker (str | Unset):
        language (str | Unset):
        text (str | Unset):
        translation (None | TurnTranslation | Unset):
        timestamp (datetime.datetime | Unset):
    """

    session_id: str | Unset = UNSET
    sequence: int | Unset = UNSET
    speaker: str | Unset = UNSET
    language: str | Unset = UNSET
    text: str | Unset = UNSET
    translation: None | TurnTranslation | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        sequence = self.sequence

        speaker = self.speaker

        language = self.language

        text = self.text

        translation: dict[str, Any] | None | Unset
        if isinstance(self.translation, Unset):
            translation = UNSET
        elif isinstance(self.translation, TurnTranslation):
            translation = self.translation.to_dict()
        else:
            translation = self.translation

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if sequence is not UNSET:
            field_dict["sequence"] = sequence
        if speaker is not UNSET:
            field_dict["speaker"] = speaker
        if language is not UNSET:
            field_dict["language"] = language
        if text is not UNSET:
            field_dict["text"] = text
        if translation is not UNSET:
            field_dict["translation"] = translation
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("TranscriptSegmentData", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "session_id"
            session_id = d.get("session_id", UNSET)

            _field = "sequence"
            sequence = d.get("sequence", UNSET)

            _field = "speaker"
            speaker = d.get("speaker", UNSET)

            _field = "language"
            language = d.get("language", UNSET)

            _field = "text"
            text = d.get("text", UNSET)

            _field = "translation"
            _translation = d.get("translation", UNSET)
            translation: None | TurnTranslation | Unset
            if _translation is None:
                translation = None
            elif _translation is UNSET:
                translation = UNSET
            elif isinstance(_translation, dict):
                translation_type_0 = TurnTranslation.from_dict(_translation)

                translation = translation_type_0
            else:
                raise TypeError(f"unexpected {type(_translation).__name__} value")

            _field = "timestamp"
            _timestamp = d.get("timestamp", UNSET)
            timestamp: datetime.datetime | Unset
            if _timestamp is UNSET:
                timestamp = UNSET
            else:
                timestamp = _fromisoformat(_timestamp)

        except ParseError as exc:
            raise ParseError(
                "TranscriptSegmentData", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("TranscriptSegmentData", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("TranscriptSegmentData", _field, str(exc) or type(exc).__name__) from exc
        if cls is TranscriptSegmentData:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            transcript_segment_data = _new_object(cls)
            transcript_segment_data.session_id = session_id
            transcript_segment_data.sequence = sequence
            transcript_segment_data.speaker = speaker
            transcript_segment_data.language = language
            transcript_segment_data.text = text
            transcript_segment_data.translation = translation
            transcript_segment_data.timestamp = timestamp
            transcript_segment_data.additional_properties = {}
        else:
            transcript_segment_data = cls(
                session_id=session_id,
                sequence=sequence,
                speaker=speaker,
                language=language,
                text=text,
                translation=translation,
                timestamp=timestamp,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            transcript_segment_data.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return transcript_segment_data

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
        "session_id",
        "sequence",
        "speaker",
        "language",
        "text",
        "translation",
        "timestamp",
    }
)

from ..models.turn_translation import TurnTranslation  # noqa: E402
