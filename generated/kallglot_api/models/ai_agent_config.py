# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="AiAgentConfig")


@_attrs_define
class AiAgentConfig:
    """Inline AI agent configuration for `ai_agent` / `help_chat_voice` sessions (older guide).

    Attributes:
        system_prompt (str | Unset):
        voice (str | Unset):
        temperature (float | Unset):
        knowledge_base_id (str | Unset):
        tools (list[AgentTool] | Unset):
    """

    system_prompt: str | Unset = UNSET
    voice: str | Unset = UNSET
    temperature: float | Unset = UNSET
    knowledge_base_id: str | Unset = UNSET
    tools: list[AgentTool] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        system_prompt = self.system_prompt

        voice = self.voice

        temperature = self.temperature

        knowledge_base_id = self.knowledge_base_id

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if system_prompt is not UNSET:
            field_dict["system_prompt"] = system_prompt
        if voice is not UNSET:
            field_dict["voice"] = voice
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if knowledge_base_id is not UNSET:
            field_dict["knowledge_base_id"] = knowledge_base_id
        if tools is not UNSET:
            field_dict["tools"] = tools

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("AiAgentConfig", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "system_prompt"
            system_prompt = d.get("system_prompt", UNSET)

            _field = "voice"
            voice = d.get("voice", UNSET)

            _field = "temperature"
            temperature = d.get("temperature", UNSET)

            _field = "knowledge_base_id"
            knowledge_base_id = d.get("knowledge_base_id", UNSET)

            _field = "tools"
            _tools = d.get("tools", UNSET)
            tools: list[AgentTool] | Unset = UNSET
            if _tools is not UNSET:
                tools = list(map(AgentTool.from_dict, _tools))

        except ParseError as exc:
            raise ParseError("AiAgentConfig", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("AiAgentConfig", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("AiAgentConfig", _field, str(exc) or type(exc).__name__) from exc
        if cls is AiAgentConfig:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
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

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            ai_agent_config.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
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
