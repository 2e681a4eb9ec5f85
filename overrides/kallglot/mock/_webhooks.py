"""Deliver the mock's events to a webhook endpoint the way Kallglot does: signed POSTs, retried until a 2xx.

The schedule is the documented one (8 attempts: at once, then about 1 min, 6 min, 36 min, 2.5 h, 7.5 h, 17.5 h
and 41.5 h after the first), multiplied by ``time_factor`` so a test or the demo does not wait hours.
"""

from __future__ import annotations

import heapq
import itertools
import json
import logging
import secrets
import threading
import time
from dataclasses import dataclass

import httpx

from .. import webhooks
from ._events import Event

logger = logging.getLogger("kallglot.mock")

# Seconds after the first attempt at which each attempt is made (retry-policy page).
SCHEDULE = (0.0, 60.0, 360.0, 2160.0, 9000.0, 27000.0, 63000.0, 149400.0)


@dataclass(frozen=True)
class Attempt:
    """One POST the sender made: which event, which try, and what came back."""

    event_id: str
    event_type: str
    webhook_id: str
    retry_count: int
    status: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class _Delivery:
    event: Event
    body: bytes
    webhook_id: str
    first_sent: float  # unix time of the first attempt (Kallglot-Original-Timestamp)
    started: float  # monotonic time of the first attempt, for the schedule


class WebhookSender:
    """Subscribe to an :class:`EventLog` and POST each event to ``url``, signed with ``secret``.

    Deliveries run on one background thread in due-time order; ``attempts`` records every POST. Thread-safe.
    """

    def __init__(self, url: str, secret: str, *, time_factor: float = 1 / 3600, timeout: float = 30.0) -> None:
        if not secret:
            raise ValueError("a webhook secret is needed to sign deliveries")
        self.url = url
        self._secret = secret
        self.time_factor = time_factor
        self.attempts: list[Attempt] = []
        self._due: list[tuple[float, int, int, _Delivery]] = []
        self._order = itertools.count()
        self._busy = 0
        self._cv = threading.Condition()
        self._stopped = False
        self._http = httpx.Client(timeout=timeout, follow_redirects=False)
        self._thread = threading.Thread(target=self._run, name="kallglot-mock-webhooks", daemon=True)
        self._thread.start()

    def __call__(self, event: Event) -> None:
        """Queue ``event`` for delivery (an :class:`EventLog` subscriber)."""
        body = json.dumps(event, separators=(",", ":"), allow_nan=False).encode()
        delivery = _Delivery(event, body, "wh_del_" + secrets.token_hex(10), time.time(), time.monotonic())
        self._schedule(delivery, 0)

    def _schedule(self, delivery: _Delivery, retry: int) -> None:
        due = delivery.started + SCHEDULE[retry] * self.time_factor
        with self._cv:
            heapq.heappush(self._due, (due, next(self._order), retry, delivery))
            self._cv.notify()

    def _run(self) -> None:
        while True:
            with self._cv:
                while not self._stopped and (not self._due or self._due[0][0] > time.monotonic()):
                    self._cv.wait(None if not self._due else max(0.0, self._due[0][0] - time.monotonic()))
                if self._stopped:
                    return
                _, _, retry, delivery = heapq.heappop(self._due)
                self._busy += 1
            try:
                self._attempt(delivery, retry)
            finally:
                with self._cv:
                    self._busy -= 1
                    self._cv.notify_all()

    def _attempt(self, delivery: _Delivery, retry: int) -> None:
        headers = {
            "Content-Type": "application/json",
            "Kallglot-Signature": webhooks.sign(delivery.body, self._secret),
            "Kallglot-Webhook-Id": delivery.webhook_id,
            "Kallglot-Retry-Count": str(retry),
            "Kallglot-Original-Timestamp": str(int(delivery.first_sent)),
        }
        status, error = None, None
        try:
            status = self._http.post(self.url, content=delivery.body, headers=headers).status_code
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        attempt = Attempt(delivery.event["id"], delivery.event["type"], delivery.webhook_id, retry, status, error)
        with self._cv:
            self.attempts.append(attempt)
        if attempt.ok:
            return
        if retry + 1 < len(SCHEDULE):
            logger.info("webhook %s for %s failed (%s); retry %d scheduled", attempt.webhook_id,
                        attempt.event_type, error or status, retry + 1)  # fmt: skip
            self._schedule(delivery, retry + 1)
        else:
            logger.warning("webhook %s for %s failed permanently", attempt.webhook_id, attempt.event_type)

    def clear(self) -> None:
        """Drop queued retries and forget the attempts so far (a delivery in flight still records its attempt)."""
        with self._cv:
            self._due.clear()
            self.attempts.clear()

    def drain(self, timeout: float = 10.0) -> bool:
        """Wait until nothing is queued or in flight; ``False`` if that took longer than ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._cv:
            while self._due or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cv.wait(left)
        return True

    def close(self) -> None:
        """Stop delivering (queued retries are dropped) and release the connection pool."""
        with self._cv:
            self._stopped = True
            self._cv.notify_all()
        self._thread.join(timeout=10)
        self._http.close()
