"""Identifiers, secrets and timestamps, random by default and counters when the mock is deterministic."""

from __future__ import annotations

import itertools
import secrets
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

# Crockford base32, the ULID alphabet the real ids use (``sess_01HXYZ…``).
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class IdFactory:
    """Make ``prefix_…`` ids. Thread-safe: the server thread and a test thread may both create objects."""

    def __init__(self, *, deterministic: bool) -> None:
        self._deterministic = deterministic
        self._counters: dict[str, itertools.count[int]] = {}
        self._lock = threading.Lock()

    def new(self, prefix: str, length: int = 14) -> str:
        """A fresh id such as ``sess_01J8Q3…`` (random) or ``sess_00000000000001`` (deterministic)."""
        if self._deterministic:
            with self._lock:
                counter = self._counters.setdefault(prefix, itertools.count(1))
                return f"{prefix}_{next(counter):0{length}d}"
        return f"{prefix}_01" + "".join(secrets.choice(_ALPHABET) for _ in range(length - 2))

    def reset(self) -> None:
        """Restart the deterministic counters (a reset mock numbers its objects from 1 again)."""
        with self._lock:
            self._counters.clear()

    def secret(self, prefix: str) -> str:
        """A stream-token-like secret (``kst_test_…``): 32 random characters, or a counter."""
        if self._deterministic:
            return self.new(prefix, 32)
        return f"{prefix}_{secrets.token_hex(16)}"


class Clock:
    """Wall-clock time for timestamps and expiry; a test may freeze it through ``MockConfig.clock``."""

    def __init__(self, source: Callable[[], float] | None = None) -> None:
        self._source = source or time.time

    def now(self) -> float:
        return self._source()

    def iso(self, at: float | None = None) -> str:
        """``at`` (default now) as ISO 8601 UTC with a ``Z`` and no fractional seconds, as the docs print it."""
        moment = datetime.fromtimestamp(self.now() if at is None else at, tz=UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
