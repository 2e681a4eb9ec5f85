# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from itertools import repeat as _repeat
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcript_status import TranscriptStatus
from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_float as _float
from ..types import expect_int as _int
from ..types import expect_list as _list
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import lenient_items as _items
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class Transcript:
    """
    Attributes:
        object (Literal['transcript']):
        session_id (str):
        status (TranscriptStatus): `in_progress` while the session runs, `completed` once it ended (older docs: `complete`).
        id (str | None):
        turns (list[TranscriptTurn] | None):
        segments (list[TranscriptSegment] | None): Older docs.
        metadata (None | TranscriptMetadata):
        language (LanguagePair | None):
        duration (float | None):
        word_count (int | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "object": "object",
        "session_id": "session_id",
        "status": "status",
        "id": "id",
        "turns": "turns",
        "segments": "segments",
        "metadata": "metadata",
        "language": "language",
        "duration": "duration",
        "word_count": "word_count",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    object: Literal["transcript"]
    session_id: str
    status: TranscriptStatus
    id: str | None = None
    turns: list[TranscriptTurn] | None = None
    segments: list[TranscriptSegment] | None = None
    metadata: None | TranscriptMetadata = None
    language: LanguagePair | None = None
    duration: float | None = None
    word_count: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        object: Literal["transcript"],
        session_id: str,
        status: TranscriptStatus,
        id: str | None | Unset = UNSET,
        turns: list[TranscriptTurn] | None | Unset = UNSET,
        segments: list[TranscriptSegment] | None | Unset = UNSET,
        metadata: None | TranscriptMetadata | Unset = UNSET,
        language: LanguagePair | None | Unset = UNSET,
        duration: float | None | Unset = UNSET,
        word_count: int | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.object = object
        self.session_id = session_id
        self.status = status
        if isinstance(id, Unset):
            absent.append("id")
            self.id = None
        else:
            self.id = id
        if isinstance(turns, Unset):
            absent.append("turns")
            self.turns = None
        else:
            self.turns = turns
        if isinstance(segments, Unset):
            absent.append("segments")
            self.segments = None
        else:
            self.segments = segments
        if isinstance(metadata, Unset):
            absent.append("metadata")
            self.metadata = None
        else:
            self.metadata = metadata
        if isinstance(language, Unset):
            absent.append("language")
            self.language = None
        else:
            self.language = language
        if isinstance(duration, Unset):
            absent.append("duration")
            self.duration = None
        else:
            self.duration = duration
        if isinstance(word_count, Unset):
            absent.append("word_count")
            self.word_count = None
        else:
            self.word_count = word_count
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.object is not None or "object" in present:
            field_dict["object"] = self.object
        if self.session_id is not None or "session_id" in present:
            field_dict["session_id"] = self.session_id
        if self.status is not None or "status" in present:
            field_dict["status"] = _jsonable(self.status)
        if self.id is not None or "id" in present:
            field_dict["id"] = self.id
        if self.turns is not None or "turns" in present:
            field_dict["turns"] = _jsonable(self.turns)
        if self.segments is not None or "segments" in present:
            field_dict["segments"] = _jsonable(self.segments)
        if self.metadata is not None or "metadata" in present:
            field_dict["metadata"] = _jsonable(self.metadata)
        if self.language is not None or "language" in present:
            field_dict["language"] = _jsonable(self.language)
        if self.duration is not None or "duration" in present:
            field_dict["duration"] = _jsonable(self.duration)
        if self.word_count is not None or "word_count" in present:
            field_dict["word_count"] = _jsonable(self.word_count)
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
            raise ParseError("Transcript", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            object_ = d["object"]
            if object_ != "transcript":
                raise ValueError(f"must be 'transcript', got {object_!r}")

        except _ERRORS as exc:
            object_ = _mismatch("Transcript", "object", d, exc, strict)

        try:
            session_id = d["session_id"]
            if type(session_id) is not str:
                session_id = _str(session_id)

        except _ERRORS as exc:
            session_id = _mismatch("Transcript", "session_id", d, exc, strict)

        try:
            status = d["status"]
            status = TranscriptStatus(status)

        except _ERRORS as exc:
            status = _mismatch("Transcript", "status", d, exc, strict)

        try:
            id = d.get("id")
            if id is not None:
                if type(id) is not str:
                    id = _str(id)

            elif "id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            id = _mismatch("Transcript", "id", d, exc, strict)

        try:
            turns = d.get("turns")
            if turns is not None:
                if type(turns) is not list:
                    turns = _list(turns)
                turns = list(map(TranscriptTurn.from_dict, turns, _repeat(strict)))

            elif "turns" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            turns = _mismatch("Transcript", "turns", d, exc, strict)
            if type(turns) is list:  # one item that is not an object keeps the others typed
                turns = _items(TranscriptTurn, turns)

        try:
            segments = d.get("segments")
            if segments is not None:
                if type(segments) is not list:
                    segments = _list(segments)
                segments = list(map(TranscriptSegment.from_dict, segments, _repeat(strict)))

            elif "segments" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            segments = _mismatch("Transcript", "segments", d, exc, strict)
            if type(segments) is list:  # one item that is not an object keeps the others typed
                segments = _items(TranscriptSegment, segments)

        try:
            metadata = d.get("metadata")
            if metadata is not None:
                metadata = TranscriptMetadata.from_dict(metadata, strict)

        except _ERRORS as exc:
            metadata = _mismatch("Transcript", "metadata", d, exc, strict)

        try:
            language = d.get("language")
            if language is not None:
                language = LanguagePair.from_dict(language, strict)

        except _ERRORS as exc:
            language = _mismatch("Transcript", "language", d, exc, strict)

        try:
            duration = d.get("duration")
            if duration is not None:
                if type(duration) is not float:
                    duration = _float(duration)

        except _ERRORS as exc:
            duration = _mismatch("Transcript", "duration", d, exc, strict)

        try:
            word_count = d.get("word_count")
            if word_count is not None:
                if type(word_count) is not int:
                    word_count = _int(word_count)

        except _ERRORS as exc:
            word_count = _mismatch("Transcript", "word_count", d, exc, strict)

        if cls is Transcript:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            transcript = _new_object(cls)
            transcript.object = object_
            transcript.session_id = session_id
            transcript.status = status
            transcript.id = id
            transcript.turns = turns
            transcript.segments = segments
            transcript.metadata = metadata
            transcript.language = language
            transcript.duration = duration
            transcript.word_count = word_count
            transcript.additional_properties = {}
        else:
            transcript = cls(
                object=object_,
                session_id=session_id,
                status=status,
                id=id,
                turns=turns,
                segments=segments,
                metadata=metadata,
                language=language,
                duration=duration,
                word_count=word_count,
            )
        transcript._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            transcript.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return transcript

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
        "object",
        "session_id",
        "status",
        "id",
        "turns",
        "segments",
        "metadata",
        "language",
        "duration",
        "word_count",
    }
)

from ..models.language_pair import LanguagePair  # noqa: E402
from ..models.transcript_metadata import TranscriptMetadata  # noqa: E402
from ..models.transcript_segment import TranscriptSegment  # noqa: E402
from ..models.transcript_turn import TranscriptTurn  # noqa: E402
