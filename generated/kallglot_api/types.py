# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
"""Contains some shared types for properties"""

from collections.abc import Mapping
from typing import IO, BinaryIO, Literal

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()


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
__all__ = ["UNSET", "File", "FileTypes", "ParseError", "RequestFiles", "Unset"]
