# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import ParseError

T = TypeVar("T", bound="StreamInfo")


@_attrs_define
class StreamInfo:
    """Where and how to open the session's live stream.

    Attributes:
        url (str): WebSocket URL; connect with `?token=` appended.
        token (str): Short-lived stream token (a secret), checked only at connect.
        expires_at (datetime.datetime): When the token stops being accepted for new connections.
    """

    url: str
    token: str = _attrs_field(repr=False)
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        token = self.token

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "token": token,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("StreamInfo", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "url"
            url = d["url"]

            _field = "token"
            token = d["token"]

            _field = "expires_at"
            expires_at = _fromisoformat(d["expires_at"])

        except ParseError as exc:
            raise ParseError("StreamInfo", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("StreamInfo", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("StreamInfo", _field, str(exc) or type(exc).__name__) from exc
        if cls is StreamInfo:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            stream_info = _new_object(cls)
            stream_info.url = url
            stream_info.token = token
            stream_info.expires_at = expires_at
            stream_info.additional_properties = {}
        else:
            stream_info = cls(
                url=url,
                token=token,
                expires_at=expires_at,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            stream_info.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return stream_info

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
_fromisoformat = datetime.datetime.fromisoformat  # bound once: a timestamp per transcript turn adds up
_KNOWN_KEYS = frozenset(
    {
        "url",
        "token",
        "expires_at",
    }
)
