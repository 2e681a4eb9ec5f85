# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from itertools import repeat as _repeat
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_float as _float
from ..types import expect_list as _list
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import lenient_items as _items
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class AiAgentConfig:
    """Inline AI agent configuration for `ai_agent` / `help_chat_voice` sessions (older guide).

    Attributes:
        system_prompt (str | None):
        voice (str | None):
        temperature (float | None):
        knowledge_base_id (str | None):
        tools (list[AgentTool] | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "system_prompt": "system_prompt",
        "voice": "voice",
        "temperature": "temperature",
        "knowledge_base_id": "knowledge_base_id",
        "tools": "tools",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    system_prompt: str | None = None
    voice: str | None = None
    temperature: float | None = None
    knowledge_base_id: str | None = None
    tools: list[AgentTool] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        system_prompt: str | None | Unset = UNSET,
        voice: str | None | Unset = UNSET,
        temperature: float | None | Unset = UNSET,
        knowledge_base_id: str | None | Unset = UNSET,
        tools: list[AgentTool] | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        if isinstance(system_prompt, Unset):
            absent.append("system_prompt")
            self.system_prompt = None
        else:
            self.system_prompt = system_prompt
        if isinstance(voice, Unset):
            absent.append("voice")
            self.voice = None
        else:
            self.voice = voice
        if isinstance(temperature, Unset):
            absent.append("temperature")
            self.temperature = None
        else:
            self.temperature = temperature
        if isinstance(knowledge_base_id, Unset):
            absent.append("knowledge_base_id")
            self.knowledge_base_id = None
        else:
            self.knowledge_base_id = knowledge_base_id
        if isinstance(tools, Unset):
            absent.append("tools")
            self.tools = None
        else:
            self.tools = tools
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.system_prompt is not None or "system_prompt" in present:
            field_dict["system_prompt"] = self.system_prompt
        if self.voice is not None or "voice" in present:
            field_dict["voice"] = self.voice
        if self.temperature is not None or "temperature" in present:
            field_dict["temperature"] = self.temperature
        if self.knowledge_base_id is not None or "knowledge_base_id" in present:
            field_dict["knowledge_base_id"] = self.knowledge_base_id
        if self.tools is not None or "tools" in present:
            field_dict["tools"] = _jsonable(self.tools)
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
            raise ParseError("AiAgentConfig", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            system_prompt = d.get("system_prompt")
            if system_prompt is not None:
                if type(system_prompt) is not str:
                    system_prompt = _str(system_prompt)

            elif "system_prompt" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            system_prompt = _mismatch("AiAgentConfig", "system_prompt", d, exc, strict)

        try:
            voice = d.get("voice")
            if voice is not None:
                if type(voice) is not str:
                    voice = _str(voice)

            elif "voice" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            voice = _mismatch("AiAgentConfig", "voice", d, exc, strict)

        try:
            temperature = d.get("temperature")
            if temperature is not None:
                if type(temperature) is not float:
                    temperature = _float(temperature)

            elif "temperature" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            temperature = _mismatch("AiAgentConfig", "temperature", d, exc, strict)

        try:
            knowledge_base_id = d.get("knowledge_base_id")
            if knowledge_base_id is not None:
                if type(knowledge_base_id) is not str:
                    knowledge_base_id = _str(knowledge_base_id)

            elif "knowledge_base_id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            knowledge_base_id = _mismatch("AiAgentConfig", "knowledge_base_id", d, exc, strict)

        try:
            tools = d.get("tools")
            if tools is not None:
                if type(tools) is not list:
                    tools = _list(tools)
                tools = list(map(AgentTool.from_dict, tools, _repeat(strict)))

            elif "tools" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            tools = _mismatch("AiAgentConfig", "tools", d, exc, strict)
            if type(tools) is list:  # one item that is not an object keeps the others typed
                tools = _items(AgentTool, tools)

        if cls is AiAgentConfig:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            ai_agent_config = _new_object(cls)
            ai_agent_config.system_prompt = system_prompt
            ai_agent_config.voice = voice
            ai_agent_config.temperature = temperature
            ai_agent_config.knowledge_base_id = knowledge_base_id
            ai_agent_config.tools = tools
            ai_agent_config.additional_properties = {}
        else:
            ai_agent_config = cls(
                system_prompt=system_prompt,
                voice=voice,
                temperature=temperature,
                knowledge_base_id=knowledge_base_id,
                tools=tools,
            )
        ai_agent_config._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            ai_agent_config.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return ai_agent_config

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
        "system_prompt",
        "voice",
        "temperature",
        "knowledge_base_id",
        "tools",
    }
)

from ..models.agent_tool import AgentTool  # noqa: E402
