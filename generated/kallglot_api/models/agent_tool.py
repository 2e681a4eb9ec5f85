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
class AgentTool:
    """
    Attributes:
        name (str):
        description (str | None):
        parameters (AgentToolParameters | None): JSON Schema of the tool's arguments.
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "name": "name",
        "description": "description",
        "parameters": "parameters",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    name: str
    description: str | None = None
    parameters: AgentToolParameters | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        name: str,
        description: str | None | Unset = UNSET,
        parameters: AgentToolParameters | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        self.name = name
        if isinstance(description, Unset):
            absent.append("description")
            self.description = None
        else:
            self.description = description
        if isinstance(parameters, Unset):
            absent.append("parameters")
            self.parameters = None
        else:
            self.parameters = parameters
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.name is not None or "name" in present:
            field_dict["name"] = self.name
        if self.description is not None or "description" in present:
            field_dict["description"] = self.description
        if self.parameters is not None or "parameters" in present:
            field_dict["parameters"] = _jsonable(self.parameters)
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
            raise ParseError("AgentTool", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            name = d["name"]
            if type(name) is not str:
                name = _str(name)

        except _ERRORS as exc:
            name = _mismatch("AgentTool", "name", d, exc, strict)

        try:
            description = d.get("description")
            if description is not None:
                if type(description) is not str:
                    description = _str(description)

            elif "description" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            description = _mismatch("AgentTool", "description", d, exc, strict)

        try:
            parameters = d.get("parameters")
            if parameters is not None:
                parameters = AgentToolParameters.from_dict(parameters, strict)

            elif "parameters" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            parameters = _mismatch("AgentTool", "parameters", d, exc, strict)

        if cls is AgentTool:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
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
        agent_tool._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            agent_tool.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
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
