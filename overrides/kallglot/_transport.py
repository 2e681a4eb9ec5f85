"""The one request loop: every call goes through ``Call``, driven by ``send_sync`` or ``send_async``.

``Call`` holds what must stay the same across attempts (the idempotency key and the exact body bytes)
and decides after each attempt whether to stop, raise or wait and retry; the two drivers only send,
read and sleep. Retry rules and wait times come from the pure functions in ``_retry``.

Every attempt has a deadline as well as httpx's per-operation timeouts (``_deadline``): the whole attempt
(connect, send, headers and, unless the body is streamed to the caller, the body) must finish within the
timeout, so a server trickling a byte at a time cannot hold a call for longer. A call whose ``path`` is an absolute URL
on another origin (a download's redirect to storage) is sent without the API key or the caller's headers.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any, NamedTuple

import httpx

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ClientClosedError,
    RateLimitError,
)
from ._redact import REDACTED, redact
from ._retry import backoff, server_wait, should_retry
from ._status_errors import SECRET_HEADERS, make_status_error, read_error

log = logging.getLogger("kallglot")
_sleep = time.sleep  # looked up at call time, so tests can replace it and never really wait
# When the current attempt must be over (time.monotonic()); ``_deadline`` holds every socket operation to it.
attempt_deadline: ContextVar[float | None] = ContextVar("kallglot_attempt_deadline", default=None)


async def _async_sleep(seconds: float) -> None:
    import asyncio  # only async users pay for importing asyncio

    await asyncio.sleep(seconds)


class RequestOptions(NamedTuple):
    """What a caller adds to one call (``timeout=``, ``extra_headers=``, ``extra_query=``, ``extra_body=``)."""

    timeout: float | httpx.Timeout | None = None
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None


class RequestSpec(NamedTuple):
    """One logical API call, before any attempt.

    ``path`` is relative to the client's ``base_url``, or an absolute URL (a redirect a download follows).
    ``headers`` are the ones the operation itself needs (an ``Accept`` matching what it serves); ``options``
    are the caller's additions, applied last so they win.
    """

    method: str
    path: str
    params: Mapping[str, Any] | None = None
    json_body: Any = None
    idempotency_key: str | None = None
    stream: bool = False
    headers: Mapping[str, str] | None = None
    options: RequestOptions | None = None


def check_timeout(timeout: object, *, name: str = "timeout") -> float | httpx.Timeout:
    """``timeout`` if it is a positive finite number of seconds or an ``httpx.Timeout``; else ``ValueError``."""
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, int | float) and not isinstance(timeout, bool) and 0 < timeout < float("inf"):
        return float(timeout)
    raise ValueError(f"{name} must be a positive number of seconds or an httpx.Timeout, got {timeout!r}")


_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def check_headers(headers: Mapping[str, str], *, name: str) -> dict[str, str]:
    """``headers`` as a dict if every name is an HTTP token and every value a one-line Latin-1 string; else
    ``ValueError`` naming the header (never its value, which may be a secret)."""
    if not isinstance(headers, Mapping):
        raise TypeError(f"{name} must be a mapping of header names to values, got {type(headers).__name__}")
    for key, value in headers.items():
        if not isinstance(key, str) or not key or not _TOKEN.issuperset(key):
            raise ValueError(f"{name} has an invalid header name {key!r}")
        if not isinstance(value, str) or "\r" in value or "\n" in value or "\0" in value or not _latin1(value):
            raise ValueError(f"{name}[{key!r}] must be a one-line string of Latin-1 characters")
    return dict(headers)


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def apply_options(
    spec: RequestSpec,
    *,
    timeout: float | httpx.Timeout | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> RequestSpec:
    """``spec`` with a caller's per-request options; ``None`` everywhere leaves it as it is (the common path)."""
    if timeout is None and not extra_headers and not extra_query and not extra_body:
        return spec
    if extra_body and spec.json_body is None and spec.method == "GET":
        raise ValueError("extra_body is only for calls that send a body")
    options = RequestOptions(
        None if timeout is None else check_timeout(timeout),
        check_headers(extra_headers, name="extra_headers") if extra_headers else None,
        dict(extra_query) if extra_query else None,
        dict(extra_body) if extra_body else None,
    )
    return spec._replace(options=options)


class Settings(NamedTuple):
    """What a client contributes to each call."""

    base_url: str
    headers: Mapping[str, str]
    timeout: float | httpx.Timeout
    max_retries: int
    max_retry_wait: float
    on_response: Callable[[Mapping[str, str]], None]


