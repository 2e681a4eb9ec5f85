# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.routing_direction import RoutingDirection
from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class SessionRouting:
    """Telephony routing; supply one method (phone number, connection, SIP) or omit for the default route.

    Attributes:
        phone_number (str | None): A Kallglot-managed number in E.164 form.
        connection_id (str | None): External routing connection (`pcon_…`).
        type (str | None): `sip` for SIP trunk calls.
        sip (SipRouting | None):
        direction (RoutingDirection | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "phone_number": "phone_number",
        "connection_id": "connection_id",
        "type": "type",
        "sip": "sip",
        "direction": "direction",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    phone_number: str | None = None
    connection_id: str | None = None
    type: str | None = None
    sip: SipRouting | None = None
    direction: RoutingDirection | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        phone_number: str | None | Unset = UNSET,
        connection_id: str | None | Unset = UNSET,
        type: str | None | Unset = UNSET,
        sip: SipRouting | None | Unset = UNSET,
        direction: RoutingDirection | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        if isinstance(phone_number, Unset):
            absent.append("phone_number")
            self.phone_number = None
        else:
            self.phone_number = phone_number
        if isinstance(connection_id, Unset):
            absent.append("connection_id")
            self.connection_id = None
        else:
            self.connection_id = connection_id
        if isinstance(type, Unset):
            absent.append("type")
            self.type = None
        else:
            self.type = type
        if isinstance(sip, Unset):
            absent.append("sip")
            self.sip = None
        else:
            self.sip = sip
        if isinstance(direction, Unset):
            absent.append("direction")
            self.direction = None
        else:
            self.direction = direction
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.phone_number is not None or "phone_number" in present:
            field_dict["phone_number"] = self.phone_number
        if self.connection_id is not None or "connection_id" in present:
            field_dict["connection_id"] = self.connection_id
        if self.type is not None or "type" in present:
            field_dict["type"] = self.type
        if self.sip is not None or "sip" in present:
            field_dict["sip"] = _jsonable(self.sip)
        if self.direction is not None or "direction" in present:
            field_dict["direction"] = _jsonable(self.direction)
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
            raise ParseError("SessionRouting", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            phone_number = d.get("phone_number")
            if phone_number is not None:
                if type(phone_number) is not str:
                    phone_number = _str(phone_number)

            elif "phone_number" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            phone_number = _mismatch("SessionRouting", "phone_number", d, exc, strict)

        try:
            connection_id = d.get("connection_id")
            if connection_id is not None:
                if type(connection_id) is not str:
                    connection_id = _str(connection_id)

            elif "connection_id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            connection_id = _mismatch("SessionRouting", "connection_id", d, exc, strict)

        try:
            type_ = d.get("type")
            if type_ is not None:
                if type(type_) is not str:
                    type_ = _str(type_)

            elif "type" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            type_ = _mismatch("SessionRouting", "type", d, exc, strict)

        try:
            sip = d.get("sip")
            if sip is not None:
                sip = SipRouting.from_dict(sip, strict)

            elif "sip" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            sip = _mismatch("SessionRouting", "sip", d, exc, strict)

        try:
            direction = d.get("direction")
            if direction is not None:
                direction = RoutingDirection(direction)

            elif "direction" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            direction = _mismatch("SessionRouting", "direction", d, exc, strict)

        if cls is SessionRouting:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            session_routing = _new_object(cls)
            session_routing.phone_number = phone_number
            session_routing.connection_id = connection_id
            session_routing.type = type_
            session_routing.sip = sip
            session_routing.direction = direction
            session_routing.additional_properties = {}
        else:
            session_routing = cls(
                phone_number=phone_number,
                connection_id=connection_id,
                type=type_,
                sip=sip,
                direction=direction,
            )
        session_routing._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            session_routing.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
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
