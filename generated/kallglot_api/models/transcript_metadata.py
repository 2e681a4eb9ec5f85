# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_each as _each
from ..types import expect_float as _float
from ..types import expect_int as _int
from ..types import expect_list as _list
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class TranscriptMetadata:
    """
    Attributes:
        total_turns (int | None):
        duration_seconds (float | None):
        languages_detected (list[str] | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "total_turns": "total_turns",
        "duration_seconds": "duration_seconds",
        "languages_detected": "languages_detected",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    total_turns: int | None = None
    duration_seconds: float | None = None
    languages_detected: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        total_turns: int | None | Unset = UNSET,
        duration_seconds: float | None | Unset = UNSET,
        languages_detected: list[str] | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        if isinstance(total_turns, Unset):
            absent.append("total_turns")
            self.total_turns = None
        else:
            self.total_turns = total_turns
        if isinstance(duration_seconds, Unset):
            absent.append("duration_seconds")
            self.duration_seconds = None
        else:
            self.duration_seconds = duration_seconds
        if isinstance(languages_detected, Unset):
            absent.append("languages_detected")
            self.languages_detected = None
        else:
            self.languages_detected = languages_detected
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.total_turns is not None or "total_turns" in present:
            field_dict["total_turns"] = _jsonable(self.total_turns)
        if self.duration_seconds is not None or "duration_seconds" in present:
            field_dict["duration_seconds"] = _jsonable(self.duration_seconds)
        if self.languages_detected is not None or "languages_detected" in present:
            field_dict["languages_detected"] = _jsonable(self.languages_detected)
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
            raise ParseError("TranscriptMetadata", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            total_turns = d.get("total_turns")
            if total_turns is not None:
                if type(total_turns) is not int:
                    total_turns = _int(total_turns)

        except _ERRORS as exc:
            total_turns = _mismatch("TranscriptMetadata", "total_turns", d, exc, strict)

        try:
            duration_seconds = d.get("duration_seconds")
            if duration_seconds is not None:
                if type(duration_seconds) is not float:
                    duration_seconds = _float(duration_seconds)

        except _ERRORS as exc:
            duration_seconds = _mismatch("TranscriptMetadata", "duration_seconds", d, exc, strict)

        try:
            languages_detected = d.get("languages_detected")
            if languages_detected is not None:
                if type(languages_detected) is not list:
                    languages_detected = _list(languages_detected)
                for _item in languages_detected:
                    if type(_item) is not str:
                        _each(languages_detected, _str)
                        break

            elif "languages_detected" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            languages_detected = _mismatch("TranscriptMetadata", "languages_detected", d, exc, strict)

        if cls is TranscriptMetadata:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
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
        transcript_metadata._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            transcript_metadata.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
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
