"""Broken HTTP off a real socket (malformed status lines, truncated or bad chunked bodies, huge headers, bad
gzip, odd statuses): every outcome is a value or a KallglotError, within the timeout, sync and async."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest

import kallglot

from .conftest import API_KEY

ANSWERS = {
    "nothing": b"",
    "not http": b"garbage\r\n\r\n",
    "bad status line": b"HTTP/1.1 abc OK\r\n\r\n",
    "status 999": b"HTTP/1.1 999 Weird\r\nContent-Length: 0\r\n\r\n",
    "truncated body": b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{}",
    "bad chunk size": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
    "huge headers": b"HTTP/1.1 200 OK\r\n" + b"X-Pad: " + b"a" * 200_000 + b"\r\n\r\n",
    "bad gzip": b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nabcd",
    "non-latin-1 header bytes": b"HTTP/1.1 200 OK\r\nX-API-Credits-Remaining: \xff\xfe\r\nContent-Length: 2\r\n\r\n{}",
    "header without colon": b"HTTP/1.1 200 OK\r\nnonsense\r\nContent-Length: 2\r\n\r\n{}",
    "negative length": b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n{}",
    "two lengths": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
    "redirect loop to itself": b"HTTP/1.1 302 Found\r\nLocation: /v1/recordings/rec_1/audio\r\n\r\n",
    "redirect to a file URL": b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n",
    "redirect to nonsense": b"HTTP/1.1 302 Found\r\nLocation: http://[::1\r\nContent-Length: 0\r\n\r\n",
}


@contextlib.contextmanager
def answering(answer: bytes) -> Iterator[str]:
    """A TCP server on 127.0.0.1:0 that reads a request, writes ``answer`` and closes."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    conn.recv(65536)
                    conn.sendall(answer)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.mark.parametrize("name", ANSWERS)
def test_sync_calls_survive_broken_http(name: str, sleeps: list[float]) -> None:
    with answering(ANSWERS[name]) as url, kallglot.Kallglot(API_KEY, base_url=url, timeout=2, max_retries=1) as c:
        for call in (lambda: c.sessions.retrieve("sess_1"), lambda: c.recordings.content("rec_1")):
            with contextlib.suppress(kallglot.KallglotError):
                call()


@pytest.mark.parametrize("name", ANSWERS)
def test_async_calls_survive_broken_http(name: str, sleeps: list[float]) -> None:
    async def run(url: str) -> None:
        async with kallglot.AsyncKallglot(API_KEY, base_url=url, timeout=2, max_retries=1) as c:
            for call in (lambda: c.sessions.retrieve("sess_1"), lambda: c.recordings.content("rec_1")):
                with contextlib.suppress(kallglot.KallglotError):
                    await asyncio.wait_for(call(), timeout=10)

    with answering(ANSWERS[name]) as url:
        asyncio.run(run(url))
