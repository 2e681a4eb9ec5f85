# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="SessionRecordingInfo")


@_attrs_define
class SessionRecordingInfo:
    """
    Attributes:
        enabled (bool | Unset):
        channels (str | Unset):
        id (str | Unset):
        duration (float | None | Unset):
    """

    enabled: bool | Unset = UNSET
    channels: str | Unset = UNSET
    id: str | Unset = UNSET
    duration: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        channels = self.channels

        id = self.id

        duration: float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if channels is not UNSET:
            field_dict["channels"] = channels
        if id is not UNSET:
            field_dict["id"] = id
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("SessionRecordingInfo", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "enabled"
            enabled = d.get("enabled", UNSET)

            _field = "channels"
            channels = d.get("channels", UNSET)

            _field = "id"
            id = d.get("id", UNSET)

            _field = "duration"
            duration = cast(float | None | Unset, d.get("duration", UNSET))

        except ParseError as exc:
            raise ParseError(
                "SessionRecordingInfo", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("SessionRecordingInfo", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("SessionRecordingInfo", _field, str(exc) or type(exc).__name__) from exc
        if cls is SessionRecordingInfo:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            session_recording_info = _new_object(cls)
            session_recording_info.enabled = enabled
            session_recording_info.channels = channels
            session_recording_info.id = id
            session_recording_info.duration = duration
            session_recording_info.additional_properties = {}
        else:
            session_recording_info = cls(
                enabled=enabled,
                channels=channels,
                id=id,
                duration=duration,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            session_recording_info.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return session_recording_info

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
        "enabled",
        "channels",
        "id",
        "duration",
    }
)
