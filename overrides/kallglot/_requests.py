"""Requests built from caller arguments, checked first, shaped by the generated endpoint modules.

The generated ``_get_kwargs`` of each operation owns paths, percent-encoding and parameter names, so the
spec stays the single source of truth; the generated modules are imported on first use only, which keeps
``import kallglot`` cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ._transport import RequestSpec
from ._validation import check_enum, check_enums, check_id, coerce_model

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

_modules: dict[str, ModuleType] = {}


def _operation(name: str) -> ModuleType:
    module = _modules.get(name)
    if module is None:
        module = _modules[name] = importlib.import_module(f"kallglot_api.api.{name}")
    return module


def _spec(kwargs: dict[str, Any], *, idempotency_key: str | None = None, stream: bool = False) -> RequestSpec:
    return RequestSpec(
        method=kwargs["method"].upper(),
        path=kwargs["url"],
        params=kwargs.get("params") or None,
        json_body=kwargs.get("json"),
        idempotency_key=idempotency_key,
        stream=stream,
    )


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
    routing: SessionRouting | Mapping[str, Any] | None,
    metadata: SessionMetadata | Mapping[str, Any] | None,
    audio: AudioSettings | Mapping[str, Any] | None,
    recording: RecordingSettings | Mapping[str, Any] | None,
    ai_agent: AiAgentConfig | Mapping[str, Any] | None,
    idempotency_key: str | None,
) -> RequestSpec:
    from kallglot_api import models
    from kallglot_api.types import UNSET

    for name, value in (("source_language", source_language), ("target_language", target_language)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ValueError(f"{name} must be a language code such as 'en' or 'de', got {value!r}")
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
    kwargs = _operation("sessions.create_session")._get_kwargs(body=body)
    return _spec(kwargs, idempotency_key=_key(idempotency_key))


def retrieve_session(session_id: str) -> RequestSpec:
    return _spec(_operation("sessions.retrieve_session")._get_kwargs(check_id("session_id", session_id)))


def end_session(session_id: str, *, idempotency_key: str | None) -> RequestSpec:
    kwargs = _operation("sessions.end_session")._get_kwargs(check_id("session_id", session_id))
    return _spec(kwargs, idempotency_key=_key(idempotency_key))


def session_transcript(session_id: str) -> RequestSpec:
    op = _operation("sessions.retrieve_session_transcript")
    return _spec(op._get_kwargs(check_id("session_id", session_id)))


def list_recordings(
    session_id: str, *, limit: int | None, starting_after: str | None, ending_before: str | None
) -> RequestSpec:
    from kallglot_api.types import UNSET

    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100):
        raise ValueError(f"limit must be an integer from 1 to 100, got {limit!r}")
    if starting_after is not None and ending_before is not None:
        raise ValueError("pass starting_after or ending_before, not both")
    kwargs = _operation("sessions.list_session_recordings")._get_kwargs(
        check_id("session_id", session_id),
        limit=UNSET if limit is None else limit,
        starting_after=UNSET if starting_after is None else check_id("starting_after", starting_after),
        ending_before=UNSET if ending_before is None else check_id("ending_before", ending_before),
    )
    return _spec(kwargs)


def retrieve_recording(recording_id: str) -> RequestSpec:
    return _spec(_operation("recordings.retrieve_recording")._get_kwargs(check_id("recording_id", recording_id)))


def recording_audio(recording_id: str) -> RequestSpec:
    op = _operation("recordings.download_recording_audio")
    return _spec(op._get_kwargs(check_id("recording_id", recording_id)), stream=True)


def create_analysis(
    session_id: str,
    *,
    include: Sequence[AnalysisComponent | str] | None,
    profile: str | None,
    idempotency_key: str | None,
) -> RequestSpec:
    from kallglot_api import models
    from kallglot_api.types import UNSET

    if profile is not None and (not isinstance(profile, str) or not profile.strip()):
        raise ValueError(f"profile must be a non-empty string such as 'default', got {profile!r}")
    body = models.CreateAnalysisRequest(
        profile=UNSET if profile is None else profile,
        include=UNSET if include is None else check_enums("include", include, models.AnalysisComponent),
    )
    kwargs = _operation("analyses.create_session_analysis")._get_kwargs(check_id("session_id", session_id), body=body)
    return _spec(kwargs, idempotency_key=_key(idempotency_key))


def retrieve_analysis(analysis_id: str) -> RequestSpec:
    return _spec(_operation("analyses.retrieve_analysis")._get_kwargs(check_id("analysis_id", analysis_id)))
