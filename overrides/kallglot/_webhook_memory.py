"""The default de-duplication store: recent event ids in this process's memory."""

from __future__ import annotations

import threading
from collections import OrderedDict

from ._webhook_store import DEFAULT_MEMORY_SIZE, ClaimOutcome

__all__ = ["MemoryStore"]


class MemoryStore:
    """The ``maxsize`` most recently processed ids, plus every claim in progress, in this process only.

    Thread-safe, and usable from :class:`AsyncDeduplicator` too (no call blocks). Only *processed* ids are
    evicted (least recently seen first): a claim in progress is never evicted, so a concurrent redelivery is
    always told ``in_progress`` and never processes the event a second time. Ids are lost on restart and not
    shared between worker processes; use :class:`SQLiteStore` (one host) or a server store for those.
    """

    def __init__(self, maxsize: int = DEFAULT_MEMORY_SIZE) -> None:
        if isinstance(maxsize, bool) or not isinstance(maxsize, int) or maxsize < 1:
            raise ValueError("maxsize must be an int >= 1")
        self.maxsize = maxsize
        self._processed: OrderedDict[str, None] = OrderedDict()
        self._claims: dict[str, tuple[str, float]] = {}  # id -> (claim token, claimed at)
        self._lock = threading.Lock()

    def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        with self._lock:
            if event_id in self._processed:
                self._processed.move_to_end(event_id)
                return "processed"
            held = self._claims.get(event_id)
            if held is not None and now - held[1] < lease:
                return "in_progress"
            self._claims[event_id] = (token, now)
            return "claimed"

    def complete(self, event_id: str, now: float) -> None:
        with self._lock:
            self._claims.pop(event_id, None)
            self._processed[event_id] = None
            self._processed.move_to_end(event_id)
            while len(self._processed) > self.maxsize:
                self._processed.popitem(last=False)

    def release(self, event_id: str, token: str) -> None:
        with self._lock:
            held = self._claims.get(event_id)
            if held is not None and held[0] == token:
                del self._claims[event_id]

    def is_processed(self, event_id: str) -> bool:
        with self._lock:
            return event_id in self._processed

    def forget(self, event_id: str) -> None:
        with self._lock:
            self._processed.pop(event_id, None)
            self._claims.pop(event_id, None)

    def __len__(self) -> int:
        """Processed ids plus claims in progress."""
        with self._lock:
            return len(self._processed) + len(self._claims)
