"""``StreamReplayServer``: play a stream recording back to the SDK, keeping the order of cause and effect."""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import attrs
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from kallglot_api.models import Session, StreamInfo

from ._stream_common import Frame, LoopbackServer, RecordedConnection, close_like, read_recording, without_token

__all__ = ["StreamReplayServer", "describe"]

_MISSING_TOKEN = json.dumps({
    "error": {"type": "authentication_error", "code": "missing_token",
              "message": "No stream token: append '?token=' from session.stream.token."},
})  # fmt: skip


def describe(message: str | bytes) -> str:
    """What a client frame is, as replay compares it: its JSON ``type`` (and ``#sequence`` for audio)."""
    if isinstance(message, bytes):
        return "a binary frame"
    try:
        body = json.loads(message)
    except ValueError:
        return "a text frame that is not JSON"
    kind = body.get("type") if isinstance(body, dict) else None
    if not isinstance(kind, str):
        return "a JSON frame without a 'type'"
    return f"{kind} #{body.get('sequence')}" if kind == "audio.input" else kind


class _GiveUp(Exception):
    """The client did not send what the recording says it sent: stop replaying this connection."""


class StreamReplayServer(LoopbackServer):
    """A loopback stream server that plays ``path`` (a ``StreamRecorder`` file) back; use it as ``with``.

    The n-th connection replays the n-th recorded one: the recorded server frames go out in order, and a server
    frame that followed client frames in the recording waits until the client has sent as many frames (so a
    transcript event comes after the audio that caused it). Client frames are compared by ``describe`` (JSON
    ``type``, and ``sequence`` for ``audio.input``); differences are collected in ``mismatches`` as readable
    lines rather than raised, so a test ends with ``assert not server.mismatches``. A connection ends as it did
    upstream: the same close code and reason, or a TCP abort where the server dropped without a close frame;
    where the client closed first, the server waits for it to close. A recorded refused handshake is refused
    with the same status. Handshakes without a ``token`` query parameter get 401 and do not count.

    ``speed=None`` (the default) sends as fast as causality allows; ``speed=1.0`` keeps the recorded gaps
    (2.0: half of them). The server waits ``timeout`` seconds for each expected client frame, then gives the
    connection up (a mismatch) and aborts it. ``mismatches`` is safe to read once the server has stopped.
    """

    def __init__(self, path: str | os.PathLike[str], *, speed: float | None = None, timeout: float = 10.0) -> None:
        super().__init__("kallglot-stream-replay")
        if speed is not None and speed <= 0:
            raise ValueError("speed must be positive (or None for no delays)")
        self.path = Path(path)
        self.recording = read_recording(self.path)
        if not self.recording:
            raise ValueError(f"{self.path}: no connections recorded")
        self.speed = speed
        self.timeout = timeout
        self.mismatches: list[str] = []
        self.connections = 0  # handshakes with a token so far
        self._assigned: dict[ServerConnection, RecordedConnection] = {}

    @property
    def url(self) -> str:
        """The stream URL to give the SDK: this server with the first recorded connection's path."""
        if not self.port:
            raise RuntimeError("start the replay server first")
        return f"ws://127.0.0.1:{self.port}{self.recording[0].path}"

    def session(
        self, session: Session | None = None, *, token: str = "kst_replay", expires_in: float = 300.0
    ) -> Session:
        """A ``Session`` streaming from this server, its token (any value opens the replay) expiring in
        ``expires_in`` seconds, so the SDK needs no REST call to refresh it.

        Given ``session`` (say, from a REST cassette), that session with its stream pointed here; without one, an
        active session with the recorded id and ``token``.
        """
        expires = datetime.now(UTC) + timedelta(seconds=expires_in)
        if session is not None and isinstance(session.stream, StreamInfo):
            return attrs.evolve(session, stream=attrs.evolve(session.stream, url=self.url, expires_at=expires))
        match = re.search(r"/sessions/([^/?]+)", self.recording[0].path)
        if match is None:
            raise ValueError(f"{self.path}: no session id in the recorded path {self.recording[0].path!r}")
        stream = {"url": self.url, "token": token, "expires_at": expires.isoformat()}
        return Session.from_dict({"id": match[1], "object": "session", "status": "active", "stream": stream})

    def _mismatch(self, index: int, text: str) -> None:
        self.mismatches.append(f"{self.path.name}, connection {index}: {text}")

    async def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        if not parse_qs(urlsplit(request.path).query).get("token", [""])[0]:
            return connection.respond(HTTPStatus.UNAUTHORIZED, _MISSING_TOKEN)
        index = self.connections
        self.connections += 1
        if index >= len(self.recording):
            self._mismatch(index, f"one connection more than the {len(self.recording)} recorded")
            return connection.respond(HTTPStatus.NOT_FOUND, "not in the stream recording")
        recorded = self.recording[index]
        if (path := without_token(request.path)) != recorded.path:
            self._mismatch(index, f"path {path!r}, recorded {recorded.path!r}")
        if recorded.refused is not None:
            return connection.respond(*recorded.refused)
        self._assigned[connection] = recorded
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        recorded = self._assigned.pop(ws)
        replay = _Replay(self, ws, recorded)
        try:
            await replay.run()
        except ConnectionClosed:
            left = len(recorded.frames) - replay.done
            if left:
                self._mismatch(recorded.index, f"the client's connection closed with {left} recorded frames to go")
        except _GiveUp:
            ws.transport.abort()


