# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.routing_direction import RoutingDirection
from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="SessionRouting")


@_attrs_define
class SessionRouting:
    """Telephony routing; supply one method (phone number, connection, SIP) or omit for the default route.

    Attributes:
        phone_number (str | Unset): A Kallglot-managed number in E.164 form.
        connection_id (str | Unset): External routing connection (`pcon_…`).
        type_ (str | Unset): `sip` for SIP trunk calls.
        sip (SipRouting | Unset):
        direction (RoutingDirection | Unset):
    """

    phone_number: str | Unset = UNSET
    connection_id: str | Unset = UNSET
    type_: str | Unset = UNSET
    sip: SipRouting | Unset = UNSET
    direction: RoutingDirection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone_number = self.phone_number

        connection_id = self.connection_id

        type_ = self.type_

        sip: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sip, Unset):
            sip = self.sip.to_dict()

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if connection_id is not UNSET:
            field_dict["connection_id"] = connection_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if sip is not UNSET:
            field_dict["sip"] = sip
        if direction is not UNSET:
            field_dict["direction"] = direction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("SessionRouting", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "phone_number"
            phone_number = d.get("phone_number", UNSET)

            _field = "connection_id"
            connection_id = d.get("connection_id", UNSET)

            _field = "type"
            type_ = d.get("type", UNSET)

            _field = "sip"
            _sip = d.get("sip", UNSET)
            sip: SipRouting | Unset
            if _sip is UNSET:
                sip = UNSET
            else:
                sip = SipRouting.from_dict(_sip)

            _field = "direction"
            _direction = d.get("direction", UNSET)
            direction: RoutingDirection | Unset
            if _direction is UNSET:
                direction = UNSET
            else:
                direction = RoutingDirection(_direction)

        except ParseError as exc:
            raise ParseError("SessionRouting", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("SessionRouting", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("SessionRouting", _field, str(exc) or type(exc).__name__) from exc
        if cls is SessionRouting:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            session_routing = _new_object(cls)
            session_routing.phone_number = phone_number
            session_routing.connection_id = connection_id
            session_routing.type_ = type_
            session_routing.sip = sip
            session_routing.direction = direction
            session_routing.additional_properties = {}
        else:
            session_routing = cls(
                phone_number=phone_number,
                connection_id=connection_id,
                type_=type_,
                sip=sip,
                direction=direction,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            session_routing.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return session_routing

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
        "phone_number",
        "connection_id",
        "type",
        "sip",
        "direction",
    }
)

from ..models.sip_routing import SipRouting  # noqa: E402
