"""The public surface is pinned: adding or removing a name from ``kallglot.__all__`` is a visible change here."""

from __future__ import annotations

import ast
from pathlib import Path

import kallglot

INIT = Path(kallglot.__file__)

EXPORTED = """
APIConnectionError APIError APIResponse APIResponseValidationError APITimeoutError AgentTool AiAgentConfig Analysis
AnalysisComponent AnalysisStatus AnalysisTimeoutError AsyncAudioResponse AsyncKallglot AsyncPager AsyncStream
AudioOutputEvent AudioResponse AudioSettings AuthenticationError BadRequestError ClientClosedError ConflictError
CreateAnalysisRequest CreateSessionRequest CreditBalance EndReason ErrorDetail ErrorEvent ErrorResponse
IdempotencyError InsufficientCreditsError InternalServerError Kallglot KallglotError NotFoundError
OrganizationInactiveError ParseError PermissionDeniedError PongEvent ProviderDetails RateLimit RateLimitError
Recording RecordingChannel RecordingList RecordingSettings RecordingStatus RoutingDirection Session
SessionEndedEvent SessionErrorEvent SessionMetadata SessionMode SessionReadyEvent SessionRouting SessionStatus
SipRouting Stream StreamBackpressureError StreamConnectionError StreamError StreamEvent StreamInfo StreamOptions
StreamReconnect SyncPager Transcript TranscriptFinalEvent TranscriptMetadata TranscriptPartialEvent
TranscriptSegment TranscriptStatus TranscriptTurn TurnTranslation UnknownEvent UnprocessableEntityError WebhookError
WebhookInProgressError WebhookPayloadError WebhookSignatureError WebhookStoreError __version__ fields_set
""".split()  # noqa: SIM905 - a word per name reads better than 80 quoted strings


def test_all_is_exactly_the_pinned_public_surface() -> None:
    added = sorted(set(kallglot.__all__) - set(EXPORTED))
    missing = sorted(set(EXPORTED) - set(kallglot.__all__))
    assert not added and not missing, f"added to __all__: {added}; missing from __all__: {missing}"
    assert kallglot.__all__ == sorted(kallglot.__all__), "keep __all__ sorted"


def test_every_public_name_resolves() -> None:
    for name in kallglot.__all__:
        assert getattr(kallglot, name) is not None, name


def _imported_names() -> set[str]:
    """Every name ``__init__.py`` imports, eagerly or under TYPE_CHECKING (what type checkers see)."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_type_checkers_see_every_public_name() -> None:
    unseen = sorted(set(kallglot.__all__) - _imported_names() - {"__version__"})
    assert not unseen, f"import these in kallglot/__init__.py (under TYPE_CHECKING if lazy): {unseen}"


def test_submodules_resolve_lazily() -> None:
    assert kallglot.webhooks.construct_event is not None and kallglot.audio.wav_frames is not None
