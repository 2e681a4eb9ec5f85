# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="ProviderDetails")


@_attrs_define
class ProviderDetails:
    """Older docs' provider object on sessions.

    Attributes:
        type_ (str | Unset):
        phone_number (None | str | Unset):
        status (str | Unset):
        call_sid (None | str | Unset):
        call_control_id (None | str | Unset):
    """

    type_: str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    status: str | Unset = UNSET
    call_sid: None | str | Unset = UNSET
    call_control_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        status = self.status

        call_sid: None | str | Unset
        if isinstance(self.call_sid, Unset):
            call_sid = UNSET
        else:
            call_sid = self.call_sid

        call_control_id: None | str | Unset
        if isinstance(self.call_control_id, Unset):
            call_control_id = UNSET
        else:
            call_control_id = self.call_control_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if status is not UNSET:
            field_dict["status"] = status
        if call_sid is not UNSET:
            field_dict["call_sid"] = call_sid
        if call_control_id is not UNSET:
            field_dict["call_control_id"] = call_control_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("ProviderDetails", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "type"
            type_ = d.get("type", UNSET)

            _field = "phone_number"
            phone_number = cast(None | str | Unset, d.get("phone_number", UNSET))

            _field = "status"
            status = d.get("status", UNSET)

            _field = "call_sid"
            call_sid = cast(None | str | Unset, d.get("call_sid", UNSET))

            _field = "call_control_id"
            call_control_id = cast(None | str | Unset, d.get("call_control_id", UNSET))

        except ParseError as exc:
            raise ParseError("ProviderDetails", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("ProviderDetails", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("ProviderDetails", _field, str(exc) or type(exc).__name__) from exc
        if cls is ProviderDetails:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            provider_details = _new_object(cls)
            provider_details.type_ = type_
            provider_details.phone_number = phone_number
            provider_details.status = status
            provider_details.call_sid = call_sid
            provider_details.call_control_id = call_control_id
            provider_details.additional_properties = {}
        else:
            provider_details = cls(
                type_=type_,
                phone_number=phone_number,
                status=status,
                call_sid=call_sid,
                call_control_id=call_control_id,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            provider_details.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
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
