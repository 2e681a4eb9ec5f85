"""``Stream``: the live stream on ``websockets.sync.client``. The decisions live in ``protocol``.

Threads: the caller's, one sender thread per stream (it owns the socket's write side and reconnects), and
``websockets``' own reader and keep-alive threads. Frames wait in a bounded outbox, which is what lets
``send_audio`` block with a limit: a blocking ``sendall`` on a stalled socket could not be bounded otherwise.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from kallglot_api.models import Session, Transcript, TranscriptTurn

from .. import audio as _audio
from .._exceptions import StreamBackpressureError, StreamConnectionError, StreamError
from .events import SessionEndedEvent, StreamEvent, TranscriptFinalEvent
from .options import StreamOptions
from .protocol import END_FRAME, PING_FRAME, StreamProtocol
from .reconnect import ConnectAttempts

__all__ = ["Stream", "open_stream"]

logger = logging.getLogger("kallglot.stream")
_FRAME_OVERHEAD = 160  # JSON around a base64 payload, for the outbox's byte count


class Stream:
    """A session's live stream: send audio, iterate typed events until ``session.ended``.

    Sending (``send_*``, ``ping``, ``end``) is safe from several threads; iterate from one thread at a time.
    Options are the fields of ``StreamOptions``. Use as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        session: Session | str,
        *,
        refresh_session: Callable[[], Session],
        fetch_transcript: Callable[[], Transcript],
        reconnect: bool = True,
        raise_on_error: bool = False,
        on_reconnect: Callable[[int], None] | None = None,
        **options: Any,
    ) -> None:
        self.options = StreamOptions(
            reconnect=reconnect, raise_on_error=raise_on_error, on_reconnect=on_reconnect, **options
        )
        self._protocol = StreamProtocol(session, self.options)
        self._refresh_session = refresh_session
        self._fetch_transcript = fetch_transcript
        self._cv = threading.Condition()  # guards the protocol, the outbox and the flags below
        self._outbox: deque[str] = deque()
        self._outbox_bytes = 0
        self._conn: ClientConnection | None = None
        # Connections not yet read to the end, oldest first: events buffered on a lost one still come out.
        self._unread: deque[ClientConnection] = deque()
        self._connect_lock = threading.RLock()
        self._failure: StreamError | None = None
        self._finished = False  # the stream ended cleanly: session.ended, a normal close, or close()
        self._closing = threading.Event()
        self._sender: threading.Thread | None = None

    # Lifecycle

    def connect(self) -> Stream:
        """Open the connection if it is not open yet (retrieving a fresh token if needed); idempotent."""
        with self._connect_lock:
            if self._conn is None and self._failure is None and not self._finished:
                self._conn = self._connect_round(reconnecting=False)
                self._sender = threading.Thread(target=self._send_loop, name=f"kallglot-stream-{self.session_id}")
                self._sender.daemon = True
                self._sender.start()
        return self

    def close(self) -> None:
        """Send what is queued (waiting up to ``send_timeout``), then close the connection. Idempotent."""
        deadline = time.monotonic() + self.options.send_timeout
        with self._cv:
            while self._outbox and self._failure is None and self._cv.wait(max(0.0, deadline - time.monotonic())):
                pass
            stuck = bool(self._outbox)
            if stuck:
                logger.warning("stream %s: closing with %d frames unsent", self.session_id, len(self._outbox))
            self._finished = True
            self._closing.set()
            self._cv.notify_all()
        if stuck and self._conn is not None:
            # The sender may sit in a sendall() the peer will never drain, holding the lock close() needs.
            with contextlib.suppress(OSError):
                self._conn.socket.shutdown(socket.SHUT_RDWR)
        if self._sender is not None and self._sender is not threading.current_thread():
            self._sender.join(self.options.close_timeout)
        with self._connect_lock:
            if self._conn is not None:
                self._conn.close()

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
        """
        return self._enqueue(lambda: self._protocol.audio_frame(audio, speaker), len(audio) * 4 // 3)

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
        self._enqueue(lambda: PING_FRAME, 0)

    def end(self) -> None:
        """Send ``session.end`` after the queued audio; iteration then runs to ``session.ended``."""
        self._enqueue(lambda: END_FRAME, 0, end=True)

    def _enqueue(self, build: Callable[[], str], size: int, *, end: bool = False) -> int:
        self.connect()
        limit, timeout = self.options.send_buffer, self.options.send_timeout
        deadline = time.monotonic() + timeout
        with self._cv:
            while True:
                self._check_usable()
                if not self._outbox or self._outbox_bytes + size + _FRAME_OVERHEAD <= limit:
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise StreamBackpressureError(
                        f"the send buffer stayed full for {timeout}s", session_id=self.session_id, timeout=timeout
                    )
                self._cv.wait(remaining)
            frame = build()
            self._protocol.end_requested |= end
            self._outbox.append(frame)
            self._outbox_bytes += len(frame)
            self._cv.notify_all()
            return self._protocol.last_sequence

    def _check_usable(self) -> None:
        if self._failure is not None:
            raise self._failure
        if self._finished:
            raise StreamError("the stream is closed", session_id=self.session_id, code="stream_closed")

    def _send_loop(self) -> None:
        while True:
            with self._cv:
                while not self._outbox and not self._closing.is_set() and self._failure is None:
                    self._cv.wait()
                if not self._outbox or self._failure is not None:
                    return
                frame, conn = self._outbox[0], self._conn
            assert conn is not None
            try:
                conn.send(frame)
            except ConnectionClosed as exc:
                # A frame whose send raised never reached the server whole: it goes again, same sequence.
                if not self._recover(conn, exc):
                    return
                continue
            with self._cv:
                self._outbox.popleft()
                self._outbox_bytes -= len(frame)
                self._cv.notify_all()

    # Connecting

    def _connect_round(self, *, reconnecting: bool) -> ClientConnection:
        protocol = self._protocol
        attempts = ConnectAttempts(self.options, reconnecting=reconnecting, session_id=self.session_id)
        while True:
            if self._closing.is_set():
                raise StreamError("the stream is closed", session_id=self.session_id, code="stream_closed")
            try:
                if attempts.refresh_needed or protocol.token_needs_refresh():
                    session = self._refresh_session()
                    with self._cv:
                        protocol.update_session(session)
                        protocol.token_fresh, attempts.refresh_needed = True, False
                protocol.check_connectable()
                # legacy=True: return the open connection itself; this class does its own reconnecting.
                kwargs = self.options.connect_kwargs(asyncio=False)
                conn: ClientConnection = connect(protocol.connect_url(), legacy=True, **kwargs)
            except StreamConnectionError:
                raise
            except Exception as exc:
                try:
                    delay = attempts.failed(exc, token_was_fresh=protocol.token_fresh)
                except StreamConnectionError as error:
                    raise error from None  # the original may quote the URL, token and all
                self._closing.wait(delay)
                continue
            if self.options.ping_interval is not None and self.options.ping_timeout is not None:
                # websockets' sync sendall holds the lock its keep-alive needs, so a peer that stops reading
                # would block both forever; a socket timeout turns that stall into a lost connection.
                with contextlib.suppress(OSError):  # a peer that closed at once: reading the closed conn says so
                    conn.socket.settimeout(self.options.ping_interval + self.options.ping_timeout)
            with self._cv:
                protocol.connected()
                self._unread.append(conn)
            return conn

    def _recover(self, failed: ClientConnection, exc: ConnectionClosed) -> bool:
        """Replace ``failed`` after it closed with ``exc``; False when the stream is over (see ``_failure``)."""
        with self._connect_lock:
            if self._conn is not failed:
                return self._failure is None and not self._finished
            if self._failure is not None or self._finished:
                return False
            if not self._protocol.should_reconnect(exc):
                return self._stop(exc)
            try:
                conn = self._connect_round(reconnecting=True)
            except StreamConnectionError as error:
                if error.code == "session_ended":  # it ended while we were away: a clean end
                    logger.info("stream %s: the session ended while reconnecting", self.session_id)
                    return self._stop(None)
                return self._stop(error)
            except StreamError:
                return self._stop(None)
            self._conn = conn
            with self._cv:
                if self._protocol.end_requested and self._protocol.ended is None:
                    self._outbox.appendleft(END_FRAME)  # the first connection may not have delivered it
                    self._outbox_bytes += len(END_FRAME)
                    self._cv.notify_all()
            if self.options.on_reconnect is not None:
                try:
                    self.options.on_reconnect(self.reconnect_count)
                except Exception:
                    logger.exception("stream %s: on_reconnect callback failed", self.session_id)
            return True

    def _stop(self, reason: BaseException | None) -> bool:
        """Mark the stream over: cleanly for None or a clean close, else with ``_failure`` set. Returns False."""
        with self._cv:
            if isinstance(reason, StreamError):
                self._failure = reason
            elif isinstance(reason, ConnectionClosed):
                self._failure = self._protocol.lost_error(reason)
            self._finished = True
            self._cv.notify_all()
        return False

    # Receiving

    def __iter__(self) -> Iterator[StreamEvent]:
        return self

    def __next__(self) -> StreamEvent:
        """The next event; stops after ``session.ended`` or a normal close, raises ``StreamError`` on failure."""
        self.connect()
        while True:
            if self._protocol.ended is not None:
                raise StopIteration
            with self._cv:
                if not self._unread:
                    raise StopIteration
                conn, newer = self._unread[0], len(self._unread) > 1
            try:
                frame = conn.recv()
            except ConnectionClosed as exc:
                if newer or self._recover(conn, exc):
                    with self._cv:
                        if self._unread and (newer or len(self._unread) > 1):
                            self._unread.popleft()
                    continue
                if self._failure is not None:
                    raise self._failure from None
                raise StopIteration from None
            with self._cv:
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
        """The ``sequence`` of the last frame queued (0 before the first)."""
        return self._protocol.last_sequence

    @property
    def ended(self) -> SessionEndedEvent | None:
        """The ``session.ended`` event, once it has arrived."""
        return self._protocol.ended

    @property
    def finals(self) -> list[TranscriptFinalEvent]:
        """The ``transcript.final`` events delivered so far, each once, in arrival order."""
        with self._cv:
            return list(self._protocol.finals)

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
    """Connect a :class:`Stream` (options: the fields of ``StreamOptions``); given an id it retrieves first."""
    stream = Stream(session, refresh_session=refresh_session, fetch_transcript=fetch_transcript, **options)
    return stream.connect()
