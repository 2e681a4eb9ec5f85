"""``client.analyses``: request an analysis, read it, and wait for it to finish.

``create`` and ``retrieve`` are written once, as operations (see ``_base``); both ``wait`` loops follow one
``_Poll`` schedule and differ only in how they sleep.
"""

from __future__ import annotations

import datetime
import math
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Unpack

from kallglot_api.models import Analysis

from .. import _requests, _transport
from .._constants import ANALYSIS_MAX_POLL_INTERVAL, ANALYSIS_POLL_INTERVAL, ANALYSIS_WAIT_TIMEOUT
from .._exceptions import AnalysisTimeoutError
from .._request_spec import BodyRequestOptions, RequestOptions, apply_body_options, apply_options
from .._response import RateLimit
from .._validation import check_id
from ._base import AsyncRawSurface, AsyncSurface, Operation, Subsurface, SyncRawSurface, SyncSurface
from ._methods import Prepared

if TYPE_CHECKING:
    from kallglot_api.models import AnalysisComponent


Headers = Mapping[str, str] | None
Query = Mapping[str, Any] | None
FINISHED = frozenset({"completed", "complete", "failed"})
MAX_POLL_INTERVAL = ANALYSIS_MAX_POLL_INTERVAL


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


class _Poll:
    """The schedule of one ``wait``: its arguments checked, its deadline, and the growing interval."""

    def __init__(self, analysis_id: str, timeout: float, poll_interval: float) -> None:
        _check_wait_args(analysis_id, timeout, poll_interval)
        self.analysis_id = analysis_id
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.interval = poll_interval

    def after(self, last: Analysis, rate_limit: RateLimit | None) -> float | None:
        """``None`` once ``last`` is finished; else the seconds to sleep before the next poll, or
        ``AnalysisTimeoutError`` when the time is up."""
        if last.status in FINISHED:
            return None
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise _timeout(self.analysis_id, self.timeout, last)
        pause = next_poll(self.interval, rate_limit, remaining)
        self.interval = min(self.interval * 1.5, MAX_POLL_INTERVAL)
        return pause


def _create(
    session_id: str,
    *,
    include: Sequence[AnalysisComponent | str] | None = None,
    profile: str | None = None,
    idempotency_key: str | None = None,
    **options: Unpack[BodyRequestOptions],
) -> Prepared[Analysis]:
    """Queue an analysis of the session's transcript (one API credit); it starts ``processing``."""
    spec = _requests.create_analysis(session_id, include=include, profile=profile, idempotency_key=idempotency_key)
    return Prepared(apply_body_options(spec, **options), Analysis)


def _retrieve(analysis_id: str, **options: Unpack[RequestOptions]) -> Prepared[Analysis]:
    """The analysis and, once completed, its results."""
    return Prepared(apply_options(_requests.retrieve_analysis(analysis_id), **options), Analysis)


class _Calls:
    """The calls of ``client.analyses``, declared once for all four surfaces (see ``_base``)."""

    create = Operation(_create)
    retrieve = Operation(_retrieve)


class AnalysesWithRawResponse(_Calls, SyncRawSurface):
    """``client.analyses.with_raw_response``."""


class Analyses(_Calls, SyncSurface):
    """``client.analyses``."""

    with_raw_response = Subsurface(AnalysesWithRawResponse)

    def wait(
        self, analysis_id: str, *, timeout: float = ANALYSIS_WAIT_TIMEOUT,
        poll_interval: float = ANALYSIS_POLL_INTERVAL, extra_headers: Headers = None, extra_query: Query = None,
    ) -> Analysis:  # fmt: skip
        """Poll until the analysis is completed or failed and return it; ``AnalysisTimeoutError`` after ``timeout``
        seconds in all (a positive finite number). Each poll uses the client's per-request timeout."""
        poll = _Poll(analysis_id, timeout, poll_interval)
        while True:
            last = self.retrieve(analysis_id, extra_headers=extra_headers, extra_query=extra_query)
            pause = poll.after(last, self._client.rate_limit)
            if pause is None:
                return last
            _transport._sleep(pause)


class AsyncAnalysesWithRawResponse(_Calls, AsyncRawSurface):
    """``client.analyses.with_raw_response`` of ``AsyncKallglot``."""


class AsyncAnalyses(_Calls, AsyncSurface):
    """``client.analyses`` of ``AsyncKallglot``."""

    with_raw_response = Subsurface(AsyncAnalysesWithRawResponse)

    async def wait(
        self, analysis_id: str, *, timeout: float = ANALYSIS_WAIT_TIMEOUT,
        poll_interval: float = ANALYSIS_POLL_INTERVAL, extra_headers: Headers = None, extra_query: Query = None,
    ) -> Analysis:  # fmt: skip
        """Poll until the analysis is completed or failed and return it (``AnalysisTimeoutError`` after ``timeout``
        seconds); see ``Analyses.wait``."""
        poll = _Poll(analysis_id, timeout, poll_interval)
        while True:
            last = await self.retrieve(analysis_id, extra_headers=extra_headers, extra_query=extra_query)
            pause = poll.after(last, self._client.rate_limit)
            if pause is None:
                return last
            await _transport._async_sleep(pause)
