# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
class ErrorDetail:
    """
    Attributes:
        type_ (str): High-level category (authentication_error, permission_error, …).
        code (str): Machine-readable code (insufficient_api_credits, …).
        message (str):
        param (None | str | Unset):
        request_id (None | str | Unset):
        retry_after (float | None | Unset): Seconds to wait (limit and conflict errors).
        doc_url (None | str | Unset): Older docs.
    """

    type_: str
    code: str
    message: str
    param: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    retry_after: float | None | Unset = UNSET
    doc_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        code = self.code

        message = self.message

        param: None | str | Unset
        if isinstance(self.param, Unset):
            param = UNSET
        else:
            param = self.param

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        retry_after: float | None | Unset
        if isinstance(self.retry_after, Unset):
            retry_after = UNSET
        else:
            retry_after = self.retry_after

        doc_url: None | str | Unset
        if isinstance(self.doc_url, Unset):
            doc_url = UNSET
        else:
            doc_url = self.doc_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "code": code,
                "message": message,
            }
        )
        if param is not UNSET:
            field_dict["param"] = param
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if retry_after is not UNSET:
            field_dict["retry_after"] = retry_after
        if doc_url is not UNSET:
            field_dict["doc_url"] = doc_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("ErrorDetail", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "type"
            type_ = d["type"]

            _field = "code"
            code = d["code"]

            _field = "message"
            message = d["message"]

            _field = "param"
            param = cast(None | str | Unset, d.get("param", UNSET))

            _field = "request_id"
            request_id = cast(None | str | Unset, d.get("request_id", UNSET))

            _field = "retry_after"
            retry_after = cast(float | None | Unset, d.get("retry_after", UNSET))

            _field = "doc_url"
            doc_url = cast(None | str | Unset, d.get("doc_url", UNSET))

        except ParseError as exc:
            raise ParseError("ErrorDetail", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("ErrorDetail", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("ErrorDetail", _field, str(exc) or type(exc).__name__) from exc
        if cls is ErrorDetail:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            error_detail = _new_object(cls)
            error_detail.type_ = type_
            error_detail.code = code
            error_detail.message = message
            error_detail.param = param
            error_detail.request_id = request_id
            error_detail.retry_after = retry_after
            error_detail.doc_url = doc_url
            error_detail.additional_properties = {}
        else:
            error_detail = cls(
                type_=type_,
                code=code,
                message=message,
                param=param,
                request_id=request_id,
                retry_after=retry_after,
                doc_url=doc_url,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            error_detail.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return error_detail

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
        "param",
        "request_id",
        "retry_after",
        "doc_url",
    }
)
