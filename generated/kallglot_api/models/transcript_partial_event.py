# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Literal, Self

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
class TranscriptPartialEvent:
    """
    Attributes:
        type (Literal['transcript.partial']):
        text (str):
        id (str | None):
        sequence (int | None):
        speaker (str | None):
        language (str | None):
        translation (None | StreamTranslation):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "type": "type",
        "text": "text",
        "id": "id",
        "sequence": "sequence",
        "speaker": "speaker",
        "language": "language",
        "translation": "translation",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    type: Literal["transcript.partial"]
    text: str
    id: str | None = None
    sequence: int | None = None
    speaker: str | None = None
    language: str | None = None
    translation: None | StreamTranslation = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        type: Literal["transcript.partial"],
        text: str,
        id: str | None | Unset = UNSET,
        sequence: int | None | Unset = UNSET,
        speaker: str | None | Unset = UNSET,
        language: str | None | Unset = UNSET,
        translation: None | StreamTranslation | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.type = type
        self.text = text
        if isinstance(id, Unset):
            absent.append("id")
            self.id = None
        else:
            self.id = id
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
        if isinstance(translation, Unset):
            absent.append("translation")
            self.translation = None
        else:
            self.translation = translation
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.type is not None or "type" in present:
            field_dict["type"] = self.type
        if self.text is not None or "text" in present:
            field_dict["text"] = self.text
        if self.id is not None or "id" in present:
            field_dict["id"] = self.id
        if self.sequence is not None or "sequence" in present:
            field_dict["sequence"] = _jsonable(self.sequence)
        if self.speaker is not None or "speaker" in present:
            field_dict["speaker"] = self.speaker
        if self.language is not None or "language" in present:
            field_dict["language"] = self.language
        if self.translation is not None or "translation" in present:
            field_dict["translation"] = _jsonable(self.translation)
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
            raise ParseError("TranscriptPartialEvent", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            type_ = d["type"]
            if type_ != "transcript.partial":
                raise ValueError(f"must be 'transcript.partial', got {type_!r}")

        except _ERRORS as exc:
            type_ = _mismatch("TranscriptPartialEvent", "type", d, exc, strict)

        try:
            text = d["text"]
            if type(text) is not str:
                text = _str(text)

        except _ERRORS as exc:
            text = _mismatch("TranscriptPartialEvent", "text", d, exc, strict)

        try:
            id = d.get("id")
            if id is not None:
                if type(id) is not str:
                    id = _str(id)

            elif "id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            id = _mismatch("TranscriptPartialEvent", "id", d, exc, strict)

        try:
            sequence = d.get("sequence")
            if sequence is not None:
                if type(sequence) is not int:
                    sequence = _int(sequence)

        except _ERRORS as exc:
            sequence = _mismatch("TranscriptPartialEvent", "sequence", d, exc, strict)

        try:
            speaker = d.get("speaker")
            if speaker is not None:
                if type(speaker) is not str:
                    speaker = _str(speaker)

            elif "speaker" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            speaker = _mismatch("TranscriptPartialEvent", "speaker", d, exc, strict)

        try:
            language = d.get("language")
            if language is not None:
                if type(language) is not str:
                    language = _str(language)

            elif "language" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            language = _mismatch("TranscriptPartialEvent", "language", d, exc, strict)

        try:
            translation = d.get("translation")
            if translation is not None:
                translation = StreamTranslation.from_dict(translation, strict)

        except _ERRORS as exc:
            translation = _mismatch("TranscriptPartialEvent", "translation", d, exc, strict)

        if cls is TranscriptPartialEvent:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            transcript_partial_event = _new_object(cls)
            transcript_partial_event.type = type_
            transcript_partial_event.text = text
            transcript_partial_event.id = id
            transcript_partial_event.sequence = sequence
            transcript_partial_event.speaker = speaker
            transcript_partial_event.language = language
            transcript_partial_event.translation = translation
            transcript_partial_event.additional_properties = {}
        else:
            transcript_partial_event = cls(
                type=type_,
                text=text,
                id=id,
                sequence=sequence,
                speaker=speaker,
                language=language,
                translation=translation,
            )
        transcript_partial_event._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            transcript_partial_event.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return transcript_partial_event

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
        "text",
        "id",
        "sequence",
        "speaker",
        "language",
        "translation",
    }
)

from ..models.stream_translation import StreamTranslation  # noqa: E402
