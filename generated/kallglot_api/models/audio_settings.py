# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="AudioSettings")


@_attrs_define
class AudioSettings:
    """Audio transport hints (encoding, sample rate, channels, with the documented defaults).

    Attributes:
        encoding (str | Unset):  Default: 'mulaw'.
        sample_rate_hz (int | Unset):  Default: 8000.
        channels (int | Unset):  Default: 1.
    """

    encoding: str | Unset = "mulaw"
    sample_rate_hz: int | Unset = 8000
    channels: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        encoding = self.encoding

        sample_rate_hz = self.sample_rate_hz

        channels = self.channels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if encoding is not UNSET:
            field_dict["encoding"] = encoding
        if sample_rate_hz is not UNSET:
            field_dict["sample_rate_hz"] = sample_rate_hz
        if channels is not UNSET:
            field_dict["channels"] = channels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("AudioSettings", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "encoding"
            encoding = d.get("encoding", UNSET)

            _field = "sample_rate_hz"
            sample_rate_hz = d.get("sample_rate_hz", UNSET)

            _field = "channels"
            channels = d.get("channels", UNSET)

        except ParseError as exc:
            raise ParseError("AudioSettings", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("AudioSettings", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("AudioSettings", _field, str(exc) or type(exc).__name__) from exc
        if cls is AudioSettings:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            audio_settings = _new_object(cls)
            audio_settings.encoding = encoding
            audio_settings.sample_rate_hz = sample_rate_hz
            audio_settings.channels = channels
            audio_settings.additional_properties = {}
        else:
            audio_settings = cls(
                encoding=encoding,
                sample_rate_hz=sample_rate_hz,
                channels=channels,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            audio_settings.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return audio_settings

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
        "channels",
    }
)
