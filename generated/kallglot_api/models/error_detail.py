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
        if not isinstance(src_dict, Mapping):
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

            def _parse_param(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            param = _parse_param(d.get("param", UNSET))

            _field = "request_id"

            def _parse_request_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            request_id = _parse_request_id(d.get("request_id", UNSET))

            _field = "retry_after"

            def _parse_retry_after(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(float | None | Unset, data)

            retry_after = _parse_retry_after(d.get("retry_after", UNSET))

            _field = "doc_url"

            def _parse_doc_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            doc_url = _parse_doc_url(d.get("doc_url", UNSET))

        except ParseError as exc:
            raise ParseError("ErrorDetail", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("ErrorDetail", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("ErrorDetail", _field, str(exc) or type(exc).__name__) from exc
        error_detail = cls(
            type_=type_,
            code=code,
            message=message,
            param=param,
            request_id=request_id,
            retry_after=retry_after,
            doc_url=doc_url,
        )

        extra = src_dict.keys() - _KNOWN_KEYS
        if extra:
            error_detail.additional_properties = {k: src_dict[k] for k in extra}
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
