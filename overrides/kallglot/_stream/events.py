"""Typed server-to-client stream events: the generated models, and ``UnknownEvent``.

Each class subclasses the generated model of the same name (``kallglot_api.models``), so every field (``type``
a ``Literal``), the ``from_dict`` / ``to_dict`` round trip and ``additional_properties`` for fields added later
come from the spec; this module adds docstrings and, on ``AudioOutputEvent``, the decoded audio.

``StreamEvent`` narrows on ``event.type``: ``if event.type == "transcript.final": event.text`` type-checks.
``UnknownEvent`` stays in the union: its ``type`` is the string as received, typed ``EventTypeName`` (a plain
``str`` member would stop mypy narrowing the union at all); compare it as ``str(event.type)``.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from kallglot_api import models as _m
from kallglot_api.types import EventTypeName, ParseError

from .._exceptions import StreamError
from .._parse import forced_strict
from .._wire import loads

__all__ = [
    "EVENT_TYPES",
    "AudioOutputEvent",
    "ErrorEvent",
    "PongEvent",
    "SessionEndedEvent",
    "SessionErrorEvent",
    "SessionReadyEvent",
    "StreamEvent",
    "TranscriptFinalEvent",
    "TranscriptPartialEvent",
    "UnknownEvent",
    "parse_event",
]


class SessionReadyEvent(_m.SessionReadyEvent):
    """``session.ready``: the server is listening."""

    __slots__ = ()


class TranscriptPartialEvent(_m.TranscriptPartialEvent):
    """``transcript.partial``: interim text of a turn, replaced by later partials and then its final."""

    __slots__ = ()


class TranscriptFinalEvent(_m.TranscriptFinalEvent):
    """``transcript.final``: a finished turn; after a reconnect each ``sequence`` is delivered once."""

    __slots__ = ()


class AudioOutputEvent(_m.AudioOutputEvent):
    """``audio.output``: translated speech. ``payload`` is the base64 text, ``data`` the decoded bytes."""

    __slots__ = ()

    @property
    def payload(self) -> str:
        return self.audio.payload

    @property
    def data(self) -> bytes:
        """The decoded audio (mu-law unless ``audio.encoding`` says otherwise); decoded on each access.

        ``parse_event`` only yields this class for valid base64; one built by hand raises ``StreamError``."""
        payload = getattr(self.audio, "payload", None)  # lenient parsing keeps an ``audio`` of any shape
        try:
            return base64.b64decode(payload, validate=True)  # type: ignore[arg-type]
        except (binascii.Error, ValueError, TypeError):
            raise StreamError("audio.output payload is not valid base64", code="invalid_audio_payload") from None


class SessionEndedEvent(_m.SessionEndedEvent):
    """``session.ended``: the last event; iteration stops after yielding it."""

    __slots__ = ()


class ErrorEvent(_m.ErrorEvent):
    """``error``: the server could not handle a message; the stream stays open."""

    __slots__ = ()


class SessionErrorEvent(_m.SessionErrorEvent):
    """``session.error``: a session-level problem such as ``invalid_audio_format``."""

    __slots__ = ()


class PongEvent(_m.PongEvent):
    """``pong``: the answer to :meth:`Stream.ping`."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class UnknownEvent:
    """A message this SDK version has no class for, or one that did not match its schema; kept as received.

    ``raw`` is the decoded JSON object, or the frame itself when it was not a JSON object. ``reason`` is None
    for a type added to the API later, else why the message could not be parsed.
    """

    type: EventTypeName  # a str at run time: see the module docstring
    raw: dict[str, Any] | str | bytes
    reason: str | None = None


StreamEvent: TypeAlias = (
    SessionReadyEvent
    | TranscriptPartialEvent
    | TranscriptFinalEvent
    | AudioOutputEvent
    | SessionEndedEvent
    | ErrorEvent
    | SessionErrorEvent
    | PongEvent
    | UnknownEvent
)

# The spec's `x-kallglot-stream.server-messages` table (a test keeps the two in step).
EVENT_TYPES: Mapping[str, type[StreamEvent]] = {
    "session.ready": SessionReadyEvent,
    "transcript.partial": TranscriptPartialEvent,
    "transcript.final": TranscriptFinalEvent,
    "audio.output": AudioOutputEvent,
    "session.ended": SessionEndedEvent,
    "error": ErrorEvent,
    "session.error": SessionErrorEvent,
    "pong": PongEvent,
}


def parse_event(frame: str | bytes, *, strict: bool = False) -> StreamEvent:
    """Decode one server frame. Never raises: anything unparseable becomes an ``UnknownEvent`` with a reason.

    A known ``type`` is built leniently (fields that do not fit are kept as received, see
    ``kallglot_api.types``); with ``strict=True`` (or inside ``kallglot.testing.strict_responses()``) such a
    message becomes an ``UnknownEvent`` with the reason, which a strict stream's iteration raises as
    ``StreamError`` (see ``StreamOptions.strict``).
    """
    try:
        message = loads(frame)
    except ValueError as exc:
        return UnknownEvent(EventTypeName(""), frame, f"not JSON: {exc}")
    if not isinstance(message, dict):
        return UnknownEvent(EventTypeName(""), frame, "not a JSON object")
    kind = message.get("type")
    if not isinstance(kind, str):
        return UnknownEvent(EventTypeName(""), message, "no 'type' field")
    model = EVENT_TYPES.get(kind)
    if model is None:
        return UnknownEvent(EventTypeName(kind), message)
    try:
        event = model.from_dict(message, strict or forced_strict())  # type: ignore[union-attr]
    except ParseError as exc:
        return UnknownEvent(EventTypeName(kind), message, str(exc))
    except RecursionError:
        return UnknownEvent(EventTypeName(kind), message, "nested too deeply")
    if isinstance(event, AudioOutputEvent):
        try:
            event.data  # noqa: B018 - decoding is the check; the bytes are decoded again on access
        except StreamError as exc:
            return UnknownEvent(EventTypeName(kind), message, exc.message)
    return event
