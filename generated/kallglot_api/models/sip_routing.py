# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class SipRouting:
    """
    Attributes:
        from_uri (str | None): SIP From URI if known at creation.
        headers (SipRoutingHeaders | None): Arbitrary SIP X- headers attached to the dialog.
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "from_uri": "from_uri",
        "headers": "headers",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    from_uri: str | None = None
    headers: SipRoutingHeaders | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        from_uri: str | None | Unset = UNSET,
        headers: SipRoutingHeaders | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        if isinstance(from_uri, Unset):
            absent.append("from_uri")
            self.from_uri = None
        else:
            self.from_uri = from_uri
        if isinstance(headers, Unset):
            absent.append("headers")
            self.headers = None
        else:
            self.headers = headers
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.from_uri is not None or "from_uri" in present:
            field_dict["from_uri"] = self.from_uri
        if self.headers is not None or "headers" in present:
            field_dict["headers"] = _jsonable(self.headers)
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
            raise ParseError("SipRouting", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            from_uri = d.get("from_uri")
            if from_uri is not None:
                if type(from_uri) is not str:
                    from_uri = _str(from_uri)

            elif "from_uri" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            from_uri = _mismatch("SipRouting", "from_uri", d, exc, strict)

        try:
            headers = d.get("headers")
            if headers is not None:
                headers = SipRoutingHeaders.from_dict(headers, strict)

            elif "headers" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            headers = _mismatch("SipRouting", "headers", d, exc, strict)

        if cls is SipRouting:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            sip_routing = _new_object(cls)
            sip_routing.from_uri = from_uri
            sip_routing.headers = headers
            sip_routing.additional_properties = {}
        else:
            sip_routing = cls(
                from_uri=from_uri,
                headers=headers,
            )
        sip_routing._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            sip_routing.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return sip_routing

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
        "from_uri",
        "headers",
    }
)

from ..models.sip_routing_headers import SipRoutingHeaders  # noqa: E402