class _Replay:
    """One connection's replay. Lives on the server's loop."""

    def __init__(self, server: StreamReplayServer, ws: ServerConnection, recorded: RecordedConnection) -> None:
        self.server, self.ws, self.recorded = server, ws, recorded
        self.done = 0  # recorded frames sent or received
        self.received = 0  # client frames received
        self.mark = (recorded.t, time.monotonic())  # a recorded time and when replay reached it

    async def run(self) -> None:
        waiting: list[Frame] = []  # client frames the next server frame waits for
        for frame in self.recorded.frames:
            if frame.direction == "client":
                waiting.append(frame)
                continue
            for expected in waiting:
                await self.receive(expected)
            waiting.clear()
            await self.pace(frame.t)
            await self.ws.send(frame.data)
            self.done += 1
        for expected in waiting:
            await self.receive(expected)
        await self.end()

    async def receive(self, expected: Frame) -> None:
        want = describe(expected.data)
        try:
            async with asyncio.timeout(self.server.timeout):
                message = await self.ws.recv()
        except TimeoutError:
            self.mismatch(f"waited {self.server.timeout}s for client frame {self.received + 1} ({want}); none came")
            raise _GiveUp from None
        self.received += 1
        self.done += 1
        if (got := describe(message)) != want:
            self.mismatch(f"client frame {self.received}: expected {want}, got {got}")
        self.mark = (expected.t, time.monotonic())

    async def pace(self, t: float) -> None:
        if self.server.speed is not None:
            delay = (t - self.mark[0]) / self.server.speed - (time.monotonic() - self.mark[1])
            if delay > 0:
                await asyncio.sleep(delay)
        self.mark = (t, time.monotonic())

    async def end(self) -> None:
        close = self.recorded.close
        assert close is not None  # read_recording checks every accepted connection has one
        if close.closed_by == "server":
            await close_like(self.ws, close.server)
            return
        try:  # the client closed first in the recording: wait for it, noting anything it still sends
            async with asyncio.timeout(self.server.timeout):
                async for message in self.ws:
                    self.mismatch(f"unexpected client frame after the recorded ones: {describe(message)}")
        except TimeoutError:
            self.mismatch(f"the client did not close within {self.server.timeout}s, as it did in the recording")
            raise _GiveUp from None

    def mismatch(self, text: str) -> None:
        self.server._mismatch(self.recorded.index, text)
