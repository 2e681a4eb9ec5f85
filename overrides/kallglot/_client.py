"""``Kallglot`` and ``AsyncKallglot``: configuration, the shared connection pool, credits, resources.

Both are built by ``_BaseClient.__init__``; a subclass names only its pool type, its resources and its I/O.
"""

from __future__ import annotations

import logging
import os
import platform
import threading
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from ._call import Call, Settings
from ._config import check_key, parse_base_url
from ._constants import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_WAIT,
    DEFAULT_TIMEOUT,
)
from ._exceptions import KallglotError
from ._logging import configure_from_env
from ._parse import parse_response
from ._request_spec import RequestSpec, check_headers, check_timeout
from ._response import APIResponse, CreditBalance, RateLimit, parse_credits, parse_rate_limit
from ._transport import send_async, send_sync
from ._version import __version__

if TYPE_CHECKING:
    from ._resources.analyses import Analyses, AsyncAnalyses
    from ._resources.recordings import AsyncRecordings, Recordings
    from ._resources.sessions import AsyncSessions, Sessions

log = logging.getLogger("kallglot")
T = TypeVar("T")
PoolT = TypeVar("PoolT", httpx.Client, httpx.AsyncClient)
_NOT_GIVEN: Any = object()


class _SharedState:
    """What a client and its ``with_options`` copies share: the last credits and rate limit seen."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.credits: CreditBalance | None = None
        # The last response's headers; parsed into a RateLimit only when someone asks.
        self.rate_limit_headers: Mapping[str, str] = {}
        self.low_credits_warned = False


class _BaseClient(Generic[PoolT]):
    """Configuration and credit tracking shared by both clients; see ``Kallglot`` for the parameters."""

    _http: PoolT

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        default_headers: Mapping[str, str] | None = None,
        http_client: PoolT | None = None,
        on_credits: Callable[[CreditBalance], None] | None = None,
        low_credits_threshold: int | None = None,
        strict_response_validation: bool = False,
        _state: _SharedState | None = None,
        _pool_has_headers: bool = False,
    ) -> None:
        configure_from_env()
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        if not key or not isinstance(key, str) or not key.strip():
            raise KallglotError(
                f"No API key: pass api_key=... or set the {API_KEY_ENV} environment variable "
                "(keys start with sk_live_ or sk_test_ and come from the Kallglot Developer Portal)."
            )
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries must be a whole number >= 0, got {max_retries!r}")
        if isinstance(max_retry_wait, bool) or not isinstance(max_retry_wait, int | float) or not max_retry_wait >= 0:
            raise ValueError(f"max_retry_wait must be a number of seconds >= 0, got {max_retry_wait!r}")
        self._api_key = check_key(key)
        self.base_url = parse_base_url(base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL)
        self.timeout = check_timeout(timeout)
        self.max_retries = max_retries
        self.max_retry_wait = float(max_retry_wait)
        self.strict_response_validation = bool(strict_response_validation)
        self.default_headers = check_headers(default_headers or {}, name="default_headers")
        self._on_credits = on_credits
        self._low_credits_threshold = low_credits_threshold
        self._state = _state or _SharedState()
        self._headers = {
            "Authorization": f"Bearer {self._api_key}",
            "Accept": "application/json",
            "User-Agent": f"kallglot-python/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}",
            **self.default_headers,
        }
        self._owns_http = http_client is None
        # Redirects are followed by the download loop, so the API key never goes to another origin.
        self._http = self._new_pool(self._headers) if http_client is None else http_client
        from ._deadline import install  # imports httpcore, which a pool needs anyway

        install(self._http)
        # Headers set on a pool we own cost nothing per request; a caller's pool gets them on each request.
        self._pool_has_headers = self._owns_http or _pool_has_headers
        request_headers = {} if self._pool_has_headers else self._headers
        self._settings = Settings(
            self.base_url, request_headers, self.timeout, self.max_retries, self.max_retry_wait, self._observe
        )
        self._make_resources()

    def _new_pool(self, headers: Mapping[str, str]) -> PoolT:
        raise NotImplementedError

    def _make_resources(self) -> None:
        raise NotImplementedError

    def _observe(self, headers: Mapping[str, str]) -> None:
        """Record credits and rate limit from every response, errors included."""
        if "x-ratelimit-limit" in headers or "x-ratelimit-reset" in headers:
            self._state.rate_limit_headers = headers
        balance = parse_credits(headers, headers.get("x-request-id"))
        if balance is None:
            return
        warn = False
        with self._state.lock:
            self._state.credits = balance
            threshold = self._low_credits_threshold
            if threshold is not None and balance.remaining is not None:
                low = balance.remaining < threshold
                warn = low and not self._state.low_credits_warned
                self._state.low_credits_warned = low
        if warn:
            log.warning("API credits are low: %s left (threshold %s)", balance.remaining, threshold)
        if self._on_credits is not None:
            try:
                self._on_credits(balance)
            except Exception:
                # The server has already done (and charged for) the work: losing its answer would be worse.
                log.exception("on_credits raised; the call it reported on is unaffected")

    @property
    def credits(self) -> CreditBalance | None:
        """The credits the last response reported, or ``None`` before any response carried them."""
        return self._state.credits

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate-limit window the last response reported."""
        return parse_rate_limit(self._state.rate_limit_headers)

    @property
    def is_closed(self) -> bool:
        """Whether the connection pool this client uses was closed (calls then raise ``ClientClosedError``)."""
        return self._http.is_closed

    def with_options(
        self,
        *,
        api_key: str = _NOT_GIVEN,
        base_url: str = _NOT_GIVEN,
        default_headers: Mapping[str, str] = _NOT_GIVEN,
        timeout: float | httpx.Timeout = _NOT_GIVEN,
        max_retries: int = _NOT_GIVEN,
        max_retry_wait: float = _NOT_GIVEN,
        strict_response_validation: bool = _NOT_GIVEN,
    ) -> Self:
        """A client with other settings that shares this one's connection pool and credit tracking.

        ``default_headers`` are added to (and override) this client's. Closing the copy leaves the pool open;
        closing the original closes it for every copy.
        """

        def pick(value: Any, current: Any) -> Any:
            return current if value is _NOT_GIVEN else value

        headers = self.default_headers if default_headers is _NOT_GIVEN else {**self.default_headers, **default_headers}
        same_headers = api_key is _NOT_GIVEN and default_headers is _NOT_GIVEN
        return type(self)(
            pick(api_key, self._api_key),
            base_url=pick(base_url, self.base_url),
            timeout=pick(timeout, self.timeout),
            max_retries=pick(max_retries, self.max_retries),
            max_retry_wait=pick(max_retry_wait, self.max_retry_wait),
            default_headers=headers,
            http_client=self._http,
            on_credits=self._on_credits,
            low_credits_threshold=self._low_credits_threshold,
            strict_response_validation=pick(strict_response_validation, self.strict_response_validation),
            _state=self._state,
            _pool_has_headers=self._pool_has_headers and same_headers,
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, timeout={self.timeout!r}, "
            f"max_retries={self.max_retries!r})"
        )


