"""``client.recordings``: metadata, and audio as a file, as bytes, or as a stream of chunks.

Every form opens the audio with the same loop (``_open``: redirect hops through the client's send loop) and
reads it with the steps in ``_download``. A call's ``timeout`` bounds each hop up to its headers; the body
then only has to keep arriving (each read within the timeout), however long the recording.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from kallglot_api.models import Recording

from .. import _requests
from .._constants import DOWNLOAD_CHUNK_SIZE, MAX_REDIRECTS
from .._download import (
    DOWNLOAD_ERRORS,
    ProgressCallback,
    Sink,
    audio_request,
    check_complete,
    ensure_audio,
    failed,
    next_hop,
    progress_total,
    target_path,
    too_many_redirects,
)
from .._response import APIResponse, AsyncAudioResponse, AudioResponse
from .._transport import RequestSpec, apply_options
from ._base import aparsed, parsed

if TYPE_CHECKING:
    from .._client import AsyncKallglot, Kallglot

Destination = str | os.PathLike[str]
Timeout = float | httpx.Timeout | None
Headers = Mapping[str, str] | None
Query = Mapping[str, Any] | None


def _audio_spec(recording_id: str, timeout: Timeout, extra_headers: Headers, extra_query: Query) -> RequestSpec:
    spec = audio_request(_requests.recording_audio(recording_id))
    return apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)


class RecordingsWithRawResponse:
    """``client.recordings.with_raw_response``."""

    def __init__(self, client: Kallglot) -> None:
        self._client = client

    def retrieve(
        self, recording_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> APIResponse[Recording]:
        """A recording's metadata."""
        spec = _requests.retrieve_recording(recording_id)
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return self._client._request(spec, Recording)


