# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import ParseError

T = TypeVar("T", bound="StreamAudioInput")


@_attrs_define
class StreamAudioInput:
    """
    Attributes:
        encoding (Literal['mulaw']):
        sample_rate_hz (Literal[8000]):
        payload (str): Base64 G.711 mu-law, one channel.
    """

    encoding: Literal["mulaw"]
    sample_rate_hz: Literal[8000]
    payload: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        encoding = self.encoding

        sample_rate_hz = self.sample_rate_hz

        payload = self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "encoding": encoding,
                "sample_rate_hz": sample_rate_hz,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("StreamAudioInput", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "encoding"
            encoding = cast(Literal["mulaw"], d["encoding"])
            if encoding != "mulaw":
                raise ValueError(f"encoding must match const 'mulaw', got '{encoding}'")

            _field = "sample_rate_hz"
            sample_rate_hz = cast(Literal[8000], d["sample_rate_hz"])
            if sample_rate_hz != 8000:
                raise ValueError(f"sample_rate_hz must match const 8000, got '{sample_rate_hz}'")

            _field = "payload"
            payload = d["payload"]

        except ParseError as exc:
            raise ParseError("StreamAudioInput", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("StreamAudioInput", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("StreamAudioInput", _field, str(exc) or type(exc).__name__) from exc
        if cls is StreamAudioInput:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            stream_audio_input = _new_object(cls)
            stream_audio_input.encoding = encoding
            stream_audio_input.sample_rate_hz = sample_rate_hz
            stream_audio_input.payload = payload
            stream_audio_input.additional_properties = {}
        else:
            stream_audio_input = cls(
                encoding=encoding,
                sample_rate_hz=sample_rate_hz,
                payload=payload,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            stream_audio_input.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return stream_audio_input

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
        "encoding",
        "sample_rate_hz",
        "payload",
    }
)
