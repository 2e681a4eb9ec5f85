"""Requests built from caller arguments, checked first, described by the generated operations.

``kallglot_api.operations`` owns methods, paths, percent-encoding, parameter names and the headers each
operation needs (an ``Accept`` for what it serves), so the document stays the single source of truth; the
operation modules are imported on first use only, which keeps ``import kallglot`` cheap. Optional query
parameters are passed only when the caller gave them, so no default and no deprecated parameter is sent
unasked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._request_spec import RequestSpec
from ._validation import check_enum, check_enums, check_id, check_keys, coerce_model

if TYPE_CHECKING:
    from kallglot_api.models import (
        AiAgentConfig,
        AnalysisComponent,
        AudioSettings,
        RecordingSettings,
        SessionMetadata,
        SessionMode,
        SessionRouting,
    )
    from kallglot_api.operations import Operation

    from .params import AiAgentConfigParam, AudioSettingsParam, RecordingSettingsParam, SessionRoutingParam


def _spec(op: Operation, *, idempotency_key: str | None = None, stream: bool = False) -> RequestSpec:
    # The Idempotency-Key header is the transport's: it makes one per call and reuses it on every retry. Every
    # request of a client already asks for JSON, so only an operation serving something else (audio) sends its
    # own Accept: one header fewer for httpx to merge on the common path.
    headers = None if op.headers in _CLIENT_HEADERS else op.headers
    return RequestSpec(
        method=op.method,
        path=op.path,
        params=op.params,
        json_body=op.body,
        idempotency_key=idempotency_key,
        stream=stream,
        headers=headers,
    )


# What the client and the send loop set anyway (JSON accepted; a JSON body's Content-Type added with the body).
_CLIENT_HEADERS = ({"Accept": "application/json"}, {"Accept": "application/json", "Content-Type": "application/json"})


def _key(idempotency_key: str | None) -> str | None:
    if idempotency_key is None:
        return None
    if not isinstance(idempotency_key, str) or not idempotency_key.strip() or len(idempotency_key) > 255:
        raise ValueError("idempotency_key must be a non-empty string of at most 255 characters")
    return idempotency_key


def create_session(
    *,
    mode: SessionMode | str,
    source_language: str | None,
    target_language: str | None,
    routing: SessionRouting | SessionRoutingParam | None,
    metadata: SessionMetadata | Mapping[str, Any] | None,
    audio: AudioSettings | AudioSettingsParam | None,
    recording: RecordingSettings | RecordingSettingsParam | None,
    ai_agent: AiAgentConfig | AiAgentConfigParam | None,
    idempotency_key: str | None,
) -> RequestSpec:
    from kallglot_api import models
    from kallglot_api.operations.sessions import create_session as op
    from kallglot_api.types import UNSET

    from . import params

    for name, value in (("source_language", source_language), ("target_language", target_language)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ValueError(f"{name} must be a language code such as 'en' or 'de', got {value!r}")
    for field, given, typed in (
        ("routing", routing, params.SessionRoutingParam),
        ("audio", audio, params.AudioSettingsParam),
        ("recording", recording, params.RecordingSettingsParam),
        ("ai_agent", ai_agent, params.AiAgentConfigParam),
    ):
        if isinstance(given, Mapping):  # a model instance was built by the caller and needs no check
            check_keys(field, given, typed)
    body = models.CreateSessionRequest(
        mode=check_enum("mode", mode, models.SessionMode),
        source_language=UNSET if source_language is None else source_language,
        target_language=UNSET if target_language is None else target_language,
        routing=UNSET if routing is None else coerce_model("routing", routing, models.SessionRouting),
        metadata=UNSET if metadata is None else coerce_model("metadata", metadata, models.SessionMetadata),
        audio=UNSET if audio is None else coerce_model("audio", audio, models.AudioSettings),
        recording=UNSET if recording is None else coerce_model("recording", recording, models.RecordingSettings),
        ai_agent=UNSET if ai_agent is None else coerce_model("ai_agent", ai_agent, models.AiAgentConfig),
    )
    return _spec(op(body=body), idempotency_key=_key(idempotency_key))


def retrieve_session(session_id: str) -> RequestSpec:
    from kallglot_api.operations.sessions import retrieve_session as op

    return _spec(op(check_id("session_id", session_id)))


def end_session(session_id: str, *, idempotency_key: str | None) -> RequestSpec:
    from kallglot_api.operations.sessions import end_session as op

    return _spec(op(check_id("session_id", session_id)), idempotency_key=_key(idempotency_key))


def session_transcript(session_id: str) -> RequestSpec:
    from kallglot_api.operations.sessions import retrieve_session_transcript as op

    return _spec(op(check_id("session_id", session_id)))


def list_recordings(
    session_id: str, *, limit: int | None, starting_after: str | None, ending_before: str | None
) -> RequestSpec:
    from kallglot_api.operations.sessions import list_session_recordings as op

    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100):
        raise ValueError(f"limit must be an integer from 1 to 100, got {limit!r}")
    if starting_after is not None and ending_before is not None:
        raise ValueError("pass starting_after or ending_before, not both")
    operation = op(
        check_id("session_id", session_id),
        limit=limit,
        starting_after=None if starting_after is None else check_id("starting_after", starting_after),
        ending_before=None if ending_before is None else check_id("ending_before", ending_before),
    )
    return _spec(operation)


def retrieve_recording(recording_id: str) -> RequestSpec:
    from kallglot_api.operations.recordings import retrieve_recording as op

    return _spec(op(check_id("recording_id", recording_id)))


def recording_audio(recording_id: str) -> RequestSpec:
    from kallglot_api.operations.recordings import download_recording_audio as op

    return _spec(op(check_id("recording_id", recording_id)), stream=True)


def create_analysis(
    session_id: str,
    *,
    include: Sequence[AnalysisComponent | str] | None,
    profile: str | None,
    idempotency_key: str | None,
) -> RequestSpec:
    from kallglot_api import models
    from kallglot_api.operations.analyses import create_session_analysis as op
    from kallglot_api.types import UNSET

    if profile is not None and (not isinstance(profile, str) or not profile.strip()):
        raise ValueError(f"profile must be a non-empty string such as 'default', got {profile!r}")
    body = models.CreateAnalysisRequest(
        profile=UNSET if profile is None else profile,
        include=UNSET if include is None else check_enums("include", include, models.AnalysisComponent),
    )
    return _spec(op(check_id("session_id", session_id), body=body), idempotency_key=_key(idempotency_key))


def retrieve_analysis(analysis_id: str) -> RequestSpec:
    from kallglot_api.operations.analyses import retrieve_analysis as op

    return _spec(op(check_id("analysis_id", analysis_id)))
