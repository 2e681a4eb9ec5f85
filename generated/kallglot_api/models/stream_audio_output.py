# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="StreamAudioOutput")


@_attrs_define
class StreamAudioOutput:
    """
    Attributes:
        payload (str):
        encoding (str | Unset):
        sample_rate_hz (int | None | Unset):
    """

    payload: str
    encoding: str | Unset = UNSET
    sample_rate_hz: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payload = self.payload

        encoding = self.encoding

        sample_rate_hz: int | None | Unset
        if isinstance(self.sample_rate_hz, Unset):
            sample_rate_hz = UNSET
        else:
            sample_rate_hz = self.sample_rate_hz

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payload": payload,
            }
        )
        if encoding is not UNSET:
            field_dict["encoding"] = encoding
        if sample_rate_hz is not UNSET:
            field_dict["sample_rate_hz"] = sample_rate_hz

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("StreamAudioOutput", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "payload"
            payload = d["payload"]

            _field = "encoding"
            encoding = d.get("encoding", UNSET)

            _field = "sample_rate_hz"
            sample_rate_hz = cast(int | None | Unset, d.get("sample_rate_hz", UNSET))

        except ParseError as exc:
            raise ParseError("StreamAudioOutput", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("StreamAudioOutput", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("StreamAudioOutput", _field, str(exc) or type(exc).__name__) from exc
        if cls is StreamAudioOutput:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            stream_audio_output = _new_object(cls)
            stream_audio_output.payload = payload
            stream_audio_output.encoding = encoding
            stream_audio_output.sample_rate_hz = sample_rate_hz
            stream_audio_output.additional_properties = {}
        else:
            stream_audio_output = cls(
                payload=payload,
                encoding=encoding,
                sample_rate_hz=sample_rate_hz,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            stream_audio_output.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return stream_audio_output

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
        "payload",
        "encoding",
        "sample_rate_hz",
    }
)
