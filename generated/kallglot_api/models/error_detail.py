# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_float as _float
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class ErrorDetail:
    """
    Attributes:
        type (str): High-level category (authentication_error, permission_error, …).
        code (str): Machine-readable code (insufficient_api_credits, …).
        message (str):
        param (None | str):
        request_id (None | str):
        retry_after (float | None): Seconds to wait (limit and conflict errors).
        doc_url (None | str): Older docs.
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "type": "type",
        "code": "code",
        "message": "message",
        "param": "param",
        "request_id": "request_id",
        "retry_after": "retry_after",
        "doc_url": "doc_url",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    type: str
    code: str
    message: str
    param: None | str = None
    request_id: None | str = None
    retry_after: float | None = None
    doc_url: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        type: str,
        code: str,
        message: str,
        param: None | str | Unset = UNSET,
        request_id: None | str | Unset = UNSET,
        retry_after: float | None | Unset = UNSET,
        doc_url: None | str | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.type = type
        self.code = code
        self.message = message
        if isinstance(param, Unset):
            absent.append("param")
            self.param = None
        else:
            self.param = param
        if isinstance(request_id, Unset):
            absent.append("request_id")
            self.request_id = None
        else:
            self.request_id = request_id
        if isinstance(retry_after, Unset):
            absent.append("retry_after")
            self.retry_after = None
        else:
            self.retry_after = retry_after
        if isinstance(doc_url, Unset):
            absent.append("doc_url")
            self.doc_url = None
        else:
            self.doc_url = doc_url
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.type is not None or "type" in present:
            field_dict["type"] = self.type
        if self.code is not None or "code" in present:
            field_dict["code"] = self.code
        if self.message is not None or "message" in present:
            field_dict["message"] = self.message
        if self.param is not None or "param" in present:
            field_dict["param"] = _jsonable(self.param)
        if self.request_id is not None or "request_id" in present:
            field_dict["request_id"] = _jsonable(self.request_id)
        if self.retry_after is not None or "retry_after" in present:
            field_dict["retry_after"] = _jsonable(self.retry_after)
        if self.doc_url is not None or "doc_url" in present:
            field_dict["doc_url"] = _jsonable(self.doc_url)
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
            raise ParseError("ErrorDetail", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            type_ = d["type"]
            if type(type_) is not str:
                type_ = _str(type_)

        except _ERRORS as exc:
            type_ = _mismatch("ErrorDetail", "type", d, exc, strict)

        try:
            code = d["code"]
            if type(code) is not str:
                code = _str(code)

        except _ERRORS as exc:
            code = _mismatch("ErrorDetail", "code", d, exc, strict)

        try:
            message = d["message"]
            if type(message) is not str:
                message = _str(message)

        except _ERRORS as exc:
            message = _mismatch("ErrorDetail", "message", d, exc, strict)

        try:
            param = d.get("param")
            if param is not None:
                if type(param) is not str:
                    param = _str(param)

        except _ERRORS as exc:
            param = _mismatch("ErrorDetail", "param", d, exc, strict)

        try:
            request_id = d.get("request_id")
            if request_id is not None:
                if type(request_id) is not str:
                    request_id = _str(request_id)

        except _ERRORS as exc:
            request_id = _mismatch("ErrorDetail", "request_id", d, exc, strict)

        try:
            retry_after = d.get("retry_after")
            if retry_after is not None:
                if type(retry_after) is not float:
                    retry_after = _float(retry_after)

        except _ERRORS as exc:
            retry_after = _mismatch("ErrorDetail", "retry_after", d, exc, strict)

        try:
            doc_url = d.get("doc_url")
            if doc_url is not None:
                if type(doc_url) is not str:
                    doc_url = _str(doc_url)

        except _ERRORS as exc:
            doc_url = _mismatch("ErrorDetail", "doc_url", d, exc, strict)

        if cls is ErrorDetail:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            error_detail = _new_object(cls)
            error_detail.type = type_
            error_detail.code = code
            error_detail.message = message
            error_detail.param = param
            error_detail.request_id = request_id
            error_detail.retry_after = retry_after
            error_detail.doc_url = doc_url
            error_detail.additional_properties = {}
        else:
            error_detail = cls(
                type=type_,
                code=code,
                message=message,
                param=param,
                request_id=request_id,
                retry_after=retry_after,
                doc_url=doc_url,
            )
        error_detail._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            error_detail.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
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
