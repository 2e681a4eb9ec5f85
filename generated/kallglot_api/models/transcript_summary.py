# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="TranscriptSummary")


@_attrs_define
class TranscriptSummary:
    """Older docs' transcript summary on a session.

    Attributes:
        available (bool | Unset):
        word_count (int | None | Unset):
    """

    available: bool | Unset = UNSET
    word_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        word_count: int | None | Unset
        if isinstance(self.word_count, Unset):
            word_count = UNSET
        else:
            word_count = self.word_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if available is not UNSET:
            field_dict["available"] = available
        if word_count is not UNSET:
            field_dict["word_count"] = word_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("TranscriptSummary", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "available"
            available = d.get("available", UNSET)

            _field = "word_count"
            word_count = cast(int | None | Unset, d.get("word_count", UNSET))

        except ParseError as exc:
            raise ParseError("TranscriptSummary", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("TranscriptSummary", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("TranscriptSummary", _field, str(exc) or type(exc).__name__) from exc
        if cls is TranscriptSummary:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            transcript_summary = _new_object(cls)
            transcript_summary.available = available
            transcript_summary.word_count = word_count
            transcript_summary.additional_properties = {}
        else:
            transcript_summary = cls(
                available=available,
                word_count=word_count,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            transcript_summary.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return transcript_summary

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
        "available",
        "word_count",
    }
)
