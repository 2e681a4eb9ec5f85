# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="AgentTool")


@_attrs_define
class AgentTool:
    """
    Attributes:
        name (str):
        description (str | Unset):
        parameters (AgentToolParameters | Unset): JSON Schema of the tool's arguments.
    """

    name: str
    description: str | Unset = UNSET
    parameters: AgentToolParameters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("AgentTool", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "name"
            name = d["name"]

            _field = "description"
            description = d.get("description", UNSET)

            _field = "parameters"
            _parameters = d.get("parameters", UNSET)
            parameters: AgentToolParameters | Unset
            if _parameters is UNSET:
                parameters = UNSET
            else:
                parameters = AgentToolParameters.from_dict(_parameters)

        except ParseError as exc:
            raise ParseError("AgentTool", _field + ("." + exc.field if exc.field else ""), exc.reason) from None
        except KeyError:
            raise ParseError("AgentTool", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("AgentTool", _field, str(exc) or type(exc).__name__) from exc
        if cls is AgentTool:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            agent_tool = _new_object(cls)
            agent_tool.name = name
            agent_tool.description = description
            agent_tool.parameters = parameters
            agent_tool.additional_properties = {}
        else:
            agent_tool = cls(
                name=name,
                description=description,
                parameters=parameters,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            agent_tool.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return agent_tool

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
        "name",
        "description",
        "parameters",
    }
)

from ..models.agent_tool_parameters import AgentToolParameters  # noqa: E402
