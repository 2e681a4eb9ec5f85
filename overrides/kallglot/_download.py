"""Downloads as pure steps: which request comes next, where the bytes go, and what a server may name a file.

``recordings.py`` drives them with two short loops per shell: one sends the requests ``Hops`` gives through
the same send loop as every other call (retries, logging, credits; the API key never leaves the API's origin,
and every hop's response is closed there), the other copies the audio's chunks into a ``Sink``.
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import httpx

from ._constants import MAX_REDIRECTS
from ._exceptions import APIConnectionError, APIError
from ._request_spec import RequestSpec
from ._status_errors import make_status_error, read_error, without_secrets

if TYPE_CHECKING:
    from ._response import AsyncAudioResponse, AudioResponse

ProgressCallback = Callable[[int, int | None], None]
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# What reading a body can raise besides our own errors; each becomes an APIConnectionError naming the recording.
DOWNLOAD_ERRORS = (httpx.TransportError, httpx.DecodingError)
# Audio is saved byte for byte: ask for no content coding (a gzip answer is still decoded and its length checked).
AUDIO_HEADERS = {"Accept-Encoding": "identity"}
MAX_FILENAME = 120  # characters of a server-chosen name: well inside every file system's 255-byte limit
_DISPOSITION = re.compile(r"""filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)|filename\s*=\s*("[^"]*"|[^;]+)""")
_EXTENSIONS = {"wav": ".wav", "mpeg": ".mp3", "mp3": ".mp3", "ogg": ".ogg", "webm": ".webm", "flac": ".flac"}


def audio_request(spec: RequestSpec) -> RequestSpec:
    """The first hop: the recording's audio, streamed, without content coding."""
    return spec._replace(stream=True, headers={**(spec.headers or {}), **AUDIO_HEADERS})


def next_hop(response: httpx.Response, spec: RequestSpec) -> RequestSpec | None:
    """The request after ``response`` (a closed redirect), or ``None`` when ``response`` is the audio itself."""
    if response.status_code < 300:
        return None
    location = response.headers.get("location")
    if response.status_code not in REDIRECTS or not location:
        raise make_status_error(response, read_error(response), None, None)
    try:
        url = response.url.join(location)
    except httpx.InvalidURL as exc:
        raise APIConnectionError(f"the download was redirected to an invalid URL: {exc}") from None
    if url.scheme not in ("https", "http"):
        raise APIConnectionError(f"the download was redirected to a {url.scheme!r} URL, which is not followed")
    # The caller's query belongs to the API request; a pre-signed URL carries its own.
    options = spec.options._replace(extra_query=None) if spec.options else None
    return RequestSpec("GET", str(url), stream=True, headers=spec.headers, options=options)


class Hops:
    """The requests of one download, first to last: iterate them, sending each and setting ``response`` to its
    answer before asking for the next. Iteration ends when ``response`` is the audio; a redirect becomes the
    next request (``next_hop``), and more than ``MAX_REDIRECTS`` of them raise ``APIConnectionError``."""

    response: httpx.Response

    def __init__(self, spec: RequestSpec, recording_id: str) -> None:
        self._first = spec
        self._recording_id = recording_id

    def __iter__(self) -> Iterator[RequestSpec]:
        spec = self._first
        for _ in range(MAX_REDIRECTS + 1):
            yield spec
            hop = next_hop(self.response, spec)
            if hop is None:
                return
            spec = hop
        raise too_many_redirects(self._recording_id)


def ensure_audio(response: httpx.Response, recording_id: str) -> None:
    """Refuse a success that carries no audio: 202 (the older contract's "still processing") or 204."""
    if response.status_code in (202, 204):
        raise APIError(
            f"recording {recording_id} is not ready yet (HTTP {response.status_code}); try again later",
            status_code=response.status_code,
            code="recording_not_ready",
            request_id=response.headers.get("x-request-id"),
            response=without_secrets(response),
        )


def too_many_redirects(recording_id: str) -> APIConnectionError:
    return APIConnectionError(f"download of {recording_id} was redirected more than {MAX_REDIRECTS} times")


