"""The live stream: ``ws://…/v1/sessions/{id}/connect?token=kst_…`` as the current docs describe it.

Connect-time checks fail the handshake with an HTTP error envelope (401 bad or expired token, 404 unknown
session, 409 ended session). Once open, the server sends ``session.ready``, answers ``audio.input`` with
``transcript.partial`` / ``transcript.final`` / ``audio.output`` frames (see ``_transcriber``), ``ping`` with
``pong``, rejects audio other than 8 kHz mu-law with ``session.error`` ``invalid_audio_format``, and when the
session ends (``session.end`` here or ``POST /sessions/{id}/end``) announces the turns that the end finalised,
then sends ``session.ended`` and closes (1000).
Unreadable or unknown messages get an ``error`` frame and the stream stays open.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
from typing import Any

from starlette.routing import BaseRoute, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from .._wire import loads
from ._context import MockContext
from ._errors import ApiError
from ._models import SessionRecord


class _Dropped(Exception):
    """The fault injection cut this connection."""


async def stream_endpoint(websocket: WebSocket) -> None:
    ctx: MockContext = websocket.app.state.mock
    session_id = websocket.path_params["id"]
    token = websocket.query_params.get("token")
    session = ctx.state.sessions.get(session_id)
    refusal: ApiError | None = None
    if not token:
        refusal = ApiError(401, "No stream token: append '?token=' from session.stream.token.", code="missing_token")
    elif session is None:
        refusal = ApiError(404, f"No such session: '{session_id}'.", code="resource_not_found", param="id")
    elif (problem := ctx.state.check_token(session_id, token)) is not None:
        expired = problem == "stream_token_expired"
        message = "The stream token expired; retrieve the session for a fresh one." if expired else None
        refusal = ApiError(401, message or "The stream token is not valid for this session.", code=problem)
    elif session.ended_at is not None:
        refusal = ApiError(409, f"Session '{session_id}' has ended.", code="session_ended")
    if refusal is not None or session is None:
        await _refuse(websocket, ctx, refusal or ApiError(404))
        return
    await websocket.accept()
    ctx.state.start_session(session)
    await _Connection(websocket, ctx, session, ctx.faults.take_stream_drop()).run()


async def _refuse(websocket: WebSocket, ctx: MockContext, error: ApiError) -> None:
    request_id = ctx.state.ids.new("req", 24)
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        response = error.response(request_id)
        response.headers["X-Request-ID"] = request_id
        await websocket.send_denial_response(response)
    else:
        await websocket.close(code=1008, reason=error.code)


class _Connection:
    """One open stream. Not thread-safe: it lives on the server's event loop."""

    def __init__(self, websocket: WebSocket, ctx: MockContext, session: SessionRecord, drop_after: int | None):
        self.websocket = websocket
        self.ctx = ctx
        self.session = session
        self.drop_after = drop_after
        self.sent = 0
        self.end_reason: str | None = None
        self.finals: list[dict[str, Any]] = []
        self.ended = asyncio.Event()

    async def run(self) -> None:
        loop = asyncio.get_running_loop()

        def on_end(reason: str, finals: list[dict[str, Any]]) -> None:
            # end_session may run on a test's thread: hand the news to this loop safely.
            loop.call_soon_threadsafe(self._mark_ended, reason, finals)

        unwatch = self.ctx.state.watch_end(self.session.id, on_end)
        try:
            if self.session.ended_at is not None:
                self._mark_ended(self.session.end_reason or "ended")
            await self._check_drop()
            await self.send({"type": "session.ready", "session_id": self.session.id})
            await self._serve()
        except (_Dropped, WebSocketDisconnect):
            pass
        finally:
            unwatch()

    def _mark_ended(self, reason: str, finals: list[dict[str, Any]] | None = None) -> None:
        self.end_reason = reason
        self.finals = finals or []
        self.ended.set()

    async def _serve(self) -> None:
        ended = asyncio.ensure_future(self.ended.wait())
        try:
            while True:
                receiving = asyncio.ensure_future(self.websocket.receive())
                await asyncio.wait({receiving, ended}, return_when=asyncio.FIRST_COMPLETED)
                if not receiving.done():
                    receiving.cancel()
                    reason = self.end_reason or "ended"
                    for frame in self.finals:
                        await self.send(frame)
                    await self.send({"type": "session.ended", "session_id": self.session.id, "reason": reason})
                    await self.websocket.close(code=1000)
                    return
                message = receiving.result()
                if message["type"] == "websocket.disconnect":
                    return
                await self._handle(message.get("text"))
        finally:
            ended.cancel()

    async def _handle(self, text: str | None) -> None:
        try:
            message = loads(text) if text is not None else None
        except ValueError:
            message = None
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self._error("error", "invalid_message", "Frames must be JSON text objects with a 'type'.")
            return
        kind = message["type"]
        if kind == "audio.input":
            await self._audio(message)
        elif kind == "ping":
            await self.send({"type": "pong", "session_id": self.session.id})
        elif kind == "session.end":
            self.ctx.state.end_session(self.session, "explicit_end")
        else:
            await self._error("error", "unknown_message_type", f"Unknown message type '{kind}'.")

    async def _audio(self, message: dict[str, Any]) -> None:
        audio = message.get("audio")
        if not isinstance(audio, dict) or audio.get("encoding") != "mulaw" or audio.get("sample_rate_hz") != 8000:
            await self._error(
                "session.error", "invalid_audio_format",
                "Only 8 kHz mono G.711 mu-law is accepted: audio.encoding 'mulaw', audio.sample_rate_hz 8000.",
            )  # fmt: skip
            return
        try:
            data = base64.b64decode(str(audio.get("payload", "")), validate=True)
        except (binascii.Error, ValueError):
            await self._error("session.error", "invalid_audio_format", "audio.payload is not valid base64.")
            return
        speaker = message.get("speaker")
        for frame in self.ctx.state.hear(self.session, speaker if isinstance(speaker, str) else "customer", data):
            await self.send(frame)

    async def _error(self, kind: str, code: str, message: str) -> None:
        await self.send({"type": kind, "code": code, "message": message})

    async def send(self, frame: dict[str, Any]) -> None:
        await self.websocket.send_text(json.dumps(frame, ensure_ascii=False, allow_nan=False))
        self.sent += 1
        await self._check_drop()

    async def _check_drop(self) -> None:
        if self.drop_after is None or self.sent < self.drop_after:
            return
        client = self.websocket.client
        dropper = self.ctx.dropper
        if dropper is None or client is None or not dropper((client.host, client.port)):
            # In-process there is no socket to cut; an abnormal close code is the nearest thing.
            await self.websocket.close(code=1011, reason="dropped by fault injection")
        raise _Dropped


def stream_routes() -> list[BaseRoute]:
    return [WebSocketRoute("/v1/sessions/{id}/connect", stream_endpoint)]