class RecordingsWithStreamingResponse:
    """``client.recordings.with_streaming_response``: the audio as it arrives, for callers who forward it."""

    def __init__(self, client: Kallglot) -> None:
        self._client = client

    def download(
        self, recording_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> contextlib.AbstractContextManager[AudioResponse]:
        """``with ...download(id) as audio: for chunk in audio.iter_bytes(): ...``; closed when the block ends.

        The request is made when the block is entered."""
        return self._stream(_audio_spec(recording_id, timeout, extra_headers, extra_query), recording_id)

    @contextlib.contextmanager
    def _stream(self, spec: RequestSpec, recording_id: str) -> Iterator[AudioResponse]:
        response = self._open(spec, recording_id)
        try:
            ensure_audio(response, recording_id)
            yield AudioResponse(response, recording_id)
        finally:
            response.close()

    def _open(self, spec: RequestSpec, recording_id: str) -> httpx.Response:
        for _ in range(MAX_REDIRECTS + 1):
            response, _ = self._client._send(spec)
            hop = next_hop(response, spec)
            if hop is None:
                return response
            spec = hop
        raise too_many_redirects(recording_id)


class Recordings:
    """``client.recordings``."""

    def __init__(self, client: Kallglot) -> None:
        self._client = client
        self.with_raw_response = RecordingsWithRawResponse(client)
        self.with_streaming_response = RecordingsWithStreamingResponse(client)

    retrieve = parsed(RecordingsWithRawResponse.retrieve)

    def content(
        self, recording_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> bytes:
        """The whole audio in memory (``APIConnectionError`` if it arrives incomplete)."""
        with self.with_streaming_response.download(
            recording_id, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
        ) as audio:
            return audio.read()

    def download(
        self, recording_id: str, destination: Destination, *, on_progress: ProgressCallback | None = None,
        timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None,
    ) -> Path:  # fmt: skip
        """Stream the audio to ``destination`` in constant memory and return the file's path.

        ``destination`` is a file, or a folder when it ends in a path separator or already is one (created if
        missing; the file is then named by the server, cleaned, or after the recording). The bytes go to a
        temporary file beside it, renamed into place only once complete, with the mode the process umask
        gives (0644 under umask 022); on any failure nothing is left behind. ``on_progress(bytes_done,
        total_or_None)`` is called before the first byte and per chunk. A redirect to pre-signed storage (the
        older contract) is followed without the API key.
        """
        streaming = self.with_streaming_response
        response = streaming._open(_audio_spec(recording_id, timeout, extra_headers, extra_query), recording_id)
        try:
            ensure_audio(response, recording_id)
            with Sink(target_path(destination, response, recording_id), progress_total(response), on_progress) as sink:
                for chunk in response.iter_bytes(DOWNLOAD_CHUNK_SIZE):
                    sink.write(chunk)
                check_complete(response)
            return sink.target
        except DOWNLOAD_ERRORS as exc:
            raise failed(recording_id, exc) from exc
        finally:
            response.close()


class AsyncRecordingsWithRawResponse:
    """``client.recordings.with_raw_response`` of ``AsyncKallglot``."""

    def __init__(self, client: AsyncKallglot) -> None:
        self._client = client

    async def retrieve(
        self, recording_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> APIResponse[Recording]:
        """A recording's metadata."""
        spec = _requests.retrieve_recording(recording_id)
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return await self._client._request(spec, Recording)


class AsyncRecordingsWithStreamingResponse:
    """``client.recordings.with_streaming_response`` of ``AsyncKallglot``."""

    def __init__(self, client: AsyncKallglot) -> None:
        self._client = client

    def download(
        self, recording_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> contextlib.AbstractAsyncContextManager[AsyncAudioResponse]:
        """``async with ...download(id) as audio: async for chunk in audio.iter_bytes(): ...``."""
        return self._stream(_audio_spec(recording_id, timeout, extra_headers, extra_query), recording_id)

    @contextlib.asynccontextmanager
    async def _stream(self, spec: RequestSpec, recording_id: str) -> AsyncIterator[AsyncAudioResponse]:
        response = await self._open(spec, recording_id)
        try:
            ensure_audio(response, recording_id)
            yield AsyncAudioResponse(response, recording_id)
        finally:
            await response.aclose()

    async def _open(self, spec: RequestSpec, recording_id: str) -> httpx.Response:
        for _ in range(MAX_REDIRECTS + 1):
            response, _ = await self._client._send(spec)
            hop = next_hop(response, spec)
            if hop is None:
                return response
            spec = hop
        raise too_many_redirects(recording_id)


class AsyncRecordings:
    """``client.recordings`` of ``AsyncKallglot``."""

    def __init__(self, client: AsyncKallglot) -> None:
        self._client = client
        self.with_raw_response = AsyncRecordingsWithRawResponse(client)
        self.with_streaming_response = AsyncRecordingsWithStreamingResponse(client)

    retrieve = aparsed(AsyncRecordingsWithRawResponse.retrieve)

    async def content(
        self, recording_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> bytes:
        """The whole audio in memory; see ``Recordings.content``."""
        async with self.with_streaming_response.download(
            recording_id, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
        ) as audio:
            return await audio.read()

    async def download(
        self, recording_id: str, destination: Destination, *, on_progress: ProgressCallback | None = None,
        timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None,
    ) -> Path:  # fmt: skip
        """Stream the audio to ``destination``; see ``Recordings.download``."""
        streaming = self.with_streaming_response
        response = await streaming._open(_audio_spec(recording_id, timeout, extra_headers, extra_query), recording_id)
        try:
            ensure_audio(response, recording_id)
            with Sink(target_path(destination, response, recording_id), progress_total(response), on_progress) as sink:
                async for chunk in response.aiter_bytes(DOWNLOAD_CHUNK_SIZE):
                    sink.write(chunk)
                check_complete(response)
            return sink.target
        except DOWNLOAD_ERRORS as exc:
            raise failed(recording_id, exc) from exc
        finally:
            await response.aclose()
