# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="RecordingWebhookEvent")


@_attrs_define
class RecordingWebhookEvent:
    """
    Attributes:
        id (str):
        type_ (WebhookEventType):
        created_at (datetime.datetime):
        data (RecordingWebhookData): The `data` of `recording.ready` and `recording.failed`; fields as on a recording,
            none promised.
        api_version (str | Unset):
    """

    id: str
    type_: WebhookEventType
    created_at: datetime.datetime
    data: RecordingWebhookData
    api_version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        api_version = self.api_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "created_at": created_at,
                "data": data,
            }
        )
        if api_version is not UNSET:
            field_dict["api_version"] = api_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("RecordingWebhookEvent", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "id"
            id = d["id"]

            _field = "type"
            type_ = WebhookEventType(d["type"])

            _field = "created_at"
            created_at = _fromisoformat(d["created_at"])

            _field = "data"
            data = RecordingWebhookData.from_dict(d["data"])

            _field = "api_version"
            api_version = d.get("api_version", UNSET)

        except ParseError as exc:
            raise ParseError(
                "RecordingWebhookEvent", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("RecordingWebhookEvent", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("RecordingWebhookEvent", _field, str(exc) or type(exc).__name__) from exc
        if cls is RecordingWebhookEvent:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            recording_webhook_event = _new_object(cls)
            recording_webhook_event.id = id
            recording_webhook_event.type_ = type_
            recording_webhook_event.created_at = created_at
            recording_webhook_event.data = data
            recording_webhook_event.api_version = api_version
            recording_webhook_event.additional_properties = {}
        else:
            recording_webhook_event = cls(
                id=id,
                type_=type_,
                created_at=created_at,
                data=data,
                api_version=api_version,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            recording_webhook_event.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return recording_webhook_event

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
        "id",
        "type",
        "created_at",
        "data",
        "api_version",
    }
)

from ..models.recording_webhook_data import RecordingWebhookData  # noqa: E402
