"""The one request loop: every call goes through ``Call``, driven by ``send_sync`` or ``send_async``.

``Call`` holds what must stay the same across attempts (the idempotency key and the exact body bytes)
and decides after each attempt whether to stop, raise or wait and retry; the two drivers only send,
read and sleep. Retry rules and wait times come from the pure functions in ``_retry``.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import httpx

from ._exceptions import APIConnectionError, APITimeoutError, RateLimitError
from ._retry import backoff, server_wait, should_retry
from ._status_errors import error_details, make_status_error

log = logging.getLogger("kallglot")
_sleep = time.sleep  # looked up at call time, so tests can replace it and never really wait


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
        dict(extra_headers) if extra_headers else None,
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


def plain_headers(response: httpx.Response) -> dict[str, str]:
    """The response headers as a lowercase dict, decoded once (``httpx.Headers`` re-decodes on every lookup)."""
    return {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in response.headers.raw}


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
        self.url = settings.base_url + spec.path
        self.response_headers: dict[str, str] = {}
        self.attempt = 0
        self.started = time.monotonic()

    def build(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        self.attempt += 1
        return http.build_request(
            self.spec.method,
            self.url,
            params=self.params,
            content=self.content,
            headers=self.headers,
            timeout=self.timeout,
        )

    def _log(self, outcome: str) -> None:
        if log.isEnabledFor(logging.INFO):
            log.info(
                "%s %s -> %s attempt=%d elapsed=%.3fs",
                self.spec.method,
                self.spec.path,
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
            what = "timed out" if timed_out else f"failed: {exc}"
            raise cls(
                f"{self.spec.method} {self.spec.path} {what} after {self.attempt} attempt(s)",
                idempotency_key=self.idempotency_key,
            ) from exc
        wait = backoff(self.attempt - 1)
        log.info("retrying %s %s in %.2fs: %s", self.spec.method, self.spec.path, wait, type(exc).__name__)
        return wait

    def after_response(self, response: httpx.Response) -> float | None:
        """``None`` when ``response`` is the answer; seconds to wait before retrying; or the error raised."""
        headers = self.response_headers = plain_headers(response)
        self.settings.on_response(headers)
        status = response.status_code
        if log.isEnabledFor(logging.INFO):
            self._log(f"{status} request_id={headers.get('x-request-id')}")
        if status < 400:
            return None
        detail, _ = error_details(response)
        body_wait = detail.get("retry_after")
        wait = server_wait(status, headers, body_wait if isinstance(body_wait, int | float) else None)
        if not should_retry(status) or self.attempt > self.settings.max_retries:
            raise make_status_error(response, self.idempotency_key, wait)
        if wait is not None and wait > self.settings.max_retry_wait:
            error = make_status_error(response, self.idempotency_key, wait)
            if status == 429 and isinstance(error, RateLimitError):
                error.message += f" (the server asks to wait {wait:.0f}s; the client waits at most "
                error.message += f"{self.settings.max_retry_wait:.0f}s)"
            raise error
        delay = backoff(self.attempt - 1) if wait is None else wait
        log.info("retrying %s %s in %.2fs: status %d", self.spec.method, self.spec.path, delay, status)
        return delay


def send_sync(http: httpx.Client, settings: Settings, spec: RequestSpec) -> tuple[httpx.Response, Call]:
    """Send ``spec`` with retries. The response is read unless ``spec.stream`` and it succeeded."""
    call = Call(settings, spec)
    while True:
        try:
            response = http.send(call.build(http), stream=True)
            try:
                if not (spec.stream and response.is_success):
                    response.read()
            except BaseException:
                response.close()
                raise
        except httpx.TransportError as exc:
            _sleep(call.after_error(exc))
            continue
        try:
            wait = call.after_response(response)
        finally:
            if not (spec.stream and response.is_success):
                response.close()
        if wait is None:
            return response, call
        _sleep(wait)


async def send_async(http: httpx.AsyncClient, settings: Settings, spec: RequestSpec) -> tuple[httpx.Response, Call]:
    """The asyncio twin of ``send_sync``: same decisions, awaited I/O."""
    call = Call(settings, spec)
    while True:
        try:
            response = await http.send(call.build(http), stream=True)
            try:
                if not (spec.stream and response.is_success):
                    await response.aread()
            except BaseException:
                await response.aclose()
                raise
        except httpx.TransportError as exc:
            await _async_sleep(call.after_error(exc))
            continue
        try:
            wait = call.after_response(response)
        finally:
            if not (spec.stream and response.is_success):
                await response.aclose()
        if wait is None:
            return response, call
        await _async_sleep(wait)