class Kallglot(_BaseClient[httpx.Client]):
    """The synchronous client. Safe to share between threads; close it (or use ``with``) to free the pool.

    ``api_key`` (else ``KALLGLOT_API_KEY``) and ``base_url`` (else ``KALLGLOT_BASE_URL``, else the production
    API) say where to call; ``timeout`` (a positive number of seconds or an ``httpx.Timeout``; 30 s) bounds
    each attempt as a whole; ``max_retries`` (2) and ``max_retry_wait`` (60 s) bound the retries;
    ``default_headers`` go with every request; ``http_client`` is a pool of your own (left open on close);
    ``on_credits`` is called with each new balance and ``low_credits_threshold`` logs one warning when the
    balance drops below it. Success bodies are parsed leniently: a field that differs from the API document is
    kept as received and logged once; ``strict_response_validation=True`` raises ``APIResponseValidationError``
    instead (see ``_parse.py``).
    """

    sessions: Sessions
    recordings: Recordings
    analyses: Analyses

    def _new_pool(self, headers: Mapping[str, str]) -> httpx.Client:
        return httpx.Client(headers=headers, follow_redirects=False)

    def _make_resources(self) -> None:
        from ._resources.analyses import Analyses
        from ._resources.recordings import Recordings
        from ._resources.sessions import Sessions

        self.sessions = Sessions(self)
        self.recordings = Recordings(self)
        self.analyses = Analyses(self)

    def _request(self, spec: RequestSpec, model: type[T]) -> APIResponse[T]:
        response, call = send_sync(self._http, self._settings, spec)
        parsed = parse_response(response, call, model, strict=self.strict_response_validation)
        return APIResponse(response, parsed, call.idempotency_key, call.response_headers)

    def _send(self, spec: RequestSpec) -> tuple[httpx.Response, Call]:
        return send_sync(self._http, self._settings, spec)

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncKallglot(_BaseClient[httpx.AsyncClient]):
    """The asyncio client: the same surface as ``Kallglot`` with ``await``. Use from one event loop."""

    sessions: AsyncSessions
    recordings: AsyncRecordings
    analyses: AsyncAnalyses

    def _new_pool(self, headers: Mapping[str, str]) -> httpx.AsyncClient:
        return httpx.AsyncClient(headers=headers, follow_redirects=False)

    def _make_resources(self) -> None:
        from ._resources.analyses import AsyncAnalyses
        from ._resources.recordings import AsyncRecordings
        from ._resources.sessions import AsyncSessions

        self.sessions = AsyncSessions(self)
        self.recordings = AsyncRecordings(self)
        self.analyses = AsyncAnalyses(self)

    async def _request(self, spec: RequestSpec, model: type[T]) -> APIResponse[T]:
        response, call = await send_async(self._http, self._settings, spec)
        parsed = parse_response(response, call, model, strict=self.strict_response_validation)
        return APIResponse(response, parsed, call.idempotency_key, call.response_headers)

    async def _send(self, spec: RequestSpec) -> tuple[httpx.Response, Call]:
        return await send_async(self._http, self._settings, spec)

    async def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
