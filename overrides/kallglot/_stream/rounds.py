"""Connect and reconnect rounds as generators of I/O steps: every decision about (re)connecting, in one place.

A shell drives a round by sending each step's result (or the exception it raised) back into the generator;
the round returns the open connection, or None when the stream is over. What the round decides: when to
retrieve the session (token expiring, token refused, any refused handshake), what a refused handshake means
(from the session's state: ended → a clean end with its end reason, active → a fresh token and another
attempt, anything else → ``StreamConnectionError``), how long to wait, when to give up (attempts and the
round's deadline, ``open_timeout x (max_reconnect_attempts + 1)``), what to resend on the new connection, and
whether a lost connection is replaced or ends the stream (cleanly or with ``failure``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from typing import cast

from kallglot_api.models import Session

from .._constants import STREAM_STABLE_AFTER
from .._exceptions import KallglotError, NotFoundError, StreamConnectionError, StreamError
from .events import SessionEndedEvent
from .reconnect import (
    TRANSIENT,
    Attempts,
    Open,
    Publish,
    Refresh,
    Refusal,
    Send,
    Sleep,
    Step,
    StreamReconnect,
    close_code,
    describe,
    needs_fresh_token,
    refusal,
    should_reconnect,
)
from .target import StreamTarget

__all__ = ["END_FRAME", "ConnectRounds", "Round"]

logger = logging.getLogger("kallglot.stream")

END_FRAME = '{"type":"session.end"}'
Round = Generator[Step, object, object]
# Session states in which a refused handshake is worth a fresh token and another attempt.
_RETRYABLE_STATES = frozenset({"active", "created", "connecting"})


class ConnectRounds(StreamTarget):
    """The connection half of ``StreamProtocol`` (a mixin: the attributes below live on the protocol)."""

    ended: SessionEndedEvent | None
    end_requested: bool
    end_written: bool
    failure: StreamError | None
    finished: bool
    connections: int
    token_fresh: bool
    _attempts: Attempts
    _refresh_needed: bool
    _delay: float
    _clock: Callable[[], float]
    _asyncio: bool
    _connected_at: float
    _messages: int
    _lost_at_risk: range
    _pending_end: bool
    _written_through: int
    _heard_through: int

    @property
    def reconnect_count(self) -> int:
        return max(0, self.connections - 1)

    def connect(self, lost: BaseException | None = None) -> Round:
        """One round: the first connect (``lost`` None) or the replacement of a connection lost with ``lost``.

        Returns the open connection, or None when the stream is over (``ended``, ``failure`` or ``finished``
        says how). The first connect raises its ``StreamConnectionError``; a reconnect stores it in ``failure``.
        """
        if lost is not None and not self.connection_lost(lost):
            return None
        try:
            conn = yield from self._round()
        except StreamConnectionError as error:
            self.stop(error)
            if lost is None:
                raise
            return None
        if conn is None:
            return None
        if self.end_requested and self.end_written and self.ended is None:
            yield Send(END_FRAME)  # the lost connection may not have delivered it; a failed write is noticed later
        notify = lost is not None and self.options.on_reconnect is not None
        yield Publish(StreamReconnect(self.reconnect_count, self._lost_at_risk) if notify else None)
        return conn

    def first_connect_failed(self, exc: BaseException) -> None:
        """The first connect raised (or was cancelled): unless that already ended the stream, it is over now with
        a ``StreamError``, so later sends and iteration say so instead of finding no connection."""
        if not self.finished:
            self.stop(exc if isinstance(exc, StreamError) else StreamConnectionError(
                f"the first connect did not finish ({type(exc).__name__})", session_id=self.session_id,
                code="connect_interrupted",
            ))  # fmt: skip

    def stop(self, failure: StreamError | None) -> None:
        """The stream is over: cleanly for None, else with ``failure`` (the first failure is kept)."""
        self.failure = self.failure or failure
        self.finished = True

    def connection_lost(self, exc: BaseException) -> bool:
        """Record a lost connection; True when it should be replaced (else the stream is over)."""
        self._lost_at_risk = range(self._heard_through + 1, self._written_through + 1)
        if self.ended is not None or self.finished:
            return False
        if not self.options.reconnect or not should_reconnect(exc):
            logger.info("stream %s: connection lost (%s); not reconnecting", self.session_id, describe(exc))
            self.stop(self.lost_error(exc))
            return False
        self._refresh_needed |= needs_fresh_token(exc)
        useful = self._messages > 0 and self._clock() - self._connected_at >= STREAM_STABLE_AFTER
        if useful:
            self._attempts.failures, self._delay = 0, 0.0
        else:  # closed at once, or before saying anything: a failed attempt, with backoff
            code = close_code(exc)
            try:
                self._delay = self._attempts.failed(exc, code=None if code is None else f"close_{code}")
            except StreamConnectionError as error:
                self.stop(error)
                return False
        logger.warning("stream %s: connection lost (%s); reconnecting", self.session_id, describe(exc))
        return True

    def lost_error(self, exc: BaseException) -> StreamConnectionError | None:
        """The error for a connection that closed and will not be replaced; None when that is a clean end."""
        code = close_code(exc)
        if self.ended is not None or code == 1000:
            return None
        return StreamConnectionError(
            f"connection lost: {describe(exc)}", session_id=self.session_id, code=f"close_{code or 1006}"
        )

    def _round(self) -> Round:
        options, attempts = self.options, self._attempts
        deadline = self._clock() + options.open_timeout * (attempts.limit + 1)
        delay, self._delay = self._delay, 0.0
        refused: Refusal | None = None
        while True:
            if delay > 0:
                yield Sleep(min(delay, max(0.0, deadline - self._clock())))
            delay = 0.0
            if self.session_status == "ended":
                self._end_from_session()
                return None
            if refused is not None or self._refresh_needed or self.token_needs_refresh():
                reply = yield Refresh()
                if isinstance(reply, BaseException):
                    delay = self._refresh_failed(reply, refused)
                    continue
                self._take_session(cast(Session, reply))
                if self.session_status == "ended":
                    continue
                if refused is not None and self.session_status not in _RETRYABLE_STATES:
                    message = f"handshake refused with HTTP {refused.status}; the session is {self.session_status}"
                    raise attempts.error(message, refused.status, refused.code)
            self.check_connectable()
            remaining = deadline - self._clock()
            if remaining <= 0:
                status, code = (refused.status, refused.code) if refused else (None, "connect_timeout")
                raise attempts.error(
                    f"no connection within {options.open_timeout * (attempts.limit + 1)}s", status, code
                )
            url = self.connect_url()
            kwargs = options.connect_kwargs(
                url, asyncio=self._asyncio, open_timeout=min(options.open_timeout, remaining)
            )
            reply = yield Open(url, kwargs)
            if not isinstance(reply, BaseException):
                self._connected()
                return reply
            refused = refusal(reply)
            if refused is None and not (options.reconnect and should_reconnect(reply)):
                raise attempts.error(f"could not connect: {describe(reply)}", None, None)
            fresh = self.token_fresh
            status, code = (refused.status, refused.code) if refused else (None, None)
            delay = attempts.failed(reply, status=status, code=code)
            if refused is not None and not fresh:
                delay = 0.0  # a stale token was refused: retrieving the session is the next step, at once

    def _take_session(self, session: Session) -> None:
        try:
            self.update_session(session)
        except ValueError as exc:
            raise self._attempts.error(str(exc), None, "session_mismatch") from None
        self._refresh_needed, self.token_fresh = False, True

    def _refresh_failed(self, exc: BaseException, refused: Refusal | None) -> float:
        status = refused.status if refused else getattr(exc, "status_code", None)
        code = refused.code if refused else getattr(exc, "code", None)
        if isinstance(exc, NotFoundError):
            raise self._attempts.error("the session no longer exists", status, code or "session_not_found")
        if isinstance(exc, TRANSIENT) and (self.options.reconnect or refused is not None):
            return self._attempts.failed(exc, status=status, code=code)
        reason = describe(exc) if isinstance(exc, KallglotError | OSError) else type(exc).__name__
        raise self._attempts.error(f"could not retrieve the session: {reason}", status, code)

    def _end_from_session(self) -> None:
        """The session ended while we were away: a clean end whose last event carries its end reason."""
        if self.ended is None:
            body = {"type": "session.ended", "session_id": self.session_id}
            if self.end_reason is not None:
                body["reason"] = self.end_reason
            self.ended = SessionEndedEvent.from_dict(body)
            self._pending_end = True
            logger.info("stream %s: the session has ended (%s)", self.session_id, self.end_reason)
        self.stop(None)

    def _connected(self) -> None:
        self.connections += 1
        self.token_fresh = False
        self._connected_at, self._messages = self._clock(), 0
        logger.info("stream %s: connected to %s", self.session_id, self.redacted_url())
