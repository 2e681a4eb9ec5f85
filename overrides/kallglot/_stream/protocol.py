"""The live stream's sans-I/O core: frames out, events in, send rules, tokens and de-duplication, no socket.

One :class:`StreamProtocol` lives as long as a ``Stream`` / ``AsyncStream`` and spans all of its connections, so
``sequence`` keeps increasing and finals seen before a reconnect are remembered after it. Connecting and
reconnecting are its ``connect`` rounds (``rounds.ConnectRounds``). The shells hold a lock around it (sync) or
use it from one event loop (async); it is not thread-safe on its own.
"""

from __future__ import annotations

import base64
import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from kallglot_api.models import Session, StreamInfo, Transcript, TranscriptTurn

from .._exceptions import StreamError
from .._parse import forced_strict
from .._redact import redact
from .events import (
    ErrorEvent,
    SessionEndedEvent,
    SessionErrorEvent,
    SessionReadyEvent,
    StreamEvent,
    TranscriptFinalEvent,
    UnknownEvent,
    parse_event,
)
from .finals import final_key, reconcile
from .options import StreamOptions
from .reconnect import Attempts
from .rounds import END_FRAME, ConnectRounds

__all__ = ["END_FRAME", "END_SEQUENCE", "PING_FRAME", "StreamProtocol"]

logger = logging.getLogger("kallglot.stream")

