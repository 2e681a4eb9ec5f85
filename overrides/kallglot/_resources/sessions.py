"""``client.sessions``: create, retrieve, end, transcript, recordings (and the live stream).

Each call is written once, as an operation below; ``_base`` makes the methods of both clients from it. Every
call also takes the per-request options (``RequestOptions``: ``timeout=``, ``extra_headers=``, ``extra_query=``
and, when it sends a body, ``extra_body=``), applied last so they win over what the SDK would send.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from kallglot_api.models import Recording, RecordingList, Session, Transcript

from .. import _requests
from .._request_spec import BodyRequestOptions, RequestOptions, apply_body_options, apply_options
from .._validation import check_id
from ._base import AsyncRawSurface, AsyncSurface, Operation, Subsurface, SyncRawSurface, SyncSurface
from ._methods import Prepared, apages, pages

if TYPE_CHECKING:
    from kallglot_api.models import (
        AiAgentConfig,
        AudioSettings,
        RecordingSettings,
        SessionMetadata,
        SessionMode,
        SessionRouting,
    )

    from .._stream.asyncio import AsyncStream
    from .._stream.sync import Stream
    from ..params import AiAgentConfigParam, AudioSettingsParam, RecordingSettingsParam, SessionRoutingParam


def _create(
    *,
    mode: SessionMode | str,
    source_language: str | None = None,
    target_language: str | None = None,
    routing: SessionRouting | SessionRoutingParam | None = None,
    metadata: SessionMetadata | Mapping[str, Any] | None = None,
    audio: AudioSettings | AudioSettingsParam | None = None,
    recording: RecordingSettings | RecordingSettingsParam | None = None,
    ai_agent: AiAgentConfig | AiAgentConfigParam | None = None,
    idempotency_key: str | None = None,
    **options: Unpack[BodyRequestOptions],
) -> Prepared[Session]:
    """Create a session (one API credit). Without ``idempotency_key`` a fresh one is made for this call.

    A dict for ``routing``, ``audio``, ``recording`` or ``ai_agent`` with a key the API does not define
    raises ``ValueError`` naming the valid keys (``kallglot.params`` has their ``TypedDict``s).
    """
    spec = _requests.create_session(
        mode=mode, source_language=source_language, target_language=target_language, routing=routing,
        metadata=metadata, audio=audio, recording=recording, ai_agent=ai_agent, idempotency_key=idempotency_key,
    )  # fmt: skip
    return Prepared(apply_body_options(spec, **options), Session)


def _retrieve(session_id: str, **options: Unpack[RequestOptions]) -> Prepared[Session]:
    """The session now, with a fresh stream token while it is not ended."""
    return Prepared(apply_options(_requests.retrieve_session(session_id), **options), Session)


def _end(
    session_id: str, *, idempotency_key: str | None = None, **options: Unpack[BodyRequestOptions]
) -> Prepared[Session]:
    """End the session (idempotent: an ended session returns its summary)."""
    spec = _requests.end_session(session_id, idempotency_key=idempotency_key)
    return Prepared(apply_body_options(spec, **options), Session)


def _transcript(session_id: str, **options: Unpack[RequestOptions]) -> Prepared[Transcript]:
    """The transcript so far (``in_progress``) or in full (``completed``).

    No query parameter is sent: the deprecated ``format`` and ``include_translations`` only go out if
    passed in ``extra_query``.
    """
    return Prepared(apply_options(_requests.session_transcript(session_id), **options), Transcript)


def _list_recordings(
    session_id: str,
    *,
    limit: int | None = None,
    starting_after: str | None = None,
    ending_before: str | None = None,
    **options: Unpack[RequestOptions],
) -> Prepared[RecordingList]:
    """One page of the session's recordings."""
    spec = _requests.list_recordings(
        session_id, limit=limit, starting_after=starting_after, ending_before=ending_before
    )
    return Prepared(apply_options(spec, **options), RecordingList)


_RECORDINGS_DOC = (
    "Every recording of the session (``for``, or ``async for`` on ``AsyncKallglot``), fetching pages lazily."
)


def _stream_hooks(sessions: Sessions | AsyncSessions, session: Session | str) -> dict[str, Any]:
    """How a stream refreshes its session (for a new token) and reads the transcript, by the session's id, and
    whether it parses strictly (as its client does)."""
    session_id = check_id("session_id", session if isinstance(session, str) else session.id)
    return {
        "refresh_session": lambda: sessions.retrieve(session_id),
        "fetch_transcript": lambda: sessions.transcript(session_id),
        # A strict client parses stream messages strictly too (an explicit strict= option still wins).
        "strict": sessions._client.strict_response_validation,
    }


class _Calls:
    """The calls of ``client.sessions``, declared once for all four surfaces (see ``_base``)."""

    create = Operation(_create)
    retrieve = Operation(_retrieve)
    end = Operation(_end)
    transcript = Operation(_transcript)
    list_recordings = Operation(_list_recordings)


class SessionsWithRawResponse(_Calls, SyncRawSurface):
    """``client.sessions.with_raw_response``: the same calls, returning ``APIResponse`` with headers."""


class Sessions(_Calls, SyncSurface):
    """``client.sessions``."""

    with_raw_response = Subsurface(SessionsWithRawResponse)

    recordings = pages(_list_recordings, Recording, _RECORDINGS_DOC)

    def stream(self, session: Session | str, *, reconnect: bool = True, **options: Any) -> Stream:
        """Open the session's live stream (use it with ``with``); it connects lazily, on ``with``,
        ``connect()``, the first send or the first event.

        Given an id, the session is retrieved when the stream connects. Its token is refreshed by retrieving
        the session again whenever it has expired or the server refuses it. ``options`` are the fields of
        ``StreamOptions`` (``raise_on_error``, ``on_reconnect``, ``send_timeout``, ``ping_interval`` …).
        """
        from .._stream.sync import open_stream

        return open_stream(session, reconnect=reconnect, **{**_stream_hooks(self, session), **options})


class AsyncSessionsWithRawResponse(_Calls, AsyncRawSurface):
    """``client.sessions.with_raw_response`` of ``AsyncKallglot``."""


class AsyncSessions(_Calls, AsyncSurface):
    """``client.sessions`` of ``AsyncKallglot``."""

    with_raw_response = Subsurface(AsyncSessionsWithRawResponse)

    recordings = apages(_list_recordings, Recording, _RECORDINGS_DOC)

    def stream(self, session: Session | str, *, reconnect: bool = True, **options: Any) -> AsyncStream:
        """The session's live stream (use it with ``async with``); it connects lazily, on ``async with``,
        ``await``, ``connect()``, the first send or the first event; see ``Sessions.stream``."""
        from .._stream.asyncio import open_async_stream

        return open_async_stream(session, reconnect=reconnect, **{**_stream_hooks(self, session), **options})
