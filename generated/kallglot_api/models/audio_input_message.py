# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import ParseError
from ..types import expect_int as _int
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class AudioInputMessage:
    """One chunk of caller audio (send one every 100-200 ms). In the example, `sequence` is the websocket page's;
    `timestamp_ms` is that instant in milliseconds (the quickstart sends `Date.now()` for both); `payload` is two bytes
    of mu-law silence.

        Attributes:
            type (Literal['audio.input']):
            sequence (int): Strictly increasing for the life of the stream.
            timestamp_ms (int): Client clock in milliseconds.
            speaker (str):
            audio (StreamAudioInput):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "type": "type",
        "sequence": "sequence",
        "timestamp_ms": "timestamp_ms",
        "speaker": "speaker",
        "audio": "audio",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    type: Literal["audio.input"]
    sequence: int
    timestamp_ms: int
    speaker: str
    audio: StreamAudioInput
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        type: Literal["audio.input"],
        sequence: int,
        timestamp_ms: int,
        speaker: str,
        audio: StreamAudioInput,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        self.type = type
        self.sequence = sequence
        self.timestamp_ms = timestamp_ms
        self.speaker = speaker
        self.audio = audio
        self._present = tuple(self.API_NAMES)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        present = self._present
        if self.type is not None or "type" in present:
            field_dict["type"] = self.type
        if self.sequence is not None or "sequence" in present:
            field_dict["sequence"] = self.sequence
        if self.timestamp_ms is not None or "timestamp_ms" in present:
            field_dict["timestamp_ms"] = self.timestamp_ms
        if self.speaker is not None or "speaker" in present:
            field_dict["speaker"] = self.speaker
        if self.audio is not None or "audio" in present:
            field_dict["audio"] = _jsonable(self.audio)
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
            raise ParseError("AudioInputMessage", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            type_ = d["type"]
            if type_ != "audio.input":
                raise ValueError(f"must be 'audio.input', got {type_!r}")

        except _ERRORS as exc:
            type_ = _mismatch("AudioInputMessage", "type", d, exc, strict)

        try:
            sequence = d["sequence"]
            if type(sequence) is not int:
                sequence = _int(sequence)

        except _ERRORS as exc:
            sequence = _mismatch("AudioInputMessage", "sequence", d, exc, strict)

        try:
            timestamp_ms = d["timestamp_ms"]
            if type(timestamp_ms) is not int:
                timestamp_ms = _int(timestamp_ms)

        except _ERRORS as exc:
            timestamp_ms = _mismatch("AudioInputMessage", "timestamp_ms", d, exc, strict)

        try:
            speaker = d["speaker"]
            if type(speaker) is not str:
                speaker = _str(speaker)

        except _ERRORS as exc:
            speaker = _mismatch("AudioInputMessage", "speaker", d, exc, strict)

        try:
            audio = d["audio"]
            audio = StreamAudioInput.from_dict(audio, strict)

        except _ERRORS as exc:
            audio = _mismatch("AudioInputMessage", "audio", d, exc, strict)

        if cls is AudioInputMessage:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            audio_input_message = _new_object(cls)
            audio_input_message.type = type_
            audio_input_message.sequence = sequence
            audio_input_message.timestamp_ms = timestamp_ms
            audio_input_message.speaker = speaker
            audio_input_message.audio = audio
        else:
            audio_input_message = cls(
                type=type_,
                sequence=sequence,
                timestamp_ms=timestamp_ms,
                speaker=speaker,
                audio=audio,
            )
        audio_input_message._present = d  # a reference, not a copy: the parse owns the decoded payload

        return audio_input_message


_new_object = object.__new__  # one global lookup per model built instead of a builtin and an attribute

from ..models.stream_audio_input import StreamAudioInput  # noqa: E402
