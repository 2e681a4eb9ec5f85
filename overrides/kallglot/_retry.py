"""When to retry and how long to wait: pure functions the request loop calls, tested directly."""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping

from ._constants import INITIAL_RETRY_DELAY, MAX_RETRY_DELAY
from ._response import MAX_EPOCH
from ._wire import number

RETRY_STATUSES = frozenset({408, 409, 429})
NEVER_RETRY = frozenset({400, 401, 402, 403, 404, 422})
# The longest wait a server can ask for (a day): longer requests are clamped to it, NaN or garbage ignored.
# Any wait above the client's max_retry_wait turns into an immediate RateLimitError anyway.
MAX_SERVER_WAIT = 86400.0


def should_retry(status_code: int) -> bool:
    """Whether an error status is worth another attempt (the same idempotency key makes it safe)."""
    if status_code in NEVER_RETRY:
        return False
    return status_code in RETRY_STATUSES or status_code >= 500


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delta seconds or an HTTP date; ``None`` if unusable.

    The result is within ``[0, MAX_SERVER_WAIT]``: a past date is 0, a later one is clamped, NaN is ``None``.
    """
    if value is None or not value.strip():
        return None
    seconds = number(value, maximum=MAX_SERVER_WAIT)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        return None
    return number(when.timestamp() - (time.time() if now is None else now), maximum=MAX_SERVER_WAIT)


def server_wait(
    status_code: int, headers: Mapping[str, str], body_retry_after: object, *, now: float | None = None
) -> float | None:
    """The wait the server asked for, if it asked: ``Retry-After``, then (on 429) the window reset, then the
    body's ``retry_after``. Always ``None`` or a finite number of seconds in ``[0, MAX_SERVER_WAIT]``."""
    wait = parse_retry_after(headers.get("retry-after"), now=now)
    if wait is not None:
        return wait
    reset = number(headers.get("x-ratelimit-reset"), maximum=MAX_EPOCH, clamp=False)
    if status_code == 429 and reset is not None:
        return number(reset - (time.time() if now is None else now), maximum=MAX_SERVER_WAIT)
    return number(body_retry_after, maximum=MAX_SERVER_WAIT)


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
