"""Webhook events: one class per documented ``type``, a union that narrows on it, and the lenient parser.

Each class subclasses the generated envelope model for its ``data`` (``kallglot_api.models.SessionWebhookEvent``
…) and declares ``type`` as its ``Literal``, so ``if event.type == "session.ended": event.data.id`` type-checks
under ``mypy --strict`` (as openai's ``unwrap`` union does). A type this SDK does not know yet parses as
:class:`UnknownWebhookEvent`; it is in the union too, with ``type`` typed ``EventTypeName`` (not ``str``, which
would stop mypy narrowing), so ``isinstance(event, UnknownWebhookEvent)`` handles the types added later.

A verified delivery is never refused over its shape: given a string ``id`` and ``type``, ``data`` and the other
fields are built leniently (typed where they fit, kept as received where they don't, unknown fields kept).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeAlias

from kallglot_api.models import (
    AnalysisWebhookEvent,
    RecordingWebhookEvent,
    SessionWebhookEvent,
    TranscriptSegmentWebhookEvent,
    TranscriptWebhookEvent,
    WebhookEvent,
)
from kallglot_api.types import EventTypeName, ParseError

from . import _wire
from ._exceptions import WebhookPayloadError
from ._parse import forced_strict

__all__ = [
    "EVENT_MODELS",
    "MAX_DEPTH",
    "AnalysisCompleteWebhookEvent",
    "AnalysisFailedWebhookEvent",
    "Event",
    "RecordingFailedWebhookEvent",
    "RecordingReadyWebhookEvent",
    "SessionCreatedWebhookEvent",
    "SessionEndedWebhookEvent",
    "SessionProviderConnectedWebhookEvent",
    "SessionProviderDisconnectedWebhookEvent",
    "SessionStartedWebhookEvent",
    "TranscriptReadyWebhookEvent",
    "TranscriptSegmentReceivedWebhookEvent",
    "UnknownWebhookEvent",
    "parse_event",
]

# The generated `type` is the WebhookEventType enum (a str); each class pins it to its own literal.


class SessionCreatedWebhookEvent(SessionWebhookEvent):
    """``session.created``: ``data`` is the Session."""

    __slots__ = ()
    type: Literal["session.created"]  # type: ignore[assignment]


class SessionStartedWebhookEvent(SessionWebhookEvent):
    """``session.started``: ``data`` is the Session."""

    __slots__ = ()
    type: Literal["session.started"]  # type: ignore[assignment]


class SessionEndedWebhookEvent(SessionWebhookEvent):
    """``session.ended``: ``data`` is the Session."""

    __slots__ = ()
    type: Literal["session.ended"]  # type: ignore[assignment]


class SessionProviderConnectedWebhookEvent(SessionWebhookEvent):
    """``session.provider.connected``: ``data`` is the Session."""

    __slots__ = ()
    type: Literal["session.provider.connected"]  # type: ignore[assignment]


class SessionProviderDisconnectedWebhookEvent(SessionWebhookEvent):
    """``session.provider.disconnected``: ``data`` is the Session."""

    __slots__ = ()
    type: Literal["session.provider.disconnected"]  # type: ignore[assignment]


class TranscriptReadyWebhookEvent(TranscriptWebhookEvent):
    """``transcript.ready``: ``data`` is the Transcript (often just its ids: absent fields read ``None``)."""

    __slots__ = ()
    type: Literal["transcript.ready"]  # type: ignore[assignment]


class TranscriptSegmentReceivedWebhookEvent(TranscriptSegmentWebhookEvent):
    """``transcript.segment``: ``data`` is one live transcript turn and its session id."""

    __slots__ = ()
    type: Literal["transcript.segment"]  # type: ignore[assignment]


class RecordingReadyWebhookEvent(RecordingWebhookEvent):
    """``recording.ready``: ``data`` is the Recording."""

    __slots__ = ()
    type: Literal["recording.ready"]  # type: ignore[assignment]


class RecordingFailedWebhookEvent(RecordingWebhookEvent):
    """``recording.failed``: ``data`` is the Recording."""

    __slots__ = ()
    type: Literal["recording.failed"]  # type: ignore[assignment]


class AnalysisCompleteWebhookEvent(AnalysisWebhookEvent):
    """``analysis.complete``: ``data`` is the Analysis."""

    __slots__ = ()
    type: Literal["analysis.complete"]  # type: ignore[assignment]


class AnalysisFailedWebhookEvent(AnalysisWebhookEvent):
    """``analysis.failed``: ``data`` is the Analysis."""

    __slots__ = ()
    type: Literal["analysis.failed"]  # type: ignore[assignment]


class UnknownWebhookEvent(WebhookEvent):
    """A ``type`` added to the API after this SDK: ``data`` (a ``WebhookEventData``) keeps every field as received
    (``event.data["amount"]``, ``event.data.to_dict()``). ``type`` is the string as sent, typed
    :data:`~kallglot_api.types.EventTypeName` so that ``Event`` narrows: compare it as ``str(event.type)``."""

    __slots__ = ()
    type: EventTypeName  # type: ignore[assignment]
    data: Any


Event: TypeAlias = (
    SessionCreatedWebhookEvent
    | SessionStartedWebhookEvent
    | SessionEndedWebhookEvent
    | SessionProviderConnectedWebhookEvent
    | SessionProviderDisconnectedWebhookEvent
    | TranscriptReadyWebhookEvent
    | TranscriptSegmentReceivedWebhookEvent
    | RecordingReadyWebhookEvent
    | RecordingFailedWebhookEvent
    | AnalysisCompleteWebhookEvent
    | AnalysisFailedWebhookEvent
    | UnknownWebhookEvent
)

# The spec's `webhooks` section, by event type (a test keeps the two in step). Types not listed here, including
# ones Kallglot adds later, parse as UnknownWebhookEvent with `data` kept as received.
EVENT_MODELS: Mapping[str, type[Event]] = {
    "session.created": SessionCreatedWebhookEvent,
    "session.started": SessionStartedWebhookEvent,
    "session.ended": SessionEndedWebhookEvent,
    "session.provider.connected": SessionProviderConnectedWebhookEvent,
    "session.provider.disconnected": SessionProviderDisconnectedWebhookEvent,
    "transcript.ready": TranscriptReadyWebhookEvent,
    "transcript.segment": TranscriptSegmentReceivedWebhookEvent,
    "recording.ready": RecordingReadyWebhookEvent,
    "recording.failed": RecordingFailedWebhookEvent,
    "analysis.complete": AnalysisCompleteWebhookEvent,
    "analysis.failed": AnalysisFailedWebhookEvent,
}


# Kallglot's events nest a handful of levels. Deeper JSON decodes (up to the interpreter's limit, which depends on
# how deep the caller's stack already is) but makes ``event.to_dict()`` or a handler's own recursion raise
# RecursionError later, so an authentic but absurd body is refused here, the same way wherever it is parsed.
MAX_DEPTH = 100


def _too_deep(decoded: object) -> bool:
    level: list[object] = [decoded]
    for _ in range(MAX_DEPTH):
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, Mapping) else node if isinstance(node, list) else ())
            if isinstance(child, Mapping | list)
        ]
        if not level:
            return False
    return True


def _brackets(text: str | bytes) -> int:
    return text.count("[") + text.count("{") if isinstance(text, str) else text.count(b"[") + text.count(b"{")


def parse_event(payload: bytes | bytearray | memoryview | str | Mapping[str, Any], *, strict: bool = False) -> Event:
    """Parse a webhook body (JSON bytes or text, or an already decoded object) into its event class.

    Does **not** verify anything: use ``webhooks.construct_event`` for deliveries. Raises
    :class:`WebhookPayloadError` only when the body is not a JSON object (invalid JSON, a list), nests more than
    :data:`MAX_DEPTH` (100) levels deep, or its ``id`` or ``type`` is not a string; everything else is built
    leniently, never refused. With ``strict=True`` (or inside ``kallglot.testing.strict_responses()``), any field
    that differs from the API document raises :class:`WebhookPayloadError` naming it: for tests that check a
    sender against the document.
    """
    if isinstance(payload, bytes | bytearray | memoryview | str):
        text = bytes(payload) if isinstance(payload, memoryview | bytearray) else payload
        try:
            decoded = _wire.loads(text)
        except ValueError as exc:
            raise WebhookPayloadError(f"the body is not valid JSON: {exc}") from None
        # Too few brackets to nest that deep is the common case, found at C speed without a walk.
        deep = _brackets(text) > MAX_DEPTH and _too_deep(decoded)
    else:
        decoded, deep = payload, _too_deep(payload)
    if deep:
        raise WebhookPayloadError(f"the body nests more than {MAX_DEPTH} levels deep")
    if not isinstance(decoded, Mapping):
        raise WebhookPayloadError(f"the body is a JSON {type(decoded).__name__}, not an object", payload=decoded)
    for name in ("id", "type"):
        if not isinstance(decoded.get(name), str):
            problem = "missing" if name not in decoded else "not a string"
            raise WebhookPayloadError(f"the envelope field {name!r} is {problem}", field=name, payload=decoded)
    model: type[Event] = EVENT_MODELS.get(decoded["type"], UnknownWebhookEvent)
    try:
        return model.from_dict(decoded, strict or forced_strict())
    except ParseError as exc:  # strict only
        raise WebhookPayloadError(
            f"a {decoded['type']} event does not match {exc.model}: {exc.field or 'body'}: {exc.reason}",
            field=exc.field,
            payload=decoded,
        ) from None
