# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
"""Contains some shared types for properties, and the runtime helpers every generated model uses."""

import datetime
import enum
import logging
from collections.abc import Callable, Mapping
from typing import IO, Any, BinaryIO, Literal, NewType

from attrs import define


class Unset:
    """The "not given" default of a model's ``__init__`` argument: the field is left out of ``to_dict()``.

    Models never hold it: an absent field reads ``None`` (see :func:`fields_set` for absent vs null).
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The `type` of an event this SDK has no class for. At run time it is the string as received; to type checkers it
# is an object unrelated to str, so that a union of events whose other members carry a Literal `type` still
# narrows on `event.type == "…"` (a plain `str` member stops mypy narrowing at all). Compare it as `str(…)`.
EventTypeName = NewType("EventTypeName", object)


class ParseError(ValueError):
    """A payload does not match a model: missing required field, wrong type or malformed value.

    ``model`` is the class that failed, ``field`` the dotted path of the field inside it (empty when
    the payload itself is not an object), ``reason`` what was wrong.
    """

    def __init__(self, model: str, field: str, reason: str) -> None:
        self.model = model
        self.field = field
        self.reason = reason
        where = f"{model}.{field}" if field else model
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type["ParseError"], tuple[str, str, str]]:
        return (type(self), (self.model, self.field, self.reason))


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


# No stock `Response`: the generated operations describe requests only; kallglot parses responses itself.


# --- What generated models call while parsing and printing ---------------------------------------------------
#
# from_dict converts each field with inline checks (the common, valid payload costs a type() test per field);
# a field that does not fit goes through mismatch(), which raises in strict mode and otherwise keeps the value
# exactly as received and logs one warning per model and field.

log = logging.getLogger("kallglot")
PARSE_ERRORS = (TypeError, ValueError, KeyError, AttributeError)  # ParseError is a ValueError
_WARNED: set[tuple[str, str]] = set()
_MAX_WARNED = 1000  # bounds memory for a process fed endless distinct shapes; later ones are still kept

_JSON_KINDS = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "an integer",
               float: "a number", type(None): "null"}  # fmt: skip


def _kind(value: object) -> str:
    return _JSON_KINDS.get(type(value), type(value).__name__)


def expect_str(value: object) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a string, got {_kind(value)}")


def expect_int(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"expected an integer, got {_kind(value)}")


def expect_float(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    raise TypeError(f"expected a number, got {_kind(value)}")


def expect_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"expected a boolean, got {_kind(value)}")


def expect_list(value: object) -> list[Any]:
    if isinstance(value, list):
        return value
    raise TypeError(f"expected an array, got {_kind(value)}")


def expect_each(values: list[Any], expect: Callable[[object], object]) -> list[Any]:
    for index, value in enumerate(values):
        try:
            expect(value)
        except TypeError as exc:
            raise TypeError(f"item {index}: {exc}") from None
    return values


def expect_null(value: object) -> None:
    raise TypeError("expected a value, got null")


def mismatch(model: str, field: str, src: Mapping[str, Any], exc: Exception, strict: bool) -> Any:
    """Handle a field of ``src`` that did not fit ``model``: raise :class:`ParseError` naming it when ``strict``,
    else log one warning per model and field and return the value exactly as received (``None`` when missing)."""
    if isinstance(exc, ParseError):
        path, reason = (f"{field}.{exc.field}" if exc.field else field), exc.reason
    elif isinstance(exc, KeyError) and field not in src:
        path, reason = field, "required field is missing"
    else:
        path, reason = field, str(exc) or type(exc).__name__
    if strict:
        raise ParseError(model, path, reason) from (None if isinstance(exc, ParseError | KeyError) else exc)
    key = (model, path)
    if key not in _WARNED:
        if len(_WARNED) < _MAX_WARNED:
            _WARNED.add(key)
        log.warning(
            "%s.%s does not match the API document (%s); kept as received "
            "(strict_response_validation=True raises instead)", model, path, reason,
        )  # fmt: skip
    return src.get(field)


def lenient_items(model: Any, items: list[Any]) -> list[Any]:
    """A list of ``model`` built leniently item by item; an item that is not an object stays as received."""
    return [model.from_dict(item) if isinstance(item, Mapping) else item for item in items]


def jsonable(value: Any) -> Any:
    """``value`` as JSON-ready data: models by ``to_dict()``, enums by value, datetimes in ISO 8601, anything
    else (including a value a lenient parse kept as received) unchanged."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None and callable(to_dict):
        return to_dict()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    return value


def _given(model: Any, name: str, attr: str) -> bool:
    return name in model._present or getattr(model, attr) is not None


def fields_set(model: Any) -> frozenset[str]:
    """The API names of the fields ``model`` holds: those its payload had (``null`` ones included, unknown ones
    too), or that were passed to its constructor, plus any field given a non-``None`` value since.

    An absent optional field and one received as ``null`` both read ``None``; this tells them apart::

        "ended_at" in fields_set(session)  # True when the payload had "ended_at", even as null
    """
    names = [name for name, attr in type(model).API_NAMES.items() if _given(model, name, attr)]
    return frozenset(names).union(getattr(model, "additional_properties", ()))


def model_repr(model: Any) -> str:
    """``Name(field=value, ...)`` with only the fields the payload had, secrets left out, unknown fields named."""
    cls = type(model)
    secret = cls.SECRET_FIELDS
    parts = [
        f"{attr}={getattr(model, attr)!r}"
        for name, attr in cls.API_NAMES.items()
        if name not in secret and _given(model, name, attr)
    ]
    extra = getattr(model, "additional_properties", None)
    if extra:
        parts.append(f"unknown_fields={sorted(extra)!r}")  # names only: an unknown field may hold a secret
    return f"{cls.__name__}({', '.join(parts)})"


def reset_warnings() -> None:
    """Forget which model fields have been warned about (for tests)."""
    _WARNED.clear()


__all__ = ["UNSET", "EventTypeName", "File", "FileTypes", "ParseError", "RequestFiles", "Unset", "fields_set"]
