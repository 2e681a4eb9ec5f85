"""When to retry and how long to wait: pure functions the request loop calls, tested directly."""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping

from ._constants import INITIAL_RETRY_DELAY, MAX_RETRY_DELAY

RETRY_STATUSES = frozenset({408, 409, 429})
NEVER_RETRY = frozenset({400, 401, 402, 403, 404, 422})


def should_retry(status_code: int) -> bool:
    """Whether an error status is worth another attempt (the same idempotency key makes it safe)."""
    if status_code in NEVER_RETRY:
        return False
    return status_code in RETRY_STATUSES or status_code >= 500


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delta seconds or an HTTP date; ``None`` if unusable."""
    if value is None or not value.strip():
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def server_wait(
    status_code: int, headers: Mapping[str, str], body_retry_after: float | None, *, now: float | None = None
) -> float | None:
    """The wait the server asked for, if it asked: ``Retry-After``, then (on 429) the window reset, then the body."""
    wait = parse_retry_after(headers.get("retry-after"), now=now)
    if wait is not None:
        return wait
    reset = headers.get("x-ratelimit-reset")
    if status_code == 429 and reset:
        try:
            return max(0.0, float(reset) - (time.time() if now is None else now))
        except ValueError:
            pass
    return body_retry_after


def backoff(
    attempt: int,
    *,
    initial: float = INITIAL_RETRY_DELAY,
    maximum: float = MAX_RETRY_DELAY,
    jitter: float = 0.25,
    rng: Callable[[], float] = random.random,
) -> float:
    """The wait before retry ``attempt`` (0-based): ``initial`` doubling per attempt up to ``maximum``, less a
    random fraction of at most ``jitter`` so that clients failing together do not retry together.

    The one backoff of the SDK: REST retries use the defaults, stream reconnects their ``StreamOptions``.
    """
    delay = min(initial * 2.0 ** min(attempt, 64), maximum)
    return delay * (1.0 - jitter * rng())
