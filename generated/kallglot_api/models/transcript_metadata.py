# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="TranscriptMetadata")


@_attrs_define
class TranscriptMetadata:
    """
    Attributes:
        total_turns (int | None | Unset):
        duration_seconds (float | None | Unset):
        languages_detected (list[str] | Unset):
    """

    total_turns: int | None | Unset = UNSET
    duration_seconds: float | None | Unset = UNSET
    languages_detected: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_turns: int | None | Unset
        if isinstance(self.total_turns, Unset):
            total_turns = UNSET
        else:
            total_turns = self.total_turns

        duration_seconds: float | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        languages_detected: list[str] | Unset = UNSET
        if not isinstance(self.languages_detected, Unset):
            languages_detected = self.languages_detected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_turns is not UNSET:
            field_dict["total_turns"] = total_turns
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if languages_detected is not UNSET:
            field_dict["languages_detected"] = languages_detected

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("TranscriptMetadata", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "total_turns"
            total_turns = cast(int | None | Unset, d.get("total_turns", UNSET))

            _field = "duration_seconds"
            duration_seconds = cast(float | None | Unset, d.get("duration_seconds", UNSET))

            _field = "languages_detected"
            languages_detected = cast(list[str], d.get("languages_detected", UNSET))

        except ParseError as exc:
            raise ParseError(
                "TranscriptMetadata", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("TranscriptMetadata", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("TranscriptMetadata", _field, str(exc) or type(exc).__name__) from exc
        if cls is TranscriptMetadata:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            transcript_metadata = _new_object(cls)
            transcript_metadata.total_turns = total_turns
            transcript_metadata.duration_seconds = duration_seconds
            transcript_metadata.languages_detected = languages_detected
            transcript_metadata.additional_properties = {}
        else:
            transcript_metadata = cls(
                total_turns=total_turns,
                duration_seconds=duration_seconds,
                languages_detected=languages_detected,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            transcript_metadata.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return transcript_metadata

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
        "total_turns",
        "duration_seconds",
        "languages_detected",
    }
)
