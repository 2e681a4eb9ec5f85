"""The one place state changes become webhook-shaped events.

Every lifecycle change in the mock calls :meth:`EventLog.emit`. Today an event is kept in a bounded log and handed
to subscribers; webhook delivery (signing, POST, retries) will subscribe here rather than touch the state code.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from ._ids import Clock, IdFactory

logger = logging.getLogger("kallglot.mock")

Event = dict[str, Any]
Subscriber = Callable[[Event], None]

# The documented event types the mock produces (analysis completion is spelled ``analysis.complete`` in the
# webhook docs even though the analysis status is ``completed``).
EVENT_TYPES = frozenset(
    {
        "session.created",
        "session.started",
        "session.ended",
        "transcript.segment",
        "transcript.ready",
        "recording.ready",
        "analysis.complete",
        "analysis.failed",
    }
)


class EventLog:
    """Record events in the webhook envelope (``evt_…`` id, ``type``, ``api_version``, ``created_at``, ``data``).

    Thread-safe. Subscribers run synchronously in the thread that changed the state, so they must be quick and
    must not raise; an exception is logged and swallowed so that a broken subscriber never breaks the API.
    """

    def __init__(self, ids: IdFactory, clock: Clock, maxlen: int = 1000) -> None:
        self._ids = ids
        self._clock = clock
        self._events: deque[Event] = deque(maxlen=maxlen)
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()

    def emit(self, type: str, data: dict[str, Any]) -> Event:
        """Record one event of a documented ``type`` and hand it to every subscriber; return the envelope."""
        if type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {type!r}")
        event: Event = {
            "id": self._ids.new("evt"),
            "type": type,
            "api_version": "v1",
            "created_at": self._clock.iso(),
            "data": data,
        }
        with self._lock:
            self._events.append(event)
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(event)
            except Exception:
                logger.exception("event subscriber failed for %s", event["type"])
        return event

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber`` with every later event; return a function that unsubscribes it."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def list(self, type: str | None = None) -> list[Event]:
        """The recorded events, oldest first, optionally only those of one ``type``."""
        with self._lock:
            return [event for event in self._events if type is None or event["type"] == type]

    def clear(self) -> None:
        with self._lock:
            self._events.clear()
