"""A deadline on every round trip to a store's server, including one that stops answering but keeps the socket.

Neither a server-side ``statement_timeout`` nor TCP keep-alives help against a server process that is stopped
(``SIGSTOP``, a frozen VM) or a proxy that accepts and goes silent: the peer's kernel keeps acknowledging, and a
cancel request would wait on the same silent server. So the one bound that always holds is local: when a round
trip outlives its deadline, the connection's socket is shut down, the driver's pending read ends at once with
a connection error, and the block raises ``TimeoutError`` (which the stores turn into ``WebhookStoreError``).
The driver then sees a broken connection, which the stores replace on their next call.

Blocking stores share one daemon thread (:func:`deadline`); async stores use a timer on their loop
(:func:`loop_deadline`). Both cost a dictionary entry or a timer handle per round trip, not a thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import socket
import threading
import time
from collections.abc import Iterator

__all__ = ["deadline", "loop_deadline"]

_TICK = 0.05  # how late past its deadline a blocking round trip may be cut


def _cut(fd: int) -> None:
    # shutdown() acts on the socket itself, so it wakes the thread or loop waiting on ``fd`` with EOF; the
    # duplicate is ours to close, while ``fd`` stays open (and not reusable) until the driver closes it.
    with contextlib.suppress(OSError), socket.socket(fileno=os.dup(fd)) as sock:
        sock.shutdown(socket.SHUT_RDWR)


def _expired(timeout: float) -> TimeoutError:
    return TimeoutError(f"the server did not answer within {timeout:g} s")


class _Watchdog:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._running: dict[int, tuple[float, int]] = {}  # ticket -> (monotonic deadline, fd)
        self._cut: set[int] = set()
        self._tickets = itertools.count()
        self._thread: threading.Thread | None = None
        self._idle = False  # the thread sleeps until notified, rather than ticking
        self._busy_at = 0.0  # when a round trip last started

    def start(self, fd: int, timeout: float) -> int:
        with self._cond:
            ticket = next(self._tickets)
            self._busy_at = time.monotonic()
            self._running[ticket] = (self._busy_at + timeout, fd)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._watch, name="kallglot-store-deadline", daemon=True)
                self._thread.start()
            elif self._idle:
                self._idle = False
                self._cond.notify()
            return ticket

    def stop(self, ticket: int) -> bool:
        """End the watch; whether the socket was cut."""
        with self._cond:
            del self._running[ticket]
            if ticket not in self._cut:
                return False
            self._cut.discard(ticket)
            return True

    def _watch(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for ticket, (due, fd) in self._running.items():
                    # Under the lock: the round trip has not ended, so ``fd`` is still the connection's socket.
                    if due <= now and ticket not in self._cut:
                        self._cut.add(ticket)
                        _cut(fd)
                # Waking the thread for every round trip would cost more than the check: it ticks while round
                # trips keep coming and sleeps once none has started for a second.
                self._idle = not self._running and now - self._busy_at > 1.0
                self._cond.wait(None if self._idle else _TICK)


_WATCHDOG = _Watchdog()


def _after_fork() -> None:
    # A forked worker (multiprocessing, gunicorn) inherits neither the thread nor a usable lock: start afresh.
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


os.register_at_fork(after_in_child=_after_fork)


@contextlib.contextmanager
def deadline(fd: int, timeout: float) -> Iterator[None]:
    """Bound a blocking round trip on socket ``fd`` to ``timeout`` seconds (see the module docstring)."""
    ticket = _WATCHDOG.start(fd, timeout)
    try:
        yield
    except BaseException as exc:
        if _WATCHDOG.stop(ticket):
            raise _expired(timeout) from exc
        raise
    _WATCHDOG.stop(ticket)


@contextlib.contextmanager
def loop_deadline(fd: int, timeout: float) -> Iterator[None]:
    """Bound a round trip awaited inside the block, on the running loop, to ``timeout`` seconds."""
    cut = False

    def expire() -> None:
        nonlocal cut
        cut = True
        _cut(fd)

    timer = asyncio.get_running_loop().call_later(timeout, expire)
    try:
        yield
    except BaseException as exc:
        if cut:
            raise _expired(timeout) from exc
        raise
    finally:
        timer.cancel()