# What may go to another origin: nothing that identifies the caller to the API.
_FOREIGN_HEADERS = frozenset({"host", "accept", "accept-encoding", "connection", "user-agent"})


def attempt_budget(timeout: float | httpx.Timeout) -> float | None:
    """The deadline of one attempt: the timeout itself, or the longest part of an ``httpx.Timeout``."""
    if isinstance(timeout, httpx.Timeout):
        parts = [t for t in (timeout.connect, timeout.read, timeout.write, timeout.pool) if t is not None]
        return max(parts) if parts else None
    return timeout


def plain_headers(response: httpx.Response) -> dict[str, str]:
    """The response headers as a lowercase dict, decoded once (``httpx.Headers`` re-decodes on every lookup)."""
    return {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in response.headers.raw}


def safe_headers(headers: httpx.Headers | Mapping[str, str]) -> dict[str, str]:
    """Headers fit for a log line: credentials replaced, any other secret redacted."""
    return {k: REDACTED if k.lower() in SECRET_HEADERS else redact(v) for k, v in headers.items()}


def same_origin(url: httpx.URL, other: httpx.URL) -> bool:
    return (url.scheme, url.host, url.port) == (other.scheme, other.host, other.port)


class Call:
    """One logical call across its attempts. Not thread-safe; one per call."""

    def __init__(self, settings: Settings, spec: RequestSpec) -> None:
        self.settings = settings
        self.spec = spec
        # A POST without the caller's key still gets one, made once, so every retry is the same request.
        key = spec.idempotency_key or (str(uuid.uuid4()) if spec.method == "POST" else None)
        self.idempotency_key = key
        options = spec.options or RequestOptions()
        self.headers = dict(settings.headers)
        if spec.headers:
            self.headers.update(spec.headers)
        if key:
            self.headers["Idempotency-Key"] = key
        body = spec.json_body
        if options.extra_body:
            body = {**(body or {}), **options.extra_body}
        self.content: bytes | None = None
        if body is not None:
            self.content = json.dumps(body, separators=(",", ":")).encode()
            self.headers["Content-Type"] = "application/json"
        if options.extra_headers:
            self.headers.update(options.extra_headers)
        self.params = {**(spec.params or {}), **options.extra_query} if options.extra_query else spec.params
        self.timeout = settings.timeout if options.timeout is None else options.timeout
        self.foreign = False
        if spec.path.startswith(("https://", "http://")):
            self.url = spec.path
            self.foreign = not same_origin(httpx.URL(spec.path), httpx.URL(settings.base_url))
        else:
            self.url = settings.base_url + spec.path
        self.response_headers: dict[str, str] = {}
        self.attempt = 0
        self.started = time.monotonic()
        self.budget = attempt_budget(self.timeout)

    @property
    def where(self) -> str:
        """What logs and messages name: the path, never a signed URL's query."""
        return redact(self.spec.path.split("?", 1)[0])

    def build(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The next attempt's request; ``ClientClosedError`` if the pool was closed."""
        if http.is_closed:
            raise ClientClosedError("this client was closed; create a new Kallglot client to make calls")
        self.attempt += 1
        request = http.build_request(
            self.spec.method, self.url, params=self.params, content=self.content, headers=self.headers,
            timeout=self.timeout,
        )  # fmt: skip
        if self.foreign:
            for name in [n for n in request.headers if n.lower() not in _FOREIGN_HEADERS]:
                del request.headers[name]
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "request %s %s query=%s headers=%s body=%d bytes",
                request.method, redact(f"{request.url.scheme}://{request.url.netloc.decode()}{request.url.path}"),
                redact(request.url.query.decode()), safe_headers(request.headers), len(self.content or b""),
            )  # fmt: skip
        return request

    def _log(self, outcome: str) -> None:
        if log.isEnabledFor(logging.INFO):
            log.info(
                "%s %s -> %s attempt=%d elapsed=%.3fs",
                self.spec.method,
                self.where,
                outcome,
                self.attempt,
                time.monotonic() - self.started,
            )

    def after_error(self, exc: httpx.TransportError) -> float:
        """Seconds to wait before retrying a request that got no answer; raises when out of attempts."""
        timed_out = isinstance(exc, httpx.TimeoutException)
        self._log("timeout" if timed_out else f"connection error ({type(exc).__name__})")
        if self.attempt > self.settings.max_retries:
            cls = APITimeoutError if timed_out else APIConnectionError
            what = "timed out" if timed_out else f"failed: {redact(str(exc))}"
            raise cls(
                f"{self.spec.method} {self.where} {what} after {self.attempt} attempt(s)",
                idempotency_key=self.idempotency_key,
            ) from exc
        wait = backoff(self.attempt - 1)
        log.info("retrying %s %s in %.2fs: %s", self.spec.method, self.where, wait, type(exc).__name__)
        return wait

    def undecodable(self, response: httpx.Response, exc: httpx.DecodingError) -> APIResponseValidationError:
        encoding = response.headers.get("content-encoding", "its content encoding")
        return APIResponseValidationError(
            f"the body could not be decoded from {encoding}: {exc}",
            status_code=response.status_code,
            request_id=response.headers.get("x-request-id"),
            idempotency_key=self.idempotency_key,
        )

    def after_response(self, response: httpx.Response) -> float | None:
        """``None`` when ``response`` is the answer; seconds to wait before retrying; or the error raised."""
        headers = self.response_headers = plain_headers(response)
        self.settings.on_response(headers)
        status = response.status_code
        if log.isEnabledFor(logging.INFO):
            self._log(f"{status} request_id={headers.get('x-request-id')}")
            log.debug("response headers %s", safe_headers(headers))
        if status < 400:
            return None
        parts = read_error(response)
        wait = server_wait(status, headers, parts.detail.get("retry_after"))
        if not should_retry(status) or self.attempt > self.settings.max_retries:
            raise make_status_error(response, parts, self.idempotency_key, wait)
        if wait is not None and wait > self.settings.max_retry_wait:
            error = make_status_error(response, parts, self.idempotency_key, wait)
            if status == 429 and isinstance(error, RateLimitError):
                error.message += f" (the server asks to wait {wait:.0f}s; the client waits at most "
                error.message += f"{self.settings.max_retry_wait:.0f}s)"
            raise error
        delay = backoff(self.attempt - 1) if wait is None else wait
        log.info("retrying %s %s in %.2fs: status %d", self.spec.method, self.where, delay, status)
        return delay


