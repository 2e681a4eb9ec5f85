# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.analysis_component import AnalysisComponent
from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="CreateAnalysisRequest")


@_attrs_define
class CreateAnalysisRequest:
    """
    Attributes:
        profile (str | Unset):  Default: 'default'.
        include (list[AnalysisComponent] | Unset):
    """

    profile: str | Unset = "default"
    include: list[AnalysisComponent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profile = self.profile

        include: list[str] | Unset = UNSET
        if not isinstance(self.include, Unset):
            include = []
            for include_item_data in self.include:
                include_item = include_item_data.value
                include.append(include_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if profile is not UNSET:
            field_dict["profile"] = profile
        if include is not UNSET:
            field_dict["include"] = include

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("CreateAnalysisRequest", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "profile"
            profile = d.get("profile", UNSET)

            _field = "include"
            _include = d.get("include", UNSET)
            include: list[AnalysisComponent] | Unset = UNSET
            if _include is not UNSET:
                include = []
                for include_item_data in _include:
                    include_item = AnalysisComponent(include_item_data)

                    include.append(include_item)

        except ParseError as exc:
            raise ParseError(
                "CreateAnalysisRequest", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("CreateAnalysisRequest", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("CreateAnalysisRequest", _field, str(exc) or type(exc).__name__) from exc
        if cls is CreateAnalysisRequest:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            create_analysis_request = _new_object(cls)
            create_analysis_request.profile = profile
            create_analysis_request.include = include
            create_analysis_request.additional_properties = {}
        else:
            create_analysis_request = cls(
                profile=profile,
                include=include,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            create_analysis_request.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return create_analysis_request

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
        "profile",
        "include",
    }
)
