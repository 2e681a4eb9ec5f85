"""Checks on caller input, made before anything is sent."""

from __future__ import annotations

import enum
import functools
import re
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

# str.isprintable() rejects control, format and unassigned characters and every space but " "; this catches the rest.
_UNSAFE = re.compile(r"[ /?#%\\]|\.\.")


def check_id(name: str, value: object) -> str:
    """Return ``value`` if it can name a resource in a URL path, else raise ``ValueError`` naming ``name``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string id such as 'sess_01HXYZ…', got {type(value).__name__}")
    if value.isprintable() and _UNSAFE.search(value) is None and value:
        return value
    if not value.strip():
        problem = "is empty"
    elif any(ch.isspace() for ch in value):
        problem = "contains whitespace"
    elif not value.isprintable():
        problem = "contains a control character"
    else:
        problem = "contains a character that is not allowed in an id (/ ? # % \\ or ..)"
    raise ValueError(f"{name} {problem}: {value!r}")


E = TypeVar("E", bound=enum.Enum)


def check_enum(name: str, value: object, enum_type: type[E]) -> E:
    """Accept a member (including one built for a value newer than the SDK) or a documented string."""
    if isinstance(value, enum_type):
        return value
    known = [member.value for member in enum_type]
    if isinstance(value, str) and value in known:
        return enum_type(value)
    raise ValueError(
        f"{name} must be one of {', '.join(map(repr, known))}, got {value!r}"
        f" (for a value newer than this SDK pass {enum_type.__name__}({value!r}))"
    )


def check_enums(name: str, values: Iterable[object], enum_type: type[E]) -> list[E]:
    if isinstance(values, str | bytes):
        raise TypeError(f"{name} must be a list of values, not a single string")
    return [check_enum(f"{name}[{i}]", v, enum_type) for i, v in enumerate(values)]


class _Model(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


M = TypeVar("M", bound=_Model)


def coerce_model(name: str, value: object, model: type[M]) -> M:
    """Turn a plain mapping into ``model`` (checking it), or pass a model instance through."""
    if isinstance(value, model):
        return value
    if isinstance(value, Mapping):
        from kallglot_api.types import ParseError

        try:
            return model.from_dict(value, strict=True)  # type: ignore[attr-defined, no-any-return]
        except ParseError as exc:
            where = f"{name}.{exc.field}" if exc.field else name
            raise ValueError(f"{where}: {exc.reason}") from None
    raise TypeError(f"{name} must be a {model.__name__} or a dict, got {type(value).__name__}")


@functools.cache
def _fields(typed: type) -> dict[str, type | None]:
    """Each key of a ``TypedDict`` with the ``TypedDict`` its value holds (directly or as list items), if any."""
    fields: dict[str, type | None] = {}
    for key, hint in typing.get_type_hints(typed).items():
        nested = None
        for candidate in (hint, *typing.get_args(hint)):
            if typing.is_typeddict(candidate):
                nested = candidate
        fields[key] = nested
    return fields


def check_keys(name: str, value: Mapping[str, Any], typed: type) -> None:
    """Raise ``ValueError`` naming the valid keys if ``value`` (or a dict nested in it) has a key ``typed`` lacks.

    A misspelt key would otherwise be sent and silently ignored by the server.
    """
    fields = _fields(typed)
    for key, item in value.items():
        if key not in fields:
            import difflib  # only on the error path: it is not needed to import kallglot

            close = difflib.get_close_matches(str(key), fields, n=1, cutoff=0.5)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            valid = ", ".join(map(repr, fields))
            raise ValueError(f"{name} has no key {key!r}{hint}; valid keys: {valid}")
        nested = fields[key]
        if nested is None:
            continue
        if isinstance(item, Mapping):
            check_keys(f"{name}.{key}", item, nested)
        elif isinstance(item, list | tuple):
            for i, element in enumerate(item):
                if isinstance(element, Mapping):
                    check_keys(f"{name}.{key}[{i}]", element, nested)
