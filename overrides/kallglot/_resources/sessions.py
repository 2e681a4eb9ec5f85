"""``client.sessions``: create, retrieve, end, transcript, recordings (and the live stream)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kallglot_api.models import Recording, RecordingList, Session, Transcript

from .. import _requests
from .._pagination import AsyncPager, SyncPager
from .._response import APIResponse
from .._transport import apply_options
from .._validation import check_id
from ._base import aparsed, parsed

if TYPE_CHECKING:
    import httpx

    from kallglot_api.models import (
        AiAgentConfig,
        AudioSettings,
        RecordingSettings,
        SessionMetadata,
        SessionMode,
        SessionRouting,
    )

    from .._client import AsyncKallglot, Kallglot
    from .._stream.asyncio import AsyncStream
    from .._stream.sync import Stream
    from ..params import AiAgentConfigParam, AudioSettingsParam, RecordingSettingsParam, SessionRoutingParam

# Every method also takes the per-request options timeout= (seconds or an httpx.Timeout), extra_headers=,
# extra_query= and, when it sends a body, extra_body= (merged into the JSON body, for fields newer than this
# SDK); they are applied last, so they win over what the SDK would send.


class SessionsWithRawResponse:
    """``client.sessions.with_raw_response``: the same calls, returning ``APIResponse`` with headers."""

    def __init__(self, client: Kallglot) -> None:
        self._client = client

    def create(
        self,
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
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> APIResponse[Session]:
        """Create a session (one API credit). Without ``idempotency_key`` a fresh one is made for this call.

        A dict for ``routing``, ``audio``, ``recording`` or ``ai_agent`` with a key the API does not define
        raises ``ValueError`` naming the valid keys (``kallglot.params`` has their ``TypedDict``s).
        """
        spec = _requests.create_session(
            mode=mode, source_language=source_language, target_language=target_language, routing=routing,
            metadata=metadata, audio=audio, recording=recording, ai_agent=ai_agent, idempotency_key=idempotency_key,
        )  # fmt: skip
        spec = apply_options(
            spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
        )
        return self._client._request(spec, Session)

    def retrieve(
        self,
        session_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> APIResponse[Session]:
        """The session now, with a fresh stream token while it is not ended."""
        spec = _requests.retrieve_session(session_id)
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return self._client._request(spec, Session)

    def end(
        self,
        session_id: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> APIResponse[Session]:
        """End the session (idempotent: an ended session returns its summary)."""
        spec = _requests.end_session(session_id, idempotency_key=idempotency_key)
        spec = apply_options(
            spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
        )
        return self._client._request(spec, Session)

    def transcript(
        self,
        session_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> APIResponse[Transcript]:
        """The transcript so far (``in_progress``) or in full (``completed``).

        No query parameter is sent: the deprecated ``format`` and ``include_translations`` only go out if
        passed in ``extra_query``.
        """
        spec = _requests.session_transcript(session_id)
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return self._client._request(spec, Transcript)

    def list_recordings(
        self,
        session_id: str,
        *,
        limit: int | None = None,
        starting_after: str | None = None,
        ending_before: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> APIResponse[RecordingList]:
        """One page of the session's recordings."""
        spec = _requests.list_recordings(
            session_id, limit=limit, starting_after=starting_after, ending_before=ending_before
        )
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return self._client._request(spec, RecordingList)


class Sessions:
    """``client.sessions``."""

    def __init__(self, client: Kallglot) -> None:
        self._client = client
        self.with_raw_response = SessionsWithRawResponse(client)

    create = parsed(SessionsWithRawResponse.create)
    retrieve = parsed(SessionsWithRawResponse.retrieve)
    end = parsed(SessionsWithRawResponse.end)
    transcript = parsed(SessionsWithRawResponse.transcript)
    list_recordings = parsed(SessionsWithRawResponse.list_recordings)

    def recordings(
        self,
        session_id: str,
        *,
        limit: int | None = None,
        starting_after: str | None = None,
        ending_before: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> SyncPager[Recording, RecordingList]:
        """Every recording of the session, fetching pages lazily as iteration reaches them."""
        spec = _requests.list_recordings(
            session_id, limit=limit, starting_after=starting_after, ending_before=ending_before
        )
        apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)  # checked now

        def fetch(after: str | None, before: str | None) -> RecordingList:
            return self.list_recordings(
                session_id,
                limit=limit,
                starting_after=after,
                ending_before=before,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )

        return SyncPager(fetch, starting_after, ending_before)

    def stream(self, session: Session | str, *, reconnect: bool = True, **options: Any) -> Stream:
        """Open the session's live stream (connected on return; use it with ``with``).

        Given an id, the session is retrieved first. Its token is refreshed by retrieving the session again
        whenever it has expired or the server refuses it. ``options`` are the fields of ``StreamOptions``
        (``raise_on_error``, ``on_reconnect``, ``send_timeout``, ``ping_interval`` …).
        """
        from .._stream.sync import open_stream

        session_id = check_id("session_id", session if isinstance(session, str) else session.id)
        return open_stream(
            session,
            refresh_session=lambda: self.retrieve(session_id),
            fetch_transcript=lambda: self.transcript(session_id),
            reconnect=reconnect,
            **{"strict": self._client.strict_response_validation, **options},
        )


