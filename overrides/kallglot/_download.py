"""Write a download to a temporary file beside its destination and rename it only when complete."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import httpx

_FILENAME = re.compile(r"""filename\*?=(?:UTF-8'')?["']?([^"';]+)""", re.IGNORECASE)
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ProgressCallback = Callable[[int, int | None], None]


def target_path(destination: str | os.PathLike[str], response: httpx.Response, recording_id: str) -> Path:
    """``destination`` itself, or a file inside it when it is a directory (named by the server if it says)."""
    path = Path(destination)
    if not path.is_dir():
        return path
    match = _FILENAME.search(response.headers.get("content-disposition", ""))
    name = Path(match.group(1)).name if match else ""
    if not name or name in {".", ".."}:
        kind = response.headers.get("content-type", "")
        name = recording_id + (".wav" if "wav" in kind else ".mp3")
    return path / name


def redirect_target(response: httpx.Response, api_url: str) -> tuple[str, bool] | None:
    """Where a redirect points and whether that is the API's own origin (only then may the key go along)."""
    location = response.headers.get("location")
    if response.status_code not in REDIRECTS or not location:
        return None
    url = response.url.join(location)
    api = httpx.URL(api_url)
    return str(url), (url.scheme, url.host, url.port) == (api.scheme, api.host, api.port)


def content_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None


class Sink:
    """A temporary file in the destination's folder; ``commit`` renames it into place, ``abort`` removes it."""

    def __init__(self, target: Path, total: int | None, on_progress: ProgressCallback | None) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        self._file = os.fdopen(fd, "wb")
        self.temp = Path(name)
        self.target = target
        self.total = total
        self.done = 0
        self._on_progress = on_progress
        if on_progress is not None:
            on_progress(0, total)

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)
        self.done += len(chunk)
        if self._on_progress is not None:
            self._on_progress(self.done, self.total)

    def commit(self) -> Path:
        self._file.close()
        if self.total is not None and self.done != self.total:
            self.abort()
            raise httpx.ReadError(f"download ended after {self.done} of {self.total} bytes")
        os.replace(self.temp, self.target)
        return self.target

    def abort(self) -> None:
        self._file.close()
        self.temp.unlink(missing_ok=True)
