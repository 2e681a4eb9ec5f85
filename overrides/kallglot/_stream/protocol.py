"""The live stream's sans-I/O core: frames out, events in, tokens and de-duplication, with no socket in sight.

One :class:`StreamProtocol` lives as long as a ``Stream`` / ``AsyncStream`` and spans all of its connections, so
``sequence`` keeps increasing and finals seen before a reconnect are remembered after it. The shells hold a lock
around it (sync) or use it from one event loop (async); it is not thread-safe on its own.
"""

from __future__ import annotations

import base64
import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlsplit, urlunsplit

from websockets.exceptions import ConnectionClosed

from kallglot_api.models import Session, StreamInfo, StreamTranslation, Transcript, TranscriptTurn, TurnTranslation
from kallglot_api.types import UNSET, Unset

from .._exceptions import StreamConnectionError, StreamError
from .._redact import redact
from .events import (
    ErrorEvent,
    SessionEndedEvent,
    SessionErrorEvent,
    StreamEvent,
    TranscriptFinalEvent,
    UnknownEvent,
    parse_event,
)
from .options import StreamOptions
from .reconnect import should_reconnect

__all__ = ["END_FRAME", "PING_FRAME", "StreamProtocol"]

logger = logging.getLogger("kallglot.stream")

PING_FRAME = '{"type":"ping"}'
END_FRAME = '{"type":"session.end"}'
# json.dumps of the whole message costs about twice this template; sequence and timestamp are ints and a
# base64 payload never needs escaping, so only the speaker goes through json.dumps (once per speaker).
_AUDIO_TEMPLATE = (
    '{"type":"audio.input","sequence":%d,"timestamp_ms":%d,"speaker":%s,'
    '"audio":{"encoding":"mulaw","sample_rate_hz":8000,"payload":"%s"}}'
)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class StreamProtocol:
    """State of one logical stream: session and token, sequence numbers, finals seen, how it ended."""

    def __init__(
        self, session: Session | str, options: StreamOptions, *, now: Callable[[], datetime] = _utcnow
    ) -> None:
        """``session`` may be just the id: the shells then retrieve it (``refresh_session``) before connecting."""
        self.options = options
        self._now = now
        self._stream: StreamInfo | None = None
        self.session_status = "unknown"
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
        self.end_requested = False
        self.connections = 0
        self.token_fresh = False  # the current token came from refresh_session in this connect round

    # Frames out

    @property
    def last_sequence(self) -> int:
        return self._sequence

    def audio_frame(self, mulaw: bytes, speaker: str) -> str:
        """The ``audio.input`` frame for ``mulaw`` (8 kHz G.711), taking the next sequence number."""
        encoded = self._speakers.get(speaker)
        if encoded is None:
            if not isinstance(speaker, str) or not speaker:
                raise ValueError("speaker must be a non-empty string")
            encoded = self._speakers[speaker] = json.dumps(speaker, ensure_ascii=False)
        if not mulaw:
            raise ValueError("audio must not be empty")
        self._sequence += 1
        timestamp = int(self._epoch_ms + time.monotonic() * 1000)
        payload = base64.b64encode(mulaw).decode("ascii")
        return _AUDIO_TEMPLATE % (self._sequence, timestamp, encoded, payload)

    # Connecting

    def update_session(self, session: Session) -> None:
        """Take the session as just retrieved: its stream URL and token replace the old ones."""
        if session.id != self.session_id:
            raise ValueError(f"refresh_session returned session {session.id!r}, not {self.session_id!r}")
        stream = session.stream
        self._stream = stream if isinstance(stream, StreamInfo) else None
        self.session_status = str(session.status)

    @property
    def session_over(self) -> bool:
        """The session has ended (or never offered a stream), so there is nothing to connect to."""
        return self._stream is None or self.session_status == "ended"

    def token_needs_refresh(self) -> bool:
        """Whether the token expires within ``token_refresh_margin`` (or has no stream at all)."""
        if self._stream is None:
            return True
        margin = timedelta(seconds=self.options.token_refresh_margin)
        return self._stream.expires_at - margin <= self._now()

    def check_connectable(self) -> None:
        """Raise unless there is a stream whose token has not expired: never connect with a known-dead token."""
        if self.session_over:
            raise StreamConnectionError("the session has ended", session_id=self.session_id, code="session_ended")
        assert self._stream is not None
        if self._stream.expires_at <= self._now():
            raise StreamConnectionError(
                "the freshly retrieved stream token has already expired (is the system clock right?)",
                session_id=self.session_id, code="token_expired",
            )  # fmt: skip

    def connect_url(self) -> str:
        """``stream.url`` with ``token`` set (percent-encoded), other query parameters kept. A secret."""
        assert self._stream is not None
        parts = urlsplit(self._stream.url)
        kept = [item for item in parts.query.split("&") if item and not item.startswith("token=")]
        query = "&".join([*kept, "token=" + quote(self._stream.token, safe="")])
        return urlunsplit(parts._replace(query=query))

    def redacted_url(self) -> str:
        return redact(self.connect_url())

    def connected(self) -> bool:
        """Record a successful connect; True when it was a reconnect."""
        self.connections += 1
        self.token_fresh = False
        logger.info("stream %s: connected to %s", self.session_id, self.redacted_url())
        return self.connections > 1

    @property
    def reconnect_count(self) -> int:
        return max(0, self.connections - 1)

    def should_reconnect(self, exc: BaseException) -> bool:
        """Whether a lost connection should be replaced: reconnect on, session not ended, failure transient."""
        if self.ended is not None or not self.options.reconnect:
            return False
        decision = should_reconnect(exc)
        logger.log(
            logging.WARNING if decision else logging.INFO,
            "stream %s: connection lost (%s); %s", self.session_id, _describe(exc),
            "reconnecting" if decision else "not reconnecting",
        )  # fmt: skip
        return decision

    def lost_error(self, exc: ConnectionClosed) -> StreamConnectionError | None:
        """The error for a connection that closed and will not be replaced; None when that is a clean end."""
        frame = exc.rcvd or exc.sent
        if self.ended is not None or (frame is not None and frame.code == 1000):
            return None
        code = f"close_{frame.code}" if frame is not None else "close_1006"
        return StreamConnectionError(f"connection lost: {_describe(exc)}", session_id=self.session_id, code=code)

    # Events in

    def receive(self, frame: str | bytes) -> StreamEvent | None:
        """Decode a server frame; None for a ``transcript.final`` already delivered (de-duplication)."""
        event = parse_event(frame)
        if isinstance(event, TranscriptFinalEvent):
            key = _final_key(event)
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

    def error_for(self, event: StreamEvent) -> StreamError | None:
        """The exception to raise for ``event`` when ``raise_on_error`` is set, else None."""
        if not self.options.raise_on_error or not isinstance(event, ErrorEvent | SessionErrorEvent):
            return None
        code = event.code if isinstance(event.code, str) else None
        message = event.message if isinstance(event.message, str) else f"{event.type} event"
        return StreamError(message, session_id=self.session_id, code=code, event=event)

    # Reconciliation

    def reconcile(self, transcript: Transcript) -> list[TranscriptTurn]:
        """Every turn exactly once: the REST transcript's turns, plus live finals it does not have yet.

        Turns match on ``sequence``; live finals without one match on (speaker, text) and, if new, are numbered
        after the highest sequence known. The result is ordered by sequence.
        """
        turns: dict[int, TranscriptTurn] = {}
        for turn in transcript.turns or []:
            turns.setdefault(turn.sequence, turn)
        texts = {(turn.speaker, turn.text) for turn in turns.values()}
        unnumbered: list[TranscriptFinalEvent] = []
        for final in self.finals:
            if isinstance(final.sequence, int):
                if final.sequence not in turns:
                    turns[final.sequence] = _turn(final, final.sequence)
            elif (_str(final.speaker), final.text) not in texts:
                unnumbered.append(final)
        next_sequence = max(turns, default=0)
        for final in unnumbered:
            next_sequence += 1
            turns[next_sequence] = _turn(final, next_sequence)
            texts.add((_str(final.speaker), final.text))
        return [turns[key] for key in sorted(turns)]


def _final_key(event: TranscriptFinalEvent) -> tuple[str, object] | None:
    if isinstance(event.sequence, int):
        return ("sequence", event.sequence)
    if isinstance(event.id, str):
        return ("id", event.id)
    return None


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _turn(final: TranscriptFinalEvent, sequence: int) -> TranscriptTurn:
    source = final.translation
    translation: TurnTranslation | Unset | None = None if source is None else UNSET
    if isinstance(source, StreamTranslation):
        translation = TurnTranslation(language=source.language, text=source.text)
    return TranscriptTurn(
        sequence=sequence, speaker=_str(final.speaker), text=final.text, language=final.language,
        translation=translation, confidence=final.confidence, timestamp=final.timestamp,
    )  # fmt: skip


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ConnectionClosed):
        frame = exc.rcvd or exc.sent
        return f"close code {frame.code} {frame.reason!r}" if frame else "closed without a close frame (1006)"
    return redact(str(exc)) or type(exc).__name__
