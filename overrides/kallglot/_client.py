"""``Kallglot`` and ``AsyncKallglot``: configuration, the shared connection pool, credits, resources."""

from __future__ import annotations

import logging
import os
import platform
import threading
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

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
from ._response import APIResponse, CreditBalance, RateLimit, parse_credits, parse_rate_limit
from ._transport import Call, RequestSpec, Settings, send_async, send_sync
from ._version import __version__

if TYPE_CHECKING:
    from ._resources.analyses import Analyses, AsyncAnalyses
    from ._resources.recordings import AsyncRecordings, Recordings
    from ._resources.sessions import AsyncSessions, Sessions

log = logging.getLogger("kallglot")
T = TypeVar("T")
_NOT_GIVEN: Any = object()


class _SharedState:
    """What a client and its ``with_options`` copies share: the last credits and rate limit seen."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.credits: CreditBalance | None = None
        # The last response's headers; parsed into a RateLimit only when someone asks.
        self.rate_limit_headers: Mapping[str, str] = {}
        self.low_credits_warned = False


class _BaseClient:
    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
        max_retry_wait: float,
        on_credits: Callable[[CreditBalance], None] | None,
        low_credits_threshold: int | None,
        state: _SharedState | None = None,
        strict_response_validation: bool = False,
    ) -> None:
        configure_from_env()
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        if not key or not key.strip():
            raise KallglotError(
                f"No API key: pass api_key=... or set the {API_KEY_ENV} environment variable "
                "(keys start with sk_live_ or sk_test_ and come from the Kallglot Developer Portal)."
            )
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries must be a whole number >= 0, got {max_retries!r}")
        url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        if not url.startswith(("https://", "http://")):
            raise ValueError(f"base_url must start with https:// or http://, got {url!r}")
        self._api_key = key.strip()
        self.base_url = url
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        # False: a 2xx body that differs from the API document still gives a model (see _parse.py).
        self.strict_response_validation = strict_response_validation
        self._on_credits = on_credits
        self._low_credits_threshold = low_credits_threshold
        self._state = state or _SharedState()
        self._headers = {
            "Authorization": f"Bearer {self._api_key}",
            "Accept": "application/json",
            "User-Agent": f"kallglot-python/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}",
        }

    def _init_settings(self, pool_has_headers: bool) -> None:
        # Headers set on a pool we own cost nothing per request; a caller's pool gets them on each request.
        request_headers = {} if pool_has_headers else self._headers
        self._pool_has_headers = pool_has_headers
        self._settings = Settings(
            self.base_url, request_headers, self.timeout, self.max_retries, self.max_retry_wait, self._observe
        )

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
            self._on_credits(balance)

    @property
    def credits(self) -> CreditBalance | None:
        """The credits the last response reported, or ``None`` before any response carried them."""
        return self._state.credits

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate-limit window the last response reported."""
        return parse_rate_limit(self._state.rate_limit_headers)

    def _copy_kwargs(
        self, timeout: Any, max_retries: Any, max_retry_wait: Any, strict_response_validation: Any = _NOT_GIVEN
    ) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "timeout": self.timeout if timeout is _NOT_GIVEN else timeout,
            "max_retries": self.max_retries if max_retries is _NOT_GIVEN else max_retries,
            "max_retry_wait": self.max_retry_wait if max_retry_wait is _NOT_GIVEN else max_retry_wait,
            "on_credits": self._on_credits,
            "low_credits_threshold": self._low_credits_threshold,
            "strict_response_validation": (
                self.strict_response_validation
                if strict_response_validation is _NOT_GIVEN
                else strict_response_validation
            ),
        }

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, timeout={self.timeout!r}, "
            f"max_retries={self.max_retries!r})"
        )


class Kallglot(_BaseClient):
    """The synchronous client. Safe to share between threads; close it (or use ``with``) to free the pool.

    Success bodies are parsed leniently: a field that differs from the API document is kept as received and
    logged once; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead (see _parse.py).
    """

    sessions: Sessions
    recordings: Recordings
    analyses: Analyses

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        on_credits: Callable[[CreditBalance], None] | None = None,
        low_credits_threshold: int | None = None,
        strict_response_validation: bool = False,
        _state: _SharedState | None = None,
        _pool_has_headers: bool = False,
    ) -> None:
        super().__init__(
            api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            on_credits=on_credits,
            low_credits_threshold=low_credits_threshold,
            state=_state,
            strict_response_validation=strict_response_validation,
        )
        self._owns_http = http_client is None
        # Redirects are followed by hand (recordings.download) so the API key never goes to another host.
        self._http = http_client or httpx.Client(headers=self._headers, follow_redirects=False)
        self._init_settings(pool_has_headers=self._owns_http or _pool_has_headers)
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

    def with_options(
        self, *, timeout: float | httpx.Timeout = _NOT_GIVEN, max_retries: int = _NOT_GIVEN,
        max_retry_wait: float = _NOT_GIVEN, strict_response_validation: bool = _NOT_GIVEN,
    ) -> Kallglot:  # fmt: skip
        """A client with other settings that shares this one's connection pool and credit tracking."""
        copy = Kallglot(
            self._api_key,
            http_client=self._http,
            _state=self._state,
            _pool_has_headers=self._pool_has_headers,
            **self._copy_kwargs(timeout, max_retries, max_retry_wait, strict_response_validation),
        )
        return copy

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


class AsyncKallglot(_BaseClient):
    """The asyncio client: the same surface as ``Kallglot`` with ``await``. Use from one event loop.

    ``strict_response_validation`` works as on ``Kallglot``.
    """

    sessions: AsyncSessions
    recordings: AsyncRecordings
    analyses: AsyncAnalyses

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        on_credits: Callable[[CreditBalance], None] | None = None,
        low_credits_threshold: int | None = None,
        strict_response_validation: bool = False,
        _state: _SharedState | None = None,
        _pool_has_headers: bool = False,
    ) -> None:
        super().__init__(
            api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            on_credits=on_credits,
            low_credits_threshold=low_credits_threshold,
            state=_state,
            strict_response_validation=strict_response_validation,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(headers=self._headers, follow_redirects=False)
        self._init_settings(pool_has_headers=self._owns_http or _pool_has_headers)
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

    def with_options(
        self, *, timeout: float | httpx.Timeout = _NOT_GIVEN, max_retries: int = _NOT_GIVEN,
        max_retry_wait: float = _NOT_GIVEN, strict_response_validation: bool = _NOT_GIVEN,
    ) -> AsyncKallglot:  # fmt: skip
        """A client with other settings that shares this one's connection pool and credit tracking."""
        return AsyncKallglot(
            self._api_key,
            http_client=self._http,
            _state=self._state,
            _pool_has_headers=self._pool_has_headers,
            **self._copy_kwargs(timeout, max_retries, max_retry_wait, strict_response_validation),
        )

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
