# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType
from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class AnalysisWebhookEvent:
    """
    Attributes:
        id (str):
        type (WebhookEventType):
        created_at (datetime.datetime):
        data (AnalysisWebhookData): The `data` of `analysis.complete` and `analysis.failed`; fields as on an analysis, none promised.
        api_version (str | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "id": "id",
        "type": "type",
        "created_at": "created_at",
        "data": "data",
        "api_version": "api_version",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    id: str
    type: WebhookEventType
    created_at: datetime.datetime
    data: AnalysisWebhookData
    api_version: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        id: str,
        type: WebhookEventType,
        created_at: datetime.datetime,
        data: AnalysisWebhookData,
        api_version: str | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.id = id
        self.type = type
        self.created_at = created_at
        self.data = data
        if isinstance(api_version, Unset):
            absent.append("api_version")
            self.api_version = None
        else:
            self.api_version = api_version
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.id is not None or "id" in present:
            field_dict["id"] = self.id
        if self.type is not None or "type" in present:
            field_dict["type"] = _jsonable(self.type)
        if self.created_at is not None or "created_at" in present:
            field_dict["created_at"] = _jsonable(self.created_at)
        if self.data is not None or "data" in present:
            field_dict["data"] = _jsonable(self.data)
        if self.api_version is not None or "api_version" in present:
            field_dict["api_version"] = self.api_version
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
            raise ParseError("AnalysisWebhookEvent", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            id = d["id"]
            if type(id) is not str:
                id = _str(id)

        except _ERRORS as exc:
            id = _mismatch("AnalysisWebhookEvent", "id", d, exc, strict)

        try:
            type_ = d["type"]
            type_ = WebhookEventType(type_)

        except _ERRORS as exc:
            type_ = _mismatch("AnalysisWebhookEvent", "type", d, exc, strict)

        try:
            created_at = d["created_at"]
            created_at = _fromisoformat(created_at)

        except _ERRORS as exc:
            created_at = _mismatch("AnalysisWebhookEvent", "created_at", d, exc, strict)

        try:
            data = d["data"]
            data = AnalysisWebhookData.from_dict(data, strict)

        except _ERRORS as exc:
            data = _mismatch("AnalysisWebhookEvent", "data", d, exc, strict)

        try:
            api_version = d.get("api_version")
            if api_version is not None:
                if type(api_version) is not str:
                    api_version = _str(api_version)

            elif "api_version" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            api_version = _mismatch("AnalysisWebhookEvent", "api_version", d, exc, strict)

        if cls is AnalysisWebhookEvent:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            analysis_webhook_event = _new_object(cls)
            analysis_webhook_event.id = id
            analysis_webhook_event.type = type_
            analysis_webhook_event.created_at = created_at
            analysis_webhook_event.data = data
            analysis_webhook_event.api_version = api_version
            analysis_webhook_event.additional_properties = {}
        else:
            analysis_webhook_event = cls(
                id=id,
                type=type_,
                created_at=created_at,
                data=data,
                api_version=api_version,
            )
        analysis_webhook_event._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            analysis_webhook_event.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return analysis_webhook_event

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
        "id",
        "type",
        "created_at",
        "data",
        "api_version",
    }
)

from ..models.analysis_webhook_data import AnalysisWebhookData  # noqa: E402
