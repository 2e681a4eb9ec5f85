"""The one request loop: every call is a ``Call`` (``_call``), driven by ``send_sync`` or ``send_async``.

``Attempt`` scopes one attempt: its deadline, and what a failure of its I/O means (a wait before retrying, or
the error to raise); ``Call`` decides everything else. The two drivers only send, read, close and sleep.

Every attempt has a deadline as well as httpx's per-operation timeouts (``_deadline``): the whole attempt
(connect, send, headers and, unless the body is streamed to the caller, the body) must finish within the
timeout, so a server trickling a byte at a time cannot hold a call for longer.
"""

from __future__ import annotations

import time
from contextvars import ContextVar, Token
from types import TracebackType

import httpx

from ._call import Call, Settings
from ._exceptions import ClientClosedError
from ._request_spec import RequestSpec

_sleep = time.sleep  # looked up at call time, so tests can replace it and never really wait
# When the current attempt must be over (time.monotonic()); ``_deadline`` holds every socket operation to it.
attempt_deadline: ContextVar[float | None] = ContextVar("kallglot_attempt_deadline", default=None)


async def _async_sleep(seconds: float) -> None:
    import asyncio  # only async users pay for importing asyncio

    await asyncio.sleep(seconds)


class Attempt:
    """One attempt, as a ``with`` block around its I/O: holds ``attempt_deadline`` to the call's budget meanwhile,
    and turns what the I/O raised into ``wait`` (seconds before the next attempt) or the error to raise."""

    __slots__ = ("_call", "_http", "_token", "response", "wait")

    def __init__(self, call: Call, http: httpx.Client | httpx.AsyncClient) -> None:
        self._call = call
        self._http = http
        self.response: httpx.Response | None = None
        self.wait: float | None = None

    def keeps_open(self, response: httpx.Response) -> bool:
        """Whether ``response`` stays open with its body unread, for the caller to stream (a streamed
        success); otherwise the driver reads it now."""
        self.response = response
        return self._call.spec.stream and response.is_success

    def __enter__(self) -> Attempt:
        budget = self._call.budget
        self._token: Token[float | None] = attempt_deadline.set(None if budget is None else time.monotonic() + budget)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool:
        attempt_deadline.reset(self._token)
        if isinstance(exc, httpx.TransportError):
            self.wait = self._call.after_error(exc)
            return True
        if isinstance(exc, httpx.DecodingError) and self.response is not None:
            raise self._call.undecodable(self.response, exc) from None
        if isinstance(exc, RuntimeError) and self._http.is_closed:  # closed by another thread or task meanwhile
            raise ClientClosedError("this client was closed during the call") from None
        return False


def send_sync(http: httpx.Client, settings: Settings, spec: RequestSpec) -> tuple[httpx.Response, Call]:
    """Send ``spec`` with retries. The response is read and closed unless ``spec.stream`` and it succeeded;
    then it is open and the caller must close it."""
    call = Call(settings, spec)
    while True:
        request = call.build(http)
        with Attempt(call, http) as attempt:
            response = http.send(request, stream=True, follow_redirects=False)
            try:
                if not attempt.keeps_open(response):
                    response.read()
                attempt.wait = call.after_response(response)
            except BaseException:
                response.close()
                raise
        if attempt.wait is None:
            return response, call
        _sleep(attempt.wait)


async def send_async(http: httpx.AsyncClient, settings: Settings, spec: RequestSpec) -> tuple[httpx.Response, Call]:
    """The asyncio twin of ``send_sync``: the same ``Call`` and ``Attempt`` decide, only the I/O is awaited."""
    call = Call(settings, spec)
    while True:
        request = call.build(http)
        with Attempt(call, http) as attempt:
            response = await http.send(request, stream=True, follow_redirects=False)
            try:
                if not attempt.keeps_open(response):
                    await response.aread()
                attempt.wait = call.after_response(response)
            except BaseException:
                await response.aclose()
                raise
        if attempt.wait is None:
            return response, call
        await _async_sleep(attempt.wait)
