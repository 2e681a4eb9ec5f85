# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="SipRouting")


@_attrs_define
class SipRouting:
    """
    Attributes:
        from_uri (str | Unset): SIP From URI if known at creation.
        headers (SipRoutingHeaders | Unset): Arbitrary SIP X- headers attached to the dialog.
    """

    from_uri: str | Unset = UNSET
    headers: SipRoutingHeaders | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_uri = self.from_uri

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if from_uri is not UNSET:
            field_dict["from_uri"] = from_uri
        if headers is not UNSET:
            field_dict["headers"] = headers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("SipRouting", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "from_uri"
            from_uri = d.get("from_uri", UNSET)

            _field = "headers"
            _headers = d.get("headers", UNSET)
            headers: SipRoutingHeaders | Unset
            if _headers is UNSET:
                headers = UNSET
            else:
                headers = SipRoutingHeaders.from_dict(_headers)

        except ParseError as exc:
            raise ParseError("SipRouting", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("SipRouting", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("SipRouting", _field, str(exc) or type(exc).__name__) from exc
        if cls is SipRouting:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            sip_routing = _new_object(cls)
            sip_routing.from_uri = from_uri
            sip_routing.headers = headers
            sip_routing.additional_properties = {}
        else:
            sip_routing = cls(
                from_uri=from_uri,
                headers=headers,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            sip_routing.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return sip_routing

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
        "from_uri",
        "headers",
    }
)

from ..models.sip_routing_headers import SipRoutingHeaders  # noqa: E402
