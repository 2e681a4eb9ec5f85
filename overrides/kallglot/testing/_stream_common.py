"""What the stream recorder and the replay server share: the JSONL reader, secret scrubbing, a loopback server.

The format itself is described in ``_streams``; this module is the one place that parses it.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import threading
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import urlsplit, urlunsplit

from websockets.asyncio.connection import Connection
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.frames import EXTERNAL_CLOSE_CODES
from websockets.http11 import Request, Response

from ._vcr import scrub

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "Close",
    "Frame",
    "LoopbackServer",
    "RecordedConnection",
    "StreamRecordingError",
    "close_like",
    "read_recording",
    "scrub_bytes",
    "without_token",
]

FORMAT = "kallglot-stream"
FORMAT_VERSION = 1

logger = logging.getLogger("kallglot.testing.streams")
T = TypeVar("T")


class StreamRecordingError(ValueError):
    """A stream recording is missing or unreadable; the message names the file (and the line)."""


def scrub_bytes(data: bytes) -> bytes:
    """``scrub`` for binary frames: secrets in any ASCII-compatible text inside them are replaced."""
    return scrub(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")


def without_token(target: str) -> str:
    """A request target (path and query) without its ``token`` parameter, other secrets scrubbed: safe to write."""
    parts = urlsplit(target)
    query = "&".join(item for item in parts.query.split("&") if item and not item.startswith("token="))
    return scrub(urlunsplit(("", "", parts.path, query, "")))


@dataclass(frozen=True)
class Frame:
    t: float  # seconds since the recording started
    direction: str  # "client" (sent by the SDK) or "server"
    data: str | bytes


@dataclass(frozen=True)
class Close:
    closed_by: str  # the side whose end came first: "client" or "server"
    server: tuple[int, str] | None  # the close frame the server sent, None for a drop without one
    client: tuple[int, str] | None


@dataclass
class RecordedConnection:
    index: int
    t: float
    path: str
    frames: list[Frame] = field(default_factory=list)
    refused: tuple[int, str] | None = None  # HTTP status and body of a refused handshake
    close: Close | None = None


def _get(item: dict[str, Any], name: str, kind: type[T] | tuple[type, ...]) -> T:
    value = item.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        expected = "an integer" if kind is int else "a string" if kind is str else "a number"
        raise ValueError(f"field {name!r} is missing or not {expected}")
    return value  # type: ignore[return-value]


def _close_of(value: Any) -> tuple[int, str] | None:
    return None if value is None else (_get(value, "code", int), _get(value, "reason", str))


def _add(connections: list[RecordedConnection], item: dict[str, Any]) -> None:
    index, t = _get(item, "conn", int), float(_get(item, "t", (int, float)))
    event = item.get("event")
    if event == "open":
        if index != len(connections):
            raise ValueError(f"connection {index} opens out of order (expected {len(connections)})")
        connections.append(RecordedConnection(index, t, _get(item, "path", str)))
        return
    if not 0 <= index < len(connections) or connections[index].close or connections[index].refused:
        raise ValueError(f"connection {index} is not open here")
    connection = connections[index]
    if "dir" in item:
        if item["dir"] not in ("client", "server"):
            raise ValueError(f"'dir' must be 'client' or 'server', not {item['dir']!r}")
        if "binary" in item:
            data: str | bytes = base64.b64decode(_get(item, "binary", str), validate=True)
        else:
            data = _get(item, "text", str)
        connection.frames.append(Frame(t, item["dir"], data))
    elif event == "refused":
        connection.refused = (_get(item, "status", int), _get(item, "body", str))
    elif event == "close":
        if item.get("closed_by") not in ("client", "server"):
            raise ValueError("'closed_by' must be 'client' or 'server'")
        connection.close = Close(item["closed_by"], _close_of(item.get("server")), _close_of(item.get("client")))
    else:
        raise ValueError(f"a line needs 'dir' or a known 'event', not {event!r}")


def read_recording(path: Path) -> list[RecordedConnection]:
    """The connections recorded in ``path``, checked; ``StreamRecordingError`` names the file and line if not."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        hint = "record it with pytest --record-mode=rewrite"
        raise StreamRecordingError(f"cannot read the stream recording {path}: {reason} ({hint})") from exc
    connections: list[RecordedConnection] = []
    for number, line in enumerate(lines, 1):
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
            if number == 1:
                if item.get("format") != FORMAT or item.get("version") != FORMAT_VERSION:
                    raise ValueError(f"not a {FORMAT} recording of version {FORMAT_VERSION}: {line[:80]}")
            else:
                _add(connections, item)
        except (ValueError, binascii.Error) as exc:
            raise StreamRecordingError(f"{path}:{number}: {exc}") from None
    if not lines:
        raise StreamRecordingError(f"{path}: empty file, not a stream recording")
    for connection in connections:
        if connection.close is None and connection.refused is None:
            raise StreamRecordingError(f"{path}: connection {connection.index} has no close line (truncated?)")
    return connections


async def close_like(connection: Connection, close: tuple[int, str] | None) -> None:
    """End ``connection`` the way a peer did: the same close code and reason, or a cut TCP connection (None)."""
    if close is None:
        connection.transport.abort()
        return
    code, reason = close
    await connection.close(code if code in EXTERNAL_CLOSE_CODES or 3000 <= code < 5000 else 1000, reason)


class LoopbackServer:
    """A ``websockets`` asyncio server on 127.0.0.1 whose event loop runs in a daemon thread.

    Sync code and other event loops (``asyncio.run`` in a test) can both connect to it. Start and stop it from
    one thread, with ``with`` or :meth:`start` / :meth:`stop`. Subclasses provide ``_handle``.
    """

    def __init__(self, name: str) -> None:
        self.port = 0
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: Server | None = None

    async def _handle(self, connection: ServerConnection) -> None:
        raise NotImplementedError

    async def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        return None

    async def _on_stop(self) -> None:
        """Runs on the loop once the server and its connections are closed."""

    def _call(self, coroutine: Coroutine[Any, Any, T], timeout: float = 15.0) -> T:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def start(self) -> Self:
        """Listen on a free loopback port (``port``) and return once connections are accepted."""
        if self._loop is not None:
            raise RuntimeError(f"{type(self).__name__} is already running")
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=self._name, daemon=True)
        self._thread.start()

        async def listen() -> Server:
            return await serve(
                self._handle, "127.0.0.1", 0, process_request=self._process_request, compression=None,
                max_size=None, ping_interval=None, close_timeout=2, logger=logger,
            )  # fmt: skip

        self._server = self._call(listen())
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        """Close every connection (1001 going away), stop the server and its thread. Idempotent."""
        loop, thread, server = self._loop, self._thread, self._server
        if loop is None or thread is None:
            return

        async def shutdown() -> None:
            if server is not None:
                server.close()
                await server.wait_closed()
            await self._on_stop()

        try:
            self._call(shutdown())
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(5)
            if not thread.is_alive():
                loop.close()
            self._loop = self._thread = self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
