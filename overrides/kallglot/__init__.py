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


# Public submodules, imported on first attribute access (``kallglot.webhooks``) as well as by ``import``.
_SUBMODULES = frozenset({"audio", "mock", "testing", "webhooks"})


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        from kallglot_api import models

        value = getattr(models, name)
    elif name == "ParseError":
        from kallglot_api.types import ParseError as value
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
    "AudioSettings",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "CreateAnalysisRequest",
    "CreateSessionRequest",
    "CreditBalance",
    "EndReason",
    "ErrorDetail",
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
    "SessionMetadata",
    "SessionMode",
    "SessionRouting",
    "SessionStatus",
    "SipRouting",
    "StreamInfo",
    "SyncPager",
    "Transcript",
    "TranscriptMetadata",
    "TranscriptSegment",
    "TranscriptStatus",
    "TranscriptTurn",
    "TurnTranslation",
    "UnprocessableEntityError",
    "WebhookError",
    "WebhookInProgressError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "__version__",
]
