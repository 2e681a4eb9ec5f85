"""What a response tells beyond its body: request id, credits, rate limit, the idempotency key used."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Generic, NamedTuple, TypeVar

import httpx

from ._wire import number

T = TypeVar("T")


class CreditBalance(NamedTuple):
    """API credits as the last response reported them (``X-API-Credits-*``)."""

    remaining: int | None
    used: int | None
    observed_at: datetime.datetime
    request_id: str | None


class RateLimit(NamedTuple):
    """The rate-limit window as the last response reported it (``X-RateLimit-*``)."""

    limit: int | None
    remaining: int | None
    reset_at: datetime.datetime | None


# Bounds for numbers read from headers (see _wire.number): anything outside is treated as absent, never raised.
MAX_COUNT = 10**15  # credits and rate-limit counts; no account holds a quadrillion of either
MAX_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last second datetime can represent


def _int(headers: Mapping[str, str], name: str, maximum: float = MAX_COUNT) -> int | None:
    value = number(headers.get(name), maximum=maximum, clamp=False)
    return None if value is None else int(value)


def parse_credits(headers: Mapping[str, str], request_id: str | None) -> CreditBalance | None:
    """Credits from ``X-API-Credits-*``; a value that is not a whole number in ``[0, 10**15]`` is ``None``."""
    remaining, used = _int(headers, "x-api-credits-remaining"), _int(headers, "x-api-credits-used")
    if remaining is None and used is None:
        return None
    return CreditBalance(remaining, used, datetime.datetime.now(datetime.UTC), request_id)


def parse_rate_limit(headers: Mapping[str, str]) -> RateLimit | None:
    """The window from ``X-RateLimit-*``; the reset is Unix seconds up to year 9999, else ``None``."""
    limit, remaining = _int(headers, "x-ratelimit-limit"), _int(headers, "x-ratelimit-remaining")
    reset = _int(headers, "x-ratelimit-reset", MAX_EPOCH)
    if limit is None and remaining is None and reset is None:
        return None
    reset_at = datetime.datetime.fromtimestamp(reset, datetime.UTC) if reset is not None else None
    return RateLimit(limit, remaining, reset_at)


class _HTTPView:
    """``status_code`` and ``headers`` of the ``http_response`` a wrapper holds."""

    __slots__ = ()
    http_response: httpx.Response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers


class APIResponse(_HTTPView, Generic[T]):
    """A parsed response together with its metadata (``client.<resource>.with_raw_response.<method>()``)."""

    __slots__ = ("_credits", "_plain_headers", "http_response", "idempotency_key", "parsed", "request_id")

    def __init__(
        self, http_response: httpx.Response, parsed: T, idempotency_key: str | None, plain_headers: Mapping[str, str]
    ) -> None:
        self.http_response = http_response
        self.parsed = parsed
        self.idempotency_key = idempotency_key
        self._plain_headers = plain_headers
        self.request_id: str | None = plain_headers.get("x-request-id")
        self._credits: CreditBalance | None = None

    @property
    def credits(self) -> CreditBalance | None:
        if self._credits is None:
            self._credits = parse_credits(self._plain_headers, self.request_id)
        return self._credits

    @property
    def rate_limit(self) -> RateLimit | None:
        return parse_rate_limit(self._plain_headers)

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] request_id={self.request_id!r} parsed={type(self.parsed).__name__}>"


class _AudioResponseBase(_HTTPView):
    """What both shells' streamed audio responses tell before any byte is read."""

    __slots__ = ("http_response", "recording_id")

    def __init__(self, response: httpx.Response, recording_id: str) -> None:
        self.http_response = response
        self.recording_id = recording_id

    @property
    def content_type(self) -> str | None:
        """The audio's media type, e.g. ``audio/wav``."""
        kind: str | None = self.http_response.headers.get("content-type")
        return kind

    @property
    def content_length(self) -> int | None:
        """The size announced by the server, when it announced one."""
        from ._download import content_length

        return content_length(self.http_response)

    @property
    def filename(self) -> str | None:
        """The file name the server proposes, cleaned of folders, control characters and excess length."""
        from ._download import server_filename

        return server_filename(self.http_response.headers) or None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.recording_id} {self.content_type}>"


class AudioResponse(_AudioResponseBase):
    """A recording's audio as it arrives (``client.recordings.with_streaming_response.download(id)``).

    Iterate ``iter_bytes()`` to forward the bytes elsewhere; a failure midway raises ``APIConnectionError``, and
    a body shorter than its ``Content-Length`` raises it at the end, so a truncated copy is never mistaken for
    a whole one. The response is closed when the ``with`` block ends.
    """

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The audio bytes (decoded if the server used a content coding anyway)."""
        from ._download import DOWNLOAD_ERRORS, check_complete, failed

        try:
            yield from self.http_response.iter_bytes(chunk_size)
            check_complete(self.http_response)
        except DOWNLOAD_ERRORS as exc:
            raise failed(self.recording_id, exc) from exc

    def read(self) -> bytes:
        """All of the audio, in memory."""
        return b"".join(self.iter_bytes())

    def close(self) -> None:
        self.http_response.close()


class AsyncAudioResponse(_AudioResponseBase):
    """The asyncio twin of ``AudioResponse``: ``async for chunk in response.iter_bytes()``."""

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The audio bytes (decoded if the server used a content coding anyway)."""
        from ._download import DOWNLOAD_ERRORS, check_complete, failed

        try:
            async for chunk in self.http_response.aiter_bytes(chunk_size):
                yield chunk
            check_complete(self.http_response)
        except DOWNLOAD_ERRORS as exc:
            raise failed(self.recording_id, exc) from exc

    async def read(self) -> bytes:
        """All of the audio, in memory."""
        return b"".join([chunk async for chunk in self.iter_bytes()])

    async def close(self) -> None:
        await self.http_response.aclose()
