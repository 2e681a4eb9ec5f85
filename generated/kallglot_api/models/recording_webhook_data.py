# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recording_channel import RecordingChannel
from ..models.recording_status import RecordingStatus
from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="RecordingWebhookData")


@_attrs_define
class RecordingWebhookData:
    """The `data` of `recording.ready` and `recording.failed`; fields as on a recording, none promised.

    Attributes:
        id (str | Unset):
        object_ (str | Unset):
        session_id (str | Unset):
        channel (RecordingChannel | Unset):
        status (RecordingStatus | Unset):
        duration (float | None | Unset):
        format_ (str | Unset):
        size (int | None | Unset):
        sample_rate (int | None | Unset):
        bit_depth (int | None | Unset):
        download_url (None | str | Unset):
        created_at (datetime.datetime | Unset):
        expires_at (datetime.datetime | None | Unset):
    """

    id: str | Unset = UNSET
    object_: str | Unset = UNSET
    session_id: str | Unset = UNSET
    channel: RecordingChannel | Unset = UNSET
    status: RecordingStatus | Unset = UNSET
    duration: float | None | Unset = UNSET
    format_: str | Unset = UNSET
    size: int | None | Unset = UNSET
    sample_rate: int | None | Unset = UNSET
    bit_depth: int | None | Unset = UNSET
    download_url: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        session_id = self.session_id

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        duration: float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        format_ = self.format_

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        sample_rate: int | None | Unset
        if isinstance(self.sample_rate, Unset):
            sample_rate = UNSET
        else:
            sample_rate = self.sample_rate

        bit_depth: int | None | Unset
        if isinstance(self.bit_depth, Unset):
            bit_depth = UNSET
        else:
            bit_depth = self.bit_depth

        download_url: None | str | Unset
        if isinstance(self.download_url, Unset):
            download_url = UNSET
        else:
            download_url = self.download_url

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if object_ is not UNSET:
            field_dict["object"] = object_
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if channel is not UNSET:
            field_dict["channel"] = channel
        if status is not UNSET:
            field_dict["status"] = status
        if duration is not UNSET:
            field_dict["duration"] = duration
        if format_ is not UNSET:
            field_dict["format"] = format_
        if size is not UNSET:
            field_dict["size"] = size
        if sample_rate is not UNSET:
            field_dict["sample_rate"] = sample_rate
        if bit_depth is not UNSET:
            field_dict["bit_depth"] = bit_depth
        if download_url is not UNSET:
            field_dict["download_url"] = download_url
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("RecordingWebhookData", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "id"
            id = d.get("id", UNSET)

            _field = "object"
            object_ = d.get("object", UNSET)

            _field = "session_id"
            session_id = d.get("session_id", UNSET)

            _field = "channel"
            _channel = d.get("channel", UNSET)
            channel: RecordingChannel | Unset
            if _channel is UNSET:
                channel = UNSET
            else:
                channel = RecordingChannel(_channel)

            _field = "status"
            _status = d.get("status", UNSET)
            status: RecordingStatus | Unset
            if _status is UNSET:
                status = UNSET
            else:
                status = RecordingStatus(_status)

            _field = "duration"
            duration = cast(float | None | Unset, d.get("duration", UNSET))

            _field = "format"
            format_ = d.get("format", UNSET)

            _field = "size"
            size = cast(int | None | Unset, d.get("size", UNSET))

            _field = "sample_rate"
            sample_rate = cast(int | None | Unset, d.get("sample_rate", UNSET))

            _field = "bit_depth"
            bit_depth = cast(int | None | Unset, d.get("bit_depth", UNSET))

            _field = "download_url"
            download_url = cast(None | str | Unset, d.get("download_url", UNSET))

            _field = "created_at"
            _created_at = d.get("created_at", UNSET)
            created_at: datetime.datetime | Unset
            if _created_at is UNSET:
                created_at = UNSET
            else:
                created_at = _fromisoformat(_created_at)

            _field = "expires_at"
            _expires_at = d.get("expires_at", UNSET)
            expires_at: datetime.datetime | None | Unset
            if _expires_at is None:
                expires_at = None
            elif _expires_at is UNSET:
                expires_at = UNSET
            elif isinstance(_expires_at, str):
                expires_at_type_0 = _fromisoformat(_expires_at)

                expires_at = expires_at_type_0
            else:
                raise TypeError(f"unexpected {type(_expires_at).__name__} value")

        except ParseError as exc:
            raise ParseError(
                "RecordingWebhookData", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("RecordingWebhookData", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("RecordingWebhookData", _field, str(exc) or type(exc).__name__) from exc
        if cls is RecordingWebhookData:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            recording_webhook_data = _new_object(cls)
            recording_webhook_data.id = id
            recording_webhook_data.object_ = object_
            recording_webhook_data.session_id = session_id
            recording_webhook_data.channel = channel
            recording_webhook_data.status = status
            recording_webhook_data.duration = duration
            recording_webhook_data.format_ = format_
            recording_webhook_data.size = size
            recording_webhook_data.sample_rate = sample_rate
            recording_webhook_data.bit_depth = bit_depth
            recording_webhook_data.download_url = download_url
            recording_webhook_data.created_at = created_at
            recording_webhook_data.expires_at = expires_at
            recording_webhook_data.additional_properties = {}
        else:
            recording_webhook_data = cls(
                id=id,
                object_=object_,
                session_id=session_id,
                channel=channel,
                status=status,
                duration=duration,
                format_=format_,
                size=size,
                sample_rate=sample_rate,
                bit_depth=bit_depth,
                download_url=download_url,
                created_at=created_at,
                expires_at=expires_at,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            recording_webhook_data.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return recording_webhook_data

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
        "object",
        "session_id",
        "channel",
        "status",
        "duration",
        "format",
        "size",
        "sample_rate",
        "bit_depth",
        "download_url",
        "created_at",
        "expires_at",
    }
)
