"""``client.recordings``: metadata, and audio as a file, as bytes, or as a stream of chunks.

Every form of the audio goes through ``with_streaming_response.download``: its loop sends the requests of
``_download.Hops`` (redirect hops, each through the client's send loop), and the file form copies the chunks
into a ``_download.Sink``. A call's ``timeout`` bounds each hop up to its headers; the body then only has to
keep arriving (each read within the timeout), however long the recording.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Iterator, Mapping
from pathlib import Path
from typing import Any, Unpack

import httpx

from kallglot_api.models import Recording

from .. import _requests
from .._constants import DOWNLOAD_CHUNK_SIZE
from .._download import Hops, ProgressCallback, audio_request, audio_sink, ensure_audio
from .._request_spec import RequestOptions, RequestSpec, apply_options
from .._response import AsyncAudioResponse, AudioResponse
from ._base import AsyncRawSurface, AsyncSurface, Operation, Subsurface, SyncRawSurface, SyncSurface
from ._methods import Prepared

Destination = str | os.PathLike[str]
Timeout = float | httpx.Timeout | None
Headers = Mapping[str, str] | None
Query = Mapping[str, Any] | None


def _retrieve(recording_id: str, **options: Unpack[RequestOptions]) -> Prepared[Recording]:
    """A recording's metadata."""
    return Prepared(apply_options(_requests.retrieve_recording(recording_id), **options), Recording)


def _audio_spec(recording_id: str, timeout: Timeout, extra_headers: Headers, extra_query: Query) -> RequestSpec:
    spec = audio_request(_requests.recording_audio(recording_id))
    return apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)


class _Calls:
    """The calls of ``client.recordings`` that return a model, declared once for all four surfaces (``_base``)."""

    retrieve = Operation(_retrieve)


class RecordingsWithRawResponse(_Calls, SyncRawSurface):
    """``client.recordings.with_raw_response``."""


class RecordingsWithStreamingResponse(SyncSurface):
    """``client.recordings.with_streaming_response``: the audio as it arrives, for callers who forward it."""

    def download(
        self, recording_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> contextlib.AbstractContextManager[AudioResponse]:
        """``with ...download(id) as audio: for chunk in audio.iter_bytes(): ...``; closed when the block ends.

        The request is made when the block is entered."""
        return self._stream(_audio_spec(recording_id, timeout, extra_headers, extra_query), recording_id)

    @contextlib.contextmanager
    def _stream(self, spec: RequestSpec, recording_id: str) -> Iterator[AudioResponse]:
        hops = Hops(spec, recording_id)
        for request in hops:
            hops.response, _ = self._client._send(request)
        try:
            ensure_audio(hops.response, recording_id)
            yield AudioResponse(hops.response, recording_id)
        finally:
            hops.response.close()


class Recordings(_Calls, SyncSurface):
    """``client.recordings``."""

    with_raw_response = Subsurface(RecordingsWithRawResponse)
    with_streaming_response = Subsurface(RecordingsWithStreamingResponse)

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
        streaming = self.with_streaming_response.download(
            recording_id, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
        )
        with streaming as audio, audio_sink(audio, destination, on_progress) as sink:
            for chunk in audio.iter_bytes(DOWNLOAD_CHUNK_SIZE):
                sink.write(chunk)
        return sink.target


class AsyncRecordingsWithRawResponse(_Calls, AsyncRawSurface):
    """``client.recordings.with_raw_response`` of ``AsyncKallglot``."""


class AsyncRecordingsWithStreamingResponse(AsyncSurface):
    """``client.recordings.with_streaming_response`` of ``AsyncKallglot``."""

    def download(
        self, recording_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> contextlib.AbstractAsyncContextManager[AsyncAudioResponse]:
        """``async with ...download(id) as audio: async for chunk in audio.iter_bytes(): ...``."""
        return self._stream(_audio_spec(recording_id, timeout, extra_headers, extra_query), recording_id)

    @contextlib.asynccontextmanager
    async def _stream(self, spec: RequestSpec, recording_id: str) -> AsyncIterator[AsyncAudioResponse]:
        hops = Hops(spec, recording_id)
        for request in hops:
            hops.response, _ = await self._client._send(request)
        try:
            ensure_audio(hops.response, recording_id)
            yield AsyncAudioResponse(hops.response, recording_id)
        finally:
            await hops.response.aclose()


class AsyncRecordings(_Calls, AsyncSurface):
    """``client.recordings`` of ``AsyncKallglot``."""

    with_raw_response = Subsurface(AsyncRecordingsWithRawResponse)
    with_streaming_response = Subsurface(AsyncRecordingsWithStreamingResponse)

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
        streaming = self.with_streaming_response.download(
            recording_id, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
        )
        async with streaming as audio:
            with audio_sink(audio, destination, on_progress) as sink:
                async for chunk in audio.iter_bytes(DOWNLOAD_CHUNK_SIZE):
                    sink.write(chunk)
        return sink.target
