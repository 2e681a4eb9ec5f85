# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="TranscriptTurn")


@_attrs_define
class TranscriptTurn:
    """
    Attributes:
        sequence (int):
        speaker (str):
        text (str):
        language (str | Unset):
        translation (None | TurnTranslation | Unset):
        confidence (float | None | Unset):
        timestamp (datetime.datetime | Unset):
    """

    sequence: int
    speaker: str
    text: str
    language: str | Unset = UNSET
    translation: None | TurnTranslation | Unset = UNSET
    confidence: float | None | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sequence = self.sequence

        speaker = self.speaker

        text = self.text

        language = self.language

        translation: dict[str, Any] | None | Unset
        if isinstance(self.translation, Unset):
            translation = UNSET
        elif isinstance(self.translation, TurnTranslation):
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
                "sequence": sequence,
                "speaker": speaker,
                "text": text,
            }
        )
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
            raise ParseError("TranscriptTurn", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "sequence"
            sequence = d["sequence"]

            _field = "speaker"
            speaker = d["speaker"]

            _field = "text"
            text = d["text"]

            _field = "language"
            language = d.get("language", UNSET)

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
            raise ParseError("TranscriptTurn", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("TranscriptTurn", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("TranscriptTurn", _field, str(exc) or type(exc).__name__) from exc
        if cls is TranscriptTurn:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            transcript_turn = _new_object(cls)
            transcript_turn.sequence = sequence
            transcript_turn.speaker = speaker
            transcript_turn.text = text
            transcript_turn.language = language
            transcript_turn.translation = translation
            transcript_turn.confidence = confidence
            transcript_turn.timestamp = timestamp
            transcript_turn.additional_properties = {}
        else:
            transcript_turn = cls(
                sequence=sequence,
                speaker=speaker,
                text=text,
                language=language,
                translation=translation,
                confidence=confidence,
                timestamp=timestamp,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            transcript_turn.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return transcript_turn

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
        "sequence",
        "speaker",
        "text",
        "language",
        "translation",
        "confidence",
        "timestamp",
    }
)

from ..models.turn_translation import TurnTranslation  # noqa: E402
