# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_float as _float
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class TranscriptSegment:
    """Older docs' transcript segment.

    Attributes:
        id (str | None):
        speaker (str | None):
        language (str | None):
        text (str | None):
        translation (None | str):
        start_time (float | None):
        end_time (float | None):
        confidence (float | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "id": "id",
        "speaker": "speaker",
        "language": "language",
        "text": "text",
        "translation": "translation",
        "start_time": "start_time",
        "end_time": "end_time",
        "confidence": "confidence",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    id: str | None = None
    speaker: str | None = None
    language: str | None = None
    text: str | None = None
    translation: None | str = None
    start_time: float | None = None
    end_time: float | None = None
    confidence: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        id: str | None | Unset = UNSET,
        speaker: str | None | Unset = UNSET,
        language: str | None | Unset = UNSET,
        text: str | None | Unset = UNSET,
        translation: None | str | Unset = UNSET,
        start_time: float | None | Unset = UNSET,
        end_time: float | None | Unset = UNSET,
        confidence: float | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        if isinstance(id, Unset):
            absent.append("id")
            self.id = None
        else:
            self.id = id
        if isinstance(speaker, Unset):
            absent.append("speaker")
            self.speaker = None
        else:
            self.speaker = speaker
        if isinstance(language, Unset):
            absent.append("language")
            self.language = None
        else:
            self.language = language
        if isinstance(text, Unset):
            absent.append("text")
            self.text = None
        else:
            self.text = text
        if isinstance(translation, Unset):
            absent.append("translation")
            self.translation = None
        else:
            self.translation = translation
        if isinstance(start_time, Unset):
            absent.append("start_time")
            self.start_time = None
        else:
            self.start_time = start_time
        if isinstance(end_time, Unset):
            absent.append("end_time")
            self.end_time = None
        else:
            self.end_time = end_time
        if isinstance(confidence, Unset):
            absent.append("confidence")
            self.confidence = None
        else:
            self.confidence = confidence
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
        if self.speaker is not None or "speaker" in present:
            field_dict["speaker"] = self.speaker
        if self.language is not None or "language" in present:
            field_dict["language"] = self.language
        if self.text is not None or "text" in present:
            field_dict["text"] = self.text
        if self.translation is not None or "translation" in present:
            field_dict["translation"] = _jsonable(self.translation)
        if self.start_time is not None or "start_time" in present:
            field_dict["start_time"] = _jsonable(self.start_time)
        if self.end_time is not None or "end_time" in present:
            field_dict["end_time"] = _jsonable(self.end_time)
        if self.confidence is not None or "confidence" in present:
            field_dict["confidence"] = _jsonable(self.confidence)
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
            raise ParseError("TranscriptSegment", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            id = d.get("id")
            if id is not None:
                if type(id) is not str:
                    id = _str(id)

            elif "id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            id = _mismatch("TranscriptSegment", "id", d, exc, strict)

        try:
            speaker = d.get("speaker")
            if speaker is not None:
                if type(speaker) is not str:
                    speaker = _str(speaker)

            elif "speaker" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            speaker = _mismatch("TranscriptSegment", "speaker", d, exc, strict)

        try:
            language = d.get("language")
            if language is not None:
                if type(language) is not str:
                    language = _str(language)

            elif "language" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            language = _mismatch("TranscriptSegment", "language", d, exc, strict)

        try:
            text = d.get("text")
            if text is not None:
                if type(text) is not str:
                    text = _str(text)

            elif "text" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            text = _mismatch("TranscriptSegment", "text", d, exc, strict)

        try:
            translation = d.get("translation")
            if translation is not None:
                if type(translation) is not str:
                    translation = _str(translation)

        except _ERRORS as exc:
            translation = _mismatch("TranscriptSegment", "translation", d, exc, strict)

        try:
            start_time = d.get("start_time")
            if start_time is not None:
                if type(start_time) is not float:
                    start_time = _float(start_time)

        except _ERRORS as exc:
            start_time = _mismatch("TranscriptSegment", "start_time", d, exc, strict)

        try:
            end_time = d.get("end_time")
            if end_time is not None:
                if type(end_time) is not float:
                    end_time = _float(end_time)

        except _ERRORS as exc:
            end_time = _mismatch("TranscriptSegment", "end_time", d, exc, strict)

        try:
            confidence = d.get("confidence")
            if confidence is not None:
                if type(confidence) is not float:
                    confidence = _float(confidence)

        except _ERRORS as exc:
            confidence = _mismatch("TranscriptSegment", "confidence", d, exc, strict)

        if cls is TranscriptSegment:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
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
        transcript_segment._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            transcript_segment.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
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
