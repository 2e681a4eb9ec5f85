"""A loopback Kallglot stream server for tests: the documented protocol, with scripted faults.

It runs ``websockets``' asyncio server on 127.0.0.1:0 in its own thread, so sync and ``asyncio.run`` tests
can both talk to it. Every connection's token and every frame it received are recorded. Behaviour per
connection comes from ``server.plan`` (the first connection takes ``plan[0]`` …); connections past the plan
behave normally: ``session.ready``; per ``turn_frames`` audio frames a ``transcript.partial`` then a
``transcript.final`` (with translation and a turn ``sequence``); ``ping`` → ``pong``; ``session.end`` →
``session.ended`` and a normal close; anything else → an ``error`` event.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Request, Response, ServerConnection, serve

from kallglot_api.models import Session, Transcript

SESSION_ID = "sess_test0001"


@dataclass
class Behaviour:
    """What one connection does. Fault options apply once the named number of audio frames has arrived."""

    drop_after: int | None = None  # abort the TCP connection (no close frame: 1006 for the client)
    stop_reading_after: int | None = None  # stop reading the socket: no frames, no pongs (back-pressure, dead peer)
    extra_events: list[dict[str, Any]] = field(default_factory=list)  # sent right after session.ready
    raw_frames: list[str | bytes] = field(default_factory=list)  # sent as they are after extra_events
    replay_last_final: bool = False  # resend the previous connection's last final after session.ready
    close_code: int | None = None  # close with this code right after session.ready
    close_at_once: int | None = None  # close with this code before sending anything
    silent: bool = False  # accept, then never send nor read (keep-alive pongs still answered by websockets)


@dataclass
class Connection:
    token: str
    frames: list[dict[str, Any]] = field(default_factory=list)


class StreamServer:
    """See the module docstring. Attributes are read by tests after (or while) the stream runs."""

    def __init__(self, *, turn_frames: int = 2) -> None:
        self.turn_frames = turn_frames
        self.tokens: set[str] = {"kst_good"}
        self.refused: list[str] = []  # tokens refused at the handshake
        self.connections: list[Connection] = []
        self.plan: list[Behaviour] = []
        self.default = Behaviour()  # connections past the plan
        # Handshakes to refuse, in order: (status, body, content type); the token check comes after these.
        self.refusals: list[tuple[int, str, str]] = []
        self.turns = 0
        self.user_agents: list[str] = []
        self.last_final: dict[str, Any] | None = None
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/v1/sessions/{SESSION_ID}/connect"

    def session(self, token: str = "kst_good", *, expires_in: float = 300, status: str = "active") -> Session:
        expires = (datetime.now(UTC) + timedelta(seconds=expires_in)).isoformat()
        stream = {"url": self.url, "token": token, "expires_at": expires} if status != "ended" else None
        return Session.from_dict({"id": SESSION_ID, "object": "session", "status": status, "stream": stream})

    def transcript(self, turns: list[dict[str, Any]]) -> Transcript:
        body = {"object": "transcript", "session_id": SESSION_ID, "status": "in_progress", "turns": turns}
        return Transcript.from_dict(body)

    def audio_frames(self) -> list[dict[str, Any]]:
        return [f for conn in self.connections for f in conn.frames if f.get("type") == "audio.input"]

    # Serving

    def _check_token(self, connection: ServerConnection, request: Request) -> Response | None:
        self.user_agents.append(request.headers.get("User-Agent", ""))
        if self.refusals:
            status, body, content_type = self.refusals.pop(0)
            response = connection.respond(HTTPStatus(status), body)
            response.headers["Content-Type"] = content_type
            return response
        token = parse_qs(urlsplit(request.path).query).get("token", [""])[0]
        if token not in self.tokens:
            self.refused.append(token)
            body = {"error": {"type": "authentication_error", "code": "invalid_token", "message": "bad token"}}
            return connection.respond(HTTPStatus.UNAUTHORIZED, json.dumps(body))
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        token = parse_qs(urlsplit(ws.request.path if ws.request else "").query)["token"][0]
        conn = Connection(token)
        self.connections.append(conn)
        index = len(self.connections) - 1
        behaviour = self.plan[index] if index < len(self.plan) else self.default
        if behaviour.close_at_once is not None:
            await ws.close(behaviour.close_at_once)
            return
        if behaviour.silent:
            ws.transport.pause_reading()
            await self._stopping.wait()
            return
        await ws.send(json.dumps({"type": "session.ready", "session_id": SESSION_ID}))
        if behaviour.close_code is not None:
            await ws.close(behaviour.close_code)
            return
        if behaviour.replay_last_final and self.last_final is not None:
            await ws.send(json.dumps(self.last_final))
        for event in behaviour.extra_events:
            await ws.send(json.dumps(event))
        for raw in behaviour.raw_frames:
            await ws.send(raw)
        audio = 0
        async for text in ws:
            message = json.loads(text)
            conn.frames.append(message)
            kind = message.get("type")
            if kind == "audio.input":
                audio += 1
                if audio % self.turn_frames == 0:
                    await self._turn(ws, message["speaker"])
                if behaviour.drop_after is not None and audio >= behaviour.drop_after:
                    ws.transport.abort()
                    return
                if behaviour.stop_reading_after is not None and audio >= behaviour.stop_reading_after:
                    ws.transport.pause_reading()
                    await self._stopping.wait()
                    return
            elif kind == "ping":
                await ws.send(json.dumps({"type": "pong", "session_id": SESSION_ID}))
            elif kind == "session.end":
                ended = {"type": "session.ended", "session_id": SESSION_ID, "reason": "explicit_end"}
                await ws.send(json.dumps(ended))
                await ws.close(1000)
                return
            else:
                await ws.send(json.dumps({"type": "error", "code": "unknown_message_type", "message": str(kind)}))

    async def _turn(self, ws: ServerConnection, speaker: str) -> None:
        self.turns += 1
        text = f"Satz {self.turns}"
        await ws.send(
            json.dumps({"type": "transcript.partial", "sequence": self.turns, "speaker": speaker, "text": text[:4]})
        )
        final = {
            "type": "transcript.final", "id": f"utt_{self.turns}", "sequence": self.turns, "speaker": speaker,
            "language": "de", "text": text, "translation": {"language": "en", "text": f"Sentence {self.turns}"},
        }  # fmt: skip
        self.last_final = final
        await ws.send(json.dumps(final))

    async def _start(self) -> Any:
        self._stopping = asyncio.Event()
        server = await serve(
            self._handle, "127.0.0.1", 0, process_request=self._check_token, compression=None, close_timeout=1
        )
        self.port = server.sockets[0].getsockname()[1]
        return server

    @contextmanager
    def running(self) -> Iterator[StreamServer]:
        self._thread.start()
        server = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(5)
        try:
            yield self
        finally:

            async def stop() -> None:
                self._stopping.set()
                for connection in list(server.connections):
                    connection.transport.abort()
                server.close()
                await server.wait_closed()

            asyncio.run_coroutine_threadsafe(stop(), self.loop).result(5)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(5)
            self.loop.close()
