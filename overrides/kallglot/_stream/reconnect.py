"""Reconnect decisions, without sockets or sleeping: which failures are worth another attempt, how long to wait,
when to give up, and the I/O steps (:data:`Step`) through which the core asks a shell to act.

A connect round is a generator in ``protocol.StreamProtocol``; it yields steps and receives each step's result
(or the exception it raised) back, like ``websockets``' sans-I/O protocol driven by its ``sync`` and
``asyncio`` shells. :class:`Attempts` counts failures across rounds: a connection that closes before it
proved useful counts as a failed attempt, so a server that accepts and closes at once cannot make the
stream reconnect forever.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

from .._exceptions import APIConnectionError, InternalServerError, RateLimitError, StreamConnectionError
from .._redact import redact
from .._retry import backoff
from .._wire import loads
from .options import StreamOptions

__all__ = [
    "TRANSIENT",
    "Attempts",
    "Open",
    "Publish",
    "Refresh",
    "Refusal",
    "Send",
    "Sleep",
    "Step",
    "StreamReconnect",
    "close_code",
    "describe",
    "needs_fresh_token",
    "refusal",
    "should_reconnect",
]

logger = logging.getLogger("kallglot.stream")

# Close codes after which another connection cannot help: a normal close, or the client sent something the
# server will refuse again (protocol error, unsupported or invalid data, too big, missing extension).
_FINAL_CLOSE_CODES = frozenset({1000, 1002, 1003, 1007, 1009, 1010})
# Close codes meaning "your credentials": refresh the token, then try again.
_TOKEN_CLOSE_CODES = frozenset({1008, 4001, 4003, 4401, 4403})
TRANSIENT = (OSError, TimeoutError, EOFError, APIConnectionError, InternalServerError, RateLimitError)


@dataclass(frozen=True, slots=True)
class StreamReconnect:
    """What ``on_reconnect`` receives after each successful reconnect.

    ``at_risk`` is the range of ``sequence`` numbers written to the lost connection after the last message the
    server sent on it: the protocol has no acknowledgements, so these frames may never have been processed.
    """

    count: int
    at_risk: range


@dataclass(frozen=True, slots=True)
class Refresh:
    """Retrieve the session (``refresh_session``); the reply is the ``Session``."""


@dataclass(frozen=True, slots=True)
class Open:
    """Open a WebSocket connection; the reply is the connection."""

    url: str = field(repr=False)  # carries the stream token
    kwargs: dict[str, Any] = field(repr=False)  # may carry proxy credentials


@dataclass(frozen=True, slots=True)
class Sleep:
    """Wait (a shell may cut the wait short when the stream is closed); the reply is None."""

    seconds: float


@dataclass(frozen=True, slots=True)
class Send:
    """Write ``frame`` on the connection just opened, before it is handed to senders."""

    frame: str


@dataclass(frozen=True, slots=True)
class Publish:
    """Make the connection just opened the stream's connection (senders and the iterator use it from now on),
    then, unless ``reconnected`` is None, call ``on_reconnect`` with it (awaiting what it returns when that is
    awaitable) and log what it raises: the callback runs on the new connection, so it may send."""

    reconnected: StreamReconnect | None


Step = Refresh | Open | Sleep | Send | Publish


@dataclass(frozen=True, slots=True)
class Refusal:
    """A handshake the server answered with something other than 101: its status and error code, if any."""

    status: int
    code: str | None


def refusal(exc: BaseException) -> Refusal | None:
    """The refusal ``exc`` reports (any status, JSON or HTML body), or None when it is no refused handshake."""
    if not isinstance(exc, InvalidStatus):
        return None
    code: str | None = None
    try:
        body = loads(bytes(exc.response.body or b""))
    except ValueError:
        body = None
    if isinstance(body, dict):
        error = body.get("error", body)
        raw = error.get("code") if isinstance(error, dict) else None
        code = redact(raw)[:64] if isinstance(raw, str) and raw.isprintable() else None
    return Refusal(exc.response.status_code, code)


def close_code(exc: BaseException) -> int | None:
    """The close code of a lost connection (None without a close frame, or for another exception)."""
    if not isinstance(exc, ConnectionClosed):
        return None
    frame = exc.rcvd or exc.sent
    return None if frame is None else frame.code


def should_reconnect(exc: BaseException) -> bool:
    """Whether losing the connection with ``exc`` (or failing to open it) is worth another connection.

    Yes for network errors and timeouts, abnormal closes (1006 no close frame, 1011 keep-alive timeout or server
    error, 1001 going away, 1008 policy (after a token refresh), 1012/1013, 3xxx/4xxx) and failed handshakes;
    a refused handshake is decided from the session's state instead (see ``StreamProtocol``). No for a normal
    close (1000), closes that say the client's data is wrong, a bad URL and anything unrecognised.
    """
    if isinstance(exc, ConnectionClosed):
        return close_code(exc) not in _FINAL_CLOSE_CODES
    if isinstance(exc, InvalidURI):
        return False
    return isinstance(exc, (*TRANSIENT, InvalidHandshake))


def needs_fresh_token(exc: BaseException) -> bool:
    """Whether a lost connection's close code says the server no longer accepts the token."""
    return isinstance(exc, ConnectionClosed) and close_code(exc) in _TOKEN_CLOSE_CODES


def describe(exc: BaseException) -> str:
    """A log- and message-safe description of ``exc`` (no token, no URL query)."""
    if isinstance(exc, ConnectionClosed):
        frame = exc.rcvd or exc.sent
        return f"close code {frame.code} {frame.reason!r}" if frame else "closed without a close frame (1006)"
    if isinstance(exc, InvalidStatus):
        return f"handshake refused with HTTP {exc.response.status_code}"
    return redact(str(exc)) or type(exc).__name__


class Attempts:
    """Failed attempts in a row, across connect rounds; the backoff delay; when to give up.

    A failed handshake, a failed session retrieval and a connection that closed before it proved useful each
    count; a useful connection (see ``StreamProtocol.connection_lost``) resets the count. With
    ``reconnect=False`` one retry is left for a refused token, nothing else.
    """

    def __init__(self, options: StreamOptions, session_id: str) -> None:
        self.options = options
        self.session_id = session_id
        self.failures = 0

    @property
    def limit(self) -> int:
        return (
            self.options.max_reconnect_attempts
            if self.options.reconnect
            else min(1, self.options.max_reconnect_attempts)
        )

    def failed(self, exc: BaseException, *, status: int | None = None, code: str | None = None) -> float:
        """Count a failure; the seconds to wait before the next attempt, or ``StreamConnectionError``."""
        self.failures += 1
        reason = describe(exc)
        if self.failures > self.limit:
            raise self.error(f"gave up after {self.failures} failed attempts; last: {reason}", status, code)
        options = self.options
        delay = backoff(
            self.failures - 1, initial=options.reconnect_initial_delay, maximum=options.reconnect_max_delay, jitter=0.5
        )
        logger.warning(
            "stream %s: attempt %d failed (%s); next in %.2fs", self.session_id, self.failures, reason, delay
        )
        return delay

    def error(self, message: str, status: int | None, code: str | None) -> StreamConnectionError:
        if code is None and status is not None:
            code = f"http_{status}"
        return StreamConnectionError(message, session_id=self.session_id, code=code, status_code=status)
