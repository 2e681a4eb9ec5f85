# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="TranscriptSegment")


@_attrs_define
class TranscriptSegment:
    """Older docs' transcript segment.

    Attributes:
        id (str | Unset):
        speaker (str | Unset):
        language (str | Unset):
        text (str | Unset):
        translation (None | str | Unset):
        start_time (float | None | Unset):
        end_time (float | None | Unset):
        confidence (float | None | Unset):
    """

    id: str | Unset = UNSET
    speaker: str | Unset = UNSET
    language: str | Unset = UNSET
    text: str | Unset = UNSET
    translation: None | str | Unset = UNSET
    start_time: float | None | Unset = UNSET
    end_time: float | None | Unset = UNSET
    confidence: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        speaker = self.speaker

        language = self.language

        text = self.text

        translation: None | str | Unset
        if isinstance(self.translation, Unset):
            translation = UNSET
        else:
            translation = self.translation

        start_time: float | None | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        end_time: float | None | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        else:
            end_time = self.end_time

        confidence: float | None | Unset
        if isinstance(self.confidence, Unset):
            confidence = UNSET
        else:
            confidence = self.confidence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if speaker is not UNSET:
            field_dict["speaker"] = speaker
        if language is not UNSET:
            field_dict["language"] = language
        if text is not UNSET:
            field_dict["text"] = text
        if translation is not UNSET:
            field_dict["translation"] = translation
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if confidence is not UNSET:
            field_dict["confidence"] = confidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("TranscriptSegment", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "id"
            id = d.get("id", UNSET)

            _field = "speaker"
            speaker = d.get("speaker", UNSET)

            _field = "language"
            language = d.get("language", UNSET)

            _field = "text"
            text = d.get("text", UNSET)

            _field = "translation"
            translation = cast(None | str | Unset, d.get("translation", UNSET))

            _field = "start_time"
            start_time = cast(float | None | Unset, d.get("start_time", UNSET))

            _field = "end_time"
            end_time = cast(float | None | Unset, d.get("end_time", UNSET))

            _field = "confidence"
            confidence = cast(float | None | Unset, d.get("confidence", UNSET))

        except ParseError as exc:
            raise ParseError("TranscriptSegment", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("TranscriptSegment", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("TranscriptSegment", _field, str(exc) or type(exc).__name__) from exc
        if cls is TranscriptSegment:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            transcript_segment = _new_object(cls)
            transcript_segment.id = id
            transcript_segment.speaker = speaker
            transcript_segment.language = language
            transcript_segment.text = text
            transcript_segment.translation = translation
            transcript_segment.start_time = start_time
            transcript_segment.end_time = end_time
            transcript_segment.confidence = confidence
            transcript_segment.additional_properties = {}
        else:
            transcript_segment = cls(
                id=id,
                speaker=speaker,
                language=language,
                text=text,
                translation=translation,
                start_time=start_time,
                end_time=end_time,
                confidence=confidence,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            transcript_segment.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return transcript_segment

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
        "id",
        "speaker",
        "language",
        "text",
        "translation",
        "start_time",
        "end_time",
        "confidence",
    }
)
