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
    ConflictError,
    IdempotencyError,
    InsufficientCreditsError,
    InternalServerError,
    KallglotError,
    NotFoundError,
    OrganizationInactiveError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._pagination import AsyncPager, SyncPager
from ._response import APIResponse, CreditBalance, RateLimit
from ._version import __version__
from ._webhook_errors import WebhookError, WebhookInProgressError, WebhookPayloadError, WebhookSignatureError

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
    from kallglot_api.types import ParseError

    from ._stream_async import AsyncStream
    from ._stream_errors import StreamBackpressureError, StreamConnectionError, StreamError
    from ._stream_events import (
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
    from ._stream_options import StreamOptions
    from ._stream_sync import Stream

_MODELS = frozenset(
    {
        "AgentTool", "AiAgentConfig", "Analysis", "AnalysisComponent", "AnalysisStatus", "AudioSettings",
        "CreateAnalysisRequest", "CreateSessionRequest", "EndReason", "ErrorDetail", "ErrorResponse",
        "ProviderDetails", "Recording", "RecordingChannel", "RecordingList", "RecordingSettings", "RecordingStatus",
        "RoutingDirection", "Session", "SessionMetadata", "SessionMode", "SessionRouting", "SessionStatus",
        "SipRouting", "StreamInfo", "Transcript", "TranscriptMetadata", "TranscriptSegment", "TranscriptStatus",
        "TranscriptTurn", "TurnTranslation",
    }
)  # fmt: skip


# The stream's public names: their modules load the models and websockets, so they are imported on first use.
_LAZY = {
    "AsyncStream": "_stream_async", "Stream": "_stream_sync", "StreamOptions": "_stream_options",
    "StreamError": "_stream_errors", "StreamConnectionError": "_stream_errors",
    "StreamBackpressureError": "_stream_errors", "StreamEvent": "_stream_events", "UnknownEvent": "_stream_events",
    "SessionReadyEvent": "_stream_events", "TranscriptPartialEvent": "_stream_events",
    "TranscriptFinalEvent": "_stream_events", "AudioOutputEvent": "_stream_events",
    "SessionEndedEvent": "_stream_events", "ErrorEvent": "_stream_events", "SessionErrorEvent": "_stream_events",
    "PongEvent": "_stream_events",
}  # fmt: skip

# Public submodules, imported on first attribute access (``kallglot.webhooks``) as well as by ``import``.
_SUBMODULES = frozenset({"audio", "mock", "testing", "webhooks"})


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        from kallglot_api import models

        value = getattr(models, name)
    elif name == "ParseError":
        from kallglot_api.types import ParseError as value
    elif name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f"kallglot.{_LAZY[name]}"), name)
    elif name in _SUBMODULES:
        import importlib

        value = importlib.import_module(f"kallglot.{name}")
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
    "AsyncKallglot",
    "AsyncPager",
    "AsyncStream",
    "AudioOutputEvent",
    "AudioSettings",
    "AuthenticationError",
    "BadRequestError",
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
    "__version__",
]