def failed(recording_id: str, exc: Exception) -> APIConnectionError:
    return APIConnectionError(f"download of {recording_id} failed: {type(exc).__name__}: {exc}")


def clean_filename(name: str) -> str:
    """``name`` fit to create in a folder: no folders, control or format characters, leading dots, or excess
    length (the extension is kept); ``""`` if nothing is left."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip().lstrip(".").strip()
    if len(name) > MAX_FILENAME:
        _, dot, ext = name.rpartition(".")
        ext = ext if dot and 0 < len(ext) <= 10 else ""
        name = name[: MAX_FILENAME - len(ext) - 1].rstrip() + ("." + ext if ext else "")
    return name


def server_filename(headers: httpx.Headers) -> str:
    """The file name ``Content-Disposition`` proposes, cleaned; ``""`` when there is none."""
    match = _DISPOSITION.search(headers.get("content-disposition", ""))
    if match is None:
        return ""
    encoded, plain = match.groups()
    name = urllib.parse.unquote(encoded.strip()) if encoded else plain.strip().strip('"')
    return clean_filename(name)


def is_folder(destination: str | os.PathLike[str]) -> bool:
    """A destination ending in a path separator, or an existing folder, names a folder."""
    text = os.fspath(destination)
    return text.endswith(("/", os.sep)) or bool(os.altsep and text.endswith(os.altsep)) or os.path.isdir(text)


def target_path(destination: str | os.PathLike[str], response: httpx.Response, recording_id: str) -> Path:
    """``destination`` itself, or a file inside it when it is a folder (named by the server if it says)."""
    if not is_folder(destination):
        return Path(destination)
    name = server_filename(response.headers)
    if not name:
        kind = response.headers.get("content-type", "").split(";")[0].rsplit("/", 1)[-1].lower()
        name = clean_filename(recording_id) + _EXTENSIONS.get(kind, ".mp3")
    return Path(destination) / name


def content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "")
    return int(value) if value.isdigit() and len(value) < 20 else None


def check_complete(response: httpx.Response) -> None:
    """Raise ``httpx.ReadError`` when fewer bytes arrived than ``Content-Length`` announced."""
    expected = content_length(response)
    if expected is not None and response.num_bytes_downloaded != expected:
        raise httpx.ReadError(f"the body ended after {response.num_bytes_downloaded} of {expected} bytes")


def progress_total(response: httpx.Response) -> int | None:
    """The size ``on_progress`` reports: the length, unless a content coding makes it the coded length."""
    return None if "content-encoding" in response.headers else content_length(response)


def audio_sink(
    audio: AudioResponse | AsyncAudioResponse, destination: str | os.PathLike[str], on_progress: ProgressCallback | None
) -> Sink:
    """The ``Sink`` that saves ``audio`` at ``destination`` (a file, or a folder to name it in)."""
    response = audio.http_response
    return Sink(target_path(destination, response, audio.recording_id), progress_total(response), on_progress)


class Sink:
    """A temporary file beside ``target``, renamed into place when the ``with`` block ends normally and
    removed when it ends with an exception. The file gets the mode ``open()`` would give (the umask applies).
    """

    def __init__(self, target: Path, total: int | None, on_progress: ProgressCallback | None) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.temp = target.parent / f".{target.name[:MAX_FILENAME]}.{secrets.token_hex(4)}.part"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.temp, flags, 0o666)
        try:
            self._file = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            self.temp.unlink(missing_ok=True)
            raise
        self.target = target
        self.total = total
        self.done = 0
        self._on_progress = on_progress

    def __enter__(self) -> Sink:
        try:
            self._report()
        except BaseException:
            self.abort()
            raise
        return self

    def _report(self) -> None:
        if self._on_progress is not None:
            self._on_progress(self.done, self.total)

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)
        self.done += len(chunk)
        self._report()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc is not None:
            self.abort()
            return
        try:
            self._file.close()
            os.replace(self.temp, self.target)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        self._file.close()
        self.temp.unlink(missing_ok=True)
