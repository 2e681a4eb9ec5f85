"""What the live stream raises.

KallglotError
 └── StreamError                   an ``error`` / ``session.error`` event (with ``raise_on_error=True``), or a
      │                            stream used after it closed
      ├── StreamConnectionError    could not (re)connect: token refused after a refresh, session ended or
      │                            unknown, handshake failed, reconnect attempts used up, or reconnect is off
      └── StreamBackpressureError  a send waited longer than ``send_timeout`` for room in the send buffer
                                   or for the connection to come back

Messages never contain the stream token. ``code`` is the server's error code when there is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._exceptions import KallglotError

if TYPE_CHECKING:
    from ._stream_events import ErrorEvent, SessionErrorEvent

__all__ = ["StreamBackpressureError", "StreamConnectionError", "StreamError"]


class StreamError(KallglotError):
    """Something went wrong on the live stream.

    ``event`` is the ``error`` or ``session.error`` event that caused it, if any; ``code`` is its code (or the
    close / HTTP status reason for connection failures); ``session_id`` names the session.
    """

    def __init__(
        self,
        message: str,
        *,
        session_id: str | None = None,
        code: str | None = None,
        event: ErrorEvent | SessionErrorEvent | None = None,
    ) -> None:
        self.message = message
        self.session_id = session_id
        self.code = code
        self.event = event
        super().__init__(message)

    def __str__(self) -> str:
        line = f"{self.code}: {self.message}" if self.code else self.message
        return line + (f" [session: {self.session_id}]" if self.session_id else "")


class StreamConnectionError(StreamError):
    """The stream could not connect or reconnect; ``status_code`` is the HTTP status of a refused handshake."""

    def __init__(
        self,
        message: str,
        *,
        session_id: str | None = None,
        code: str | None = None,
        status_code: int | None = None,
    ) -> None:
        self.status_code = status_code
        super().__init__(message, session_id=session_id, code=code)


class StreamBackpressureError(StreamError):
    """A send waited ``timeout`` seconds without the socket taking the frame; the stream itself stays usable."""

    def __init__(self, message: str, *, session_id: str | None = None, timeout: float) -> None:
        self.timeout = timeout
        super().__init__(message, session_id=session_id, code="send_timeout")
