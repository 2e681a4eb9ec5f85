"""Fault injection: make the next requests or streams fail in the ways real networks and servers fail.

Rules are queued with a count and an optional method/path filter and consumed by the requests that match them,
in order. All methods are thread-safe; tests call them from their own thread while the server runs.
"""

from __future__ import annotations

import fnmatch
import math
import threading
from dataclasses import dataclass, field

from ._errors import ApiError
from ._state import MockState


def _whole(name: str, value: object, minimum: int = 0) -> int:
    # Arguments also arrive as JSON through POST /_mock/faults: check them here, not when a request trips on them.
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be a whole number of at least {minimum}, not {value!r}")
    return value


def _text(name: str, value: object, *, optional: bool = True) -> str | None:
    if (value is None and optional) or isinstance(value, str):
        return value
    raise ValueError(f"{name} must be a string, not {value!r}")


@dataclass
class _Rule:
    kind: str  # "fail", "drop" or "delay"
    remaining: int
    method: str | None
    path: str | None
    error: ApiError | None = None
    seconds: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        if self.path is None:
            return True
        # "/sessions/*/end" and "/v1/sessions/*/end" both name the same route.
        return fnmatch.fnmatchcase(path, self.path) or fnmatch.fnmatchcase(path.removeprefix("/v1"), self.path)


@dataclass
class FaultPlan:
    """What happens to one request: an error instead of the handler, a delay after it, a dropped connection."""

    error: ApiError | None = None
    delay: float = 0.0
    drop: bool = False
    delay_taken: bool = field(default=False, repr=False)

    def take_delay(self) -> float:
        """The delay, once: whoever applies it first (the idempotency layer or the middleware) owns it."""
        if self.delay_taken:
            return 0.0
        self.delay_taken = True
        return self.delay


class Faults:
    """The public fault-injection handle of a mock server (``server.faults``).

    Request faults apply to authenticated ``/v1`` requests only; ``method`` and ``path`` (a glob such as
    ``"/sessions/*/end"``, with or without ``/v1``) narrow which requests a rule counts against.
    """

    def __init__(self, state: MockState) -> None:
        self._state = state
        self._rules: list[_Rule] = []
        self._stream_drops: list[int] = []
        self._lock = threading.Lock()

    def fail_next(
        self,
        count: int = 1,
        status: int = 503,
        *,
        retry_after: int | None = None,
        code: str | None = None,
        message: str | None = None,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Answer the next ``count`` matching requests with ``status`` and the error envelope, without acting.

        ``retry_after`` adds a ``Retry-After`` header and ``error.retry_after``.
        """
        if not 400 <= _whole("status", status) <= 599:
            raise ValueError("status must be an HTTP error status (400-599)")
        if retry_after is not None:
            _whole("retry_after", retry_after)
        _text("code", code)
        _text("message", message)
        error = ApiError(status, message, code=code, retry_after=retry_after)
        self._add(_Rule("fail", count, method, path, error=error))

    def drop_next(self, count: int = 1, *, method: str | None = None, path: str | None = None) -> None:
        """Process the next ``count`` matching requests, then close the connection without answering.

        The action happens (a session is created, a credit charged); the client sees a broken connection and
        may retry, which is what idempotency keys are for.
        """
        self._add(_Rule("drop", count, method, path))

    def delay_next(self, seconds: float, count: int = 1, *, method: str | None = None, path: str | None = None) -> None:
        """Hold the response of the next ``count`` matching requests for ``seconds`` after processing them.

        For idempotent POSTs the key stays "in progress" during the delay, so a duplicate gets 409
        ``idempotency_conflict``.
        """
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 <= seconds < math.inf:
            raise ValueError(f"seconds must be a finite number of at least 0, not {seconds!r}")
        self._add(_Rule("delay", count, method, path, seconds=seconds))

    def drop_stream(self, after_frames: int, count: int = 1) -> None:
        """Cut the next ``count`` stream connections abruptly (no close frame) once the server sent
        ``after_frames`` frames (``session.ready`` is frame 1; 0 drops right after the handshake)."""
        _whole("after_frames", after_frames)
        _whole("count", count, 1)
        with self._lock:
            self._stream_drops.extend([after_frames] * count)

    def expire_tokens(self) -> None:
        """Expire every stream token issued so far; open streams stay open, as in the real API."""
        self._state.expire_tokens()

    def fail_next_analyses(self, count: int = 1, error: str = "Analysis failed (injected by the mock).") -> None:
        """Make the next ``count`` analyses end ``failed`` (and emit ``analysis.failed``)."""
        _whole("count", count, 1)
        _text("error", error, optional=False)
        self._state.fail_next_analyses(count, error)

    def set_credits(self, remaining: int, used: int | None = None) -> None:
        """Set the credit balance; 0 makes session and analysis creation fail with 402."""
        _whole("remaining", remaining)
        if used is not None:
            _whole("used", used)
        self._state.set_credits(remaining, used)

    def set_organization_active(self, active: bool) -> None:
        """Switch the organization off (403 ``organization_inactive`` on billable calls) or on again."""
        if not isinstance(active, bool):
            raise ValueError(f"active must be true or false, not {active!r}")
        self._state.set_organization_active(active)

    def clear(self) -> None:
        """Drop every queued request and stream fault (state changes such as credits stay)."""
        with self._lock:
            self._rules.clear()
            self._stream_drops.clear()

    def pending(self) -> int:
        """How many request and stream faults are still queued."""
        with self._lock:
            return sum(rule.remaining for rule in self._rules) + len(self._stream_drops)

    # ---- used by the server ---------------------------------------------------------------------

    def take(self, method: str, path: str) -> FaultPlan:
        """Consume the first matching rule of each kind for one request."""
        plan = FaultPlan()
        with self._lock:
            for kind in ("fail", "delay", "drop"):
                rule = next((r for r in self._rules if r.kind == kind and r.matches(method, path)), None)
                if rule is None:
                    continue
                rule.remaining -= 1
                if rule.remaining <= 0:
                    self._rules.remove(rule)
                if kind == "fail":
                    plan.error = rule.error
                elif kind == "delay":
                    plan.delay = rule.seconds
                else:
                    plan.drop = True
        return plan

    def take_stream_drop(self) -> int | None:
        """The frame count after which to cut the stream being opened, if a fault asks for it."""
        with self._lock:
            return self._stream_drops.pop(0) if self._stream_drops else None

    def _add(self, rule: _Rule) -> None:
        _whole("count", rule.remaining, 1)
        _text("method", rule.method)
        _text("path", rule.path)
        with self._lock:
            self._rules.append(rule)
