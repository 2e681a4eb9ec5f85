"""The stream's tuning knobs, their defaults (named once), and the ``websockets`` settings they become."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .._redact import redact

__all__ = ["StreamOptions", "TokenRedactingLogger"]

logger = logging.getLogger("kallglot.stream")


@dataclass(frozen=True, slots=True)
class StreamOptions:
    """Keyword options of ``open_stream`` / ``open_async_stream`` (and ``client.sessions.stream``).

    Times are in seconds; ``None`` disables the limit where noted.
    """

    reconnect: bool = True
    """Reconnect after an abnormal close while the session is active (``sequence`` continues)."""
    raise_on_error: bool = False
    """Raise ``StreamError`` from iteration on ``error`` / ``session.error`` instead of yielding the event."""
    on_reconnect: Callable[[int], None] | None = None
    """Called with the new ``reconnect_count`` after each successful reconnect (sync: on a stream thread)."""
    max_reconnect_attempts: int = 5
    """Failed attempts in a row before giving up with ``StreamConnectionError``; resets after a good connect."""
    reconnect_initial_delay: float = 0.25
    """First backoff delay; doubles per failed attempt up to ``reconnect_max_delay``, with jitter."""
    reconnect_max_delay: float = 8.0
    send_timeout: float = 10.0
    """How long a send may wait for buffer room or for a reconnect before ``StreamBackpressureError``."""
    send_buffer: int = 32 * 1024
    """Bytes of encoded frames buffered before sends wait (about 1 s of 20 ms frames)."""
    event_buffer: int = 4096
    """Events held unread before the socket stops being read (keep iterating: pongs queue behind them)."""
    ping_interval: float | None = 5.0
    """WebSocket keep-alive ping period; ``None`` turns keep-alive off."""
    ping_timeout: float | None = 5.0
    """Seconds without a pong (or, sync, without send progress) before the peer counts as dead."""
    open_timeout: float = 10.0
    close_timeout: float = 5.0
    token_refresh_margin: float = 5.0
    """Refresh the token before connecting when it expires within this many seconds (clock skew)."""
    max_message_size: int | None = 16 * 1024 * 1024
    websocket_options: Mapping[str, Any] | None = None
    """Extra keyword arguments for ``websockets`` ``connect`` (e.g. ``ssl``, ``proxy``), applied last."""

    def __post_init__(self) -> None:
        for name in ("send_timeout", "open_timeout", "close_timeout", "reconnect_initial_delay"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.max_reconnect_attempts < 0 or self.send_buffer <= 0 or self.event_buffer <= 0:
            raise ValueError("max_reconnect_attempts, send_buffer and event_buffer must be positive")

    def connect_kwargs(self, *, asyncio: bool) -> dict[str, Any]:
        """Keyword arguments for ``websockets.{sync,asyncio}.client.connect``."""
        kwargs: dict[str, Any] = {
            # Base64 mu-law barely compresses (it is already companded noise-like audio) and per-message
            # deflate costs CPU on every frame: off, it about doubles the streams one process can carry.
            "compression": None,
            "open_timeout": self.open_timeout,
            "ping_interval": self.ping_interval,
            "ping_timeout": self.ping_timeout,
            "close_timeout": self.close_timeout,
            "max_size": self.max_message_size,
            "max_queue": self.event_buffer,
            # websockets logs the request line, token included, at debug level: route it through a filter.
            "logger": TokenRedactingLogger(logging.getLogger("kallglot.stream.websockets")),
        }
        if asyncio:
            # Sends wait in `drain()` above this many buffered bytes: the back-pressure the stream relies on.
            kwargs["write_limit"] = self.send_buffer
        if self.websocket_options:
            kwargs.update(self.websocket_options)
        return kwargs


class TokenRedactingLogger(logging.LoggerAdapter[logging.Logger]):
    """A logger for ``websockets`` that strips stream tokens from every record it emits."""

    def __init__(self, logger: logging.Logger) -> None:
        super().__init__(logger, {})

    def log(self, level: int, msg: object, *args: Any, **kwargs: Any) -> None:
        if self.isEnabledFor(level):
            text = str(msg) % args if args else str(msg)
            kwargs.setdefault("stacklevel", 2)
            self.logger.log(level, "%s", redact(text), **kwargs)
