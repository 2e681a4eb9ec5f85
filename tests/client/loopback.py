"""A tiny threaded HTTP server on 127.0.0.1:0 whose handler a test supplies."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.serving import serving

Respond = Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def serve(respond: Respond, *, keep_alive: bool = False) -> Iterator[str]:
    """Serve ``respond`` for every GET (and POST); yields ``http://127.0.0.1:PORT``. ``keep_alive`` speaks
    HTTP/1.1, so a client's pool reuses connections (``respond`` must then send ``Content-Length``)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"
        wbufsize = 64 * 1024  # one write per response (flushed after each), so Nagle never delays a reply

        def setup(self) -> None:
            super().setup()
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_GET(self) -> None:
            try:
                respond(self)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        do_POST = do_GET

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with serving(server) as port:
        yield f"http://127.0.0.1:{port}"
