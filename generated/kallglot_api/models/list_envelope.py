# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="ListEnvelope")


@_attrs_define
class ListEnvelope:
    """The envelope every list response shares.

    Attributes:
        object_ (Literal['list']):
        data (list[ListEnvelopeDataItem]):
        has_more (bool | Unset):
        url (str | Unset):
    """

    object_: Literal["list"]
    data: list[ListEnvelopeDataItem]
    has_more: bool | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        has_more = self.has_more

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "data": data,
            }
        )
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("ListEnvelope", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "object"
            object_ = cast(Literal["list"], d["object"])
            if object_ != "list":
                raise ValueError(f"object must match const 'list', got '{object_}'")

            _field = "data"
            _data = d["data"]
            data = list(map(ListEnvelopeDataItem.from_dict, _data))

            _field = "has_more"
            has_more = d.get("has_more", UNSET)

            _field = "url"
            url = d.get("url", UNSET)

        except ParseError as exc:
            raise ParseError("ListEnvelope", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("ListEnvelope", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("ListEnvelope", _field, str(exc) or type(exc).__name__) from exc
        if cls is ListEnvelope:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            list_envelope = _new_object(cls)
            list_envelope.object_ = object_
            list_envelope.data = data
            list_envelope.has_more = has_more
            list_envelope.url = url
            list_envelope.additional_properties = {}
        else:
            list_envelope = cls(
                object_=object_,
                data=data,
                has_more=has_more,
                url=url,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            list_envelope.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return list_envelope

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
        "object",
        "data",
        "has_more",
        "url",
    }
)

from ..models.list_envelope_data_item import ListEnvelopeDataItem  # noqa: E402
