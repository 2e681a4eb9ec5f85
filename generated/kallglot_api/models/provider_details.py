# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class ProviderDetails:
    """Older docs' provider object on sessions.

    Attributes:
        type (str | None):
        phone_number (None | str):
        status (str | None):
        call_sid (None | str):
        call_control_id (None | str):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "type": "type",
        "phone_number": "phone_number",
        "status": "status",
        "call_sid": "call_sid",
        "call_control_id": "call_control_id",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    type: str | None = None
    phone_number: None | str = None
    status: str | None = None
    call_sid: None | str = None
    call_control_id: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        type: str | None | Unset = UNSET,
        phone_number: None | str | Unset = UNSET,
        status: str | None | Unset = UNSET,
        call_sid: None | str | Unset = UNSET,
        call_control_id: None | str | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        if isinstance(type, Unset):
            absent.append("type")
            self.type = None
        else:
            self.type = type
        if isinstance(phone_number, Unset):
            absent.append("phone_number")
            self.phone_number = None
        else:
            self.phone_number = phone_number
        if isinstance(status, Unset):
            absent.append("status")
            self.status = None
        else:
            self.status = status
        if isinstance(call_sid, Unset):
            absent.append("call_sid")
            self.call_sid = None
        else:
            self.call_sid = call_sid
        if isinstance(call_control_id, Unset):
            absent.append("call_control_id")
            self.call_control_id = None
        else:
            self.call_control_id = call_control_id
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.type is not None or "type" in present:
            field_dict["type"] = self.type
        if self.phone_number is not None or "phone_number" in present:
            field_dict["phone_number"] = _jsonable(self.phone_number)
        if self.status is not None or "status" in present:
            field_dict["status"] = self.status
        if self.call_sid is not None or "call_sid" in present:
            field_dict["call_sid"] = _jsonable(self.call_sid)
        if self.call_control_id is not None or "call_control_id" in present:
            field_dict["call_control_id"] = _jsonable(self.call_control_id)
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
            raise ParseError("ProviderDetails", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            type_ = d.get("type")
            if type_ is not None:
                if type(type_) is not str:
                    type_ = _str(type_)

            elif "type" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            type_ = _mismatch("ProviderDetails", "type", d, exc, strict)

        try:
            phone_number = d.get("phone_number")
            if phone_number is not None:
                if type(phone_number) is not str:
                    phone_number = _str(phone_number)

        except _ERRORS as exc:
            phone_number = _mismatch("ProviderDetails", "phone_number", d, exc, strict)

        try:
            status = d.get("status")
            if status is not None:
                if type(status) is not str:
                    status = _str(status)

            elif "status" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            status = _mismatch("ProviderDetails", "status", d, exc, strict)

        try:
            call_sid = d.get("call_sid")
            if call_sid is not None:
                if type(call_sid) is not str:
                    call_sid = _str(call_sid)

        except _ERRORS as exc:
            call_sid = _mismatch("ProviderDetails", "call_sid", d, exc, strict)

        try:
            call_control_id = d.get("call_control_id")
            if call_control_id is not None:
                if type(call_control_id) is not str:
                    call_control_id = _str(call_control_id)

        except _ERRORS as exc:
            call_control_id = _mismatch("ProviderDetails", "call_control_id", d, exc, strict)

        if cls is ProviderDetails:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            provider_details = _new_object(cls)
            provider_details.type = type_
            provider_details.phone_number = phone_number
            provider_details.status = status
            provider_details.call_sid = call_sid
            provider_details.call_control_id = call_control_id
            provider_details.additional_properties = {}
        else:
            provider_details = cls(
                type=type_,
                phone_number=phone_number,
                status=status,
                call_sid=call_sid,
                call_control_id=call_control_id,
            )
        provider_details._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            provider_details.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return provider_details

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
        "type",
        "phone_number",
        "status",
        "call_sid",
        "call_control_id",
    }
)
