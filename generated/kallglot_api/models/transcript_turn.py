# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_float as _float
from ..types import expect_int as _int
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class TranscriptTurn:
    """
    Attributes:
        sequence (int):
        speaker (str):
        text (str):
        language (str | None):
        translation (None | TurnTranslation):
        confidence (float | None):
        timestamp (datetime.datetime | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "sequence": "sequence",
        "speaker": "speaker",
        "text": "text",
        "language": "language",
        "translation": "translation",
        "confidence": "confidence",
        "timestamp": "timestamp",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    sequence: int
    speaker: str
    text: str
    language: str | None = None
    translation: None | TurnTranslation = None
    confidence: float | None = None
    timestamp: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        sequence: int,
        speaker: str,
        text: str,
        language: str | None | Unset = UNSET,
        translation: None | TurnTranslation | Unset = UNSET,
        confidence: float | None | Unset = UNSET,
        timestamp: datetime.datetime | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.sequence = sequence
        self.speaker = speaker
        self.text = text
        if isinstance(language, Unset):
            absent.append("language")
            self.language = None
        else:
            self.language = language
        if isinstance(translation, Unset):
            absent.append("translation")
            self.translation = None
        else:
            self.translation = translation
        if isinstance(confidence, Unset):
            absent.append("confidence")
            self.confidence = None
        else:
            self.confidence = confidence
        if isinstance(timestamp, Unset):
            absent.append("timestamp")
            self.timestamp = None
        else:
            self.timestamp = timestamp
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.sequence is not None or "sequence" in present:
            field_dict["sequence"] = self.sequence
        if self.speaker is not None or "speaker" in present:
            field_dict["speaker"] = self.speaker
        if self.text is not None or "text" in present:
            field_dict["text"] = self.text
        if self.language is not None or "language" in present:
            field_dict["language"] = self.language
        if self.translation is not None or "translation" in present:
            field_dict["translation"] = _jsonable(self.translation)
        if self.confidence is not None or "confidence" in present:
            field_dict["confidence"] = _jsonable(self.confidence)
        if self.timestamp is not None or "timestamp" in present:
            field_dict["timestamp"] = _jsonable(self.timestamp)
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
            raise ParseError("TranscriptTurn", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            sequence = d["sequence"]
            if type(sequence) is not int:
                sequence = _int(sequence)

        except _ERRORS as exc:
            sequence = _mismatch("TranscriptTurn", "sequence", d, exc, strict)

        try:
            speaker = d["speaker"]
            if type(speaker) is not str:
                speaker = _str(speaker)

        except _ERRORS as exc:
            speaker = _mismatch("TranscriptTurn", "speaker", d, exc, strict)

        try:
            text = d["text"]
            if type(text) is not str:
                text = _str(text)

        except _ERRORS as exc:
            text = _mismatch("TranscriptTurn", "text", d, exc, strict)

        try:
            language = d.get("language")
            if language is not None:
                if type(language) is not str:
                    language = _str(language)

            elif "language" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            language = _mismatch("TranscriptTurn", "language", d, exc, strict)

        try:
            translation = d.get("translation")
            if translation is not None:
                translation = TurnTranslation.from_dict(translation, strict)

        except _ERRORS as exc:
            translation = _mismatch("TranscriptTurn", "translation", d, exc, strict)

        try:
            confidence = d.get("confidence")
            if confidence is not None:
                if type(confidence) is not float:
                    confidence = _float(confidence)

        except _ERRORS as exc:
            confidence = _mismatch("TranscriptTurn", "confidence", d, exc, strict)

        try:
            timestamp = d.get("timestamp")
            if timestamp is not None:
                timestamp = _fromisoformat(timestamp)

            elif "timestamp" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            timestamp = _mismatch("TranscriptTurn", "timestamp", d, exc, strict)

        if cls is TranscriptTurn:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
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
        transcript_turn._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            transcript_turn.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
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
_date_fromisoformat = datetime.date.fromisoformat
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
