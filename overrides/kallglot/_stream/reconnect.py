"""Reconnect decisions, without waiting: which failures are worth another attempt, and how long to wait.

The shells own the sockets and the sleeping; they ask :func:`should_reconnect` after a connection is lost and
drive a :class:`ConnectAttempts` through one connect-or-reconnect round (like ``websockets``' ``connect`` used
as an iterator with its ``process_exception`` classifier).
"""

from __future__ import annotations

import logging

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

from .._exceptions import APIConnectionError, InternalServerError, RateLimitError, StreamConnectionError
from .._redact import redact
from .._retry import backoff
from .options import StreamOptions

__all__ = ["ConnectAttempts", "needs_fresh_token", "should_reconnect"]

logger = logging.getLogger("kallglot.stream")

# Close codes after which another connection cannot help: a normal close, or the client sent something the
# server will refuse again (protocol error, unsupported or invalid data, too big, missing extension).
_FINAL_CLOSE_CODES = frozenset({1000, 1002, 1003, 1007, 1009, 1010})
# Close codes meaning "your credentials": refresh the token, then try again.
_TOKEN_CLOSE_CODES = frozenset({1008, 4001, 4003, 4401, 4403})
_TOKEN_STATUSES = frozenset({401, 403})
# 404 unknown session and 409 ended session will not change; other 4xx are a bug on one side or the other.
_RETRY_STATUSES = frozenset({408, 425, 429})


def _close_code(exc: ConnectionClosed) -> int | None:
    frame = exc.rcvd or exc.sent
    return None if frame is None else frame.code


def should_reconnect(exc: BaseException) -> bool:
    """Whether losing (or failing to open) the connection with ``exc`` is worth another attempt.

    Yes for network errors and timeouts, abnormal closes (1006 no close frame, 1011 keep-alive timeout or server
    error, 1001 going away, 1012/1013 restart / try later), a refused token (after a refresh) and 5xx / 408 /
    425 / 429 handshakes, and a ``refresh_session`` call failing with a connection error, 5xx or 429.
    No for a normal close (1000), closes that say the client's data is wrong, 404 / 409 (no such session,
    session ended) and other 4xx handshakes, a bad URL, and anything unrecognised.
    """
    if isinstance(exc, ConnectionClosed):
        return _close_code(exc) not in _FINAL_CLOSE_CODES
    if isinstance(exc, InvalidStatus):
        status = exc.response.status_code
        return status >= 500 or status in _RETRY_STATUSES or status in _TOKEN_STATUSES
    if isinstance(exc, InvalidURI):
        return False
    transient = (OSError, TimeoutError, EOFError, InvalidHandshake, APIConnectionError, InternalServerError)
    return isinstance(exc, (*transient, RateLimitError))


def needs_fresh_token(exc: BaseException) -> bool:
    """Whether ``exc`` says the server refused the stream token (HTTP 401/403, or a policy close)."""
    if isinstance(exc, InvalidStatus):
        return exc.response.status_code in _TOKEN_STATUSES
    if isinstance(exc, ConnectionClosed):
        return _close_code(exc) in _TOKEN_CLOSE_CODES
    return False


class ConnectAttempts:
    """One connect (or reconnect) round: counts failures, picks delays, says when to refresh the token.

    With ``reconnect=False`` a round gets only the one retry a refused token deserves. ``reconnecting`` is
    False for the first connect of a stream. Not thread-safe; one round per outage.
    """

    def __init__(self, options: StreamOptions, *, reconnecting: bool, session_id: str) -> None:
        self.options = options
        self.reconnecting = reconnecting
        self.session_id = session_id
        self.failures = 0
        self.refresh_needed = False

    def failed(self, exc: BaseException, *, token_was_fresh: bool) -> float:
        """Record a failed attempt; return the seconds to wait before the next or raise ``StreamConnectionError``.

        ``token_was_fresh`` says whether the attempt used a token fetched in this round: a fresh token that is
        refused too is not retried.
        """
        self.failures += 1
        reason = redact(str(exc)) or type(exc).__name__
        if needs_fresh_token(exc):
            if token_was_fresh:
                raise self._error("the server refused a freshly retrieved stream token", exc, "token_refused")
            self.refresh_needed = True
            logger.info(
                "stream %s: token refused (%s); retrieving the session for a fresh one", self.session_id, reason
            )
            return 0.0
        if not should_reconnect(exc) or not self.options.reconnect:
            raise self._error(f"could not connect: {reason}", exc, None)
        if self.failures > self.options.max_reconnect_attempts:
            raise self._error(f"gave up after {self.failures} attempts; last error: {reason}", exc, None)
        options = self.options
        delay = backoff(
            self.failures - 1, initial=options.reconnect_initial_delay, maximum=options.reconnect_max_delay, jitter=0.5
        )
        logger.warning(
            "stream %s: connect attempt %d failed (%s); retrying in %.2fs",
            self.session_id,
            self.failures,
            reason,
            delay,
        )
        return delay

    def _error(self, message: str, exc: BaseException, code: str | None) -> StreamConnectionError:
        status = exc.response.status_code if isinstance(exc, InvalidStatus) else None
        if code is None and status is not None:
            code = {404: "session_not_found", 409: "session_ended"}.get(status, f"http_{status}")
        return StreamConnectionError(message, session_id=self.session_id, code=code, status_code=status)
