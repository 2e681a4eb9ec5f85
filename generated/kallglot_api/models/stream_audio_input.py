# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import ParseError
from ..types import expect_str as _str
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class StreamAudioInput:
    """
    Attributes:
        encoding (Literal['mulaw']):
        sample_rate_hz (Literal[8000]):
        payload (str): Base64 G.711 mu-law, one channel.
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "encoding": "encoding",
        "sample_rate_hz": "sample_rate_hz",
        "payload": "payload",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    encoding: Literal["mulaw"]
    sample_rate_hz: Literal[8000]
    payload: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        encoding: Literal["mulaw"],
        sample_rate_hz: Literal[8000],
        payload: str,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        self.encoding = encoding
        self.sample_rate_hz = sample_rate_hz
        self.payload = payload
        self.additional_properties = {}
        self._present = tuple(self.API_NAMES)

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
        if self.payload is not None or "payload" in present:
            field_dict["payload"] = self.payload
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
            raise ParseError("StreamAudioInput", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            encoding = d["encoding"]
            if encoding != "mulaw":
                raise ValueError(f"must be 'mulaw', got {encoding!r}")

        except _ERRORS as exc:
            encoding = _mismatch("StreamAudioInput", "encoding", d, exc, strict)

        try:
            sample_rate_hz = d["sample_rate_hz"]
            if sample_rate_hz != 8000:
                raise ValueError(f"must be 8000, got {sample_rate_hz!r}")

        except _ERRORS as exc:
            sample_rate_hz = _mismatch("StreamAudioInput", "sample_rate_hz", d, exc, strict)

        try:
            payload = d["payload"]
            if type(payload) is not str:
                payload = _str(payload)

        except _ERRORS as exc:
            payload = _mismatch("StreamAudioInput", "payload", d, exc, strict)

        if cls is StreamAudioInput:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            stream_audio_input = _new_object(cls)
            stream_audio_input.encoding = encoding
            stream_audio_input.sample_rate_hz = sample_rate_hz
            stream_audio_input.payload = payload
            stream_audio_input.additional_properties = {}
        else:
            stream_audio_input = cls(
                encoding=encoding,
                sample_rate_hz=sample_rate_hz,
                payload=payload,
            )
        stream_audio_input._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            stream_audio_input.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return stream_audio_input

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
        "payload",
    }
)
