"""``client.recordings``: metadata, and downloads that never leave a partial file behind."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from kallglot_api.models import Recording

from .. import _requests
from .._constants import DOWNLOAD_CHUNK_SIZE, MAX_REDIRECTS
from .._download import ProgressCallback, Sink, content_length, redirect_target, target_path
from .._exceptions import APIConnectionError
from .._response import APIResponse
from .._status_errors import make_status_error
from ._base import aparsed, parsed

if TYPE_CHECKING:
    from .._client import AsyncKallglot, Kallglot

Destination = str | os.PathLike[str]


def _hop(client: Kallglot | AsyncKallglot, url: str, same_origin: bool) -> httpx.Request:
    request = client._http.build_request("GET", url, headers=client._settings.headers, timeout=client.timeout)
    if not same_origin:
        # A pre-signed storage URL on another host must never see the API key, which may sit on the pool.
        for name in ("authorization", "x-api-key"):
            request.headers.pop(name, None)
    return request


def _failed(recording_id: str, exc: httpx.TransportError) -> APIConnectionError:
    return APIConnectionError(f"download of {recording_id} failed: {type(exc).__name__}: {exc}")


class RecordingsWithRawResponse:
    """``client.recordings.with_raw_response``."""

    def __init__(self, client: Kallglot) -> None:
        self._client = client

    def retrieve(self, recording_id: str) -> APIResponse[Recording]:
        """A recording's metadata."""
        return self._client._request(_requests.retrieve_recording(recording_id), Recording)


class Recordings:
    """``client.recordings``."""

    def __init__(self, client: Kallglot) -> None:
        self._client = client
        self.with_raw_response = RecordingsWithRawResponse(client)

    retrieve = parsed(RecordingsWithRawResponse.retrieve)

    def download(
        self, recording_id: str, destination: Destination, *, on_progress: ProgressCallback | None = None
    ) -> Path:
        """Stream the audio to ``destination`` (a file, or a folder to put it in) in constant memory.

        The bytes go to a temporary file beside the destination, renamed into place only once complete;
        on any failure nothing is left behind. ``on_progress(bytes_done, total_or_None)`` is called per chunk.
        A redirect to pre-signed storage (the older contract) is followed without the API key.
        """
        client, http = self._client, self._client._http
        response, _ = client._send(_requests.recording_audio(recording_id))
        for _ in range(MAX_REDIRECTS + 1):
            hop = redirect_target(response, client.base_url)
            if hop is None:
                break
            url, same_origin = hop
            request = _hop(client, url, same_origin)
            try:
                response = http.send(request, stream=True)
                if response.is_error:
                    response.read()
                    response.close()
                    raise make_status_error(response, None, None)
            except httpx.TransportError as exc:
                raise _failed(recording_id, exc) from exc
        else:
            raise APIConnectionError(f"download of {recording_id} was redirected more than {MAX_REDIRECTS} times")
        try:
            total = None if "content-encoding" in response.headers else content_length(response)
            sink = Sink(target_path(destination, response, recording_id), total, on_progress)
            try:
                for chunk in response.iter_raw(DOWNLOAD_CHUNK_SIZE):
                    sink.write(chunk)
                return sink.commit()
            except BaseException:
                sink.abort()
                raise
        except httpx.TransportError as exc:
            raise _failed(recording_id, exc) from exc
        finally:
            response.close()


class AsyncRecordingsWithRawResponse:
    """``client.recordings.with_raw_response`` of ``AsyncKallglot``."""

    def __init__(self, client: AsyncKallglot) -> None:
        self._client = client

    async def retrieve(self, recording_id: str) -> APIResponse[Recording]:
        """A recording's metadata."""
        return await self._client._request(_requests.retrieve_recording(recording_id), Recording)


class AsyncRecordings:
    """``client.recordings`` of ``AsyncKallglot``."""

    def __init__(self, client: AsyncKallglot) -> None:
        self._client = client
        self.with_raw_response = AsyncRecordingsWithRawResponse(client)

    retrieve = aparsed(AsyncRecordingsWithRawResponse.retrieve)

    async def download(
        self, recording_id: str, destination: Destination, *, on_progress: ProgressCallback | None = None
    ) -> Path:
        """Stream the audio to ``destination``; see ``Recordings.download``."""
        client, http = self._client, self._client._http
        response, _ = await client._send(_requests.recording_audio(recording_id))
        for _ in range(MAX_REDIRECTS + 1):
            hop = redirect_target(response, client.base_url)
            if hop is None:
                break
            url, same_origin = hop
            request = _hop(client, url, same_origin)
            try:
                response = await http.send(request, stream=True)
                if response.is_error:
                    await response.aread()
                    await response.aclose()
                    raise make_status_error(response, None, None)
            except httpx.TransportError as exc:
                raise _failed(recording_id, exc) from exc
        else:
            raise APIConnectionError(f"download of {recording_id} was redirected more than {MAX_REDIRECTS} times")
        try:
            total = None if "content-encoding" in response.headers else content_length(response)
            sink = Sink(target_path(destination, response, recording_id), total, on_progress)
            try:
                async for chunk in response.aiter_raw(DOWNLOAD_CHUNK_SIZE):
                    sink.write(chunk)
                return sink.commit()
            except BaseException:
                sink.abort()
                raise
        except httpx.TransportError as exc:
            raise _failed(recording_id, exc) from exc
        finally:
            await response.aclose()
