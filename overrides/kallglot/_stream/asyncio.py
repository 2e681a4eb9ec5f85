"""``AsyncStream``: the live stream on ``websockets.asyncio.client``, the twin of ``sync.Stream``.

Sends write straight to the connection (one at a time, under a lock, so wire order is sequence order) and
wait in ``websockets``' ``drain()`` when its buffer passes ``send_buffer`` bytes. A lost connection is
replaced by one reconnect task that senders (bounded by ``send_timeout``) and the iterator both wait for.
Every decision lives in ``protocol``/``rounds``; this module only carries out their steps.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType
from typing import Any, cast

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from kallglot_api.models import Session, Transcript, TranscriptTurn

from .. import audio as _audio
from .._exceptions import StreamBackpressureError
from .base import StreamBase
from .events import StreamEvent
from .protocol import END_FRAME, END_SEQUENCE, PING_FRAME
from .reconnect import Open, Publish, Refresh, Send, Sleep, Step, StreamReconnect
from .rounds import Round

__all__ = ["AsyncStream", "open_async_stream"]

logger = logging.getLogger("kallglot.stream")


class AsyncStream(StreamBase):
    """A session's live stream for asyncio: ``await send_*``, ``async for`` events until ``session.ended``.

    Connects on ``async with``, ``await stream``, :meth:`connect`, the first send or the first ``anext()``.
    Use from one event loop. Options are the fields of ``StreamOptions``; ``on_reconnect`` may be a plain
    function or a coroutine function.
    """

    def __init__(
        self,
        session: Session | str,
        *,
        refresh_session: Callable[[], Awaitable[Session]],
        fetch_transcript: Callable[[], Awaitable[Transcript]],
        reconnect: bool = True,
        raise_on_error: bool = False,
        on_reconnect: Callable[[StreamReconnect], object] | None = None,
        **options: Any,
    ) -> None:
        options.update(reconnect=reconnect, raise_on_error=raise_on_error, on_reconnect=on_reconnect)
        super().__init__(session, asyncio=True, **options)
        self._refresh_session = refresh_session
        self._fetch_transcript = fetch_transcript
        self._conn: ClientConnection | None = None
        self._opening: ClientConnection | None = None
        # Connections not yet read to the end, oldest first: events buffered on a lost one still come out.
        self._unread: deque[ClientConnection] = deque()
        self._send_lock = asyncio.Lock()
        self._connect_lock = asyncio.Lock()
        self._started = False
        self._reconnecting: asyncio.Future[None] | None = None

    # Lifecycle

    async def connect(self) -> AsyncStream:
        """Open the connection if the stream has not connected yet; idempotent. A session that has ended makes
        a stream that yields its ``session.ended`` and stops; a connection that cannot be opened within
        ``open_timeout x (max_reconnect_attempts + 1)`` seconds raises ``StreamConnectionError``."""
        await self._start(None)
        return self

    async def _start(self, timeout: float | None) -> None:
        if self._started:
            return  # later connections are the reconnect rounds' business: never wait for them here
        try:
            async with asyncio.timeout(timeout):
                await self._connect_lock.acquire()
        except TimeoutError:
            raise StreamBackpressureError(
                f"no connection within {timeout}s", session_id=self.session_id, timeout=timeout or 0.0
            ) from None
        try:
            if not self._started:
                try:
                    await self._drive(self._protocol.connect())
                except BaseException as exc:
                    self._protocol.first_connect_failed(exc)  # cancelled too: later sends get a StreamError
                    raise
                finally:
                    self._started = True  # a failed first connect is not retried: the failure is kept
        finally:
            self._connect_lock.release()

    async def close(self) -> None:
        """Close the connection after the frames already written; idempotent."""
        self._protocol.stop(None)
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
        Raises ``StreamError`` after ``session.ended``, after :meth:`end`, and once the stream has closed.
        """
        conn = self._conn
        if conn is None or self._send_lock.locked():
            await self._start(self.options.send_timeout)
            async with self._send_lock:
                self._protocol.check_send()
                frame = self._protocol.audio_frame(audio, speaker)
                sequence = self._protocol.last_sequence
                await self._transmit(frame, sequence)
            return sequence
        self._protocol.check_send()
        frame = self._protocol.audio_frame(audio, speaker)
        sequence = self._protocol.last_sequence
        # Fast path, nobody else sending and room below the high-water mark: send() cannot wait in drain(), so
        # no lock and no timer per frame (together a fifth of a frame's cost). The write is synchronous, so
        # frames still leave in sequence order.
        if conn.transport.get_write_buffer_size() + len(frame) <= self.options.send_buffer:
            try:
                await conn.send(frame)
                self._protocol.written(sequence)
                return sequence
            except ConnectionClosed:
                pass  # the slow path waits for the reconnect and sends this frame again
        async with self._send_lock:
            await self._transmit(frame, sequence)
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
        await self._start(self.options.send_timeout)
        async with self._send_lock:
            self._protocol.check_send()
            await self._transmit(PING_FRAME, 0)

    async def end(self) -> None:
        """Send ``session.end``; iteration then runs to ``session.ended``. Idempotent; resent on the new
        connection if the connection it was written to drops before ``session.ended``."""
        await self._start(self.options.send_timeout)
        async with self._send_lock:
            if self._protocol.wants_end():
                await self._transmit(END_FRAME, END_SEQUENCE)

    async def _transmit(self, frame: str, sequence: int) -> None:
        loop = asyncio.get_running_loop()
        timeout = self.options.send_timeout
        deadline = loop.time() + timeout
        while True:
            conn = self._conn
            if conn is None or self._protocol.finished:
                self._protocol.check_send()
            assert conn is not None
            try:
                async with asyncio.timeout_at(deadline):
                    await conn.send(frame)
                self._protocol.written(sequence)
                return
            except TimeoutError:
                raise StreamBackpressureError(
                    f"the socket did not drain for {timeout}s", session_id=self.session_id, timeout=timeout
                ) from None
            except ConnectionClosed as exc:
                # A frame whose send raised never reached the server whole: it goes again, same sequence.
                try:
                    await asyncio.wait_for(asyncio.shield(self._recover(conn, exc)), max(0.0, deadline - loop.time()))
                except TimeoutError:
                    raise StreamBackpressureError(
                        f"no connection for {timeout}s", session_id=self.session_id, timeout=timeout
                    ) from None

    # Connecting: the shell only carries out the steps of the protocol's rounds

    async def _drive(self, steps: Round) -> ClientConnection | None:
        reply: object = None
        self._opening = None
        try:
            while True:
                reply = await self._perform(steps.send(reply))
        except StopIteration as stop:
            return cast(ClientConnection | None, stop.value)
        except asyncio.CancelledError:
            if self._opening is not None:
                self._opening.transport.abort()
            raise

    async def _perform(self, step: Step) -> object:
        try:
            if isinstance(step, Sleep):
                await asyncio.sleep(step.seconds)
            elif isinstance(step, Refresh):
                return await self._refresh_session()
            elif isinstance(step, Open):
                self._opening = await connect(step.url, **step.kwargs)
                return self._opening
            elif isinstance(step, Send):
                assert self._opening is not None
                await self._opening.send(step.frame)
            elif isinstance(step, Publish):
                assert self._opening is not None
                self._install(self._opening)
                if step.reconnected is not None:
                    await _notify(self.options.on_reconnect, step.reconnected)
        except Exception as exc:
            return exc
        return None

    def _install(self, conn: ClientConnection) -> None:
        self._conn = conn
        self._unread.append(conn)

    def _recover(self, failed: ClientConnection, exc: ConnectionClosed) -> asyncio.Future[None]:
        """The task replacing ``failed`` (started here unless running, or another task already replaced it)."""
        if self._reconnecting is None or self._reconnecting.done():
            if self._conn is not failed or self._protocol.finished:
                done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
                done.set_result(None)
                return done
            self._reconnecting = asyncio.ensure_future(self._reconnect(exc))
        return self._reconnecting

    async def _reconnect(self, exc: ConnectionClosed) -> None:
        await self._drive(self._protocol.connect(exc))

    # Receiving

    def __aiter__(self) -> AsyncIterator[StreamEvent]:
        return self

    async def __anext__(self) -> StreamEvent:
        """The next event; stops after ``session.ended`` or a normal close, raises ``StreamError`` on failure."""
        await self.connect()
        while True:
            pending = self._protocol.take_pending()
            if pending is not None:
                return pending
            if self._protocol.ended is not None or not self._unread:
                if self._protocol.failure is not None:
                    raise self._protocol.failure
                raise StopAsyncIteration
            conn = self._unread[0]
            try:
                frame = await conn.recv()
            except ConnectionClosed as exc:
                await asyncio.shield(self._recover(conn, exc))
                if conn in self._unread:
                    self._unread.remove(conn)
                continue
            event = self._protocol.deliver(frame)
            if event is not None:
                return event

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


async def _notify(callback: Callable[[StreamReconnect], object] | None, info: StreamReconnect) -> None:
    """Call ``on_reconnect``, awaiting what it returns if that is awaitable; its exceptions are logged."""
    if callback is None:
        return
    try:
        result = callback(info)
        if inspect.isawaitable(result):
            await result
    except Exception:
        logger.exception("on_reconnect callback failed")
