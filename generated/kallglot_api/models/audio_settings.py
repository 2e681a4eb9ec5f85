# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import ParseError, Unset
from ..types import expect_int as _int
from ..types import expect_str as _str
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class AudioSettings:
    """Audio transport hints (encoding, sample rate, channels, with the documented defaults).

    Attributes:
        encoding (str | None):
        sample_rate_hz (int | None):
        channels (int | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "encoding": "encoding",
        "sample_rate_hz": "sample_rate_hz",
        "channels": "channels",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    encoding: str | None = None
    sample_rate_hz: int | None = None
    channels: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        encoding: str | None | Unset = "mulaw",
        sample_rate_hz: int | None | Unset = 8000,
        channels: int | None | Unset = 1,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        if isinstance(encoding, Unset):
            absent.append("encoding")
            self.encoding = None
        else:
            self.encoding = encoding
        if isinstance(sample_rate_hz, Unset):
            absent.append("sample_rate_hz")
            self.sample_rate_hz = None
        else:
            self.sample_rate_hz = sample_rate_hz
        if isinstance(channels, Unset):
            absent.append("channels")
            self.channels = None
        else:
            self.channels = channels
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.encoding is not None or "encoding" in present:
            field_dict["encoding"] = self.encoding
        if self.sample_rate_hz is not None or "sample_rate_hz" in present:
            field_dict["sample_rate_hz"] = self.sample_rate_hz
        if self.channels is not None or "channels" in present:
            field_dict["channels"] = self.channels
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
            raise ParseError("AudioSettings", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            encoding = d.get("encoding")
            if encoding is not None:
                if type(encoding) is not str:
                    encoding = _str(encoding)

            elif "encoding" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            encoding = _mismatch("AudioSettings", "encoding", d, exc, strict)

        try:
            sample_rate_hz = d.get("sample_rate_hz")
            if sample_rate_hz is not None:
                if type(sample_rate_hz) is not int:
                    sample_rate_hz = _int(sample_rate_hz)

            elif "sample_rate_hz" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            sample_rate_hz = _mismatch("AudioSettings", "sample_rate_hz", d, exc, strict)

        try:
            channels = d.get("channels")
            if channels is not None:
                if type(channels) is not int:
                    channels = _int(channels)

            elif "channels" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            channels = _mismatch("AudioSettings", "channels", d, exc, strict)

        if cls is AudioSettings:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            audio_settings = _new_object(cls)
            audio_settings.encoding = encoding
            audio_settings.sample_rate_hz = sample_rate_hz
            audio_settings.channels = channels
            audio_settings.additional_properties = {}
        else:
            audio_settings = cls(
                encoding=encoding,
                sample_rate_hz=sample_rate_hz,
                channels=channels,
            )
        audio_settings._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            audio_settings.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return audio_settings

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
        "encoding",
        "sample_rate_hz",
        "channels",
    }
)
