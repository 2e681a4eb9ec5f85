"""The stream's tuning knobs (defaults in ``_constants``), and the ``websockets`` settings they become."""

from __future__ import annotations

import logging
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .. import _constants as C
from .._redact import redact
from .._version import __version__

if TYPE_CHECKING:
    from .reconnect import StreamReconnect

__all__ = ["StreamOptions", "TokenRedactingLogger", "environment_proxy"]

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
    strict: bool = False
    """Check every server message against the API document: a frame that differs from it (a known ``type`` of the
    wrong shape, or no JSON object with a ``type``) raises ``StreamError`` (code ``invalid_message``) from
    iteration, which may go on, instead of arriving as an ``UnknownEvent`` with a ``reason``. A ``type`` added
    to the API later still arrives as ``UnknownEvent``. ``client.sessions.stream`` sets it from the client's
    ``strict_response_validation``; inside ``kallglot.testing.strict_responses()`` every stream is strict."""
    on_reconnect: Callable[[StreamReconnect], object] | None = None
    """Called with a ``StreamReconnect`` (``count``, ``at_risk``) after each successful reconnect; a coroutine
    function is awaited (the sync stream runs it with ``asyncio.run`` on its own thread). Exceptions are logged.
    The new connection is in place when it runs, so it may send (for example the frames ``at_risk``)."""
    max_reconnect_attempts: int = C.STREAM_MAX_RECONNECT_ATTEMPTS
    """Failed attempts in a row before ``StreamConnectionError``. A connection that closes within
    ``STREAM_STABLE_AFTER`` seconds, or before any message past ``session.ready``, counts as a failed attempt."""
    reconnect_initial_delay: float = C.STREAM_RECONNECT_INITIAL_DELAY
    """First backoff delay; doubles per failed attempt up to ``reconnect_max_delay``, with jitter."""
    reconnect_max_delay: float = C.STREAM_RECONNECT_MAX_DELAY
    send_timeout: float = C.STREAM_SEND_TIMEOUT
    """How long a send may wait for buffer room or for a reconnect before ``StreamBackpressureError``."""
    send_buffer: int = C.STREAM_SEND_BUFFER
    """Bytes of encoded frames buffered before sends wait (about 1 s of 20 ms frames)."""
    event_buffer: int = C.STREAM_EVENT_BUFFER
    """Events held unread before the socket stops being read (keep iterating: pongs queue behind them)."""
    ping_interval: float | None = C.STREAM_PING_INTERVAL
    """WebSocket keep-alive ping period; ``None`` turns keep-alive off."""
    ping_timeout: float | None = C.STREAM_PING_TIMEOUT
    """Seconds without a pong (or, sync, without send progress) before the peer counts as dead."""
    open_timeout: float = C.STREAM_OPEN_TIMEOUT
    """Seconds per handshake; a whole connect round (first connect included) is bounded by
    ``open_timeout x (max_reconnect_attempts + 1)``."""
    close_timeout: float = C.STREAM_CLOSE_TIMEOUT
    token_refresh_margin: float = C.STREAM_TOKEN_REFRESH_MARGIN
    """Refresh the token before connecting when it expires within this many seconds (clock skew)."""
    max_message_size: int | None = C.STREAM_MAX_MESSAGE_SIZE
    websocket_options: Mapping[str, Any] | None = None
    """Extra keyword arguments for ``websockets`` ``connect`` (e.g. ``ssl``, ``proxy``), applied last. Without
    ``proxy`` the environment decides, as for REST calls (see :func:`environment_proxy`)."""

    def __post_init__(self) -> None:
        for name in ("send_timeout", "open_timeout", "close_timeout", "reconnect_initial_delay"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.max_reconnect_attempts < 0 or self.send_buffer <= 0 or self.event_buffer <= 0:
            raise ValueError("max_reconnect_attempts, send_buffer and event_buffer must be positive")

    def connect_kwargs(self, url: str, *, asyncio: bool, open_timeout: float) -> dict[str, Any]:
        """Keyword arguments for ``websockets.{sync,asyncio}.client.connect`` to ``url``."""
        kwargs: dict[str, Any] = {
            "user_agent_header": f"kallglot-python/{__version__}",
            "proxy": environment_proxy(url),
            # Base64 mu-law barely compresses (it is already companded noise-like audio) and per-message
            # deflate costs CPU on every frame: off, it about doubles the streams one process can carry.
            "compression": None,
            "open_timeout": open_timeout,
            "ping_interval": self.ping_interval,
            "ping_timeout": self.ping_timeout,
            "close_timeout": self.close_timeout,
            "max_size": self.max_message_size,
            "max_queue": self.event_buffer,
            # websockets logs the request line, token included, at debug level: route it through a filter.
            "logger": TokenRedactingLogger(logging.getLogger("kallglot.stream.websockets")),
        }
        if not asyncio:
            kwargs["legacy"] = True  # return the open connection itself: the stream does its own reconnecting
        else:
            # Sends wait in `drain()` above this many buffered bytes: the back-pressure the stream relies on.
            kwargs["write_limit"] = self.send_buffer
        if self.websocket_options:
            kwargs.update(self.websocket_options)
        return kwargs


def environment_proxy(url: str) -> str | None:
    """The proxy for a ``ws://`` / ``wss://`` URL by httpx's environment rules: ``wss://`` uses ``HTTPS_PROXY``,
    ``ws://`` uses ``HTTP_PROXY``, either falls back to ``ALL_PROXY``; ``NO_PROXY`` hosts (and ``*``) go direct.
    """
    proxies = urllib.request.getproxies()
    parts = urlsplit(url)
    host = parts.hostname or ""
    no_proxy = proxies.get("no", "")
    bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]
    if no_proxy and (no_proxy.strip() == "*" or bypass(host, {"no": no_proxy})):
        return None
    proxy = proxies.get("https" if parts.scheme == "wss" else "http") or proxies.get("all")
    if not proxy:
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


class TokenRedactingLogger(logging.LoggerAdapter[logging.Logger]):
    """A logger for ``websockets`` that strips stream tokens from every record it emits."""

    def __init__(self, logger: logging.Logger) -> None:
        super().__init__(logger, {})

    def log(self, level: int, msg: object, *args: Any, **kwargs: Any) -> None:
        if self.isEnabledFor(level):
            text = str(msg) % args if args else str(msg)
            kwargs.setdefault("stacklevel", 2)
            self.logger.log(level, "%s", redact(text), **kwargs)