def _closed(http: httpx.Client | httpx.AsyncClient, exc: RuntimeError) -> BaseException:
    if http.is_closed:  # closed by another thread or task while this call was under way
        return ClientClosedError("this client was closed during the call")
    return exc


def send_sync(http: httpx.Client, settings: Settings, spec: RequestSpec) -> tuple[httpx.Response, Call]:
    """Send ``spec`` with retries. The response is read and closed unless ``spec.stream`` and it succeeded;
    then it is open and the caller must close it."""
    call = Call(settings, spec)
    while True:
        request = call.build(http)
        deadline = attempt_deadline.set(None if call.budget is None else time.monotonic() + call.budget)
        try:
            response = http.send(request, stream=True, follow_redirects=False)
            keep = spec.stream and response.is_success
            try:
                if not keep:
                    response.read()
                wait = call.after_response(response)
            except BaseException:
                response.close()
                raise
        except httpx.TransportError as exc:
            wait = call.after_error(exc)
        except httpx.DecodingError as exc:
            raise call.undecodable(response, exc) from None
        except RuntimeError as exc:
            raise _closed(http, exc) from None
        finally:
            attempt_deadline.reset(deadline)
        if wait is None:
            return response, call
        _sleep(wait)


async def send_async(http: httpx.AsyncClient, settings: Settings, spec: RequestSpec) -> tuple[httpx.Response, Call]:
    """The asyncio twin of ``send_sync``: same decisions, awaited I/O."""
    call = Call(settings, spec)
    while True:
        request = call.build(http)
        deadline = attempt_deadline.set(None if call.budget is None else time.monotonic() + call.budget)
        try:
            response = await http.send(request, stream=True, follow_redirects=False)
            keep = spec.stream and response.is_success
            try:
                if not keep:
                    await response.aread()
                wait = call.after_response(response)
            except BaseException:
                await response.aclose()
                raise
        except httpx.TransportError as exc:
            wait = call.after_error(exc)
        except httpx.DecodingError as exc:
            raise call.undecodable(response, exc) from None
        except RuntimeError as exc:
            raise _closed(http, exc) from None
        finally:
            attempt_deadline.reset(deadline)
        if wait is None:
            return response, call
        await _async_sleep(wait)
