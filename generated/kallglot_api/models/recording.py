# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recording_channel import RecordingChannel
from ..models.recording_status import RecordingStatus
from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_float as _float
from ..types import expect_int as _int
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class Recording:
    """
    Attributes:
        id (str):
        object (Literal['recording']):
        session_id (str | None):
        channel (RecordingChannel | None):
        status (RecordingStatus | None):
        duration (float | None):
        format (str | None):
        size (int | None): Bytes.
        sample_rate (int | None):
        bit_depth (int | None):
        download_url (None | str): Current docs a relative API path (`/v1/recordings/{id}/audio`); older docs a pre-signed URL.
        created_at (datetime.datetime | None):
        expires_at (datetime.datetime | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "id": "id",
        "object": "object",
        "session_id": "session_id",
        "channel": "channel",
        "status": "status",
        "duration": "duration",
        "format": "format",
        "size": "size",
        "sample_rate": "sample_rate",
        "bit_depth": "bit_depth",
        "download_url": "download_url",
        "created_at": "created_at",
        "expires_at": "expires_at",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    id: str
    object: Literal["recording"]
    session_id: str | None = None
    channel: RecordingChannel | None = None
    status: RecordingStatus | None = None
    duration: float | None = None
    format: str | None = None
    size: int | None = None
    sample_rate: int | None = None
    bit_depth: int | None = None
    download_url: None | str = None
    created_at: datetime.datetime | None = None
    expires_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        id: str,
        object: Literal["recording"],
        session_id: str | None | Unset = UNSET,
        channel: RecordingChannel | None | Unset = UNSET,
        status: RecordingStatus | None | Unset = UNSET,
        duration: float | None | Unset = UNSET,
        format: str | None | Unset = UNSET,
        size: int | None | Unset = UNSET,
        sample_rate: int | None | Unset = UNSET,
        bit_depth: int | None | Unset = UNSET,
        download_url: None | str | Unset = UNSET,
        created_at: datetime.datetime | None | Unset = UNSET,
        expires_at: datetime.datetime | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.id = id
        self.object = object
        if isinstance(session_id, Unset):
            absent.append("session_id")
            self.session_id = None
        else:
            self.session_id = session_id
        if isinstance(channel, Unset):
            absent.append("channel")
            self.channel = None
        else:
            self.channel = channel
        if isinstance(status, Unset):
            absent.append("status")
            self.status = None
        else:
            self.status = status
        if isinstance(duration, Unset):
            absent.append("duration")
            self.duration = None
        else:
            self.duration = duration
        if isinstance(format, Unset):
            absent.append("format")
            self.format = None
        else:
            self.format = format
        if isinstance(size, Unset):
            absent.append("size")
            self.size = None
        else:
            self.size = size
        if isinstance(sample_rate, Unset):
            absent.append("sample_rate")
            self.sample_rate = None
        else:
            self.sample_rate = sample_rate
        if isinstance(bit_depth, Unset):
            absent.append("bit_depth")
            self.bit_depth = None
        else:
            self.bit_depth = bit_depth
        if isinstance(download_url, Unset):
            absent.append("download_url")
            self.download_url = None
        else:
            self.download_url = download_url
        if isinstance(created_at, Unset):
            absent.append("created_at")
            self.created_at = None
        else:
            self.created_at = created_at
        if isinstance(expires_at, Unset):
            absent.append("expires_at")
            self.expires_at = None
        else:
            self.expires_at = expires_at
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
        if self.object is not None or "object" in present:
            field_dict["object"] = self.object
        if self.session_id is not None or "session_id" in present:
            field_dict["session_id"] = self.session_id
        if self.channel is not None or "channel" in present:
            field_dict["channel"] = _jsonable(self.channel)
        if self.status is not None or "status" in present:
            field_dict["status"] = _jsonable(self.status)
        if self.duration is not None or "duration" in present:
            field_dict["duration"] = _jsonable(self.duration)
        if self.format is not None or "format" in present:
            field_dict["format"] = self.format
        if self.size is not None or "size" in present:
            field_dict["size"] = _jsonable(self.size)
        if self.sample_rate is not None or "sample_rate" in present:
            field_dict["sample_rate"] = _jsonable(self.sample_rate)
        if self.bit_depth is not None or "bit_depth" in present:
            field_dict["bit_depth"] = _jsonable(self.bit_depth)
        if self.download_url is not None or "download_url" in present:
            field_dict["download_url"] = _jsonable(self.download_url)
        if self.created_at is not None or "created_at" in present:
            field_dict["created_at"] = _jsonable(self.created_at)
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
            raise ParseError("Recording", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            id = d["id"]
            if type(id) is not str:
                id = _str(id)

        except _ERRORS as exc:
            id = _mismatch("Recording", "id", d, exc, strict)

        try:
            object_ = d["object"]
            if object_ != "recording":
                raise ValueError(f"must be 'recording', got {object_!r}")

        except _ERRORS as exc:
            object_ = _mismatch("Recording", "object", d, exc, strict)

        try:
            session_id = d.get("session_id")
            if session_id is not None:
                if type(session_id) is not str:
                    session_id = _str(session_id)

            elif "session_id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            session_id = _mismatch("Recording", "session_id", d, exc, strict)

        try:
            channel = d.get("channel")
            if channel is not None:
                channel = RecordingChannel(channel)

            elif "channel" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            channel = _mismatch("Recording", "channel", d, exc, strict)

        try:
            status = d.get("status")
            if status is not None:
                status = RecordingStatus(status)

            elif "status" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            status = _mismatch("Recording", "status", d, exc, strict)

        try:
            duration = d.get("duration")
            if duration is not None:
                if type(duration) is not float:
                    duration = _float(duration)

        except _ERRORS as exc:
            duration = _mismatch("Recording", "duration", d, exc, strict)

        try:
            format_ = d.get("format")
            if format_ is not None:
                if type(format_) is not str:
                    format_ = _str(format_)

            elif "format" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            format_ = _mismatch("Recording", "format", d, exc, strict)

        try:
            size = d.get("size")
            if size is not None:
                if type(size) is not int:
                    size = _int(size)

        except _ERRORS as exc:
            size = _mismatch("Recording", "size", d, exc, strict)

        try:
            sample_rate = d.get("sample_rate")
            if sample_rate is not None:
                if type(sample_rate) is not int:
                    sample_rate = _int(sample_rate)

        except _ERRORS as exc:
            sample_rate = _mismatch("Recording", "sample_rate", d, exc, strict)

        try:
            bit_depth = d.get("bit_depth")
            if bit_depth is not None:
                if type(bit_depth) is not int:
                    bit_depth = _int(bit_depth)

        except _ERRORS as exc:
            bit_depth = _mismatch("Recording", "bit_depth", d, exc, strict)

        try:
            download_url = d.get("download_url")
            if download_url is not None:
                if type(download_url) is not str:
                    download_url = _str(download_url)

        except _ERRORS as exc:
            download_url = _mismatch("Recording", "download_url", d, exc, strict)

        try:
            created_at = d.get("created_at")
            if created_at is not None:
                created_at = _fromisoformat(created_at)

            elif "created_at" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            created_at = _mismatch("Recording", "created_at", d, exc, strict)

        try:
            expires_at = d.get("expires_at")
            if expires_at is not None:
                expires_at = _fromisoformat(expires_at)

        except _ERRORS as exc:
            expires_at = _mismatch("Recording", "expires_at", d, exc, strict)

        if cls is Recording:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            recording = _new_object(cls)
            recording.id = id
            recording.object = object_
            recording.session_id = session_id
            recording.channel = channel
            recording.status = status
            recording.duration = duration
            recording.format = format_
            recording.size = size
            recording.sample_rate = sample_rate
            recording.bit_depth = bit_depth
            recording.download_url = download_url
            recording.created_at = created_at
            recording.expires_at = expires_at
            recording.additional_properties = {}
        else:
            recording = cls(
                id=id,
                object=object_,
                session_id=session_id,
                channel=channel,
                status=status,
                duration=duration,
                format=format_,
                size=size,
                sample_rate=sample_rate,
                bit_depth=bit_depth,
                download_url=download_url,
                created_at=created_at,
                expires_at=expires_at,
            )
        recording._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            recording.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return recording

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
