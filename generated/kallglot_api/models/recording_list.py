# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from itertools import repeat as _repeat
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_bool as _bool
from ..types import expect_list as _list
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import lenient_items as _items
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class RecordingList:
    """
    Attributes:
        object (Literal['list']):
        data (list[Recording]):
        has_more (bool | None): Absent in the docs' examples; treat absence as false.
        url (str | None):
        session_id (str | None): Older docs.
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "object": "object",
        "data": "data",
        "has_more": "has_more",
        "url": "url",
        "session_id": "session_id",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    object: Literal["list"]
    data: list[Recording]
    has_more: bool | None = None
    url: str | None = None
    session_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        object: Literal["list"],
        data: list[Recording],
        has_more: bool | None | Unset = UNSET,
        url: str | None | Unset = UNSET,
        session_id: str | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.object = object
        self.data = data
        if isinstance(has_more, Unset):
            absent.append("has_more")
            self.has_more = None
        else:
            self.has_more = has_more
        if isinstance(url, Unset):
            absent.append("url")
            self.url = None
        else:
            self.url = url
        if isinstance(session_id, Unset):
            absent.append("session_id")
            self.session_id = None
        else:
            self.session_id = session_id
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.object is not None or "object" in present:
            field_dict["object"] = self.object
        if self.data is not None or "data" in present:
            field_dict["data"] = _jsonable(self.data)
        if self.has_more is not None or "has_more" in present:
            field_dict["has_more"] = self.has_more
        if self.url is not None or "url" in present:
            field_dict["url"] = self.url
        if self.session_id is not None or "session_id" in present:
            field_dict["session_id"] = self.session_id
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
            raise ParseError("RecordingList", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            object_ = d["object"]
            if object_ != "list":
                raise ValueError(f"must be 'list', got {object_!r}")

        except _ERRORS as exc:
            object_ = _mismatch("RecordingList", "object", d, exc, strict)

        try:
            data = d["data"]
            if type(data) is not list:
                data = _list(data)
            data = list(map(Recording.from_dict, data, _repeat(strict)))

        except _ERRORS as exc:
            data = _mismatch("RecordingList", "data", d, exc, strict)
            if type(data) is list:  # one item that is not an object keeps the others typed
                data = _items(Recording, data)

        try:
            has_more = d.get("has_more")
            if has_more is not None:
                if type(has_more) is not bool:
                    has_more = _bool(has_more)

            elif "has_more" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            has_more = _mismatch("RecordingList", "has_more", d, exc, strict)

        try:
            url = d.get("url")
            if url is not None:
                if type(url) is not str:
                    url = _str(url)

            elif "url" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            url = _mismatch("RecordingList", "url", d, exc, strict)

        try:
            session_id = d.get("session_id")
            if session_id is not None:
                if type(session_id) is not str:
                    session_id = _str(session_id)

            elif "session_id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            session_id = _mismatch("RecordingList", "session_id", d, exc, strict)

        if cls is RecordingList:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            recording_list = _new_object(cls)
            recording_list.object = object_
            recording_list.data = data
            recording_list.has_more = has_more
            recording_list.url = url
            recording_list.session_id = session_id
            recording_list.additional_properties = {}
        else:
            recording_list = cls(
                object=object_,
                data=data,
                has_more=has_more,
                url=url,
                session_id=session_id,
            )
        recording_list._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            recording_list.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return recording_list

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
        "session_id",
    }
)

from ..models.recording import Recording  # noqa: E402
