# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_str as _str
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class PongEvent:
    """
    Attributes:
        type (Literal['pong']):
        session_id (str | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "type": "type",
        "session_id": "session_id",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    type: Literal["pong"]
    session_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        type: Literal["pong"],
        session_id: str | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.type = type
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
        if self.type is not None or "type" in present:
            field_dict["type"] = self.type
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
            raise ParseError("PongEvent", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            type_ = d["type"]
            if type_ != "pong":
                raise ValueError(f"must be 'pong', got {type_!r}")

        except _ERRORS as exc:
            type_ = _mismatch("PongEvent", "type", d, exc, strict)

        try:
            session_id = d.get("session_id")
            if session_id is not None:
                if type(session_id) is not str:
                    session_id = _str(session_id)

            elif "session_id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            session_id = _mismatch("PongEvent", "session_id", d, exc, strict)

        if cls is PongEvent:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            pong_event = _new_object(cls)
            pong_event.type = type_
            pong_event.session_id = session_id
            pong_event.additional_properties = {}
        else:
            pong_event = cls(
                type=type_,
                session_id=session_id,
            )
        pong_event._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            pong_event.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return pong_event

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
        "session_id",
    }
)
