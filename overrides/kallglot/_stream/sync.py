"""``Stream``: the live stream on ``websockets.sync.client``. Every decision lives in ``protocol``/``rounds``.

Threads: the caller's, one sender thread per stream (it owns the socket's write side), and ``websockets``' own
reader and keep-alive threads. Frames wait in a bounded outbox, which is what lets ``send_audio`` block with a
limit: a blocking ``sendall`` on a stalled socket could not be bounded otherwise. A lost connection is replaced
by whichever thread notices first (under ``_connect_lock``); senders never wait for that lock once the stream
has connected, so ``send_timeout`` holds during a reconnect.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import os
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any, cast

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from kallglot_api.models import Session, Transcript, TranscriptTurn

from .. import audio as _audio
from .._exceptions import StreamBackpressureError
from .base import StreamBase
from .events import StreamEvent
from .protocol import END_FRAME, END_SEQUENCE, PING_FRAME
from .reconnect import Open, Publish, Refresh, Send, Sleep, Step, StreamReconnect
from .rounds import Round

__all__ = ["Stream", "open_stream"]

logger = logging.getLogger("kallglot.stream")
_FRAME_OVERHEAD = 160  # JSON around a base64 payload, for the outbox's byte count


class Stream(StreamBase):
    """A session's live stream: send audio, iterate typed events until ``session.ended``.

    Connects on ``with``, :meth:`connect`, the first send or the first ``next()``. Sending (``send_*``,
    ``ping``, ``end``) is safe from several threads; iterate from one thread at a time. Options are the fields
    of ``StreamOptions``. Use as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        session: Session | str,
        *,
        refresh_session: Callable[[], Session],
        fetch_transcript: Callable[[], Transcript],
        reconnect: bool = True,
        raise_on_error: bool = False,
        on_reconnect: Callable[[StreamReconnect], object] | None = None,
        **options: Any,
    ) -> None:
        options.update(reconnect=reconnect, raise_on_error=raise_on_error, on_reconnect=on_reconnect)
        super().__init__(session, asyncio=False, **options)
        self._refresh_session = refresh_session
        self._fetch_transcript = fetch_transcript
        self._cv = threading.Condition()  # guards the protocol's frame state, the outbox and _unread
        self._outbox: deque[tuple[str, int]] = deque()  # (frame, sequence for ``written``)
        self._outbox_bytes = 0
        self._conn: ClientConnection | None = None
        self._opening: ClientConnection | None = None
        # Connections not yet read to the end, oldest first: events buffered on a lost one still come out.
        self._unread: deque[ClientConnection] = deque()
        self._connect_lock = threading.RLock()
        self._started = False
        self._closing = threading.Event()
        self._sender: threading.Thread | None = None

    # Lifecycle

    def connect(self) -> Stream:
        """Open the connection if the stream has not connected yet; idempotent. A session that has ended makes
        a stream that yields its ``session.ended`` and stops; a connection that cannot be opened within
        ``open_timeout x (max_reconnect_attempts + 1)`` seconds raises ``StreamConnectionError``."""
        self._start(None)
        return self

    def _start(self, timeout: float | None) -> None:
        if self._started:
            return  # later connections are the reconnect rounds' business: never wait for them here
        if not self._connect_lock.acquire(timeout=-1 if timeout is None else timeout):
            raise StreamBackpressureError(
                f"no connection within {timeout}s", session_id=self.session_id, timeout=timeout or 0.0
            )
        try:
            if not self._started:
                try:
                    self._drive(self._protocol.connect())
                except BaseException as exc:
                    self._protocol.first_connect_failed(exc)
                    raise
                finally:
                    self._started = True  # a failed first connect is not retried: the failure is kept
                self._sender = threading.Thread(target=self._send_loop, name=f"kallglot-stream-{self.session_id}")
                self._sender.daemon = True
                self._sender.start()
        finally:
            self._connect_lock.release()

    def close(self) -> None:
        """Send what is queued (waiting up to ``send_timeout``), then close the connection. Idempotent."""
        deadline = time.monotonic() + self.options.send_timeout
        with self._cv:
            while self._outbox and not self._protocol.finished and self._cv.wait(max(0.0, deadline - time.monotonic())):
                pass
            stuck = bool(self._outbox)
            if stuck:
                logger.warning("stream %s: closing with %d frames unsent", self.session_id, len(self._outbox))
            self._protocol.stop(None)
            self._closing.set()
            self._cv.notify_all()
        conn = self._conn
        if stuck and conn is not None:
            # The sender may sit in a sendall() the peer will never drain, holding the lock close() needs.
            with contextlib.suppress(OSError):
                conn.socket.shutdown(socket.SHUT_RDWR)
        if self._sender is not None and self._sender is not threading.current_thread():
            self._sender.join(self.options.close_timeout)
        if conn is not None:
            conn.close()

    def __enter__(self) -> Stream:
        return self.connect()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # Sending

    def send_audio(self, audio: bytes, *, speaker: str = "customer") -> int:
        """Queue one ``audio.input`` frame of 8 kHz mu-law; returns its ``sequence``.

        Blocks while the send buffer is full (the socket is slow, or reconnecting) and raises
        ``StreamBackpressureError`` after ``send_timeout`` seconds, in which case the frame was not queued.
        Raises ``StreamError`` after ``session.ended``, after :meth:`end`, and once the stream has closed.
        """

        def build() -> tuple[str, int]:
            frame = self._protocol.audio_frame(audio, speaker)
            return frame, self._protocol.last_sequence

        return self._enqueue(build, len(audio) * 4 // 3)

    def send_pcm16(self, pcm: bytes, *, sample_rate: int, speaker: str = "customer") -> int:
        """Convert mono 16-bit PCM to 8 kHz mu-law and send it as 20 ms frames; returns the last ``sequence``."""
        sequence = self._protocol.last_sequence
        for frame in _audio.pcm16_to_mulaw_frames(pcm, sample_rate):
            sequence = self.send_audio(frame, speaker=speaker)
        return sequence

    def send_wav(self, path: str | os.PathLike[str], *, speaker: str = "customer", realtime: bool = True) -> int:
        """Send a WAV file as 20 ms frames, paced at real time unless ``realtime=False``; returns frames sent."""
        start, count = time.monotonic(), 0
        for count, frame in enumerate(_audio.wav_frames(path), 1):
            if realtime and (delay := start + (count - 1) * _audio.FRAME_MS / 1000 - time.monotonic()) > 0:
                time.sleep(delay)
            self.send_audio(frame, speaker=speaker)
        return count

    def ping(self) -> None:
        """Send the protocol's ``ping``; the server's ``pong`` arrives as a ``PongEvent``."""
        self._enqueue(lambda: (PING_FRAME, 0), 0)

    def end(self) -> None:
        """Send ``session.end`` after the queued audio; iteration then runs to ``session.ended``. Idempotent;
        resent on the new connection if the connection it was written to drops before ``session.ended``."""
        self._start(self.options.send_timeout)
        with self._cv:
            if self._protocol.wants_end():
                self._outbox.append((END_FRAME, END_SEQUENCE))
                self._cv.notify_all()

    def _enqueue(self, build: Callable[[], tuple[str, int]], size: int) -> int:
        limit, timeout = self.options.send_buffer, self.options.send_timeout
        deadline = time.monotonic() + timeout
        self._start(timeout)
        with self._cv:
            while True:
                self._protocol.check_send()
                if not self._outbox or self._outbox_bytes + size + _FRAME_OVERHEAD <= limit:
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise StreamBackpressureError(
                        f"the send buffer stayed full for {timeout}s", session_id=self.session_id, timeout=timeout
                    )
                self._cv.wait(remaining)
            frame, sequence = build()
            self._outbox.append((frame, sequence))
            self._outbox_bytes += len(frame)
            self._cv.notify_all()
            return sequence

    def _send_loop(self) -> None:
        while True:
            with self._cv:
                while not self._outbox and not self._closing.is_set() and not self._protocol.finished:
                    self._cv.wait()
                if not self._outbox or self._protocol.finished or self._conn is None:
                    return
                (frame, sequence), conn = self._outbox[0], self._conn
            try:
                conn.send(frame)
            except ConnectionClosed as exc:
                self._recover(conn, exc)  # the frame goes again on the new connection, same sequence
                continue
            with self._cv:
                self._outbox.popleft()
                self._outbox_bytes -= len(frame)
                self._protocol.written(sequence)
                self._cv.notify_all()

    # Connecting: the shell only carries out the steps of the protocol's rounds

    def _drive(self, steps: Round) -> ClientConnection | None:
        reply: object = None
        self._opening = None
        while not self._closing.is_set():
            try:
                step = steps.send(reply)
            except StopIteration as stop:
                return cast(ClientConnection | None, stop.value)
            reply = self._perform(step)
        steps.close()
        if self._opening is not None:
            self._opening.close()
        return None

    def _perform(self, step: Step) -> object:
        try:
            if isinstance(step, Sleep):
                self._closing.wait(step.seconds)
            elif isinstance(step, Refresh):
                return self._refresh_session()
            elif isinstance(step, Open):
                self._opening = connect(step.url, **step.kwargs)
                return self._opening
            elif isinstance(step, Send):
                assert self._opening is not None
                self._opening.send(step.frame)
            elif isinstance(step, Publish):
                assert self._opening is not None
                self._install(self._opening)
                if step.reconnected is not None:
                    _notify(self.options.on_reconnect, step.reconnected)
        except Exception as exc:
            return exc
        return None

    def _install(self, conn: ClientConnection) -> None:
        if self.options.ping_interval is not None and self.options.ping_timeout is not None:
            # websockets' sync sendall holds the lock its keep-alive needs, so a peer that stops reading
            # would block both forever; a socket timeout turns that stall into a lost connection.
            with contextlib.suppress(OSError):  # a peer that closed at once: reading the closed conn says so
                conn.socket.settimeout(self.options.ping_interval + self.options.ping_timeout)
        with self._cv:
            self._conn = conn
            self._unread.append(conn)
            self._cv.notify_all()

    def _recover(self, failed: ClientConnection, exc: ConnectionClosed) -> None:
        """Replace ``failed`` after it closed with ``exc``, unless another thread already did or the stream is over."""
        with self._connect_lock:
            if self._conn is failed and not self._protocol.finished:
                self._drive(self._protocol.connect(exc))
        with self._cv:
            self._cv.notify_all()

    # Receiving

    def __iter__(self) -> Iterator[StreamEvent]:
        return self

    def __next__(self) -> StreamEvent:
        """The next event; stops after ``session.ended`` or a normal close, raises ``StreamError`` on failure."""
        self.connect()
        while True:
            pending = self._protocol.take_pending()
            if pending is not None:
                return pending
            with self._cv:
                if self._protocol.ended is not None or not self._unread:
                    if self._protocol.failure is not None:
                        raise self._protocol.failure
                    raise StopIteration
                conn = self._unread[0]
            try:
                frame = conn.recv()
            except ConnectionClosed as exc:
                self._recover(conn, exc)
                with self._cv, contextlib.suppress(ValueError):
                    self._unread.remove(conn)
                continue
            with self._cv:
                event = self._protocol.deliver(frame)
            if event is not None:
                return event

    def transcript(self) -> list[TranscriptTurn]:
        """Every turn exactly once: the REST transcript reconciled with the finals seen live."""
        return self._protocol.reconcile(self._fetch_transcript())


def open_stream(
    session: Session | str,
    *,
    refresh_session: Callable[[], Session],
    fetch_transcript: Callable[[], Transcript],
    **options: Any,
) -> Stream:
    """An unconnected :class:`Stream`: use ``with`` (or call ``connect()``) to connect; given an id it retrieves
    the session first. Options are the fields of ``StreamOptions``."""
    return Stream(session, refresh_session=refresh_session, fetch_transcript=fetch_transcript, **options)


def _notify(callback: Callable[[StreamReconnect], object] | None, info: StreamReconnect) -> None:
    """Call ``on_reconnect``; a coroutine it returns runs to completion here (this thread has no event loop)."""
    if callback is None:
        return
    try:
        result = callback(info)
        if inspect.isawaitable(result):
            asyncio.run(_awaited(result))
    except Exception:
        logger.exception("on_reconnect callback failed")


async def _awaited(awaitable: Any) -> None:
    await awaitable
