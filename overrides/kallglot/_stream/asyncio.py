"""``AsyncStream``: the live stream on ``websockets.asyncio.client``, the twin of ``sync.Stream``.

Sends write straight to the connection (one at a time, under a lock, so wire order is sequence order) and
wait in ``websockets``' ``drain()`` when its buffer passes ``send_buffer`` bytes. A lost connection is
replaced by one reconnect task that senders (bounded by ``send_timeout``) and the iterator both wait for.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from kallglot_api.models import Session, Transcript, TranscriptTurn

from .. import audio as _audio
from .._exceptions import StreamBackpressureError, StreamConnectionError, StreamError
from .events import SessionEndedEvent, StreamEvent, TranscriptFinalEvent
from .options import StreamOptions
from .protocol import END_FRAME, PING_FRAME, StreamProtocol
from .reconnect import ConnectAttempts

__all__ = ["AsyncStream", "open_async_stream"]

logger = logging.getLogger("kallglot.stream")


class AsyncStream:
    """A session's live stream for asyncio: ``await send_*``, ``async for`` events until ``session.ended``.

    Connects on ``async with``, ``await stream`` or :meth:`connect`. Use from one event loop. Options are the
    fields of ``StreamOptions``; ``on_reconnect`` may be a plain function or a coroutine function.
    """

    def __init__(
        self,
        session: Session | str,
        *,
        refresh_session: Callable[[], Awaitable[Session]],
        fetch_transcript: Callable[[], Awaitable[Transcript]],
        reconnect: bool = True,
        raise_on_error: bool = False,
        on_reconnect: Callable[[int], Any] | None = None,
        **options: Any,
    ) -> None:
        self.options = StreamOptions(
            reconnect=reconnect, raise_on_error=raise_on_error, on_reconnect=on_reconnect, **options
        )
        self._protocol = StreamProtocol(session, self.options)
        self._refresh_session = refresh_session
        self._fetch_transcript = fetch_transcript
        self._conn: ClientConnection | None = None
        # Connections not yet read to the end, oldest first: events buffered on a lost one still come out.
        self._unread: deque[ClientConnection] = deque()
        self._send_lock = asyncio.Lock()
        self._connect_lock = asyncio.Lock()
        self._reconnecting: asyncio.Task[bool] | None = None
        self._failure: StreamError | None = None
        self._finished = False

    # Lifecycle

    async def connect(self) -> AsyncStream:
        """Open the connection if it is not open yet (retrieving a fresh token if needed); idempotent."""
        if self._conn is None:
            async with self._connect_lock:
                if self._conn is None and self._failure is None and not self._finished:
                    self._conn = await self._connect_round(reconnecting=False)
        return self

    async def close(self) -> None:
        """Close the connection after the frames already written; idempotent."""
        self._finished = True
        if self._reconnecting is not None:
            self._reconnecting.cancel()
        if self._conn is not None:
            try:
                # websockets' close() drains the write buffer first, unbounded if the peer stopped reading.
                async with asyncio.timeout(self.options.close_timeout):
                    await self._conn.close()
            except TimeoutError:
                self._conn.transport.abort()

    def __await__(self) -> Any:
        return self.connect().__await__()

    async def __aenter__(self) -> AsyncStream:
        return await self.connect()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    # Sending

    async def send_audio(self, audio: bytes, *, speaker: str = "customer") -> int:
        """Send one ``audio.input`` frame of 8 kHz mu-law; returns its ``sequence``.

        Waits while the socket's buffer is full or a reconnect is under way; after ``send_timeout`` seconds
        raises ``StreamBackpressureError`` (a frame already handed to the socket stays queued there).
        """
        conn = self._conn
        if conn is None or self._send_lock.locked() or self._finished:
            await self.connect()
            async with self._send_lock:
                frame = self._protocol.audio_frame(audio, speaker)
                sequence = self._protocol.last_sequence
                await self._transmit(frame)
            return sequence
        frame = self._protocol.audio_frame(audio, speaker)
        sequence = self._protocol.last_sequence
        # Fast path, nobody else sending and room below the high-water mark: send() cannot wait in drain(), so
        # no lock and no timer per frame (together a fifth of a frame's cost). The write is synchronous, so
        # frames still leave in sequence order.
        if conn.transport.get_write_buffer_size() + len(frame) <= self.options.send_buffer:
            try:
                await conn.send(frame)
                return sequence
            except ConnectionClosed:
                pass  # the slow path waits for the reconnect and sends this frame again
        async with self._send_lock:
            await self._transmit(frame)
        return sequence

    async def send_pcm16(self, pcm: bytes, *, sample_rate: int, speaker: str = "customer") -> int:
        """Convert mono 16-bit PCM to 8 kHz mu-law and send it as 20 ms frames; returns the last ``sequence``."""
        sequence = self._protocol.last_sequence
        for frame in _audio.pcm16_to_mulaw_frames(pcm, sample_rate):
            sequence = await self.send_audio(frame, speaker=speaker)
        return sequence

    async def send_wav(self, path: str | os.PathLike[str], *, speaker: str = "customer", realtime: bool = True) -> int:
        """Send a WAV file as 20 ms frames, paced at real time unless ``realtime=False``; returns frames sent."""
        loop = asyncio.get_running_loop()
        start, count = loop.time(), 0
        for count, frame in enumerate(_audio.wav_frames(path), 1):
            if realtime and (delay := start + (count - 1) * _audio.FRAME_MS / 1000 - loop.time()) > 0:
                await asyncio.sleep(delay)
            await self.send_audio(frame, speaker=speaker)
        return count

    async def ping(self) -> None:
        """Send the protocol's ``ping``; the server's ``pong`` arrives as a ``PongEvent``."""
        await self.connect()
        async with self._send_lock:
            await self._transmit(PING_FRAME)

    async def end(self) -> None:
        """Send ``session.end``; iteration then runs to ``session.ended``."""
        await self.connect()
        async with self._send_lock:
            self._protocol.end_requested = True
            await self._transmit(END_FRAME)

    async def _transmit(self, frame: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.options.send_timeout
        while True:
            self._check_usable()
            conn = self._conn
            assert conn is not None
            try:
                async with asyncio.timeout_at(deadline):
                    await conn.send(frame)
                return
            except TimeoutError:
                timeout = self.options.send_timeout
                raise StreamBackpressureError(
                    f"the socket did not drain for {timeout}s", session_id=self.session_id, timeout=timeout
                ) from None
            except ConnectionClosed as exc:
                # A frame whose send raised never reached the server whole: it goes again, same sequence.
                remaining = deadline - loop.time()
                try:
                    recovered = await asyncio.wait_for(asyncio.shield(self._recover(conn, exc)), max(0, remaining))
                except TimeoutError:
                    timeout = self.options.send_timeout
                    raise StreamBackpressureError(
                        f"no connection for {timeout}s", session_id=self.session_id, timeout=timeout
                    ) from None
                if not recovered:
                    self._check_usable()

    def _check_usable(self) -> None:
        if self._failure is not None:
            raise self._failure
        if self._finished:
            raise StreamError("the stream is closed", session_id=self.session_id, code="stream_closed")

    # Connecting

    async def _connect_round(self, *, reconnecting: bool) -> ClientConnection:
        protocol = self._protocol
        attempts = ConnectAttempts(self.options, reconnecting=reconnecting, session_id=self.session_id)
        while True:
            try:
                if attempts.refresh_needed or protocol.token_needs_refresh():
                    protocol.update_session(await self._refresh_session())
                    protocol.token_fresh, attempts.refresh_needed = True, False
                protocol.check_connectable()
                conn: ClientConnection = await connect(
                    protocol.connect_url(), **self.options.connect_kwargs(asyncio=True)
                )
            except StreamConnectionError:
                raise
            except Exception as exc:
                try:
                    delay = attempts.failed(exc, token_was_fresh=protocol.token_fresh)
                except StreamConnectionError as error:
                    raise error from None  # the original may quote the URL, token and all
                await asyncio.sleep(delay)
                continue
            protocol.connected()
            self._unread.append(conn)
            return conn

    def _recover(self, failed: ClientConnection, exc: ConnectionClosed) -> asyncio.Future[bool]:
        """The task replacing ``failed`` (started here unless already running); it returns False when over."""
        if self._reconnecting is None or self._reconnecting.done():
            if self._conn is not failed:
                done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
                done.set_result(self._failure is None and not self._finished)
                return done
            self._reconnecting = asyncio.ensure_future(self._reconnect(exc))
        return self._reconnecting

    async def _reconnect(self, exc: ConnectionClosed) -> bool:
        if self._failure is not None or self._finished:
            return False
        if not self._protocol.should_reconnect(exc):
            return self._stop(self._protocol.lost_error(exc))
        try:
            conn = await self._connect_round(reconnecting=True)
        except StreamConnectionError as error:
            if error.code == "session_ended":  # it ended while we were away: a clean end
                logger.info("stream %s: the session ended while reconnecting", self.session_id)
                return self._stop(None)
            return self._stop(error)
        self._conn = conn
        if self._protocol.end_requested and self._protocol.ended is None:
            await conn.send(END_FRAME)  # the first connection may not have delivered it
        if self.options.on_reconnect is not None:
            try:
                result = self.options.on_reconnect(self.reconnect_count)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                logger.exception("stream %s: on_reconnect callback failed", self.session_id)
        return True

    def _stop(self, failure: StreamError | None) -> bool:
        self._failure = self._failure or failure
        self._finished = True
        return False

    # Receiving

    def __aiter__(self) -> AsyncIterator[StreamEvent]:
        return self

    async def __anext__(self) -> StreamEvent:
        """The next event; stops after ``session.ended`` or a normal close, raises ``StreamError`` on failure."""
        await self.connect()
        while True:
            if self._protocol.ended is not None or not self._unread:
                raise StopAsyncIteration
            conn, newer = self._unread[0], len(self._unread) > 1
            try:
                frame = await conn.recv()
            except ConnectionClosed as exc:
                if newer or await asyncio.shield(self._recover(conn, exc)):
                    if len(self._unread) > 1:
                        self._unread.popleft()
                    continue
                if self._failure is not None:
                    raise self._failure from None
                raise StopAsyncIteration from None
            event = self._protocol.receive(frame)
            if event is None:
                continue
            error = self._protocol.error_for(event)
            if error is not None:
                raise error
            return event

    # State

    @property
    def session_id(self) -> str:
        return self._protocol.session_id

    @property
    def reconnect_count(self) -> int:
        """How many times the stream has reconnected."""
        return self._protocol.reconnect_count

    @property
    def last_sequence(self) -> int:
        """The ``sequence`` of the last frame sent (0 before the first)."""
        return self._protocol.last_sequence

    @property
    def ended(self) -> SessionEndedEvent | None:
        """The ``session.ended`` event, once it has arrived."""
        return self._protocol.ended

    @property
    def finals(self) -> list[TranscriptFinalEvent]:
        """The ``transcript.final`` events delivered so far, each once, in arrival order."""
        return list(self._protocol.finals)

    async def transcript(self) -> list[TranscriptTurn]:
        """Every turn exactly once: the REST transcript reconciled with the finals seen live."""
        return self._protocol.reconcile(await self._fetch_transcript())


def open_async_stream(
    session: Session | str,
    *,
    refresh_session: Callable[[], Awaitable[Session]],
    fetch_transcript: Callable[[], Awaitable[Transcript]],
    **options: Any,
) -> AsyncStream:
    """An unconnected :class:`AsyncStream`: use ``async with`` (or ``await``) to connect; given an id it
    retrieves the session first. Options are the fields of ``StreamOptions``."""
    return AsyncStream(session, refresh_session=refresh_session, fetch_transcript=fetch_transcript, **options)
