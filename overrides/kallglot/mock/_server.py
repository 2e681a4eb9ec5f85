"""Run a mock on a loopback port: in a background thread (:func:`serve`) or in the foreground (the CLI)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType
from typing import Any

import uvicorn

from .._redact import redact
from ._app import MockApp, create_app
from ._config import TEST_API_KEY, MockConfig
from ._events import EventLog
from ._faults import Faults
from ._state import MockState
from ._webhooks import WebhookSender

_STARTUP_TIMEOUT = 15.0


class _QuietDenials(logging.Filter):
    """Hide uvicorn's error line for a refused stream handshake: refusing with an HTTP envelope is on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "without completing handshake" not in record.getMessage()


class _RedactSecrets(logging.Filter):
    """Replace stream tokens and keys in uvicorn's lines (``… /connect?token=kst_…`` in the WebSocket log).

    A logger filter runs before the record propagates, so a host application's handlers (``serve()`` inside
    an app that logs ``uvicorn.error``) never see the token either.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        # Redact the arguments in place (uvicorn's access formatter unpacks them as a tuple).
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: redact(v) if isinstance(v, str) else v for key, v in record.args.items()}
        return True


_DENIAL_FILTER = _QuietDenials()
_SECRET_FILTER = _RedactSecrets()
_UVICORN_LOGGERS = ("uvicorn.error", "uvicorn.access")


class _PromptServer(uvicorn.Server):
    """uvicorn's server, woken to stop instead of polling its exit flag every 0.1 s.

    Tests start and stop many mocks; waking the loop makes each stop ~0.1 s shorter. The Date header is still
    refreshed once a second, as uvicorn's own loop does.
    """

    _loop: asyncio.AbstractEventLoop | None = None
    _wake: asyncio.Event | None = None

    async def main_loop(self) -> None:
        self._wake = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 10) % 864000  # a multiple of 10: on_tick refreshes the Date header
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 1.0)

    def exit_soon(self) -> None:
        """Ask the server to stop, from any thread."""
        self.should_exit = True
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop already closed
                loop.call_soon_threadsafe(wake.set)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        self.exit_soon()


def _uvicorn_server(app: MockApp, *, foreground: bool) -> _PromptServer:
    config = uvicorn.Config(
        app,
        # Pinned implementations: h11 and the sans-I/O websockets protocol (the legacy one warns on import).
        http="h11",
        ws="websockets-sansio",
        lifespan="off",
        # In the background (tests, the demo) leave the host program's logging configuration alone.
        log_config=uvicorn.config.LOGGING_CONFIG if foreground else None,
        log_level="info" if foreground else None,
        access_log=foreground,
        timeout_graceful_shutdown=2,
        # The body limit holds for stream messages too (uvicorn's default is 16 MiB): larger closes with 1009.
        ws_max_size=app.mock_state.config.max_body_bytes,
    )
    server = _PromptServer(config)
    logging.getLogger("uvicorn.error").addFilter(_DENIAL_FILTER)  # adding the same filter twice is a no-op
    for name in _UVICORN_LOGGERS:
        logging.getLogger(name).addFilter(_SECRET_FILTER)

    def drop(client: tuple[str, int]) -> bool:
        # Runs on the server's loop. uvicorn keeps its open connections (HTTP and WebSocket) in server_state.
        for connection in list(server.server_state.connections):
            if tuple(getattr(connection, "client", None) or ()) == tuple(client):
                connection.transport.close()
                return True
        return False

    app.context.dropper = drop
    return server


def start_webhooks(app: MockApp) -> tuple[WebhookSender | None, Callable[[], None] | None]:
    """Deliver the app's events to ``config.webhook_url``, if set; return the sender and how to stop it."""
    config = app.mock_state.config
    if not config.webhook_url:
        return None, None
    sender = WebhookSender(config.webhook_url, config.webhook_secret or "", time_factor=config.webhook_time_factor)
    unsubscribe = app.events.subscribe(sender)

    def stop() -> None:
        unsubscribe()
        sender.close()

    return sender, stop


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (0 picks a free port), bound before the server starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and accepted
    # sockets inherit it. Without it every small response waits ~40 ms for the peer's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


