"""One logical call across its attempts: what every attempt sends, and what each outcome means.

``Call`` holds what must stay the same across attempts (the idempotency key and the exact body bytes) and
decides after each attempt whether to stop, raise or wait and retry; retry rules and wait times come from the
pure functions in ``_retry``. The drivers in ``_transport`` do the I/O. A call whose ``path`` is an absolute URL
on another origin (a download's redirect to storage) is sent without the API key or the caller's headers.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Mapping
from typing import NamedTuple

import httpx

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ClientClosedError,
    RateLimitError,
)
from ._redact import REDACTED, SECRET_HEADERS, redact
from ._request_spec import CheckedOptions, RequestSpec
from ._retry import backoff, server_wait, should_retry
from ._status_errors import make_status_error, read_error

log = logging.getLogger("kallglot")


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
        options = spec.options or CheckedOptions()
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
            if log.isEnabledFor(logging.DEBUG):
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