class AsyncSessionsWithRawResponse:
    """``client.sessions.with_raw_response`` of ``AsyncKallglot``."""

    def __init__(self, client: AsyncKallglot) -> None:
        self._client = client

    async def create(
        self,
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
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> APIResponse[Session]:
        """Create a session (one API credit). Without ``idempotency_key`` a fresh one is made for this call.

        A dict for ``routing``, ``audio``, ``recording`` or ``ai_agent`` with a key the API does not define
        raises ``ValueError`` naming the valid keys (``kallglot.params`` has their ``TypedDict``s).
        """
        spec = _requests.create_session(
            mode=mode, source_language=source_language, target_language=target_language, routing=routing,
            metadata=metadata, audio=audio, recording=recording, ai_agent=ai_agent, idempotency_key=idempotency_key,
        )  # fmt: skip
        spec = apply_options(
            spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
        )
        return await self._client._request(spec, Session)

    async def retrieve(
        self,
        session_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> APIResponse[Session]:
        """The session now, with a fresh stream token while it is not ended."""
        spec = _requests.retrieve_session(session_id)
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return await self._client._request(spec, Session)

    async def end(
        self,
        session_id: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> APIResponse[Session]:
        """End the session (idempotent: an ended session returns its summary)."""
        spec = _requests.end_session(session_id, idempotency_key=idempotency_key)
        spec = apply_options(
            spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
        )
        return await self._client._request(spec, Session)

    async def transcript(
        self,
        session_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> APIResponse[Transcript]:
        """The transcript so far (``in_progress``) or in full (``completed``).

        No query parameter is sent: the deprecated ``format`` and ``include_translations`` only go out if
        passed in ``extra_query``.
        """
        spec = _requests.session_transcript(session_id)
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return await self._client._request(spec, Transcript)

    async def list_recordings(
        self,
        session_id: str,
        *,
        limit: int | None = None,
        starting_after: str | None = None,
        ending_before: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> APIResponse[RecordingList]:
        """One page of the session's recordings."""
        spec = _requests.list_recordings(
            session_id, limit=limit, starting_after=starting_after, ending_before=ending_before
        )
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return await self._client._request(spec, RecordingList)


class AsyncSessions:
    """``client.sessions`` of ``AsyncKallglot``."""

    def __init__(self, client: AsyncKallglot) -> None:
        self._client = client
        self.with_raw_response = AsyncSessionsWithRawResponse(client)

    create = aparsed(AsyncSessionsWithRawResponse.create)
    retrieve = aparsed(AsyncSessionsWithRawResponse.retrieve)
    end = aparsed(AsyncSessionsWithRawResponse.end)
    transcript = aparsed(AsyncSessionsWithRawResponse.transcript)
    list_recordings = aparsed(AsyncSessionsWithRawResponse.list_recordings)

    def recordings(
        self,
        session_id: str,
        *,
        limit: int | None = None,
        starting_after: str | None = None,
        ending_before: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> AsyncPager[Recording, RecordingList]:
        """Every recording of the session (``async for``), fetching pages lazily."""
        spec = _requests.list_recordings(
            session_id, limit=limit, starting_after=starting_after, ending_before=ending_before
        )
        apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)  # checked now

        async def fetch(after: str | None, before: str | None) -> RecordingList:
            return await self.list_recordings(
                session_id,
                limit=limit,
                starting_after=after,
                ending_before=before,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )

        return AsyncPager(fetch, starting_after, ending_before)

    def stream(self, session: Session | str, *, reconnect: bool = True, **options: Any) -> AsyncStream:
        """The session's live stream, connected by ``async with`` (or ``await``); see ``Sessions.stream``."""
        from .._stream.asyncio import open_async_stream

        session_id = check_id("session_id", session if isinstance(session, str) else session.id)
        return open_async_stream(
            session,
            refresh_session=lambda: self.retrieve(session_id),
            fetch_transcript=lambda: self.transcript(session_id),
            reconnect=reconnect,
            **{"strict": self._client.strict_response_validation, **options},
        )