class MockServer:
    """A mock Kallglot API served by uvicorn in a background thread.

    Use it as a context manager (or :meth:`start` / :meth:`stop`). ``base_url`` is what a client takes as its
    base URL (``http://127.0.0.1:PORT/v1``); ``api_key`` is a key the mock accepts. ``state``, ``faults`` and
    ``events`` are safe to use from the test's thread while the server runs.
    """

    def __init__(self, config: MockConfig | None = None, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.app = create_app(config)
        self.host = host
        self._requested_port = port
        self._server: _PromptServer | None = None
        self._thread: threading.Thread | None = None
        self._stop_webhooks: Callable[[], None] | None = None
        #: The webhook sender while serving with ``webhook_url`` set (its ``attempts`` list every POST).
        self.webhooks: WebhookSender | None = None
        self.port = 0

    @property
    def origin(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.origin}/v1"

    @property
    def api_key(self) -> str:
        keys = self.state.config.api_keys
        return sorted(keys)[0] if keys else TEST_API_KEY

    @property
    def running(self) -> bool:
        """Whether the server is serving (started and not stopped)."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def state(self) -> MockState:
        return self.app.mock_state

    @property
    def faults(self) -> Faults:
        return self.app.faults

    @property
    def events(self) -> EventLog:
        return self.app.events

    def reset(self) -> None:
        """Forget all sessions, events, idempotency keys, rate-limit windows and queued faults, and number ids
        from 1 again: the server then behaves as a freshly started one (between tests sharing a server).
        Queued webhook retries are dropped and ``webhooks.attempts`` emptied."""
        self.app.context.reset()
        if self.webhooks is not None:
            self.webhooks.clear()

    def start(self) -> MockServer:
        """Start serving; return once the port accepts connections."""
        if self._thread is not None:
            raise RuntimeError("the mock server is already running")
        sock = bind(self.host, self._requested_port)
        self.port = sock.getsockname()[1]
        self.webhooks, self._stop_webhooks = start_webhooks(self.app)
        server = self._server = _uvicorn_server(self.app, foreground=False)
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name=f"kallglot-mock-{self.port}", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + _STARTUP_TIMEOUT
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the Kallglot mock server did not start")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        """Stop serving (open streams are closed) and wait for the thread to finish."""
        if self._server is not None:
            self._server.exit_soon()
        if self._thread is not None:
            self._thread.join(timeout=_STARTUP_TIMEOUT)
        self._server = self._thread = None
        if self._stop_webhooks is not None:
            self._stop_webhooks()
        self._stop_webhooks = self.webhooks = None

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"MockServer(base_url={self.base_url!r})"


@contextmanager
def serve(config: MockConfig | None = None, **options: Any) -> Iterator[MockServer]:
    """Run a mock on a free loopback port for the ``with`` block: ``with serve() as server: server.base_url``.

    ``options`` are :class:`MockConfig` fields (``serve(credits=0, analysis_delay=0)``) when ``config`` is not
    given, plus ``host``/``port``.
    """
    host = options.pop("host", "127.0.0.1")
    port = options.pop("port", 0)
    if config is not None and options:
        raise TypeError("pass either a MockConfig or keyword options, not both")
    with MockServer(config or MockConfig(**options), host=host, port=port) as server:
        yield server


def run_forever(config: MockConfig, *, host: str, port: int) -> tuple[socket.socket, Any]:
    """Bind and return ``(socket, run)``: call ``run()`` to serve in this thread until Ctrl-C (the CLI's way)."""
    sock = bind(host, port)
    app = create_app(config)
    server = _uvicorn_server(app, foreground=True)

    def run() -> None:
        _, stop_webhooks = start_webhooks(app)
        try:
            server.run(sockets=[sock])
        finally:
            if stop_webhooks is not None:
                stop_webhooks()

    return sock, run
