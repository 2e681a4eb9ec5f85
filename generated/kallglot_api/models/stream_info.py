# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import ParseError
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class StreamInfo:
    """Where and how to open the session's live stream.

    Attributes:
        url (str): WebSocket URL; connect with `?token=` appended.
        token (str): Short-lived stream token (a secret), checked only at connect.
        expires_at (datetime.datetime): When the token stops being accepted for new connections.
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "url": "url",
        "token": "token",
        "expires_at": "expires_at",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "token",
        }
    )

    url: str
    token: str
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        url: str,
        token: str,
        expires_at: datetime.datetime,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        self.url = url
        self.token = token
        self.expires_at = expires_at
        self.additional_properties = {}
        self._present = tuple(self.API_NAMES)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.url is not None or "url" in present:
            field_dict["url"] = self.url
        if self.token is not None or "token" in present:
            field_dict["token"] = self.token
        if self.expires_at is not None or "expires_at" in present:
            field_dict["expires_at"] = _jsonable(self.expires_at)
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
            raise ParseError("StreamInfo", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            url = d["url"]
            if type(url) is not str:
                url = _str(url)

        except _ERRORS as exc:
            url = _mismatch("StreamInfo", "url", d, exc, strict)

        try:
            token = d["token"]
            if type(token) is not str:
                token = _str(token)

        except _ERRORS as exc:
            token = _mismatch("StreamInfo", "token", d, exc, strict)

        try:
            expires_at = d["expires_at"]
            expires_at = _fromisoformat(expires_at)

        except _ERRORS as exc:
            expires_at = _mismatch("StreamInfo", "expires_at", d, exc, strict)

        if cls is StreamInfo:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
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
        stream_info._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            stream_info.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
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
_date_fromisoformat = datetime.date.fromisoformat
_KNOWN_KEYS = frozenset(
    {
        "url",
        "token",
        "expires_at",
    }
)