PING_FRAME = '{"type":"ping"}'
END_SEQUENCE = -1  # what ``written`` is told for the end frame (0 for a ping)
# json.dumps of the whole message costs about twice this template; sequence and timestamp are ints and a
# base64 payload never needs escaping, so only the speaker goes through json.dumps (once per speaker).
_AUDIO_TEMPLATE = (
    '{"type":"audio.input","sequence":%d,"timestamp_ms":%d,"speaker":%s,'
    '"audio":{"encoding":"mulaw","sample_rate_hz":8000,"payload":"%s"}}'
)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class StreamProtocol(ConnectRounds):
    """State of one logical stream: session and token, sequence numbers, finals seen, how it ended."""

    def __init__(
        self,
        session: Session | str,
        options: StreamOptions,
        *,
        asyncio: bool = False,
        now: Callable[[], datetime] = _utcnow,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``session`` may be just the id: the shells then retrieve it (``refresh_session``) before connecting.
        ``asyncio`` says which ``websockets`` client the connect keyword arguments are for."""
        self.options = options
        self._now = now
        self._clock = clock
        self._asyncio = asyncio
        self._stream: StreamInfo | None = None
        self.session_status = "unknown"
        self.end_reason: str | None = None
        if isinstance(session, str):
            self.session_id = session
        else:
            self.session_id = session.id
            self.update_session(session)
        self._sequence = 0
        self._speakers: dict[str, str] = {}
        # Wall-clock milliseconds at monotonic zero: timestamps never go backwards when the clock is adjusted.
        self._epoch_ms = time.time() * 1000 - time.monotonic() * 1000
        self._final_keys: set[tuple[str, object]] = set()
        self.finals: list[TranscriptFinalEvent] = []
        self.ended: SessionEndedEvent | None = None
        self._pending_end = False  # ``ended`` was made from the session's state and not delivered yet
        self.end_requested = self.end_written = False
        self.failure: StreamError | None = None
        self.finished = False  # no connection will be (re)opened: see ``ended`` and ``failure``
        self.connections = 0
        self.token_fresh = False  # the current token came from refresh_session in this connect round
        self._attempts = Attempts(options, self.session_id)
        self._refresh_needed = False
        self._delay = 0.0
        self._connected_at, self._messages = 0.0, 0
        # Sequence numbers written to the current connection, and the last one written before the server's last
        # message on it: frames after that one are "at risk" if the connection drops (no acks in the protocol).
        self._written_through = self._heard_through = 0
        self._lost_at_risk = range(0)

    # Frames out

    @property
    def last_sequence(self) -> int:
        return self._sequence

    def check_send(self) -> None:
        """Raise the ``StreamError`` a send gets now: after ``session.ended``, ``end()``, a failure or close."""
        if self.ended is not None:
            raise StreamError("the session has ended", session_id=self.session_id, code="session_ended")
        if self.failure is not None:
            raise self.failure
        if self.finished:
            raise StreamError("the stream is closed", session_id=self.session_id, code="stream_closed")
        if self.end_requested:
            raise StreamError(
                "end() was called: nothing more can be sent", session_id=self.session_id, code="ended_by_client"
            )

    def wants_end(self) -> bool:
        """Whether ``end()`` should queue the end frame (False once requested or over: ``end()`` is idempotent)."""
        if self.end_requested or self.ended is not None:
            return False
        self.check_send()
        self.end_requested = True
        return True

    def written(self, sequence: int) -> None:
        """A shell wrote the frame with ``sequence`` (0 for a ping, ``END_SEQUENCE`` for the end frame)."""
        if sequence > 0:
            self._written_through = sequence
        elif sequence == END_SEQUENCE:
            self.end_written = True

    @property
    def frames_at_risk(self) -> range:
        """Sequences written to the current connection since the server last sent a message on it."""
        return range(self._heard_through + 1, self._written_through + 1)

    def audio_frame(self, mulaw: bytes, speaker: str) -> str:
        """The ``audio.input`` frame for ``mulaw`` (8 kHz G.711), taking the next sequence number."""
        encoded = self._speakers.get(speaker)
        if encoded is None:
            if not isinstance(speaker, str) or not speaker:
                raise ValueError("speaker must be a non-empty string")
            encoded = self._speakers[speaker] = json.dumps(speaker, ensure_ascii=False)
        if not mulaw:
            raise ValueError("audio must not be empty")
        payload = base64.b64encode(mulaw).decode("ascii")  # first: a frame that fails to encode takes no number
        self._sequence += 1
        timestamp = int(self._epoch_ms + time.monotonic() * 1000)
        return _AUDIO_TEMPLATE % (self._sequence, timestamp, encoded, payload)

    # Events in

    def take_pending(self) -> SessionEndedEvent | None:
        """The ``session.ended`` made from the session's state, once; iteration yields it last."""
        if not self._pending_end:
            return None
        self._pending_end = False
        return self.ended

    def receive(self, frame: str | bytes) -> StreamEvent | None:
        """Decode a server frame; None for a ``transcript.final`` already delivered (de-duplication). Never
        raises: under ``strict`` a frame that differs from the document is an ``UnknownEvent`` with a reason."""
        self._heard_through = self._written_through
        event = parse_event(frame, strict=self.options.strict)
        if not isinstance(event, SessionReadyEvent):
            self._messages += 1
        if isinstance(event, TranscriptFinalEvent):
            key = final_key(event)
            if key is not None:
                if key in self._final_keys:
                    logger.debug("stream %s: dropped repeated final %s", self.session_id, key)
                    return None
                self._final_keys.add(key)
            self.finals.append(event)
        elif isinstance(event, SessionEndedEvent):
            self.ended = event
        elif isinstance(event, UnknownEvent):
            reason = event.reason or "a type added after this SDK version"
            logger.info("stream %s: unrecognised message %r: %s", self.session_id, event.type, reason)
        return event

    def deliver(self, frame: str | bytes) -> StreamEvent | None:
        """``receive``, then raise the event's ``StreamError`` (see ``error_for``) instead of returning it."""
        event = self.receive(frame)
        error = None if event is None else self.error_for(event)
        if error is not None:
            raise error
        return event

    def error_for(self, event: StreamEvent) -> StreamError | None:
        """What iteration raises instead of yielding ``event``, else None: with ``raise_on_error`` an ``error`` /
        ``session.error`` event; under strict validation (``strict`` or ``strict_responses()``) a frame that
        differs from the API document (code ``invalid_message``). The stream stays usable after either."""
        if isinstance(event, UnknownEvent):
            if event.reason is None or not (self.options.strict or forced_strict()):
                return None  # a type added to the API later is no mismatch, strict or not
            kind = repr(str(event.type)) if event.type else "a"
            message = redact(f"{kind} message differs from the API document: {event.reason}")
            return StreamError(message, session_id=self.session_id, code="invalid_message")
        if not self.options.raise_on_error or not isinstance(event, ErrorEvent | SessionErrorEvent):
            return None
        code = event.code if isinstance(event.code, str) else None
        message = event.message if isinstance(event.message, str) else f"{event.type} event"
        return StreamError(message, session_id=self.session_id, code=code, event=event)

    def reconcile(self, transcript: Transcript) -> list[TranscriptTurn]:
        """Every turn exactly once: ``transcript``'s turns and the live finals (see ``finals.reconcile``)."""
        return reconcile(self.finals, transcript)
