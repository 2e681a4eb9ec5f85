# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import ParseError

T = TypeVar("T", bound="AudioInputMessage")


@_attrs_define
class AudioInputMessage:
    """One chunk of caller audio (send one every 100-200 ms). In the example, `sequence` is the websocket page's;
    `timestamp_ms` is that instant in milliseconds (the quickstart sends `Date.now()` for both); `payload` is two bytes
    of mu-law silence.

        Attributes:
            type_ (Literal['audio.input']):
            sequence (int): Strictly increasing for the life of the stream.
            timestamp_ms (int): Client clock in milliseconds.
            speaker (str):
            audio (StreamAudioInput):
    """

    type_: Literal["audio.input"]
    sequence: int
    timestamp_ms: int
    speaker: str
    audio: StreamAudioInput

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        sequence = self.sequence

        timestamp_ms = self.timestamp_ms

        speaker = self.speaker

        audio = self.audio.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "sequence": sequence,
                "timestamp_ms": timestamp_ms,
                "speaker": speaker,
                "audio": audio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("AudioInputMessage", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "type"
            type_ = cast(Literal["audio.input"], d["type"])
            if type_ != "audio.input":
                raise ValueError(f"type must match const 'audio.input', got '{type_}'")

            _field = "sequence"
            sequence = d["sequence"]

            _field = "timestamp_ms"
            timestamp_ms = d["timestamp_ms"]

            _field = "speaker"
            speaker = d["speaker"]

            _field = "audio"
            audio = StreamAudioInput.from_dict(d["audio"])

        except ParseError as exc:
            raise ParseError("AudioInputMessage", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("AudioInputMessage", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("AudioInputMessage", _field, str(exc) or type(exc).__name__) from exc
        if cls is AudioInputMessage:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            audio_input_message = _new_object(cls)
            audio_input_message.type_ = type_
            audio_input_message.sequence = sequence
            audio_input_message.timestamp_ms = timestamp_ms
            audio_input_message.speaker = speaker
            audio_input_message.audio = audio
        else:
            audio_input_message = cls(
                type_=type_,
                sequence=sequence,
                timestamp_ms=timestamp_ms,
                speaker=speaker,
                audio=audio,
            )

        return audio_input_message


_new_object = object.__new__  # one global lookup per model built instead of a builtin and an attribute

from ..models.stream_audio_input import StreamAudioInput  # noqa: E402
