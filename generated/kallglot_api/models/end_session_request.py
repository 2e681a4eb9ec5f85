# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.end_reason import EndReason
from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="EndSessionRequest")


@_attrs_define
class EndSessionRequest:
    """Older docs only; the current docs send no body.

    Attributes:
        reason (EndReason | Unset):
    """

    reason: EndReason | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("EndSessionRequest", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "reason"
            _reason = d.get("reason", UNSET)
            reason: EndReason | Unset
            if _reason is UNSET:
                reason = UNSET
            else:
                reason = EndReason(_reason)

        except ParseError as exc:
            raise ParseError("EndSessionRequest", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("EndSessionRequest", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("EndSessionRequest", _field, str(exc) or type(exc).__name__) from exc
        if cls is EndSessionRequest:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            end_session_request = _new_object(cls)
            end_session_request.reason = reason
            end_session_request.additional_properties = {}
        else:
            end_session_request = cls(
                reason=reason,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            end_session_request.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return end_session_request

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
        "reason",
    }
)
