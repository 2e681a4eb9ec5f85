"""The Kallglot Python SDK. Import everything from here; modules starting with ``_`` are private.

Models are the generated ``kallglot_api`` classes, re-exported here and loaded on first use so that
``import kallglot`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._client import AsyncKallglot, Kallglot
from ._exceptions import (
    AnalysisTimeoutError,
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    IdempotencyError,
    InsufficientCreditsError,
    InternalServerError,
    KallglotError,
    NotFoundError,
    OrganizationInactiveError,
    PermissionDeniedError,
    RateLimitError,
    StreamBackpressureError,
    StreamConnectionError,
    StreamError,
    UnprocessableEntityError,
    WebhookError,
    WebhookInProgressError,
    WebhookPayloadError,
    WebhookSignatureError,
    WebhookStoreError,
)
from ._pagination import AsyncPager, SyncPager
from ._response import APIResponse, AsyncAudioResponse, AudioResponse, CreditBalance, RateLimit
from ._version import __version__

if TYPE_CHECKING:
    from kallglot_api.models import (
        AgentTool,
        AiAgentConfig,
        Analysis,
        AnalysisComponent,
        AnalysisStatus,
        AudioSettings,
        CreateAnalysisRequest,
        CreateSessionRequest,
        EndReason,
        ErrorDetail,
        ErrorResponse,
        ProviderDetails,
        Recording,
        RecordingChannel,
        RecordingList,
        RecordingSettings,
        RecordingStatus,
        RoutingDirection,
        Session,
        SessionMetadata,
        SessionMode,
        SessionRouting,
        SessionStatus,
        SipRouting,
        StreamInfo,
        Transcript,
        TranscriptMetadata,
        TranscriptSegment,
        TranscriptStatus,
        TranscriptTurn,
        TurnTranslation,
    )
    from kallglot_api.types import ParseError, fields_set

    from ._stream.asyncio import AsyncStream
    from ._stream.events import (
        AudioOutputEvent,
        ErrorEvent,
        PongEvent,
        SessionEndedEvent,
        SessionErrorEvent,
        SessionReadyEvent,
        StreamEvent,
        TranscriptFinalEvent,
        TranscriptPartialEvent,
        UnknownEvent,
    )
    from ._stream.options import StreamOptions
    from ._stream.reconnect import StreamReconnect
    from ._stream.sync import Stream

# Public names not imported above load on first use from the first of these modules that has them, so
# ``import kallglot`` stays cheap. Exporting a name means importing it above (eagerly, or under TYPE_CHECKING
# for type checkers) and listing it in ``__all__``; tests/test_exports.py pins the list.
_LAZY_MODULES = ("kallglot_api.models", "kallglot_api.types", "kallglot._stream.events", "kallglot._stream.options",
                 "kallglot._stream.sync", "kallglot._stream.asyncio", "kallglot._stream.reconnect")  # fmt: skip

# Public submodules, imported on first attribute access (``kallglot.webhooks``) as well as by ``import``.
_SUBMODULES = frozenset({"audio", "mock", "params", "subtitles", "testing", "webhooks"})


def __getattr__(name: str) -> Any:
    import importlib

    if name in _SUBMODULES:
        value = importlib.import_module(f"kallglot.{name}")
    elif name in __all__:
        for module_name in _LAZY_MODULES:
            module = importlib.import_module(module_name)
            if name in getattr(module, "__all__", ()):
                value = getattr(module, name)
                break
        else:  # pragma: no cover - tests/test_exports.py resolves every name
            raise AttributeError(f"kallglot.{name} is listed in __all__ but no module defines it")
    else:
        raise AttributeError(f"module 'kallglot' has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APITimeoutError",
    "AgentTool",
    "AiAgentConfig",
    "Analysis",
    "AnalysisComponent",
    "AnalysisStatus",
    "AnalysisTimeoutError",
    "AsyncAudioResponse",
    "AsyncKallglot",
    "AsyncPager",
    "AsyncStream",
    "AudioOutputEvent",
    "AudioResponse",
    "AudioSettings",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "CreateAnalysisRequest",
    "CreateSessionRequest",
    "CreditBalance",
    "EndReason",
    "ErrorDetail",
    "ErrorEvent",
    "ErrorResponse",
    "IdempotencyError",
    "InsufficientCreditsError",
    "InternalServerError",
    "Kallglot",
    "KallglotError",
    "NotFoundError",
    "OrganizationInactiveError",
    "ParseError",
    "PermissionDeniedError",
    "PongEvent",
    "ProviderDetails",
    "RateLimit",
    "RateLimitError",
    "Recording",
    "RecordingChannel",
    "RecordingList",
    "RecordingSettings",
    "RecordingStatus",
    "RoutingDirection",
    "Session",
    "SessionEndedEvent",
    "SessionErrorEvent",
    "SessionMetadata",
    "SessionMode",
    "SessionReadyEvent",
    "SessionRouting",
    "SessionStatus",
    "SipRouting",
    "Stream",
    "StreamBackpressureError",
    "StreamConnectionError",
    "StreamError",
    "StreamEvent",
    "StreamInfo",
    "StreamOptions",
    "StreamReconnect",
    "SyncPager",
    "Transcript",
    "TranscriptFinalEvent",
    "TranscriptMetadata",
    "TranscriptPartialEvent",
    "TranscriptSegment",
    "TranscriptStatus",
    "TranscriptTurn",
    "TurnTranslation",
    "UnknownEvent",
    "UnprocessableEntityError",
    "WebhookError",
    "WebhookInProgressError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookStoreError",
    "__version__",
    "fields_set",
]
