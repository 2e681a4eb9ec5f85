"""``StreamRecorder``: a recording WebSocket proxy between the SDK and a real (or mock) stream server."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self
from urllib.parse import urlsplit, urlunsplit

import attrs
from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.connection import Connection
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus
from websockets.frames import Close as CloseFrame
from websockets.http11 import Request, Response

from kallglot_api.models import Session, StreamInfo

from ._stream_common import (
    FORMAT,
    FORMAT_VERSION,
    LoopbackServer,
    close_like,
    logger,
    scrub_bytes,
    without_token,
)
from ._vcr import scrub

__all__ = ["StreamRecorder"]

_SCHEMES = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}


def _close_json(frame: CloseFrame | None) -> dict[str, Any] | None:
    return None if frame is None else {"code": frame.code, "reason": scrub(frame.reason)}


class StreamRecorder(LoopbackServer):
    """Record live streams to a JSONL file (see ``kallglot.testing._streams``) by proxying them.

    ``upstream`` is the real server: a ``ws://`` / ``wss://`` URL, or the REST base URL (``http`` becomes
    ``ws``); only its scheme and host are used. Each connection the SDK opens here is forwarded to the same path
    and query upstream, and every frame both ways is written down before it is passed on, so a server frame is
    never written before the client frame that caused it. Hand the SDK ``recorder.url(session.stream.url)`` or
    ``recorder.session(session)`` in place of the session's own stream URL.

    Guaranteed: the ``token`` query parameter is never written, and stream tokens and API keys in frames,
    paths, close reasons and refusal bodies become ``REDACTED`` (``kallglot.testing.scrub``) before writing.
    The file appears when the recorder stops without an exception (it is written beside, then moved into
    place), so a failed run leaves the previous recording alone. A refused upstream handshake is refused to the
    client with the same status. Not forwarded: HTTP headers and WebSocket pings (each side's are answered by
    the proxy). Start and stop it from one thread.
    """

    def __init__(self, upstream: str, path: str | os.PathLike[str]) -> None:
        super().__init__("kallglot-stream-recorder")
        parts = urlsplit(upstream)
        if parts.scheme not in _SCHEMES or not parts.netloc:
            raise ValueError(f"upstream must be a ws://, wss://, http:// or https:// URL, not {upstream!r}")
        self.upstream = f"{_SCHEMES[parts.scheme]}://{parts.netloc}"
        self.path = Path(path)
        self.connections = 0  # client connections so far, refused ones included
        self._partial = self.path.with_name(self.path.name + ".partial")
        self._file: IO[str] | None = None
        self._started = 0.0
        self._links: dict[ServerConnection, tuple[int, ClientConnection]] = {}
        self._ending: set[int] = set()  # connections whose first side has gone: later frames are not written

    def url(self, stream_url: str) -> str:
        """``stream_url`` pointed at this recorder: its path and query are kept (the SDK adds ``token``)."""
        parts = urlsplit(stream_url)
        return urlunsplit(("ws", f"127.0.0.1:{self.port}", parts.path, parts.query, ""))

    def session(self, session: Session) -> Session:
        """``session`` with its stream URL replaced by :meth:`url` of it (a session with no stream as it is)."""
        if not isinstance(session.stream, StreamInfo):
            return session
        return attrs.evolve(session, stream=attrs.evolve(session.stream, url=self.url(session.stream.url)))

    # Lifecycle

    def start(self) -> Self:
        if self._file is not None:
            raise RuntimeError("the stream recorder is already running")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self._partial.open("w", encoding="utf-8")
        self._started = time.monotonic()
        self._write({"format": FORMAT, "version": FORMAT_VERSION})
        try:
            return super().start()
        except BaseException:
            self.stop(keep=False)
            raise

    def stop(self, *, keep: bool = True) -> None:
        """Stop recording; with ``keep`` the file replaces ``path``, else it is thrown away. Idempotent."""
        try:
            super().stop()
        finally:
            if self._file is not None:
                self._file.close()
                self._file = None
                if keep:
                    os.replace(self._partial, self.path)
                else:
                    self._partial.unlink(missing_ok=True)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop(keep=exc_type is None)

    async def _on_stop(self) -> None:
        for _, upstream in self._links.values():  # upstreams whose client never finished its handshake
            upstream.transport.abort()
        self._links.clear()

    # Proxying

    def _write(self, item: dict[str, Any]) -> None:
        if self._file is not None:
            self._file.write(json.dumps(item, ensure_ascii=False) + "\n")

    def _now(self) -> float:
        return round(time.monotonic() - self._started, 4)

    async def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        index = self.connections
        self.connections += 1
        self._write({"conn": index, "t": self._now(), "event": "open", "path": without_token(request.path)})
        try:
            upstream = await connect(
                self.upstream + request.path, compression=None, max_size=None, ping_interval=None, close_timeout=2,
                logger=logger,
            )  # fmt: skip
        except InvalidStatus as exc:
            status, body = exc.response.status_code, (exc.response.body or b"").decode("utf-8", "replace")
        except (OSError, TimeoutError, InvalidHandshake) as exc:
            status, body = 502, f"the stream recorder could not connect upstream: {type(exc).__name__}"
        else:
            self._links[connection] = (index, upstream)
            return None
        refusal = {"event": "refused", "status": status, "body": scrub(body)}
        self._write({"conn": index, "t": self._now(), **refusal})
        return connection.respond(status, body)

    async def _handle(self, client: ServerConnection) -> None:
        index, upstream = self._links.pop(client)
        pumps = {
            asyncio.create_task(self._pump(index, upstream, client, "server")): "server",
            asyncio.create_task(self._pump(index, client, upstream, "client")): "client",
        }
        done, _ = await asyncio.wait(pumps, return_when=asyncio.FIRST_COMPLETED)
        first = "server" if "server" in (pumps[task] for task in done) else "client"
        self._ending.add(index)
        gone, other = (upstream, client) if first == "server" else (client, upstream)
        await close_like(other, None if gone.protocol.close_rcvd is None else _as_pair(gone.protocol.close_rcvd))
        await asyncio.wait(pumps)
        self._write({
            "conn": index, "t": self._now(), "event": "close", "closed_by": first,
            "server": _close_json(upstream.protocol.close_rcvd), "client": _close_json(client.protocol.close_rcvd),
        })  # fmt: skip
        if self._file is not None:
            self._file.flush()

    async def _pump(self, index: int, source: Connection, target: Connection, direction: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            async for message in source:
                if index not in self._ending:
                    item: dict[str, Any] = {"conn": index, "t": self._now(), "dir": direction}
                    if isinstance(message, str):
                        item["text"] = scrub(message)
                    else:
                        item["binary"] = base64.b64encode(scrub_bytes(message)).decode("ascii")
                    self._write(item)
                with contextlib.suppress(ConnectionClosed):
                    await target.send(message)


def _as_pair(frame: CloseFrame) -> tuple[int, str]:
    return frame.code, frame.reason
