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
from ..types import expect_int as _int
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class TranscriptSegmentData:
    """A live transcript turn (payload not documented; a turn plus its session id).

    Attributes:
        session_id (str | None):
        sequence (int | None):
        speaker (str | None):
        language (str | None):
        text (str | None):
        translation (None | TurnTranslation):
        timestamp (datetime.datetime | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "session_id": "session_id",
        "sequence": "sequence",
        "speaker": "speaker",
        "language": "language",
        "text": "text",
        "translation": "translation",
        "timestamp": "timestamp",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    session_id: str | None = None
    sequence: int | None = None
    speaker: str | None = None
    language: str | None = None
    text: str | None = None
    translation: None | TurnTranslation = None
    timestamp: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        session_id: str | None | Unset = UNSET,
        sequence: int | None | Unset = UNSET,
        speaker: str | None | Unset = UNSET,
        language: str | None | Unset = UNSET,
        text: str | None | Unset = UNSET,
        translation: None | TurnTranslation | Unset = UNSET,
        timestamp: datetime.datetime | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        if isinstance(session_id, Unset):
            absent.append("session_id")
            self.session_id = None
        else:
            self.session_id = session_id
        if isinstance(sequence, Unset):
            absent.append("sequence")
            self.sequence = None
        else:
            self.sequence = sequence
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
        if self.session_id is not None or "session_id" in present:
            field_dict["session_id"] = self.session_id
        if self.sequence is not None or "sequence" in present:
            field_dict["sequence"] = self.sequence
        if self.speaker is not None or "speaker" in present:
            field_dict["speaker"] = self.speaker
        if self.language is not None or "language" in present:
            field_dict["language"] = self.language
        if self.text is not None or "text" in present:
            field_dict["text"] = self.text
        if self.translation is not None or "translation" in present:
            field_dict["translation"] = _jsonable(self.translation)
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
            raise ParseError("TranscriptSegmentData", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            session_id = d.get("session_id")
            if session_id is not None:
                if type(session_id) is not str:
                    session_id = _str(session_id)

            elif "session_id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            session_id = _mismatch("TranscriptSegmentData", "session_id", d, exc, strict)

        try:
            sequence = d.get("sequence")
            if sequence is not None:
                if type(sequence) is not int:
                    sequence = _int(sequence)

            elif "sequence" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            sequence = _mismatch("TranscriptSegmentData", "sequence", d, exc, strict)

        try:
            speaker = d.get("speaker")
            if speaker is not None:
                if type(speaker) is not str:
                    speaker = _str(speaker)

            elif "speaker" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            speaker = _mismatch("TranscriptSegmentData", "speaker", d, exc, strict)

        try:
            language = d.get("language")
            if language is not None:
                if type(language) is not str:
                    language = _str(language)

            elif "language" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            language = _mismatch("TranscriptSegmentData", "language", d, exc, strict)

        try:
            text = d.get("text")
            if text is not None:
                if type(text) is not str:
                    text = _str(text)

            elif "text" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            text = _mismatch("TranscriptSegmentData", "text", d, exc, strict)

        try:
            translation = d.get("translation")
            if translation is not None:
                translation = TurnTranslation.from_dict(translation, strict)

        except _ERRORS as exc:
            translation = _mismatch("TranscriptSegmentData", "translation", d, exc, strict)

        try:
            timestamp = d.get("timestamp")
            if timestamp is not None:
                timestamp = _fromisoformat(timestamp)

            elif "timestamp" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            timestamp = _mismatch("TranscriptSegmentData", "timestamp", d, exc, strict)

        if cls is TranscriptSegmentData:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
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
        transcript_segment_data._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            transcript_segment_data.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
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
_date_fromisoformat = datetime.date.fromisoformat
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
