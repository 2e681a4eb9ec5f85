# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="SessionErrorEvent")


@_attrs_define
class SessionErrorEvent:
    """
    Attributes:
        type_ (Literal['session.error']):
        code (str | Unset):
        message (str | Unset):
    """

    type_: Literal["session.error"]
    code: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("SessionErrorEvent", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "type"
            type_ = cast(Literal["session.error"], d["type"])
            if type_ != "session.error":
                raise ValueError(f"type must match const 'session.error', got '{type_}'")

            _field = "code"
            code = d.get("code", UNSET)

            _field = "message"
            message = d.get("message", UNSET)

        except ParseError as exc:
            raise ParseError("SessionErrorEvent", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("SessionErrorEvent", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("SessionErrorEvent", _field, str(exc) or type(exc).__name__) from exc
        if cls is SessionErrorEvent:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            session_error_event = _new_object(cls)
            session_error_event.type_ = type_
            session_error_event.code = code
            session_error_event.message = message
            session_error_event.additional_properties = {}
        else:
            session_error_event = cls(
                type_=type_,
                code=code,
                message=message,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            session_error_event.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return session_error_event

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
        "code",
        "message",
    }
)
