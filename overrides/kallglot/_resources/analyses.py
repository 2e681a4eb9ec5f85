"""``client.analyses``: request an analysis, read it, and wait for it to finish."""

from __future__ import annotations

import datetime
import math
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import httpx

from kallglot_api.models import Analysis

from .. import _requests, _transport
from .._exceptions import AnalysisTimeoutError
from .._response import APIResponse, RateLimit
from .._transport import apply_options
from .._validation import check_id
from ._base import aparsed, parsed

if TYPE_CHECKING:
    from kallglot_api.models import AnalysisComponent

    from .._client import AsyncKallglot, Kallglot

Timeout = float | httpx.Timeout | None
Headers = Mapping[str, str] | None
Query = Mapping[str, Any] | None
Body = Mapping[str, Any] | None
FINISHED = frozenset({"completed", "complete", "failed"})
MAX_POLL_INTERVAL = 30.0


def _check_wait_args(analysis_id: str, timeout: float, poll_interval: float) -> None:
    check_id("analysis_id", analysis_id)
    for name, value in (("timeout", timeout), ("poll_interval", poll_interval)):
        # NaN compares false with everything, so a plain "<= 0" would let it through and never time out.
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
            raise ValueError(f"{name} must be a positive, finite number of seconds, got {value!r}")


def next_poll(interval: float, rate_limit: RateLimit | None, remaining: float) -> float:
    """Seconds until the next poll: the backoff interval, or until the rate-limit window resets if it is spent."""
    wait = interval
    if rate_limit is not None and rate_limit.remaining == 0 and rate_limit.reset_at is not None:
        until_reset = (rate_limit.reset_at - datetime.datetime.now(datetime.UTC)).total_seconds()
        wait = max(wait, until_reset)
    return max(0.0, min(wait, remaining))


def _timeout(analysis_id: str, timeout: float, last: Analysis | None) -> AnalysisTimeoutError:
    status = None if last is None else str(last.status)
    return AnalysisTimeoutError(
        f"analysis {analysis_id} did not finish within {timeout:g}s (last status: {status})",
        analysis_id=analysis_id,
        last_status=status,
    )


class AnalysesWithRawResponse:
    """``client.analyses.with_raw_response``."""

    def __init__(self, client: Kallglot) -> None:
        self._client = client

    def create(
        self,
        session_id: str,
        *,
        include: Sequence[AnalysisComponent | str] | None = None,
        profile: str | None = None,
        idempotency_key: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
        extra_body: Body = None,
    ) -> APIResponse[Analysis]:
        """Queue an analysis of the session's transcript (one API credit); it starts ``processing``."""
        spec = _requests.create_analysis(session_id, include=include, profile=profile, idempotency_key=idempotency_key)
        spec = apply_options(
            spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
        )
        return self._client._request(spec, Analysis)

    def retrieve(
        self, analysis_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> APIResponse[Analysis]:
        """The analysis and, once completed, its results."""
        spec = _requests.retrieve_analysis(analysis_id)
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return self._client._request(spec, Analysis)


class Analyses:
    """``client.analyses``."""

    def __init__(self, client: Kallglot) -> None:
        self._client = client
        self.with_raw_response = AnalysesWithRawResponse(client)

    create = parsed(AnalysesWithRawResponse.create)
    retrieve = parsed(AnalysesWithRawResponse.retrieve)

    def wait(
        self, analysis_id: str, *, timeout: float = 300, poll_interval: float = 2.0, extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Analysis:  # fmt: skip
        """Poll until the analysis is completed or failed and return it; ``AnalysisTimeoutError`` after ``timeout``
        seconds in all (a positive finite number). Each poll uses the client's per-request timeout."""
        _check_wait_args(analysis_id, timeout, poll_interval)
        deadline = time.monotonic() + timeout
        interval, last = poll_interval, None
        while True:
            last = self.retrieve(analysis_id, extra_headers=extra_headers, extra_query=extra_query)
            if last.status in FINISHED:
                return last
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _timeout(analysis_id, timeout, last)
            _transport._sleep(next_poll(interval, self._client.rate_limit, remaining))
            interval = min(interval * 1.5, MAX_POLL_INTERVAL)


class AsyncAnalysesWithRawResponse:
    """``client.analyses.with_raw_response`` of ``AsyncKallglot``."""

    def __init__(self, client: AsyncKallglot) -> None:
        self._client = client

    async def create(
        self,
        session_id: str,
        *,
        include: Sequence[AnalysisComponent | str] | None = None,
        profile: str | None = None,
        idempotency_key: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
        extra_body: Body = None,
    ) -> APIResponse[Analysis]:
        """Queue an analysis of the session's transcript (one API credit); it starts ``processing``."""
        spec = _requests.create_analysis(session_id, include=include, profile=profile, idempotency_key=idempotency_key)
        spec = apply_options(
            spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
        )
        return await self._client._request(spec, Analysis)

    async def retrieve(
        self, analysis_id: str, *, timeout: Timeout = None, extra_headers: Headers = None, extra_query: Query = None
    ) -> APIResponse[Analysis]:
        """The analysis and, once completed, its results."""
        spec = _requests.retrieve_analysis(analysis_id)
        spec = apply_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)
        return await self._client._request(spec, Analysis)


class AsyncAnalyses:
    """``client.analyses`` of ``AsyncKallglot``."""

    def __init__(self, client: AsyncKallglot) -> None:
        self._client = client
        self.with_raw_response = AsyncAnalysesWithRawResponse(client)

    create = aparsed(AsyncAnalysesWithRawResponse.create)
    retrieve = aparsed(AsyncAnalysesWithRawResponse.retrieve)

    async def wait(
        self, analysis_id: str, *, timeout: float = 300, poll_interval: float = 2.0, extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Analysis:  # fmt: skip
        """Poll until the analysis is completed or failed and return it; ``AnalysisTimeoutError`` after ``timeout``
        seconds in all (a positive finite number). Each poll uses the client's per-request timeout."""
        _check_wait_args(analysis_id, timeout, poll_interval)
        deadline = time.monotonic() + timeout
        interval, last = poll_interval, None
        while True:
            last = await self.retrieve(analysis_id, extra_headers=extra_headers, extra_query=extra_query)
            if last.status in FINISHED:
                return last
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _timeout(analysis_id, timeout, last)
            await _transport._async_sleep(next_poll(interval, self._client.rate_limit, remaining))
            interval = min(interval * 1.5, MAX_POLL_INTERVAL)
